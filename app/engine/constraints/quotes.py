"""Which quotation a stretch of brief text leaves open: text inside matching quotes is one fixed unit, so no mark inside
it ends a clause ('say: "Sorry, we can't book that here. Call 0161 496 0000."', „Das geht leider nicht. Bitte rufen
Sie an.“, « Désolé. Appelez-nous. », 「混み合っています。お電話ください。」)."""

from __future__ import annotations

import re

_INCH_MARK = re.compile(r'(?<=\d)"')  # 'The 27" Pro model': a size, not a quotation
# Quotes whose opening and closing marks differ, as (opener, closer); German opens „ and closes “ (or a typed ")
_GERMAN_OPENER = re.compile(r"(?:^|(?<=[\s:(]))»(?=\w)")
# A straight single quote opens after a space, colon or bracket and before a letter; it closes after a non-space and
# before a space or a mark
_SINGLE_OPENER = re.compile(r"(?:^|(?<=[\s:(]))'(?=[^\W\d_])")
# ("Please ask at the members' desk.": a plural's apostrophe before a word that goes on with the quote closes
# nothing; before a word that goes on with the brief, "say 'Thanks, folks' and stop", or a verb, "our name: 'Nordlys'
# means northern lights", it closes the quote)
POSSESSIVE_AHEAD = (
    r"(?!(?<=[a-z]s)['’]\s+(?!(?:and|or|to|if|when|whenever|then|but|instead|as|in|for|with|at|on|only|unless|because|"
    r"so|after|before|otherwise|plus|once|exactly|verbatim|word|without|rather|until|while|where|nothing|is|are|was|"
    r"were|means|meant|stands|comes|came|sounds|refers|has|had|have|does|did|will|would|can|could|should|must|may|"
    r"might|each|every)\b)[a-z])"
)
_SINGLE_CLOSER = re.compile(rf"(?<=\S){POSSESSIVE_AHEAD}'(?=[\s,;:.!?)]|$)")  # ('refunded'. closes its quote too)
_PAIRS = (("“", "”"), ("«", "»"), ("「", "」"), ("『", "』"), ("‹", "›"))


def open_closer(piece: str) -> str | None:
    """The closing mark of a quotation that `piece` opens and does not close, or None."""
    if piece.count('"') % 2 == 1:
        piece = _INCH_MARK.sub("", piece)  # (only when the quotes do not pair up: 'say "You got X out of 8"')
    if "„" in piece:
        # „…“ or „…" (typed): the low mark opens, either of the others closes it
        tail = piece[piece.find("„") :]
        return "“" if piece.count("„") > tail.count("“") + tail.count('"') else None
    if piece.count('"') % 2 == 1:
        return '"'
    # (each scan only where its mark is: split_clauses asks about every piece of a long text)
    german = _GERMAN_OPENER.search(piece) if "»" in piece else None
    if german is not None and piece.count("»", german.start()) > piece.count("«", german.start()):
        return "«"  # German »…«, still open (a French closing » stands after a space: « … »)
    if "'" in piece and len(_SINGLE_OPENER.findall(piece)) > len(_SINGLE_CLOSER.findall(piece)):
        return "'"  # "Di: 'Lo siento. Llama al 900.' Sé amable." (an apostrophe sits inside a word: "can't")
    for opener, closer in _PAIRS:
        if opener == "“" and "„" in piece:
            continue  # (in German “ closes)
        if piece.count(opener) > piece.count(closer):
            return closer
    return None


def closes_in(text: str, closer: str, start: int, reach: int) -> bool:
    """Whether `closer` (or, for the German low opener's “, a typed ") comes within `reach` characters of `start`."""
    window = text[start : start + reach]
    if closer == "'":
        return _SINGLE_CLOSER.search(window) is not None
    return closer in window or (closer == "“" and '"' in window)


def closer_next(text: str, index: int) -> bool:
    """Whether a quotation closes right after the mark at `index`, perhaps after a (French) space: 'Appelez. »'."""
    after = re.match(r"[ \u00a0\u202f]?([\"”»」』›“«'])", text[index + 1 : index + 3])
    return after is not None


def quote_start(text: str, phrase: str) -> int | None:
    """Where the quotation opens that `phrase` (found in `text`) lies inside, or None when it lies outside quotes."""
    at = text.find(phrase[:40])
    if at <= 0 or open_closer(text[:at]) is None:
        return None
    opening = max(text.rfind(mark, 0, at) for mark in '"“„«「『‹»')
    return opening if opening >= 0 else None


def quotation_at(text: str, start: int, index: int, reach: int = 400) -> str | None:
    """The whole quotation, marks included, that `index` lies inside, opened since `start` ("« Vous pouvez appeler le
    3114 … »" around the 3114 a fallback was read from), or None when `index` lies outside quotes."""
    closer = open_closer(text[start:index])
    if closer is None:
        return None
    opening = max(text.rfind(mark, start, index) for mark in '"“„«「『‹»')
    closers = (closer, '"') if closer == "“" else (closer,)  # (the German low opener's “, or a typed ")
    ends = [i for i in (text.find(mark, index, index + reach) for mark in closers) if i >= 0]
    return text[opening : min(ends) + 1] if opening >= 0 and ends else None
