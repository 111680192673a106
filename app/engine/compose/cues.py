"""Text cues the composer reads from the task itself when the brief's typed constraints do not say.

These are the fall-backs behind the typed constraints: a grounding source noun ("the help-center article"), a
label set or field list written loosely in the task, and the default length budget.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from app.engine.compose.foreign_sources import foreign_source
from app.engine.constraints import Constraint
from app.engine.constraints.clauses import in_exact_line
from app.engine.constraints.field_phrases import says_how_written
from app.engine.constraints.found_rules import is_english
from app.engine.constraints.label_items import CLOSING
from app.engine.constraints.label_plausibility import DATE_FORMAT_PARTS
from app.engine.phrasing import normalise, sentence, without_request
from app.engine.spec import Length

MAX_WORDS: dict[Length, int] = {"short": 80, "standard": 200, "detailed": 500}

_LABEL_LIST = re.compile(
    # "suggest which team should handle them: billing, tech or sales": the choice the question asks for
    r"\b(?:into|as|labels?:?|categories:?|classes:?|one of|either|rout\w*\s+(?:[\w-]+\s+){0,3}?to|"
    r"which\s+[\w-]+(?:\s+[\w-]+){0,6}?\s*:)\s+"
    r"((?:[\"']?[A-Za-z][\w-]*[\"']?(?:\s*,\s*(?:or\s+|and\s+)?|\s+or\s+|\s+and\s+|\s*/\s*)){1,11}[\"']?[A-Za-z][\w-]*[\"']?)",
    re.IGNORECASE,
)
_LABEL_SPLIT = re.compile(r"\s*,\s*(?:or\s+|and\s+)?|\s+or\s+|\s+and\s+|\s*/\s*")
_REPLY_VERBS = frozenset({"output", "return", "respond", "print"})  # "…, other, output just the label"
_STEP_WORDS = frozenset({"then", "also", "next", "finally", "afterwards", "before", "after"})
_LABEL_STOP = frozenset({"a", "an", "the", "one", "each", "every", "label", "labels", "category", "categories"})
_FIELD_LIST = re.compile(
    r"\b(?:extract|extracts|extracting|pull out|pull|get|grab|capture|fields?:?|structured data:|json with)\s+"
    r"(?:the\s+)?(?:following\s+)?(?:fields?:?\s+)?"
    r"\(?([a-z][\w -]*(?:\s*,\s*(?:and\s+)?[a-z][\w -]*|\s+and\s+[a-z][\w -]*)+)\)?",
    re.IGNORECASE,
)
_FIELD_PAREN = re.compile(r"\(([^()]*,[^()]*)\)")
_NO_FIELD = re.compile(r"^(?:same|only|original|existing)_|(?:^|_)(?:keys|values)(?:_|$)")
_FIELD_TAIL = re.compile(r"\s+(?:from|in|out of|as|into|for|to|on)\b.*$", re.IGNORECASE)
_NUMERIC_FIELD = re.compile(
    r"\b(?:totals?|amounts?|prices?|costs?|salary|years|count|quantity|qty|age|score|subtotal|tax|vat|fee|fees|net|gross|"
    # amounts as invoices name them in the brief corpus' other languages
    r"importe|imponible|cuota|iva|precio|coste|neto|bruto|betrag|mwst|ust|netto|brutto|preis|montant|tva|prix|"
    r"valor|preço|imposto|importo|prezzo|totale|bedrag|btw|prijs)\b",
    re.IGNORECASE,
)
_LIST_FIELD = re.compile(r"\b(?:items|skills|tags|parties|attendees|participants|languages|keywords)\b", re.IGNORECASE)
SENTIMENT = re.compile(r"\bsentiment\b|\bpositive\b[\w\s,]{0,12}\bnegative\b", re.IGNORECASE)
_SOURCE_NOUN = re.compile(
    r"\b((?:[\w'’-]+\s+){0,2}?)(help[- ]?cent(?:er|re) articles?|knowledge ?base|handbook|policy (?:docs|documents?)|"
    r"(?:tenancy |rental |lease |service )?agreements?|leases?|price ?lists?|"
    r"(?:user |product |reference |technical )?manuals?|10-[kq]|contracts?|faqs?(?! bot| assistant| chatbot)|"
    r"documentation|docs(?! site)|documents?|articles?|reports(?=\W*$|\s*[.,;])|"
    # ("a policy NGO", "our policy team": people who make policy, not a policy to answer from)
    r"polic(?:y|ies)(?!\s+(?:ngos?|team|people|staff|makers?|analysts?|briefs?|officers?|advis[eo]rs?|research(?:ers?)?|"
    r"questions?|papers?|areas?|work)\b)|guidance|guides?|guidelines|wiki|playbooks?|"
    r"runbooks?|catalog(?:ue)?s?|rulebooks?|regulations?|standards?|ordinances?|statutes?|bylaws?|by-laws?|"
    # ("the patient's medication protocol leaflet")
    r"leaflets?|brochures?|booklets?|pamphlets?|handouts?|fact ?sheets?|"
    # ("the practice folder", "the onboarding binder", "the course syllabus", "the product glossary")
    r"folders?|binders?|dossiers?|syllabus|glossary|menu|notebooks?|spreadsheets?)\b",
    re.IGNORECASE,
)
_NOT_MODIFIERS = frozenset(
    {"the", "a", "an", "our", "my", "their", "your", "its", "only", "using", "from", "about", "on", "in", "of", "to",
     "supplied", "provided", "attached", "given", "retrieved", "uploaded", "based", "questions", "answer", "answers",
     "with", "for", "and", "or", "this", "these", "those", "that", "any", "each", "all", "im", "i", "we", "is", "are"}
)  # fmt: skip


def task_sentence(task: str) -> str:
    """Normalise the brief's task into one sentence without meta phrasing ("Write a prompt for ...")."""
    text = normalise(task)
    wanted = _WE_NEED.sub("", text, count=1)  # "We need Greenleaf's chat bot." -> "Greenleaf's chat bot."
    wanted = without_request(wanted)  # "Build me a Postgres SQL helper …" -> "a Postgres SQL helper …"
    return sentence(wanted if len(wanted.split()) >= 2 else text)


# (only before the thing asked for: "I want the AI to play the interviewer", "I need every message turned into
# json" say more than what they ask for)
_WE_NEED = re.compile(
    r"^(?i:i|we)\s+(?i:need|want|would\s+like|'d\s+like)\s+(?=(?i:an?)\s|[A-Z][\w'’-]*\s)(?!(?i:an?\s+)?(?:AI|ai)\b)"
    # ("I want Claude to act as …": who is to do the job, then the job)
    r"(?![\w'’-]+\s+to\s)"
)


def source_noun(task: str, references: Sequence[str] = ()) -> str:
    """What the answers are grounded in, in the brief's own words ("the help-center article"); the reference material
    pasted into the brief, by its title; a default otherwise."""
    pasted = _pasted_noun(references)
    if not is_english(task):
        # "le guide audio", "los documentos": the English words would be wrong; "solo con el folleto de la clínica":
        # the brief's own name for its source, as written
        return pasted or foreign_source(task) or _UNNAMED
    listed = _listed_sources(task)
    if listed is not None:
        return listed
    named: list[str] = []
    for m in _SOURCE_NOUN.finditer(task):
        if in_exact_line(task, m.start()):
            continue  # "say exactly: The plan documents don't answer that, …": the reply's words, not a source
        modifiers = [w for w in m.group(1).split() if w.lower() not in _NOT_MODIFIERS and "'" not in w]
        # ("Acceptable Use Policy", "Fair Use guidelines": a capitalised word is part of the name)
        counted = [i for i, w in enumerate(modifiers) if _COUNT_OR_VERB.fullmatch(w) and not w[:1].isupper()]
        modifiers = modifiers[counted[-1] + 1 :] if counted else modifiers  # "it gets two docs": no "gets two"
        if re.search(r"\bof\s+$", m.group(1), re.IGNORECASE):
            modifiers = []  # "a pile of articles", "a set of documents": how many, not which
        noun = m.group(2)
        noun = noun.upper() if re.fullmatch(r"10-[kq]|faqs?", noun, re.I) else noun.lower()
        if modifiers:
            phrase = "the " + " ".join([*modifiers, noun])
        else:
            phrase = f"the {noun}" if noun.lower() not in {"documents", "document", "docs"} else f"the supplied {noun}"
        if not named:
            named.append(phrase)
            if not _SEVERAL_SOURCES.search(task):
                return phrase
        elif noun.lower() not in " ".join(named).lower() and not phrase.startswith("the supplied"):
            named.append(phrase)
    if len(named) >= 2:
        # "answers ONLY from two sources: the handbook and the ordinance": both, never one of them.
        return " and ".join(named[:3]) if len(named) <= 2 else ", ".join(named[:2]) + " and " + named[2]
    return named[0] if named else (pasted or _UNNAMED)


_UNNAMED = "the supplied documents"
_IN_BRIEF = "the information in these instructions"


def grounding_source(task: str, references: Sequence[str] = (), *, slotted: bool = False) -> str:
    """What the answers are grounded in. Documents that are neither pasted, named nor passed in a slot the operator
    fills (`slotted`) do not exist: "answer only from the supplied documents" would make the model refuse everything,
    so the answers keep to what the instructions themselves say."""
    noun = source_noun(task, references)
    if noun != _UNNAMED or slotted or _SOURCE_NOUN.search(task) or _FOREIGN_DOCS.search(task):
        return noun  # ("using the documents": a source the brief names, however plainly)
    return _IN_BRIEF


# "los documentos", "die Unterlagen", "les documents": documents the brief names in its own language
_FOREIGN_DOCS = re.compile(
    r"\b(?:documentos?|documenti|documents?|Dokumente?n?|Unterlagen|documentação|documentazione|ドキュメント|資料|文档|资料)",
    re.IGNORECASE,
)


# "two", "gets", "uses": words before a source noun that say how many or what happens, not which source
_COUNT_OR_VERB = re.compile(
    r"\d+|one|two|three|four|five|several|multiple|many|some|few|both|gets?|has|have|uses?|reads?|receives?|sees?|"
    r"takes?|loads?|attach(?:es)?|upload(?:s|ed)?",
    re.IGNORECASE,
)
# "it gets two docs: the 2021 Equity Incentive Plan (…) and our RSU FAQ (Q1-Q40)": the sources, named in a list
_SOURCES_LISTED = re.compile(
    r"\b(?:two|three|2|3|both)\s+(?:docs|documents|sources|files|pdfs|guides|leaflets|manuals)\s*[:：]\s*"
    r"(?P<items>(?:\([^)\n]{0,80}\)|[^\n.;:(]){3,200})",
    re.IGNORECASE,
)


def _listed_sources(task: str) -> str | None:
    """The sources a brief names in a list after counting them ("two docs: the plan and our FAQ"), as "the plan and
    the FAQ"."""
    match = _SOURCES_LISTED.search(task)
    if match is None:
        return None
    items = re.sub(r"\s*\([^)]*\)", "", match.group("items"))
    parts = [p.strip() for p in re.split(r",\s*(?:and\s+)?|\s+and\s+", items) if p.strip()]
    names = [re.sub(r"^(?:the|our|my|their|a|an)\s+", "", p, flags=re.IGNORECASE) for p in parts]
    if not 2 <= len(names) <= 3 or any(not n or len(n.split()) > 6 for n in names):
        return None
    named = [f"the {n}" for n in names]
    return " and ".join(named) if len(named) == 2 else f"{named[0]}, {named[1]} and {named[2]}"


_QUALIFIER = re.compile(r"\s*\([^)]*\)|\s+[-–—]\s.*$")


def _pasted_noun(references: Sequence[str]) -> str | None:
    """ "the reference material below", "the tenancy agreement below" (a title's parenthesis or dashed qualifier
    left out: "FOLLETO - resumen" is the folleto)."""
    if not references:
        return None
    # (an acronym keeps its capitals: "the FAQ below", not "the faq below")
    titles = [
        " ".join(w if re.fullmatch(r"[A-Z]{2,3}s?", w) else w.lower() for w in _QUALIFIER.sub("", t).split())
        or "reference material"
        for t in references
    ]
    return "the " + " and the ".join(dict.fromkeys(titles)) + " below"


# "from two sources", "both the handbook and the ordinance": the answers rest on more than one source.
_SEVERAL_SOURCES = re.compile(
    r"\b(?:two|three|2|3|both|several|multiple)\s+(?:sources|documents|docs|references)\b|\bboth\s+(?:the\s+|our\s+)?\w+|"
    # "ONLY the patient's medication protocol leaflet (…) and our general FAQ": one source, then another
    r"\b(?:leaflets?|handbooks?|manuals?|faqs?|guides?|polic(?:y|ies)|brochures?|booklets?|articles?)\b[^.\n]{0,80}?"
    r"\band\s+(?:our|the|their)\s+(?:[\w-]+\s+){0,2}(?:faqs?|handbooks?|manuals?|guides?|polic(?:y|ies)|leaflets?|"
    r"brochures?|website|knowledge\s?base)\b",
    re.IGNORECASE,
)


def extract_labels(task: str) -> list[str]:
    """Closed label set named loosely in the task ("into billing, technical or other"), lowercased snake_case."""
    for m in _LABEL_LIST.finditer(task):
        listed = m.group(1)
        # "Gib nur das Label aus, nichts anderes", "geef alleen het label terug, verder niets": the list stops
        # where words that stress "only this" start ("nichts anderes"); what is left is rarely a set.
        closing = CLOSING.search(task, m.start(1), m.end(1) + 30)
        if closing is not None and closing.start() < m.end(1):
            listed = task[m.start(1) : closing.start()]
        parts = [p.strip("\"' ").lower().replace("-", "_") for p in _LABEL_SPLIT.split(listed)]
        verb = next((i for i, p in enumerate(parts) if p in _REPLY_VERBS), None)
        parts = parts[:verb] if verb else parts  # "…, other, output just the label": the next instruction
        labels = [p for p in parts if p and p not in _LABEL_STOP]
        if labels and (all(p in DATE_FORMAT_PARTS for p in labels) or labels == ["n", "a"]):
            continue  # "dates as DD/MM/YYYY", "write N/A": a date form or a missing value, not a label set
        if any(p in _STEP_WORDS for p in labels):
            continue  # "into English, then suggest …": the next step of the job, not a label
        if len(labels) >= 2:
            return list(dict.fromkeys(labels))  # the brief's set as stated: no "other" it did not name
    return []


# "(two farriers, about 300 horses on the books)", '("hallo …, Müller, Wilhelmshöhe")', "(e.g. Biscuit, Pebble)": an
# aside that counts or describes the business, a quoted sample or its examples, never the record's keys.
_NOT_KEY_ASIDE = re.compile(
    r"[\"“”„'‘’«»]|^\s*(?:e\.\s?g\.|i\.\s?e\.|z\.\s?B\.|p\.\s?ej\.|p\.\s?ex\.|ex\.|for\s+example|such\s+as|like)|"
    r"(?:^|,\s*)(?:about|around|roughly|over|under|some|approx\.?|~)?\s*(?:\d|(?:one|two|three|four|five|six|seven|"
    r"eight|nine|ten|twelve|twenty|a\s+few|several|dozens?|hundreds?)\s)",
    re.IGNORECASE,
)


# "if it's not a visit note at all (shopping list, whatever)", "si no es un pedido (spam, publicidad)": a
# parenthesis inside a condition gives examples of the input that meets it, never the reply's keys.
_CONDITION_LEAD = re.compile(
    r"\b(?:if|when|whenever|unless|si|wenn|falls|sofern|se|quand|cuando|caso|als|indien|tenzij)\b", re.IGNORECASE
)
# ("(shopping list, whatever)", "(Werbung, Spam usw.)", "(pub, etc.)": a vague tail marks examples, not keys)
_VAGUE_TAIL = re.compile(
    r"\b(?:whatever|etc|and\s+so\s+on|or\s+so|whatnot|anything|usw|u\.\s?ä|o\s+lo\s+que\s+sea|ou\s+quoi|"
    r"peu\s+importe|egal|o\s+similares?|ou\s+similares?|enz)\b",
    re.IGNORECASE,
)


# German and Dutch "als" before a format ("als JSON", "als eine Liste", "als een tabel") is "as", not "if"
_AS_FORMAT = re.compile(
    r"als\s+(?:(?:ein|eine|einen|einer|een|de|het|reines?|pures?|gültiges?|geldige?)\s+)?(?:JSON|CSV|XML|YAML|TSV|HTML|"
    r"Markdown|Text|Tabelle|Liste|Aufzählung|Objekt|Array|Datei|tabel|lijst|opsomming|object|bestand|tekst)\b",
    re.IGNORECASE,
)
# a vague tail ending a list ("(name, email, phone, etc.)", "(Werbung, Spam usw.)"): cut off, the list kept
_VAGUE_PART = re.compile(rf"\s*(?:\b(?:and|or|und|oder|y|o|et|ou|e|en)\s+)?{_VAGUE_TAIL.pattern}\.?\s*$", re.IGNORECASE)


def _in_condition(task: str, start: int) -> bool:
    """Whether a parenthesis at `start` sits in a condition's clause ("if it's not a note at all (shopping list,
    whatever)"); "als" before a format is no condition."""
    opening = max(task.rfind(mark, 0, start) for mark in (".", "\n", "!", "?", ";", ":")) + 1
    return any(_AS_FORMAT.match(task, lead.start()) is None for lead in _CONDITION_LEAD.finditer(task, opening, start))


def extract_fields(task: str) -> list[str]:
    """Field names listed in an extraction task ("extract the vendor, date and total from ..."), snake_case."""
    asides = [
        m
        for m in _FIELD_PAREN.finditer(task)
        if _NOT_KEY_ASIDE.search(m.group(1)) is None and not _in_condition(task, m.start())
    ]
    for m in [*_FIELD_LIST.finditer(task), *asides]:
        parts = re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", _VAGUE_PART.sub("", m.group(1)))
        parts = [cut for cut in (_VAGUE_PART.sub("", part) for part in parts) if cut.strip()]
        fields: list[str] = []
        for i, part in enumerate(parts):
            # The last item runs into the rest of the sentence ("... and total from invoices"); an earlier one that
            # does ("the key data from supplier invoices and return it as JSON") ends the list there.
            tail = _FIELD_TAIL.search(part)
            name = (_FIELD_TAIL.sub("", part) if i == len(parts) - 1 or tail else part).strip().lower()
            name = re.sub(r"^(?:the|a|an|their|its)\s+", "", name)
            name = re.sub(r"[^a-z0-9]+", "_", name).strip("_")
            name = re.sub(r"^(\w+)_or_not$", r"is_\1", name)
            if _NO_FIELD.search(name) or says_how_written(name):
                fields = []  # "the same JSON with the same keys, only the values translated": how, not which keys
                break
            if name and name not in fields and len(name) <= 40:
                fields.append(name)
            if tail is not None:
                break
        if len(fields) >= 2:
            return fields
    return []


_IDENTIFIER = re.compile(r"(?<![\w.])([a-z][a-z0-9]*(?:_[a-z0-9]+)+)\b(?!\s*\()")


def identifier_fields(task: str) -> list[str]:
    """snake_case keys written in the task ("candidate_name, years_experience"); tool names (`f(...)`) excluded."""
    names = list(dict.fromkeys(_IDENTIFIER.findall(task)))
    return names if len(names) >= 2 else []


def field_key(name: str) -> str:
    """A field named in prose ("invoice number") as a JSON key ("invoice_number")."""
    if re.fullmatch(r"[A-Za-z_][\w.]*", name):  # already a key ("invoiceNumber", "total_eur"): keep its spelling
        return name
    key = re.sub(r"['’]s\b", "", name.strip().lower())  # "company's HQ city" -> "company hq city"
    key = re.sub(r"[^\w]+", "_", key).strip("_")
    return key or name


def with_stated_booleans(schema: dict[str, Any], text: str) -> dict[str, Any]:
    """ "revisar es true si … si no, false", "urgent (true/false)": a field the brief gives true or false is boolean."""
    properties = schema.get("properties")
    if not isinstance(properties, dict):
        return schema
    fixed = dict(properties)
    for name, prop in properties.items():
        pattern = (
            rf"\b{re.escape(name)}\b[^.;\n]{{0,30}}?\b(?:true|false|wahr|falsch|vrai|faux|verdadero|falso|verdadeiro)\b"
        )
        if isinstance(prop, dict) and re.search(pattern, text, re.IGNORECASE):
            nullable = isinstance(prop.get("type"), list) and "null" in prop["type"]
            fixed[name] = {**prop, "type": ["boolean", "null"] if nullable else "boolean"}
    return {**schema, "properties": fixed}


def field_schema(fields: list[str]) -> dict[str, Any]:
    """A nullable JSON schema for the named fields."""
    props: dict[str, Any] = {}
    for name in fields:
        words = name.replace("_", " ")
        if _LIST_FIELD.search(words):
            props[name] = {"type": ["array", "null"], "items": {"type": "object" if "items" in words else "string"}}
            continue
        kind = "boolean" if name.startswith("is_") else "number" if _NUMERIC_FIELD.search(words) else "string"
        props[name] = {"type": [kind, "null"]}
    return {"type": "object", "properties": props, "required": list(fields), "additionalProperties": False}


def said_before(task: str, constraint: Constraint, pattern: re.Pattern[str], width: int) -> bool:
    """Whether the task's `width` characters right before the constraint's span match `pattern` (a label such as
    "Escalations:" before a contact, or "a summary of" before a limit); False for a constraint read elsewhere."""
    span = constraint.span
    if span is None or span.field != "task":
        return False
    return pattern.search(task, max(0, span.start - width), span.start) is not None


# Points a brief awards for one thing ("2 pts for naming the right hazard", "1 mark if it mentions PPE"): two or
# more of them are a marking scheme written into the brief.
POINTS_AWARDED = re.compile(
    r"\b\d+(?:[.,]\d)?\s*(?:pts?|points?|marks?|punti|puntos?|punkte?|pontos?|punten)\.?\s+"
    r"(?:for|if|when|per|each|para|por|si|für|wenn|pour|se|voor|als)\b",
    re.IGNORECASE,
)
