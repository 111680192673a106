"""Length and count limits: "at most 3 sentences", "under 150 words", "2-3 bullets", "höchstens 100 Wörter", "3文以内".

`find_limits` is shared by extraction and the fidelity check (which reads the limits a prompt states).
"""

from __future__ import annotations

import re
from typing import Literal, NamedTuple

from app.engine.constraints.clauses import NUMBER, parse_number
from app.engine.constraints.model import LimitUnit

Bound = Literal["max", "min", "exact"]

_UNITS: tuple[tuple[LimitUnit, str], ...] = (
    ("words", r"words?|wds|wörtern?|worte|palabras?|mots?|palavras?|parole"),
    ("sentences", r"sentences?|sentance?s?|sentenses|satz|sätzen?|frases?|oraciones?|oración|phrases?|frasi"),
    ("paragraphs", r"paragraphs?|paras?|absätzen?|absatz|párrafos?|paragraphes?|parágrafos?|paragrafi|paragrafo"),
    (
        "bullets",
        r"bullet[- ]?points?|bullets?|bulleted\s+items?|points?|stichpunkten?|aufzählungspunkten?|viñetas?|"
        r"puntos?|puces?|tópicos?|marcadores",
    ),
    (
        "items",
        r"items?|elements?|entries|entry|elementen?|elementos?|éléments?|options?|suggestions?|ideas?|examples?|"
        r"tips?|tags?|hashtags?|keywords?|questions?|titles?|headlines?|recommendations?|reasons?|steps?|"
        r"results?|vorschläge|sugerencias|ejemplos|exemples|idées|sugestões|exemplos",
    ),
    ("lines", r"lines?|zeilen?|líneas?|lignes?|linhas?|righe|riga"),
    ("characters", r"characters?|chars?|zeichen|caracteres|caractères|caratteri|letters"),
    ("tokens", r"tokens?"),
)
_UNIT_ALT = "|".join(f"(?P<u_{unit}>{pattern})" for unit, pattern in _UNITS)

_MAX_PRE = (
    r"at\s+most|no\s+more\s+than|not\s+more\s+than|no\s+longer\s+than|not\s+longer\s+than|up\s+to|upto|"
    r"max(?:imum)?(?:\s+of)?|max\.|under|below|less\s+than|fewer\s+than|within|(?:not|never)\s+(?:to\s+)?exceed(?:ing)?|"
    r"don'?t\s+exceed|do\s+not\s+exceed|shorter\s+than|limit(?:ed)?(?:\s+it|\s+(?:replies|answers|responses))?\s+to|"
    r"keep(?:\s+(?:it|this|them|the\s+\w+|your\s+\w+|replies|answers|responses|each\s+\w+))?\s+(?:to|under|within|below)|"
    r"cap(?:ped)?\s+at|only|just|"
    r"como\s+máximo|máximo(?:\s+de)?|máx\.?|no\s+más\s+de|menos\s+de|hasta|a\s+lo\s+sumo|"
    r"höchstens|maximal|nicht\s+mehr\s+als|weniger\s+als|bis\s+zu|unter|"
    r"au\s+maximum|au\s+plus|maximum|pas\s+plus\s+de|moins\s+de|jusqu'à|"
    r"no\s+máximo|não\s+mais\s+(?:do\s+)?(?:que|de)|até|"
    r"<=|≤|<"
)
_MIN_PRE = (
    r"at\s+least|no\s+fewer\s+than|no\s+less\s+than|not\s+less\s+than|minimum(?:\s+of)?|min\.?|more\s+than|over|"
    r"longer\s+than|como\s+mínimo|al\s+menos|mínimo(?:\s+de)?|mindestens|wenigstens|au\s+moins|"
    r"no\s+mínimo|pelo\s+menos|>=|≥|>"
)
_EXACT_PRE = r"exactly|precisely|exactamente|genau|exactement|exatamente|esattamente"
_POST = (
    r"(?P<post_max>or\s+(?:less|fewer|under|shorter)|max(?:imum)?|at\s+most|tops|como\s+máximo|máximo|"
    r"höchstens|maximal|au\s+maximum|no\s+máximo|or\s+so)"
    r"|(?P<post_min>or\s+more|at\s+least|minimum|como\s+mínimo|mindestens|au\s+moins|no\s+mínimo)"
)
_RANGE_JOIN = r"\s*(?:-|–|—|to|and|or|y|a|und|bis|et|à|e|ou|o)\s*"
_ADJECTIVES = r"(?:(?:short|long|full|complete|concise|brief|simple|separate|plain|clear|kurze|cortas?|courtes?)\s+)?"

_LIMIT = re.compile(
    rf"(?:(?P<pre_max>{_MAX_PRE})|(?P<pre_min>{_MIN_PRE})|(?P<pre_exact>{_EXACT_PRE}))?\s*"
    rf"(?:between\s+|entre\s+|zwischen\s+|de\s+)?"
    rf"(?<![\w.])(?P<n1>{NUMBER})(?:{_RANGE_JOIN}(?P<n2>{NUMBER}))?(?:\s*|-){_ADJECTIVES}(?:{_UNIT_ALT})\b"
    rf"(?:\s*(?:{_POST})\b)?",
    re.IGNORECASE,
)
# "word limit: 100", "max words: 100", "limit of 100 words" is handled above.
_LABELLED = re.compile(
    r"\b(?:max(?:imum)?\s+|min(?:imum)?\s+)?(?P<unit_word>word|sentence|character|char|token|line|paragraph)s?"
    r"\s+(?:limit|count|max(?:imum)?|cap)\s*(?:[:=]|of|is)?\s*(?P<n1>\d+)\b",
    re.IGNORECASE,
)

_CJK_UNITS: tuple[tuple[LimitUnit, str], ...] = (
    ("characters", r"文字|字"),
    ("words", r"単語|語|个词|個詞|词"),
    ("sentences", r"文|句话|句"),
    ("paragraphs", r"段落|段"),
    ("lines", r"行"),
    ("bullets", r"項目|条|点"),
)
_CJK_UNIT_ALT = "|".join(f"(?P<c_{unit}>{pattern})" for unit, pattern in _CJK_UNITS)
_CJK_NUM = r"[\d０-９]+|[一二两三四五六七八九十百]+"
_CJK_LIMIT = re.compile(
    rf"(?P<pre_max>最大|最多|不超过|不要超过|不得超过|少于|以内で)?(?P<pre_min>至少|最低|不少于)?\s*"
    rf"(?P<n1>{_CJK_NUM})(?:\s*[-~〜～到至]\s*(?P<n2>{_CJK_NUM}))?\s*(?:つの|个|個|つ)?(?:{_CJK_UNIT_ALT})"
    rf"(?P<post_max>以内|以下|まで|未満|内)?(?P<post_min>以上)?",
)
_NEGATION_BEFORE = re.compile(
    r"(?:don'?t|do\s+not|never|must\s+not|should\s+not|shouldn'?t|mustn'?t|cannot|can'?t|not|no\s+debe|nunca|"
    r"nicht|nie|ne|jamais|não|nunca)\s+(?:\w+\s+){0,3}$",
    re.IGNORECASE,
)
_EACH = r"(?:each|per|every|jede[rsn]?|pro|cada|por|chaque|par)"
_SCOPE_AFTER = re.compile(
    rf"\s*(?:{_EACH}\b(?:\s+(?!(?:and|or|but|in|with|at|the|a|to|of|y|und|et|e|o)\b)(?P<noun>[a-zà-ü][\w-]*))?)",
    re.IGNORECASE,
)
_SCOPE_BEFORE = re.compile(
    rf"\b{_EACH}\s+(?:(?P<noun>[a-zà-ü][\w-]*)\s+(?:(?:should|must|is|be|has|gets?|stays?)\s+)?(?:be\s+)?)?"
    rf"(?:(?:at\s+most|under|below|within|max(?:imum)?|no\s+more\s+than|up\s+to|less\s+than)\s+)?$",
    re.IGNORECASE,
)
_SCOPE_NOUN = re.compile(
    r"(?:bullet|item|point|section|paragraph|answer|reply|response|description|summar|title|entry|entries|example|"
    r"question|step|tip|email|message|post|tweet|field|sentence|line|option|idea|card|slide|chapter|headline|"
    r"caption|comment|review|note|label|tag|part|chunk|turn|output|respuesta|antwort|réponse|punto|punkt)\w*$",
    re.IGNORECASE,
)
_ASKED_COUNT = re.compile(
    r"\b(?:give|list|suggest|provide|generate|return|write|offer|propose|output|with|include|use|in|produce|"
    r"create|draft|share|recommend|name|ask)\s+(?:(?:me|them|the\s+user|us)\s+)?(?:\w+\s+)?$",
    re.IGNORECASE,
)
_REPLY_NOUNS = frozenset(
    {"reply", "response", "answer", "message", "turn", "output", "respuesta", "antwort", "réponse"}
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


def _unit_of(match: re.Match[str], prefix: str) -> tuple[LimitUnit, str]:
    for name, value in match.groupdict().items():
        if name.startswith(prefix) and value is not None:
            return name[len(prefix) :], value  # type: ignore[return-value]
    raise ValueError("no unit group matched")


def _bounds(kind: Bound | None, unit: LimitUnit, n1: int, n2: int | None) -> tuple[int | None, int | None, int | None]:
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


def _cue_kind(match: re.Match[str], text: str) -> Bound | None:
    kind: Bound | None = None
    if match.group("pre_max") or match.group("post_max"):
        kind = "max"
    elif match.group("pre_min") or match.group("post_min"):
        kind = "min"
    elif "pre_exact" in match.groupdict() and match.group("pre_exact"):
        kind = "exact"
    # "don't use more than 3 bullets" is a maximum; "never fewer than 100 words" a minimum.
    if kind in ("max", "min") and _NEGATION_BEFORE.search(text[: match.start()]):
        pre = (match.group("pre_max") or match.group("pre_min") or "").lower()
        if pre.startswith(("more", "over", "longer", "fewer", "less", "shorter", "mehr", "plus")):
            kind = "min" if kind == "max" else "max"
    return kind


def _scope(text: str, start: int, end: int, previous: LimitUnit | None) -> str | None:
    """What a limit applies to when the text narrows it ("each bullet", "per item"); None for the whole reply."""
    near = _SCOPE_AFTER.match(text, end) or _SCOPE_BEFORE.search(text[max(0, start - 40) : start])
    if near is None:
        return None
    noun = (near.group("noun") or "").lower()
    if noun and not _SCOPE_NOUN.match(noun):
        noun = ""
    if noun in _REPLY_NOUNS:
        return None
    if not noun:
        noun = previous[:-1] if previous else "item"
    return f"each {noun}"


def find_limits(text: str) -> list[FoundLimit]:
    """Every limit stated in `text`, in order of appearance."""
    found: list[FoundLimit] = []
    for match in _LIMIT.finditer(text):
        n1 = parse_number(match.group("n1"))
        n2 = parse_number(match.group("n2")) if match.group("n2") else None
        if n1 is None or n1 <= 0:
            continue
        unit, noun = _unit_of(match, "u_")
        start = match.start() + (len(match.group(0)) - len(match.group(0).lstrip()))
        cued = match.group("pre_max") or match.group("pre_min") or match.group("pre_exact") or match.group("n2")
        # A bare "3 examples" or "5 points" is a count only when asked for ("give 3 examples").
        bare_count = unit == "items" or noun.lower().startswith(("point", "punto"))
        if not cued and bare_count and not _ASKED_COUNT.search(text[:start]):
            continue
        minimum, maximum, exact = _bounds(_cue_kind(match, text), unit, n1, n2)
        previous = found[-1].unit if found else None
        found.append(
            FoundLimit(
                unit, minimum, maximum, exact, start, match.end(), _scope(text, start, match.end(), previous), noun
            )
        )
    for match in _LABELLED.finditer(text):
        word = match.group("unit_word").lower()
        unit_name = {"char": "characters"}.get(word, word + "s")
        n1 = int(match.group("n1"))
        if not any(f.start <= match.start() < f.end for f in found):
            found.append(FoundLimit(unit_name, None, n1, None, match.start(), match.end(), None, word))  # type: ignore[arg-type]
    for match in _CJK_LIMIT.finditer(text):
        n1 = parse_number(match.group("n1"))
        n2 = parse_number(match.group("n2")) if match.group("n2") else None
        if n1 is None or n1 <= 0:
            continue
        unit, noun = _unit_of(match, "c_")
        kind: Bound | None = None
        if match.group("pre_max") or match.group("post_max"):
            kind = "max"
        elif match.group("pre_min") or match.group("post_min"):
            kind = "min"
        if (
            kind is None
            and unit in ("characters", "words")
            and not re.search(r"[内下]", text[match.end() : match.end() + 3])
        ):
            continue
        if kind is None and unit == "bullets":
            continue
        minimum, maximum, exact = _bounds(kind, unit, n1, n2)
        found.append(FoundLimit(unit, minimum, maximum, exact, match.start(), match.end(), None, noun))
    found.sort(key=lambda f: (f.start, f.end))
    return found


def describe_limit(
    unit: LimitUnit, minimum: int | None, maximum: int | None, exact: int | None, scope: str | None
) -> str:
    """The imperative sentence for a limit: "Keep the reply to at most 3 sentences."."""
    subject = scope if scope else "the reply"

    def noun(count: int) -> str:
        return unit[:-1] if count == 1 and unit.endswith("s") else unit

    if exact is not None:
        return f"Make {subject} exactly {exact} {noun(exact)}." if scope else f"Reply in exactly {exact} {noun(exact)}."
    if minimum is not None and maximum is not None:
        return f"Keep {subject} between {minimum} and {maximum} {unit}."
    if maximum is not None:
        return f"Keep {subject} to at most {maximum} {noun(maximum)}."
    assert minimum is not None
    return (
        f"Make {subject} at least {minimum} {noun(minimum)} long."
        if unit in ("words", "characters", "tokens")
        else f"Write at least {minimum} {noun(minimum)}."
    )
