"""What a label set belongs to: its topic ("a sentiment label"), the field it gives values of ("status is one of"),
a list field that holds several ("flags can only contain:"), and the line prefix it is written on."""

from __future__ import annotations

import re

from app.engine.constraints.label_items import CODE, FoundLabels, list_extent, split_items
from app.engine.constraints.label_topics import topic_word

# What the label set is about, named just before it: "a sentiment label (positive/neutral/negative)".
_LABEL_TOPIC = re.compile(
    r"\b(?P<topic>[a-z][\w-]*)[ \t]+(?:label|tag|category|class|rating|score)s?\s*(?:\(|:|[-–—]|of|from)?\s*"
    r"(?:(?:one\s+of|either)\s*:?\s*)?$",
    re.IGNORECASE,
)
_NOT_TOPIC = frozenset({"a", "an", "the", "one", "single", "each", "every", "this", "that", "its", "their", "and"})


# "severity (one of: blocker, major, nit)": the field a parenthesised value list belongs to.
_FIELD_BEFORE_PARENS = re.compile(
    r"\b(?P<topic>[A-Za-z_][\w-]*)\s*\(\s*(?:(?:one\s+of|either)\s*:?\s*)?$", re.IGNORECASE
)


# "give the management tone as one of": the thing given is what the labels rate (not "classify each review as").
_GIVEN_AS = re.compile(
    r"\b(?:give|return|output|state|add|provide|include|write|report|end\s+with)\s+(?:the|a|an|its|their)\s+"
    r"(?:[a-z]+\s+)?(?P<topic>[a-z][\w-]*)\s+as\s+(?:one\s+of|either)\b[^.;]*$",
    re.IGNORECASE,
)
# ', written as "Tone: <label>"': the line the brief wants the label on.
_LINE_TEMPLATE = re.compile(
    r"^[^.;]{0,40}?\b(?:written|formatted|shown|printed|given|prefixed)\s+(?:as|like|with)\s+"
    r"[\"“'`]?(?P<prefix>[A-Za-z][\w -]{0,24}):\s*(?P<slot><[^<>]{1,20}>|\[[^\[\]]{1,20}\]|\{[^{}]{1,20}\})[\"”'`]?"
)


def label_topic(before: str) -> str | None:
    """The topic word of a label set from the text before it ("sentiment" in "assign a sentiment label (")."""
    window = before[-60:]
    match = _LABEL_TOPIC.search(window)
    if match is None or match.group("topic").lower() in _NOT_TOPIC:
        match = _FIELD_BEFORE_PARENS.search(window) or match  # "give it a category (": the category
    if match is not None and match.re is _FIELD_BEFORE_PARENS:
        # "einer Kategorie zu (", "une catégorie (": the noun, in English, not the particle after it
        topic = topic_word(match.group("topic"), window[: match.start("topic")])
        return topic if topic is not None and topic not in _NOT_TOPIC else None
    match = match or _GIVEN_AS.search(before[-80:])
    if match is None or match.group("topic").lower() in _NOT_TOPIC:
        return None
    return match.group("topic").lower()


# "Fehlerart ist genau eine von", "status must be one of", "la categoría es una de": a named field's values.
_FIELD_IS_ONE_OF = re.compile(
    r"(?:^|[\s,;(])(?P<field>[A-Za-zÀ-ÿ][\w-]{2,30}(?:\s+[a-zà-ÿ][\w-]{2,30}){0,2}?)\s+(?:is|ist|es|est|é|è|must\s+be|"
    r"should\s+be|muss|moet\s+zijn|"
    r"deve\s+ser|debe\s+ser|doit\s+être)\s+(?:genau\s+|exactly\s+|exactamente\s+|exactement\s+|exatamente\s+|"
    r"esattamente\s+|precies\s+|always\s+|immer\s+|siempre\s+)?(?:eine[rsm]?|one|uno|una|un|une|um|uma|één)\s+"
    r"(?:von|of|de|des|da|di|van|aus|der|dos|das|dei|delle|degli)\s*(?:the\s+|los\s+|las\s+|les\s+)?:?\s*$",
    re.IGNORECASE,
)


# "flags can only contain:", "tags may include any of", "issues is a list of", "topics: zero or more of", "temas: cero o
# más de", "motivos só pode ter", "étiquettes peut contenir": a field that holds several of the values, or none.
_LIST_FIELD_CUE = (
    r"(?:^|[\s,;(])(?P<quote>[\"'`])?(?P<field>[A-Za-zÀ-ÿ_][\w-]{1,30})[\"'`]?\s*(?:"
    r"(?:can|may|must|should)\s+(?:only\s+)?(?:contain|include|hold|list)|(?P<bare>(?:only\s+)?(?:contains|includes|holds))|"
    r"(?P<listed>(?:is|are)\s+(?:an?\s+)?(?:list|array)\s+(?:of|with|from)|:\s*(?:an?\s+)?(?:list|array)\s+(?:of|from)|"
    r"(?:[:=]\s*)?(?:zero|0|none)\s+or\s+more\s+(?:of|from)|(?:[:=]\s*)?(?:cero|0)\s+o\s+m[áa]s\s+(?:de|entre)|"
    r"(?:[:=]\s*)?(?:zero|0)\s+ou\s+mais\s+(?:de|entre)|(?:[:=]\s*)?(?:z[ée]ro|0)\s+ou\s+plus(?:ieurs)?\s+(?:de|parmi)|"
    r"(?:[:=]\s*)?(?:null|0)\s+oder\s+mehr(?:ere)?\s+(?:von|aus)|(?:[:=]\s*)?(?:zero|0)\s+o\s+pi[ùu]\s+(?:di|tra)|"
    r"(?:[:=]\s*)?(?:nul|0)\s+of\s+meer\s+(?:van|uit)|"
    # "gruende nur aus dieser Liste (mehrere möglich, sonst ["keine"]):", "reasons only from this list:": the list
    # that follows is what the field may hold
    r"(?:only\s+)?(?:from|out\s+of)\s+(?:this|the\s+following)\s+list|nur\s+aus\s+(?:dieser|der\s+folgenden)\s+liste|"
    r"(?:s[óo]lo|solamente|únicamente)\s+de\s+(?:esta|la\s+siguiente)\s+lista|"
    r"(?:uniquement|seulement)\s+(?:de|dans)\s+(?:cette|la)\s+liste(?:\s+suivante)?|"
    r"solo\s+da(?:lla)?\s+(?:questa|seguente)\s+lista|(?:s[óo]|apenas)\s+d(?:esta|a\s+seguinte)\s+lista|"
    r"alleen\s+uit\s+(?:deze|de\s+volgende)\s+lijst)(?:\s*\([^()\n]{0,60}\))?|"
    r"(?:s[óo]lo\s+)?puede[n]?\s+(?:contener|incluir|tener|llevar)|(?:s[óo]\s+)?pode[m]?\s+(?:conter|ter|incluir|levar)|"
    r"(?:ne\s+)?peu(?:t|vent)\s+(?:contenir|inclure)|(?:darf|dürfen|kann|können)\s+(?:nur\s+)?enthalten|"
    r"(?:pu[òo]|possono)\s+contenere|mag\s+(?:alleen\s+)?bevatten)"
    r"(?:\s+(?:only|solo|s[óo]|nur|que|alleen))?"
    r"(?:\s+(?:these|the\s+following|any\s+of|one\s+or\s+more\s+of|values?|codes?|items?|labels?|tags?|flags?|from|"
    r"of|estos|estas|estes|esses|essas|ces|diese|questi|queste|deze|los\s+siguientes|las\s+siguientes|valores|c[óo]digos|os\s+seguintes|les\s+valeurs|valeurs|"
    r"codes|werte|i\s+seguenti|valori|codici|waarden)){0,3}\s*[:：]?\s*"
)
_LIST_FIELD_BEFORE = re.compile(_LIST_FIELD_CUE + "$", re.IGNORECASE)
LIST_CUE_WORDS = re.compile(
    r"contain|includ|hold|list|lijst|array|more|m[áa]s|mais|plus|mehr|pi[ùu]|meer|puede|pode|peu|darf|dürf|kann|könn|pu[òo]|"
    r"possono|mag\b",
    re.IGNORECASE,
)  # (a cheap test before the list-field pattern runs)
_LIST_FIELD_INTRO = re.compile(_LIST_FIELD_CUE, re.IGNORECASE)
_NOT_A_FIELD = frozenset(
    """
    it this that reply answer response output message messages row rows line lines record records entry entries item
    items object objects table csv json file column columns result results header
    """.split()  # noqa: SIM905  (words that name where fields sit, not a field: "Each row can contain: SKU, QTY")
)


# "a list of objects with …", "an array of task objects", "a list of strings in E.164 format", "una lista de objetos":
# what each item of the list is (its type), not values it may take.
_ITEM_SHAPE = re.compile(
    r"(?:[^\W\d_]+\s+)?(?:objects?|strings?|integers?|ints?|floats?|numbers?|booleans?|dicts?|dictionaries|maps?|"
    r"arrays?|lists?|records?|entries|items?|urls?|ids?|objetos?|cadenas?|textos?|n[úu]meros?|enteros?|objets?|"
    r"cha[îi]nes?|nombres?|entiers?|objekte?n?|zeichenketten|zahlen|strings?|oggetti|stringhe|numeri|objecten|"
    r"tekenreeksen|getallen)\b",
    re.IGNORECASE,
)


def list_field_of_labels(before: str) -> str | None:
    """The field that holds a list of these values, named just before them ("flags" in "flags can only contain:",
    "temas" in "temas: cero o más de"), or None."""
    match = _LIST_FIELD_BEFORE.search(before[-90:])
    if match is None or match.group("field").lower() in _NOT_TOPIC | _ARTICLES | _NOT_A_FIELD:
        return None
    return match.group("field")


def list_field_values(text: str) -> FoundLabels | None:
    """ "issues can only contain: LEAK, CRACK, RUST", "temas: cero o más de comida, servicio, precio": the values a
    list field may hold, when the field is a key (snake_case, camelCase or quoted), the cue says "zero or more" or
    "a list of", or the values are codes (not "Messages may include photos or text", what arrives)."""
    for intro in _LIST_FIELD_INTRO.finditer(text):
        field = intro.group("field")
        if field.lower() in _NOT_TOPIC | _ARTICLES | _NOT_A_FIELD:
            continue
        start = intro.end()
        if intro.group("listed") and _ITEM_SHAPE.match(text, start):
            continue  # "line_items is a list of objects with sku, qty", "a list of strings": each item's shape
        end = list_extent(text, start)
        items = split_items(text[start:end])
        if not items:
            continue
        keyish = bool(intro.group("quote") or "_" in field or re.search(r"[a-z][A-Z]", field))
        coded = all(CODE.fullmatch(item) and not item.isdigit() for item in items)  # (snake_case names fields)
        # ("Each row contains: SKU, QTY, PRICE" says what a row holds: its columns, no values to choose)
        if keyish or intro.group("listed") or (coded and not intro.group("bare")):
            return FoundLabels(items, True, start, end)
    return None


_UPPER_FIELD_BEFORE = re.compile(r"(?:^|[\s,;(])(?P<field>[A-Z][A-Z_]{3,})\s+(?:is|must\s+be|should\s+be|can\s+be)\s*$")


def field_of_labels(before: str) -> str | None:
    """The field a label set gives the values of ("Fehlerart" in "Fehlerart ist genau eine von …", "payment status"
    in "The payment status is one of …"), or None."""
    match = _FIELD_IS_ONE_OF.search(before[-80:]) or _UPPER_FIELD_BEFORE.search(before[-40:])
    if match is None:
        return None
    words = match.group("field").split()
    while words and any(word.lower() in _ARTICLES for word in words):
        words = words[1:]  # "The payment status", "where theme": the field is "payment status", "theme"
    if not words or words[-1].lower() in _NOT_TOPIC | {"it", "this", "that", "answer", "reply"}:
        return None
    return " ".join(words)


_ARTICLES = frozenset(
    {
        "the", "a", "an", "its", "their", "each", "der", "die", "das", "el", "la", "le", "o", "il", "de",
        "where", "and", "or", "then", "with", "whose", "which", "that", "so", "if", "when", "while", "but", "also",
    }
)  # fmt: skip


def line_prefix(after: str) -> str | None:
    """The prefix of the line the brief wants the label on: "Tone" in `, written as "Tone: <label>"`."""
    match = _LINE_TEMPLATE.match(after)
    return match.group("prefix").strip() if match else None


# "Then one last line: Flight risk for team: low, medium or high": a closing line's prefix and the values it takes.
_PREFIXED_LINE = re.compile(
    r"\b(?:line|zeile|ligne|línea|linha|riga|regel)\s*[:：]\s*(?P<prefix>[A-Za-zÀ-ÿ][\w' -]{1,40}?)\s*[:：]\s*"
    r"(?P<list>[\w-]+(?:\s*,\s*[\w-]+)*\s*,?\s+(?:or|oder|ou|o|of)\s+[\w-]+)\b",
    re.IGNORECASE,
)


_PREFIX_BEFORE = re.compile(
    r"\b(?:line|zeile|ligne|línea|linha|riga|regel)\s*[:：]\s*(?P<prefix>[A-Za-zÀ-ÿ][\w' -]{1,40}?)\s*[:：]\s*$",
    re.IGNORECASE,
)


def prefixed_line_labels(text: str) -> FoundLabels | None:
    """A label set a named closing line takes ("… line: Flight risk for team: low, medium or high"), or None."""
    match = _PREFIXED_LINE.search(text)
    if match is None:
        return None
    items = split_items(match.group("list"), last_trim=False)
    return FoundLabels(items, False, match.start("list"), match.end("list")) if items else None


def line_prefix_before(before: str) -> str | None:
    """The prefix of the named line a label set follows ("Flight risk for team" in "… line: Flight risk for team:")."""
    match = _PREFIX_BEFORE.search(before[-80:])
    return match.group("prefix").strip() if match else None
