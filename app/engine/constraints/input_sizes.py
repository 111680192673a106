"""Sizes of what the assistant receives or works on, not of its reply: "the tickets can be up to 2,000 words", "the ops
log (usually 100-300 lines)", "Essays with 7 lines or fewer get a zero"; and the pieces it writes that such a clause may
name instead ("Facebook posts can be up to 80 words" when the brief asks for posts).
"""

from __future__ import annotations

import re

from app.engine.constraints.limit_numbers import CLAUSE_START, REPLY_NOUNS, SCOPE_NOUN

# A limit on what the model receives, not on its reply: "the articles can be up to 5,000 words".
_INPUT_BEFORE = re.compile(
    r"\b(?P<noun>inputs?|documents?|articles?|transcripts?|tickets?|sources?|context|text|emails?|messages?|files?|"
    r"pages?|quer(?:y|ies)|questions?|conversations?|history|notes|reviews?|posts?|submissions?|essays?|contracts?|"
    r"reports?|logs?)\b(?!\s+(?:repl|respons|answer|draft|summar))[^.;:]{0,30}?\b(?:is|are|may\s+be|can\s+be|will\s+be|could\s+be|might\s+be|runs?|contains?|have|has|"
    r"arrives?|comes?)\b[^.;:]{0,20}$",
    re.IGNORECASE,
)
# "the ops log (a plain-text dump, usually 100-300 lines)": a size told as a habit describes what arrives.
_DESCRIBED = re.compile(
    r"\b(?:usually|typically|normally|generally|mostly|on\s+average|tends?\s+to\s+be|often|rarely)\s+"
    r"(?:about\s+|around\s+|roughly\s+|between\s+|over\s+|under\s+)?$",
    re.IGNORECASE,
)


# a frequency right before a bare count: the size of what comes in, not a length for the reply ("Replies are 2 to 4
# sentences" states one)
_DESCRIBED_SIZE = re.compile(
    r"\b(?:sometimes|often|usually|typically|occasionally|mostly|generally)\s+$",
    re.IGNORECASE,
)
# "non dare mai la traduzione completa di una frase", "the meaning of one sentence": a bare count after the text the
# assistant works on (its translation, meaning, analysis) says how big that text is, not how long the reply is
_WORKED_TEXT_OF = re.compile(
    r"\b(?:translations?|meaning|sense|analysis|structure|subject|main\s+verb|traduzion[ei]|significato|senso|analisi|"
    r"struttura|soggetto|traducci[oó]n(?:es)?|significado|sentido|an[aá]lisis|estructura|sujeto|traductions?|sens|"
    r"analyse|sujet|[üu]bersetzung(?:en)?|bedeutung|struktur|tradu[çc](?:[ãa]o|[õo]es)|vertaling(?:en)?|betekenis)"
    r"(?:\s+(?:full|complete|whole|entire|literal|word-for-word|completa|intera|entera|literal|complète|entière|"
    r"letterale|literale|vollständige|komplette|ganze|inteira|volledige|hele))?\s+"
    r"(?:of|di|de|d['’]|del|della|dello|dell['’]|des|do|da|van|von|eines|einer)\s*$",
    re.IGNORECASE,
)


# "Sidebar blurbs are exactly one sentence. Main-column blurbs can be up to 60 words.": a clause whose subject is a
# kind of the reply's pieces, qualified by a word the brief uses to tell them apart, limits that kind only.
_QUALIFIED_SUBJECT = re.compile(
    r"\s*(?!(?:all|the|your|our|my|their|its|these|those|any|every|each|most|some|both|other|such|short|long|longer|"
    r"shorter|final|typical|good|normal|standard)\b)(?P<part>[A-Za-z][\w-]*\s+[a-z][a-z-]*s)\s+(?:are|can\s+be|"
    r"must\s+be|should\s+be|may\s+be|need\s+to\s+be|stay|get|have)\s+(?:(?:at\s+most|up\s+to|under|exactly|"
    r"no\s+more\s+than|max(?:imum)?|only|just|always)\s+)?$",
    re.IGNORECASE,
)


_WRITE_VERB = (
    r"\b(?:write|writes|writing|draft|drafts|drafting|create|creates|generate|generates|compose|produce|turn)\b"
)


def asked_to_write(text: str, noun: str) -> bool:
    """Whether the brief asks the assistant to write pieces of this kind ("Draft social posts", "write replies")."""
    stem = re.escape(noun.lower().rstrip("s"))
    # ("write responses to Google reviews": the reviews are what arrives, not what is written)
    gap = r"(?:(?!(?:to|for|from|on|about|of|in)\b)[\w'’-]+\s+){0,4}?"
    return re.search(rf"{_WRITE_VERB}\s+{gap}{stem}s?\b", text, re.IGNORECASE) is not None


_BARE_SUBJECT = re.compile(
    r"\s*(?:the\s+|our\s+|my\s+|these\s+)?(?P<noun>[a-z]+s)\s+(?:are|can\s+be|must\s+be|should\s+be|may\s+be|run|stay)\s+"
    r"(?:\w+\s+){0,3}$",
    re.IGNORECASE,
)


def written_piece_scope(text: str, start: int) -> tuple[bool, str | None]:
    """For a limit read as the input's size: (True, scope) when its clause's subject is a kind of piece the brief asks
    the assistant to write ("Draft social posts … Facebook posts can be up to 80 words" -> "facebook posts"; "Write
    LinkedIn posts … Posts are usually around 150 words" -> the whole reply), else (False, None)."""
    qualified = qualified_subject(text, start)
    if qualified is not None and asked_to_write(text, qualified.split()[-1]):
        return True, qualified
    opening = max((m.end() for m in CLAUSE_START.finditer(text, 0, start)), default=0)
    bare = _BARE_SUBJECT.fullmatch(text, opening, start)
    if bare is not None and asked_to_write(text, bare.group("noun")):
        return True, None
    return False, None


def qualified_subject(text: str, start: int) -> str | None:
    """ "sidebar blurbs" when the limit's clause opens with a qualified kind of piece ("Sidebar blurbs are …")."""
    opening = max((m.end() for m in CLAUSE_START.finditer(text, 0, start)), default=0)
    match = _QUALIFIED_SUBJECT.fullmatch(text, opening, start)
    if match is None:
        return None
    first, noun = match.group("part").lower().split()
    if first in REPLY_NOUNS or (not SCOPE_NOUN.match(noun.rstrip("s")) and noun not in REPLY_NOUNS):
        return None
    return f"{first} {noun}"


# A length in brackets after the written work that is marked or checked: the size of what arrives ("practice essays
# (task 2, 100-120 words)", "redacciones de práctica (tarea 2, 100-120 palabras)").
_GRADED_ASIDE = re.compile(
    r"\b(?P<noun>essays?|compositions?|redacci(?:ón|ones)|rédactions?|dissertations?|aufs[äa]tze?|temi|elaborati|"
    r"opstel(?:len)?|redaç(?:ão|ões)|submissions?|assignments?|homework|deberes|devoirs)\b[^()\n]{0,40}\([^()\n]{0,30}$",
    re.IGNORECASE,
)


# "Essays with 7 lines or fewer get a zero", "Texto com 7 linhas ou menos": a clause that opens with what arrives
# and its size is a condition on that input, not a length for the reply
_INPUT_WITH = re.compile(
    r"(?:^|[\n.;:(]\s*|[-*•]\s+)(?:(?:the|a|an|any|o|um|uma|el|un|una|le|la|les|un|une|der|die|das|ein|eine|il|lo)\s+)?"
    r"(?:texts?|essays?|submissions?|answers?\s+from\s+students|textos?|redaç(?:ão|ões)|reda[cç][aã]o|redacci(?:ón|ones)|"
    r"textes?|rédactions?|testi|testo|temi|aufsätze|aufsatz|texte|tickets?|messages?|reviews?|documents?)\s+"
    r"(?:with|com|con|avec|mit)\s+(?:(?:at\s+most|fewer\s+than|less\s+than|more\s+than|over|under|only|"
    r"menos\s+de|mais\s+de|más\s+de|moins\s+de|plus\s+de|weniger\s+als|mehr\s+als)\s+)?$",
    re.IGNORECASE,
)
# "… get a score of zero", "…: NOTA FINAL: 0/1000", "→ reject": what a case leads to, after its condition
_CONDITION_RESULT = re.compile(
    r"[:→=]|->|\b(?:get|gets|receive|receives|score|scores|are\s+(?:marked|scored|graded|rejected)|"
    r"is\s+(?:marked|scored|rejected)|recebe\w*|obt[ie]ene?\w*|erh[äa]lt\w*|bekomm\w*|re[çc]oi\w*|ricev\w*|"
    r"krijg\w*|nota|zero|null)\b",
    re.IGNORECASE,
)


def _rest_of_line(text: str, position: int) -> str:
    """The text after a position up to the end of its sentence or line."""
    end = re.search(r"[.;!?\n]", text[position:])
    return text[position : position + end.start()] if end is not None else text[position:]


def condition_on_input(text: str, start: int, position: int) -> bool:
    """ "Essays with 7 lines or fewer get a zero": a condition on what arrives, kept by its rule."""
    return bool(
        _INPUT_WITH.search(text, max(0, start - 60), start) and _CONDITION_RESULT.search(_rest_of_line(text, position))
    )


def unasked_size(text: str, position: int) -> bool:
    """Whether a bare count (no cue, no range) sizes what arrives or the text worked on rather than the reply."""
    if _DESCRIBED_SIZE.search(text, max(0, position - 24), position):
        return True  # "families send in … sometimes 900 words about the guy's bass boat": what arrives, no limit
    # "never give the full translation of one sentence": the size of the text worked on, no limit
    return _WORKED_TEXT_OF.search(text, max(0, position - 60), position) is not None


def arriving_size(text: str, start: int) -> bool:
    """Whether the limit starting at `start` sizes what the assistant receives ("the tickets can be up to 2,000
    words", "the ops log (usually 100-300 lines)", "essays (task 2, 100-120 words)"), not its reply."""
    window = text[max(0, start - 60) : start]
    # ("Draft social posts … Facebook posts can be up to 80 words": a piece it writes, re-read with the whole brief
    # by `written_piece_scope`, since this clause alone cannot tell)
    input_noun = _INPUT_BEFORE.search(window)
    if input_noun is not None and not asked_to_write(text, input_noun.group("noun")):
        return True
    if _DESCRIBED.search(window) and ("(" in window or input_noun is not None):
        return True  # "the ops log (a plain-text dump, usually 100-300 lines)": what arrives, told as a habit
    graded = _GRADED_ASIDE.search(window)
    # "un corrector para las redacciones del DELE B1 (tarea 2, 100-120 palabras)"
    return graded is not None and not asked_to_write(text, graded.group("noun"))
