"""What to lint or count in a file: its prompt(s), and how offsets in the linted text map back to the file."""

from __future__ import annotations

import fnmatch
import json
import os
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from app.cli.common import InputError
from app.engine.formats import FormatError, PromptDocument, parse, parse_with_segments
from app.engine.lint import CHAT_SEPARATOR
from app.engine.types import ChatMessage, Variable

DEFAULT_INCLUDE = ("*.prompt", "*.prompty", "*.md", "*.txt")
ALWAYS_EXCLUDED_DIRS = frozenset({".git", ".hg", ".svn", "node_modules", ".venv", "venv", "__pycache__", ".tox"})


@dataclass
class PromptUnit:
    """One prompt of a file, as the engine sees it, with the map from linted offsets to file offsets."""

    label: str
    prompt: str | list[ChatMessage]
    variables: list[Variable] | None
    pieces: list[tuple[int, int]] = field(default_factory=list)
    """(offset in the linted text, offset in the file) where each mapped piece starts; empty when unmapped."""
    document: PromptDocument | None = None
    anchor: int = 0
    """Where findings without a mapped span point: the prompt's start (its name in a JSON file)."""

    def file_offset(self, offset: int) -> int | None:
        """The file offset of a linted-text offset, or None when the prompt has no place in a file (JSON)."""
        if not self.pieces:
            return None
        index = max(bisect_right([start for start, _ in self.pieces], offset) - 1, 0)
        linted_start, file_start = self.pieces[index]
        return file_start + offset - linted_start


def load_prompts(path: str, source: str) -> list[PromptUnit]:
    """The prompts of a file (stdin is `-`): one for a text, Markdown, .prompt or .prompty file, several for JSON."""
    filename = "stdin.md" if path == "-" else path
    try:
        located = parse_with_segments(source, filename)
        if located is None:
            return _json_units(path, source, parse(source, filename))
    except FormatError as exc:
        raise InputError(f"{path}: {exc}") from exc
    doc, segments = located
    pieces: list[tuple[int, int]] = []
    linted = 0
    for segment in segments:
        if segment.role == "placeholder":  # an empty message in the linted text: only its separator counts
            linted += len(CHAT_SEPARATOR)
            continue
        pieces.append((linted, segment.start))
        linted += segment.end - segment.start + len(CHAT_SEPARATOR)
    variables = doc.variables or None
    anchor = pieces[0][1] if pieces else 0
    return [PromptUnit(path, _prompt(doc), variables, pieces=pieces, document=doc, anchor=anchor)]


def _json_units(path: str, source: str, docs: list[PromptDocument]) -> list[PromptUnit]:
    """One unit per prompt of a JSON file, anchored at the line that names it (objects are found in order)."""
    units, cursor = [], 0
    for doc in docs:
        found = source.find(json.dumps(doc.name), cursor)
        cursor = found + 1 if found >= 0 else cursor
        anchor = max(found, 0)
        units.append(PromptUnit(f"{path}#{doc.name}", _prompt(doc), doc.variables or None, document=doc, anchor=anchor))
    return units


def _prompt(doc: PromptDocument) -> str | list[ChatMessage]:
    return doc.text if doc.kind == "text" else list(doc.messages)


def _matches(relative: str, patterns: tuple[str, ...]) -> bool:
    name = relative.rsplit("/", 1)[-1]
    return any(fnmatch.fnmatch(relative, p) or fnmatch.fnmatch(name, p) for p in patterns)


def expand_paths(paths: tuple[str, ...], include: tuple[str, ...], exclude: tuple[str, ...]) -> Iterator[str]:
    """Files to lint: explicit files as given, directories walked (sorted) and filtered by the globs.

    A glob matches either the path relative to the directory given or the bare file name; excluded
    directories are not entered. Hidden directories and tool directories (.git, node_modules...) are skipped.
    """
    for path in paths:
        if path == "-":
            yield path
            continue
        root = Path(path)
        if root.is_file():
            if not _matches(root.as_posix(), exclude):
                yield path
            continue
        if not root.is_dir():
            raise InputError(f"{path}: no such file or directory")
        for directory, subdirs, files in os.walk(root):
            base = Path(directory)
            subdirs[:] = sorted(
                d
                for d in subdirs
                if d not in ALWAYS_EXCLUDED_DIRS
                and not d.startswith(".")
                and not _matches((base / d).relative_to(root).as_posix(), exclude)
            )
            for name in sorted(files):
                relative = (base / name).relative_to(root).as_posix()
                if _matches(relative, include) and not _matches(relative, exclude):
                    yield (base / name).as_posix()
