"""What pasted code says a tool does: the docstring under a Python `def`, the `/** JSDoc */`, `//` or `#` comment
lines above a declaration, and the comment at the end of its line.

The signature gives a tool's name and parameters; its return type ("-> dict", ": boolean") says little to the model
that calls it, while the docstring or comment the developer wrote is its description. The readers also say where
each comment and docstring stands, so that the clause readers leave it to the tool (its sentences are no rules)."""

from __future__ import annotations

import re

# A declaration's opening up to the tool's name: "def ", "async def ", "export async function ", "func ", "fn ".
_DECLARED = re.compile(r"(?:^|\n)[ \t]*(?:[-*•][ \t]*)?(?:export\s+)?(?:async\s+)?(?:def|function|func|fn)\s+$")
# The rest of a declaration's line after its parameters: "-> dict:", ": Promise<Slot[]>;", " {".
_LINE_REST = re.compile(r"[^\n#]*?(?P<comment>(?:#|//)[^\n]*)?(?=\n|$)")
# A docstring on the line(s) right after a Python `def …:` (or on its own line: 'def f(x): """…"""').
_DOCSTRING = re.compile(r"[ \t]*\n?[ \t]*[rRuU]?(?P<quote>\"\"\"|''')(?P<doc>[\s\S]{1,3000}?)(?P=quote)")
# One comment line: "# Books a slot", "// Cancels the order", "/// <summary>", " * Finds …" (inside a /** block).
_COMMENT_LINE = re.compile(r"^[ \t]*(?:#(?!#)|//+|/\*\*?|\*(?!/))[ \t]?(?P<said>.*?)[ \t]*(?:\*/)?[ \t]*$")
# A docstring or JSDoc section after the summary: "Args:", "Returns:", ":param x:", "@param", "Parameters\n------".
_SECTION = re.compile(
    r"(?:args|arguments|parameters|params|returns?|yields|raises|throws|examples?|notes?|see\s+also)\s*:?$|"
    r"[:@](?:param|arg|returns?|throws|raises|type|rtype|example)\b|-{3,}$",
    re.IGNORECASE,
)
# "Returns:", "@returns {Slot[]} the free slots", ":returns: the free slots", ":return:"
_RETURNS_SECTION = re.compile(r"(?:@returns?\b|:returns?:|returns?\s*:)[ \t]*(?P<rest>.*)$", re.IGNORECASE)
# "Tools", "Functions:", "Helpers": a heading line above a declaration names the list, not the tool.
_HEADING = re.compile(
    r"(?:\w+\s+){0,2}(?:tools?|functions?|helpers?|apis?|methods?|actions?|endpoints?|herramientas|funciones|"
    r"werkzeuge|funktionen|outils|fonctions|ferramentas|funções)(?:\s+\w+){0,2}\s*:?",
    re.IGNORECASE,
)
# "tools", "functions": the general word a heading over a list of declarations uses
_HEADING_WORD = re.compile(
    r"\b(?:tools?|functions?|helpers?|apis?|methods?|actions?|endpoints?|herramientas|funciones|werkzeuge|funktionen|"
    r"outils|fonctions|ferramentas|funções)\b",
    re.IGNORECASE,
)
_LONG = 220
# "Never call this for dates more than 7 days ahead.", "Only use after find_booking.": a sentence of a docstring or
# comment that says how to use the tool; it travels with the description, since the docs are masked from the readers
_RULE_SENTENCE = re.compile(
    r"(?:never|only|always|do\s+not|don['’]t|must|avoid|requires?|call\s+(?:this|it)\b|use\s+(?:this|it)\b|"
    r"nunca|solo|sólo|siempre|nie(?:mals)?|nur|immer|jamais|uniquement|toujours)\b[^.!?;\n]*(?:;[^.!?\n]*)?[.!?]?",
    re.IGNORECASE,
)
# Comment lines indented under a Python def's line: its description when it has no docstring.
_COMMENT_BELOW = re.compile(r"(?:\n[ \t]+#[^\n]*)+")


def _summary(lines: list[str]) -> str | None:
    """The first paragraph of a docstring's lines (up to its Args/Returns sections), with what its Returns section
    says when the paragraph does not; the first sentence when the paragraph is long."""
    paragraph: list[str] = []
    returned: str | None = None
    index = 0
    while index < len(lines):
        line = lines[index].strip()
        index += 1
        if not line:
            if paragraph:
                break
            continue
        if _SECTION.match(line):
            break
        paragraph.append(line)
    for position, line in enumerate(lines[index - 1 :] if index else [], index - 1):
        section = _RETURNS_SECTION.match(line.strip())
        if section is None:
            continue
        rest = section.group("rest").strip()
        if not rest and position + 1 < len(lines):
            rest = lines[position + 1].strip()  # "Returns:\n    price in euros"
        returned = re.sub(r"^\{[^{}]*\}\s*", "", rest).strip(" .") or None  # ("@returns {Slot[]} free slots")
        break
    said = " ".join(paragraph).strip()
    if len(said) > _LONG:
        first = re.match(r"[^\n]{12,}?[.!?。](?=\s|$)", said)
        said = first.group(0) if first is not None else said[:_LONG].rsplit(" ", 1)[0]
    said = said.rstrip(" .")
    if returned and not re.search(r"\breturn", said, re.IGNORECASE):
        said = f"{said}; returns {returned}" if said else f"returns {returned}"
    rules = [rule for rule in _usage_rules(lines) if rule.rstrip(" .").lower() not in said.lower()]
    if rules:
        said = " ".join([f"{said}." if said else "", *rules]).strip().rstrip(" .")
    return said or None


def _usage_rules(lines: list[str]) -> list[str]:
    """The sentences of a docstring that say how (not) to use the tool: "Never call this for dates more than 7 days
    ahead; the API returns junk." They are rules the model must see, though they are no summary."""
    text = " ".join(line.strip() for line in lines if line.strip() and not _SECTION.match(line.strip()))
    found: list[str] = []
    for sentence in re.finditer(r"(?:^|(?<=[.!?])\s+)(?P<said>[^.!?]+[.!?]?)", text):
        rule = _RULE_SENTENCE.fullmatch(sentence.group("said").strip())
        if rule is not None:
            found.append(rule.group(0).rstrip(" .") + ".")
    return found


def _heading(said: str) -> bool:
    """A comment that names the list below rather than one tool: "# Tools", "# These are the functions you can
    call:" (it speaks of tools in general and ends with a colon)."""
    if _HEADING.fullmatch(said):
        return True
    return said.endswith(":") and _HEADING_WORD.search(said) is not None


def _comment_above(text: str, line_start: int) -> tuple[str | None, int]:
    """The comment lines right above a declaration line (no blank line between), and where they start: a run of
    "#" or "//" lines, or one "/** … */" block."""
    lines: list[str] = []
    start = line_start
    block = False
    while start > 0:
        previous = text.rfind("\n", 0, start - 1) + 1
        stripped = text[previous : start - 1].strip()
        if not block and stripped.endswith("*/") and not lines:
            block = True  # the last line of a "/** … */" block
        if not stripped or not (block or (stripped.startswith(("//", "#")) and not stripped.startswith("##"))):
            break
        comment = _COMMENT_LINE.match(stripped)
        said = re.sub(r"\s*\*+/\s*$", "", comment.group("said") if comment is not None else stripped)
        lines.insert(0, re.sub(r"</?\w+[^<>]*>", " ", said))  # ("/// <summary>Finds …</summary>")
        start = previous
        if block and stripped.startswith("/*"):
            break
    summary = _summary(lines) if lines else None
    if summary is None or _heading(summary) or not re.search(r"\w", summary):
        return None, line_start  # "# Tools" over the first def: the list's heading
    return summary, start


def _under_a_def(text: str, comment_start: int) -> bool:
    """Whether an indented comment run is the body of the Python stub on the line above it, not a comment on the
    declaration below ("def get(x) -> dict: ...\n    # returns …\ndef put(…"): it belongs to the def above."""
    if not text[comment_start : comment_start + 1].isspace() or comment_start == 0:
        return False
    above = text[text.rfind("\n", 0, comment_start - 1) + 1 : comment_start - 1]
    return (
        re.match(r"[ \t]*(?:async\s+)?def\s", above) is not None
        and re.search(r":[ \t]*(?:\.\.\.|pass)?[ \t]*$", above) is not None
    )


def _closing(text: str, start: int, end: int) -> int:
    """Just after the ")" that closes the parameter list of the tool named at `start` (`end` when there is none)."""
    opening = text.find("(", start, end)
    depth = 0
    for index in range(max(opening, start), min(len(text), opening + 600) if opening >= 0 else start):
        depth += (text[index] == "(") - (text[index] == ")")
        if depth == 0:
            return index + 1
    return end


# Declarations whose docs are read: "def find_booking(", "export async function findMember(", "- fn lookup("
_DECLARATION = re.compile(
    r"^[ \t]*(?:[-*•][ \t]*)?(?:export\s+)?(?:async\s+)?(?:def|function|func|fn)\s+(?P<name>[A-Za-z_]\w*)\s*\(",
    re.MULTILINE,
)


def doc_extents(text: str) -> list[tuple[int, int]]:
    """Where the docstrings and comments of the declarations pasted in a text stand: the tools section states what
    they say, so they are neither rules nor context of their own."""
    if "def" not in text and "fn" not in text and "func" not in text:
        return []
    extents: list[tuple[int, int]] = []
    for declaration in _DECLARATION.finditer(text):
        found = doc_extent(text, declaration.start("name"), _closing(text, declaration.start("name"), len(text)))
        if found is not None:
            extents.extend(found[1])
    return extents


def documented(text: str, start: int, end: int) -> str | None:
    """What the docstring or comment pasted with a declared tool (its name at `start`, its parameters' ")" ending
    before `end`) says the tool does; None when the declaration carries neither."""
    found = doc_extent(text, start, end)
    return found[0] if found is not None else None


def doc_extent(text: str, start: int, end: int) -> tuple[str, list[tuple[int, int]]] | None:
    """What a declared tool's docstring or comments say, and where they stand in the text."""
    line_start = text.rfind("\n", 0, start) + 1
    declared = _DECLARED.search(text, max(0, line_start - 1), start) is not None
    if not declared and text[line_start:start].strip(" \t-*•`"):
        return None  # a tool named in prose ("call find_booking(phone) first"): no code around it
    close = _closing(text, start, end)
    rest = _LINE_REST.match(text, close)
    line_end = rest.end() if rest is not None else close
    if declared:
        docstring = _DOCSTRING.match(text, line_end)
        if docstring is not None and re.fullmatch(r"[^\n]*:[ \t]*(?:#[^\n]*)?", text[close:line_end]):
            said = _summary(docstring.group("doc").splitlines())
            if said:
                return said, [(line_end, docstring.end())]
        inline = re.compile(r"[^\n]*?:[ \t]*[rRuU]?(?P<quote>\"\"\"|''')(?P<doc>[^\n]{3,}?)(?P=quote)")
        same_line = inline.match(text, close, line_end)
        if same_line is not None:  # 'def f(x): """Finds …"""'
            said = _summary([same_line.group("doc")])
            if said:
                return said, [(same_line.start("quote"), same_line.end())]
        below = _COMMENT_BELOW.match(text, line_end)
        # "def f(x):\n    # renews …", "def f(x) -> dict: ...\n    # returns …": the stub's body is its comment
        if below is not None and re.fullmatch(r"[^\n]*:[ \t]*(?:\.\.\.|pass)?[ \t]*", text[close:line_end]):
            said = _summary([line.strip().lstrip("#").strip() for line in below.group(0).strip().splitlines()])
            if said:
                return said, [(line_end, below.end())]
    above, above_start = _comment_above(text, line_start)
    if above is not None and not _under_a_def(text, above_start):
        return above, [(above_start, line_start)]
    comment = rest.group("comment") if rest is not None else None
    # (after a Python return type, "-> bool  # sends a code by SMS" is read with it: "returns bool (sends …)")
    if comment is not None and not (comment.startswith("#") and "->" in text[close:line_end]):
        said = _summary([comment.lstrip("#/ ")])
        if said:
            return said, [(line_end - len(comment), line_end)]
    return None
