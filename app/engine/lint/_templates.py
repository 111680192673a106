"""Template dialects and unfilled slots.

Promptsmith substitutes `{{name}}`. Published prompts also use other template languages, which must be
recognised rather than reported as broken variables:

- Jinja: `{{ var }}`, `{{ obj.attr }}`, `{{ x | upper }}`, `{{- x -}}`, `{% if %}`, `{# comment #}`;
- Go text/template: `{{.WorkingDir}}`, `{{if .IsGitRepo}}`, `{{end}}`, `{{range .Files}}`;
- Handlebars / Mustache: `{{#if x}}`, `{{/if}}`, `{{else}}`, `{{> partial}}`, `{{! comment}}`, `{{{raw}}}`;
- Semantic Kernel: `{{$input}}`.

Slots that a person was meant to fill in and did not (`[insert topic here]`, `<your company>`, `{topic}`,
"Lorem ipsum") are found here too, together with whether they sit in an output template (where bracketed
fill-ins such as `[Month Year]` are the format, not a leftover).
"""

from __future__ import annotations

import re
from typing import Literal, NamedTuple

PlaceholderKind = Literal["var", "expr", "invalid"]

VALID_NAME_RE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
# Jinja whitespace control (-), Handlebars (~) and Go trim markers ("- ") around the expression.
TRIM_CHARS = " \t\r\n-~+"
GO_KEYWORDS = frozenset(
    (
        *("if", "else", "end", "range", "with", "define", "template", "block", "break", "continue"),
        *("and", "or", "not", "len", "index", "print", "printf", "println", "eq", "ne", "lt", "le", "gt", "ge"),
        *("call", "html", "js", "urlquery", "slice"),
    )
)
BLOCK_WORDS = frozenset(("else", "end"))
HANDLEBARS_SIGILS = ("#", "/", "^", ">", "!", "&")
PATH_RE = re.compile(r"[A-Za-z_]\w*(?:\.\w+|\[[^\[\]]{1,40}\])+")
MACRO_RE = re.compile(r"[A-Z][A-Z0-9_]*:[^{}]*")
ROOT_RE = re.compile(r"[A-Za-z_]\w*")


BLOCK_HELPERS = GO_KEYWORDS | {"each", "unless", "lookup", "log"}


def _root(expression: str) -> str:
    """The first identifier of an expression that is not a keyword or helper ("IsGitRepo" in `if .IsGitRepo`)."""
    return next((m.group(0) for m in ROOT_RE.finditer(expression) if m.group(0) not in BLOCK_HELPERS), "")


def classify_placeholder(raw: str) -> tuple[PlaceholderKind, str]:
    """Classify the text between `{{` and `}}`.

    Returns ("var", name) for a plain variable name (Promptsmith's own syntax, also Jinja/Mustache),
    ("expr", root) for another dialect's expression or control tag (root: its first non-keyword identifier,
    or ""), and ("invalid", text) for anything else.
    """
    inner = raw.strip()
    core = inner.strip(TRIM_CHARS)
    if not core:
        return "invalid", inner
    if core[0] == "!":
        return "expr", ""  # Handlebars comment
    if core[0] in HANDLEBARS_SIGILS or core[0] in ".$":
        return "expr", _root(core)
    if VALID_NAME_RE.fullmatch(core):
        return ("expr", "") if core in BLOCK_WORDS else ("var", core)
    first = core.split(None, 1)[0]
    if first in GO_KEYWORDS or PATH_RE.fullmatch(core) or "|" in core or "(" in core or MACRO_RE.fullmatch(core):
        return "expr", _root(core)
    return "invalid", inner


def _tokens(name: str) -> list[str]:
    """snake_case and camelCase words of a variable name, lower-cased."""
    spaced = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name)
    return [t for t in spaced.lower().split("_") if t]


SYSTEM_TOKENS = frozenset(
    (
        *("current", "date", "time", "datetime", "today", "now", "timestamp", "year", "month", "weekday", "day"),
        *("timezone", "tz", "zone", "locale", "os", "platform", "shell", "cwd", "working", "directory", "dir"),
        *("workspace", "root", "home", "git", "status", "branch", "repo", "model", "version", "max", "turns"),
        *("tokens", "knowledge", "cutoff", "assistant", "bot", "agent", "app", "product", "company", "brand"),
        *("org", "organization", "business", "store", "shop", "team", "name", "id", "language", "lang", "code"),
        *("tool", "tools", "available", "list", "names", "skills", "extensions", "strategy", "selection", "env"),
    )
)
SYSTEM_NAME_RE = re.compile(
    r"(?:user|customer|account|member)_?(?:name|id|locale|time_?zone|tz|language|lang|type|tier|plan)"
)
USER_CONTENT_TOKENS = frozenset(
    (
        *("question", "questions", "query", "queries", "input", "inputs", "message", "messages", "msg", "request"),
        *("prompt", "comment", "comments", "review", "reviews", "feedback", "ticket", "email", "emails", "mail"),
        *("text", "content", "contents", "document", "documents", "article", "page", "html"),
        *("transcript", "conversation", "chat", "history", "reply", "post", "tweet", "search", "results"),
        *("snippet", "snippets", "context", "body", "upload", "attachment", "file", "files", "notes", "bio"),
        *("utterance", "complaint", "essay", "submission", "answer", "diff"),
    )
)


def inferred_trust(name: str) -> bool | None:
    """Trust guessed from a variable's name when no declarations were given.

    True: runtime context a system fills in (`currentDateTime`, `user_name`, `os`, `working_directory`).
    False: text a user or a third party supplies (`question`, `customer_message`, `document`).
    None: the name says neither.
    """
    lowered = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name).lower()
    if SYSTEM_NAME_RE.fullmatch(lowered):
        return True
    tokens = _tokens(name)
    if any(t in USER_CONTENT_TOKENS for t in tokens):
        return False
    if tokens and all(t in SYSTEM_TOKENS for t in tokens):
        return True
    return None


class Slot(NamedTuple):
    """An unfilled slot or leftover marker found in the text."""

    start: int
    end: int
    kind: Literal["bracket", "angle", "brace", "dollar", "marker"]
    strong: bool
    """True when the slot is unmistakably a fill-in instruction ("insert … here", "your company")."""


BRACKET_RE = re.compile(r"\[([^\[\]\n]{1,80})\](?![(\[:])")
ANGLE_RE = re.compile(r"<((?:insert|your|enter|add|put|replace|type|fill in)\b[^<>\n]{0,60})>", re.I)
BRACE_RE = re.compile(r"\{([^{}\n]{1,200})\}")
DOLLAR_RE = re.compile(r"\$\{([^{}\n]{1,80})\}")
LOREM = "orem ipsum"
"""What every "Lorem ipsum" match holds: `[Ll]orem` has no literal start for `re` to skip to, so the text is searched
for this first (a 20 KB prompt without it costs one fast search instead of a regex try at every position)."""
MARKER_RES = (
    re.compile(r"[Ll]orem ipsum"),
    *(re.compile(rf"{word}(?::|\b(?=[ \t]*$))", re.M) for word in ("TODO", "FIXME", "TBD")),
    # "XXX Ltd", "open XX:XX to XX:XX": capital X runs stand for a value nobody filled in. (Literal-led patterns
    # only: a leading look-behind makes `re` try every position of a 20 KB prompt.)
    re.compile(r"XX+(?::XX+)?(?![\w-])"),
)
VALUE_MARKER_RE = re.compile(r"TB[DA]\b")
"""'Vacation policy: TBD.', 'Opening hours: TBA': a value left to fill in (only right after a colon)."""
# "<assistant name>", "<COMPANY NAME>": several words in angle brackets are a slot, not a tag.
SPACED_ANGLE_RE = re.compile(r"<([A-Za-z]+(?: [A-Za-z]+){1,4})>")
BRACE_NAME_RE = re.compile(r"[A-Za-z_]\w*(?:\[\w{1,10}\]|\.\w+)?")
STRONG_SLOT_RE = re.compile(
    r"(?:insert|enter|add|put|type|fill(?: in)?|replace|paste|specify|your|list|describe)\b"
    r"|e\.?g\.?\b|ex:|example:|.*\be\.g\.|\.\.\.\s*[a-z]"
    r"|.*\b(?:here|name of|goes here|tbd|placeholder)\b"
    r"|(?:guideline|reminder|rule|step|item|point|example|compliance check|feature|benefit|faq)s? ?\d{1,2}$"
    r"|(?:company|company name|business(?: name)?|product(?: name)?|brand(?: name)?|name|topic|industry|location"
    r"|city|country|date|price|phone(?: number)?|email(?: address)?|address|website|url|timeframe|amount|title|author"
    r"|book|article|job title|position|recipient|sender|company website|insert [a-z ]+"
    r"|audience|target audience|goal|role|persona|tone|language|keyword|niche|service)$",
    re.I,
)
ALL_CAPS_SLOT_RE = re.compile(r"[A-Z][A-Z0-9_]*(?:[ _-][A-Z0-9_]+)+")
SKIP_BRACKET_RE = re.compile(r"[ xX✓]?|\d{1,3}|…|\.\.\.?|[A-Z]\d{1,2}|[^A-Za-z]*|.*://.*")
OUTPUT_CUE_RE = re.compile(
    r"\b(?:format|output|template|schema|structur|example|sample|syntax|as follows|looks? like|this form\b"
    r"|(?:respond|reply|answer) (?:with|in|using)|fill(?:ed)? in)"
)
HEADING_OR_OPEN_TAG_RE = re.compile(r"[ \t]{0,3}(?:#{1,6}[ \t]|<[A-Za-z][\w.:-]*>\s*$)")
MAX_LOOKBACK_LINES = 40


# A run of bracketed capitals side by side ("[BOOKING] [MEMBERSHIP_FREEZE] [OTHER]", "[A] | [B], [C]").
_BRACKET_RUN = re.compile(r"\[[A-Z][A-Z0-9_ -]*\](?:[ \t]*[,|/]?[ \t]*(?:or[ \t]+)?\[[A-Z][A-Z0-9_ -]*\]){2,}")
_LABEL_CUE = re.compile(
    r"\b(?:labels?|categor(?:y|ies)|tags?|classif\w*|one\s+of|pick|choose|select|types?|codes?)\b", re.IGNORECASE
)


def label_token(text: str, start: int, end: int) -> bool:
    """Whether the bracketed capitals at [start, end) are one of the prompt's labels, not a slot left unfilled: the
    word stands bare elsewhere in the prompt ("INJURY_REPORT is always urgent"), or it sits in a run of three or more
    bracketed capitals on a line that speaks of labels ("pick one label from [BOOKING] [KIDS_PARTY] [OTHER]")."""
    word = text[start + 1 : end - 1].strip()
    if re.search(rf"(?<![\w\[]){re.escape(word)}(?![\w\]])", text):
        return True
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    runs = (m for m in _BRACKET_RUN.finditer(line) if m.start() <= start - line_start < m.end())
    return any(_LABEL_CUE.search(line, 0, run.start()) for run in runs)


def find_slots(text: str, in_code: list[tuple[int, int]]) -> list[Slot]:
    """Every candidate slot or marker, leftmost first (context filtering is the caller's job)."""
    found: list[Slot] = []
    for m in BRACKET_RE.finditer(text):
        inner = m.group(1).strip()
        if m.start() > 0 and text[m.start() - 1] in "![":
            continue
        if SKIP_BRACKET_RE.fullmatch(inner):
            continue
        caps = ALL_CAPS_SLOT_RE.fullmatch(inner) is not None
        if caps and not STRONG_SLOT_RE.match(inner.replace("_", " ")) and label_token(text, m.start(), m.end()):
            continue  # "pick one label from [BOOKING] [KIDS_PARTY] …": the user's own label, no slot to fill
        strong = STRONG_SLOT_RE.match(inner) is not None or caps
        if strong:
            found.append(Slot(m.start(), m.end(), "bracket", True))
    found.extend(Slot(m.start(), m.end(), "angle", True) for m in ANGLE_RE.finditer(text))
    for m in SPACED_ANGLE_RE.finditer(text):
        inner = m.group(1)
        if ANGLE_RE.match(text, m.start()):
            continue  # already found
        if STRONG_SLOT_RE.match(inner) or inner.lower().endswith(" name") or ALL_CAPS_SLOT_RE.fullmatch(inner):
            found.append(Slot(m.start(), m.end(), "angle", True))
    for m in DOLLAR_RE.finditer(text):
        found.append(Slot(m.start(), m.end(), "dollar", False))
    for m in BRACE_RE.finditer(text):
        start, end = m.span()
        before = text[start - 1] if start else ""
        after = text[end] if end < len(text) else ""
        if before in "{$\\" or after == "}" or (before and (before.isalnum() or before == "_")):
            continue
        if any(s <= start < e for s, e in in_code):
            continue
        inner = m.group(1)
        if BRACE_NAME_RE.fullmatch(inner.strip()):
            found.append(Slot(start, end, "brace", False))
        elif len(inner.split()) >= 3 and STRONG_SLOT_RE.match(inner.strip()) and not re.search(r"[\"':;=]", inner):
            found.append(Slot(start, end, "brace", True))
    for marker_re in MARKER_RES if LOREM in text else MARKER_RES[1:]:
        found.extend(
            Slot(m.start(), m.end(), "marker", True)
            for m in marker_re.finditer(text)
            if m.start() == 0 or not (text[m.start() - 1].isalnum() or text[m.start() - 1] in "_-")
        )
    found.extend(
        Slot(m.start(), m.end(), "marker", True)
        for m in VALUE_MARKER_RE.finditer(text)
        if text.endswith((": ", ":\t", ":"), max(0, m.start() - 2), m.start())
    )
    found.sort(key=lambda s: (s.start, -s.end))
    return found


def in_output_template(text: str, lower: str, pos: int) -> bool:
    """Whether `pos` lies in an output template or example: a line from `pos` back to the nearest heading
    (or opening tag line, at most MAX_LOOKBACK_LINES lines) mentions a format, output, example or schema."""
    line_start = text.rfind("\n", 0, pos) + 1
    if OUTPUT_CUE_RE.search(lower, line_start, pos):
        return True
    end = line_start - 1
    for _ in range(MAX_LOOKBACK_LINES):
        if end < 0:
            return False
        start = text.rfind("\n", 0, end) + 1
        if OUTPUT_CUE_RE.search(lower, start, end):
            return True
        if HEADING_OR_OPEN_TAG_RE.match(text, start, end):
            return False
        end = start - 1
    return False
