"""CLR-08: clause fragments as instructions ("Place of the service) ask for it before drafting.", "Avoid even ours.").

A fragment is what is left when a sentence is cut in the wrong place: it starts mid-sentence (with ")" or a
lower-case "and", "which", "than"), leaves a bracket or a quotation open or closes one it never opened, or is a
list item whose only object is a pronoun with nothing to refer to. The model cannot tell what it asks.

The text is read in units: a list item with its continuation lines, or a paragraph of prose (so a bracket or a
quotation may run over a hard-wrapped line). Code fences, inline code, template markup and URLs are left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from app.engine.lint._registry import Hit, rule
from app.engine.lint._text import Doc, LintContext

LIST_ITEM_RE = re.compile(r"[ \t]*(?:[-*+•]|\d{1,3}[.)]|[A-Za-z][.)])[ \t]+(?=\S)")
# Lines that end a unit and are none: headings, lines of XML tags only, and short labels ("Core rules:").
HEADING_OR_TAG_RE = re.compile(
    r"[ \t]*(?:#{1,6}[ \t]|(?:</?[A-Za-z][\w.:-]*(?:\s[^<>]*)?/?>[ \t]*)+$|(?:[\w'-]+[ \t]+){0,5}[\w'-]+:[ \t]*$)"
)
# Masked before counting brackets and quotes: code fences and inline code, template markup, URLs, emoticons and
# Python triple quotes.
MASK_RE = re.compile(
    r"```\w*|`[^`\n]*`|\{\{.*?\}\}|\{%.*?%\}|https?://[^\s()<>\"«»“”]+|(?<!\w)[:;=][-^']?[()\]]"
    r"|\"\"\"|'''"
)
# An enumerator outside brackets ("a) yes, b) no", "1) first"): no closing bracket.
ENUMERATOR_RE = re.compile(r"(?:^|(?<=\s))(?:[A-Za-z]|\d{1,2}|[ivxIVX]{1,4})$")
DOUBLE_QUOTES = frozenset('"“”„«»')
CONNECTOR_START_RE = re.compile(
    r"(?:and|or|but|nor|because|which|whose|whom|than|whereas|although|though|whereby)\b(?![-_.:(])"
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
# An item that quotes the rule it stands for: 'Follow this prohibition from the brief: "si no lo dice".'
QUOTED_RULE_RE = re.compile(
    r"\b(?:rule|prohibition|instruction|requirement|constraint|brief)\b[^:]{0,40}:\s*[\"“«„]\s*([^\"“”«»„]+?)\s*[\"”»“]\s*\.?$"
)


class Unit(NamedTuple):
    """A list item (with its continuation lines) or a paragraph of prose."""

    start: int
    end: int
    item: bool


def instruction_units(doc: Doc) -> list[Unit]:
    """List items and prose paragraphs outside code fences, in one pass over the lines."""
    text = doc.text
    units: list[Unit] = []
    current: list[int] | None = None  # [start, end, item]
    for line_start in doc.line_starts:
        newline = text.find("\n", line_start)
        line_end = len(text) if newline < 0 else newline
        line = text[line_start:line_end]
        breaks = not line.strip() or doc.in_fence(line_start) or HEADING_OR_TAG_RE.match(line) is not None
        item = LIST_ITEM_RE.match(line)
        if breaks or item is not None:
            if current is not None:
                units.append(Unit(current[0], current[1], bool(current[2])))
                current = None
            if breaks:
                continue
        if current is None:
            begin = line_start + (item.end() if item else len(line) - len(line.lstrip(" \t")))
            current = [begin, line_end, int(item is not None)]
        else:
            current[1] = line_end
    if current is not None:
        units.append(Unit(current[0], current[1], bool(current[2])))
    return units


def _bracket_problem(masked: str) -> str | None:
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
    problem = _bracket_problem(masked.translate(FULLWIDTH_BRACKETS)) if any(ch in masked for ch in "()（）") else None
    if problem is None and (
        sum(ch in DOUBLE_QUOTES for ch in masked) % 2
        or any(masked.count(open_q) != masked.count(close_q) for open_q, close_q in CJK_QUOTES if open_q in masked)
    ):
        problem = "leaves a quotation open"
    return problem


def _item_problem(first_line: str) -> str | None:
    """A list item that is only a dangling pronoun object, or only the condition of a rule (also when the item
    quotes the rule: 'Follow this rule from the brief: "si no lo dice".')."""
    lower = first_line.lower()
    if len(lower.split()) <= MAX_DANGLING_WORDS and DANGLING_RE.fullmatch(lower):
        return "has only a pronoun for its object, with nothing it refers to"
    quoted = QUOTED_RULE_RE.search(first_line)
    for clause in (lower, quoted.group(1).lower() if quoted else ""):
        if (
            clause
            and len(clause.split()) <= MAX_CONDITION_WORDS
            and CONDITION_ONLY_RE.fullmatch(clause)
            and not CONSEQUENCE_RE.search(clause)
        ):
            return "is only the condition of a rule, with nothing to do when it holds"
    return None


def fragment_problem(body: str, item: bool) -> str | None:
    """What makes a unit a fragment, or None."""
    if body[0] in ")],;":
        return f"starts mid-sentence with '{body[0]}'"
    connector = CONNECTOR_START_RE.match(body)
    if connector is not None:
        return f"starts mid-sentence with '{connector.group(0)}'"
    problem = _unbalanced(MASK_RE.sub(" ", body))
    if problem is None and item:
        problem = _item_problem(body.split("\n", 1)[0].rstrip())
    return problem


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
    for unit in instruction_units(doc):
        body = text[unit.start : unit.end].rstrip()
        if not body or doc.in_template_tag(unit.start):
            continue
        problem = fragment_problem(body, unit.item)
        if problem is None:
            continue
        shown = body if len(body) <= 80 else body[:77] + "..."
        yield Hit(
            unit.start,
            unit.start + len(body),
            f"Clause fragment: '{shown}' {problem}.",
            "Rewrite it as one complete instruction that says what to do and to what, or join it back to the"
            " sentence it was cut from.",
        )
