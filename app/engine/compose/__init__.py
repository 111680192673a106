"""Brief + constraints + archetypes -> PromptSpec, in small steps (see `compose`).

The brief wins: every constraint's sentence is placed in its section (limits, format, labels, fields and schema in
the output format; prohibitions, ordering rules and requirements in the rules; the fallback in the guardrails;
tools in the tool list; language and audience in their rules), and an archetype default that contradicts a
constraint is dropped (see `conflicts`). Archetype-dependent behaviour is read from fields of `Archetype`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import msgspec

from app.engine.brief import Brief, Entities
from app.engine.classify import ArchetypeMatch
from app.engine.compose import closed_reply
from app.engine.compose.conflicts import asks_code_first
from app.engine.compose.cues import (
    MAX_WORDS,
    extract_fields,
    extract_labels,
    field_schema,
    said_before,
    source_noun,
    task_sentence,
)
from app.engine.compose.escalation import care_line, escalation_case, general_condition
from app.engine.compose.guardrails import guardrails
from app.engine.compose.identity import context_lines, role_and_objective
from app.engine.compose.json_shape import NO_FIELDS_WARNING, fieldless
from app.engine.compose.label_sets import label_set_lines
from app.engine.compose.language import localise_reply_quotes
from app.engine.compose.output import is_default, output_format
from app.engine.compose.own_input_cases import ONE_LABEL, line_guardrails, multi_field_line
from app.engine.compose.plan import DEFAULT_CITATION, Plan, make_plan
from app.engine.compose.reply_schema import schema_written
from app.engine.compose.rules import all_rules, dedupe, tone_lines
from app.engine.compose.variables import variables
from app.engine.constraints import Constraint
from app.engine.constraints.clauses import EXACT_COLON, fixed_reply, inside_quote
from app.engine.constraints.quotes import quotation_at
from app.engine.examples import ExampleInputs, build_examples
from app.engine.safety import (
    JURISDICTION,
    STOP_STEP,
    crisis_number,
    detect_domains,
    emergency_number,
    legal_contact,
    safety_rules,
    scripts_emergency,
    states_crisis_step,
    states_emergency_step,
    without_negated_advice,
    yields,
)
from app.engine.safety.cues import PERSON_FACING
from app.engine.safety.settled import (
    material_settles,
    plays_the_person,
    professional_domains,
    routes_itself,
    settled_domains,
)
from app.engine.safety.sourced_doses import DOSES_SOURCED, states_doses
from app.engine.safety.tool_routes import takes_personal_details
from app.engine.spec import Example, OutputFormat, PromptSpec, Tool

__all__ = [
    "MAX_WORDS",
    "Composition",
    "compose",
    "compose_spec",
    "extract_fields",
    "extract_labels",
    "field_schema",
    "source_noun",
    "task_sentence",
]


class Composition(msgspec.Struct, kw_only=True, frozen=True):
    """A composed spec, the sensitive domains it covers, and what the user should know about it."""

    spec: PromptSpec
    domains: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()


def tools(plan: Plan) -> list[Tool]:
    """The brief's structured tools, then the tools named in its text (with their parameters)."""
    out = list(plan.brief.tools)
    names = {t.name for t in out}
    for c in plan.of_kind("tool"):
        name = c.name or ""
        if name and name not in names:
            names.add(name)
            out.append(Tool(name=name, purpose=c.text, parameters=list(c.parameters)))
    return out


def reasoning(plan: Plan, output: OutputFormat) -> list[str]:
    """The primary's reasoning steps, for free-form answers that are not short and when no default clashes."""
    if output.kind in ("json", "label", "decision") or plan.length == "short" or _terse_reply(plan):
        return []
    if "explanation" in plan.conflicts.forbidden:
        return []  # "no explanations": visible reasoning is exactly what the brief rules out
    stated = "\n".join([plan.brief.task, plan.brief.output_format or "", *plan.brief.constraints])
    if _OUTPUT_ONLY.search(stated) or asks_code_first(stated) or closed_reply.whole_reply_fixed(stated):
        return []  # "output ONLY a markdown table", "code first": a thinking block would come before the reply
    if any(c.kind == "ordering" and _CODE_PART.match(c.first or "") for c in plan.constraints):
        return []  # "one sql code block, then at most 2 sentences": the reply's shape is set from its first line
    return plan.conflicts.keep(plan.fill(s) for s in plan.primary.reasoning)


# The first part of a reply the brief lays out: "one sql code block", "the query", "a ```python block"
_CODE_PART = re.compile(
    r"\s*(?:(?:one|a|an|the|single|1)\s+)?(?:\w+\s+)?(?:code\s+block|query|queries|snippet|```)", re.IGNORECASE
)


# Stated limits on the whole reply under which a visible thinking block would be longer than the reply itself.
_TERSE_LIMITS = {"lines": 3, "characters": 500, "words": 100, "sentences": 5}


def _terse_reply(plan: Plan) -> bool:
    """Whether the reply is code only, or the brief limits the whole reply to a few lines, sentences or words ("one
    line, max 180 characters", "under 60 words"): a chat or channel message shows a thinking block to its reader."""
    return any(_code_only(c) or (_terse_limit(c) and not _part_limit(plan.brief.task, c)) for c in plan.constraints)


def _code_only(constraint: Constraint) -> bool:
    """A code-only reply ("Rispondi solo con la query SQL"): the code is the whole reply."""
    return constraint.kind == "format" and constraint.value == "code"


# "Finish with a summary of at most 3 sentences", "Open with a TL;DR of max 2 lines": a limit on one part of a
# longer reply, even where it is read as the reply's own
_PART_BEFORE_LIMIT = re.compile(
    r"\b(?:summary|summaries|tl;?dr|intro(?:duction)?|conclusion|headline|title|subject(?:\s+line)?|explanations?|"
    r"comments?|notes?|overview|recap|verdict)\b[^.;:\n]{0,40}$",
    re.IGNORECASE,
)


def _part_limit(task: str, constraint: Constraint) -> bool:
    """Whether the brief's words just before the limit name a part of the reply."""
    return said_before(task, constraint, _PART_BEFORE_LIMIT, 60)


def _doses(plan: Plan) -> frozenset[str]:
    """`DOSES_SOURCED` when the pasted material gives doses (a leaflet's drop schedule is the brief's own word)."""
    return frozenset({DOSES_SOURCED}) if states_doses(plan.material) else frozenset()


def _terse_limit(constraint: Constraint) -> bool:
    """A stated limit on the whole reply within `_TERSE_LIMITS`."""
    if constraint.kind != "limit" or constraint.scope is not None or constraint.unit not in _TERSE_LIMITS:
        return False
    bound = constraint.maximum or constraint.exact
    return bound is not None and bound <= _TERSE_LIMITS[constraint.unit]


# The brief fixes what the reply starts with or holds and nothing else.
_OUTPUT_ONLY = re.compile(
    r"\b(?:output|return|reply\s+with|respond\s+with|give|print)\s+(?:\w+\s+){0,2}?only\b|"
    r"\bonly\s+(?:output\s+)?(?:a|the)\s+(?:markdown\s+)?(?:table|code|json|sql|query|diff)\b|"
    r"\b(?:output|return|reply|respond|print)\b[^.;\n]{0,60}\bnothing\s+else\b|"
    r"\bcode\s+first\b|\bno\s+(?:preamble|intro(?:duction)?|greeting)\b|\bno\s+other\s+(?:text|prose|words)\b|"
    # "Output: a numbered list, each item starts with …", "no summary paragraph": the reply's first line is fixed
    r"\beach\s+(?:item|line|row|bullet)\s+starts?\s+with\b|\bno\s+summary\s+paragraph\b|"
    # "at most 5 findings, one line each: …", "no praise paragraph, don't summarise what the PR does": the brief
    # lists what the reply holds and rules out any text beside it, a visible thinking block included
    r"\b(?:findings|issues|items|points|bullets|problems|comments)\b[^.\n]{0,20}\bone\s+line\s+each\b|"
    r"\bno\s+(?:praise|intro(?:ductory)?|opening|closing|overview|preamble)\s+(?:paragraphs?|sections?|lines?)\b|"
    r"\b(?:don'?t|do\s+not|never)\s+summari[sz]e\s+what\b|"
    r"\bnothing\s+(?:else\s+)?outside\s+(?:the|a|that|this)\s+(?:csv|json|table|code|query|list|yaml)\b",
    re.IGNORECASE,
)


def examples(plan: Plan, output: OutputFormat, spec_tools: list[Tool]) -> tuple[list[Example], list[str]]:
    """The brief's own examples, or examples built from its entities (or none, with a warning)."""
    if plan.brief.examples:
        return list(plan.brief.examples), []
    # The general fallback, not the emergency number: an example answers an everyday request.
    emergency = _emergency_number(plan)
    # Only a contact for the general case answers "can I talk to a person?": a crisis line given for one situation
    # ("if someone talks about not wanting to live, give 988") is no hand-off.
    candidates = [
        c
        for c in plan.of_kind("fallback")
        if (emergency is None or c.value != emergency) and not care_line(c, plan.brief.task)
    ]
    # "If someone thinks their account was hacked, email security@…": the route a hacked account goes to
    security = [
        c for c in candidates if plan.primary.example_kind == "support" and _ACCOUNT_CASE.search(c.condition or "")
    ]
    fallbacks = [
        *security,
        # the not-covered path the brief words itself ("if the docs don't cover it, say exactly: …") before any other
        *(c for c in candidates if general_condition(c.condition) and _fixed_words(plan.brief.task, c)),
        *(c for c in candidates if general_condition(c.condition)),
        # "if someone disputes a decision or wants to complain, email claims@…": the route a person asks for
        *(c for c in candidates if not general_condition(c.condition) and escalation_case(c.condition)),
        *(c for c in candidates if c.action == "handoff" and not general_condition(c.condition)),
    ]
    inputs = ExampleInputs(
        kind=plan.primary.example_kind,
        task=plan.brief.task,
        # An example that settles a case the brief settles in its own words ("owner: unassigned" where the brief
        # writes 待定) would teach the default back.
        own=tuple(Example(input=plan.fill(e.input), output=plan.fill(e.output), reasoning=e.reasoning)
                  for e in plan.primary.examples
                  if not any(p.search(e.output) for p in plan.conflicts.overridden)),
        output=output,
        output_is_default=is_default(plan, output),
        labels=plan.labels,
        labels_from_brief=plan.labels_from_brief,
        tools=tuple(spec_tools),
        sources=plan.placeholders["sources"],
        fallback=fallbacks[0] if fallbacks else None,
        fallback_words=_fixed_words(plan.brief.task, fallbacks[0]) if fallbacks else None,
        own_citation=plan.placeholders["citation"] != DEFAULT_CITATION,
        limits=tuple(plan.of_kind("limit")),
        forbidden=frozenset(plan.conflicts.forbidden),
        reply_language=plan.language,
        material=plan.material,
        schema_written=schema_written(plan, output.json_schema),
        headings=tuple(v for c in plan.of_kind("format") if c.value == "sections" for v in c.values),
    )  # fmt: skip
    built, warnings = build_examples(inputs)
    # A built example that settles a topic the brief settles in its own words ("I'm passing this to a human
    # colleague" where the brief has no live agents) would teach the default back.
    kept = [e for e in built if not any(p.search(e.output) for p in plan.conflicts.overridden)]
    if label_set_lines(plan.of_kind("labels")) is not None:
        # a reply with a line per label set: an example that answers with one bare label teaches the wrong shape
        kept = [e for e in kept if e.output.strip() not in plan.labels]
    return kept, warnings


def _fixed_words(task: str, fallback: Constraint) -> str | None:
    """The sentence the brief says to give word for word on a fallback's path: on the fallback's own line of the
    brief, or in its restated text."""
    span = fallback.span
    if span is not None and span.field == "task" and span.end <= len(task):
        line_start = task.rfind("\n", 0, span.start) + 1
        line_end = task.find("\n", span.end)
        words = fixed_reply(task[line_start : line_end if line_end >= 0 else len(task)])
        if words is not None and (fallback.value or "") in words:
            return words
    words = fixed_reply(fallback.text)
    return words if words is not None and (fallback.value or "") in words else None


_ACCOUNT_CASE = re.compile(
    r"\b(?:hack\w*|compromis\w*|break-?in|stolen\s+(?:account|password|login)|account\s+(?:takeover|security)|"
    r"(?:someone|somebody)\s+(?:else\s+)?(?:logged|signed)\s+in)\b",
    re.IGNORECASE,
)


# Keys of a JSON record whose value is written to a person: a reply, an answer, a message.
_REPLY_KEYS = re.compile(
    # ("advice", "explanation", "text_for_customer": words a person reads as well)
    r"^(?:answer|reply|response|draft|message|antwort|respuesta|r[ée]ponse|risposta|resposta|antwoord|mensaje|"
    r"nachricht|bericht|advice|explanation|feedback|guidance|text_for|consejo|conseil|ratschlag|erkl[äa]rung|"
    r"explicaci[óo]n|explication|spiegazione|explica[çc][ãa]o)\w*$|_(?:reply|answer|response|message|advice|text)$",
    re.IGNORECASE,
)


def _reply_key(plan: Plan) -> bool:
    """Whether the brief's JSON record has a key that holds words for a person (a reply, an answer)."""
    return any(_REPLY_KEYS.search(key) for c in plan.of_kind("schema") for key in c.values)


def _max_age(plan: Plan) -> int | None:
    ages = [c.maximum for c in plan.of_kind("audience") if c.maximum is not None]
    return min(ages) if ages else None


def _us_line_fits(plan: Plan) -> bool:
    """The US crisis line is offered only to an English brief that gives no phone line of its own: a Chinese app
    with its own hotline, or a German one, would send people to a line they cannot call."""
    return plan.brief_language is None and not any(c.action == "phone" for c in plan.of_kind("fallback"))


def _phones(plan: Plan) -> list[tuple[str, str | None]]:
    """The brief's phone fallbacks as (number, condition) pairs."""
    return [(c.value or "", c.condition) for c in plan.of_kind("fallback") if c.action == "phone"]


def _fallback_steps(plan: Plan) -> list[tuple[str | None, str, str | None]]:
    """The brief's fallbacks as (condition, sentence, action) triples, each sentence with the brief's own words around
    its route ("…, arrêter l'exercice et lui conseiller … d'appeler le 3114": the stop is in the brief, not in the
    restated "tell the user to call 3114")."""
    task = plan.brief.task
    steps: list[tuple[str | None, str, str | None]] = []
    for c in plan.of_kind("fallback"):
        words = c.text
        if c.span is not None and c.span.field == "task" and 0 <= c.span.start <= c.span.end <= len(task):
            start = max(task.rfind(mark, 0, c.span.start) for mark in ".!?\n") + 1
            line_start = task.rfind("\n", 0, c.span.start) + 1
            if EXACT_COLON.search(task, line_start, c.span.start) or inside_quote(task, line_start, c.span.start):
                # "…: stop the exercise and reply with only this: I'm … call 988", "… stop the check-in and reply with
                # exactly this: "I'm glad you told me. … text SHOUT to 85258."": the route is in the reply the whole
                # line scripts, so the line's own step counts
                start = line_start
            ends = [i for i in (task.find(mark, c.span.end) for mark in ".!?\n") if i >= 0]
            sentence = task[start : min(ends, default=len(task))]
            # (only a stop the sentence orders: "at the end of every chat" is no step)
            words = f"{c.text} {sentence}" if STOP_STEP.search(sentence) else c.text
            # (a route read from inside the brief's quoted reply: "« Vous pouvez appeler le 3114 … »", its own words)
            words = f"{words} {quotation_at(task, line_start, c.span.start) or ''}".rstrip()
        steps.append((c.condition, words, c.action))
    return steps


def _emergency_number(plan: Plan) -> str | None:
    phones = _phones(plan)
    # "…, or 999 for chest pain or trouble breathing": an emergency service named beside an emergency, with no
    # verb of its own, is still the number for emergencies.
    phones.extend((m.group("number"), m.group(0)) for m in _SERVICE_FOR_EMERGENCY.finditer(plan.brief.task))
    return emergency_number(phones)


_SERVICE_FOR_EMERGENCY = re.compile(
    r"(?<![\d-])(?P<number>999|911|112|000)(?![\d-])\s+(?:for|if|when|in)\b[^.;]{0,60}?"
    r"(?:chest\s+pain|breath|emergenc|bleed|stroke|unconscious|faint|overdose|allergic|seizure|collapse|unwell|"
    r"(?:very|seriously|really)\s+(?:ill|sick)|life-threatening|danger)",
    re.IGNORECASE,
)


def _without_clashes(plan: Plan, text: str) -> str:
    """A default text's sentences and clauses that agree with the brief ("a correct query, and a plain explanation
    of the result" loses its second part when the brief asks for the SQL only)."""
    if not text or not plan.conflicts.clashes(text):
        return text
    parts = [part for part in re.split(r",\s+and\s+|,\s+(?=[a-z]+s\s)|\s+and\s+(?=an?\s)", text.rstrip(".")) if part]
    kept = [part for part in parts if not plan.conflicts.clashes(part)]
    if not kept or kept[0] is not parts[0] or len(kept) == len(parts):
        return ""  # without its first part (the subject) the rest is no sentence
    return (", ".join(kept[:-1]) + " and " + kept[-1] if len(kept) > 1 else kept[0]) + "."


def _reminder(plan: Plan, output: OutputFormat) -> str:
    reminder = localise_reply_quotes(plan.conflicts.trimmed(plan.fill(plan.primary.final_reminder)), plan.language)
    schema = output.json_schema
    if (schema is not None and schema.get("type") == "array") or output.description.startswith("A JSON array"):
        reminder = reminder.replace("the JSON object", "the JSON array")  # one object per item, in one array
    line = multi_field_line(output.description)
    if line is not None and ONE_LABEL.search(reminder):
        # "SOURCE|URGENCY|ref": a line of several fields is never "exactly one label from the set"
        reminder = f"Return one `{line}` line per item."
    if output.description.startswith("CSV only.") and (ONE_LABEL.search(reminder) or "JSON" in reminder):
        # "ONE csv line: trade,priority,gas_safe": a row of several columns is neither one label nor a JSON object
        row = "one CSV row" if "Exactly one row." in output.description else "CSV"
        reminder = f"Return only the {row}, with nothing before or after it."
    return "" if plan.conflicts.clashes(reminder) else reminder


_ADVICE_DOMAINS = frozenset({"medical", "veterinary", "legal", "financial", "money"})
_OWN_SITUATION = re.compile(
    # ("my insulin", "my son's asthma"; not "our case studies", "our debt collection guidelines": the business's)
    r"\bmy\s+(?:[\w'’-]+\s+){0,3}(?:medications?|medicines?|insulin|symptoms?|condition|diagnosis|asthma|"
    r"diabetes|pain|doctor|gp|prescriptions?|treatment|blood\s+\w+|health|pregnancy|debts?|loans?|lease|tenancy|"
    r"case|lawsuit|divorce|visa|dog|cat|pet)\b",
    re.IGNORECASE,
)


_RECORD_OF_A_PERSON = re.compile(
    r"\b(?:(?:call|intake|session|case|consultation|visit|triage|clinical|shift)\s+)?transcripts?\b|"
    r"\b(?:call|case|session|intake|consultation|clinical|visit|triage|shift|nursing)\s+notes\b|"
    r"\bhandover\s+(?:notes?|summar\w+|reports?)\b|\bintake\s+(?:calls?|forms?)\b|"
    r"\b(?:transcripci[óo]n|transcription|transkript|trascrizione|transcrição|transcript)\w*",
    re.IGNORECASE,
)


# "a recap addressed to the client in second person", "the text message we send to the caller": the person in the
# record reads what is written, so the packs for talking with them stay
_WRITTEN_TO_THE_PERSON = re.compile(
    r"\b(?:addressed|written|sent|send|sends|sending|message|messages|letter|email|text|reply)\s+(?:it\s+)?to\s+"
    r"(?:the\s+|our\s+|each\s+)?(?:client|caller|patient|person|user|member|customer|student|them|him|her)s?\b|"
    r"\bsecond\s+person\b|\bwe\s+send\s+to\b",
    re.IGNORECASE,
)


def compose_spec(plan: Plan) -> Composition:
    """Build the spec for a plan, section by section."""
    brief = plan.brief
    role, objective, success = role_and_objective(plan)
    success = _without_clashes(plan, plan.conflicts.trimmed(success))
    if objective == plan.fill(plan.primary.objective):  # the archetype's words, never the brief's
        objective = _without_clashes(plan, objective) or objective
    output = output_format(plan)
    domains = detect_domains(
        [brief.task, brief.audience or "", *brief.constraints],
        _max_age(plan),
        advises_people=plan.primary.safety_packs,
        audience=plan.audience,
    )
    if not plan.primary.safety_packs and (output.kind == "label" or (output.kind == "json" and plan.of_kind("schema"))):
        # A reply that is only a label or the brief's JSON record ("just the JSON") carries no advice, helpline or
        # caveat for anyone: a pack's rules could only break it.
        domains = []
    if output.kind == "json" and plan.of_kind("schema") and not plan.conversational and not _reply_key(plan):
        # A JSON record for the office ("Ausgabe nur als JSON … fürs Büro") has no reader a pack could speak to:
        # "tell them first to call their local emergency number" would address no one. (A record with a reply key
        # carries words to a person, and keeps its packs.)
        domains = []
    record = _RECORD_OF_A_PERSON.search(brief.task)
    if (
        record is not None
        and not plan.conversational
        and not PERSON_FACING.search(without_negated_advice(brief.task))
        and not _WRITTEN_TO_THE_PERSON.search(brief.task)
    ):
        # "write the handover summary from the intake transcript": the person at risk is in the record, the reader
        # is a professional, and the brief's own routing ("RISK INDICATED first") settles what the record says
        domains = []
    if plays_the_person([brief.task, *brief.constraints]):
        domains = []  # "The assistant plays a standardized patient": the one with symptoms is the assistant itself
    if plan.primary.plays_a_character and not _OWN_SITUATION.search(brief.task):
        # "You are Dana, head of procurement at a hospital group": no advice is given in a practice scene (unless
        # the user rehearses their own case: "so I can practise asking about my new blood pressure medication")
        domains = [domain for domain in domains if domain not in _ADVICE_DOMAINS]
    professionals = professional_domains([brief.task, brief.audience or ""])
    spec_tools = tools(plan)
    spec_examples, warnings = examples(plan, output, spec_tools)
    if fieldless(plan, output):
        warnings = [NO_FIELDS_WARNING, *warnings]
    spec = PromptSpec(
        role=role,
        objective=objective,
        success=success,
        context=dedupe(context_lines(plan, role)),
        audience=plan.audience,
        instructions=all_rules(
            plan,
            plan.conflicts.unsettled(
                safety_rules(
                    domains,
                    _emergency_number(plan),
                    crisis_number=crisis_number(_phones(plan)),
                    legal_contact=legal_contact(
                        (c.action or "", c.value or "", c.condition) for c in plan.of_kind("fallback")
                    ),
                    us_crisis_line=_us_line_fits(plan),
                    # A brief in another language serves people under that language's law, named or not; answers
                    # that rest on a supplied agreement or policy rest on its terms, not on a country's.
                    jurisdiction_known=plan.brief_language is not None
                    or bool(JURISDICTION.search(brief.task))
                    or any(a.grounded_in_sources for a in plan.archetypes),
                    crisis_stated=states_crisis_step(steps := _fallback_steps(plan)),
                    emergency_stated=states_emergency_step(steps)
                    or scripts_emergency([brief.task, *brief.constraints]),
                    own=yields([brief.task, *brief.constraints], steps),
                    tools_take_personal=any(takes_personal_details(c.parameters) for c in plan.of_kind("tool")),
                    settled=settled_domains([brief.task, *brief.constraints])
                    | material_settles(plan.material)
                    | professionals
                    | _doses(plan),
                    routed=bool(professionals)
                    or routes_itself(
                        [brief.task, brief.audience or "", *brief.constraints],
                        has_fallback=bool(plan.of_kind("fallback")),
                    ),
                )
            ),
        ),
        tone=tone_lines(plan),
        tools=spec_tools,
        reasoning=reasoning(plan, output),
        output_format=output,
        examples=spec_examples,
        guardrails=line_guardrails(guardrails(plan), output),
        variables=variables(plan),
        final_reminder=_reminder(plan, output),
        language=plan.language or "English",
        length=plan.length,
        target=brief.target,
        user_term=plan.user_term,
    )
    return Composition(spec=spec, domains=tuple(domains), warnings=tuple(warnings))


def compose(
    brief: Brief, entities: Entities, matches: Sequence[ArchetypeMatch], constraints: Sequence[Constraint] = ()
) -> PromptSpec:
    """Build the spec for a brief from its entities, classified archetypes (primary first) and constraints."""
    return compose_spec(make_plan(brief, entities, matches, constraints)).spec
