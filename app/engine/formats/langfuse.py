"""Langfuse prompt export JSON: an array of prompt objects (one per version), or a single object.

Object fields (Langfuse public API, prompts): name, type (text|chat), prompt (a string, or messages
`{role, content}` and `{type: "placeholder", name}`), config (free JSON), labels, tags, version, commitMessage.
Mapping: `config.model` → model, `config.tools` → tools, `config.response_format.json_schema.schema` →
output schema, the rest of `config` → config. Langfuse has no variable contracts, description or metadata:
dumping them reports them as unmapped (variables only when they differ from what the text's `{{name}}`
placeholders imply, which an import infers back). Server-side fields (id, createdAt, projectId...) are reported too.
"""

from __future__ import annotations

from typing import Any

import msgspec

from app.engine.formats._frontmatter import FormatError
from app.engine.formats.document import Encoded, PromptDocument
from app.engine.placeholders import infer_variables
from app.engine.types import ChatMessage

KNOWN_KEYS = ("name", "type", "prompt", "config", "labels", "tags", "version", "commitMessage")
ROLES = ("system", "user", "assistant")


def _message(index: int, item: Any, unmapped: list[str]) -> ChatMessage | None:
    if not isinstance(item, dict):
        unmapped.append(f"prompt[{index}]: not a message object")
        return None
    if item.get("type") == "placeholder":
        return ChatMessage(role="placeholder", name=str(item.get("name", "")))
    role = str(item.get("role", "user"))
    if role not in ROLES:
        unmapped.append(f"prompt[{index}]: role '{role}' read as user")
        role = "user"
    return ChatMessage(role=role, content=str(item.get("content", "")).strip())  # type: ignore[arg-type]


def _config(config: dict[str, Any], doc: PromptDocument) -> None:
    rest = dict(config)
    if isinstance(rest.get("model"), str):
        doc.model = rest.pop("model")
    if isinstance(rest.get("tools"), list):
        doc.tools = rest.pop("tools")
    response_format = rest.get("response_format")
    if isinstance(response_format, dict) and isinstance(response_format.get("json_schema"), dict):
        schema = response_format["json_schema"].get("schema")
        if isinstance(schema, dict) and set(response_format) == {"type", "json_schema"}:
            doc.output_schema = schema
            doc.output_format = "json"
            del rest["response_format"]
    doc.config = rest


def from_object(item: Any, position: int) -> PromptDocument:
    """One Langfuse prompt object → a document."""
    if not isinstance(item, dict) or not isinstance(item.get("name"), str):
        raise FormatError(f"item {position}: a Langfuse prompt needs a 'name'")
    unmapped = [f"field '{key}'" for key in item if key not in KNOWN_KEYS]
    doc = PromptDocument(name=item["name"], unmapped=unmapped)
    prompt = item.get("prompt")
    if item.get("type") == "chat" or isinstance(prompt, list):
        doc.kind = "chat"
        messages = [_message(i, m, unmapped) for i, m in enumerate(prompt if isinstance(prompt, list) else [])]
        doc.messages = [m for m in messages if m is not None]
    else:
        doc.text = str(prompt or "").strip()
    if isinstance(item.get("config"), dict):
        _config(item["config"], doc)
    doc.labels = [str(label) for label in item.get("labels") or []]
    doc.tags = [str(tag) for tag in item.get("tags") or []]
    if isinstance(item.get("version"), int):
        doc.version = item["version"]
    if item.get("commitMessage") is not None:
        doc.commit_message = str(item["commitMessage"])
    return doc


def parse_many(source: str) -> list[PromptDocument]:
    """Parse a Langfuse export: an array of prompt objects, or one object."""
    try:
        data = msgspec.json.decode(source)
    except msgspec.DecodeError as exc:
        raise FormatError(f"not valid JSON: {exc}") from exc
    items = data if isinstance(data, list) else [data]
    return [from_object(item, index) for index, item in enumerate(items)]


def to_object(doc: PromptDocument) -> tuple[dict[str, Any], list[str]]:
    """A document → one Langfuse prompt object, and what could not be written."""
    implied = infer_variables(doc.text, doc.messages if doc.kind == "chat" else None, [])
    unmapped = [
        f"{label}"
        # Variables the text's placeholders imply come back on import: only other contracts are lost.
        for label, value in (("variables", doc.variables not in ([], implied)), ("description", doc.description))
        if value
    ]
    if doc.metadata:
        unmapped.append("metadata")
    config: dict[str, Any] = dict(doc.config)
    if doc.model is not None:
        config["model"] = doc.model
    if doc.tools:
        config["tools"] = doc.tools
    if doc.output_schema is not None:
        config["response_format"] = {"type": "json_schema", "json_schema": {"schema": doc.output_schema}}
    elif doc.output_format is not None:
        unmapped.append(f"output format '{doc.output_format}'")
    prompt: Any
    if doc.kind == "chat":
        prompt = [
            {"type": "placeholder", "name": m.name}
            if m.role == "placeholder"
            else {"role": m.role, "content": m.content}
            for m in doc.messages
        ]
    else:
        prompt = doc.text
    item: dict[str, Any] = {"name": doc.name, "type": doc.kind, "prompt": prompt, "config": config}
    item["labels"] = list(doc.labels)
    item["tags"] = list(doc.tags)
    if doc.version is not None:
        item["version"] = doc.version
    if doc.commit_message is not None:
        item["commitMessage"] = doc.commit_message
    return item, unmapped


def dump_many(docs: list[PromptDocument]) -> Encoded:
    """Write a Langfuse export array."""
    items: list[dict[str, Any]] = []
    unmapped: list[str] = []
    for doc in docs:
        item, lost = to_object(doc)
        items.append(item)
        unmapped.extend(f"{doc.name}: {entry}" for entry in lost)
    return Encoded(msgspec.json.format(msgspec.json.encode(items)).decode() + "\n", unmapped)
