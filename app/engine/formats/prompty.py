"""Prompty (`.prompty`): YAML front matter, then a body with `system:`, `user:` and `assistant:` sections.

Specification: https://microsoft.github.io/promptflow/how-to-guides/develop-a-prompty/ (Prompty 1 layout).
Mapping: name, description; `metadata.tags` → tags, the rest of `metadata` → metadata; `model.configuration`
`name`/`azure_deployment`/`model` → model; `model.parameters` → config; `inputs` → variable contracts
(type, description, default, `required`, `enum`); `outputs` → an object output schema; `tools` → tools.
Reported as unmapped: `sample`, `template`, `model.api` when not chat, other `model.configuration` keys
(connection type, endpoint...) and unknown keys. A body without role lines is a text prompt.
"""

from __future__ import annotations

import re
from typing import Any

from app.engine.formats._frontmatter import split_front_matter, stripped, with_front_matter
from app.engine.formats.document import Encoded, PromptDocument, Segment
from app.engine.types import ChatMessage, Variable, VariableType

ROLE_LINE_RE = re.compile(r"^[ \t]*#?[ \t]*(system|user|assistant)[ \t]*:[ \t]*$", re.IGNORECASE | re.MULTILINE)
KNOWN_KEYS = ("name", "description", "metadata", "model", "inputs", "outputs", "tools", "sample", "template")
MODEL_NAME_KEYS = ("name", "azure_deployment", "model")
INPUT_TYPES: dict[str, VariableType] = {
    "string": "string",
    "number": "number",
    "integer": "integer",
    "boolean": "boolean",
    "array": "list",
    "list": "list",
}
OUTPUT_TYPES = {"string", "number", "integer", "boolean", "array", "object"}


def _segments(source: str, body_start: int) -> list[Segment]:
    markers = list(ROLE_LINE_RE.finditer(source, body_start))
    if not markers:
        return [Segment(None, *stripped(source, body_start, len(source)))]
    segments: list[Segment] = []
    lead_start, lead_end = stripped(source, body_start, markers[0].start())
    if lead_end > lead_start:
        segments.append(Segment("system", lead_start, lead_end))
    for index, marker in enumerate(markers):
        end = markers[index + 1].start() if index + 1 < len(markers) else len(source)
        segments.append(Segment(marker.group(1).lower(), *stripped(source, marker.end(), end)))  # type: ignore[arg-type]
    return segments


def _input(name: str, spec: Any, unmapped: list[str]) -> Variable:
    if not isinstance(spec, dict):  # `inputs: {question: "What is..."}`: a bare sample value
        return Variable(name=name, default=spec)
    kind = str(spec.get("type", "string"))
    if kind not in INPUT_TYPES:
        unmapped.append(f"inputs.{name}: type '{kind}' read as a string")
    enum = spec.get("enum")
    for key in spec:
        if key not in {"type", "description", "default", "required", "enum", "sample"}:
            unmapped.append(f"inputs.{name}.{key}")
    return Variable(
        name=name,
        type="enum" if isinstance(enum, list) else INPUT_TYPES.get(kind, "string"),
        enum_values=[str(v) for v in enum] if isinstance(enum, list) else None,
        required=bool(spec.get("required", True)),
        default=spec.get("default"),
        description=str(spec.get("description", "")),
    )


def _model(model: Any, doc: PromptDocument, unmapped: list[str]) -> None:
    if not isinstance(model, dict):
        unmapped.append("model: not a mapping")
        return
    configuration = model.get("configuration")
    if isinstance(configuration, dict):
        for key, value in configuration.items():
            if key in MODEL_NAME_KEYS and doc.model is None:
                doc.model = str(value)
            else:
                unmapped.append(f"model.configuration.{key}")
    if isinstance(model.get("parameters"), dict):
        doc.config = dict(model["parameters"])
    if model.get("api", "chat") != "chat":
        unmapped.append(f"model.api '{model['api']}'")
    for key in model:
        if key not in {"api", "configuration", "parameters"}:
            unmapped.append(f"model.{key}")


def _outputs(outputs: Any) -> dict[str, Any]:
    properties = {}
    for name, spec in (outputs or {}).items():
        spec = spec if isinstance(spec, dict) else {}
        prop: dict[str, Any] = {"type": str(spec.get("type", "string"))}
        if spec.get("description"):
            prop["description"] = str(spec["description"])
        properties[str(name)] = prop
    return {"type": "object", "properties": properties}


def parse_with_segments(source: str, name: str) -> tuple[PromptDocument, list[Segment]]:
    """Parse a `.prompty` file; also return where its text or each message sits in the source."""
    front, body_start = split_front_matter(source)
    front = front or {}
    unmapped = [f"front matter key '{key}'" for key in front if key not in KNOWN_KEYS]
    for key in ("sample", "template"):
        if key in front:
            unmapped.append(f"{key} (not kept)")
    segments = _segments(source, body_start)
    doc = PromptDocument(name=str(front.get("name") or name), unmapped=unmapped)
    if len(segments) == 1 and segments[0].role is None:
        doc.text = source[segments[0].start : segments[0].end]
    else:
        doc.kind = "chat"
        doc.messages = [ChatMessage(role=seg.role or "system", content=source[seg.start : seg.end]) for seg in segments]
    if front.get("description") is not None:
        doc.description = str(front["description"])
    metadata = front.get("metadata")
    if isinstance(metadata, dict):
        doc.metadata = {k: v for k, v in metadata.items() if k != "tags"}
        if isinstance(metadata.get("tags"), list):
            doc.tags = [str(tag) for tag in metadata["tags"]]
    if "model" in front:
        _model(front["model"], doc, unmapped)
    if isinstance(front.get("inputs"), dict):
        doc.variables = [_input(str(key), spec, unmapped) for key, spec in front["inputs"].items()]
    if isinstance(front.get("outputs"), dict) and front["outputs"]:
        doc.output_schema = _outputs(front["outputs"])
    if isinstance(front.get("tools"), list):
        doc.tools = list(front["tools"])
    return doc, segments


def parse(source: str, name: str) -> PromptDocument:
    """Parse a `.prompty` file; `name` is used when the front matter has none (usually the file stem)."""
    return parse_with_segments(source, name)[0]


def _output_fits(schema: dict[str, Any] | None) -> bool:
    if schema is None:
        return True
    properties = schema.get("properties")
    return (
        set(schema) <= {"type", "properties"}
        and schema.get("type") == "object"
        and isinstance(properties, dict)
        and all(
            isinstance(p, dict) and set(p) <= {"type", "description"} and p.get("type") in OUTPUT_TYPES
            for p in properties.values()
        )
    )


def _inputs(variables: list[Variable], unmapped: list[str]) -> dict[str, Any]:
    inputs: dict[str, Any] = {}
    for v in variables:
        spec: dict[str, Any] = {"type": "array" if v.type == "list" else "string" if v.type == "enum" else v.type}
        if v.enum_values is not None:
            spec["enum"] = list(v.enum_values)
        if v.description:
            spec["description"] = v.description
        if v.default is not None:
            spec["default"] = v.default
        if not v.required:
            spec["required"] = False
        if v.max_length is not None:
            unmapped.append(f"variables.{v.name}: max length {v.max_length}")
        if v.trusted:
            unmapped.append(f"variables.{v.name}: trusted flag")
        inputs[v.name] = spec
    return inputs


def dump(doc: PromptDocument) -> Encoded:
    """Write a `.prompty` file; reports what Prompty cannot hold."""
    unmapped = [
        f"{label} ({value})"
        for label, value in (("labels", doc.labels), ("version", doc.version), ("commit message", doc.commit_message))
        if value
    ]
    front: dict[str, Any] = {"name": doc.name}
    if doc.description is not None:
        front["description"] = doc.description
    if doc.metadata or doc.tags:
        front["metadata"] = {**doc.metadata, **({"tags": doc.tags} if doc.tags else {})}
    if doc.model is not None or doc.config:
        model: dict[str, Any] = {"api": "chat"}
        if doc.model is not None:
            model["configuration"] = {"name": doc.model}
        if doc.config:
            model["parameters"] = doc.config
        front["model"] = model
    if doc.variables:
        front["inputs"] = _inputs(doc.variables, unmapped)
    if doc.output_schema is not None:
        if _output_fits(doc.output_schema):
            front["outputs"] = doc.output_schema["properties"]
        else:
            unmapped.append("output schema (Prompty outputs hold flat typed fields only)")
    if doc.output_format is not None:
        unmapped.append(f"output format '{doc.output_format}'")
    if doc.tools:
        front["tools"] = doc.tools
    if doc.kind == "text":
        body = doc.text
    else:
        parts = []
        for index, message in enumerate(doc.messages):
            if message.role == "placeholder":
                unmapped.append(f"messages[{index}]: placeholder '{message.name}'")
                continue
            parts.append(f"{message.role}:\n{message.content}")
        body = "\n\n".join(parts)
    return Encoded(with_front_matter(front, body), unmapped)
