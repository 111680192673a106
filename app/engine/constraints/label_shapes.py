"""Label sets in the compact shapes users type: slash sets and bracketed tag sets.

"sort the emails into billing/tech/cancel/other", "labels spam / ham", "severity P1/P2/P3",
"prefix each finding with [BLOCKER], [MAJOR] or [MINOR]", "[BLOCKER|MAJOR|MINOR] path/File.kt:LINE - …".
The general readers in labels.py look for a list after a lead-in word and keep the lead-in glued to the first item
("severity P1") or miss the set when its items are joined by "/" or wrapped in brackets. These shapes are read here
first, each value alone (no lead-in, no punctuation).
"""

from __future__ import annotations

import re

# A word a label set follows directly: a verb that sorts into it, a noun that names it, or a colon.
_CUE = (
    r"(?:(?P<cue>\binto|\bas|\bin|\bto|\blabels?|\btags?|\bcategor(?:y|ies)|\bclass(?:es)?|\bseverity|\bpriority|\burgency|"
    r"\blevels?|\bstatus|\brating|\bone\s+of|\beither|\bmark(?:ed)?|\btag(?:ged)?\s+(?:it|them|each))\b|:)"
)
_ITEM = r"[^\W\d_][\w-]{0,24}|[A-Z]\d{1,2}"
# "into billing/tech/cancel/other", "labels spam / ham", "severity P1/P2/P3": items joined by "/" after a cue,
# with at most an article or one naming word between ("into a severity P1/P2/P3")
_SLASHED = re.compile(
    rf"{_CUE}\s*(?:(?:a|an|the|one)\s+)?(?:[a-z]+\s+)?(?P<list>(?:{_ITEM})(?:[ \t]*/[ \t]*(?:{_ITEM}))+)"
    r"(?![\w/]|\.\w)",  # (not "src/app/main.py": a path)
    re.IGNORECASE,
)
_PREPOSITION = re.compile(r"into|as|in|to|:", re.IGNORECASE)  # ("résultat : adoptée / rejetée": a part's values)
# after the run, a further item of a list it sits in: "area/api, area/ui", "into bug/crash, praise, idea or other"
# (the old readers keep the whole set), or more words of a spaced item ("today / this week / whenever suits")
_SLASHED_LIST = re.compile(
    r"\s*,\s*[\w-]+/[\w-]+|\s*,\s*[\w-]+(?:\s*,\s*[\w-]+)*\s*,?\s+(?:or|and)\s+[\w-]|[ \t]+[^\W\d_]+[ \t]*/"
)
_SLASHED_LIST_BEFORE = re.compile(r"[\w-]+/[\w-]+\s*,\s*(?:[\w-]+\s+){0,2}$")
# "[BLOCKER], [MAJOR] or [NIT]", "[MUST]、[SHOULD]、[NIT]": each tag in its own brackets, one word each (never
# "[Author Year]", a citation shape) and joined by "or" or a list mark, not "and" ("[spoiler] and [nsfw]": both)
_TAG = r"\[(?P<{name}>[A-Za-z][\w-]{{0,20}})\]"
_BRACKETED = re.compile(
    r"\[[A-Za-z][\w-]{0,20}\](?:\s*[（(][^)）]{0,60}[)）])?"
    r"(?:\s*(?:,|、|/|\|)?\s*(?:\bor\b\s*)?\[[A-Za-z][\w-]{0,20}\](?:\s*[（(][^)）]{0,60}[)）])?)+"
)
_ONE_TAG = re.compile(_TAG.format(name="tag"))
# "[BLOCKER|MAJOR|MINOR]", "[low/medium/high]": the set inside one pair of brackets
_IN_BRACKETS = re.compile(r"\[(?P<list>[A-Za-z][\w-]{0,20}(?:[ \t]*[|/][ \t]*[A-Za-z][\w-]{0,20})+)\]")
# "and/or", "N/A", "24/7", "TCP/IP"-like pairs are one token, not a set of two labels
_NOT_SETS = frozenset({"and/or", "n/a", "n/v", "s/o", "w/o", "c/o", "a/b", "i/o", "he/she", "his/her", "him/her"})


def _distinct(values: list[str]) -> list[str] | None:
    values = [value.strip() for value in values if value.strip()]
    if len(values) < 2 or len({value.lower() for value in values}) != len(values):
        return None
    return values


def slash_set(text: str) -> tuple[list[str], int, int] | None:
    """The values, start and end of a slash-joined label set after a cue word, if the clause has one."""
    for match in _SLASHED.finditer(text):
        listed = match.group("list")
        if listed.lower().replace(" ", "") in _NOT_SETS:
            continue
        values = _distinct(re.split(r"[ \t]*/[ \t]*", listed))
        if values is not None and len(values) < 3 and _PREPOSITION.fullmatch(match.group("cue") or ":"):
            continue  # "convert to Europe/London", "in km/h": a pair after a bare preposition is one name
        if _SLASHED_LIST.match(text, match.end("list")) or _SLASHED_LIST_BEFORE.search(text, 0, match.start("list")):
            continue  # "area/api, area/ui, kind/bug": a list of prefixed names, each a label of its own
        if values is not None:
            return values, match.start("list"), match.end("list")
    return None


def bracket_set(text: str) -> tuple[list[str], int, int] | None:
    """The values, start and end of a bracketed tag set ("[BLOCKER], [MAJOR] or [NIT]", "[HIGH|LOW]")."""
    inside = _IN_BRACKETS.search(text)
    if inside is not None:
        values = _distinct(re.split(r"[ \t]*[|/][ \t]*", inside.group("list")))
        if values is not None:
            # (the span is the list inside the brackets, as a line template's tag slot is read elsewhere)
            return values, inside.start("list"), inside.end("list")
    run = _BRACKETED.search(text)
    if run is not None:
        values = _distinct([tag.group("tag") for tag in _ONE_TAG.finditer(run.group(0))])
        if values is not None:
            return values, run.start(), run.end()
    return None
