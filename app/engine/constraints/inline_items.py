"""Rules typed as a list inside one line: "Rules: 1) never give prices 2) always offer the next slot 3) …",
"(a) … (b) …", "i) … ii) …", "first, …; second, …", and "Reglas: nunca …; siempre …; …" after a rule label.

Each item is a rule of its own: `item_cuts` finds where the text is cut between items (the item markers, the ";"
after a rule label), so the clause and sentence splitters read each item alone and drop its marker. A run of
markers that is no list ("option 1) or 2)", "Step 1) … Step 2)", "classify as a) billing b) tech") cuts nothing.
"""

from __future__ import annotations

import functools
import re
from itertools import pairwise
from typing import NamedTuple

from app.engine.phrasing import VERBS

# "1) ", "(2) ", "b) ", "(c) ", "iii) ": after white space, a colon, a semicolon or a comma (not "f(1)", "v1.2)")
_MARKER = re.compile(r"(?:(?<=[\s:;,])|^)(?P<open>\()?(?P<key>\d{1,2}|[ivx]{1,4}|[A-Za-z])\)(?=[ \t]+\S)")
# "first, …", "secondly: …", "zweitens …", "ten tweede, …": ordinal words that open the items of a spoken list
_ORDINALS = {
    1: "first|firstly|primero|primera|erstens|premièrement|premierement|primeiro|primeira|primo|ten eerste",
    2: "second|secondly|segundo|segunda|zweitens|deuxièmement|deuxiemement|secondo|ten tweede",
    3: "third|thirdly|tercero|tercera|drittens|troisièmement|troisiemement|terceiro|terceira|terzo|ten derde",
    4: "fourth|fourthly|cuarto|cuarta|viertens|quatrièmement|quatriemement|quarto|quarta|ten vierde",
    5: "fifth|fifthly|quinto|quinta|fünftens|cinquièmement|ten vijfde",
}
_ORDINAL_VALUE = {word: value for value, words in _ORDINALS.items() for word in words.split("|")}
_ORDINAL = re.compile(
    r"(?:(?<=[.:;,!?]\s)|(?<=[.:;,!?])|^)[ \t]*(?P<word>"
    + "|".join(sorted(_ORDINAL_VALUE, key=len, reverse=True))
    + r")(?:\s*[,:]\s+|\s+(?=\w))",
    re.IGNORECASE | re.MULTILINE,
)
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10}
# A number that names a thing, not an item: "Step 1) …", "option 1) or 2)", "Section 3)", "Art. 5)"
_REFERENCE_BEFORE = re.compile(
    r"\b(?:steps?|options?|sections?|parts?|phases?|items?|points?|no|nr|num|numbers?|questions?|cases?|articles?|art|"
    r"rules?|chapters?|pages?|p|pp|levels?|tiers?|versions?|v|paragraphs?|clauses?|lines?|tables?|figures?|fig|"
    r"appendix|stages?|rounds?|plans?|choices?|answers?|footnotes?|notes?|paso|opci[oó]n|secci[oó]n|punto|schritt|"
    r"abschnitt|absatz|punkt|[ée]tape|partie|passo|op[cç][aã]o|se[cç][aã]o|fase|stap|optie|sectie|onderdeel|lid|"
    r"artikel|art[ií]culo|articolo|sezione)\.?\s*$",
    re.IGNORECASE,
)
# A list of labels, fields or reply parts is read by those readers: "classify as a) … b) …", "extract: 1) … 2) …"
_NOT_RULES_INTRO = re.compile(
    r"\b(?:classif\w*|categor\w*|labels?|tags?|buckets?|intents?|one\s+of|extract\w*|fields?|columns?|keys?|"
    r"propert(?:y|ies)|json|csv|yaml|output|return|format\w*|template|structure|sections?|parts?|options?|choices?|"
    r"either|pick|choose|select|contain\w*|includ\w*|(?:these|following)\s+(?:details|things|information|data)|"
    r"collect|gather|clasifica\w*|categor[ií]a\w*|etiquet\w*|campos?|kategori\w*|felder|spalten|champs?|colonnes?|"
    r"rubri\w*|velden|kolommen)\b",
    re.IGNORECASE,
)
# "Rules:", "House rules:", "Important:", "Reglas:", "Regeln:", "Règles :", "Regras:", "Regole:", "Regels:"
_RULE_LABEL = re.compile(
    r"(?:^|(?<=[\s.!?]))(?:[^\W\d_][\w'-]*\s+){0,3}?"
    r"(?:rules?|important|policy|policies|guidelines?|constraints?|requirements?|musts?|dos\s+and\s+don'?ts|"
    r"reglas?|normas?|importante|pol[ií]tica|directrices|regeln?|wichtig|richtlinien|vorgaben|r[èe]gles?|"
    r"consignes?|politique|regras?|diretrizes|regole|norme|regels?|belangrijk|beleid|richtlijnen|afspraken)"
    r"(?:\s*\([^()]{1,30}\))?\s*[:：]\s*$",
    re.IGNORECASE,
)


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# The first word (or subject and modal) of an item that is a rule, in the languages the engine reads
_RULE_OPENERS = _word_set(
    """
    never always only just don't dont do no not avoid if when whenever unless once before after must should be stay
    use keep mention include ask offer refuse decline stick add end begin open close sign limit cite quote point
    refer redirect direct escalate treat assume try mark leave reply answer
    nunca jamás jamas siempre solo sólo no si cuando evita evite usa use responde ofrece ofrezca pide pregunta di
    dile da menciona incluye mantén mantente sé habla trata indica recomienda deriva remite explica confirma
    contesta escribe tutea trátalo
    nie niemals immer nur kein keine keinen nicht wenn falls sobald nenne biete antworte frage frag gib verwende
    nutze sag sage bleib bleibe halte weise verweise erkläre bestätige schreibe schreib empfiehl vermeide erwähne
    bitte duze sieze
    ne jamais toujours seulement uniquement si quand lorsque propose proposez réponds répondez demande demandez
    donne donnez dis dites utilise utilisez évite évitez reste restez indique indiquez mentionne explique renvoie
    oriente tutoie vouvoie pas aucun aucune
    sempre só apenas não nao se quando ofereça responda peça pergunte diga dê mantenha indique mencione
    explique encaminhe confirme
    mai solo non offri rispondi chiedi dai usa evita mantieni menziona spiega rimanda conferma proponi dare dire
    nooit altijd alleen niet geen als wanneer bied antwoord vraag geef gebruik noem vermijd zeg blijf houd verwijs
    leg bevestig
    """
)
_MODALS = _word_set(
    "must should never always cannot can't may will won't mustn't shouldn't needs has muss soll darf debe debes "
    "doit dois deve devi moet mag"
)
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n")


class _Marker(NamedTuple):
    start: int
    end: int  # after the white space that follows the marker
    style: str  # "(n)", "n)", "(a)", "a)", "(i)", "i)", "first,"
    value: int


def _markers(text: str) -> list[_Marker]:
    found: list[_Marker] = []
    for match in _MARKER.finditer(text):
        key, opened = match.group("key"), "(" if match.group("open") else ""
        end = match.end() + len(text[match.end() :]) - len(text[match.end() :].lstrip(" \t"))
        if key.isdigit():
            found.append(_Marker(match.start(), end, f"{opened}n)", int(key)))
            continue
        if key.lower() in _ROMAN and key.islower():  # "i)" and "v)" may open a Roman list or a lettered one
            found.append(_Marker(match.start(), end, f"{opened}i)", _ROMAN[key]))
        if len(key) == 1:
            case = "a" if key.islower() else "A"
            found.append(_Marker(match.start(), end, f"{opened}{case})", ord(key.lower()) - ord("a") + 1))
    for match in _ORDINAL.finditer(text):
        word = " ".join(match.group("word").lower().split())
        found.append(_Marker(match.start("word"), match.end(), "first,", _ORDINAL_VALUE[word]))
    return sorted(found)


# "… only if the caller: 1) … 2) …", "solo si el cliente: 1) …", "nur wenn der Kunde: 1) …": a case whose conditions
# the items list, all of them together; no item is a rule alone
_CONDITION_INTRO = re.compile(
    r"\b(?:if|unless|when|once|as\s+long\s+as|provided(?:\s+that)?|si|lorsque|quand|à\s+condition\s+que|cuando|"
    r"siempre\s+que|wenn|falls|sobald|sofern|quando|desde\s+que|se\s+(?:o|a|os|as|il|lo|la|i|gli|le|l['’]|uno|una|um|uma)|"
    r"qualora|als|indien|zodra|mits)\b[^:：.;!?]*[:：]\s*$",
    re.IGNORECASE,
)


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def _intro(text: str, position: int) -> str:
    """The sentence before the first marker, from the last sentence end (the label, or "Support bot … shop.")."""
    ends = [m.end() for m in _SENTENCE_END.finditer(text, max(0, position - 300), position)]
    return text[ends[-1] if ends else max(0, position - 300) : position]


def _is_rule(item: str) -> bool:
    words = [w.lower().replace("’", "'") for w in _words(item)[:3]]
    if not words:
        return False
    if words[0] in _RULE_OPENERS or words[0] in VERBS or words[0].startswith(("n'", "don'")):
        return True
    return len(words) > 1 and (words[1] in _MODALS or (len(words) > 2 and words[2] in _MODALS))


def _item_texts(text: str, run: list[_Marker]) -> list[str]:
    items = [text[a.end : b.start] for a, b in pairwise(run)]
    last_end = text.find("\n", run[-1].end)
    items.append(text[run[-1].end : len(text) if last_end < 0 else last_end])
    return items


def _is_list(text: str, run: list[_Marker]) -> bool:
    """Whether a run of markers 1, 2, … is a rule list: each item says something (two words or more, not "or
    2)"), no number names a thing ("Step 1)"), and the list is of rules (after a rule label, or most items read as
    rules), not of labels or fields."""
    if len(run) < 2:
        return False
    items = _item_texts(text, run)
    if any(len(_words(item)) < 2 for item in items):
        return False
    if run[0].style != "first," and any(_REFERENCE_BEFORE.search(text, max(0, m.start - 20), m.start) for m in run):
        return False
    intro = _intro(text, run[0].start)
    if _RULE_LABEL.search(intro):
        return True
    if intro.strip() and not intro.rstrip().endswith((":", "：")):
        return False  # "I need you to 1) pick a label and 2) draft a reply": the items finish the sentence they are in
    if _NOT_RULES_INTRO.search(intro):
        return False
    if _CONDITION_INTRO.search(intro):
        return False  # "Il accepte seulement si le client : 1) … 2) … 3) …": the one case's conditions
    return 2 * sum(_is_rule(item) for item in items) >= len(items) + (len(items) == 2)


def _runs(text: str) -> list[list[_Marker]]:
    """Runs of markers of one style numbered 1, 2, 3, … on one line (a list on its own lines is read elsewhere)."""
    markers = _markers(text)
    runs: list[list[_Marker]] = []
    taken: set[int] = set()
    for index, first in enumerate(markers):
        if first.value != 1 or first.start in taken:
            continue
        run = [first]
        for marker in markers[index + 1 :]:
            if "\n" in text[run[-1].end : marker.start]:
                break
            if marker.style != first.style or marker.start in taken:
                continue
            if marker.value != run[-1].value + 1:
                break
            run.append(marker)
        if _is_list(text, run):
            runs.append(run)
            taken.update(marker.start for marker in run)
    return runs


def _semicolon_cuts(text: str) -> list[tuple[int, int]]:
    """After a rule label ("Rules: never …; always …; if …"), the label's colon and each ";" of its line cut."""
    cuts: list[tuple[int, int]] = []
    for colon in re.finditer(r"[:：][ \t]*(?=\S)", text):
        label = _RULE_LABEL.search(_intro(text, colon.start() + 1))
        if label is None or not text[: colon.start()].strip(" \t") or not text[: label.start()].strip():
            continue  # ("Rules: be brief; no emojis." alone: the brief's first sentence is its job, whatever it says)
        line_end = text.find("\n", colon.end())
        line_end = len(text) if line_end < 0 else line_end
        semis, depth, quoted = [], 0, False
        for index in range(colon.end(), line_end):
            char = text[index]
            depth += (char in "([{") - (char in ")]}")
            quoted ^= char == '"'
            if char == ";" and depth == 0 and not quoted:
                semis.append(index)
        if not semis:
            continue
        bounds = [colon.end(), *semis, line_end]
        items = [text[a:b].lstrip("; \t") for a, b in pairwise(bounds)]
        # ("Important: never confirm it is safe; always say to bring it in": two parts of one rule, not a list)
        if len(items) < 3 or any(len(_words(item)) < 2 for item in items):
            continue
        if 2 * sum(_is_rule(item) for item in items) < len(items):
            continue
        cuts.append((colon.start() + 1, colon.end()))
        cuts.extend((semi, semi + 1 + len(text[semi + 1 :]) - len(text[semi + 1 :].lstrip(" \t"))) for semi in semis)
    return cuts


_HINT = re.compile(r"\)|;|\b(?:first|primer|erstens|premi|primeir|primo|ten eerste)", re.IGNORECASE)


@functools.lru_cache(maxsize=256)
def item_cuts(text: str) -> tuple[tuple[int, int], ...]:
    """[start, end) of each cut between the items of an inline rule list: an item marker with the white space after
    it, or a ";" (and the colon of the rule label before the items). The text before a cut ends at its start; the
    next item begins at its end. (Cached: the clause and sentence splitters and the instruction test ask per text.)"""
    if not _HINT.search(text):
        return ()
    cuts = [(marker.start, marker.end) for run in _runs(text) for marker in run]
    cuts.extend(_semicolon_cuts(text))
    return tuple(sorted(set(cuts)))


def opens_inline_item(text: str, position: int) -> bool:
    """Whether an item of an inline rule list starts at `position` of `text`."""
    return any(end == position for _, end in item_cuts(text))


def cut_spans(text: str, start: int, end: int, cuts: tuple[tuple[int, int], ...]) -> list[tuple[int, int]]:
    """The pieces of text[start:end] between the cuts inside it, each trimmed of white space, empty ones dropped."""
    inside = [(a, b) for a, b in cuts if start <= a < end]
    if not inside:
        return [(start, end)]
    pieces, position = [], start
    for a, b in inside:
        pieces.append((position, a))
        position = min(max(b, position), end)
    pieces.append((position, end))
    out = []
    for s, e in pieces:
        piece = text[s:e]
        if piece.strip():
            out.append((s + len(piece) - len(piece.lstrip()), e - len(piece) + len(piece.rstrip())))
    return out
