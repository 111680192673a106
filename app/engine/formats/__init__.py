"""Prompt file formats as pure codecs: Dotprompt, Prompty, Langfuse export JSON, OpenAI prompt objects, Markdown.

Every format parses into the neutral `PromptDocument` and dumps from it; what a format cannot hold is
reported (`PromptDocument.unmapped` when parsing, `Encoded.unmapped` when dumping), never dropped silently.
No I/O: callers pass the file's text and its name. YAML is parsed with PyYAML, imported on first use.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import PurePath
from typing import Literal

import msgspec

from app.engine.formats import dotprompt, langfuse, markdown, openai_prompt, prompty
from app.engine.formats._frontmatter import FormatError
from app.engine.formats.document import Encoded, PromptDocument, Segment

__all__ = [
    "EXTENSIONS",
    "FILE_FORMATS",
    "FORMATS",
    "Encoded",
    "FormatError",
    "FormatName",
    "PromptDocument",
    "Segment",
    "detect_format",
    "dump",
    "parse",
    "parse_with_segments",
]

FormatName = Literal["dotprompt", "prompty", "langfuse", "openai", "markdown"]
FORMATS: tuple[FormatName, ...] = ("dotprompt", "prompty", "langfuse", "openai", "markdown")
FILE_FORMATS: tuple[FormatName, ...] = ("dotprompt", "prompty", "markdown")
"""Formats that hold one prompt per file (the others hold a list)."""
EXTENSIONS: dict[FormatName, str] = {
    "dotprompt": ".prompt",
    "prompty": ".prompty",
    "langfuse": ".json",
    "openai": ".json",
    "markdown": ".md",
}
_BY_SUFFIX: dict[str, FormatName] = {
    ".prompt": "dotprompt",
    ".prompty": "prompty",
    ".md": "markdown",
    ".markdown": "markdown",
    ".txt": "markdown",
}
_SINGLE: dict[FormatName, Callable[[str, str], tuple[PromptDocument, list[Segment]]]] = {
    "dotprompt": dotprompt.parse_with_segments,
    "prompty": prompty.parse_with_segments,
    "markdown": markdown.parse_with_segments,
}


def detect_format(filename: str, source: str = "") -> FormatName:
    """The format of a file by its extension; JSON is told apart by its content (OpenAI objects have `id`)."""
    suffix = PurePath(filename).suffix.lower()
    if suffix == ".json":
        try:
            data = msgspec.json.decode(source) if source else None
        except msgspec.DecodeError:
            return "langfuse"
        first = data[0] if isinstance(data, list) and data else data
        return "openai" if isinstance(first, dict) and "id" in first and "name" not in first else "langfuse"
    return _BY_SUFFIX.get(suffix, "markdown")


def default_name(filename: str) -> str:
    """The prompt name a file gives when its content names none: the file name without extensions."""
    name = PurePath(filename).name
    return name.split(".", 1)[0] or name


def parse_with_segments(
    source: str, filename: str, fmt: FormatName | None = None
) -> tuple[PromptDocument, list[Segment]] | None:
    """A one-prompt file's document and where its text or messages sit in `source`; None for list formats."""
    fmt = fmt or detect_format(filename, source)
    reader = _SINGLE.get(fmt)
    return reader(source, default_name(filename)) if reader else None


def parse(source: str, filename: str, fmt: FormatName | None = None) -> list[PromptDocument]:
    """Every prompt (version) a file holds."""
    fmt = fmt or detect_format(filename, source)
    if fmt == "langfuse":
        return langfuse.parse_many(source)
    if fmt == "openai":
        return openai_prompt.parse_many(source)
    return [_SINGLE[fmt](source, default_name(filename))[0]]


def dump(docs: list[PromptDocument], fmt: FormatName) -> Encoded:
    """Write documents: list formats take any number; file formats take exactly one."""
    if fmt == "langfuse":
        return langfuse.dump_many(docs)
    if fmt == "openai":
        return openai_prompt.dump_many(docs)
    if len(docs) != 1:
        raise FormatError(f"{fmt} holds one prompt per file, got {len(docs)}")
    writer = {"dotprompt": dotprompt.dump, "prompty": prompty.dump, "markdown": markdown.dump}[fmt]
    return writer(docs[0])
