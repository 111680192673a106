"""Whether a text negates, and the scope of each negation: the character ranges its cue covers."""

from __future__ import annotations

import re

from app.engine.fastre import prefiltered


def _bar_separated(text: str) -> frozenset[str]:
    return frozenset(text.split("|"))


_NEGATION_WORDS = _bar_separated(
    "no|not|never|without|avoid|avoiding|don't|dont|doesn't|nor|cannot|can't|mustn't|shouldn't|refrain|"
    "nunca|jamás|sin|evita|evitar|nie|niemals|kein|keine|keinen|keinem|keiner|keines|nicht|ohne|vermeide|"
    "jamais|sans|pas|aucun|aucune|évite|éviter|évitez|não|nao|nem|sem|evite|geen|nooit|niet|zonder|vermijd|senza|"
    "niente|nessun|nessuna|nada"
)


_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


# "注釈や説明は付けない。": a Japanese rule in the plain negative, with a rule verb ("出さない", "答えない"; not
# "かからない", a fact, "構わない", a permission, or "使わなければならない", an obligation).
JA_RULE_NEGATIVE = (
    r"(?<!て)(?<!で)(?:出さ|言わ|答え|教え|伝え|使わ|書か|勧め|送ら|聞か|尋ね|触れ|載せ|入れ|返さ|求め|話さ|受け付け|し|行わ|"
    r"付け|出力し|提案し|約束し|紹介し|推薦し|断定し|診断し|翻訳し)ない"
)


_PLAIN_NEGATIVE_END = re.compile(rf"{JA_RULE_NEGATIVE}\s*[。！]?\s*$")


CJK_NEGATIONS = (
    "不要", "禁止", "切勿", "不得", "别", "不能", "不用", "请勿", "しないで", "ないで", "ないこと", "避けて",
    "使わない", "なし", "無し", "ナシ", "不可",
)  # fmt: skip


# "絵文字なし", "顔文字・絵文字は使わない", "表情符号禁止": a Japanese (or Chinese) negation after the noun it negates,
# which reaches back over the phrase before it, up to the previous clause mark.
_POSTPOSED_NEGATION = re.compile(
    # ("見出しなしの長文" describes a thing, "絵文字を使わないと堅く見える" states a condition: no rule in either)
    r"(?:は|を|も)?\s*(?:(?:なし|無し|ナシ|使わない|使用しない|入れない)(?!の|と|なら|場合|から|ので|ため|とき|時)|"
    r"控えて|控える|避けて|避ける|"
    # "不要", "禁止" and "不可" close the phrase only at its end: Chinese "代码块外面不要任何文字" puts them before
    # what they rule out ("no text outside the code block")
    r"(?:不要|禁止|不可)(?=\s*(?:[。、，,；;！!\n)）]|です|で|$)))"
)


_PARTICLES = ("で", "に", "て", "が")


_PHRASE_START = re.compile(r"[、。，,；;：:\n！？!?（）()]")


def _postposed_ranges(text: str) -> list[tuple[int, int]]:
    """Ranges of phrases negated by a cue after them ("絵文字なし" negates "絵文字")."""
    ranges: list[tuple[int, int]] = []
    for cue in _POSTPOSED_NEGATION.finditer(text):
        window_start = max(0, cue.start() - 20)
        marks = list(_PHRASE_START.finditer(text, window_start, cue.start()))
        start = marks[-1].end() if marks else window_start
        # "箇条書きで前置きなし": the negation ends at the particle before its noun ("in bullets, no preamble")
        particle = max(text.rfind(mark, start, cue.start()) for mark in _PARTICLES)
        start = max(start, particle + 1) if particle >= 0 else start
        if text[start : cue.start()].strip():
            ranges.append((start, cue.end()))
    return ranges


def has_negation(text: str) -> bool:
    """A fast test for any negation word, before the full negation-scope analysis."""
    if not text.isascii() and (
        any(cue in text for cue in CJK_NEGATIONS) or _PLAIN_NEGATIVE_END.search(text) is not None
    ):
        return True
    return not _NEGATION_WORDS.isdisjoint(_WORD.findall(text.lower().replace("’", "'")))


# Cues that open the scope of a negation. "not only X but Y" and "not just" do not negate X.
NEGATION_CUE = re.compile(
    r"\b(?:no(?!-)(?!\s+(?:final|fim|in[íi]cio|come[çc]o|meio|topo|rodap[ée]|corpo|t[íi]tulo|assunto|m[áa]ximo|"
    r"m[íi]nimo|m[íi]n\.|m[áa]x\.)\b)|not(?!\s+(?:only|just|merely)\b)|never|without|avoid(?:ing)?|don'?t|doesn'?t|do\s+not|does\s+not|"
    r"must\s+not|mustn'?t|should\s+not|shouldn'?t|cannot|can'?t|may\s+not|nor|refrain\s+from|"
    r"nunca|jamás|sin|evita|evitar|nie|niemals|keine?[nmrs]?|nicht|ohne|vermeide|jamais|sans|pas\s+d(?:e|['’](?=\w))|"
    r"aucune?|évite[rz]?|não|nao|nem|sem|evite|geen|nooit|niet|zonder|vermijd|senza|niente|nessuna?|nada\s+de)\b|不要|禁止|切勿|不得|别|不能|不用(?=\s*(?:使用|用)?\s*(?:emoji|表情|markdown|列表|清单|表格|标题|加粗|粗体|项目符号|编号|代码块|链接|英文|缩写))|请勿",
    re.IGNORECASE,
)


NEGATION_CUE = prefiltered(NEGATION_CUE)  # the same matches, found sooner (see app.engine.fastre)


# Words that start a new instruction, ending a negation's scope ("no markdown, keep it short").
_SCOPE_BREAK = re.compile(
    r"^\s*(?:but|instead|rather|please|then|so|and\s+(?:always|keep|use|be|write|reply|respond|answer|make|give)|"
    r"keep|use|be|write|reply|respond|answer|make|give|always|stay|focus|include|say|ask|return|output|"
    r"pero|sino|aber|sondern|mais|plutôt|mas|e\s+sempre)\b",
    re.IGNORECASE,
)


_SCOPE_SPLIT = re.compile(r",\s*|\s+(?:or|and|nor|o|ni|y|oder|und|noch|ou|et|e|nem)\s+|/", re.IGNORECASE)


# "say we can't advise on that": the negation is in the words to say, not a rule for the assistant.
REPORTED_LEAD = re.compile(
    r"\b(?:say|says|tell\s+(?:them|him|her|the\s+\w+|users?)|explain|reply|respond|answer|let\s+(?:them|the\s+\w+)\s+know)"
    r"\s+(?:that\s+)?(?:we|you|i|they|it|he|she|this|the\s+\w+)\s+$",
    re.IGNORECASE,
)


def negated_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges of `text` under a negation: from each cue over the comma/or-joined items that follow it.

    "No markdown, no lists" and "don't use markdown, lists or emojis" negate every item; "no markdown, keep it
    friendly" stops at "keep"; "not only X but also Y" negates nothing.
    """
    ranges: list[tuple[int, int]] = []
    if not has_negation(text):
        return ranges
    if not text.isascii():
        ranges += _postposed_ranges(text)
    for cue in NEGATION_CUE.finditer(text):
        start = cue.start()
        end = cue.end()
        if REPORTED_LEAD.search(text[max(0, start - 40) : start]):
            continue
        rest = text[end:]
        # "don't give the answers until I type ANSWERS, then list them all": the negation ends at a new step.
        boundary = re.search(r"[.;:!?()\n]|\s[-–—]\s|\s(?:then|until|til|till|unless|because)\s", rest, re.IGNORECASE)
        window = rest[: boundary.start()] if boundary else rest
        offset = 0
        pieces = list(_SCOPE_SPLIT.finditer(window))
        segment_starts = [0] + [p.end() for p in pieces]
        segment_ends = [p.start() for p in pieces] + [len(window)]
        for index, (seg_start, seg_end) in enumerate(zip(segment_starts, segment_ends, strict=True)):
            segment = window[seg_start:seg_end]
            if index > 0 and (_SCOPE_BREAK.match(segment) or len(segment.split()) > 6):
                break
            offset = seg_end
        ranges.append((start, end + offset))
    return ranges


def in_ranges(position: int, ranges: list[tuple[int, int]]) -> bool:
    """Whether a character position falls inside one of the ranges."""
    return any(start <= position < end for start, end in ranges)
