"""OpenAI reusable prompt objects, as users saved them (the hosted API shut down on 2026-11-30, no export).

Accepted: one object or an array of `{id, version, instructions, variables}`; `variables` maps each name to
its saved value (kept as the variable's default; a non-string value is reported) or is a list of names.
`model` and `tools` are kept when present; any other key is reported as unmapped. The id becomes the name.
"""

from __future__ import annotations

from typing import Any

import msgspec

from app.engine.formats._frontmatter import FormatError
from app.engine.formats.document import Encoded, PromptDocument
from app.engine.types import Variable

KNOWN_KEYS = ("id", "version", "instructions", "variables", "model", "tools")


def _variables(raw: Any, unmapped: list[str]) -> list[Variable]:
    if isinstance(raw, list):
        return [Variable(name=str(name)) for name in raw]
    variables = []
    for name, value in (raw or {}).items():
        if value is not None and not isinstance(value, str):
            unmapped.append(f"variables.{name}: non-text value (file or image input)")
            value = None
        variables.append(Variable(name=str(name), default=value or None))
    return variables


def from_object(item: Any, position: int) -> PromptDocument:
    """One saved prompt object → a document."""
    if not isinstance(item, dict) or not isinstance(item.get("id"), str):
        raise FormatError(f"item {position}: an OpenAI prompt object needs an 'id'")
    unmapped = [f"field '{key}'" for key in item if key not in KNOWN_KEYS]
    version = item.get("version")
    doc = PromptDocument(
        name=item["id"],
        text=str(item.get("instructions") or "").strip(),
        variables=_variables(item.get("variables"), unmapped),
        version=int(version) if isinstance(version, (int, str)) and str(version).isdigit() else None,
        unmapped=unmapped,
    )
    if version is not None and doc.version is None:
        unmapped.append(f"version '{version}' is not a number")
    if isinstance(item.get("model"), str):
        doc.model = item["model"]
    if isinstance(item.get("tools"), list):
        doc.tools = item["tools"]
    return doc


def parse_many(source: str) -> list[PromptDocument]:
    """Parse pasted prompt-object JSON (one object or an array)."""
    try:
        data = msgspec.json.decode(source)
    except msgspec.DecodeError as exc:
        raise FormatError(f"not valid JSON: {exc}") from exc
    items = data if isinstance(data, list) else [data]
    return [from_object(item, index) for index, item in enumerate(items)]


def dump_many(docs: list[PromptDocument]) -> Encoded:
    """Write prompt objects; only id, version, instructions, variables, model and tools survive."""
    items: list[dict[str, Any]] = []
    unmapped: list[str] = []
    for doc in docs:
        lost = [
            label
            for label, value in (
                ("messages (only the instructions text is kept)", doc.kind == "chat"),
                ("config", doc.config),
                ("output schema", doc.output_schema),
                ("output format", doc.output_format),
                ("labels", doc.labels),
                ("tags", doc.tags),
                ("commit message", doc.commit_message),
                ("description", doc.description),
                ("metadata", doc.metadata),
            )
            if value
        ]
        lost += [f"variables.{v.name}: contract (type, required, trust)" for v in doc.variables if _has_contract(v)]
        text = doc.text if doc.kind == "text" else "\n\n".join(m.content for m in doc.messages if m.role == "system")
        item: dict[str, Any] = {"id": doc.name}
        if doc.version is not None:
            item["version"] = str(doc.version)
        item["instructions"] = text
        item["variables"] = {v.name: v.default if isinstance(v.default, str) else "" for v in doc.variables}
        if doc.model is not None:
            item["model"] = doc.model
        if doc.tools:
            item["tools"] = doc.tools
        items.append(item)
        unmapped.extend(f"{doc.name}: {entry}" for entry in lost)
    return Encoded(msgspec.json.format(msgspec.json.encode(items)).decode() + "\n", unmapped)


def _has_contract(variable: Variable) -> bool:
    return (
        variable.type != "string"
        or not variable.required
        or variable.trusted
        or bool(variable.description)
        or variable.max_length is not None
        or variable.enum_values is not None
        or (variable.default is not None and not isinstance(variable.default, str))
    )
