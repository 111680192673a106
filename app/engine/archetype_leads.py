"""The rules that settle which matched archetype leads a brief (and which matches drop out): a label record, topic
labels, a record of fields or keys, an intake conversation, a named job, a strong keyword, notes turned into a text,
a drafted reply beside its label, or named tools."""

from __future__ import annotations

import re
from collections.abc import Sequence

import msgspec

from app.engine.archetypes import BY_ID, REGISTRY
from app.engine.archetypes.variants import ASKS_QUESTIONS, DRAFTED_ELSEWHERE, INTAKE, NOTES_TO_TEXT
from app.engine.classify import ArchetypeMatch, score_all
from app.engine.compose.job import job_clause, job_span
from app.engine.constraints import Constraint
from app.engine.frame_leads import names_a_job
from app.engine.output_frames import ANSWER_KEYS


def without_toolless_agent(matches: list[ArchetypeMatch]) -> list[ArchetypeMatch]:
    """A tool-calling agent (its rules say how to use tools) as a second job needs a tool: with none stated and no
    word of the brief for it (only the model's guess, as for a SQL helper), its "call a tool whenever …" rules would
    stand for tools that do not exist."""
    return [
        m
        for m in matches
        if m.rank == "primary" or not BY_ID[m.id].tools_native or any(not f.startswith("model:") for f in m.features)
    ]


def without_covered_secondaries(matches: list[ArchetypeMatch]) -> list[ArchetypeMatch]:
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


def label_record_leads(matches: list[ArchetypeMatch], constraints: Sequence[Constraint]) -> list[ArchetypeMatch]:
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


def draft_leads_its_label(matches: list[ArchetypeMatch], task: str) -> list[ArchetypeMatch]:
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


def harm_or_verdict(label: str) -> bool:
    """Whether a label is a harm category or a moderation verdict ("personal_attack", "needs_review", "違反")."""
    words = [w for w in re.split(r"[\s_/-]+", label.lower()) if w]
    return any(w in _HARM_WORDS or w.startswith(_HARM_STEMS) for w in words) or _HARM_CJK.search(label) is not None


def topic_labels_lead(matches: list[ArchetypeMatch], constraints: Sequence[Constraint]) -> list[ArchetypeMatch]:
    """ "tags: maintenance_urgent, rent_payment, …, spam": a brief whose own labels are mostly topics sorts its texts;
    a moderator's labels are harm categories or verdicts, so the labeller leads."""
    labels = [v for c in constraints if c.kind == "labels" and c.scope is None for v in c.values]
    if not matches or not labels or matches[0].id not in BY_ID or not BY_ID[matches[0].id].judges_harm:
        return matches
    if sum(harm_or_verdict(label) for label in labels) * 2 >= len(labels):
        return matches
    labeller = next(a for a in REGISTRY if a.uses_labels)
    found = next((m for m in matches if BY_ID.get(m.id) is labeller), None)
    lead = found or ArchetypeMatch(id=labeller.id, score=matches[0].score, features=["topic labels"])
    rest = [msgspec.structs.replace(m, rank="secondary") for m in matches if m is not found and m is not matches[0]]
    return [msgspec.structs.replace(lead, rank="primary"), *rest[:2]]


def field_record_leads(matches: list[ArchetypeMatch], constraints: Sequence[Constraint]) -> list[ArchetypeMatch]:
    """ "Output these fields: asset_id, fault_type (one of: electrical, mechanical, other), hours_down": label sets that
    are listed fields' values make a record of fields, not a single label, so the extractor leads a labeller."""
    fields = {v.lower() for c in constraints if c.kind == "fields" and c.value != "collect" for v in c.values}
    if any(" " in field for field in fields):
        return matches  # "Homeowner goals, Monthly electric bill, …": a note's headings in prose, not a record's keys
    label_sets = [c for c in constraints if c.kind == "labels"]
    if not fields and label_sets:
        # '{"nom": …, "niveau": …, …} - niveau = une valeur parmi : …': the keys of a pasted JSON shape,
        # one of them with a closed value set, are a record of fields as well
        keys = {v.lower() for c in constraints if c.kind == "schema" for v in c.values if " " not in v}
        # (not '{"label": …, "order_id": …}': a label key beside a few others holds the reply's verdict)
        fields = keys if len(keys - _LABEL_KEYS) >= 3 else set()
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
            return extractor_leads(matches, displaced=True)
    if not BY_ID[matches[0].id].uses_labels or names_a_job(matches[0], labels=True):
        return matches  # "Classify the sentiment … fields review_id, sentiment (one of: …)": a judgement, named
    if not all(c.scope and c.scope.lower().removesuffix(" label") in fields for c in label_sets):
        return matches
    # (a labeller the model alone chose brings no job of its own: "choose the closest label" has no place in a record)
    return extractor_leads(
        matches, displaced=not label_sets or all(f.startswith("model:") for f in matches[0].features)
    )


# What a summary field is called: one such key in a record of many is a part of the record, not its job.
_SUMMARY_KEY = re.compile(
    r"summary|summari[sz]ed?|zusammenfassung|resumen|résumé|resume|resumo|riassunto|samenvatting|tl_?dr|"
    r"key_points|highlights|abstract|synopsis",
    re.IGNORECASE,
)


def key_record_leads(matches: list[ArchetypeMatch], constraints: Sequence[Constraint]) -> list[ArchetypeMatch]:
    """ "Schlüssel genau so: kunde_name, telefon, …, zusammenfassung": five or more keys of which at most one is a
    summary make a record for a downstream system; a job that would only condense the text yields to the extractor."""
    if not matches or matches[0].id not in BY_ID or not BY_ID[matches[0].id].yields_to_key_record:
        return matches
    # (the keys of a pasted JSON shape too: "jede Anfrage in genau dieses JSON umwandeln: {"name": …, "telefon": …,
    # …, "zusammenfassung": string}" turns a form into a record, one field of which is a summary)
    keys = [v for c in constraints if c.kind in ("fields", "schema") and c.value != "collect" for v in c.values]
    if len(keys) < 5 or any(" " in key for key in keys):
        return matches  # a few keys or prose headings: still a summary, laid out
    if sum(1 for key in keys if _SUMMARY_KEY.search(key)) > 1:
        return matches
    return extractor_leads(matches, displaced=True)


def extractor_leads(matches: list[ArchetypeMatch], *, displaced: bool) -> list[ArchetypeMatch]:
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


def intake_leads(matches: list[ArchetypeMatch], task: str, collects: bool = False) -> list[ArchetypeMatch]:
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


def named_job_leads(matches: list[ArchetypeMatch], task: str, labels: bool) -> list[ArchetypeMatch]:
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


def strong_keyword_leads(matches: list[ArchetypeMatch]) -> list[ArchetypeMatch]:
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


def notes_writer_leads(matches: list[ArchetypeMatch], task: str, labels: bool = True) -> list[ArchetypeMatch]:
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


def tools_lead(matches: list[ArchetypeMatch]) -> list[ArchetypeMatch]:
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
    guessed = archetype.yields_to_tools_guessed and rests_on_guess(lead)
    if not (archetype.yields_to_tools or unnamed_job or weak or guessed):
        return matches
    agent = next(a for a in REGISTRY if a.tools_native)
    found = next((m for m in matches if BY_ID.get(m.id) is agent), None)
    lead = found or ArchetypeMatch(id=agent.id, score=matches[0].score, features=["named tools"], rank="primary")
    rest = [msgspec.structs.replace(m, rank="secondary") for m in matches if BY_ID.get(m.id) is not agent]
    return [msgspec.structs.replace(lead, rank="primary"), *rest[:2]]


_MENTION_WEIGHT = 2
"""A keyword this light names a thing the brief mentions (a language's name, "functions", "developers"), no job."""


def rests_on_guess(match: ArchetypeMatch) -> bool:
    """Whether a match rests on the model's guess and light mentions alone: "die Schnittstelle (TypeScript)" with a
    pasted interface names how the agent's tools are written, not code to write or review (that needs "write code",
    "debug", "coding assistant")."""
    archetype = BY_ID.get(match.id)
    weights = {f.label: f.weight for f in archetype.features} if archetype else {}
    return all(f.startswith("model:") or weights.get(f, _MENTION_WEIGHT + 1) <= _MENTION_WEIGHT for f in match.features)
