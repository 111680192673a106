"""Generate a system prompt from a brief, without an LLM.

The pipeline, one small function per step:

    brief -> split_references -> correct_brief -> read_constraints -> classify_brief -> plan_spec (compose)
          -> render_all -> check_fidelity -> lint

Common misspellings are corrected first (`app.engine.spelling`), so that the prompt never repeats the user's typos;
the constraints the result shows keep spans into the brief as the user wrote it.

Constraint extraction and the fidelity check are injectable (`Steps`), so each step can be tested alone and the
composer can be exercised with hand-built constraints. Fidelity findings join the lint report in their own
`fidelity` category and count towards its score, like any other finding.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import msgspec

from app.engine.archetypes import BY_ID, REGISTRY
from app.engine.archetypes.variants import ASKS_QUESTIONS, DRAFTED_ELSEWHERE, INTAKE, NOTES_TO_TEXT
from app.engine.brief import Brief, extract_entities
from app.engine.classifier.asides import without_asides
from app.engine.classifier.side_words import table_row_start, without_parameter_mentions, without_read_backs
from app.engine.classify import ArchetypeMatch, classify, score_all
from app.engine.compose import Composition, compose_spec
from app.engine.compose.job import job_clause, job_span, job_start
from app.engine.compose.plan import asks_for_label, make_plan
from app.engine.constraints import Constraint, extract_constraints
from app.engine.constraints.item_conditions import under_ban_heading
from app.engine.constraints.openapi import pasted_tool_specs
from app.engine.constraints.sections import layout_block, numbered_lines
from app.engine.fidelity import check_fidelity
from app.engine.frame_leads import names_a_job, roleplay_leads
from app.engine.lint import lint_prompt
from app.engine.output_frames import ANSWER_KEYS, LABEL_LINE_AFTER_REPLY, label_line_joins, reads_a_record
from app.engine.phrasing import VERBS, normalise
from app.engine.references import split_references
from app.engine.render import render
from app.engine.spec import PromptSpec, Section
from app.engine.spelling import CorrectedBrief, correct_brief
from app.engine.tokens import count_all
from app.engine.tool_text import TOOLS_INTRO, without_tool_output
from app.engine.types import EngineStruct, Finding, LintReport, Target, TokenCount, Variable

Extractor = Callable[[Brief], list[Constraint]]
FidelityCheck = Callable[[Sequence[Constraint], str], list[Finding]]


class RenderedPrompt(EngineStruct, kw_only=True):
    """The spec rendered for one model family."""

    target: Target
    prompt: str


class GenerationResult(EngineStruct, kw_only=True):
    """Everything `generate` produces for a brief."""

    spec: PromptSpec
    target: Target
    prompt: str
    """The prompt rendered for the brief's target."""
    renders: list[RenderedPrompt] = msgspec.field(default_factory=list)
    """Renders for `also_render` targets (primary target excluded, in the requested order)."""
    variables: list[Variable] = msgspec.field(default_factory=list)
    tokens: list[TokenCount] = msgspec.field(default_factory=list)
    lint: LintReport
    archetypes: list[ArchetypeMatch] = msgspec.field(default_factory=list)
    constraints: list[Constraint] = msgspec.field(default_factory=list)
    """What was understood from the brief: each constraint with the span it came from."""
    warnings: list[str] = msgspec.field(default_factory=list)
    """What the user should know about the result (e.g. examples left out, and why)."""


@dataclass(frozen=True, slots=True)
class Steps:
    """The pluggable steps of the pipeline."""

    extract: Extractor = extract_constraints
    check: FidelityCheck = check_fidelity


DEFAULT_STEPS = Steps()


def read_constraints(brief: Brief, steps: Steps = DEFAULT_STEPS) -> list[Constraint]:
    """Step 1: the typed constraints the brief states."""
    if not brief.task.strip():
        raise ValueError("brief.task must not be empty")
    return steps.extract(brief)


def classify_brief(brief: Brief, constraints: Sequence[Constraint] = ()) -> list[ArchetypeMatch]:
    """Step 2: the archetypes the task matches, primary first.

    What the brief forbids is not its job: the spans of its prohibitions are blanked before classifying, so that
    "no labels like 'depression'" does not make a journaling companion a classifier.
    """
    tools = any(c.kind == "tool" for c in constraints)
    # A closed label set makes a labelling job only when the brief asks for a label; "name the block category
    # (Motion, Looks, …)" in a kids' coding helper, or statuses a tool agent checks, are no labelling job.
    labels = any(c.kind == "labels" and c.scope is None for c in constraints) and not tools
    # "At the end of each normal reply add a line "Mood: " followed by one of LOW, …": the reply is the job and the
    # label one line of it, so the label set makes no labelling job (the labeller joins as a part, below)
    label_line = labels and LABEL_LINE_AFTER_REPLY.search(brief.task) is not None
    labels = labels and not label_line and asks_for_label(brief.task)
    task = _without_destination(without_asides(without_tool_output(_without_background(brief.task))))
    task = without_read_backs(task)  # "summarise the booking and wait for a yes" is a confirmation step
    # (the keywords skip the line that introduces the tools: "the curl examples from the internal docs" names
    # where the examples came from, no documents to answer from; the model still reads that the brief has tools)
    introduced = TOOLS_INTRO.sub(lambda m: "tools".ljust(len(m.group(0)))[: len(m.group(0))], task)
    keywords = _without_prohibitions(_without_tool_words(introduced, constraints), constraints) if tools else None
    if (numbered := numbered_lines(task) or layout_block(task)) is not None:
        # "- line 1: Sentiment: …\n- line 3: summary, 40 words max": the reply's lines name its parts, not its job
        keywords = keywords if keywords is not None else _without_prohibitions(task, constraints)
        keywords = keywords[: numbered.start] + " " * (numbered.end - numbered.start) + keywords[numbered.end :]
    # "equity questions at Harbor Analytics": a company's name says what it is, not what the assistant does
    keywords = _without_company_names(keywords if keywords is not None else _without_prohibitions(task, constraints))
    matches = classify(_without_prohibitions(task, constraints), closed_label_set=labels, keyword_text=keywords)
    if label_line:
        matches = label_line_joins(matches)
    collects = any(c.kind == "fields" and c.value == "collect" for c in constraints)
    matches = _intake_leads(_named_job_leads(matches, brief.task, labels), brief.task, collects)
    matches = _notes_writer_leads(_strong_keyword_leads(matches), task, labels)
    if not tools and asks_for_label(brief.task):
        matches = _label_record_leads(matches, constraints)
    if not tools:
        matches = _topic_labels_lead(matches, constraints)
    matches = _key_record_leads(_field_record_leads(matches, constraints), constraints)
    if not tools:
        matches = (
            _extractor_leads(matches, displaced=True) if reads_a_record(matches, constraints, brief.task) else matches
        )
    matches = _draft_leads_its_label(matches, brief.task)
    matches = _without_covered_secondaries(roleplay_leads(matches, brief.task))
    if not tools:
        return _without_toolless_agent(matches)
    # (the model reads the pasted tool definitions too: a field-extraction job only it suggests, with no word of the
    # brief outside them naming it, is the JSON of the definitions, not a job)
    led = _tools_lead(matches)
    return [
        led[0],
        *(
            m
            for m in led[1:]
            if any(not f.startswith("model:") for f in m.features)
            or not (m.id in BY_ID and BY_ID[m.id].extracts_fields)
        ),
    ]


_RETURNS = re.compile(r"\s*(?:->|→|=>|:\s*(?:Promise|\{|\[))")


def _without_tool_words(task: str, constraints: Sequence[Constraint]) -> str:
    """The task with the stated tools' signatures and JSON definitions blanked (offsets kept): '{"name": …,
    "params": {"phone": "string"}}' is how the agent works, not a coding job, and `create_ticket(…, summary)` asks for
    no summary."""
    for c in constraints:
        if c.kind != "tool" or c.span is None or c.span.field != "task":
            continue
        start, end = c.span.start, c.span.end
        if (row := table_row_start(c.span.text, c.name)) is not None:
            start += row  # "| kunde_finden | email, buchungsnummer | …": the name stays, how it is called goes
        elif c.span.text.lstrip()[:1] != "{":
            opening = c.span.text.find("(")
            if opening < 0:
                continue
            start += opening + 1  # the name and its "(" stay: they say a tool is called
            line_end = task.find("\n", end)
            if _RETURNS.match(task, end):
                end = len(task) if line_end < 0 else line_end  # "-> rows as JSON": what the tool gives back
        task = task[:start] + " " * (end - start) + task[end:]
    # "Funciones disponibles (TypeScript, copiado del repo):": the language the tools are written in, no coding job
    task = _TOOLS_WRITTEN_IN.sub(_blank_language, without_parameter_mentions(task, constraints))
    # "tools (python):", "before ANY of the set/start functions": how the tools are written and what they are
    # called, no coding job
    return _TOOL_TALK.sub(lambda m: (m.group("tools") or "") + " " * len(m.group("talk")), task)


_TOOL_WORD = (
    r"(?:tools?|functions?|funciones|funci[oó]n|herramientas|funç(?:ões|ão)|funcoes|ferramentas|fonctions?|outils|"
    r"funktionen|werkzeuge|funzioni|strumenti|functies|actions|acciones|endpoints?)"
)
_CODE_LANGUAGE = r"(?:python|typescript|ts|javascript|js|json|py|go|java|kotlin|c#|php|ruby|yaml)"
_TOOLS_WRITTEN_IN = re.compile(
    # "Funciones disponibles (TypeScript, copiado del repo)", "tools (python):"
    rf"\b{_TOOL_WORD}(?:\s+(?:available|disponibles?|dispon[ií]veis|disponibili|verfügbar|beschikbaar|declared|"
    rf"declaradas|déclarées|deklariert))?\s*(?P<lang>\({_CODE_LANGUAGE}\b[^()\n]{{0,60}}\))|"
    # "the tools, in TypeScript", "las funciones en Python", "die Funktionen in TypeScript"
    rf"\b{_TOOL_WORD},?\s+(?:\w+\s+){{0,2}}?(?:in|en|em|auf|su)\s+(?P<lang2>{_CODE_LANGUAGE})\b|"
    # "TypeScript declarations of your tools", "declaraciones TypeScript de las funciones"
    rf"\b(?P<lang3>{_CODE_LANGUAGE})\s+(?:declarations?|signatures?|definitions?|stubs?|types?)\s+(?:of|for)\s+"
    rf"(?:(?:the|your|its|our)\s+)?{_TOOL_WORD}\b",
    re.IGNORECASE,
)


def _blank_language(match: re.Match[str]) -> str:
    """The match with its language name blanked (same length)."""
    group = next(name for name in ("lang", "lang2", "lang3") if match.group(name))
    start, end = match.start(group) - match.start(), match.end(group) - match.start()
    return match.group(0)[:start] + " " * (end - start) + match.group(0)[end:]


_TOOL_TALK = re.compile(
    r"(?P<tools>\btools?\s*)?(?P<talk>(?(tools)\((?:python|typescript|ts|javascript|js|json|py)\)|"
    # (not the agent's own cues: "Functions:", "these functions", "call the functions", "function calling")
    r"(?<!these )(?<!following )(?<!call )(?<!call the )\bfunctions?\b(?!\s*:)(?![- ]calling)))",
    re.IGNORECASE,
)


def _without_toolless_agent(matches: list[ArchetypeMatch]) -> list[ArchetypeMatch]:
    """A tool-calling agent (its rules say how to use tools) as a second job needs a tool: with none stated and no
    word of the brief for it (only the model's guess, as for a SQL helper), its "call a tool whenever …" rules would
    stand for tools that do not exist."""
    return [
        m
        for m in matches
        if m.rank == "primary" or not BY_ID[m.id].tools_native or any(not f.startswith("model:") for f in m.features)
    ]


def _without_covered_secondaries(matches: list[ArchetypeMatch]) -> list[ArchetypeMatch]:
    """A secondary whose only keyword cues are ones the primary's job covers itself is no second job: research that
    cites its sources ("every claim needs an inline citation") is no question answering over supplied documents,
    which would add "answer only from the supplied documents" to a literature review."""
    if not matches:
        return matches
    covered = set(BY_ID[matches[0].id].covers_cues)
    return [
        m
        for m in matches
        if m.rank == "primary"
        or not covered
        or not (cues := {f for f in m.features if not f.startswith("model:")})
        or not cues <= covered
    ]


# The key of a JSON record that holds the verdict, and keys that would hold a written answer instead.
_LABEL_KEYS = frozenset({"label", "labels", "category", "class", "intent", "verdict", "decision", "tag", "action"})
_ANSWER_KEYS = ANSWER_KEYS


def _label_record_leads(matches: list[ArchetypeMatch], constraints: Sequence[Constraint]) -> list[ArchetypeMatch]:
    """'Labels: OK, WARN, BLOCK. Output JSON only: {"label": …, "why": …}': a reply that is a label record makes the
    brief a labelling job, whatever its source words suggested ("check it against our rules from the handbook")."""
    keys = {key.lower() for c in constraints if c.kind in ("schema", "fields") for key in c.values}
    label_set = any(c.kind == "labels" and (c.scope is None or c.scope.lower() in _LABEL_KEYS) for c in constraints)
    if not matches or not label_set or not keys & _LABEL_KEYS or keys & _ANSWER_KEYS:
        return matches
    if len(keys - _LABEL_KEYS) >= 3:
        return matches  # "columns: Decision | Owner | Due date | Status": a record of fields, one of them labelled
    labellers = [
        m for m in matches if m.id in BY_ID and (BY_ID[m.id].uses_labels or BY_ID[m.id].yields_to_brief_labels)
    ]
    if matches[0] in labellers:
        return matches
    lead = labellers[0] if labellers else None
    if lead is None:
        labeller = next(a for a in REGISTRY if a.uses_labels)
        lead = ArchetypeMatch(id=labeller.id, score=matches[0].score, features=["label record"])
    rest = [msgspec.structs.replace(m, rank="secondary") for m in matches if m is not lead]
    return [msgspec.structs.replace(lead, rank="primary"), *rest[:2]]


# Labels a moderator decides with: harm categories and verdicts ("spam" alone among topics is no moderation job),
# read word by word ("product_review" holds no verdict "ban"), and in the other languages moderators write them in.
_HARM_STEMS = (
    "harass", "abusi", "abuse", "toxic", "sexual", "violen", "threat", "fraud", "bully", "allow", "approv", "remov",
    "reject", "block", "review", "escalat", "delet", "profan", "offens", "insult", "attack", "violat", "accept",
    "unaccept", "graphic", "extrem", "terror", "misinfo", "illegal", "troll", "unsafe", "flagg", "nudity", "aprob",
    "rechaz", "revis", "elimin", "borrar", "permit", "bloque", "ofens", "acept", "genehm", "ablehn", "prüf", "lösch",
    "sperr", "verstoß", "verstoss", "approuv", "rejet", "refus", "supprim", "aprovad", "rejeit", "exclu", "approvat",
    "rifiut", "rimoss", "goedgekeurd", "afgewezen", "verwijder",
)  # fmt: skip
# Short words compared whole: "ban" is no prefix of "banking", nor "pass" of "password" or "off" of "office".
_HARM_WORDS = frozenset(
    """
    hate scam spam nsfw adult porn gore nude fine clean ok okay pass passed safe ban banned hide hidden flag warn
    warning off self harm hateful scams
    """.split()  # noqa: SIM905  (one word list reads better than 27 quoted literals)
)
_HARM_CJK = re.compile(
    r"通过|拒绝|复核|删除|屏蔽|违规|违禁|审核|正常|承認|却下|削除|保留|要確認|公開|違反|問題なし|不適切"
)


# The assistant writes the draft too: "2) een conceptantwoord schrijven", "label it, then draft a reply", "and write
# a short reply"
_ALSO_DRAFTS = re.compile(
    r"(?:^|\n)\s*(?:\d[.)]|[-*•])\s*[^\n]{0,40}\b(?:draft|write|concept\w*|entwurf|borrador|brouillon|rascunho|bozza)"
    r"|\b(?:and|then|also|plus|en|und|y|et|e)\s+(?:then\s+)?(?:draft|write|compose)\s+(?:a|an|the|one)\b",
    re.IGNORECASE,
)
_DRAFTED_ELSEWHERE = re.compile(DRAFTED_ELSEWHERE, re.IGNORECASE)


def _draft_leads_its_label(matches: list[ArchetypeMatch], task: str) -> list[ArchetypeMatch]:
    """ "1) label kiezen uit: … 2) een conceptantwoord schrijven": a label and a drafted reply in one answer are a
    drafting job with a label step (the label joins its output), not a classifier whose one-label reply forbids the
    draft."""
    if len(matches) < 2 or BY_ID.get(matches[0].id) is None or BY_ID[matches[0].id].output.kind != "label":
        return matches
    drafter = next((m for m in matches[1:] if any(f.startswith("drafts replies") for f in m.features)), None)
    if drafter is None or _DRAFTED_ELSEWHERE.search(task) or not _ALSO_DRAFTS.search(task):
        return matches  # "Agents draft replies afterwards; you only pick the label": the drafting is not its job
    rest = [msgspec.structs.replace(m, rank="secondary") for m in matches if m is not drafter]
    return [msgspec.structs.replace(drafter, rank="primary"), *rest]


def _harm_or_verdict(label: str) -> bool:
    """Whether a label is a harm category or a moderation verdict ("personal_attack", "needs_review", "違反")."""
    words = [w for w in re.split(r"[\s_/-]+", label.lower()) if w]
    return any(w in _HARM_WORDS or w.startswith(_HARM_STEMS) for w in words) or _HARM_CJK.search(label) is not None


def _topic_labels_lead(matches: list[ArchetypeMatch], constraints: Sequence[Constraint]) -> list[ArchetypeMatch]:
    """ "tags: maintenance_urgent, rent_payment, …, spam": a brief whose own labels are mostly topics sorts its texts;
    a moderator's labels are harm categories or verdicts, so the labeller leads."""
    labels = [v for c in constraints if c.kind == "labels" and c.scope is None for v in c.values]
    if not matches or not labels or matches[0].id not in BY_ID or not BY_ID[matches[0].id].judges_harm:
        return matches
    if sum(_harm_or_verdict(label) for label in labels) * 2 >= len(labels):
        return matches
    labeller = next(a for a in REGISTRY if a.uses_labels)
    found = next((m for m in matches if BY_ID.get(m.id) is labeller), None)
    lead = found or ArchetypeMatch(id=labeller.id, score=matches[0].score, features=["topic labels"])
    rest = [msgspec.structs.replace(m, rank="secondary") for m in matches if m is not found and m is not matches[0]]
    return [msgspec.structs.replace(lead, rank="primary"), *rest[:2]]


def _field_record_leads(matches: list[ArchetypeMatch], constraints: Sequence[Constraint]) -> list[ArchetypeMatch]:
    """ "Output these fields: asset_id, fault_type (one of: electrical, mechanical, other), hours_down": label sets that
    are listed fields' values make a record of fields, not a single label, so the extractor leads a labeller."""
    fields = {v.lower() for c in constraints if c.kind == "fields" and c.value != "collect" for v in c.values}
    if any(" " in field for field in fields):
        return matches  # "Homeowner goals, Monthly electric bill, …": a note's headings in prose, not a record's keys
    label_sets = [c for c in constraints if c.kind == "labels"]
    if not matches or matches[0].id not in BY_ID or not fields:
        return matches
    if not label_sets:
        # "Turn driver notes into CSV … Header row exactly: farm_id,collected_at,litres": a job the model guessed
        # with no word of the brief for it is the extractor of the record the brief lays out, when the extractor
        # has such a word, or when the guess is a labeller with no label set
        extractor_cued = any(
            BY_ID[m.id].extracts_fields and any(not f.startswith("model:") for f in m.features) for m in matches[1:]
        )
        guessed = all(f.startswith("model:") for f in matches[0].features)
        if not (guessed and (extractor_cued or BY_ID[matches[0].id].uses_labels)):
            return matches
        if extractor_cued:
            return _extractor_leads(matches, displaced=True)
    if not BY_ID[matches[0].id].uses_labels or names_a_job(matches[0], labels=True):
        return matches  # "Classify the sentiment … fields review_id, sentiment (one of: …)": a judgement, named
    if not all(c.scope and c.scope.lower().removesuffix(" label") in fields for c in label_sets):
        return matches
    return _extractor_leads(matches, displaced=not label_sets)


# What a summary field is called: one such key in a record of many is a part of the record, not its job.
_SUMMARY_KEY = re.compile(
    r"summary|summari[sz]ed?|zusammenfassung|resumen|résumé|resume|resumo|riassunto|samenvatting|tl_?dr|"
    r"key_points|highlights|abstract|synopsis",
    re.IGNORECASE,
)


def _key_record_leads(matches: list[ArchetypeMatch], constraints: Sequence[Constraint]) -> list[ArchetypeMatch]:
    """ "Schlüssel genau so: kunde_name, telefon, …, zusammenfassung": five or more keys of which at most one is a
    summary make a record for a downstream system; a job that would only condense the text yields to the extractor."""
    if not matches or matches[0].id not in BY_ID or not BY_ID[matches[0].id].yields_to_key_record:
        return matches
    keys = [v for c in constraints if c.kind == "fields" and c.value != "collect" for v in c.values]
    if len(keys) < 5 or any(" " in key for key in keys):
        return matches  # a few keys or prose headings: still a summary, laid out
    if sum(1 for key in keys if _SUMMARY_KEY.search(key)) > 1:
        return matches
    return _extractor_leads(matches, displaced=True)


def _extractor_leads(matches: list[ArchetypeMatch], *, displaced: bool) -> list[ArchetypeMatch]:
    """The field extractor first; `displaced` drops the job it replaces (a guessed labeller with no label set
    would only bring label rules to a record without labels)."""
    extractor = next(a for a in REGISTRY if a.extracts_fields)
    found = next((m for m in matches if BY_ID.get(m.id) is extractor), None)
    lead = found or ArchetypeMatch(id=extractor.id, score=matches[0].score, features=["field record"])
    rest = [
        msgspec.structs.replace(m, rank="secondary")
        for m in matches
        if m is not found and not (displaced and m is matches[0])
    ]
    return [msgspec.structs.replace(lead, rank="primary"), *rest[:2]]


def _intake_leads(matches: list[ArchetypeMatch], task: str, collects: bool = False) -> list[ArchetypeMatch]:
    """ "asks one question at a time, at most 6, then outputs the JSON for the doctor": an extractor reads a given text
    in one go; an assistant that questions a person first is an intake conversation whose record closes it."""
    # ("Chat with the customer and collect these fields: …": details gathered in a conversation, too)
    if not matches or not (ASKS_QUESTIONS.search(task) or collects):
        return matches
    extractor_below = any(BY_ID[m.id].extracts_fields for m in matches[1:] if m.id in BY_ID)
    if not BY_ID[matches[0].id].extracts_fields and not (extractor_below and _RECORD_HANDED_ON.search(task)):
        # ("Collect, one question at a time: … then output ONLY a JSON object": the record closes a conversation,
        # whatever source words, "the attached schema", pointed elsewhere)
        return matches
    intake = next(a for a in REGISTRY if INTAKE in a.variants)
    lead = next((m for m in matches if BY_ID.get(m.id) is intake), None)
    lead = lead or ArchetypeMatch(id=intake.id, score=matches[0].score, features=["asks questions"])
    rest = [msgspec.structs.replace(m, rank="secondary") for m in matches if BY_ID.get(m.id) is not intake]
    return [msgspec.structs.replace(lead, rank="primary"), *rest[:2]]


# The conversation ends in a record for a system: "output ONLY a JSON object", "hands the details to our quoting
# system", "then outputs the JSON".
_RECORD_HANDED_ON = re.compile(
    r"\b(?:output|return|produce|emit|write)s?\s+(?:only\s+|ONLY\s+)?(?:a\s+|the\s+)?(?:json|record|csv)\b|"
    r"\bhands?\s+(?:the\s+)?(?:details|record|data)\s+(?:on\s+)?to\b",
    re.IGNORECASE,
)


def _named_job_leads(matches: list[ArchetypeMatch], task: str, labels: bool) -> list[ArchetypeMatch]:
    """ "sou editora na Rádio … quero um assistente que reescreva o texto pra rádio …": when a brief that first
    introduces its requester reads as a general assistant only for want of evidence (no keyword of its own), the
    job sentence after the introduction names the job if a job verb of an archetype's own keywords says so there."""
    general = BY_ID.get(matches[0].id) if matches else None
    if general is None or not general.role_from_task or any(not f.startswith("model:") for f in matches[0].features):
        return matches
    named = next((m for m in score_all(job_clause(task)) if names_a_job(m, labels)), None)
    if named is None:
        return matches
    if job_span(task)[0] == 0 and not BY_ID[named.id].extracts_fields:
        # The brief opens with its job, so the whole brief already speaks for it; only "pull data out of …" in that
        # opening sentence settles what a JSON-shaped general answer could not (a record read from a given text).
        return matches
    archetype = BY_ID[named.id]
    lead = next((m for m in matches if BY_ID.get(m.id) is archetype), named)
    rest = [
        msgspec.structs.replace(m, rank="secondary")
        for m in matches
        # the general assistant was chosen for want of a job; with the job named, it is no second job to blend
        if BY_ID.get(m.id) is not archetype and m is not matches[0]
    ]
    return [msgspec.structs.replace(lead, rank="primary"), *rest]


# A keyword this heavy names the job outright ("summarise", "answers only from this text" in any language).
_STRONG_JOB_WEIGHT = 8


def _strong_keyword_leads(matches: list[ArchetypeMatch]) -> list[ArchetypeMatch]:
    """A match whose keyword names the job outright leads over a lead that rests on the model's guess alone
    ("que conteste solo con lo que pone este resumen": the model read
    "resumen" as a summary job; "conteste solo con … este resumen" names question answering)."""
    if len(matches) < 2 or any(not f.startswith("model:") for f in matches[0].features):
        return matches
    for match in matches[1:]:
        archetype = BY_ID.get(match.id)
        weights = {f.label: f.weight for f in archetype.features} if archetype else {}
        if max((weights.get(label, 0) for label in match.features), default=0) >= _STRONG_JOB_WEIGHT:
            rest = [msgspec.structs.replace(m, rank="secondary") for m in matches if m is not match]
            return [msgspec.structs.replace(match, rank="primary"), *rest]
    return matches


def _notes_writer_leads(matches: list[ArchetypeMatch], task: str, labels: bool = True) -> list[ArchetypeMatch]:
    """ "an assistant that takes my rough notes about a class and writes the listing": a text written from notes is a
    writing job, whatever its topic words suggested (a class, members, an incident), unless the lead already writes
    texts for readers or its output is fixed (labels, a record, tool calls)."""
    if not matches or matches[0].id not in BY_ID:
        return matches
    lead = BY_ID[matches[0].id]
    # (a labelling lead with no label set to choose from rests on the word alone: "each line starting with these
    # labels" names line prefixes of a family update written from shift notes)
    if lead.writes_from_notes or (lead.uses_labels and labels) or lead.extracts_fields or lead.tools_native:
        return matches
    if names_a_job(matches[0], labels=False):
        return matches  # "a bot that answers … using the notes I've collected": a job verb named the lead
    # copy, an e-mail drafted from notes: the lead writes texts already (the general assistant's writing task does
    # too, but with no rule that keeps the text to the facts of the notes: "write my lab notes up as a report")
    if lead.contacts_in_text or (lead.for_task(task).contacts_in_text and not lead.role_from_task):
        return matches
    if not NOTES_TO_TEXT.cue.search(task) or (NOTES_TO_TEXT.unless and NOTES_TO_TEXT.unless.search(task)):
        return matches
    writer = next(a for a in REGISTRY if a.writes_from_notes)
    found = next((m for m in matches if BY_ID.get(m.id) is writer), None)
    new_lead = found or ArchetypeMatch(id=writer.id, score=matches[0].score, features=["text from notes"])
    # the old lead was chosen by topic words (a named job returned above), so it is no second job to blend
    rest = [msgspec.structs.replace(m, rank="secondary") for m in matches[1:] if m is not found]
    return [msgspec.structs.replace(new_lead, rank="primary"), *rest[:2]]


def _tools_lead(matches: list[ArchetypeMatch]) -> list[ArchetypeMatch]:
    """ "tools: search_suppliers(…), get_contract(…), raise_po(…) … hand off with a summary": named tools make the
    brief an agent's, whatever one word of it suggested, unless the job already works with tools."""
    lead = matches[0]
    # The general assistant chosen for want of a named job ("a bot for our parents' evening booking … books with
    # book_slot(…)") is an agent with tools too; a companion, a game or an intake chat keeps its own frame.
    if lead.id not in BY_ID:
        return matches
    archetype = BY_ID[lead.id]
    unnamed_job = archetype.role_from_task and all(f.startswith("model:") or f == "assistant" for f in lead.features)
    weak = archetype.yields_to_tools_unnamed and not names_a_job(lead, labels=False)
    guessed = archetype.yields_to_tools_guessed and all(f.startswith("model:") for f in lead.features)
    if not (archetype.yields_to_tools or unnamed_job or weak or guessed):
        return matches
    agent = next(a for a in REGISTRY if a.tools_native)
    found = next((m for m in matches if BY_ID.get(m.id) is agent), None)
    lead = found or ArchetypeMatch(id=agent.id, score=matches[0].score, features=["named tools"], rank="primary")
    rest = [msgspec.structs.replace(m, rank="secondary") for m in matches if BY_ID.get(m.id) is not agent]
    return [msgspec.structs.replace(lead, rank="primary"), *rest[:2]]


# "writes a briefing for the 07:15 crew meeting": the meeting the text is prepared for is its readers, not its input.
_FOR_A_MEETING = re.compile(
    r"\b(?:for|before|ahead\s+of)\s+(?:the|our|a|each|every|tomorrow's|today's|this\s+week's|next\s+week's|"
    r"the\s+next)\s+(?:[\w:'-]+\s+){0,3}?meetings?\b",
    re.IGNORECASE,
)


# "At the end, produce a short summary the client can paste …": a closing step of a conversation, not its job.
_CLOSING_STEP = re.compile(
    r"(?:^|(?<=[.!?\n]))\s*(?:[-*•]\s+)?(?:at\s+the\s+end(?:\s+of\s+(?:the|each|every)\s+(?:conversation|chat|session|exercise|call"
    r"|walkthrough|interview|lesson))?|when\s+(?:you(?:'re|\s+are)|they(?:'re|\s+are)|it's|it\s+is)\s+(?:done|finished))"
    r",[^.!?\n]*[.!?]?",
    re.IGNORECASE,
)


# "Harbor Analytics", "Lingua Translations Ltd", "Northside Legal": capitalised names that end in a business word
_COMPANY_NAME = re.compile(
    r"(?<=[a-z,(] )(?:[A-Z][\w&'’-]*\s+){1,3}(?:Analytics|Labs?|Solutions|Systems|Software|Data|Translations?|"
    r"Consulting|Support|Insights|Media|Health|Healthcare|Legal|Law|Finance|Financial|Capital|Studios?|Group|Partners|Tutoring|"
    r"Learning|Security|Marketing|Reviews?)\b(?:\s+(?:Ltd|LLC|Inc|GmbH|Co)\b\.?)?"
)


def _without_company_names(text: str) -> str:
    """The text with capitalised company names blanked (offsets kept), for the keyword features only."""
    return _COMPANY_NAME.sub(lambda m: " " * len(m.group(0)), text)


def _without_destination(task: str) -> str:
    """The task with "for the crew meeting" and closing steps blanked (same length, so spans keep their offsets)."""
    task = _FOR_A_MEETING.sub(lambda m: " " * len(m.group(0)), task)
    return _CLOSING_STEP.sub(lambda m: " " * len(m.group(0)), task)


def _without_background(task: str) -> str:
    """The task from its job sentence on: "I teach Year 6 at Hollybrook. … I want them turned into the class
    newsletter" is a newsletter job, not tutoring. Blanked, not cut, so constraint spans keep their offsets."""
    start = job_start(task)
    return " " * start + task[start:] if start else task


def _without_prohibitions(task: str, constraints: Sequence[Constraint]) -> str:
    # "Write a system prompt for a budgeting helper ...": the request to us is not the assistant's job either.
    # A tool written as JSON ('{"name": "query_order", "parameters": …}') is no record to extract either.
    specs = [c for c in constraints if c.kind == "tool" and c.span is not None and c.span.text.startswith("{")]
    if specs:
        task = _blanked(task, specs, "tool")
    # (the items of a "Never:" list keep their words for the classifier: "- promise a refund" is a support cue)
    listed = [c for c in constraints if not (c.span is not None and under_ban_heading(task, c.span.start))]
    masked = normalise(_blanked(task, listed, "prohibition"))
    return masked if masked.strip() else task


def plan_spec(
    brief: Brief,
    matches: Sequence[ArchetypeMatch],
    constraints: Sequence[Constraint],
    references: Sequence[Section] = (),
) -> Composition:
    """Step 3: the spec, composed from the brief's entities, its archetypes and its constraints; pasted reference
    material joins as verbatim sections."""
    # The label names ("warm, neutral, curt or rude") are values to assign, not cues for the assistant's own tone;
    # a pasted tool spec's "content: application/json" is how the tool is called, not the reply's format.
    task = _blanked(brief.task, constraints, "labels")
    for start, end in pasted_tool_specs(task):
        task = task[:start] + re.sub(r"[^\n]", " ", task[start:end]) + task[end:]
    entities = extract_entities(task)
    plan = make_plan(
        brief, entities, matches, constraints, [r.title for r in references], "\n".join(r.body for r in references)
    )
    composition = compose_spec(plan)
    if references:
        spec = msgspec.structs.replace(composition.spec, sections=[*references, *composition.spec.sections])
        composition = msgspec.structs.replace(composition, spec=spec)
    return composition


_ONLY_ADVERBS = frozenset({"only", "always", "just", "solely"})

# Where a prohibition's own words start inside its sentence ("Teach, don't play for them: never give the move").
_NEGATION = re.compile(r"\b(?:don'?t|do\s+not|doesn'?t|never|not|no|avoid)\b", re.IGNORECASE)


def _blanked(task: str, constraints: Sequence[Constraint], kind: str) -> str:
    """The task with the spans of one kind of constraint replaced by spaces (offsets unchanged).

    A prohibition's sentence can open with what the assistant is for ("Teach, don't play for them"): the words
    before its first negation stay, so that the job they name is still classified."""
    chars = list(task)
    for c in constraints:
        span = c.span
        if c.kind == kind and span is not None and span.field == "task":
            start = span.start
            if kind == "prohibition":
                start = _job_before_negation(task, span.start, span.end)
            chars[start : span.end] = " " * (span.end - start)
    return "".join(chars)


def _job_before_negation(task: str, start: int, end: int) -> int:
    """Where a prohibition's own words start: after an opening instruction set off by a comma or colon ("Teach,
    don't play for them"); a scope before the negation ("En el resumen no …") is the prohibition's own."""
    negation = _NEGATION.search(task, start, end)
    if negation is None:
        return start
    opening = task[start : negation.start()].strip()
    words = opening.rstrip(",:;-–—").split()
    if words and words[0].lower() == "please":
        words = words[1:]  # "please teach, don't tie it for them"
    if len(words) > 1 and words[0].lower() in _ONLY_ADVERBS:
        words = words[1:]  # "Only answer from the leaflet, never from general knowledge": the job, said with "only"
    if opening[-1:] in (",", ":", ";", "-", "–", "—") and 0 < len(words) <= 8 and words[0].lower() in VERBS:
        return negation.start()  # "teach them one step at a time, don't tie it for them"
    return start


def render_all(spec: PromptSpec, brief: Brief) -> tuple[str, list[RenderedPrompt]]:
    """Step 4: the prompt for the brief's target, and the `also_render` targets (each once)."""
    prompt = render(spec, brief.target)
    renders: list[RenderedPrompt] = []
    seen: set[str] = {brief.target}
    for target in brief.also_render:
        if target not in seen:
            seen.add(target)
            renders.append(RenderedPrompt(target=target, prompt=render(spec, target)))
    return prompt, renders


def fidelity_findings(constraints: Sequence[Constraint], prompt: str, steps: Steps = DEFAULT_STEPS) -> list[Finding]:
    """Step 5: what the prompt fails to carry or contradicts, as `fidelity` findings."""
    return steps.check(constraints, prompt) if constraints else []


def spans_in_original(
    constraints: Sequence[Constraint], corrected: CorrectedBrief, original: Brief
) -> list[Constraint]:
    """The constraints with their spans mapped from the corrected brief back onto the user's own text."""
    if not corrected.edits and corrected.brief.task == original.task:
        return list(constraints)  # (an unwrapped task keeps its offsets; only its span texts need the line breaks)
    out = []
    for c in constraints:
        span = c.span
        if span is None:
            out.append(c)
            continue
        if span.field == "constraints" and span.index is not None and span.index < len(original.constraints):
            source: object = original.constraints[span.index]
        elif span.index is None:
            source = getattr(original, span.field, None)
        else:
            out.append(c)  # tools, examples: structured fields the correction never touches
            continue
        start, end = corrected.original_span(span.field, span.index, span.start, span.end)
        text = source[start:end] if isinstance(source, str) else span.text
        out.append(msgspec.structs.replace(c, span=msgspec.structs.replace(span, start=start, end=end, text=text)))
    return out


def brief_fidelity(brief: Brief, prompt: str, steps: Steps = DEFAULT_STEPS) -> list[Finding]:
    """The fidelity findings of any prompt against a brief (the lint endpoint's check, and saved versions').

    The brief is read with common misspellings corrected, as `generate` reads it, so that a generated prompt
    ("supplement") is not faulted for a typo in its brief ("suplement"). The prompt is checked as submitted, so
    that every finding's span points into the user's own text.
    """
    constraints = read_constraints(prepare_brief(brief)[0].brief, steps)
    return fidelity_findings(constraints, prompt, steps)


def prepare_brief(brief: Brief) -> tuple[CorrectedBrief, list[Section]]:
    """Step 0: the brief as every later step reads it, and the reference material pasted into it.

    Pasted material (an agreement, a price list, a schema) is what the assistant works from: it is taken out before
    anything reads the brief (spelling correction and line joining included) and reaches the prompt whole."""
    blanked, references = split_references(brief)
    return correct_brief(blanked), references


def build_spec(brief: Brief, steps: Steps = DEFAULT_STEPS) -> tuple[PromptSpec, list[ArchetypeMatch]]:
    """Read, classify and compose (no rendering, no lint)."""
    corrected, references = prepare_brief(brief)
    brief = corrected.brief
    constraints = read_constraints(brief, steps)
    matches = classify_brief(brief, constraints)
    return plan_spec(brief, matches, constraints, references).spec, matches


def generate(brief: Brief, steps: Steps = DEFAULT_STEPS) -> GenerationResult:
    """Turn a brief into a spec and prompt(s), with token counts, lint and fidelity findings, and warnings."""
    original = brief
    corrected, references = prepare_brief(brief)
    brief = corrected.brief
    constraints = read_constraints(brief, steps)
    matches = classify_brief(brief, constraints)
    composition = plan_spec(brief, matches, constraints, references)
    spec = composition.spec
    prompt, renders = render_all(spec, brief)
    report = lint_prompt(
        prompt,
        variables=spec.variables,
        target=brief.target,
        extra_findings=fidelity_findings(constraints, prompt, steps),
    )
    return GenerationResult(
        spec=spec,
        target=brief.target,
        prompt=prompt,
        renders=renders,
        variables=list(spec.variables),
        tokens=count_all(prompt),
        lint=report,
        archetypes=list(matches),
        constraints=spans_in_original(constraints, corrected, original),
        warnings=list(composition.warnings),
    )
