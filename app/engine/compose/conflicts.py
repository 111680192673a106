"""Which archetype defaults contradict the brief's constraints: those are dropped, never kept beside them.

A default contradicts the brief when it prescribes something the brief rules out: a formatting feature the brief
forbids ("Markdown with headings" vs "no markdown"), a length when the brief states its own ("at most 200 words"
vs "3 sentences"), a not-found reply when the brief gives its own fallback, or a label outside the brief's set.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

import msgspec

from app.engine.archetypes.registry import Archetype
from app.engine.compose import closed_reply
from app.engine.compose.case_objects import case_object_lines
from app.engine.compose.fixed_shape import fixes_code_reply
from app.engine.compose.settled import TOPICS, settled_topics
from app.engine.compose.source_routes import one_source, own_step_defaults, routes_unanswered
from app.engine.constraints import Constraint
from app.engine.constraints.limits import frees_rest
from app.engine.constraints.priority_lists import PRIORITIES_HEAD
from app.engine.constraints.sections import layout_block
from app.engine.fastre import prefiltered
from app.engine.spec import Rule

FEATURES: dict[str, re.Pattern[str]] = {
    "markdown": re.compile(r"\bmarkdown\b|\*\*|\bheadings?\b|\btables?\b", re.I),
    "lists": re.compile(r"\blists?\b|\bbullet|\bnumbered\b", re.I),
    "bullets": re.compile(r"\bbullet|\bbulleted\b", re.I),
    "numbered": re.compile(r"\bnumbered\b", re.I),
    "headings": re.compile(r"\bheadings?\b|\bunder the headings?\b", re.I),
    "tables": re.compile(r"\btables?\b", re.I),
    "emoji": re.compile(r"\bemoji", re.I),
    "code_blocks": re.compile(r"```|\bfenced\b|\bcode fences?\b|\bcode blocks?\b", re.I),
    "json": re.compile(r"\bjson\b", re.I),
    # Additions after the main output ("List the three most important changes after the edited text"): no room
    # for them in a reply the brief limits to a line or two.
    "extras": re.compile(
        r"\b(?:list|add|append)\s+(?:the\s+)?(?:\w+\s+){0,3}(?:changes|notes?|caveats?|alternatives)\b|"
        r"\bafter\s+the\s+(?:edited|translated|main)\s+text\b|\btranslator'?s\s+notes?\b|\bthen\s+the\s+key\s+changes\b",
        re.I,
    ),
    # A bare label as the whole reply ("Return exactly one label from the set."), where the reply is a JSON object.
    "bare_label": re.compile(r"\bexactly\s+one\s+label\s+from\s+the\s+set\b", re.I),
    # A reply of code or of a label only leaves no room for prose around it.
    "explanation": re.compile(
        r"\bexplain\w*|\bexplanations?\b|\bassumptions?\b|\bwalk\s+(?:\w+\s+)?through\b|"
        r"\b(?:write|show|give)\s+(?:the\s+|your\s+)?(?:\w+\s+){0,3}reasoning\b",
        re.I,
    ),
}
"""Formatting features a brief can rule out, and how a default text prescribes them."""

# A format value that excludes features even when the brief lists none ("plain text only").
_VALUE_EXCLUDES: dict[str, tuple[str, ...]] = {
    "plain": ("markdown", "lists", "headings", "tables", "code_blocks"),
    "prose": ("lists", "headings", "tables"),
    "json": ("markdown", "lists", "headings", "tables", "bare_label"),
    "label": ("markdown", "lists", "headings", "tables", "json", "explanation"),
    "code": ("headings", "explanation"),
}
# A prohibition that rules out prose around the answer ("no explanation", "no commentary").
_NO_PROSE = re.compile(
    r"\bexplanations?\b|\bexplain\w*|\bcommentary\b|\bpreamble\b|\bprose\b|"
    r"\b(?:anything|nothing|text|words?|prose|comments?)\s+(?:else\s+)?(?:outside|around)\s+(?:of\s+)?(?:the|a|that|this|its)\s+"
    r"(?:(?:code|sql|query)\s+)?(?:csv|json|table|code|query|yaml|sql|block|fence)\b",
    re.I,
)
_NUMBER = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|single|\{max_words\})"
# Units that measure the same thing: a default count clashes with a stated limit in the same family only
# ("a one-sentence headline" clashes with "at most 3 sentences", not with "under 80 words").
UNIT_FAMILIES: dict[str, str] = {
    "words": "words", "characters": "words", "tokens": "words",
    # Sentences, lines and paragraphs all measure running text: a stated count of one replaces a default of another.
    "sentences": "text", "lines": "text", "paragraphs": "text",
    "bullets": "items", "items": "items",
}  # fmt: skip
_COUNT_UNITS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (family, prefiltered(re.compile(rf"\b{_NUMBER}[- ](?:{pattern})\b", re.I)))
    for family, pattern in (
        ("words", r"words?|characters?|tokens?"),
        ("text", r"sentences?|lines?|paragraphs?"),
        ("items", r"bullets?(?: points?)?|items?|points?"),
    )
)


@lru_cache(maxsize=4096)
def _counted_families(text: str) -> tuple[str, ...]:
    """The unit families of the counts a default text states ("in one sentence" -> "text"), in `_COUNT_UNITS` order.
    Cached: the texts are the archetypes' defaults, searched again for every brief that limits its reply."""
    return tuple(family for family, pattern in _COUNT_UNITS if pattern.search(text))


_DONT_KNOW = re.compile(r"\bi (?:don't|do not) know\b", re.I)
_NEGATED = re.compile(r"\b(?:no|not|never|without|avoid|don't|do not|nor)\b[^.;:]*$", re.I)
_ONE_LABEL = re.compile(r"\bexactly one label\b|\bonly the label\b|\bone label\b", re.I)
_QUOTED = re.compile(r"[\"“]([\w-]+)[\"”]")
_JSON_KEY = re.compile(r"[{,]\s*\"([\w-]+)\"\s*:")


# What a prohibition rules out, and how a default prescribes it: "never give the final answer" rules out a default
# "Give the full worked solution after two attempts"; "don't comment on style" rules out "Mark style preferences";
# "never INSERT/UPDATE/DELETE" rules out "... unless the user explicitly asks for a change to data".
_PROHIBITED_FAMILIES: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...] = (
    (
        # "never rewrite the whole sketch for them", "don't do their homework": the full solution is ruled out too.
        re.compile(
            r"\b(?:final\s+|full\s+|complete\s+|direct\s+)?(?:answers?|solutions?)\b|"
            r"\b(?:whole|entire|full|complete)\s+(?:sketch|code|program|script|essay|homework|assignment|exercise|"
            r"task|project|function|file)s?\b|\b(?:do|write|finish)\s+(?:their|the|his|her|your)\s+(?:homework|essay|"
            r"assignment|coursework)\b",
            re.I,
        ),
        re.compile(r"\b(?:full|complete|worked|final)\s+(?:worked\s+)?(?:solution|answer)s?\b", re.I),
    ),
    (re.compile(r"\bstyle\b", re.I), re.compile(r"\bstyle\b", re.I)),
    # "name no employees": a default that keeps names exact would put them in
    (
        re.compile(r"\b(?:names?|mention\s+(?:any\s+)?(?:people|employees|individuals))\b", re.I),
        re.compile(r"\bnames\b", re.I),
    ),
    (
        re.compile(r"\b(?:insert|update|delete|drop|alter|truncate|writes?|modif\w*)\b", re.I),
        re.compile(r"\bchanges?\s+to\s+(?:the\s+)?data\b|\b(?:modify|change)\s+(?:the\s+)?data\b", re.I),
    ),
    (
        # ("訳注は一切いりません", "sin notas del traductor": a translator's note in the brief's own language)
        re.compile(
            r"\b(?:notes?|comments?|explanations?|commentary|anmerkung\w*|notas?|remarques?|commenti)\b|訳注|注釈|译注|注释",
            re.I,
        ),
        re.compile(r"\btranslator'?s\s+notes?\b", re.I),
    ),
    # "Don't ask follow-up questions, pick the most reasonable reading": no default that asks the user first
    (
        # (asked by the assistant: "Never answer follow-up questions about HR policy" is about the user's questions)
        re.compile(
            r"(?<!answer\s)(?<!answering\s)(?<!answer\sany\s)\b(?:follow-?\s?up|clarifying|clarification|back)\s+"
            r"questions?\b|\bask\s+(?:\w+\s+){0,3}?(?:for\s+)?clarif",
            re.I,
        ),
        re.compile(
            r"\bask\s+(?:one\s+|a\s+|the\s+user\s+|them\s+)?(?:short\s+)?(?:which|what|whether|for\s+(?:the\s+)?missing|"
            r"clarifying|follow-?up)\b|\bclarifying\s+question|\bask\s+(?:the\s+user\s+|them\s+)?to\s+confirm\b",
            re.I,
        ),
    ),
)
# What the brief says it wants for one part of the job, and the default that would say it differently: "give
# feedback in 3 bullets: strongest, weakest, one thing to practise" replaces the default "two strengths and two
# improvements"; "6 questions total" ends the session, so no "until the user types end session".
# "code first", "先给代码再解释", "primero el código": the reply opens with the code
CODE_FIRST = re.compile(
    r"\bcode\s+first\b|\b(?:start|begin)\s+with\s+the\s+code\b|先给代码|先写代码|先贴代码|先出代码|先上代码|"
    r"コードを先に|先にコード|まずコード|\bprimero\s+el\s+c[óo]digo\b|\bzuerst\s+(?:der|den)\s+code\b|"
    r"\bd['’]abord\s+le\s+code\b|\bprima\s+il\s+codice\b|\beerst\s+de\s+code\b|\bprimeiro\s+o\s+c[óo]digo\b",
    re.IGNORECASE,
)
# "If nothing found output exactly `[]`", "if there are no issues, reply exactly LGTM": the brief's all-clear, said as
# a case of its own (not "nothing else, and quote exactly the line")
_ALL_CLEAR_IN_TASK = re.compile(
    r"\b(?:if|when|wenn|falls|si|se|als)\b[^.]{0,40}?\b(?:nothing|no\s+(?:issues|problems|findings|bugs)|clean|nichts|"
    r"rien|nada|niets|niente|nulla)\b[^.]{0,50}?\b(?:exactly|genau|exactement|exactamente|esattamente|precies|exatamente)\b",
    re.I,
)


# "first line RESULT: PASS or RESULT: FAIL", "VERDICT: APPROVE | CHANGES NEEDED": the reply's result line says the
# all-clear itself, so no "No blocking issues found." beside it
_CLEAN_RESULT_LINE = re.compile(
    r"(?-i:\b[A-Z][A-Z_ ]{2,20})\s*[:=]\s*(?-i:(?:PASS(?:ED)?|APPROVED?|LGTM|OK|CLEAN|SHIP(?:\s+IT)?|GO))\b"
    r"(?=[^\n]{0,40}?(?:\bor\b|\||/|,))"
)


def asks_code_first(text: str) -> bool:
    """Whether the brief wants the reply to open with the code: not under a negation ("never code first", "nicht
    zuerst den Code"), nor code it reads first ("Read the test code first")."""
    for match in CODE_FIRST.finditer(text):
        before = text[max(0, match.start() - 30) : match.start()]
        if _NOT_CODE_FIRST.search(before):
            continue
        return True
    return False


_NOT_CODE_FIRST = re.compile(
    # right before it, with nothing between: "never code first", "nicht zuerst den Code" ("No preamble: code first"
    # negates the preamble), or code read first: "Read the test code first"
    r"(?:\b(?:never|not|don'?t|no|nunca|nicht|jamais|pas|mai|niet|nooit|não|nao)\s+(?:put\s+|pongas\s+|the\s+)?|"
    r"(?:不要|别)|\b(?:read|review|check|look\s+at|test|inspect|lee|lies|lis|leggi|lees)\s+(?:the\s+|their\s+|den\s+|"
    r"el\s+|le\s+)?(?:\w+\s+)?)$",
    re.IGNORECASE,
)


_OWN_RULE_FAMILIES: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...] = (
    (re.compile(r"\bfeedback\b", re.I), re.compile(r"\bgive\s+feedback\b|\bfeedback\s*:", re.I)),
    (
        re.compile(
            r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten)\s+questions\b|\bafter\s+the\s+\w+\s+(?:answer|question)|"
            # "Faça exatamente 6 perguntas", "Depois da sexta resposta, saia do personagem", "nach der sechsten Antwort"
            r"\b\d+\s+(?:perguntas|preguntas|fragen|domande|vragen)\b|\b(?:depois\s+da|después\s+de\s+la|nach\s+der|"
            r"après\s+la|dopo\s+la|na\s+de)\s+\w+\s+(?:resposta|pergunta|respuesta|pregunta|antwort|frage|réponse|"
            r"risposta|domanda|antwoord|vraag)",
            re.I,
        ),
        re.compile(r"\bend\s+session\b", re.I),
    ),
    (
        re.compile(r"\bsign\s*(?:-\s*)?off\b|\bsign\s+(?:every|each|all)\b", re.I),
        re.compile(r"\bsign\s*(?:-\s*)?off\b", re.I),
    ),
    # "code first, then max 3 bullet points": the assumptions do not open the reply
    (
        CODE_FIRST,
        re.compile(r"\bassumptions\b[^.]{0,60}\bat\s+the\s+start\b|\bstart\s+with\s+the\s+assumptions\b", re.I),
    ),
    # "If you find nothing, reply exactly LGTM and nothing else": the brief's own all-clear reply
    (
        re.compile(
            r"\b(?:nothing|no\s+(?:issues|problems|findings))\b[^.]{0,40}\bexactly\b|\bexactly:?\s+[\"“]?LGTM\b", re.I
        ),
        re.compile(r"\bno\s+blocking\s+issues\s+found\b|\bwhen\s+the\s+diff\s+has\s+no\s+problems\b", re.I),
    ),
)
_DEFAULT_RANKING = re.compile(r"\bRank\s+findings\s+by\s+impact\b", re.I)
_SESSION_COUNTED = re.compile(
    r"\b\d+\s+(?:perguntas|preguntas|fragen|domande|vragen|questions)\b[^\n]{0,200}?\b(?:depois|después|nach|après|dopo|"
    r"na|after)\b|\b(?:depois\s+da|después\s+de\s+la|nach\s+der|après\s+la|dopo\s+la|na\s+de)\s+\w+\s+(?:resposta|"
    r"respuesta|antwort|réponse|risposta|antwoord)\b",
    re.IGNORECASE,
)
# "Output only the translation", "return just the SQL", "nothing but the label": nothing goes beside the output.
_ONLY_OUTPUT = re.compile(
    r"\b(?:output|return|print|send|give|reply\s+with|respond\s+with)\s+(?:only|just)\s+the\b|\bnothing\s+but\b", re.I
)
# "zonder uitleg", "ohne Erklärung", "sans explication", "sin explicación": nothing beside the reply, in the languages
# whose sentences the engine keeps whole
_NO_EXPLANATION_FOREIGN = re.compile(
    r"\b(?:zonder|ohne|sans|sin|sem|senza)\s+(?:enige\s+|jede\s+|aucune?\s+|ninguna\s+|nenhuma\s+|alcuna\s+)?"
    r"(?:uitleg|toelichting|erkl[äa]rung(?:en)?|kommentar\w*|explications?|commentaires?|explicaci[óo]n(?:es)?|"
    r"comentarios?|explica[çc][ãa]o|explica[çc][õo]es|coment[áa]rios?|spiegazion[ei]|commenti)\b",
    re.IGNORECASE,
)
# (said of the reply: "Geef alleen de herschreven brief terug, zonder uitleg", not of what the user sends: "wenn
# jemand nur eine Fehlermeldung ohne Erklärung schickt")
_REPLY_ONLY_BEFORE = re.compile(
    r"\b(?:geef|gib|dame|devuelva|devolva|restituisci|scrivi|schreib|antworte|réponds|responda|rispondi|reply|answer|"
    r"output)\b[^.;]*$|"
    # (a verb that may also be the user's, "Si l'élève donne une réponse sans explication", counts opening its clause)
    r"(?:^|[.!?:;\n])\s*(?:donne|devuelve|da|escribe|escreve|devolve|renvoie|rends|écris|responde)\b[^.;]*$",
    re.IGNORECASE,
)
# "Mais nada além do CV e dessa linha", "nothing else after it", "et rien d'autre :": the reply holds what the brief
# lists and no additions after it (a list of changes, notes); said at the end of its clause or before what it
# excepts (not "não mude mais nada nos números", which keeps the numbers as they are)
_NOTHING_ELSE = re.compile(
    r"(?:\bnothing\s+(?:else|more)|\bmais\s+nada|\bnada\s+mais|\bnada\s+m[áa]s|\bnichts\s+(?:anderes|weiter)|"
    r"\bsonst\s+nichts|\brien\s+d['’]autre|\brien\s+de\s+plus|\bnient['’]\s*altro|\bnull['’]\s*altro|\bverder\s+niets|"
    r"\bniets\s+anders)(?=\s*(?:[.!:;\n]|$)|\s+(?:after|besides|but|than|além|alem|aparte|außer|ausser|als|que|à\s+part|"
    r"oltre|dopo|dan|behalve)\b)",
    re.IGNORECASE,
)
_INSTEAD = re.compile(r"\b(?:instead\s+of|rather\s+than|before)\b[^.;:]*$", re.I)


_COUNT_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
}  # fmt: skip
_COUNTED_NOUN = re.compile(
    r"\b(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:\w+\s+)?([a-z]{4,})\b", re.I
)
# Nouns a count can precede that are units or limits, handled by the limit rules, not by this check.
_UNIT_NOUNS = frozenset(
    {"word", "sentence", "line", "paragraph", "bullet", "item", "point", "character", "token", "minute", "hour", "day",
     "week", "month", "year", "time", "second", "percent"}
)  # fmt: skip


# The largest whole-reply limits that leave no room for anything beside the main output.
_TINY = {"lines": 2, "sentences": 2, "words": 40, "characters": 300, "tokens": 60}


def _tiny(c: Constraint) -> bool:
    """A limit on the whole reply of a line or two ("one-line title, max 80 characters")."""
    bound = c.maximum if c.maximum is not None else c.exact
    return c.kind == "limit" and c.scope is None and bound is not None and bound <= _TINY.get(c.unit or "", 0)


def _counted_nouns(text: str) -> dict[str, set[int]]:
    """Counted things a text states ("3 strengths and 3 things to improve" -> {strength: {3}, thing: {3}})."""
    counts: dict[str, set[int]] = {}
    for number, noun in _COUNTED_NOUN.findall(text):
        value = int(number) if number.isdigit() else _COUNT_WORDS[number.lower()]
        singular = noun.lower()[:-1] if noun.lower().endswith("s") else noun.lower()
        if singular not in _UNIT_NOUNS:
            counts.setdefault(singular, set()).add(value)
    return counts


_CITES = re.compile(r"\bcit(?:e|es|ing|ations?)\b|\bcitar?\b|\bzitier\w*|\bquellenangab\w*", re.IGNORECASE)
# A brief that asks where an answer comes from: "cite", "name your sources", "quote the section it's from".
_ASKS_SOURCES = re.compile(
    _CITES.pattern + r"|\b(?:name|give|list|show|include|link)\s+(?:your\s+|the\s+|its\s+)?sources?\b|"
    r"\b(?:quote|name|give|say|mention|include|state|reference)s?\s+(?:the\s+|which\s+)?"
    r"(?:section|clause|article|paragraph|page|passage)",
    re.IGNORECASE,
)


# How a default orders a reply: "Lead with the main conclusion …", "main point first", "Start with the answer".
_DEFAULT_ORDER = re.compile(
    r"\blead\s+with\b|\bmain\s+(?:point|conclusion|finding)s?\s+first\b|"
    r"\b(?:start|begin|open)\s+with\s+(?:the\s+|a\s+)?(?:main|answer|conclusion|verdict|one-line|bottom\s+line)\b",
    re.IGNORECASE,
)


_WHOLE_REPLY_SHAPE = re.compile(
    r"\b(?:two|three|four|five|\d)\s+(?:distinct\s+|different\s+)?(?:[\w-]+\s+)?(?:variants|versions|options|"
    r"alternatives|drafts)\b|\bend\s+with\s+(?:one\s+|a\s+)?(?:clear\s+)?call\s+to\s+action\b|"
    r"\beach\s+ending\s+with\s+a\s+call\s+to\s+action\b",
    re.IGNORECASE,
)
_ONLY_THE_LABEL = re.compile(r"\breturn\s+exactly\s+one\s+label\s+from\s+the\s+set\b", re.IGNORECASE)

# "Severity is one of blocker, major, nit": the brief's lowest severity is where a style point goes, so a default
# that sets style preferences apart as "optional" names a grade the brief does not have.
_STYLE_OPTIONAL = re.compile(r"\bstyle\s+preferences\s+as\s+optional\b", re.IGNORECASE)
_LOWEST_SEVERITIES = frozenset({"nit", "nits", "nitpick", "minor", "low", "style", "suggestion", "optional", "trivial"})


_ALL_NULL = re.compile(r"\bevery\s+field\s+set\s+to\s+null\b", re.IGNORECASE)
_ANY_NULL = re.compile(r"\bnull\b", re.IGNORECASE)
SAYS_NULL = re.compile(r"\bnull\b|\bnulo\b|\bnul\b|\bnull-?wert", re.IGNORECASE)


def _null_defaults(constraints: Sequence[Constraint], task: str) -> list[re.Pattern[str]]:
    """The null defaults the brief's own JSON rules out. Prose that speaks of null ("use null for anything not in the
    signature") makes the schema nullable, so the defaults stay; otherwise a schema with no nullable field ('"paid":
    "true|false"') drops every null default, and one with some non-nullable field ('"urgente": true/false') drops
    "every field set to null"."""
    schemas = [c for c in constraints if c.kind == "schema" and c.schema]
    if not schemas:
        return []
    prose = task
    for c in schemas:
        if c.span is not None:
            prose = prose.replace(c.span.text, " ")
    if SAYS_NULL.search(prose):
        return []
    if not any(allows_null(c.schema) for c in schemas if c.schema):
        return [_ANY_NULL]
    if any(_has_required_value(c.schema) for c in schemas if c.schema):
        return [_ALL_NULL]
    return []


def allows_null(schema: dict[str, Any]) -> bool:
    """Whether any property of the object (or of the array's items) accepts null."""
    body = schema.get("items", schema) if schema.get("type") == "array" else schema
    properties = body.get("properties") or {}
    return any(_nullable(prop) for prop in properties.values()) or not properties


def _has_required_value(schema: dict[str, Any]) -> bool:
    """Whether a schema has a typed top-level field that may not be null."""
    properties = schema.get("properties")
    if not isinstance(properties, dict):
        return False
    return any(isinstance(prop, dict) and prop.get("type") and not _nullable(prop) for prop in properties.values())


def _nullable(prop: object) -> bool:
    """Whether one property's schema accepts null (its type, or its enum)."""
    if not isinstance(prop, dict):
        return False
    kinds = prop.get("type")
    return kinds == "null" or (isinstance(kinds, list) and "null" in kinds) or None in (prop.get("enum") or ())


# ... and the defaults that would answer that case in other words: "Say that you help with questions about this data
# only.", "…; if a needed column is missing, say so."
_SCOPE_REPLY = re.compile(
    r"^\s*say\s+that\s+(?:you|the\s+(?:request|question))\b[^.]*?\b(?:only|outside)\b", re.IGNORECASE
)
# (the success line's "and says so plainly when the answer is not in the FAQ")
_SAYS_SO_PLAINLY = re.compile(r",?\s+and\s+says\s+so\s+plainly\s+when\b[^.]*", re.IGNORECASE)
_WITH_CITATIONS = re.compile(r",?\s+with\s+citations\b", re.IGNORECASE)
_SAY_SO_CASE = re.compile(r"\s*[;,]\s*(?:and\s+)?(?:if|when)\b[^.;,]{3,60},?\s+say\s+so(?=\s*[.;]|$)", re.IGNORECASE)
# A reply that is a JSON object has no room for words to the person: "Say which part of the input is unclear …"
_PROSE_REPLY = re.compile(r"^\s*(?:say|tell|explain|ask|reply)\b", re.IGNORECASE)
# ... when the brief says the JSON is all of it ("Return only this JSON", "Devuelve solo este JSON, sin nada más"), not
# when JSON closes a conversation ("ask one question at a time …, then output JSON")
_JSON_ONLY = re.compile(
    r"\b(?:only|just|nothing\s+but|solo|sólo|únicamente|nur|uniquement|seulement|apenas|somente|soltanto|alleen)\s+"
    r"(?:(?:this|the|a|valid|one|este|el|un|das|dieses|ein|ce|le|un|o|este|questo|il|deze|de|het)\s+)?json\b|"
    r"\bjson\s+(?:only|solo|nur|uniquement|apenas|alleen)\b",
    re.IGNORECASE,
)


# "After they confirm, output ONLY a JSON object": the JSON closes a conversation, its other turns are prose
_LAST_STEP = re.compile(r"\b(?:after|once|when|then|finally|at\s+the\s+end|afterwards)\b[^.!?\n]*$", re.IGNORECASE)


# "Return only this JSON when you have everything": a case after the JSON makes it the last step too
_LAST_STEP_AFTER = re.compile(r"\s*,?\s*(?:when|whenever|once|after|as\s+soon\s+as|at\s+the\s+end)\b", re.IGNORECASE)


def _json_only(task: str) -> bool:
    """Whether the brief says every reply is its JSON and nothing else (not only the last one of a conversation)."""
    return any(
        not _LAST_STEP.search(task, 0, m.start()) and not _LAST_STEP_AFTER.match(task, m.end())
        for m in _JSON_ONLY.finditer(task)
    )


# The most a whole reply may hold and still be "a few sentences": no room for a citation after every claim.
_SHORT_REPLY = {"sentences": 4, "words": 80, "characters": 400, "lines": 4}


_STEPS_AS_LIST = re.compile(r";\s*use a numbered list for steps", re.IGNORECASE)


def _short_reply(constraint: Constraint) -> bool:
    """A limit on the whole reply that keeps it to a few sentences."""
    bound = constraint.maximum or constraint.exact
    cap = _SHORT_REPLY.get(constraint.unit or "")
    return (
        constraint.kind == "limit"
        and constraint.scope is None
        and bound is not None
        and cap is not None
        and bound <= cap
    )


class Conflicts:
    """Tests default texts against the brief's constraints."""

    def __init__(
        self,
        constraints: Sequence[Constraint],
        labels: Iterable[str] = (),
        task: str = "",
        archetypes: Sequence[Archetype] = (),
        tools: Iterable[str] = (),
    ) -> None:
        self.counts = _counted_nouns(task)
        self.forbidden: set[str] = set()
        for c in constraints:
            if c.kind == "format":
                self.forbidden.update(f.lower() for f in c.forbidden)
                self.forbidden.update(_VALUE_EXCLUDES.get((c.value or "").lower(), ()))
        if any(c.kind == "prohibition" and _NO_PROSE.search(c.value or c.text) for c in constraints):
            self.forbidden.add("explanation")
        if any(
            _REPLY_ONLY_BEFORE.search(task, max(0, m.start() - 60), m.start()) or re.match(r"\s*:", task[m.end() :])
            for m in _NO_EXPLANATION_FOREIGN.finditer(task)
        ):  # ("Ohne Erklärung: nur der korrigierte Code": the ban opens the line it rules)
            self.forbidden.add("explanation")  # "Geef alleen de herschreven brief terug, zonder uitleg"
        only_output = any(c.kind == "requirement" and _ONLY_OUTPUT.search(c.text) for c in constraints)
        code_then_sentence = fixes_code_reply(task)
        if only_output or code_then_sentence:
            # ("the query in one sql block and then one sentence": the sentence is the brief's, no explanation)
            self.forbidden.add("explanation")
        if "lists" in self.forbidden:
            self.forbidden.update({"bullets", "numbered"})
        if any(_tiny(c) for c in constraints) or "explanation" in self.forbidden or _NOTHING_ELSE.search(task):
            self.forbidden.add("extras")
        self.limited = {UNIT_FAMILIES.get(c.unit or "", "items") for c in constraints if c.kind == "limit"}
        # A stated limit on the whole reply replaces every default count, whatever its unit: "at most five
        # sentences" beside the brief's "under 90 words" is two limits where the brief asked for one.
        # A part's limit that frees the rest ("the list after it can be as long as it needs") rules out default
        # counts too.
        self.reply_limited = any(c.kind == "limit" and (c.scope is None or frees_rest(c)) for c in constraints)
        self.has_fallback = any(c.kind == "fallback" for c in constraints)
        # (a fixed reply for what cannot be answered replaces the defaults' own words for that case)
        # (a fixed reply, a number or a person for what the source lacks replaces the defaults' words for that case;
        # not 'write "not found"' in place of one missing figure)
        self.fixed_unanswered = routes_unanswered(constraints, task)
        self.json_reply = any(c.kind == "format" and c.value == "json" for c in constraints) and _json_only(task)
        self.multi_label = any(c.kind == "labels" and c.multi for c in constraints)
        # A reader under 13 (a museum's kids' guide) gets answers from the source, but no "[Doc 2, Section 3]"
        # citations, unless the brief asks for them.
        # A reply of a few sentences (a friendly 3-sentence chat answer) has no room for them either.
        young = any(c.kind == "audience" and c.maximum is not None and c.maximum < 13 for c in constraints)
        # Document-and-section citations belong to several documents: one handbook gets none unless asked for.
        single = any(a.cites_documents for a in archetypes[:1]) and one_source(task)
        self.no_citations = (young or single or any(_short_reply(c) for c in constraints)) and not _ASKS_SOURCES.search(
            " ".join([task, *(c.text for c in constraints if c.kind != "audience")])
        )
        brief_labels = [v for c in constraints if c.kind == "labels" for v in c.values] or list(labels)
        self.labels = {v.lower() for v in brief_labels}
        self.keys = {v.lower() for c in constraints if c.kind in ("schema", "fields") for v in c.values}
        prohibitions = [c.value or c.text for c in constraints if c.kind == "prohibition"]
        if only_output:
            prohibitions.append("no notes or comments")  # "Output only the translation": nothing beside it
        self.prohibited = [
            prescribes for trigger, prescribes in _PROHIBITED_FAMILIES if any(trigger.search(p) for p in prohibitions)
        ]
        own_rules = [c.text for c in constraints if c.kind in ("requirement", "ordering", "limit")]
        self.overridden = [
            default for trigger, default in _OWN_RULE_FAMILIES if any(trigger.search(text) for text in own_rules)
        ]
        if PRIORITIES_HEAD.search(task):
            # "Priorities: 1. security 2. correctness": the brief ranks what to look at, not the default's ranking
            self.overridden.append(_DEFAULT_RANKING)
        all_clear_default = _OWN_RULE_FAMILIES[-1][1]
        own_all_clear = _ALL_CLEAR_IN_TASK.search(task) or _CLEAN_RESULT_LINE.search(task)
        if own_all_clear and all_clear_default not in self.overridden:
            # "If nothing found output exactly `[]`": a sentence the brief keeps whole, still its own all-clear
            self.overridden.append(all_clear_default)
        if _SESSION_COUNTED.search(task):
            # "Faça exatamente 6 perguntas … Depois da sexta resposta, saia do personagem": a brief in another
            # language keeps that sentence whole (no requirement to read), and it still ends the session
            self.overridden.append(_OWN_RULE_FAMILIES[1][1])
        # A topic the brief speaks about is settled by its own sentence: the default for it goes.
        # (the brief's tools speak too: "charge_card(card_number, cvv)" takes card numbers, so it settles secrets)
        settled = settled_topics([task, *tools])
        if code_then_sentence:
            settled += [topic for topic in TOPICS if topic.name == "row_limit" and topic not in settled]
        self.overridden += [topic.default for topic in settled if not topic.phrase]
        self.cut_phrases = [topic.default for topic in settled if topic.phrase]
        if self.fixed_unanswered:
            self.cut_phrases.append(_SAY_SO_CASE)
        # the archetype's defaults for a step the brief sets out in its own words ("then ask the next question")
        self.overridden += own_step_defaults(archetypes, task)
        if any(_short_reply(c) for c in constraints):
            self.cut_phrases.append(_STEPS_AS_LIST)  # "keep it short like 2 sentences": no room for a list of steps
        self.overridden += _null_defaults(constraints, task)
        columns = {
            v.lower() for c in constraints if c.kind in ("fields", "schema") and len(c.values) > 1 for v in c.values
        }
        if any(c.kind == "labels" and c.scope and c.scope.lower() in columns for c in constraints):
            # "one csv line: trade,priority,gas_safe" with "trade = plumbing|…": the label is one column of the line
            self.overridden.append(_ONLY_THE_LABEL)
        if case_object_lines(task):
            # '… -> output exactly {"not_availability": true}': the brief's own object answers what is no input for
            # the job, so a default all-null object would contradict it
            self.overridden.append(_ALL_NULL)
        self.overridden += closed_reply.overridden_defaults(task)  # "one line each", "IMMER zuerst …"
        self.cut_phrases += closed_reply.cut_defaults(task)  # "berth numbers instead of names"
        if self.labels & _LOWEST_SEVERITIES:
            self.overridden.append(_STYLE_OPTIONAL)
        outlines = [c for c in constraints if c.kind == "format" and c.value == "sections"]
        if outlines or layout_block(task) is not None:
            self.overridden.append(_DEFAULT_ORDER)  # the brief's outline orders the reply, not "main point first"
            # "TITLE / CONDITION / DESCRIPTION": one piece in the brief's lines, not three variants or a closing CTA
            self.overridden.append(_WHOLE_REPLY_SHAPE)
            if any(len(c.values) > 1 for c in outlines):
                self.overridden.append(_ONLY_THE_LABEL)  # "LABEL: … / REPLY: …": the label is one line of several

    def _prescribes_prohibited(self, text: str) -> bool:
        """Whether a default affirmatively prescribes what a prohibition of the brief rules out."""
        for pattern in self.prohibited:
            for m in pattern.finditer(text):
                before = text[max(0, m.start() - 40) : m.start()]
                if not _NEGATED.search(before) and not _INSTEAD.search(before):
                    return True
        return False

    def forbidden_feature(self, text: str) -> str | None:
        """The first forbidden formatting feature the text prescribes, if any."""
        for feature in sorted(self.forbidden):
            pattern = FEATURES.get(feature)
            if pattern is None:
                continue
            for m in pattern.finditer(text):
                # "no code fence", "without Markdown" agree with the brief: only affirmative mentions clash.
                if not _NEGATED.search(text[max(0, m.start() - 30) : m.start()]):
                    return feature
        return None

    def without_settled_phrases(self, text: str) -> str:
        """A default text with the phrases the brief settles cut out ("a one-sentence summary of the change, then "
        when the brief wants only the findings); a rule that is all such a phrase is cut to nothing."""
        for pattern in self.cut_phrases:
            text = pattern.sub("", text)
        return text.strip() if text.strip(" .") else ""

    def trimmed(self, text: str) -> str:
        """A success line or reminder without "and says so plainly when the answer is not in …" when the brief routes
        that case itself (a fixed reply, a tag and a person, a number), and without ", with citations" when the
        reply has none."""
        if self.fixed_unanswered:
            text = _SAYS_SO_PLAINLY.sub("", text)
        return _WITH_CITATIONS.sub("", text) if self.no_citations else text

    def clashes(self, text: str) -> bool:
        """True when a default text contradicts a constraint and must be dropped."""
        if self.forbidden_feature(text):
            return True
        limited = self.reply_limited or self.limited
        if limited and any(self.reply_limited or family in self.limited for family in _counted_families(text)):
            return True
        if self.has_fallback and _DONT_KNOW.search(text):
            return True
        if self.fixed_unanswered and _SCOPE_REPLY.search(text):
            return True  # the brief's own words for what it cannot answer, not "Say that you help with … only"
        if self.json_reply and _PROSE_REPLY.search(text):
            return True  # "Devuelve solo este JSON": no prose reply beside it
        if self.multi_label and _ONE_LABEL.search(text):
            return True
        if self.no_citations and _CITES.search(text):
            return True
        if self.prohibited and self._prescribes_prohibited(text):
            return True
        if any(pattern.search(text) for pattern in self.overridden):
            return True  # the brief states its own rule for this part
        if self.counts and any(
            noun in self.counts and not numbers <= self.counts[noun] for noun, numbers in _counted_nouns(text).items()
        ):
            return True  # "two strengths" where the brief asks for 3 strengths
        # A default JSON reply with keys outside the brief's own schema ("category", "rationale") contradicts it.
        if self.keys and any(key.lower() not in self.keys for key in _JSON_KEY.findall(text)):
            return True
        return bool(self.labels) and any(
            q.lower() == "other" and "other" not in self.labels for q in _QUOTED.findall(text)
        )

    def unsettled(self, rules: list[Rule]) -> list[Rule]:
        """The safety rules whose case the brief does not settle in its own words ("if a child says someone is
        hurting them, tell them to talk to their teacher or call Disque 100" replaces "a parent or teacher")."""
        kept = [r for r in rules if not any(p.search(r.text) for p in self.overridden)]
        # a phrase the brief settles is cut from a safety rule too ("; suggest a qualified professional, …" where
        # the brief names its own place for money trouble)
        cut = [(r, self.without_settled_phrases(r.text)) for r in kept]
        return [r if text == r.text else msgspec.structs.replace(r, text=text) for r, text in cut if text]

    def keep(self, texts: Iterable[str]) -> list[str]:
        """The texts that do not clash, in order (the phrases the brief settles cut out)."""
        cut = (self.without_settled_phrases(t) for t in texts)
        return [t for t in cut if t and not self.clashes(t)]
