"""Shared value types of the generation engine.

The engine is a pure library: it imports msgspec and the standard library only, never Litestar,
SQLAlchemy or anything that does I/O. These Structs are also used on the wire by the HTTP layer,
so they encode field names in camelCase.
"""

from __future__ import annotations

from typing import Any, Literal

import msgspec

Target = Literal["claude", "gpt", "gemini", "small", "generic"]
"""Model family a prompt is rendered for."""

TARGETS: tuple[Target, ...] = ("claude", "gpt", "gemini", "small", "generic")

VariableType = Literal["string", "integer", "number", "boolean", "enum", "list"]
Severity = Literal["error", "warning", "info"]


class EngineStruct(msgspec.Struct, rename="camel", forbid_unknown_fields=True, omit_defaults=False):
    """Base for engine value types: camelCase on the wire, unknown fields rejected."""


class Variable(EngineStruct, kw_only=True):
    """Contract of one template variable (`{{name}}`) of a prompt."""

    name: str
    type: VariableType = "string"
    required: bool = True
    default: Any = None
    enum_values: list[str] | None = None
    max_length: int | None = None
    description: str = ""
    trusted: bool = False
    """False for anything an end user types: such values are delimited and treated as data."""


class ChatMessage(EngineStruct, kw_only=True):
    """One message of a chat prompt. A `placeholder` entry stands for a list of messages (e.g. history)."""

    role: Literal["system", "user", "assistant", "placeholder"]
    content: str = ""
    name: str | None = None
    """For placeholders: the variable that holds the inserted message list."""


class TokenCount(EngineStruct, kw_only=True):
    """A token count and how it was obtained."""

    target: Target
    count: int
    method: Literal["exact", "estimate"]
    tokenizer: str


class Span(EngineStruct, kw_only=True):
    """Half-open character range [start, end) in the linted text."""

    start: int
    end: int


class Finding(EngineStruct, kw_only=True):
    """One lint finding."""

    rule_id: str
    category: str
    severity: Severity
    message: str
    span: Span | None = None
    suggestion: str | None = None


class CategoryScore(EngineStruct, kw_only=True):
    category: str
    score: int
    findings: int


class LintReport(EngineStruct, kw_only=True):
    """Result of linting one prompt: findings plus a 0-100 score with a per-category breakdown."""

    findings: list[Finding]
    score: int
    categories: list[CategoryScore]
    errors: int
    warnings: int
    infos: int


class RuleOverride(EngineStruct, kw_only=True):
    """Per-request or per-workspace change to one rule: switch it off or re-grade it."""

    rule_id: str
    enabled: bool = True
    severity: Severity | None = None


class LintConfig(EngineStruct, kw_only=True):
    """Lint options. `token_budget` overrides the per-target default budget."""

    overrides: list[RuleOverride] = msgspec.field(default_factory=list)
    token_budget: int | None = None
