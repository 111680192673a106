"""Variables from the text: the placeholders a prompt uses, and the variable contracts they imply.

The rule (applied wherever a version is saved or imported):

- when a version declares **no** variables, every `{{name}}` placeholder of its text (or of its message
  contents) becomes a variable, in order of first appearance: type `string`, required, untrusted;
- when it declares **any**, the declaration wins and nothing is inferred; placeholders it does not declare
  and declared variables the text never uses stay lint findings;
- only the placeholder Promptsmith substitutes, `{{name}}` (also `{{ name }}` and the inside of a Handlebars
  triple stash `{{{name}}}`), becomes a variable. Block words (`{{else}}`, `{{end}}`, `{{this}}`) and the
  names of chat placeholder messages are not variables.

Other template dialects are not substituted at render time, so they never become variables silently; they are
returned as `Proposal`s with the `{{name}}` spelling that would make them one: `{name}` (Python format,
LangChain), `${name}` (JavaScript, shell), `{{$name}}` (Semantic Kernel), `{{.Name}}` (Go),
`{{- name -}}` (Jinja whitespace control), `{{ user.name }}` (a path: no single spelling, no suggestion).
Pure and deterministic.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Literal, NamedTuple

from app.engine.types import ChatMessage, Variable

__all__ = ["Proposal", "find_placeholders", "infer_variables", "placeholder_names", "proposals"]

PLACEHOLDER_RE = re.compile(r"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")
"""The placeholder the renderer substitutes (the same pattern as rendering uses)."""
NOT_VARIABLES = frozenset({"else", "end", "this"})
"""Words that are template syntax (Handlebars/Go blocks), not inputs, when written `{{word}}`."""
MAX_NAME_LENGTH = 64

_DOUBLE_RE = re.compile(r"\{\{([^{}\n]{1,120})\}\}")
_DOLLAR_RE = re.compile(r"\$\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}")
_SINGLE_RE = re.compile(r"(?<![{$\\\w])\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}(?!\})")
_SIGIL_RE = re.compile(r"^[-~\s]*([$.])([A-Za-z_][A-Za-z0-9_]*)[-~\s]*$")
_TRIMMED_RE = re.compile(r"^\s*[-~]\s*([A-Za-z_][A-Za-z0-9_]*)\s*[-~]?\s*$|^\s*([A-Za-z_][A-Za-z0-9_]*)\s*[-~]\s*$")
_PATH_RE = re.compile(r"^\s*[A-Za-z_]\w*(?:\.\w+|\[[^\[\]]{1,40}\])+\s*$")
_FENCE_RE = re.compile(r"^[ \t]*(```|~~~)", re.MULTILINE)

Dialect = Literal["format", "dollar", "semantic-kernel", "go", "jinja-trim", "path"]


class Proposal(NamedTuple):
    """A placeholder of another template dialect, which rendering leaves as written."""

    raw: str
    """The placeholder as written, e.g. `{topic}`."""
    dialect: Dialect
    name: str
    """The variable it most likely stands for ("" for a path such as `{{ user.name }}`)."""
    suggestion: str | None
    """The `{{name}}` spelling that would make it a variable, when there is one."""
    start: int
    end: int


def find_placeholders(text: str) -> list[str]:
    """The distinct `{{name}}` variable names of `text`, in order of first appearance."""
    names: dict[str, None] = {}
    for match in PLACEHOLDER_RE.finditer(text):
        name = match.group(1)
        if name not in NOT_VARIABLES and len(name) <= MAX_NAME_LENGTH:
            names.setdefault(name, None)
    return list(names)


def _contents(text: str | None, messages: Iterable[ChatMessage] | None) -> tuple[list[str], set[str]]:
    """The texts to scan, and the names of placeholder messages (message lists, not string variables)."""
    if messages is None:
        return [text or ""], set()
    contents: list[str] = []
    lists: set[str] = set()
    for message in messages:
        if message.role == "placeholder":
            lists.add(message.name or "")
        else:
            contents.append(message.content)
    return contents, lists


def placeholder_names(text: str | None, messages: Iterable[ChatMessage] | None = None) -> list[str]:
    """The `{{name}}` variables of a text prompt (`messages` None) or of a chat prompt's message contents."""
    contents, lists = _contents(text, messages)
    names: dict[str, None] = {}
    for content in contents:
        for name in find_placeholders(content):
            if name not in lists:
                names.setdefault(name, None)
    return list(names)


def infer_variables(
    text: str | None, messages: Iterable[ChatMessage] | None, declared: list[Variable]
) -> list[Variable]:
    """The contract a version is stored with: `declared` when it is not empty, else one string, required,
    untrusted variable per `{{name}}` placeholder."""
    if declared:
        return declared
    return [
        Variable(name=name, type="string", required=True, trusted=False) for name in placeholder_names(text, messages)
    ]


def _fenced(text: str) -> list[tuple[int, int]]:
    """Fenced code blocks (where `{name}` is code, not a slot)."""
    marks = [m.start() for m in _FENCE_RE.finditer(text)]
    return [(marks[i], marks[i + 1] if i + 1 < len(marks) else len(text)) for i in range(0, len(marks), 2)]


def _double(match: re.Match[str]) -> tuple[Dialect, str] | None:
    inner = match.group(1)
    if PLACEHOLDER_RE.fullmatch(match.group(0)):
        return None  # our own syntax
    sigil = _SIGIL_RE.match(inner)
    if sigil:
        return ("semantic-kernel" if sigil.group(1) == "$" else "go"), sigil.group(2)
    trimmed = _TRIMMED_RE.match(inner)
    if trimmed:
        return "jinja-trim", trimmed.group(1) or trimmed.group(2)
    if _PATH_RE.match(inner):
        return "path", ""
    return None  # block tags, helpers, comments: template logic, not a value slot


def proposals(text: str) -> list[Proposal]:
    """Placeholders of other dialects in `text`, leftmost first, each with the `{{name}}` it could become."""
    found: list[Proposal] = []
    for match in _DOUBLE_RE.finditer(text):
        kind = _double(match)
        if kind is not None:
            dialect, name = kind
            suggestion = f"{{{{{name}}}}}" if name else None
            found.append(Proposal(match.group(0), dialect, name, suggestion, match.start(), match.end()))
    fences = _fenced(text)
    for pattern, dialect in ((_DOLLAR_RE, "dollar"), (_SINGLE_RE, "format")):
        for match in pattern.finditer(text):
            if any(start <= match.start() < end for start, end in fences):
                continue
            name = match.group(1)
            found.append(Proposal(match.group(0), dialect, name, f"{{{{{name}}}}}", match.start(), match.end()))
    found.sort(key=lambda p: p.start)
    return found
