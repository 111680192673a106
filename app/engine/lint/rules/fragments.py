"""CLR-08: clause fragments as instructions ("Place of the service) ask for it before drafting.", "Avoid even ours.").

A fragment is what is left when a sentence is cut in the wrong place: it starts mid-sentence (with ")" or a
lower-case "and", "which", "than"), leaves a bracket or a quotation open or closes one it never opened, or is a
list item that is no instruction: only a pronoun for its object ("Avoid even ours."), only a condition
("1. If they are unsure.") or only a phrase ("3. At the end."). The model cannot tell what it asks.

The text is read in units: a list item with its continuation lines, or a paragraph of prose (so a bracket or a
quotation may run over a hard-wrapped line). Left alone: code fences and unfenced code, inline code, template
markup, URLs, example and input sections, a quotation that closes in a later paragraph, and a paragraph that goes
on with the sentence before a code block. On 939 public system prompts (vendor and open-source agents) it reports
14 units, each a real typo or a cut text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Literal, NamedTuple

from app.engine.lint._registry import Hit, rule
from app.engine.lint._text import Doc, LintContext

# "+" is left out: "  + axis labels)" goes on with the line above far more often than it starts a list.
LIST_ITEM_RE = re.compile(r"[ \t]*([-*•]|\d{1,3}[.)]|[A-Za-z][.)])[ \t]+(?=\S)")
BULLETS = frozenset("-*•")
UnitKind = Literal["prose", "bullet", "numbered"]
# Lines that end a unit and are none: headings, lines of XML tags only, and short labels ("Core rules:").
HEADING_OR_TAG_RE = re.compile(
    r"[ \t]*(?:#{1,6}[ \t]|(?:</?[A-Za-z][\w.:-]*(?:\s[^<>]*)?/?>[ \t]*)+$|(?:[\w'-]+[ \t]+){0,5}[\w'-]+:[ \t]*$)"
)
# Masked before counting brackets and quotes: code fences and inline code, template markup, URLs, emoticons and
# Python triple quotes.
MASK_RE = re.compile(
    r"```\w*|`[^`\n]*`|\{\{.*?\}\}|\{%.*?%\}|https?://[^\s()<>\"«»“”]+|(?<!\w)[:;=][-^']?[()\]]"
    r"|\"\"\"|'''|(?<![\w'])'[^'\n]{1,40}'(?![\w'])"
    # Quotation marks named as characters: "quotes (' \")", "(< > \" &)".
    r"|\((?:[ \t]*[^\w\s()][ \t]*)+\)"
)
# Code written without a fence (a JSX return, a tool's JSON definition, "//" comments): its brackets and quotes
# follow the language, not prose.
CODE_LIKE_RE = re.compile(
    r"[{}]|=>|;[ \t]*$|^[ \t]*//|\breturn\s*\(|<<<<<<<|>>>>>>>|\w\.\w+\(|```|\\`|&[a-z]+;|\(\?[:=!<]|\\[sdwbS]"
    r"|<[a-z]+\s+[a-z-]+=",
    re.MULTILINE,
)
# An enumerator outside brackets ("a) yes, b) no", "1) first"): no closing bracket.
ENUMERATOR_RE = re.compile(r"(?:^|(?<=\s))(?:[A-Za-z]|\d{1,2}|[ivxIVX]{1,4})$")
OPEN_QUOTE = "leaves a quotation open"
DOUBLE_QUOTES = tuple('"“”„«»')
DOUBLE_QUOTE_SET = frozenset(DOUBLE_QUOTES)
QUOTE_CHARS_RE = re.compile('["“”„«»]')
BRACKET_RE = re.compile(r"[()（）]")
INNER_PAIR_RE = re.compile(r"\([^()]*\)")
BALANCED_CHARS_RE = re.compile(r'[()（）"“”„«»「」『』]')
CONNECTOR_START_RE = re.compile(
    r"(?:and|or|but|nor|because|which|whose|whom|than|whereas|although|though|whereby)\s+(?=[A-Za-z])"
)
# "Avoid even ours.", "Do not comment on it.": an imperative whose only object is a pronoun.
DANGLING_RE = re.compile(
    r"(?:(?:do not|don't|never|always|please|only|also|just)\s+)*[a-z]+(?:\s+(?:even|also|just|only|ever|on|about"
    r"|to|with|for|of|at|in|from|over|into|up|out|off|again|anymore|either|too))*"
    r"\s+(?:it|them|this|that|these|those|ours|yours|theirs|hers)(?:\s+(?:either|too|again|anymore))?"
    r"[.!]?",
)
MAX_DANGLING_WORDS = 5
FULLWIDTH_BRACKETS = str.maketrans("（）", "()")
CJK_QUOTES = (("「", "」"), ("『", "』"))
# "If they're unsure.", "si no lo dice", "wenn nichts passt": a condition with no rule after it.
CONDITION_ONLY_RE = re.compile(
    r"(?:if|unless|when|whenever|because|although|until|si|cuando|porque|aunque|wenn|falls|weil|obwohl|quand"
    r"|lorsque|parce\s+que|se|quando|caso)\s[^,;:—–()]*[.!]?"
)
CONSEQUENCE_RE = re.compile(
    r"\b(?:ask|say|tell|reply|answer|respond|use|call|stop|give|offer|refer|escalate|write|explain|check|skip|return"
    r"|pregunta|di|dile|responde|frag|sag|antworte|demande|dis|réponds|pergunte|diga|responda)\b"
)
MAX_CONDITION_WORDS = 6
PHRASE_ONLY_RE = re.compile(r"(?:at|after|before|during|until|till|by|from|of|per|with|without)\s[^,;:]*[.!]?")
MAX_PHRASE_WORDS = 3
QUOTE_ENDINGS = tuple(f"{quote}{end}" for quote in '"”»“' for end in ("", "."))
MAX_ITEM_CHECK_CHARS = 400
"""Longer items are neither a dangling pronoun nor a bare condition; their first line is not scanned."""
# An item that quotes the rule it stands for: 'Follow this prohibition from the brief: "si no lo dice".'
QUOTED_RULE_RE = re.compile(
    r"\b(?:rule|prohibition|instruction|requirement|constraint|brief)\b[^:]{0,40}:\s*[\"“«„]\s*([^\"“”«»„]+?)\s*[\"”»“]\s*\.?$"
)


class Unit(NamedTuple):
    """A list item (with its continuation lines) or a paragraph of prose."""

    start: int
    end: int
    kind: UnitKind
    after_code: bool
    """The unit follows a code fence: it may go on with the sentence that introduced the code."""


# Sections that hold data or examples of it (a user's message may well be a fragment), not instructions.
DATA_TAG_RE = re.compile(
    r"(?:[a-z_]*_)?(?:examples?|samples?|inputs?|documents?|transcript|messages?|conversation|dialogue|query"
    r"|email|ticket|text|content|data|user_input)"
)
ITEM_FIRST_CHARS = frozenset("-*•0123456789")
"""First characters of a list marker ("a)" and "b." are found by their second character)."""
BREAK_FIRST_CHARS = frozenset("#<")


def instruction_units(doc: Doc) -> list[Unit]:
    """List items and prose paragraphs outside code fences, in one pass over the lines. Regular expressions run
    only on the few lines whose first or last character could make them a list item, a heading, a tag line or a
    label (this runs on every lint, so the loop is kept flat)."""
    text = doc.text
    fences = doc.fences
    fence_count = len(fences)
    fence_index = 0
    units: list[Unit] = []
    start = end = -1
    kind: UnitKind = "prose"
    after_code = in_code = in_comment = False
    line_start = 0
    for line in text.split("\n"):
        line_end = line_start + len(line)
        if fence_count:
            while fence_index < fence_count and fences[fence_index][1] < line_start:
                fence_index += 1
            in_fence = fence_index < fence_count and fences[fence_index][0] <= line_start
        else:
            in_fence = False
        stripped = line.lstrip(" \t") if line[:1] in (" ", "\t") else line
        first = stripped[:1]
        # An unfenced /* … */ comment is code: its " * " lines are no list.
        if first == "/" and stripped.startswith("/*"):
            in_comment = "*/" not in stripped
            in_fence = True
        elif in_comment:
            in_comment = "*/" not in line
            in_fence = True
        breaks = (
            in_fence
            or not first
            or ((first in BREAK_FIRST_CHARS or line[-1] == ":") and HEADING_OR_TAG_RE.match(line) is not None)
        )
        marker = (
            LIST_ITEM_RE.match(line)
            if not breaks and (first in ITEM_FIRST_CHARS or stripped[1:2] in (".", ")"))
            else None
        )
        if start >= 0 and (breaks or marker is not None):
            units.append(Unit(start, end, kind, after_code))
            start = -1
        if breaks:
            if first:  # a heading, tag line, label or fenced line; a blank line keeps what came before
                in_code = in_fence
        else:
            if start < 0:
                start = line_start + (marker.end() if marker is not None else len(line) - len(stripped))
                kind = "prose" if marker is None else "bullet" if line[marker.start(1)] in BULLETS else "numbered"
                after_code = in_code
            in_code = False
            end = line_end
        line_start = line_end + 1
    if start >= 0:
        units.append(Unit(start, end, kind, after_code))
    return units


def _bracket_problem(masked: str) -> str | None:
    # Fast path: drop matched pairs from the inside out; what is left is balanced when no bracket remains.
    reduced = masked
    while "(" in reduced and ")" in reduced:
        shorter = INNER_PAIR_RE.sub("", reduced)
        if len(shorter) == len(reduced):
            break
        reduced = shorter
    if "(" not in reduced and ")" not in reduced:
        return None
    depth = 0
    for index, ch in enumerate(masked):
        if ch == "(":
            depth += 1
        elif ch == ")":
            if depth == 0 and ENUMERATOR_RE.search(masked, max(0, index - 5), index):
                continue
            depth -= 1
            if depth < 0:
                return "closes a bracket it never opened"
    return "leaves a bracket open" if depth > 0 else None


def _unbalanced(masked: str) -> str | None:
    problem = _bracket_problem(masked.translate(FULLWIDTH_BRACKETS)) if BRACKET_RE.search(masked) else None
    if problem is None and (
        sum(masked.count(quote) for quote in DOUBLE_QUOTES) % 2
        or any(masked.count(open_q) != masked.count(close_q) for open_q, close_q in CJK_QUOTES)
    ):
        problem = OPEN_QUOTE
    return problem


def item_shape(first_line: str, kind: UnitKind) -> str | None:
    """Why a one-line list item is no instruction: "dangling" (only a pronoun for its object), "condition" (only
    the condition of a rule, also when the item quotes the rule: 'Follow this rule from the brief: "si no lo
    dice".') or "phrase" (a numbered step that is only a phrase: "3. At the end."). Bullet lists may well list
    situations or phrases as things, so a bare condition or phrase counts only in a numbered list."""
    words = first_line.count(" ") + 1
    lower = first_line.lower() if words <= MAX_CONDITION_WORDS else ""
    if words <= MAX_DANGLING_WORDS and DANGLING_RE.fullmatch(lower):
        return "dangling"
    quoted = QUOTED_RULE_RE.search(first_line) if first_line.endswith(QUOTE_ENDINGS) else None
    for clause in (lower if kind == "numbered" else "", quoted.group(1).lower() if quoted else ""):
        if (
            clause
            and len(clause.split()) <= MAX_CONDITION_WORDS
            and CONDITION_ONLY_RE.fullmatch(clause)
            and not CONSEQUENCE_RE.search(clause)
        ):
            return "condition"
    if kind == "numbered" and words <= MAX_PHRASE_WORDS and PHRASE_ONLY_RE.fullmatch(lower):
        return "phrase"
    return None


SHAPE_PROBLEMS = {
    "dangling": "has only a pronoun for its object, with nothing it refers to",
    "condition": "is only the condition of a rule, with nothing to do when it holds",
    "phrase": "is only a phrase, with no instruction in it",
}


def start_problem(text: str, start: int, end: int) -> str | None:
    """A unit text[start:end] that starts mid-sentence (with ")" or a lower-case "and", "which"), or None."""
    first = text[start]
    if first in ")],;":
        return f"starts mid-sentence with '{first}'"
    connector = CONNECTOR_START_RE.match(text, start, end) if first.islower() else None
    return None if connector is None else f"starts mid-sentence with '{connector.group(0).strip()}'"


def _is_code(text: str, unit: Unit) -> bool:
    return CODE_LIKE_RE.search(text, unit.start, unit.end) is not None


def _quote_side(masked: str) -> str | None:
    """For a unit with an odd number of double quotation marks: "closes" when it starts inside a quotation (its
    first mark closes one: 'response...]"'), else "opens" ('Assistant: "Sure, I will'); None when even."""
    marks = [i for i, ch in enumerate(masked) if ch in DOUBLE_QUOTE_SET]
    if len(marks) % 2 == 0:
        return None
    first = marks[0]
    if masked[first] == "”":
        return "closes"
    before = masked[first - 1] if first > 0 else " "
    after = masked[first + 1] if first + 1 < len(masked) else " "
    closes = (
        masked[first] == '"'
        and not before.isspace()
        and before not in "([:"
        and (after.isspace() or after in ".,;:!?)")
    )
    return "closes" if closes else "opens"


def _paired_quotes(text: str, units: list[Unit]) -> set[int]:
    """Indexes of units whose open quotation closes in a later unit (a quoted dialogue or a pasted prompt over
    several paragraphs): each unit that opens one is paired with the next unit that closes one."""
    paired: set[int] = set()
    opener: int | None = None
    for index, unit in enumerate(units):
        if not QUOTE_CHARS_RE.search(text, unit.start, unit.end) or _is_code(text, unit):
            continue
        side = _quote_side(MASK_RE.sub(" ", text[unit.start : unit.end]))
        if side == "opens":
            opener = index
        elif side == "closes" and opener is not None:
            paired.update((opener, index))
            opener = None
    return paired


def _sibling_has_shape(text: str, units: list[Unit], index: int, shape: str) -> bool:
    for neighbour in (index - 1, index + 1):
        if 0 <= neighbour < len(units) and units[neighbour].kind == units[index].kind:
            body = text[units[neighbour].start : units[neighbour].end].rstrip()
            if "\n" not in body and item_shape(body, units[neighbour].kind) == shape:
                return True
    return False


@rule(
    "CLR-08",
    "clarity",
    "warning",
    "Clause fragment",
    "A line that is a piece of a sentence, not an instruction: it starts with ')' or a lower-case 'and'/'which',"
    " leaves a bracket or quotation open or closes one it never opened, or (as a list item) has only a pronoun"
    " for its object ('Avoid even ours.') or is only a condition ('If they are unsure.'). Typical of text cut out"
    " of a longer sentence.",
)
def clause_fragments(ctx: LintContext) -> Iterator[Hit]:
    doc = ctx.doc
    text = doc.text
    data = [(r.content_start, r.content_end) for r in doc.xml_regions if DATA_TAG_RE.fullmatch(r.name)]
    units = instruction_units(doc)
    paired: set[int] | None = None
    for index, unit in enumerate(units):
        start, end = unit.start, unit.end
        # Checked in order of cost, on the text in place (most units have no problem and are never sliced). Code
        # written without a fence is left alone (looked at only for a finding), and so is the start of a unit
        # that goes on with the sentence before a code block.
        problem = start_problem(text, start, end)
        if problem is not None and (unit.after_code or (index > 0 and _is_code(text, units[index - 1]))):
            problem = None
        if problem is None and BALANCED_CHARS_RE.search(text, start, end):
            problem = _unbalanced(MASK_RE.sub(" ", text[start:end]))
        if problem is not None and CODE_LIKE_RE.search(text, start, end) is not None:
            problem = None
        if problem == OPEN_QUOTE:
            if paired is None:
                paired = _paired_quotes(text, units)
            if index in paired:
                problem = None
        if (
            problem is None
            and unit.kind != "prose"
            and end - start < MAX_ITEM_CHECK_CHARS
            and "\n" not in text[start:end]
        ):
            shape = item_shape(text[start:end].rstrip(), unit.kind)
            # A list of situations ("1. When the user is angry. 2. When the user asks for a refund.") is a list.
            if shape is not None and (shape == "dangling" or not _sibling_has_shape(text, units, index, shape)):
                problem = SHAPE_PROBLEMS[shape]
        if problem is None or doc.in_template_tag(unit.start) or any(a <= unit.start < b for a, b in data):
            continue
        body = text[start:end].rstrip()
        shown = body if len(body) <= 80 else body[:77] + "..."
        yield Hit(
            unit.start,
            unit.start + len(body),
            f"Clause fragment: '{shown}' {problem}.",
            "Rewrite it as one complete instruction that says what to do and to what, or join it back to the"
            " sentence it was cut from.",
        )
