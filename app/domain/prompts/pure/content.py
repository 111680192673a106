"""Pure rules about a version's content: shape per kind, the variable contract, the content hash, and the
engine-computed token counts and lint summary. No I/O here."""

from __future__ import annotations

import hashlib
import re
from typing import Any
from urllib.parse import unquote

import msgspec

from app.domain.prompts.schemas import LintSummary, ModelConfig
from app.engine.types import ChatMessage, Variable
from app.lib.errors import NotFoundError, ValidationFailedError

VARIABLE_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
MAX_VARIABLE_ENUM = 200

FieldError = dict[str, str]


def error(field: str, message: str, source: str = "body") -> FieldError:
    return {"field": field, "source": source, "message": message}


def name_from_path(raw: str) -> str:
    """The prompt name from its URL path segment.

    Names may contain `/` (folders). ASGI servers decode `%2F` before routing, so a name is sent as ONE
    path segment with its slashes written `%252F` (the name URL-encoded twice), or `%2F` when the server
    keeps encoded slashes. Names never contain `%`, so decoding here is unambiguous.
    """
    return unquote(raw) if "%" in raw else raw


def check_content(
    kind: str, text: str | None, messages: list[ChatMessage] | None, variables: list[Variable], prefix: str = ""
) -> list[FieldError]:
    """Every problem with a version's content and contract, with the field path of each."""
    errors: list[FieldError] = []
    if kind == "text":
        if text is None:
            errors.append(error(f"{prefix}text", "a text prompt needs `text`"))
        if messages is not None:
            errors.append(error(f"{prefix}messages", "a text prompt has no `messages`"))
    else:
        if messages is None or not messages:
            errors.append(error(f"{prefix}messages", "a chat prompt needs at least one message"))
        if text is not None:
            errors.append(error(f"{prefix}text", "a chat prompt has no `text`; use `messages`"))
    seen: set[str] = set()
    by_name: dict[str, Variable] = {}
    for i, var in enumerate(variables):
        path = f"{prefix}variables[{i}]"
        if not VARIABLE_NAME.match(var.name) or len(var.name) > 64:
            errors.append(error(f"{path}.name", "must be an identifier: letters, digits, _ (no leading digit)"))
        if var.name in seen:
            errors.append(error(f"{path}.name", f"duplicate variable {var.name!r}"))
        seen.add(var.name)
        by_name[var.name] = var
        if var.type == "enum":
            if not var.enum_values:
                errors.append(error(f"{path}.enumValues", "an enum variable needs enumValues"))
            elif len(var.enum_values) > MAX_VARIABLE_ENUM or len(set(var.enum_values)) != len(var.enum_values):
                errors.append(error(f"{path}.enumValues", "enumValues must be unique (at most 200)"))
        elif var.enum_values is not None:
            errors.append(error(f"{path}.enumValues", "only enum variables take enumValues"))
        if var.max_length is not None and (var.max_length < 1 or var.type not in {"string", "enum", "list"}):
            errors.append(error(f"{path}.maxLength", "a positive limit, for string, enum or list variables"))
        if var.default is not None:
            from app.domain.prompts.pure.templating import check_value  # local: render imports this module

            problem = check_value(var, var.default)
            if problem:
                errors.append(error(f"{path}.default", f"default {problem}"))
    for i, message in enumerate(messages or []):
        if message.role == "placeholder":
            if not message.name or not VARIABLE_NAME.match(message.name):
                errors.append(error(f"{prefix}messages[{i}].name", "a placeholder names the variable holding messages"))
            elif message.name in by_name and by_name[message.name].type != "list":
                errors.append(error(f"{prefix}messages[{i}].name", f"variable {message.name!r} must be of type list"))
    return errors


def canonical_content(
    kind: str, text: str | None, messages: list[ChatMessage] | None, variables: list[Variable], config: ModelConfig
) -> dict[str, Any]:
    return {
        "kind": kind,
        "text": text,
        "messages": msgspec.to_builtins(messages) if messages is not None else None,
        "variables": msgspec.to_builtins(variables),
        "modelConfig": msgspec.to_builtins(config),
    }


def content_hash(
    kind: str, text: str | None, messages: list[ChatMessage] | None, variables: list[Variable], config: ModelConfig
) -> str:
    """SHA-256 of the canonical JSON of everything that makes a version behave differently."""
    payload = msgspec.json.encode(canonical_content(kind, text, messages, variables, config), order="sorted")
    return hashlib.sha256(payload).hexdigest()


def engine_analysis(
    text: str | None, messages: list[ChatMessage] | None, variables: list[Variable]
) -> tuple[list[dict[str, Any]] | None, dict[str, Any] | None]:
    """Token counts and lint summary from the generation engine; (None, None) when it is not available.

    Never invented: if the engine cannot be imported or fails, both stay absent.
    """
    prompt: str | list[ChatMessage] = text if text is not None else list(messages or [])
    tokens: list[dict[str, Any]] | None = None
    lint: dict[str, Any] | None = None
    try:
        from app.engine.tokens import count_all
    except Exception:  # noqa: BLE001 - engine missing or broken: no counts rather than no version
        count_all = None  # type: ignore[assignment]
    try:
        from app.engine.lint import lint_prompt
    except Exception:  # noqa: BLE001
        lint_prompt = None  # type: ignore[assignment]
    if count_all is not None:
        try:
            tokens = [msgspec.to_builtins(c) for c in count_all(prompt)]
        except Exception:  # noqa: BLE001 - an engine bug must not block saving a version
            tokens = None
    if lint_prompt is not None:
        try:
            report = lint_prompt(prompt, variables=variables)
            lint = msgspec.to_builtins(
                LintSummary(
                    score=report.score,
                    errors=report.errors,
                    warnings=report.warnings,
                    infos=report.infos,
                    rule_ids=sorted({f.rule_id for f in report.findings}),
                )
            )
        except Exception:  # noqa: BLE001
            lint = None
    return tokens, lint


def check_one_selector(label: str | None, version: int | None, source: str) -> None:
    """A version is selected by a label or by its number, never both (400 naming `version` in `source`)."""
    if label is not None and version is not None:
        raise ValidationFailedError(
            "Give either label or version, not both.",
            extra={"errors": [error("version", "cannot be combined with label", source)]},
        )


class PromptNotFoundError(NotFoundError):
    """No prompt of that name in the workspace: its own problem type, told apart from a missing label."""

    slug, title = "prompt-not-found", "No such prompt"


class SelectorNotFoundError(NotFoundError):
    """The prompt exists but has no such label or version: a client can tell a typo in the label from a
    deleted prompt by the problem type alone."""

    slug, title = "label-or-version-not-found", "No such label or version"


def not_found(name: str) -> NotFoundError:
    return PromptNotFoundError(f"Prompt {name!r} does not exist in this workspace.")


def no_selector(name: str, what: str) -> NotFoundError:
    """404 for a prompt that exists but has no `what` (`label 'x'`, `version 3`)."""
    return SelectorNotFoundError(f"Prompt {name!r} has no {what}.")
