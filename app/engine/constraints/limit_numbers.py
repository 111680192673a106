"""Numbers with units in a brief: the units, the cues before and after a number, its bounds, and the
limit record (`FoundLimit`) the rest of the limit reading builds on.
"""

from __future__ import annotations

import re
from typing import Literal, NamedTuple

from app.engine.constraints.model import LimitUnit
from app.engine.constraints.number_words import NUMBER, NUMBER_WORDS

INPUT_SCOPE = "the input"
TURN_SCOPE = "each in-character turn"
"""A role-play's turns: "Stay in character, 1-3 sentences per turn" does not bound the feedback after the scene."""
# "Stay in character, 1-3 sentences per turn", "Reste dans le personnage, 1 à 3 phrases par réplique"
IN_CHARACTER = re.compile(
    r"\bin[\s-]character\b|\bstay\s+in\s+(?:the\s+|your\s+)?role\b|\bdans\s+(?:le|son|ton)\s+(?:personnage|r[ôo]le)\b|"
    r"\ben\s+(?:el\s+|tu\s+|su\s+)?(?:personaje|papel)\b|\bno\s+(?:seu\s+)?personagem\b|\bnel\s+personaggio\b|"
    r"\bin\s+der\s+rolle\b|\bin\s+(?:je\s+|de\s+)?rol\b|役を(?:守|崩さ|演じ続け)|保持角色|不要出戏",
    re.IGNORECASE,
)
"""The scope of a limit on what the assistant receives ("the tickets can be up to 2,000 words")."""

Bound = Literal["max", "min", "exact"]

# Things a reply is made of, counted in any language ("höchstens 3 Tipps", "al massimo 5 errori", "4 suspects max",
# "exactly 3 numbered choices"): a count of them bounds the reply. Quantities of the world (people, hours, tries) are
# never here.
REPLY_ITEMS = (
    r"tipps|consigli|consejos|conseils|dicas|tips|hints|clues|indizi|pistas|indices|hinweise|"
    r"errors|mistakes|fehler|errori|errores|erreurs|erros|fouten|"
    r"kommentare|commenti|comentarios|commentaires|comentários|opmerkingen|findings|"
    r"fragen|rückfragen|domande|preguntas|perguntas|vragen|"
    r"suspects|verdächtige|sospettati|sospechosos|suspeitos|verdachten|"
    r"choices|opciones|opzioni|opções|optionen|möglichkeiten|scelte|opties"
)
_UNITS: tuple[tuple[LimitUnit, str], ...] = (
    ("words", r"words?|wds|wörtern?|worte|palabras?|mots?|palavras?|parole|woorden|woord"),
    (
        "sentences",
        r"sentences?|sentance?s?|sentenses|satz|sätzen?|frases?|oraciones?|oración|phrases?|frasi|zinnen|zin",
    ),
    ("paragraphs", r"paragraphs?|paras?|absätzen?|absatz|párrafos?|paragraphes?|parágrafos?|paragrafi|paragrafo"),
    (
        "bullets",
        r"bullet[- ]?points?|bullets?|bulleted\s+items?|points?|stichpunkten?|aufzählungspunkten?|viñetas?|"
        r"puntos?|puces?|tópicos?|marcadores|punti\s+elenco|punti|opsommingstekens|opsommingspunten",
    ),
    (
        "items",
        r"items?|itens|elementi|elemente|elements?|entries|entry|elementen?|elementos?|éléments?|options?|suggestions?|ideas?|examples?|"
        r"tips?|tags?|hashtags?|keywords?|questions?|titles?|headlines?|descriptions?|taglines?|slogans?|"
        r"recommendations?|reasons?|steps?|"
        r"results?|vorschläge|sugerencias|ejemplos|exemples|idées|sugestões|exemplos|"
        r"terms|términos|termes|begriffe|fachbegriffe|termos|termini|termen|entradas|einträge|" + REPLY_ITEMS,
    ),
    ("lines", r"lines?|zeilen?|líneas?|lignes?|linhas?|righe|riga|regels?"),
    ("characters", r"characters?|chars?|zeichen|caracteres|caractères|caratteri|letters|tekens|karakters"),
    ("tokens", r"tokens?"),
)
_UNIT_ALT = "|".join(f"(?P<u_{unit}>{pattern})" for unit, pattern in _UNITS)


def _phrases(text: str) -> frozenset[str]:
    return frozenset(text.split("|"))


# Cues before the number, looked up as the last words before it (a table lookup, not a regex scan: fast).
_MAX_CUES = _phrases(
    "at most|no more than|not more than|no longer than|not longer than|up to|upto|max|maximum|max of|"
    "maximum of|max.|under|below|less than|fewer than|within|not exceed|not to exceed|never exceed|"
    "don't exceed|dont exceed|do not exceed|not exceeding|shorter than|limit to|limited to|limit it to|"
    "limit replies to|limit answers to|limit responses to|cap at|capped at|only|just|como máximo|máximo|"
    "máximo de|máx|máx.|no más de|menos de|hasta|a lo sumo|höchstens|maximal|nicht mehr als|weniger als|"
    "bis zu|unter|au maximum|au plus|pas plus de|moins de|jusqu'à|no máximo|não mais que|não mais de|"
    "não mais do que|até|ne dépasse pas|no exceder|nicht über|massimo|al massimo|non più di|meno di|fino a|"
    "maximaal|hooguit|niet meer dan|minder dan|max"
)
_MIN_CUES = _phrases(
    "at least|no fewer than|no less than|not less than|minimum|minimum of|min|min.|more than|over|"
    "longer than|como mínimo|al menos|mínimo|mínimo de|mindestens|wenigstens|au moins|no mínimo|pelo menos"
)
_EXACT_CUES = _phrases("exactly|precisely|exactamente|genau|exactement|exatamente|esattamente")
_RANGE_OPENERS = _phrases("between|entre|zwischen|de")
_KEEP_TAIL = _phrases("to|under|within|below")
_FLIPPED = ("more", "over", "longer", "fewer", "less", "shorter", "mehr", "plus")
_NEGATORS = _phrases("don't|dont|not|never|nunca|nicht|nie|jamais|ne|não|cannot|can't")
_WINDOW_WORD = re.compile(r"[\w'.]+|[<>≤≥]=?")
_POST = (
    r"(?P<post_max>or\s+(?:less|fewer|under|shorter)|max(?:imum)?|at\s+most|tops|como\s+máximo|máximo|como\s+mucho|"
    r"a\s+lo\s+sumo|tout\s+au\s+plus|au\s+plus|hooguit|no\s+m[áa]ximo|"
    r"höchstens|maximal|au\s+maximum|no\s+máximo|al\s+massimo|massimo|maximaal|or\s+so)"
    r"|(?P<post_min>or\s+more|at\s+least|minimum|como\s+mínimo|mindestens|au\s+moins|no\s+mínimo)"
)
# ("1 of 2 zinnen": Dutch "or" only before a Dutch unit, so "1 of 3 options" stays one number)
_RANGE_JOIN = (
    r"\s*(?:-|–|—|to|and|or|y|a|und|oder|bis|et|à|e|ou|o|of(?=\s*\w+\s+(?:zinnen|woorden|regels|tekens)\b))\s*"
)
_ADJECTIVES = r"(?:(?:short|long|full|complete|concise|brief|simple|separate|plain|clear|kurze|cortas?|courtes?)\s+)?"
# Anchored at a number: "3 sentences", "2-3 short paragraphs", "150-word", "five bullets or fewer".
CORE = re.compile(
    rf"(?P<n1>{NUMBER})(?:{_RANGE_JOIN}(?P<n2>{NUMBER}))?(?:\s*|-){_ADJECTIVES}(?:{_UNIT_ALT})\b"
    # "3 headlines max 30 characters each": a cue right before another number is that number's, not this one's
    rf"(?:\s*(?:{_POST})\b(?!\s*\d))?",
    re.IGNORECASE,
)
# "word limit: 100", "max words: 100", "limit of 100 words" is handled above.
LABELLED = re.compile(
    r"\b(?:max(?:imum)?\s+|min(?:imum)?\s+)?(?P<unit_word>word|sentence|character|char|token|line|paragraph)s?"
    r"\s+(?:limit|count|max(?:imum)?|cap)\s*(?:[:=]|of|is)?\s*(?P<n1>\d+)\b"
    r"(?!\s*(?:words?|sentences?|characters?|chars?|lines?|paragraphs?|tokens?|bullets?|items?)\b)",
    re.IGNORECASE,
)

_CJK_UNITS: tuple[tuple[LimitUnit, str], ...] = (
    ("characters", r"文字|字"),
    ("words", r"単語|語|个词|個詞|词"),
    ("sentences", r"文|句话|句"),
    # "一段中文法律文书": 段 before a noun counts a passage of the input, not the reply's paragraphs ("一段话", "两段")
    ("paragraphs", r"段落|段(?![\u4e00-\u9fff])|段(?=话|話|文字|以内|以下|之内|内(?!容)|左右|回答)"),
    ("lines", r"行"),
    ("items", r"条|項目|件(?!の)"),  # "指摘は最大10件まで": 件 counts findings, comments, entries
    ("bullets", r"点"),
)
_CJK_UNIT_ALT = "|".join(f"(?P<c_{unit}>{pattern})" for unit, pattern in _CJK_UNITS)
_CJK_NUM = r"[\d０-９]+|[一二两三四五六七八九十百]+"
CJK_LIMIT = re.compile(
    rf"(?P<pre_max>最大|最多|不超过|不要超过|不得超过|少于|以内で)?(?P<pre_min>至少|最低|不少于)?\s*"
    rf"(?P<n1>{_CJK_NUM})(?:\s*[-~〜～到至]\s*(?P<n2>{_CJK_NUM}))?\s*(?:つの|个|個|つ)?(?:{_CJK_UNIT_ALT})"
    rf"(?P<post_max>以内|以下|まで|未満|内)?(?P<post_min>以上)?",
)
SCOPE_NOUN = re.compile(
    r"(?:bullet|item|point|section|paragraph|answer|reply|response|description|summar|title|entry|entries|example|"
    r"question|step|tip|email|message|post|tweet|field|sentence|line|option|idea|card|slide|chapter|headline|"
    r"caption|comment|review|note|label|tag|part|chunk|turn|output|story|stories|poem|joke|recipe|article|essay|"
    r"blog|blurb|announcement|teaser|update|notice|letter|song|scene|page|round|hint|explanation|piece|translation|product|listing|bio|ad|"
    r"respuesta|antwort|réponse|punto|punkt|historia|geschichte|histoire|história)\w*$",
    re.IGNORECASE,
)
ASKED_COUNT = re.compile(
    r"\b(?:give|list|suggest|provide|generate|return|write|offer|propose|output|with|include|use|in|produce|"
    r"create|draft|share|recommend|name|ask|"
    # the same asks in other languages ("Da 3 opciones", "ele devolve 3 opções", "stelle 2 Fragen")
    r"da|dai|dá|dé|gib|gibt|donne|devolve|devuelve|restituisci|fai|faça|haz|stelle|stell|pose|propón|proponi|"
    r"propose|nenne|geef|stel|(?:rounds?|sets?|lists?|batch(?:es)?)\s+of)\s+(?:(?:me|them|the\s+user|us)\s+)?(?:\w+\s+)?$",
    re.IGNORECASE,
)
REPLY_NOUNS = frozenset(
    {
        "reply",
        "response",
        "answer",
        "message",
        "turn",
        "output",
        "respuesta",
        "antwort",
        "réponse",
        "réplique",
        "mensaje",
        "nachricht",
        "resposta",
        "mensagem",
        "respostas",
        "intervention",
        "replies",
        "responses",
        "messages",
        "antwoord",
        "bericht",
        "risposta",
        "messaggio",
        "answers",
    }
)


class FoundLimit(NamedTuple):
    """A limit stated in some text: unit, bounds, where, and what it applies to (None: the whole reply)."""

    unit: LimitUnit
    minimum: int | None
    maximum: int | None
    exact: int | None
    start: int
    end: int
    scope: str | None
    noun: str
    """The unit word as written ("bullet points", "tips"), so an item count can name what it counts."""
    capped: bool = False
    """A cap on things the assistant does or gives ("max 10 comments per PR", "stop after 8 searches"): its noun
    phrase is `scope`, and the reply's own length is not limited by it."""
    rest_free: bool = False
    """The limit names one part and the text says the rest of the reply is not limited by it."""


def unit_of(match: re.Match[str], prefix: str) -> tuple[LimitUnit, str]:
    for name, value in match.groupdict().items():
        if name.startswith(prefix) and value is not None:
            return name[len(prefix) :], value  # type: ignore[return-value]
    raise ValueError("no unit group matched")


def bounds(kind: Bound | None, unit: LimitUnit, n1: int, n2: int | None) -> tuple[int | None, int | None, int | None]:
    """(minimum, maximum, exact) for a cue kind and its number(s)."""
    if n2 is not None and n2 > n1:
        return n1, n2, None
    if kind == "max":
        return None, n1, None
    if kind == "min":
        return n1, None, None
    if kind == "exact":
        return None, None, n1
    # A bare count: structural units are counted exactly ("in 3 sentences"); word and character counts are
    # budgets ("a 150-word bio").
    if unit in ("words", "characters", "tokens"):
        return None, n1, None
    return None, None, n1


# "<one sentence>", "<2-3 Sätze>": a slot that is a size alone
_SIZE_SLOT = re.compile(
    r"[\w.-]{1,12}[\s-](?:sentences?|words?|lines?|paragraphs?|bullets?|characters?|s[äa]tze?|w[öo]rter|frases?|"
    r"phrases?|parole|palabras|palavras|mots|zinnen|woorden)\s*>",
    re.IGNORECASE,
)


def cue_before(text: str, start: int) -> tuple[Bound | None, int]:
    """The cue kind in the words just before a number ("at most", "keep it under", "don't use more than"), and
    where the cue starts."""
    window_start = max(0, start - 48)
    words = [(m.group(0).lower(), m.start()) for m in _WINDOW_WORD.finditer(text, window_start, start)]
    found = _cue_in(words)
    if found[0] == "max" and words[-1][0] == "<" and _SIZE_SLOT.match(text, start):
        found = (None, start)  # "<one sentence>": a slot's brackets, no "less than" ("<one-line fix>" sizes the fix)
    if found[0] is None and words and words[-1][0] in _RANGE_OPENERS:
        found = _cue_in(words[:-1])
        if found[0] is None:
            return None, words[-1][1]
    if found[0] is None and words and words[-1][0] in _APPROXIMATE:
        # "keep it short like 2 sentences", "about 3 bullets": a rough count is a budget, not an exact count
        return "max", words[-1][1]
    return found if found[0] is not None else (None, start)


_APPROXIMATE = frozenset({"like", "about", "around", "roughly", "approximately", "approx", "ca", "circa", "~"})


def _cue_in(words: list[tuple[str, int]]) -> tuple[Bound | None, int]:
    """The cue that the word list ends with, if any, and where it starts."""
    if words and words[-1][0] in ("<=", "≤", "<"):
        return "max", words[-1][1]
    if words and words[-1][0] in (">=", "≥", ">"):
        return "min", words[-1][1]
    for size in (4, 3, 2, 1):
        if len(words) < size:
            continue
        phrase = " ".join(word for word, _ in words[-size:])
        kind: Bound | None = None
        if phrase in _MAX_CUES:
            kind = "max"
        elif phrase in _MIN_CUES:
            kind = "min"
        elif phrase in _EXACT_CUES:
            kind = "exact"
        if kind is None:
            continue
        cue_start = words[-size][1]
        before = {word for word, _ in words[max(0, len(words) - size - 4) : len(words) - size]}
        # "don't use more than 3 bullets" is a maximum; "never fewer than 100 words" a minimum.
        if kind in ("max", "min") and before & _NEGATORS and phrase.startswith(_FLIPPED):
            kind = "min" if kind == "max" else "max"
        return kind, cue_start
    if words and words[-1][0] in _KEEP_TAIL and any(w in ("keep", "limit", "cap") for w, _ in words[-5:-1]):
        keep = next(pos for w, pos in words[-5:] if w in ("keep", "limit", "cap"))
        return "max", keep
    return None, 0


# "5 name ideas", "10 multiple-choice questions": a count of things with one or two words naming their kind.
CORE_ITEMS = re.compile(
    rf"(?P<n1>{NUMBER})(?P<n2>)?\s+(?:[a-z][\w-]*\s+){{1,2}}?(?P<u_items>ideas|options|suggestions|examples|questions|"
    rf"titles|names|headlines|taglines|tips|tags|hashtags|keywords|variations|versions|alternatives|drafts|"
    rf"recommendations|reasons|steps|{REPLY_ITEMS})\b(?P<post_max>)?(?P<post_min>)?",
    re.IGNORECASE,
)
_PUNCTUATION = str.maketrans(dict.fromkeys(".,;:!?()[]{}\"'`*/-–—<>=|#\n\t", " "))
DIGITS = re.compile(r"[\d０-９]+")


def number_starts(text: str) -> list[int]:
    """Where number tokens start: digits or number words (found by a set intersection first: fast)."""
    starts = [
        match.start()
        for match in DIGITS.finditer(text)
        if match.start() == 0 or not (text[match.start() - 1].isalnum() or text[match.start() - 1] in "._")
    ]
    lowered = text.lower()
    present = NUMBER_WORDS.intersection(lowered.translate(_PUNCTUATION).split())
    for word in present:
        index = lowered.find(word)
        while index != -1:
            end = index + len(word)
            before_ok = index == 0 or not lowered[index - 1].isalnum()
            after_ok = end == len(lowered) or not lowered[end].isalnum()
            if before_ok and after_ok:
                starts.append(index)
            index = lowered.find(word, end)
    if present:
        starts.sort()
    return starts


def singular_of(noun: str) -> str:
    """ "summaries" -> "summary", "boxes" -> "box", "captions" -> "caption"; a singular noun stays ("heading")."""
    if noun.endswith("ies"):
        return noun[:-3] + "y"
    if re.search(r"(?:x|ch|sh|ss)es$", noun):
        return noun[:-2]
    return noun[:-1] if re.search(r"[^su]s$", noun) else noun


CLAUSE_START = re.compile(r"[。．！？.!?;；\n]")
