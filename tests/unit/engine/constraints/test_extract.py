"""The extraction pipeline end to end: typed constraints, spans, order and determinism."""

from __future__ import annotations

import msgspec
import pytest

from app.engine.brief import Brief
from app.engine.constraints import Constraint, extract_constraints
from app.engine.spec import Tool


def kinds(brief: Brief) -> list[str]:
    return [c.kind for c in extract_constraints(brief)]


def only(brief: Brief, kind: str) -> list[Constraint]:
    return [c for c in extract_constraints(brief) if c.kind == kind]


def test_support_brief_keeps_limit_negated_formats_and_fallback() -> None:
    brief = Brief(
        task="Support bot for Acme billing. Reply in at most 3 sentences, no markdown, no lists. "
        "If unsure, tell them to email help@acme.com."
    )
    found = extract_constraints(brief)
    limit = next(c for c in found if c.kind == "limit")
    assert (limit.unit, limit.maximum, limit.scope) == ("sentences", 3, None)
    fmt = next(c for c in found if c.kind == "format")
    assert fmt.forbidden == ["markdown", "lists"]
    fallback = next(c for c in found if c.kind == "fallback")
    assert (fallback.action, fallback.value, fallback.condition) == ("email", "help@acme.com", "If unsure")
    assert "help@acme.com" in fallback.text
    assert "prohibition" not in kinds(brief)


def test_spans_point_at_the_brief_words() -> None:
    brief = Brief(task="Answer FAQs.", constraints=["keep it under 150 words", "never promise refunds"])
    for constraint in extract_constraints(brief):
        span = constraint.span
        assert span is not None
        source = brief.task if span.field == "task" else brief.constraints[span.index or 0]
        assert source[span.start : span.end] == span.text
    limit = only(brief, "limit")[0]
    assert limit.span is not None
    assert (limit.span.field, limit.span.index) == ("constraints", 0)
    prohibition = only(brief, "prohibition")[0]
    assert prohibition.text == "Never promise refunds."


def test_order_is_by_field_then_position_and_duplicates_are_dropped() -> None:
    brief = Brief(
        task="Reply in Spanish. Never share internal notes.",
        constraints=["no more than 80 words", "reply in spanish"],
        language="es",
        tools=[Tool(name="search_kb", purpose="search the help center")],
    )
    found = extract_constraints(brief)
    assert [c.kind for c in found] == ["language", "prohibition", "limit", "tool"]


def test_extraction_is_deterministic() -> None:
    brief = Brief(
        task="Classify tickets as billing, bug or other. Tools: lookup_order(order_id). If angry, escalate to a human.",
        constraints=["2-3 sentences", "no emojis"],
    )
    first = msgspec.json.encode(extract_constraints(brief))
    for _ in range(3):
        assert msgspec.json.encode(extract_constraints(brief)) == first


def test_structured_fields_become_constraints() -> None:
    brief = Brief(
        task="Extract contacts.",
        json_schema={"type": "object", "properties": {"name": {"type": "string"}, "email": {"type": "string"}}},
        tools=[Tool(name="crm_lookup", purpose="find a contact")],
        audience="readers with low literacy",
        tone="warm, upbeat",
        language="German",
    )
    found = {c.kind: c for c in extract_constraints(brief)}
    assert found["schema"].values == ["name", "email"]
    assert found["tool"].name == "crm_lookup"
    assert found["audience"].value == "readers with low literacy"
    assert found["tone"].values == ["warm", "upbeat"]
    assert (found["language"].value, found["language"].code) == ("German", "de")


def test_non_english_brief_gets_its_own_language() -> None:
    brief = Brief(task="Asistente para una tienda online. Responde con amabilidad y nunca inventes precios.")
    language = only(brief, "language")
    assert [(c.value, c.code) for c in language] == [("Spanish", "es")]


def test_english_brief_gets_no_implicit_language() -> None:
    assert only(Brief(task="Help customers of our bike shop choose the right size of frame."), "language") == []


@pytest.mark.parametrize(
    ("task", "expected"),
    [
        (
            "Chatbot für unseren Online-Shop. Antworte auf Deutsch, maximal 3 Sätze, keine Emojis.",
            [("language", "Always reply in German."), ("limit", "Keep the reply to at most 3 sentences."),
             ("format", "Do not use emoji.")],
        ),
        (
            "客服助手，回答不超过100字，不要使用表情符号。",
            [("language", "Always reply in Chinese."), ("limit", "Keep the reply to at most 100 characters."),
             ("format", "Do not use emoji.")],
        ),
        (
            "Rewrite release notes. Keep it under 120 words, plain text only (no markdown, no bullet lists), and avoid "
            "jargon",
            [("limit", "Keep the reply to at most 120 words."),
             ("format", "Reply in plain text: do not use Markdown or lists or bullet points."),
             ("prohibition", "Avoid jargon.")],
        ),
        (
            "extract from resumes: name, email, phone, years_of_experience. output json only, no commentary",
            [("fields", "Return exactly these fields: name, email, phone, years_of_experience."),
             ("format", "Return only valid JSON."), ("prohibition", "Avoid commentary.")],
        ),
        (
            "Asistente para una clínica dental. No des diagnósticos. Si el paciente tiene dolor fuerte, dile que "
            "llame al 112.",
            # The implicit reply language spans the whole task, so it comes first.
            [("language", "Always reply in Spanish."),
             ("prohibition", "Do not give diagnoses."),
             ("fallback", 'When this applies ("Si el paciente tiene dolor fuerte"), tell the user to call 112.')],
        ),
    ],
)  # fmt: skip
def test_whole_briefs(task: str, expected: list[tuple[str, str]]) -> None:
    assert [(c.kind, c.text) for c in extract_constraints(Brief(task=task))] == expected


def kinds_and_texts(task: str) -> list[tuple[str, str]]:
    return [(c.kind, c.text) for c in extract_constraints(Brief(task=task))]


def test_inline_dash_rules_are_separate_clauses() -> None:
    task = "cold email writer. Rules: - under 120 words - no buzzwords - always end with a question - subject line max 6 words"  # noqa: E501
    assert kinds_and_texts(task) == [
        ("limit", "Keep the reply to at most 120 words."),
        ("prohibition", "Avoid buzzwords."),
        ("requirement", "Always end with a question."),
        ("limit", "Keep the subject line to at most 6 words."),
    ]


def test_negation_inside_a_condition_is_no_prohibition() -> None:
    found = kinds_and_texts("If you don't know the answer, say 'Let me check with the team.'")
    assert found == [("fallback", 'If you don\'t know the answer, reply exactly: "Let me check with the team."')]
    french = kinds_and_texts("Réponds en français. Si tu ne sais pas, dis « Je vais vérifier avec un conseiller. »")
    assert (
        "fallback",
        'When this applies ("Si tu ne sais pas"), reply exactly: "Je vais vérifier avec un conseiller."',
    ) in french
    assert all(kind != "prohibition" for kind, _ in french)


def test_enum_in_a_json_literal_is_a_label_set_for_its_key() -> None:
    found = extract_constraints(Brief(task='Output: {"category": one of [billing, tech, other], "urgent": true/false}'))
    schema = next(c for c in found if c.kind == "schema")
    assert schema.schema is not None
    assert schema.schema["properties"]["urgent"] == {"type": "boolean"}
    labels = next(c for c in found if c.kind == "labels")
    assert (labels.scope, labels.values) == ("category", ["billing", "tech", "other"])


def test_counted_things_keep_their_noun() -> None:
    assert kinds_and_texts("Give me 5 name ideas for a coffee shop, each under 3 words") == [
        ("limit", "Give exactly 5 name ideas."),
        ("limit", "Keep each item to at most 3 words."),
    ]


def test_handoff_to_a_professional() -> None:
    assert kinds_and_texts("if someone asks about injuries tell them to talk to their doctor") == [
        ("fallback", "If someone asks about injuries, tell the user to talk to their doctor."),
    ]


def test_label_only_in_spanish() -> None:
    assert ("format", "Reply with the label only.") in kinds_and_texts(
        "Clasifica la solicitud. Responde solo con la etiqueta."
    )


def test_words_to_say_are_not_instructions() -> None:
    task = "if the question can't be answered from the schema say 'I can't answer that from the available tables.'"
    assert [c.kind for c in extract_constraints(Brief(task=task))] == ["fallback"]


def test_clause_pieces_joined_by_commas_and_dashes() -> None:
    assert kinds_and_texts("Newsletter: 300-400 words, friendly but not cheesy, no exclamation marks") == [
        ("limit", "Keep the reply between 300 and 400 words."),
        # "friendly but not cheesy" is a tone with its limit, never a ban of itself
        ("tone", "Use a friendly tone."),
        ("prohibition", "Do not be cheesy."),
        ("prohibition", "Avoid exclamation marks."),
    ]
    assert kinds_and_texts("Read aloud, so: no lists, no URLs, no emojis, and under 40 words.") == [
        ("format", "Do not use lists or bullet points, links or emoji."),
        ("limit", "Keep the reply to at most 40 words."),
    ]
    assert kinds_and_texts("don't give the answer straight away — ask guiding questions first, then reveal it") == [
        ("prohibition", "Do not give the answer straight away."),
        ("ordering", "Ask guiding questions before you reveal it."),
    ]


def test_scope_between_cue_and_number() -> None:
    (limit,) = extract_constraints(Brief(task="Keep each meal description to 2 sentences."))
    assert (limit.scope, limit.maximum) == ("each meal description", 2)


def test_labels_are_without_colon() -> None:
    (labels,) = [
        c for c in extract_constraints(Brief(task="labels are POSITIVE, NEGATIVE, MIXED")) if c.kind == "labels"
    ]
    assert labels.values == ["POSITIVE", "NEGATIVE", "MIXED"]


def test_a_must_after_a_comma_is_kept_once() -> None:
    assert kinds_and_texts("300-400 words, always include one call to action at the end") == [
        ("limit", "Keep the reply between 300 and 400 words."),
        ("requirement", "Always include one call to action at the end."),
    ]
    assert [kind for kind, _ in kinds_and_texts("If unsure, always email help@acme.com")] == ["fallback"]


def test_callers_may_change_what_they_get_without_changing_the_next_result() -> None:
    brief = Brief(task='Classify as billing, bug or other. Return JSON like {"label": string}')
    first = extract_constraints(brief)
    for constraint in first:
        constraint.values.append("changed")
        if constraint.schema is not None:
            constraint.schema["changed"] = True
    again = extract_constraints(brief)
    assert all("changed" not in c.values for c in again)
    assert all(c.schema is None or "changed" not in c.schema for c in again)


@pytest.mark.parametrize(
    ("task", "expected"),
    [
        (
            "journaling companion. not a therapist, never diagnose. if user mentions self-harm, give the 988 lifeline",
            [("prohibition", "Do not act as a therapist."), ("prohibition", "Never diagnose."),
             ("fallback", "If user mentions self-harm, give the 988 lifeline.")],
        ),
        (
            "kids storyteller, ages 4-7, stories under 300 words, no scary stuff, end with a moral",
            [("audience", "Write for an audience of ages 4-7."), ("limit", "Keep the reply to at most 300 words."),
             ("prohibition", "Avoid scary stuff.")],
        ),
        (
            "Answer in English or Spanish depending on the user.",
            [("language", "Reply in the same language the user writes in.")],
        ),
        (
            "never cancel an order without explicit confirmation. hand off to a paralegal when done",
            [("ordering", "Never cancel an order without explicit confirmation."),
             ("fallback", "When done, hand off to a paralegal.")],
        ),
        (
            "用户提问时，先确认订单号，再查询物流。",
            [("language", "Always reply in Chinese."),
             ("ordering", 'Follow this order from the brief: "用户提问时，先确认订单号，再查询物流".')],
        ),
        (
            "Gere respostas para avaliações de clientes. Máximo de 2 frases.",
            [("language", "Always reply in Portuguese."), ("limit", "Keep the reply to at most 2 sentences.")],
        ),
    ],
)  # fmt: skip
def test_more_real_phrasings(task: str, expected: list[tuple[str, str]]) -> None:
    assert kinds_and_texts(task) == expected


def test_json_with_a_numeric_range_value() -> None:
    task = 'Respond ONLY with valid JSON matching: {"intent": "book|cancel|other", "confidence": 0-1}'
    schema = next(c for c in extract_constraints(Brief(task=task)) if c.kind == "schema")
    assert schema.values == ["intent", "confidence"]
    assert schema.schema is not None
    assert schema.schema["properties"]["confidence"] == {"type": "number", "minimum": 0, "maximum": 1}


@pytest.mark.parametrize(
    ("task", "expected"),
    [
        (
            "Don't discuss prices - say 'Our front desk can help with pricing: (555) 201-3344.'",
            [("prohibition", "Do not discuss prices."),
             ("fallback", 'When asked to discuss prices, reply exactly: "Our front desk can help with pricing: (555) 201-3344."')],  # noqa: E501
        ),
        (
            "Reply with a single word: the detected language of the text.",
            [("limit", "Keep the reply to at most 1 word.")],
        ),
        (
            "Summarize each article in exactly 3 bullet points of max 20 words",
            [("limit", "Reply in exactly 3 bullets."), ("limit", "Keep each bullet to at most 20 words.")],
        ),
        (
            "Si la pregunta no es sobre nuestros productos, responde: 'Solo puedo ayudarte con eso.'",
            [("language", "Always reply in Spanish."),
             ("fallback", 'When this applies ("Si la pregunta no es sobre nuestros productos"), reply exactly: '
              '"Solo puedo ayudarte con eso."')],
        ),
    ],
)  # fmt: skip
def test_quotes_dashes_and_parts(task: str, expected: list[tuple[str, str]]) -> None:
    assert kinds_and_texts(task) == expected
