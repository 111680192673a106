"""Plain Markdown (`.md`): the whole file is a text prompt named after the file.

A Markdown file that starts with YAML front matter is read as Dotprompt (the same layout).
Dumping keeps the text only and reports everything else as unmapped.
"""

from __future__ import annotations

from app.engine.formats import dotprompt
from app.engine.formats._frontmatter import FRONT_MATTER_RE, stripped
from app.engine.formats.document import Encoded, PromptDocument, Segment


def parse_with_segments(source: str, name: str) -> tuple[PromptDocument, list[Segment]]:
    """Parse a Markdown prompt; also return where its text sits in the source."""
    if FRONT_MATTER_RE.match(source):
        return dotprompt.parse_with_segments(source, name)
    start, end = stripped(source, 0, len(source))
    return PromptDocument(name=name, text=source[start:end]), [Segment(None, start, end)]


def parse(source: str, name: str) -> PromptDocument:
    """Parse a Markdown prompt named `name` (usually the file stem)."""
    return parse_with_segments(source, name)[0]


def dump(doc: PromptDocument) -> Encoded:
    """The text (a chat prompt's messages under `## role` headings); every other field is reported."""
    unmapped = [
        label
        for label, value in (
            ("variables", doc.variables),
            ("model", doc.model),
            ("config", doc.config),
            ("output format", doc.output_format),
            ("output schema", doc.output_schema),
            ("tools", doc.tools),
            ("labels", doc.labels),
            ("tags", doc.tags),
            ("version", doc.version),
            ("commit message", doc.commit_message),
            ("description", doc.description),
            ("metadata", doc.metadata),
        )
        if value
    ]
    if doc.kind == "chat":
        unmapped.append("message roles (written as headings)")
        body = "\n\n".join(f"## {m.role}\n\n{m.content or '{{' + (m.name or '') + '}}'}" for m in doc.messages)
    else:
        body = doc.text
    return Encoded(body + "\n" if body else "", unmapped)
