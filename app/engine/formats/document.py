"""The neutral prompt document every file format parses into and dumps from."""

from __future__ import annotations

from typing import Any, Literal, NamedTuple

import msgspec

from app.engine.types import ChatMessage, Variable

PromptKind = Literal["text", "chat"]
Role = Literal["system", "user", "assistant", "placeholder"]


class PromptDocument(msgspec.Struct, kw_only=True, rename="camel"):
    """One prompt version, independent of the file format it came from.

    Text and message contents are stored without surrounding whitespace. `unmapped` lists, in plain words,
    what the source had that this document cannot hold (partials, helpers, unknown keys...).
    """

    name: str
    kind: PromptKind = "text"
    text: str = ""
    messages: list[ChatMessage] = msgspec.field(default_factory=list)
    variables: list[Variable] = msgspec.field(default_factory=list)
    model: str | None = None
    config: dict[str, Any] = msgspec.field(default_factory=dict)
    """Model parameters (temperature, max tokens, ...) as the source spelled them."""
    output_format: str | None = None
    output_schema: dict[str, Any] | None = None
    """JSON Schema of the structured output, when there is one."""
    tools: list[Any] = msgspec.field(default_factory=list)
    """Tool names or tool definitions, as the source gave them."""
    labels: list[str] = msgspec.field(default_factory=list)
    tags: list[str] = msgspec.field(default_factory=list)
    version: int | None = None
    commit_message: str | None = None
    description: str | None = None
    metadata: dict[str, Any] = msgspec.field(default_factory=dict)
    unmapped: list[str] = msgspec.field(default_factory=list)


class Encoded(NamedTuple):
    """A document written in one format, and what that format could not hold."""

    content: str
    unmapped: list[str]


class Segment(NamedTuple):
    """Where the text of a prompt (or of one chat message) sits in its source file: `source[start:end]`."""

    role: Role | None
    start: int
    end: int
