"""Label sets written one per line: a bullet list or defined codes under a "labels:"-style header, or a set alone
on the line after an intro about labels."""

from __future__ import annotations

import re

from app.engine.constraints.label_cues import (
    CJK_CONTEXT,
    CLASSIFY,
    LABEL_NOUNS,
    LABELS_NAMED,
    MULTI,
    NOTE_WORDS,
    ONE_OF,
    WHO_HANDLES,
)
from app.engine.constraints.label_items import FoundLabels, clean_item, without_full_width_asides
from app.engine.constraints.labels import find_labels

# ("  >> BOOKING_CHANGE", "-> refund", "→ spam": arrows mark list items too)
_BULLET_LINE = re.compile(r"^\s*(?:[-*•·+]|>>?|->|=>|→|»|\d{1,2}[.)])\s+(?P<item>.+?)\s*$")
_ITEM_END = re.compile(r"\s*(?::|\s[-–—]\s|\(|=).*$")


_MARK_HEADER = re.compile(
    r"\b(?:mark(?:ing|s)?|scor(?:ing|es?)|grading|points|rubric|punteggio|puntuaci[óo]n|bewertung|notation|pontua[çc][ãa]o)\b",
    re.IGNORECASE,
)
_SCORED_PART = re.compile(
    r"\d+\s*[-–]\s*\d+\s*(?:marks?|points?|pts?)?\s*$|/\s*\d+\s*$|\b\d+\s*(?:marks?|points?|pts?)\s*$", re.IGNORECASE
)


def find_label_block(text: str) -> list[tuple[list[str], bool, int, int]]:
    """Label sets written as a bullet list under a "labels:"-style line: (values, multi, start, end)."""
    blocks: list[tuple[list[str], bool, int, int]] = []
    lines = text.splitlines(keepends=True)
    offset = 0
    header: tuple[int, bool] | None = None
    header_text = ""
    defined_only = False  # a header without a colon: only labels with their definitions follow it
    items: list[str] = []
    start = end = 0
    bulleted = False  # the list so far is written with bullets: a bare word in capitals after it is a heading
    defined = 0  # items written with their definition ("PAYMENT - double charged")
    padded = [*lines, ""]
    for index, line in enumerate(padded):
        bare = (
            header is not None
            and not bulleted
            # ("RULES\n- Always answer …": a heading over bullets of its own)
            and not re.match(r"[ \t]*[-*•]", padded[index + 1] if index + 1 < len(padded) else "")
            and _BARE_CODE_LINE.match(line)
        )
        listed = _BULLET_LINE.match(line) if not defined_only else None
        bulleted = (bulleted or listed is not None) and header is not None
        bullet = listed or ((_DEFINED_LINE.match(line) or bare or None) if header is not None else None)
        if header is not None and bullet:
            defined += bullet is not bare
            if not items:
                start = offset + bullet.start("item")
            items.append(clean_item(_ITEM_END.sub("", bullet.group("item"))))
            end = offset + bullet.end("item")
        elif header is not None and not items and not line.strip() and line:
            pass  # "label set (pick exactly ONE):", a blank line, then the list: the header still stands
        else:
            items = without_full_width_asides(items)
            if header is not None and _is_label_block(items, header_text, defined_only, defined):
                blocks.append((items, header[1], start, end))
            header, items, defined_only, defined = None, [], False, 0
            opened = _opened_header(line, padded[index + 1] if index + 1 < len(padded) else "", offset)
            if opened is not None:
                header, header_text, defined_only = opened
        offset += len(line)
    return blocks


def _is_label_block(items: list[str], header_text: str, defined_only: bool, defined: int) -> bool:
    """Whether the items gathered under a header are a label set: two or more short names, not a mark scheme."""
    return (
        len(items) >= 2
        and all(0 < len(i.split()) <= 3 for i in items)
        # ("Marking:\n- appearance 0-2\n- nose 0-4": each part and its marks, a mark scheme; not "Labels:\n
        # - 0-6\n- 7-8": ranges that are the labels)
        and not (_MARK_HEADER.search(header_text) and all(_SCORED_PART.search(i) for i in items))
        and not (defined_only and defined < 2)
    )


def _opened_header(line: str, next_line: str, offset: int) -> tuple[tuple[int, bool], str, bool] | None:
    """The header a line opens: ((offset, multi), its text, whether only defined labels follow), or None."""
    stripped = line.strip()
    if stripped.endswith((":", "：")) and (
        re.search(rf"\b(?:{LABEL_NOUNS})\b", stripped, re.IGNORECASE)
        or CJK_CONTEXT.search(stripped)
        or re.search(ONE_OF, stripped, re.IGNORECASE)
        or re.search(CLASSIFY, stripped, re.IGNORECASE)
    ):
        return (offset, bool(MULTI.search(stripped))), stripped, False
    if (
        LABELS_NAMED.search(stripped)
        and _DEFINED_LINE.match(next_line)
        # (not a line of a layout itself: "TAGS: exactly 13 tags\nDESCRIPTION: two short paragraphs")
        and not _DEFINED_LINE.match(line)
        and not WHO_HANDLES.search(stripped)  # ("here is who handles each.": a routing table follows)
    ):
        # "one label per ticket, reply with the label only.\nORDER_LATE - tracking stuck\n…": a sentence
        # about labels, then labels defined one per line, is a header though it ends in a full stop
        return (offset, bool(MULTI.search(stripped))), stripped, True
    return None


# "SAFETY_NOW - any mention of …", "billing: charges and refunds": an unbulleted line that defines one code-like
# label (capitals or snake_case) under a line about labels
_DEFINED_LINE = re.compile(
    # (not a note under the list: "IMPORTANT: never invent a new label", "NOTE - spam links are always REJECT")
    rf"^[ \t]*(?!{NOTE_WORDS}\b)(?P<item>[A-Z][A-Z0-9]*(?:[_-][A-Z0-9]+)*|[a-z][a-z0-9]*(?:_[a-z0-9]+)+)"
    # ("A01 噪音扰民": a code, then its name)
    r"(?=[ \t]*(?:[-–—=:：]|\s[-–—]\s)[ \t]*\S|[ \t]+[\u3040-\u30ff\u3400-\u9fff])"
)


# "Labels:\nGOEDKEUREN\nAFWIJZEN_VERBODEN – …": a code alone on its line under a line about labels (the first label
# often needs no definition)
_BARE_CODE_LINE = re.compile(rf"^[ \t]*(?!{NOTE_WORDS}\b)(?P<item>[A-Z][A-Z0-9]{{1,}}(?:_[A-Z0-9]+)*)[ \t]*\r?\n?$")


# "The category is one of:\n  repair / rent / noise / other", "カテゴリは以下のどれか1つ：\n  修理依頼 ／ 家賃・契約":
# an intro line about labels, and the set alone on the next line (one line with separators, not a bulleted list).
_INTRO_THEN_LINE = re.compile(r"(?m)^(?P<intro>[^\n]{3,400}[:：])[ \t]*\n[ \t]*(?P<line>[^\n\-*•][^\n]{2,200})$")
_LABEL_WORD = re.compile(
    r"\b(?:labels?|categor(?:y|ies)|classes|classif\w*|tags?|intents?|sentiments?|verdicts?|statuses|severit(?:y|ies)|"
    r"priorit(?:y|ies)|urgency|grades?|buckets?|etiquetas?|étiquettes?|kategorie\w*|categorie\w*|categor[ií]as?|"
    r"catégories?|labels?|etichette)\b",
    re.IGNORECASE,
)
_ONE_OF_INTRO = re.compile(r"\b(?:one\s+of|eine[rsm]?\s+(?:von|der)|un[oa]\s+de|l'une?\s+de|um\s+de|één\s+van)\b", re.I)
_LINE_SEPARATOR = re.compile(r"[/／,、|]|\s(?:or|oder|ou|o|of)\s")


_SHORT_INTRO = 120
"""Up to this many characters, an intro ending in "one of:" introduces the label line; a longer one must name labels."""


def label_line(text: str) -> FoundLabels | None:
    """A label set written alone on the line after an intro that speaks of labels; positions are in `text`."""
    for match in _INTRO_THEN_LINE.finditer(text):
        intro, line = match.group("intro"), match.group("line")
        # the words right before the colon say what the line lists ("The status light on the router can be:" is
        # about a light; "Priority support assistant. We have offices in three regions:" about offices)
        tail = re.split(r"[.!?。！？]", intro)[-1]
        tail = " ".join(tail.split()[-4:]) if " " in tail.strip() else tail[-15:]
        if not (_LABEL_WORD.search(tail) or CJK_CONTEXT.search(tail) or _ONE_OF_INTRO.search(tail)):
            continue
        if len(intro) > _SHORT_INTRO and not _LABEL_WORD.search(tail):
            continue  # a long line ending in "using one of:" lists options of some other thing (a customer's choice)
        if not _LINE_SEPARATOR.search(line):
            continue
        joined = f"{intro} {line}"
        found = find_labels(joined)
        if found is None or found.start <= len(intro):
            continue
        shift = match.start("line") - len(intro) - 1
        return found._replace(start=found.start + shift, end=found.end + shift)
    return None
