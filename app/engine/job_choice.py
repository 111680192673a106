"""Step 2 of the pipeline (`classify_brief`): the archetypes a brief's task matches, primary first, read from the
task with what is not its job blanked, then settled by the lead rules of `archetype_leads`."""

from __future__ import annotations

from collections.abc import Sequence

import msgspec

from app.engine.archetype_leads import (
    draft_leads_its_label,
    extractor_leads,
    field_record_leads,
    intake_leads,
    key_record_leads,
    label_record_leads,
    named_job_leads,
    notes_writer_leads,
    rests_on_guess,
    strong_keyword_leads,
    tools_lead,
    topic_labels_lead,
    without_covered_secondaries,
    without_toolless_agent,
)
from app.engine.archetypes import BY_ID, FALLBACK_ID
from app.engine.booking_leads import booking_not_tutor
from app.engine.brief import Brief
from app.engine.classifier.asides import without_asides
from app.engine.classifier.side_words import without_read_backs, without_summary_keys
from app.engine.classify import ArchetypeMatch, classify, score_all
from app.engine.compose.plan import asks_for_label
from app.engine.constraints import Constraint
from app.engine.constraints.language_cases import find_language_cases
from app.engine.constraints.language_cjk_switch import find_cjk_switch
from app.engine.constraints.sections import layout_block, numbered_lines
from app.engine.drafter_joins import drafter_joins_label
from app.engine.frame_leads import roleplay_leads
from app.engine.output_frames import LABEL_LINE_AFTER_REPLY, label_line_joins, reads_a_record
from app.engine.output_leads import grader_over_tutor, listener_over_support, toolless_agent_leads
from app.engine.ruled_out import without_ruled_out_jobs
from app.engine.task_masks import (
    without_background,
    without_company_names,
    without_destination,
    without_prohibitions,
    without_tool_words,
)
from app.engine.tool_order_lead import ordered_tools_lead
from app.engine.tool_text import TOOLS_INTRO, without_tool_output


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
    task = without_destination(without_asides(without_tool_output(without_background(brief.task))))
    task = without_read_backs(task)  # "summarise the booking and wait for a yes" is a confirmation step
    task = without_summary_keys(task, constraints)  # ("summary: 40 words max" describes a record's key)
    keywords = _keyword_text(task, constraints, tools)
    # ("geen triage": what the brief rules out is not its job, for the model as for the keywords)
    model_text = without_ruled_out_jobs(without_prohibitions(task, constraints))
    matches = classify(model_text, closed_label_set=labels, keyword_text=keywords)
    matches = _without_guessed_translation(matches, brief.task, constraints, model_text, keywords)
    if label_line:
        matches = label_line_joins(matches)
    matches = _settled_leads(matches, brief, task, constraints, tools=tools, labels=labels)
    # the frame follows what the output is for: marks as JSON are a grader's, a listening chat is no support desk
    matches = listener_over_support(grader_over_tutor(matches, brief.task, constraints), brief.task, tools)
    if not tools:
        return without_toolless_agent(toolless_agent_leads(matches))
    return _with_tools_lead(matches, constraints, brief.task)


def _without_guessed_translation(
    matches: list[ArchetypeMatch],
    task: str,
    constraints: Sequence[Constraint],
    model_text: str,
    keywords: str | None,
) -> list[ArchetypeMatch]:
    """ "Si el cliente escribe en francés, contesta en francés", "Wenn ein Gast Englisch schreibt, antworte englisch",
    "客人用英文写的话，用英文回复": a reply-language rule with cases names languages, no text to turn into another.
    A translation lead the model alone read from such a brief (no word of translating) gives way to the next job."""
    lead = BY_ID.get(matches[0].id) if matches else None
    if lead is None or lead.reply_language_rule or any(not f.startswith("model:") for f in matches[0].features):
        return matches
    cases = any(c.kind == "language" and c.values and c.scope is None for c in constraints)
    if not (cases or find_language_cases(task) or find_cjk_switch(task)):
        return matches
    ranked = [m for m in score_all(model_text, keywords) if BY_ID.get(m.id) is not lead]
    if not ranked:
        return [ArchetypeMatch(id=FALLBACK_ID, score=0, features=[])]
    new_lead = msgspec.structs.replace(ranked[0], rank="primary")
    led = BY_ID.get(new_lead.id)
    return [new_lead, *(m for m in matches[1:] if BY_ID.get(m.id) is not led)]


def _keyword_text(task: str, constraints: Sequence[Constraint], tools: bool) -> str:
    """The text the keyword features read: the task without tool talk, prohibitions, the reply's numbered lines and
    company names."""
    # (the keywords skip the line that introduces the tools: "the curl examples from the internal docs" names
    # where the examples came from, no documents to answer from; the model still reads that the brief has tools)
    introduced = TOOLS_INTRO.sub(lambda m: "tools".ljust(len(m.group(0)))[: len(m.group(0))], task)
    keywords = without_prohibitions(without_tool_words(introduced, constraints), constraints) if tools else None
    if (numbered := numbered_lines(task) or layout_block(task)) is not None:
        # "- line 1: Sentiment: …\n- line 3: summary, 40 words max": the reply's lines name its parts, not its job
        keywords = keywords if keywords is not None else without_prohibitions(task, constraints)
        keywords = keywords[: numbered.start] + " " * (numbered.end - numbered.start) + keywords[numbered.end :]
    # "equity questions at Harbor Analytics": a company's name says what it is, not what the assistant does
    keywords = keywords if keywords is not None else without_prohibitions(task, constraints)
    # ("GEEN medisch advies en geen triage", "no triage, no diagnosis": a job ruled out is not the job)
    return without_ruled_out_jobs(without_company_names(keywords))


def _settled_leads(
    matches: list[ArchetypeMatch],
    brief: Brief,
    task: str,
    constraints: Sequence[Constraint],
    *,
    tools: bool,
    labels: bool,
) -> list[ArchetypeMatch]:
    """The matches after the lead rules, in the order they apply (each may hand the lead to another job)."""
    collects = any(c.kind == "fields" and c.value == "collect" for c in constraints)
    matches = intake_leads(named_job_leads(matches, brief.task, labels), brief.task, collects)
    matches = notes_writer_leads(strong_keyword_leads(matches), task, labels)
    if not tools and asks_for_label(brief.task):
        matches = label_record_leads(matches, constraints)
    if not tools:
        matches = topic_labels_lead(matches, constraints)
    matches = key_record_leads(field_record_leads(matches, constraints), constraints)
    if not tools:
        matches = (
            extractor_leads(matches, displaced=True) if reads_a_record(matches, constraints, brief.task) else matches
        )
    matches = draft_leads_its_label(matches, brief.task)
    matches = drafter_joins_label(matches, without_prohibitions(task, constraints))
    # ("book piano lessons": a booking chat, no tutor)
    return without_covered_secondaries(booking_not_tutor(roleplay_leads(matches, brief.task), brief.task))


def _with_tools_lead(
    matches: list[ArchetypeMatch], constraints: Sequence[Constraint], task: str
) -> list[ArchetypeMatch]:
    """The matches of a brief with tools: the agent leads unless the job works with tools already, or serves people
    (support) with tools the brief does not order."""
    # (the model reads the pasted tool definitions too: a field-extraction job only it suggests, with no word of the
    # brief outside them naming it, is the JSON of the definitions, not a job)
    # (nor is a job the model guesses from pasted code, "```ts buscarVehiculo(matricula: string): …```": the code
    # declares the agent's tools, so with no word of the brief for it, coding is no second job)
    led = ordered_tools_lead(tools_lead(matches), constraints, task)
    return [
        led[0],
        *(
            m
            for m in led[1:]
            if not (m.id in BY_ID and BY_ID[m.id].yields_to_tools_guessed and rests_on_guess(m))
            and (
                any(not f.startswith("model:") for f in m.features)
                or not (m.id in BY_ID and BY_ID[m.id].extracts_fields)
            )
        ),
    ]
