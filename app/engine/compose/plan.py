"""The composition plan: everything the section builders share, worked out once from the brief and archetypes."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import msgspec

from app.engine.archetypes import BY_ID, REGISTRY, Archetype
from app.engine.archetypes.registry import Persona
from app.engine.archetypes.variants import DRAFTED_ELSEWHERE, MULTI_LABEL, played_character
from app.engine.brief import Brief, Entities
from app.engine.classify import ArchetypeMatch
from app.engine.compose import closed_reply
from app.engine.compose.conflicts import Conflicts
from app.engine.compose.cues import (
    MAX_WORDS,
    SENTIMENT,
    extract_fields,
    extract_labels,
    grounding_source,
    identifier_fields,
    task_sentence,
)
from app.engine.compose.details import in_text_fallback, restates_job, task_details
from app.engine.compose.escalation import HANDOFF_REPLY, NO_ROUTE, escalation
from app.engine.compose.foreign_details import foreign_details
from app.engine.compose.job import BACKGROUND, WISH, core_task, is_introduction, job_sentence, job_span, job_text
from app.engine.compose.label_draft import WRITES_REPLY, reply_writer
from app.engine.compose.language import brief_language
from app.engine.compose.rule_lines import rule_line
from app.engine.compose.rule_lists import listed_rules
from app.engine.compose.sentences import split_sentences
from app.engine.constraints import Constraint, ConstraintKind
from app.engine.constraints.found_rules import is_english
from app.engine.constraints.label_wording import TAG_SET_LEAD
from app.engine.constraints.language import other_reply_language, two_way_directions
from app.engine.constraints.language_targets import TRANSLATION_SCOPE, listed_languages, translation_targets
from app.engine.constraints.meta_requests import requested_job
from app.engine.constraints.openapi import pasted_tool_specs
from app.engine.constraints.sections import layout_block, numbered_lines
from app.engine.phrasing import VERBS, imperative_task
from app.engine.spec import Length
from app.engine.tool_text import without_tools_intro

_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
_DRAFTED_ELSEWHERE = re.compile(DRAFTED_ELSEWHERE, re.IGNORECASE)
# The last sentence before a pasted spec, when it ends in a colon with nothing but blank lines after it
_SPEC_INTRO = re.compile(r"(?:^|(?<=[.!?。！？])[ \t]+|(?<=\n))(?P<intro>[^\n.!?。！？]{3,160}[:：])[ \t]*\n\s*\Z")
# ... that names what it hands over ("the API spec", "die Schnittstelle", "los endpoints") and orders nothing
_NAMES_SPEC = re.compile(
    r"\b(?:api|spec\w*|openapi|swagger|endpoints?|interfaces?|schnittstellen?|tools?|functions?|funktionen|"
    r"werkzeuge|herramientas|funciones|outils|fonctions|ferramentas|funções|strumenti|funzioni|definitions?|docs?|"
    r"yaml|excerpt|auszug|extracto|extrait)\b|ツール|工具|接口",
    re.IGNORECASE,
)
_HANDOVER_VERBS = frozenset({"use", "call", "read", "get", "go", "take", "run", "keep", "start", "see", "look"})
_ORDERS = re.compile(
    r"\b(?:always|never|only|before|after|must|immer|nie|nur|vor|nach|siempre|nunca|solo|antes|después|toujours|"
    r"jamais|seulement|avant|après|sempre|mai|prima|dopo)\b|"
    # "Con estas funciones consulta los huecos libres y reserva la cita …:", "With these tools, check the free slots
    # and book …:": the job is said, with the verbs the assistant does it with (not "Use these tools:", "… to call:")
    rf"(?:^|[,;]\s*|\b(?:to|and|then)\s+)(?:{'|'.join(sorted(VERBS - _HANDOVER_VERBS))})\b|"
    r"\b(?:consulta|consulte|reserva|reserve|busca|busque|comprueba|compruebe|revisa|revise|cancela|cancele|"
    r"registra|registre|gestiona|gestione|agenda|agende|confirma|confirme|crea|cree|actualiza|actualice|anota|"
    r"anote|verifica|verifique|calcula|calcule|envía|envíe|ofrece|ofrezca|responde|responda|"
    r"consultez|réservez|réserve|vérifie|vérifiez|cherche|cherchez|annule|annulez|"
    r"prüfe|prüfst|buche|buchst|suche|suchst|storniere|stornierst|"
    r"prenota|controlla|annulla|reservar|buscar|consultar)\b",
    re.IGNORECASE,
)

_GROUNDED = re.compile(
    r"\b(?:using|from|based on|according to|grounded in|with)\s+(?:only\s+)?(?:the\s+|our\s+|a\s+|an\s+|their\s+)?"
    r"(?:[\w-]+\s+){0,3}?(?:help[- ]?cent(?:er|re) articles?|articles?|docs|documentation|documents?|handbook|"
    r"manuals?|knowledge ?base|faqs?|polic(?:y|ies)|guides?|guidance|wiki)\b(?:\s+(?:provided|supplied|attached))?",
    re.IGNORECASE,
)

# "(JSON from our provider's docs)", "the schema, copied from the API documentation": where pasted material came
# from, not what the answers are based on
_PROVENANCE = re.compile(
    r"\b(?:json|yaml|xml|schemas?|specs?|code|snippets?|tables?|functions?|endpoints?|copied|taken|pasted|lifted)"
    r"\W+(?:[\w'’-]+\s+){0,2}$",
    re.IGNORECASE,
)


def _grounds_answers(text: str) -> bool:
    """Whether the brief grounds its answers in a source ("answer using the help-center article"), not merely says
    where a pasted spec came from."""
    return any(not _PROVENANCE.search(text[max(0, m.start() - 40) : m.start()]) for m in _GROUNDED.finditer(text))


_SENTIMENT_LABELS = ("positive", "negative", "neutral", "other")


@dataclass(frozen=True, slots=True)
class Plan:
    """The brief, its constraints and archetypes, and the derived values every section needs."""

    brief: Brief
    entities: Entities
    primary: Archetype
    blended: tuple[Archetype, ...]
    """Secondary archetypes whose rules, context and tone join the primary's (both sides free-form)."""
    partners: tuple[Archetype, ...]
    """Secondary archetypes with a fixed output (labels, fields) whose essential rules and output part join."""
    constraints: tuple[Constraint, ...]
    labels: tuple[str, ...]
    labels_from_brief: bool
    user_term: str
    noun: str
    persona: Persona | None
    length: Length
    language: str | None
    """The reply language (a language constraint, the brief field, the task, or the language the brief is in)."""
    brief_language: tuple[str, str] | None
    """(code, name) when the brief itself is not written in English."""
    audience: str | None
    conflicts: Conflicts
    placeholders: dict[str, str] = field(default_factory=dict)
    task: str = ""
    """The task's first sentence, without the parts constraints carry: what the objective says."""
    task_details: tuple[str, ...] = ()
    """The task's other sentences that no constraint carries and that state facts: context, in the brief's words."""
    detail_rules: tuple[str, ...] = ()
    """The task's other sentences that no constraint carries and that instruct: requirements, in the brief's words
    (every such sentence of a brief not written in English, which cannot be told apart reliably)."""
    listed_spans: tuple[tuple[int, int], ...] = ()
    """[start, end) in the task of each item of the brief's rule lists that is a rule whole, in the brief's words: the
    rules read from inside one are said by it."""
    ranked_rules: tuple[str, ...] = ()
    """The detail rules that a heading ranks ("Rules, in priority order:"), in order."""
    job_text: str = ""
    """The brief's job sentence as written."""
    task_line: str | None = None
    """The task as one English instruction, or None (a noun phrase, or a brief in another language)."""
    conversational: bool = False
    """The end user's message arrives as a user turn (see `Archetype.conversational` and `live_chat_cue`)."""
    directions: tuple[tuple[str, str], ...] = ()
    """(source, target) pairs of a translation that goes both ways, by the language each message arrives in."""
    references: tuple[str, ...] = ()
    """Titles of the reference material pasted into the brief: it is in the prompt, so no slot asks for it."""
    material: str = ""
    """The text of that material (a schema, a policy): what examples may draw on besides the task."""

    @property
    def archetypes(self) -> tuple[Archetype, ...]:
        """Primary first, then the blended secondaries."""
        return (self.primary, *self.blended)

    @property
    def voices(self) -> tuple[Archetype, ...]:
        """The archetypes whose context and tone join: the primary, and blended secondaries that bring all of
        their sections (a secondary with `blend_rules` brings only those, so it does not set the voice)."""
        return (self.primary, *(a for a in self.blended if not a.blend_rules))

    def of_kind(self, *kinds: ConstraintKind) -> list[Constraint]:
        """The constraints of the given kinds, in brief order."""
        return [c for c in self.constraints if c.kind in kinds]

    def fill(self, text: str) -> str:
        """Replace known {names}; unknown braces stay (example outputs contain JSON)."""
        if self.language and " and " in self.language:
            # several targets ("German, French and Italian"): one translation each, each read by its own natives
            text = text.replace("a native {language} speaker", "a native speaker of each target language")
            text = text.replace("{language} translation.", "{language} translations.")
        text = _PLACEHOLDER.sub(lambda m: self.placeholders.get(m.group(1), m.group(0)), text)
        if self.labels_from_brief and '"other"' in text:
            # The brief's own spelling of its catch-all label ("OTHER") wins over the default's "other".
            spelled = next((label for label in self.labels if label.lower() == "other"), "other")
            text = text.replace('"other"', f'"{spelled}"')
        return text


def _persona(primary: Archetype, ids: set[str], task: str) -> Persona | None:
    for persona in primary.personas:
        if persona.with_archetype is not None and persona.with_archetype in ids:
            return persona
        if persona.unless_task is not None and not persona.unless_task.search(task):
            return persona
    return None


def _without_spans(task: str, constraints: Sequence[Constraint]) -> str:
    """The task with the spans of these constraints blanked (offsets kept)."""
    for c in constraints:
        if c.span is not None and c.span.field == "task":
            task = task[: c.span.start] + " " * (c.span.end - c.span.start) + task[c.span.end :]
    return task


def _field_values(constraint: Constraint) -> bool:
    """Whether a label set is the values of one named field ("status ist einer von …"), not a label for the reply; a
    field that holds the reply's verdict ("action", "category", "label") carries the reply's label."""
    scope = (constraint.scope or "").lower()
    return constraint.kind == "labels" and bool(scope) and not scope.endswith("label") and scope not in REPLY_LABEL_KEYS


REPLY_LABEL_KEYS = frozenset(
    {
        "label",
        "labels",
        "category",
        "class",
        "classification",
        "intent",
        "verdict",
        "decision",
        "tag",
        "action",
        "outcome",
        # the same keys in the other languages briefs are written in ('{"besluit": "PUBLICEREN" | …}')
        "besluit", "beslissing", "categorie", "uitkomst", "oordeel", "decisión", "categoría", "etiqueta",
        "veredicto", "resultado", "acción", "entscheidung", "kategorie", "urteil", "ergebnis", "décision",
        "catégorie", "étiquette", "decisão", "categoria", "veredito", "ação", "decisione", "etichetta", "esito",
        "verdetto", "azione", "判定", "分类", "类别", "标签", "决定", "カテゴリ", "ラベル", "判断",
    }
)  # fmt: skip


def _labels(constraints: Sequence[Constraint], task: str) -> tuple[tuple[str, ...], bool]:
    """The label set and whether the brief stated it (then it is used exactly as written)."""
    sets = [c for c in constraints if c.kind == "labels" and c.values]
    for c in sorted(sets, key=_field_values):  # a reply label before a field's values
        return tuple(dict.fromkeys(c.values)), True
    loose = extract_labels(task)
    if loose:
        return tuple(loose), True
    if SENTIMENT.search(task):
        return _SENTIMENT_LABELS, False
    return (), False


def _reply_language(brief: Brief, entities: Entities, constraints: Sequence[Constraint]) -> str | None:
    for c in constraints:
        # (not "resumo … sempre em português": one field's; a translation's target is the output's language)
        if c.kind == "language" and c.value and c.scope in (None, TRANSLATION_SCOPE):
            # "into German, French and Italian": every target is the output's, never the first alone
            targets = translation_targets(c.text) if c.scope == TRANSLATION_SCOPE else []
            return listed_languages(targets) if len(targets) > 1 else c.value
    return brief.language or entities.language


def _audience(brief: Brief, entities: Entities, constraints: Sequence[Constraint]) -> str | None:
    if brief.audience:  # the brief's own field, whole ("warehouse workers, many with English as a second language")
        return brief.audience.strip().rstrip(".")
    for c in constraints:
        if c.kind == "audience" and c.value:
            return c.value
    return entities.audience


def _length(brief: Brief, entities: Entities, constraints: Sequence[Constraint]) -> tuple[Length, int]:
    """The length bucket and the word budget; a stated word limit on the whole reply sets the budget."""
    length: Length = brief.length or entities.length or "standard"
    for c in constraints:
        if c.kind == "limit" and c.unit == "words" and c.scope is None and (c.maximum or c.exact):
            return length, int(c.maximum or c.exact or 0)
    return length, MAX_WORDS[length]


# "Cite the section like [§ 4.2]": the brief's own citation example replaces the default one.
_CITATION = re.compile(
    # ("cite the section number in parentheses at the end, e.g. (Handbook 3.2)")
    r"\bcit(?:e|es|ing|ation|ations)\b[^.!?\n,;]{0,60}?,?\s*\b(?:like|as\s+in|in\s+the\s+form|such\s+as|format|e\.g\.,?|"
    r"for\s+example|as)\s*:?\s*(?:e\.g\.,?\s*)?"
    r"(?P<example>\[[^\]\n]{1,30}\]|【[^】\n]{1,30}】|\((?!e\.g\.)[^)\n]{1,30}\))|"
    # "Always quote the clause number you're relying on (e.g. "Clause 7.2")": a reference the brief spells out.
    r"\b(?:quote|give|name|state|include|reference|mention)\s+(?:the\s+)?(?:clause|section|article|paragraph|page|§)"
    r"\s*(?:number|no\.?|ref\w*)?[^.!?\n]{0,60}?\(\s*(?:e\.g\.,?|for\s+example|like)\s*"
    r"[\"“'‘](?P<example2>[^\"”'’\n]{1,30})[\"”'’]\s*\)|"
    # "Always say which section of the handbook the answer comes from, like (Handbook §3.2)"
    r"\b(?:say|state|name|give|show|mention)\s+(?:which|what)\s+(?:section|clause|article|page|paragraph|part|source)"
    r"[^.!?\n]{0,60}?\b(?:like|e\.g\.,?|for\s+example|such\s+as|as\s+in)\s*:?\s*"
    r"(?P<example3>\[[^\]\n]{1,30}\]|\((?!e\.g\.)[^)\n]{1,30}\))|"
    # "cite at the end: (Plan 7.2) or (FAQ Q12)", "die Quelle nennen, z. B. (Merkblatt Erbschein, Punkt 3)"
    r"\b(?:cit(?:e|es|ing|ation|ations)|quellen?|quellenangabe|fuentes?|fontes?|bron(?:nen)?|sources?|r[ée]f[ée]rences?|"
    r"riferiment[oi]|出典|出处|出處|引用)\b[^.!?\n]{0,60}?"
    r"(?:[:：]|\bz\.\s?B\.|\bzum\s+Beispiel|\bp\.\s?ej\.|\bpor\s+ejemplo|\bpar\s+ex(?:emple|\.)|\bp\.\s?ex\.|"
    r"\bpor\s+exemplo|\bex\.|\bad\s+es(?:empio|\.)|\bper\s+esempio|\bbijv(?:oorbeeld|\.)|\bbv\.|例如|例えば|例)\s*:?\s*"
    r"(?P<example4>\[[^\]\n]{1,40}\]|\((?!e\.g\.)[^)\n]{1,40}\)|（[^）\n]{1,40}）)",
    re.IGNORECASE,
)
DEFAULT_CITATION = "[Doc 2, Section 3]"
# "(Plan 7.2)", "(FAQ Q12)", "(Merkblatt Grundstückskauf, Punkt 3)": a short reference with a letter and a number
_REFERENCE_LIKE = re.compile(r"[(\[（](?=[^)\]）]*[^\W\d_])(?=[^)\]）]*\d)(?:\S+\s*){1,6}[)\]）]|\[\d{1,2}\]")
# "cite the section at the end of the answer", "Am Ende jeder Antwort die Quelle nennen": one citation, at the end
_AT_THE_END = re.compile(
    r"\b(?:at\s+the\s+(?:very\s+)?end(?!\s+of\s+(?:the|each|every|its)\s+(?:sentence|claim|paragraph|line|bullet|point))|"
    r"am\s+(?:Ende|Schluss)|al\s+final|à\s+la\s+fin|no\s+final|alla\s+fine|"
    r"aan\s+het\s+(?:eind|einde)|onderaan)\b|末尾|最后|最後|文末",
    re.IGNORECASE,
)

_CUSTOMER = re.compile(r"\b(?:customers?|clients?|support|tickets?|complaints?|orders?|refunds?)\b", re.IGNORECASE)

# A label that hands the item to a person: unsure cases and ties go there, never to the first label of the set.
_REVIEW_LABEL = re.compile(
    r"(?:needs?[_ -]?|human[_ -]?|manual[_ -]?)?review|unsure|uncertain|unknown|escalate|unclear|flag(?:ged)?|"
    r"to[_ -]?check|check|人工复核|复核|人工审核|要確認|確認|revisar|revisión|prüfen|manuell|à[_ -]vérifier|vérifier",
    re.IGNORECASE,
)

# JSON keys that hold a verdict from a label set, not a value copied from the input.
_VERDICT_KEYS = frozenset(
    {"decision", "label", "verdict", "category", "classification", "action", "outcome", "sentiment"}
)
# A label that keeps an item out (moderation): when unsure between it and a milder one, the stricter one is safer.
_STRICT_LABEL = re.compile(r"block(?:ed)?|remove[d]?|reject(?:ed)?|den(?:y|ied)|ban(?:ned)?|unsafe|hide|hidden", re.I)


def _tie_break(labels: Sequence[str]) -> str:
    """Where a tie goes: to a person when the set has a review label, else to the stricter label, else the first."""
    review = review_label(labels)
    if review is not None:
        return f'"{review}" (a person then decides)'
    strict = next((label for label in labels if _STRICT_LABEL.fullmatch(label.strip())), None)
    if strict is not None:
        return f'"{strict}" (the stricter label)'
    return "the one listed first in the label set"


def review_label(labels: Sequence[str]) -> str | None:
    """The label of the set that sends an item to a person ("review", "unsure", "needs_review"), if any."""
    return next((label for label in labels if _REVIEW_LABEL.fullmatch(label.strip())), None)


def citation_style(task: str, constraints: Sequence[Constraint]) -> str:
    """The citation example the brief gives, or the default one."""
    return _citation(task, constraints)[0]


def _citation(task: str, constraints: Sequence[Constraint]) -> tuple[str, bool]:
    """The citation example the brief gives (or the default one), and whether its sentence puts it at the end."""
    for text in (task, *(c.text for c in constraints)):
        match = _CITATION.search(text)
        if match:
            start = max(text.rfind(mark, 0, match.start()) for mark in (". ", "\n", "! ", "? ", "。")) + 1
            # (only before the example: "cite inline, like (Handbook 4.2), and put a summary at the end" cites inline)
            after = re.match(r"[^,;.!?\n]*?(?=\s+and\s|[,;.!?\n]|$)", text[match.end() :])
            said = text[start : match.end() + (after.end() if after else 0)]
            example = match.group("example") or match.group("example2") or match.group("example3")
            if example is None and not _REFERENCE_LIKE.fullmatch(match.group("example4")):
                continue  # "Source material: (1) the leaflet", "References: (numbers in the margin)": no citation
            return example or match.group("example4"), _AT_THE_END.search(said) is not None
    return DEFAULT_CITATION, False


def _names_reply_fields(constraints: Sequence[Constraint]) -> bool:
    """Whether the brief names the fields or the schema of a record it wants back (not details to ask for), or asks
    for JSON ("collect name and phone, then output them as JSON")."""
    return any(
        c.kind == "schema" or (c.kind == "fields" and c.value != "collect") or c.value == "json" for c in constraints
    )


def is_conversational(primary: Archetype, task: str) -> bool:
    """Whether the assistant talks with the end user live: always for a conversational archetype, and for one that
    serves both ways when the task describes a chat ("a chat assistant for our dental office") and no batch work."""
    if primary.conversational:
        return True
    if primary.live_chat_cue is None or not primary.live_chat_cue.search(task):
        return False
    # "Always search_kb before creating a ticket": a ticket the assistant raises is no ticket it works through.
    task = _TICKET_ACTION.sub(lambda m: " " * len(m.group(0)), task)
    if primary.batch_cue is None or not primary.batch_cue.search(task):
        return True
    # "Our support inbox is drowning, so we want a chat assistant on the website": the job sentence asks for a chat;
    # the inbox is only why they want one.
    start, end = job_span(task)
    wish = WISH.search(task, start, end)
    sentence = task[wish.end() if wish is not None else start : end]
    return _CHAT_JOB.search(sentence) is not None and not primary.batch_cue.search(sentence)


_TICKET_ACTION = re.compile(
    r"\b(?:creat|open|rais|log|fil|submit)\w*\s+(?:a|an|the|one|new)\s+(?:new\s+)?(?:support\s+|it\s+)?tickets?\b",
    re.IGNORECASE,
)
# Words that make a job sentence a live chat ("a chat assistant", "a WhatsApp bot"), unlike "assistant" alone.
_CHAT_JOB = re.compile(
    r"\b(?:chat\w*|(?:chat)?bot|widget|whatsapp|messenger|live\s+chat|talks?\s+(?:to|with))\b|チャット|聊天|机器人",
    re.IGNORECASE,
)

# Words that ask for a label to be given: without one, a free-form job's set names the domain's categories.
ASKS_FOR_LABEL = re.compile(
    r"\b(?:classif\w*|categori[sz]\w*|label\w*|tag(?:s|ged|ging)?|assign\w*|rout(?:e|es|ing)|triag\w*|bucket\w*|"
    r"which\s+category|mark\w*|flag\w*|rate|rating|grad(?:e|es|ed|ing)|scor\w*|judg\w*|assess\w*|evaluat\w*|urgen\w*|priorit\w*|level|sentiment|verdict|decid\w*|"
    r"reply\s+with|respond\s+with|answer\s+with|output\w*|return\w*|clasific\w*|nivel\w*|prioridad|etiquet\w*|klassifizier\w*|kategorisier\w*|einordn\w*|einstuf\w*|catégoris\w*|"
    r"étiquet\w*|class(?:e|es|ez|er)|rotul\w*|zuordn\w*|ordne\s+[^.;]{1,60}?\s+zu|einer\s+kategorie|"
    r"(?:dans|en)\s+une\s+cat[ée]gorie|en\s+una\s+categor[íi]a|numa\s+categoria|in\s+una\s+categoria|sort(?:s|ed|ing)?\s+(?:it|them|each\s+\w+|every\s+\w+)\s+(?:as|into))\b|"
    r"分類|分类|归类|ラベル|标签|标记|タグ",
    re.IGNORECASE,
)


def asks_for_label(task: str) -> bool:
    """Whether the brief asks for a label to be given (classify, tag, label, route, mark …)."""
    return bool(ASKS_FOR_LABEL.search(task))


def _label_step(
    primary: Archetype, task: str, constraints: Sequence[Constraint], partners: tuple[Archetype, ...]
) -> tuple[Sequence[Constraint], tuple[Archetype, ...]]:
    """A label set in a free-form job's brief: a labelling step when the brief asks for a label ("answer, then tag
    it billing, bug or other"), else the categories its answers use ("区分は「燃やすごみ」…の4つだけです")."""
    if primary.blendable and not ASKS_FOR_LABEL.search(task):
        categories = [
            _as_categories(c) if c.kind == "labels" and c.scope in (None, "label") else c for c in constraints
        ]
        return categories, tuple(a for a in partners if not a.uses_labels)
    labeller = next(a for a in REGISTRY if a.uses_labels)
    return constraints, partners if labeller in partners else (*partners, labeller)


def _as_categories(constraint: Constraint) -> Constraint:
    if constraint.text.startswith(TAG_SET_LEAD):
        return constraint  # "[MUST], [SHOULD], [NIT]" tags each finding carries: the brief's own tag sentence stays
    values = constraint.values
    listed = values[0] if len(values) == 1 else ", ".join(values[:-1]) + " or " + values[-1]
    return msgspec.structs.replace(constraint, text=f"Use only these categories: {listed}; never name another.")


# Features that name a domain, not a job: "grammar" as a school subject, "reports", "invoices", "developers".
_DOMAIN_HINTS = frozenset(
    {"subjects", "long input", "forms/invoices", "developers", "database", "inbox", "students", "learning"}
)


_WRITES_CODE = re.compile(
    # (not "Don't rewrite whole files")
    r"(?<!n't )(?<!not )(?<!never )(?<!must )(?<!should )(?<!themselves )"
    r"\b(?:write|rewrite|give|provide|include|return)\s+(?:me\s+)?(?:the|a|an)?\s*"
    r"(?:complete|full|corrected|fixed|working|whole|rewritten)\s+(?:\w+\s+)?(?:function|code|file|class|method|version|snippet|query|implementation)s?\b",
    re.IGNORECASE,
)


def _names_job(match: ArchetypeMatch) -> bool:
    """Whether the brief's own words name this archetype's job: a keyword feature that is more than a domain hint."""
    return any(not name.startswith("model:") and name not in _DOMAIN_HINTS for name in match.features)


def verdict_labels(labels: Constraint) -> bool:
    """Whether a label set is the reply's verdict: unscoped, or scoped to a verdict key; "Assign exactly one
    wound_type label" is one field's values in a record, and makes no judge of the extractor."""
    if labels.scope is None:
        return True
    key = labels.scope.lower().removesuffix(" label").removesuffix(" field").strip().strip("`\"'")
    return key in _VERDICT_KEYS or key in REPLY_LABEL_KEYS


_LABEL_KEYS = frozenset({"label", "labels", "category", "categories", "class", "tag", "tags"})


def _json_reply(json_output: bool, constraints: Sequence[Constraint]) -> bool:
    """Whether the reply is a JSON record, by the brief's schema or its format rule."""
    return json_output or any(c.kind == "format" and c.value == "json" for c in constraints)


def _record_of_fields(constraints: Sequence[Constraint]) -> bool:
    """Whether a label set scoped to one key sits among three or more other keys ("nom, prenom, …, category (one
    of …)"): a record of fields with one enum, the extractor's, not a verdict in a JSON object."""
    scoped = [c for c in constraints if c.kind == "labels" and c.scope is not None]
    keys = {v.lower() for c in constraints if c.kind in ("schema", "fields") for v in c.values}
    return (
        bool(scoped)
        and len(scoped) == sum(c.kind == "labels" for c in constraints)
        and len(keys - _VERDICT_KEYS - _LABEL_KEYS) >= 3
    )


def _has_label_key(constraints: Sequence[Constraint]) -> bool:
    """Whether the brief's JSON record holds a key for the label itself ("label", "category")."""
    return any(
        c.kind in ("schema", "fields") and any(value.lower() in _LABEL_KEYS for value in c.values) for c in constraints
    )


def make_plan(
    brief: Brief,
    entities: Entities,
    matches: Sequence[ArchetypeMatch],
    constraints: Sequence[Constraint],
    references: Sequence[str] = (),
    material: str = "",
) -> Plan:
    """Work out the shared values of a composition (`references`: titles of the material pasted into the brief,
    `material`: its text)."""
    # A tool parameter's value set lives in that tool's line (`name` says which tool): the reply names no label of it.
    stated, constraints = constraints, [c for c in constraints if not (c.kind == "labels" and c.name)]
    label_task = _without_spans(brief.task, [c for c in stated if c.kind == "labels" and c.name])
    # The reply is a JSON object: a schema, or fields with JSON named (details to collect in a chat, or a table's
    # columns, are no object).
    json_output = (
        brief.json_schema is not None
        or any(c.kind == "schema" for c in constraints)
        or (
            any(c.kind == "fields" and c.value != "collect" for c in constraints)
            and any(c.kind == "format" and c.value == "json" for c in constraints)
        )
    )
    # (a variant is read from what the brief asks, not from what its tools return or where their examples came from)
    variant_text = without_tools_intro(brief.task)
    # (a brief that names no key of its reply leaves a record job no schema to match)
    named_fields = (
        json_output
        or any(c.kind in ("schema", "fields") for c in constraints)
        or bool(extract_fields(brief.task) or identifier_fields(brief.task))
    )
    primary = BY_ID[matches[0].id].for_task(variant_text, json_output=json_output, named_fields=named_fields)
    secondaries = [BY_ID[m.id] for m in matches[1:] if m.id in BY_ID]
    # "Never draft a reply to the person": what the brief forbids is no reply to write
    allowed_task = _without_spans(brief.task, [c for c in stated if c.kind == "prohibition"])
    # ("Agents draft replies to the emails afterwards; you only pick the label": someone else's draft is no reply
    # for the assistant to write)
    if not primary.blendable and WRITES_REPLY.search(allowed_task) and not _DRAFTED_ELSEWHERE.search(allowed_task):
        # "read the email, write a reply AND tag it": a label or an object cannot carry a written reply, so the
        # writer leads and the fixed-output job joins as its partner.
        writer = (
            next((a for a in secondaries if a.blendable), None)
            or BY_ID["customer_support" if _CUSTOMER.search(brief.task) else "meeting_email_assistant"]
        )
        secondaries = [primary, *(a for a in secondaries if a is not writer)]
        # "… and draft a reply": the reply writer
        framed = writer.for_task(variant_text, json_output=json_output, named_fields=named_fields)
        primary = reply_writer(writer, framed, variant_text) if primary.uses_labels else framed
    # A second free-form job brings all its rules and its voice, so it joins only on the brief's own words for it:
    # a model-only guess ("a sales email" read as marketing copy) would add rules the brief never asked for.
    # Keywords are mostly English, so elsewhere the model's guess is all the evidence there is.
    english = is_english(brief.task)
    worded = {
        m.id for m in matches[1:] if (not english or _names_job(m)) and closed_reply.joins_fixed_reply(m, brief.task)
    }
    if (
        primary.extracts_fields
        and any(c.kind == "labels" and verdict_labels(c) for c in constraints)
        and not _record_of_fields(constraints)
    ):
        # "Decide approve, needs_changes or reject … reply as JSON {"decision": …}": a verdict in a JSON object is a
        # labelling job; the extractor's rules (copy values, null for missing) would contradict it.
        judge = next((a for a in secondaries if a.uses_labels or a.yields_to_brief_labels), None)
        keys = {v.lower() for c in constraints if c.kind in ("schema", "fields") for v in c.values}
        if judge is None and keys & _VERDICT_KEYS:
            judge = next(a for a in REGISTRY if a.uses_labels)
        if judge is not None:
            primary, secondaries = judge, [a for a in secondaries if a is not judge]
    blended = tuple(
        a
        for a in secondaries
        if primary.blendable
        and a.blendable
        and a.id in worded
        # "also write the complete corrected function": a review that writes code takes the coding rules too
        and (a.id not in primary.covers or _WRITES_CODE.search(brief.task) is not None)
    )
    # A fixed-output secondary (labels, fields) adds its essential part to a free-form primary; a fixed-output
    # primary takes nothing from its secondaries (its output is a label or an object, not a conversation).
    partners = tuple(
        a
        for a in secondaries
        if primary.blendable
        and not a.blendable
        and (a.blend_rules or a.blend_output)
        # a labeller joins only with a label set to apply: "the labels listed in <labels>" names no input here
        and not (a.uses_labels and not any(c.kind == "labels" for c in constraints) and not extract_labels(label_task))
        # a chat with the end user gives a record only where the brief names its fields: "look the customer up",
        # "verify their date of birth" are steps of the chat, no object after each reply
        and not (a.extracts_fields and is_conversational(primary, brief.task) and not _names_reply_fields(constraints))
    )
    if (
        primary.blendable
        and not any(a.grounded_in_sources for a in (primary, *blended))
        and _grounds_answers(variant_text)
    ):
        # "Answer billing questions using the help-center article": answers come from that source, whatever the
        # classifier saw, so the grounding rules of the source-based archetype join.
        blended = (*blended, next(a for a in REGISTRY if a.grounded_in_sources))
    labels, from_brief = _labels(constraints, label_task)
    stated_noun = None
    if (
        from_brief
        and primary.yields_to_brief_labels
        and any(c.kind == "labels" and not _field_values(c) for c in constraints)
        # ("devuelves un JSON con estas claves: decision, motivo, …": a record of decision and codes stays the
        # moderator's, under its own-codes variant; a reply that is the label, alone or in a record keyed "label",
        # is the labeller's)
        and not (_json_reply(json_output, constraints) and not _has_label_key(constraints))
    ):
        # "Moderate comments. Labels: OK, SPAM, HARASSMENT": the brief's labels replace the default categories.
        stated_noun, primary = primary.noun, next(a for a in REGISTRY if a.uses_labels)
        blended = tuple(a for a in blended if a is not primary)
        partners = tuple(a for a in partners if a is not primary)
    if any(c.kind == "labels" and not _field_values(c) for c in constraints) and not primary.uses_labels:
        constraints, partners = _label_step(primary, brief.task, constraints, partners)
    if primary.uses_labels and any(c.kind == "labels" and c.multi and c.scope in (None, "label") for c in constraints):
        primary = primary.with_variant(MULTI_LABEL)  # "can have more than one category": every label that applies
    persona = _persona(primary, {m.id for m in matches}, brief.task)
    user = persona.user_term if persona else primary.user_term
    noun = persona.noun if persona else (stated_noun or primary.noun)
    written_in = brief_language(brief.task)
    # The brief's own language is the reply's unless the brief gives its replies another one in its own words.
    guessed = written_in[1] if written_in and not other_reply_language(brief.task, written_in[0]) else None
    language = _reply_language(brief, entities, constraints) or guessed
    # "PT -> EN, EN -> PT": a job that sets its own output language by the source, whatever one constraint says
    directions = tuple(two_way_directions(brief.task)) if not primary.reply_language_rule else ()
    if directions:
        language = " or ".join(dict.fromkeys(target for _, target in directions))
    audience = _audience(brief, entities, constraints)
    length, max_words = _length(brief, entities, constraints)
    product = entities.product
    job = job_sentence(brief.task)
    first = split_sentences(brief.task)[job] if brief.task.strip() else (0, 0)
    start = first[0]
    if job == 0 and BACKGROUND.match(brief.task[first[0] : first[1]]):
        # "hi so im the member services lead at X and we want a little budgeting helper …": the wish is the job.
        wish = WISH.search(brief.task, first[0], first[1])
        start = wish.end() if wish is not None else start
    # The sentences before the job sentence are blanked, not cut: constraint spans keep their offsets.
    head = core_task(" " * start + brief.task[start : first[1]], stated)
    if written_in is None:
        constraints = [c for c in constraints if not restates_job(c, first)]
    # "Under "When to get help" always include: call 999 if …": contacts a text must carry are its content, kept
    # whole in their sentence, not routes for the requester
    carried = [c for c in stated if not (primary.contacts_in_text and in_text_fallback(c, brief.task))]
    detail_task = brief.task
    if (numbered := numbered_lines(brief.task) or layout_block(brief.task)) is not None:
        # "- line 1: …\n- line 2: …": the output format states the reply's lines; blanked, so offsets hold
        lines = re.sub(r"[^\n]", " ", detail_task[numbered.start : numbered.end])
        detail_task = detail_task[: numbered.start] + lines + detail_task[numbered.end :]
    for start, end in pasted_tool_specs(detail_task):
        # "paths:\n  /clients/lookup: …", "| tool | parameters |": the tools section states them; blanked likewise,
        # with the sentence that only hands them over ("Unser IT-Dienstleister hat die Schnittstelle so beschrieben:")
        intro = _SPEC_INTRO.search(detail_task, 0, start)
        if intro is not None and _NAMES_SPEC.search(intro.group("intro")) and not _ORDERS.search(intro.group("intro")):
            start = intro.start("intro")
        detail_task = detail_task[:start] + re.sub(r"[^\n]", " ", detail_task[start:end]) + detail_task[end:]
    layout = layout_block(brief.task)  # (its intro line is said by the output format, which prints the layout)
    details = (
        foreign_details(detail_task, carried, job, layout)
        if written_in
        else task_details(detail_task, carried, job, layout)
    )
    # (", , , ]": what is left of a pasted JSON array once its objects are read says nothing)
    details = tuple(d for d in details if re.search(r"[^\W\d_]{2}", d))
    # ("I want a prompt for a bot that turns meeting notes into Jira tickets": our request, but also the only place
    # the brief states its job, so the job stays as background without the request; its rule is dropped at extraction)
    details = tuple(job for job in map(requested_job, details) if job)
    listed, ranked = listed_rules(detail_task, carried) if not written_in else ([], [])
    whole = {" ".join(detail_task[s:e].split()) for s, e in listed}
    citation, cited_at_end = _citation(brief.task, constraints)
    placeholders = {
        "for_product": f" for {product}" if product else "",
        "product": product or "this product",
        "sources": grounding_source(brief.task, references, slotted=primary.grounded_in_sources),
        "user": user,
        "audience": audience or "",
        "language": language or "the target language",
        "source_phrase": f" from {entities.source_language}" if entities.source_language else "",
        "labels": ", ".join(labels) if labels else "the labels listed in <labels>",
        "task_sentence": task_sentence(head),
        "max_words": str(max_words),
        "noun": noun,
        "escalate_how": (escalate_how := escalation(constraints, brief.task)),
        # the brief's own route (an address, a line) hands nobody over: the customer knows where to turn instead
        "handed_over": (
            "knows that a human colleague is taking over"
            if escalate_how == HANDOFF_REPLY
            else "knows plainly that the team has to handle it"
            if escalate_how == NO_ROUTE
            else "knows where to turn next"
        ),
        # (a brief that names no way to a person gets no promise of one)
        "hand_off": "say so plainly" if escalate_how == NO_ROUTE else "hand off to a human agent",
        "citation": citation,
        # (a brief that cites once, at the end, gets no "after every claim" and no "inline citations")
        "cite_where": "at the end of the answer" if cited_at_end else "after every claim",
        "citations_placed": "the citation at the end, written" if cited_at_end else "inline citations",
        "tie_break": _tie_break(labels),
        "character": played_character(brief.task) or "the character the brief describes",
    }
    return Plan(
        brief=brief,
        entities=entities,
        primary=primary,
        blended=blended,
        partners=partners,
        constraints=tuple(constraints),
        labels=labels,
        labels_from_brief=from_brief,
        user_term=user,
        noun=noun,
        persona=persona,
        length=length,
        language=language,
        brief_language=written_in,
        directions=directions,
        audience=audience,
        conflicts=Conflicts(
            constraints,
            labels if from_brief else (),
            task="\n".join([brief.task, *brief.constraints, brief.output_format or ""]),
            archetypes=(primary, *blended),
            tools=[f"{t.name}({', '.join(t.parameters)}) {t.purpose} {t.when_to_use}" for t in brief.tools],
        ),
        placeholders=placeholders,
        task=head,
        # A requester's introduction in any language ("Somos el Sindicato …") is context, not a rule.
        task_details=tuple(
            d for d in details if (is_introduction(d) if written_in else not (rule_line(d) or d in whole))
        ),
        # "2) Answer visitors' questions …": the brief's own item number would clash with the prompt's numbering
        detail_rules=tuple(
            re.sub(r"^\d{1,2}\)\s+", "", d)
            for d in details
            if (not is_introduction(d) if written_in else rule_line(d) or d in whole)
        ),
        listed_spans=tuple(listed),
        ranked_rules=tuple(r for r in ranked if r in details),
        job_text=job_text(brief.task, job),
        task_line=None if written_in is not None else imperative_task(head, user),
        conversational=is_conversational(primary, brief.task),
        references=tuple(references),
        material=material,
    )
