"""Brief + archetypes -> PromptSpec: merges the archetypes' vetted sections and the brief's specifics."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from app.engine.archetypes import BY_ID, Archetype
from app.engine.brief import Brief, Entities, describe_variable
from app.engine.classify import ArchetypeMatch
from app.engine.examples import brief_examples, label_examples, null_example
from app.engine.phrasing import article, imperative_task, normalise, possessive, sentence
from app.engine.spec import Example, Guardrails, Length, OutputFormat, OutputKind, PromptSpec, Rule
from app.engine.types import Variable

MAX_WORDS: dict[Length, int] = {"short": 80, "standard": 200, "detailed": 500}
MAX_INFERRED_VARIABLES = 3

_LABEL_LIST = re.compile(
    r"\b(?:into|as|labels?:?|categories:?|classes:?|one of|either|rout\w*\s+(?:[\w-]+\s+){0,3}?to)\s+"
    r"((?:[\"']?[A-Za-z][\w-]*[\"']?(?:\s*,\s*(?:or\s+|and\s+)?|\s+or\s+|\s+and\s+|\s*/\s*)){1,11}[\"']?[A-Za-z][\w-]*[\"']?)",
    re.IGNORECASE,
)
_LABEL_SPLIT = re.compile(r"\s*,\s*(?:or\s+|and\s+)?|\s+or\s+|\s+and\s+|\s*/\s*")
_LABEL_STOP = frozenset({"a", "an", "the", "one", "each", "every", "label", "labels", "category", "categories"})
_FIELD_LIST = re.compile(
    r"\b(?:extract|extracts|extracting|pull out|pull|get|grab|capture|fields?:?|structured data:|json with)\s+"
    r"(?:the\s+)?(?:following\s+)?(?:fields?:?\s+)?"
    r"\(?([a-z][\w -]*(?:\s*,\s*(?:and\s+)?[a-z][\w -]*|\s+and\s+[a-z][\w -]*)+)\)?",
    re.IGNORECASE,
)
_FIELD_PAREN = re.compile(r"\(([^()]*,[^()]*)\)")
_FIELD_TAIL = re.compile(r"\s+(?:from|in|out of|as|into|for|to|on)\b.*$", re.IGNORECASE)
_NUMERIC_FIELD = re.compile(
    r"\b(?:totals?|amounts?|prices?|costs?|salary|years|count|quantity|age|score|subtotal|tax)\b", re.IGNORECASE
)
_LIST_FIELD = re.compile(r"\b(?:items|skills|tags|parties|attendees|participants|languages|keywords)\b", re.IGNORECASE)
_SENTIMENT = re.compile(r"\bsentiment\b|\bpositive\b[\w\s,]{0,12}\bnegative\b", re.IGNORECASE)
_SOURCE_NOUN = re.compile(
    r"\b((?:[\w'’-]+\s+){0,2}?)(help[- ]?cent(?:er|re) articles?|knowledge ?base|handbook|policy (?:docs|documents?)|"
    r"(?:user |product |reference |technical )?manuals?|10-[kq]|contracts?|faqs?(?! bot| assistant| chatbot)|"
    r"documentation|docs(?! site)|documents?|articles?|polic(?:y|ies))\b",
    re.IGNORECASE,
)
_NOT_MODIFIERS = frozenset(
    {"the", "a", "an", "our", "my", "their", "your", "its", "only", "using", "from", "about", "on", "in", "of", "to",
     "supplied", "provided", "attached", "given", "retrieved", "uploaded", "based", "questions", "answer", "answers",
     "with", "for", "and", "or", "this", "these", "those", "that", "any", "each", "all"}
)  # fmt: skip
_ROLEPLAY_PARTNER = "role-play partner who stays in character for realistic practice sessions"
_TONE_PHRASES: dict[str, str] = {
    "friendly": "Friendly and approachable.",
    "formal": "Formal: full sentences, no slang or contractions.",
    "professional": "Professional and precise.",
    "casual": "Casual and conversational.",
    "empathetic": "Empathetic: acknowledge feelings before solving the problem.",
    "playful": "Playful, with light humour that never obscures the answer.",
    "warm": "Warm and personal.",
    "encouraging": "Encouraging: recognise progress.",
    "patient": "Patient: re-explain without signalling impatience.",
    "witty": "Witty, with humour that never obscures the answer.",
    "neutral": "Neutral and matter-of-fact.",
    "authoritative": "Authoritative and confident.",
    "upbeat": "Upbeat and energetic.",
    "calm": "Calm and steady.",
    "direct": "Direct: lead with the answer.",
    "supportive": "Supportive and reassuring.",
    "humorous": "Humorous, with jokes that never obscure the answer.",
}


_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


def task_sentence(task: str) -> str:
    """Normalise the brief's task into one sentence without meta phrasing ("Write a prompt for ...")."""
    return sentence(normalise(task))


def source_noun(task: str) -> str:
    """What the answers are grounded in, in the brief's own words ("the help-center article"); a default otherwise."""
    for m in _SOURCE_NOUN.finditer(task):
        modifiers = [w for w in m.group(1).split() if w.lower() not in _NOT_MODIFIERS and "'" not in w]
        noun = m.group(2)
        noun = noun.upper() if re.fullmatch(r"10-[kq]|faqs?", noun, re.I) else noun.lower()
        if modifiers:
            return "the " + " ".join([*modifiers, noun])
        return f"the {noun}" if noun.lower() not in {"documents", "document", "docs"} else f"the supplied {noun}"
    return "the supplied documents"


def extract_labels(task: str) -> list[str]:
    """Closed label set named in the task ("into billing, technical or other"), lowercased snake_case."""
    for m in _LABEL_LIST.finditer(task):
        parts = [p.strip("\"' ").lower().replace("-", "_") for p in _LABEL_SPLIT.split(m.group(1))]
        labels = [p for p in parts if p and p not in _LABEL_STOP]
        if len(labels) >= 2:
            unique = list(dict.fromkeys(labels))
            if "other" not in unique:
                unique.append("other")
            return unique
    return []


def extract_fields(task: str) -> list[str]:
    """Field names listed in an extraction task ("extract the vendor, date and total from ..."), snake_case."""
    for m in [*_FIELD_LIST.finditer(task), *_FIELD_PAREN.finditer(task)]:
        parts = re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", m.group(1))
        fields: list[str] = []
        for i, part in enumerate(parts):
            # Only the last item runs into the rest of the sentence ("... and total from invoices").
            name = (_FIELD_TAIL.sub("", part) if i == len(parts) - 1 else part).strip().lower()
            name = re.sub(r"^(?:the|a|an|their|its)\s+", "", name)
            name = re.sub(r"[^a-z0-9]+", "_", name).strip("_")
            name = re.sub(r"^(\w+)_or_not$", r"is_\1", name)
            if name and name not in fields and len(name) <= 40:
                fields.append(name)
        if len(fields) >= 2:
            return fields
    return []


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


def _dedupe(items: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    for item in items:
        key = item.strip().lower()
        if key and key not in seen:
            seen.add(key)
            out.append(item.strip())
    return out


def _role_sentence(role: str) -> str:
    role = role.strip().rstrip(".")
    if re.match(r"(?i)you are\b", role):
        return role + "."
    article = "" if re.match(r"(?i)(?:a|an|the)\b", role) else ("an " if role[:1].lower() in "aeiou" else "a ")
    return f"You are {article}{role}."


def _json_output(kind_desc: str, schema: dict[str, Any]) -> OutputFormat:
    return OutputFormat(
        kind="json",
        description=(
            f"{kind_desc} A single JSON object that matches the schema below, with no prose before or after it "
            "and no code fence. Use null for fields the input does not state."
        ).strip(),
        json_schema=schema,
    )


_GENERIC_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "answer": {"type": "string", "description": "The answer to the request."},
        "confidence": {"type": "string", "enum": ["high", "medium", "low"]},
    },
    "required": ["answer", "confidence"],
    "additionalProperties": False,
}

_CUE_FORMATS: dict[OutputKind, str] = {
    "table": "A Markdown table with a header row and one row per item, followed by at most two sentences of notes.",
    "bullets": "Bullet points, one idea per bullet, at most 7 bullets and {max_words} words in total.",
    "markdown": "Markdown with short headings and lists, at most {max_words} words.",
}


def _output_format(primary: Archetype, brief: Brief, entities: Entities) -> tuple[OutputFormat, bool]:
    """The output format, and whether it differs from the archetype default (then its examples no longer fit)."""
    if brief.json_schema is not None:
        return _json_output("", brief.json_schema), True
    if brief.output_format:
        kind: OutputKind = "prose"
        for cue_kind, pattern in (("json", r"\bjson\b"), ("table", r"\btable\b"), ("bullets", r"\bbullet")):
            if re.search(pattern, brief.output_format, re.IGNORECASE):
                kind = cue_kind  # type: ignore[assignment]
                break
        return OutputFormat(kind=kind, description=brief.output_format.strip()), True
    if primary.id == "data_extraction":
        fields = extract_fields(brief.task)
        if fields:
            return OutputFormat(
                kind="json", description=primary.output.description, json_schema=field_schema(fields)
            ), True
    cue = entities.output_kind
    if cue is None or cue == primary.output.kind or primary.output.kind in ("json", "decision", "label", "code"):
        return primary.output, False
    if cue == "json":
        return _json_output("", _GENERIC_SCHEMA), True
    return OutputFormat(kind=cue, description=_CUE_FORMATS[cue]), True


def _variables(brief: Brief, entities: Entities, primary: Archetype) -> list[Variable]:
    explicit = {v.name for v in brief.variables}
    dropped = set(primary.drop_variables)
    inferred = [v for v in entities.variables if v.name not in dropped]
    if not primary.blendable and len(inferred) > 1:
        # A fixed-output task has one main input: the most specific cue wins over a generic "document".
        inferred = [next((v for v in inferred if v.name != "document"), inferred[0])]
    # Only the primary's default slots: a blend's extra slots would give one task two competing main inputs.
    defaults = [
        v
        for v in primary.variables
        if not (v.name in primary.replaceable_inputs and any(c.name != v.name for c in inferred))
    ]
    merged: list[Variable] = list(brief.variables)
    names = set(explicit)
    budget = MAX_INFERRED_VARIABLES
    for v in [*defaults, *inferred]:
        if v.name in names or budget == 0:
            continue
        names.add(v.name)
        merged.append(v)
        budget -= 1
    return merged


def compose(brief: Brief, entities: Entities, matches: list[ArchetypeMatch]) -> PromptSpec:
    """Build the spec for a brief from its entities and the classified archetypes (primary first)."""
    primary = BY_ID[matches[0].id]
    # Secondary archetypes add rules, context and tone only when both sides produce free-form replies.
    archetypes = [primary, *(BY_ID[m.id] for m in matches[1:] if primary.blendable and BY_ID[m.id].blendable)]
    length: Length = brief.length or entities.length or "standard"
    language = brief.language or entities.language
    audience = brief.audience or entities.audience
    labels = extract_labels(brief.task)
    default_labels = not labels
    labels_var: Variable | None = None
    if default_labels and _SENTIMENT.search(brief.task):
        labels = ["positive", "negative", "neutral", "other"]
    elif default_labels:
        # The brief names no label set: inventing one would be wrong, so the label set becomes a trusted input.
        labels_var = Variable(
            name="labels",
            description="The allowed labels, one per line, each with a one-line definition.",
            trusted=True,
        )
    ids = {m.id for m in matches}
    user = primary.user_term
    noun = primary.noun
    if primary.id == "document_qa" and "customer_support" in ids:
        user, noun = "customer", "customer support assistant"
    roleplay = primary.id == "roleplay_interviewer" and not re.search(r"\binterview", brief.task, re.I)
    if roleplay:
        user, noun = "trainee", _ROLEPLAY_PARTNER
    product = entities.product
    sources = source_noun(brief.task)
    ph = {
        "for_product": f" for {product}" if product else "",
        "product": product or "this product",
        "sources": sources,
        "user": user,
        "audience": audience or "",
        "language": language or "the target language",
        "source_phrase": f" from {entities.source_language}" if entities.source_language else "",
        "labels": ", ".join(labels) if labels else "the labels listed in <labels>",
        "task_sentence": task_sentence(brief.task),
        "max_words": str(MAX_WORDS[length]),
    }

    def fill(text: str) -> str:
        # Only known {names} are replaced: example outputs contain JSON braces and must stay intact.
        return _PLACEHOLDER.sub(lambda m: ph.get(m.group(1), m.group(0)), text)

    # The user's own task wording, as an instruction when it reads as one, followed by what success looks like.
    task_line = imperative_task(brief.task, user)
    org = entities.organization
    if brief.role:
        role = _role_sentence(brief.role)
    elif task_line and primary.id != "general_assistant":
        role = f"You are {possessive(org) if org else article(noun)} {noun}."
    elif roleplay:
        role = f"You are a {noun}{ph['for_product']}."
    else:
        role = fill(primary.role)
    success = ""
    if task_line:
        objective, success = task_line, fill(primary.success)
        if primary.id == "general_assistant" and not brief.role:
            role = f"You are an assistant{ph['for_product']} with one job:"
            objective = f"{task_line[0].lower()}{task_line[1:]}"
    elif primary.id == "general_assistant" and not brief.role:
        role, objective = _general_role(brief.task, ph["for_product"])
        success = fill(primary.success)
    else:
        objective = fill(primary.objective)
    context = [fill(c) for a in archetypes for c in a.context if a is primary or "{labels}" not in c]
    if primary.id != "general_assistant" and not task_line:
        context.insert(0, f"Use case: {ph['task_sentence']}")
    if product and (not task_line or product not in task_line):
        context.append(f"Product: {product}.")

    rules: list[Rule] = [Rule(text=c.strip(), group="Requirements") for c in brief.constraints if c.strip()]
    if language and primary.id != "translation":
        rules.append(
            Rule(
                text=f"Write every reply in {language}, even when the input is in another language.",
                reason=f"The {primary.user_term}s read {language}.",
                group="Language and tone",
            )
        )
    if audience:
        rules.append(
            Rule(
                text=f"Pitch vocabulary and depth at {audience}.",
                reason="An answer the reader cannot follow does not help them.",
                group="Language and tone",
            )
        )
    if brief.tools and primary.id != "tool_agent":
        rules.append(
            Rule(
                text="Call a listed tool when its trigger condition applies, and base the answer on its result.",
                reason="Tool results are more current than your own knowledge.",
                group="Tool use",
            )
        )
    seen_rules = {r.text.lower() for r in rules}
    for archetype in archetypes:
        for r in archetype.rules:
            text = fill(r.text)
            if text.lower() not in seen_rules:
                seen_rules.add(text.lower())
                rules.append(Rule(text=text, reason=fill(r.reason) if r.reason else None, group=r.group))

    tone = _dedupe(
        [
            *([brief.tone] if brief.tone else []),
            *(_TONE_PHRASES[t] for t in entities.tone),
            *(fill(t) for a in archetypes for t in a.tone),
        ]
    )

    output, overridden = _output_format(primary, brief, entities)
    if not brief.output_format:  # the brief's own wording is used verbatim; templates get their placeholders
        output = OutputFormat(kind=output.kind, description=fill(output.description), json_schema=output.json_schema)

    reasoning: list[str] = []
    if output.kind not in ("json", "label", "decision") and length != "short":
        reasoning = [fill(s) for s in primary.reasoning]

    examples: list[Example]
    if brief.examples:
        examples = list(brief.examples)
    elif primary.id == "classification" and not default_labels and not overridden:
        examples = label_examples(labels)
    elif primary.id == "data_extraction" and output.json_schema is not None:
        examples = null_example(output)
    elif overridden:
        examples = []
    elif primary.id == "classification" and labels_var is not None:
        examples = [
            Example(input="[A text whose main point matches one label in <labels>]", output="[that label]"),
            Example(input="[A text that fits none of the labels]", output="other"),
        ]
    elif primary.id == "classification":
        examples = [
            Example(input="Delivery was fast and the fit is perfect.", output="positive"),
            Example(input="It broke after two days.", output="negative"),
            Example(input="The package arrived on Tuesday.", output="neutral"),
        ]
    else:
        tailored = brief_examples(primary.id, brief.task, ph)
        examples = tailored if tailored is not None else [
            Example(input=fill(e.input), output=fill(e.output), reasoning=e.reasoning) for e in primary.examples
        ]  # fmt: skip

    extra = _dedupe(fill(g) for a in archetypes for g in a.guardrails_extra)
    guardrails = Guardrails(
        out_of_scope=fill(primary.out_of_scope),
        when_unsure=fill(primary.when_unsure),
        protect_instructions=True,
        extra=extra,
    )
    if primary.id == "tool_agent" and not brief.tools:
        context.append("Your tools and their parameters are defined in the tool list supplied with each request.")

    variables = _variables(brief, entities, primary)
    if labels_var is not None and primary.id == "classification" and not any(v.name == "labels" for v in variables):
        variables.insert(0, labels_var)
    variables = [_tailor(v, primary.id, sources, user) for v in variables]
    return PromptSpec(
        role=role,
        objective=objective,
        success=success,
        context=_dedupe(context),
        audience=audience,
        instructions=rules,
        tone=tone,
        tools=list(brief.tools),
        reasoning=reasoning,
        output_format=output,
        examples=examples,
        guardrails=guardrails,
        variables=variables,
        final_reminder=fill(primary.final_reminder),
        language=language or "English",
        length=length,
        target=brief.target,
        user_term=user,
    )


_ROLE_HEAD = re.compile(
    r"^(?:an?\s+|the\s+)?(?:[\w'-]+\s+){0,3}?(?:planner|assistant|helper|advisor|adviser|coach|bot|chatbot|guide|"
    r"concierge|expert|companion|buddy|consultant|recommender)\b",
    re.IGNORECASE,
)


def _general_role(task: str, for_product: str) -> tuple[str, str]:
    """Role and objective for a task written as a noun phrase ("trip planner for a travel agency")."""
    phrase = normalise(task).rstrip(".!?") or normalise(task)  # a task of only "!" or "..." must not crash
    if _ROLE_HEAD.match(phrase):
        body = phrase[0].lower() + phrase[1:]
        if not re.match(r"(?i)(?:an?|the)\s", body):
            body = f"{article(body)} {body}"
        return f"You are {body}.", "Help the user with each request in this area, directly and accurately."
    return f"You are an assistant{for_product}.", f"Your job: {phrase[0].lower()}{phrase[1:]}."


def _tailor(variable: Variable, archetype_id: str, sources: str, user: str) -> Variable:
    """Inferred slot descriptions in the brief's terms ("The help-center article ...", "The customer's question.")."""
    if (
        variable.name == "document"
        and archetype_id == "document_qa"
        and variable.description == describe_variable("document")
    ):
        desc = f"{sources[0].upper()}{sources[1:]} that the answers are based on."
        return Variable(name=variable.name, description=desc, trusted=variable.trusted)
    if variable.name == "question" and user != "user" and variable.description == describe_variable("question"):
        return Variable(name=variable.name, description=f"The {user}'s question.", trusted=variable.trusted)
    return variable
