"""Portable documents: the JSON export format and one Markdown file per prompt. Pure functions.

JSON: `{"format": "promptsmith.export/v1", "prompts": [ExportPrompt, ...]}`.

Markdown (`promptsmith.markdown/v1`): YAML front matter whose values are written in JSON flow style (valid
YAML, so any front-matter reader can read it; we parse it with a strict line parser, no YAML library),
then one section per version:

    ## Version 3
    <!-- promptsmith:version {"commitMessage": "...", "variables": [...], ...} -->
    ````text
    the exact content
    ````

Chat versions have one fenced block per message, preceded by `### role` (or `### placeholder: name`).
Each fence is longer than any backtick run in its content and the block holds the content plus one
newline, so text round-trips byte for byte.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

import msgspec

from app.domain.prompts.schemas import EXPORT_FORMAT, ExportDocument, ExportPrompt
from app.engine.types import ChatMessage

MARKDOWN_FORMAT = "promptsmith.markdown/v1"
_FRONT_KEYS = ("format", "name", "kind", "description", "tags", "archived", "labels")
_VERSION_HEADING = re.compile(r"^## Version (\d+)$")
_META = re.compile(r"^<!-- promptsmith:version (\{.*\}) -->$")
_MESSAGE_HEADING = re.compile(r"^### (system|user|assistant|placeholder)(?:: ([A-Za-z_][A-Za-z0-9_]*))?$")
_FENCE_OPEN = re.compile(r"^(`{3,})text$")


class DocumentError(ValueError):
    """A document that cannot be read; `field` locates the offending entry."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


# --- JSON ----------------------------------------------------------------------------------------------


def decode_json_document(raw: bytes) -> ExportDocument:
    try:
        return msgspec.json.decode(raw, type=ExportDocument)
    except msgspec.ValidationError as exc:
        message = str(exc)
        field = ""
        if " - at `$" in message:
            message, _, path = message.rpartition(" - at `$")
            field = path.rstrip("`").lstrip(".")
        raise DocumentError(field or "document", message) from None
    except msgspec.DecodeError as exc:
        raise DocumentError("document", f"not valid JSON ({exc})") from None


# --- Markdown ------------------------------------------------------------------------------------------


def _json(value: Any) -> str:
    return msgspec.json.encode(value).decode().replace("-->", "--\\u003e")


def _fence(content: str) -> str:
    longest = max((len(m) for m in re.findall(r"`+", content)), default=0)
    ticks = "`" * max(3, longest + 1)
    return f"{ticks}text\n{content}\n{ticks}\n"


def to_markdown(prompt: ExportPrompt) -> str:
    front = {
        "format": MARKDOWN_FORMAT,
        "name": prompt.name,
        "kind": prompt.kind,
        "description": prompt.description,
        "tags": prompt.tags,
        "archived": prompt.archived,
        "labels": prompt.labels,
    }
    parts = ["---\n", *(f"{key}: {_json(front[key])}\n" for key in _FRONT_KEYS), "---\n", f"\n# {prompt.name}\n"]
    for version in prompt.versions:
        meta = msgspec.to_builtins(version)
        meta.pop("version", None)
        meta.pop("text", None)
        meta.pop("messages", None)
        parts.append(f"\n## Version {version.version}\n")
        parts.append(f"<!-- promptsmith:version {_json(meta)} -->\n")
        if version.messages is not None:
            for message in version.messages:
                if message.role == "placeholder":
                    parts.append(f"### placeholder: {message.name}\n")
                else:
                    parts.append(f"### {message.role}\n{_fence(message.content)}")
        else:
            parts.append(_fence(version.text or ""))
    return "".join(parts)


def _read_fence(lines: list[str], i: int, where: str) -> tuple[str, int]:
    if i >= len(lines) or not (match := _FENCE_OPEN.match(lines[i])):
        raise DocumentError(where, f"line {i + 1}: expected a fenced block opening with ```text")
    fence = match.group(1)
    body: list[str] = []
    i += 1
    while i < len(lines) and lines[i] != fence:
        body.append(lines[i])
        i += 1
    if i >= len(lines):
        raise DocumentError(where, "unterminated fenced block")
    return "\n".join(body), i + 1


def from_markdown(source: str, where: str = "document") -> ExportPrompt:
    """Parse one prompt file. Raises DocumentError naming the entry and line at fault."""
    lines = source.split("\n")
    if not lines or lines[0].rstrip("\r") != "---":
        raise DocumentError(where, "must start with front matter (---)")
    front: dict[str, Any] = {}
    i = 1
    while i < len(lines) and lines[i].rstrip("\r") != "---":
        line = lines[i].rstrip("\r")
        i += 1
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        key, sep, value = line.partition(":")
        if not sep or key.strip() not in _FRONT_KEYS:
            raise DocumentError(f"{where}.frontMatter", f"line {i}: expected one of {', '.join(_FRONT_KEYS)}")
        try:
            front[key.strip()] = msgspec.json.decode(value.strip()) if value.strip() else None
        except msgspec.DecodeError:
            front[key.strip()] = value.strip()  # a bare YAML scalar (e.g. name: support/triage)
    if i >= len(lines):
        raise DocumentError(f"{where}.frontMatter", "front matter is not closed (---)")
    if front.pop("format", MARKDOWN_FORMAT) != MARKDOWN_FORMAT:
        raise DocumentError(f"{where}.frontMatter.format", f"expected {MARKDOWN_FORMAT}")
    versions: list[dict[str, Any]] = []
    i += 1
    while i < len(lines):
        heading = _VERSION_HEADING.match(lines[i])
        if not heading:
            i += 1
            continue
        vwhere = f"{where}.versions[{len(versions)}]"
        i += 1
        meta_match = _META.match(lines[i]) if i < len(lines) else None
        if not meta_match:
            raise DocumentError(vwhere, f"line {i + 1}: expected the <!-- promptsmith:version {{...}} --> line")
        try:
            meta = msgspec.json.decode(meta_match.group(1))
        except msgspec.DecodeError as exc:
            raise DocumentError(vwhere, f"metadata is not valid JSON ({exc})") from None
        if not isinstance(meta, dict):
            raise DocumentError(vwhere, "metadata must be an object")
        meta["version"] = int(heading.group(1))
        i += 1
        if front.get("kind") == "chat":
            messages: list[dict[str, Any]] = []
            while i < len(lines) and (mh := _MESSAGE_HEADING.match(lines[i])):
                i += 1
                if mh.group(1) == "placeholder":
                    messages.append({"role": "placeholder", "name": mh.group(2)})
                else:
                    content, i = _read_fence(lines, i, f"{vwhere}.messages[{len(messages)}]")
                    messages.append({"role": mh.group(1), "content": content})
            meta["messages"] = messages
        else:
            meta["text"], i = _read_fence(lines, i, vwhere)
        versions.append(meta)
    front["versions"] = versions
    try:
        return msgspec.convert(front, ExportPrompt)
    except msgspec.ValidationError as exc:
        message, _, path = str(exc).rpartition(" - at `$")
        field = path.rstrip("`").lstrip(".")
        raise DocumentError(f"{where}.{field}" if field else where, message or str(exc)) from None


def document(prompts: list[ExportPrompt], workspace: str | None = None) -> ExportDocument:
    """The export document of `prompts`, stamped now."""
    return ExportDocument(format=EXPORT_FORMAT, prompts=prompts, workspace=workspace, exported_at=datetime.now(UTC))


__all__ = ["ChatMessage", "DocumentError", "decode_json_document", "document", "from_markdown", "to_markdown"]
