"""Dotprompt (`.prompt`): YAML front matter, then a Handlebars body (https://google.github.io/dotprompt/).

Mapping: name, description, model, config, tools and metadata map one to one; `variant` is kept in
`metadata["variant"]`; `input.schema` (Picoschema or JSON Schema) and `input.default` become variable
contracts; `output.format` and `output.schema` (Picoschema output is converted to JSON Schema) become the
output contract. `{{role "x"}}` markers split the body into chat messages and `{{history}}` becomes a
placeholder message. Partials (`{{> name}}`) and block helpers (`{{#if}}`, `{{#each}}`, ...) stay in the
text verbatim and are reported as unmapped, because Promptsmith renders plain `{{variable}}` substitution only.
"""

from __future__ import annotations

import re
from typing import Any

from app.engine.formats._frontmatter import FormatError, split_front_matter, stripped, with_front_matter
from app.engine.formats.document import Encoded, PromptDocument, Segment
from app.engine.formats.schema import (
    defaults_of,
    is_json_schema,
    picoschema_fits,
    schema_to_variables,
    variables_to_json_schema,
    variables_to_picoschema,
)
from app.engine.types import ChatMessage

ROLE_RE = re.compile(r"""\{\{\s*role\s+["'](system|user|model|assistant)["']\s*\}\}|\{\{\s*history\s*\}\}""")
PARTIAL_RE = re.compile(r"\{\{>\s*([\w./-]+)[^}]*\}\}")
HELPER_RE = re.compile(r"\{\{[#^]\s*([\w-]+)|\{\{\s*(json|media|section|ifEquals|unlessEquals)\b")
KNOWN_KEYS = ("name", "variant", "description", "model", "config", "tools", "input", "output", "metadata")
ROLE_NAMES = {"model": "assistant"}


def _body_segments(source: str, body_start: int) -> list[Segment]:
    """The text segment, or one segment per role marker (`{{history}}` gives an empty placeholder segment)."""
    markers = list(ROLE_RE.finditer(source, body_start))
    if not markers:
        return [Segment(None, *stripped(source, body_start, len(source)))]
    segments: list[Segment] = []
    lead_start, lead_end = stripped(source, body_start, markers[0].start())
    if lead_end > lead_start:  # text before the first marker is a user message, as in Dotprompt
        segments.append(Segment("user", lead_start, lead_end))
    for index, marker in enumerate(markers):
        if marker.group(1) is None:
            segments.append(Segment("placeholder", marker.start(), marker.end()))
            after_start = marker.end()
        else:
            role = ROLE_NAMES.get(marker.group(1), marker.group(1))
            end = markers[index + 1].start() if index + 1 < len(markers) else len(source)
            segments.append(Segment(role, *stripped(source, marker.end(), end)))  # type: ignore[arg-type]
            continue
        # Text after {{history}} and before the next marker is a user message.
        end = markers[index + 1].start() if index + 1 < len(markers) else len(source)
        start, stop = stripped(source, after_start, end)
        if stop > start:
            segments.append(Segment("user", start, stop))
    return segments


def _report_template_features(text: str, unmapped: list[str]) -> None:
    for match in PARTIAL_RE.finditer(text):
        unmapped.append(f"partial '{match.group(1)}' (kept verbatim in the text)")
    for match in HELPER_RE.finditer(text):
        unmapped.append(f"helper '{match.group(1) or match.group(2)}' (kept verbatim in the text)")


def parse_with_segments(source: str, name: str) -> tuple[PromptDocument, list[Segment]]:
    """Parse a `.prompt` file; also return where its text or each message sits in the source."""
    front, body_start = split_front_matter(source)
    front = front or {}
    unmapped = [f"front matter key '{key}'" for key in front if key not in KNOWN_KEYS]
    segments = _body_segments(source, body_start)
    doc = PromptDocument(name=str(front.get("name") or name), unmapped=unmapped)
    if len(segments) == 1 and segments[0].role is None:
        doc.text = source[segments[0].start : segments[0].end]
    else:
        doc.kind = "chat"
        doc.messages = [
            ChatMessage(role="placeholder", name="history")
            if seg.role == "placeholder"
            else ChatMessage(role=seg.role or "user", content=source[seg.start : seg.end])
            for seg in segments
        ]
    _report_template_features(source[body_start:], unmapped)
    _read_front(front, doc, unmapped)
    return doc, segments


def _read_front(front: dict[str, Any], doc: PromptDocument, unmapped: list[str]) -> None:
    if front.get("description") is not None:
        doc.description = str(front["description"])
    if front.get("model") is not None:
        doc.model = str(front["model"])
    if isinstance(front.get("config"), dict):
        doc.config = dict(front["config"])
    if isinstance(front.get("tools"), list):
        doc.tools = list(front["tools"])
    if isinstance(front.get("metadata"), dict):
        doc.metadata = dict(front["metadata"])
    if front.get("variant") is not None:
        doc.metadata["variant"] = str(front["variant"])
    input_block = front.get("input")
    if isinstance(input_block, dict):
        doc.variables = schema_to_variables(input_block.get("schema"), input_block.get("default"), unmapped)
    output = front.get("output")
    if isinstance(output, dict):
        if output.get("format") is not None:
            doc.output_format = str(output["format"])
        schema = output.get("schema")
        if schema is not None:
            doc.output_schema = schema if is_json_schema(schema) else _pico_to_json_schema(schema, unmapped)


def _pico_to_json_schema(schema: Any, unmapped: list[str]) -> dict[str, Any]:
    """Picoschema output schema → JSON Schema (nested objects included)."""
    from app.engine.formats.schema import PICO_KEY_RE

    if isinstance(schema, str):
        kind = schema.partition(",")[0].strip()
        return {"type": kind} if kind != "any" else {}
    if not isinstance(schema, dict):
        unmapped.append("output.schema: not a mapping")
        return {}
    properties: dict[str, Any] = {}
    required: list[str] = []
    for key, value in schema.items():
        match = PICO_KEY_RE.match(str(key))
        if match is None:
            unmapped.append(f"output.schema: field '{key}' is not a Picoschema field")
            continue
        name, optional, paren_type, description = match.groups()
        if paren_type == "enum":
            prop: dict[str, Any] = {"enum": list(value) if isinstance(value, list) else []}
        elif paren_type == "array":
            prop = {"type": "array", "items": _pico_to_json_schema(value, unmapped)}
        elif paren_type == "object" or isinstance(value, dict):
            prop = _pico_to_json_schema(value, unmapped)
        else:
            kind, _, description_after = str(value).partition(",")
            prop = {"type": kind.strip()} if kind.strip() != "any" else {}
            description = description or description_after.strip() or None
        if description:
            prop["description"] = description
        properties[name] = prop
        if not optional:
            required.append(name)
    result: dict[str, Any] = {"type": "object", "properties": properties}
    if required:
        result["required"] = required
    return result


def parse(source: str, name: str) -> PromptDocument:
    """Parse a `.prompt` file; `name` is used when the front matter has none (usually the file stem)."""
    return parse_with_segments(source, name)[0]


def _front(doc: PromptDocument) -> dict[str, Any]:
    front: dict[str, Any] = {"name": doc.name}
    metadata = dict(doc.metadata)
    if isinstance(metadata.get("variant"), str):
        front["variant"] = metadata.pop("variant")
    if doc.description is not None:
        front["description"] = doc.description
    if doc.model is not None:
        front["model"] = doc.model
    if doc.config:
        front["config"] = doc.config
    if doc.tools:
        front["tools"] = doc.tools
    if doc.variables:
        if picoschema_fits(doc.variables):
            front["input"] = {"schema": variables_to_picoschema(doc.variables)}
            if defaults_of(doc.variables):
                front["input"]["default"] = defaults_of(doc.variables)
        else:
            front["input"] = {"schema": variables_to_json_schema(doc.variables)}
    output: dict[str, Any] = {}
    if doc.output_format is not None:
        output["format"] = doc.output_format
    if doc.output_schema is not None:
        output["schema"] = doc.output_schema
    if output:
        front["output"] = output
    if metadata:
        front["metadata"] = metadata
    return front


def dump(doc: PromptDocument) -> Encoded:
    """Write a `.prompt` file; labels, tags, version and commit message have no Dotprompt field."""
    unmapped = [
        f"{label} ({value})"
        for label, value in (
            ("labels", doc.labels),
            ("tags", doc.tags),
            ("version", doc.version),
            ("commit message", doc.commit_message),
        )
        if value
    ]
    if doc.kind == "text":
        body = doc.text
    else:
        parts = []
        for index, message in enumerate(doc.messages):
            if message.role == "placeholder":
                if message.name != "history":
                    unmapped.append(f"messages[{index}]: placeholder '{message.name}' written as {{{{history}}}}")
                parts.append("{{history}}")
            else:
                role = "model" if message.role == "assistant" else message.role  # Dotprompt's name for it
                parts.append(f'{{{{role "{role}"}}}}\n{message.content}')
        body = "\n\n".join(parts)
    if ROLE_RE.search(doc.text) and doc.kind == "text":
        raise FormatError("a text prompt cannot contain {{role}} or {{history}} markers")
    return Encoded(with_front_matter(_front(doc), body), unmapped)
