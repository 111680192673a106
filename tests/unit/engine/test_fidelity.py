"""The fidelity check against hand-written prompts: each constraint kind carried, missing, and contradicted."""

from __future__ import annotations

import pytest

from app.engine.brief import Brief
from app.engine.constraints import Constraint, extract_constraints
from app.engine.fidelity import check_fidelity
from app.engine.spec import Tool


def constraints_of(task: str, **fields: object) -> list[Constraint]:
    return extract_constraints(Brief(task=task, **fields))  # type: ignore[arg-type]


def rule_ids(task: str, prompt: str, **fields: object) -> list[str]:
    return [f.rule_id for f in check_fidelity(constraints_of(task, **fields), prompt)]


ROLE = "You are the support assistant for Acme, a company that sells bikes online.\n"


# (brief, prompts that carry it, prompts that miss it, prompts that contradict it)
CASES: list[tuple[str, list[str], list[str], list[str]]] = [
    (
        "Reply in at most 3 sentences.",
        [
            "Keep every reply to three sentences or fewer.",
            "Answer in no more than 3 sentences.",
            "Your answers must be at most 3 sentences long.",
            "Limit yourself to 3 sentences max.",
        ],
        ["Be concise.", "Keep answers short and friendly."],
        ["Keep answers under 200 words.", "Reply in at most 5 sentences.", "Write 2-4 short paragraphs."],
    ),
    (
        "one line answers only",
        ["Answer in a single line.", "Each reply is exactly one line."],
        ["Answer briefly."],
        ["Use up to 3 lines.", "Keep the answer to at most 200 words."],
    ),
    (
        "no markdown, no lists",
        [
            "Write plain prose: do not use Markdown, bullet points or lists.",
            "Never use Markdown. No lists or bullet points either.",
        ],
        ["Write clearly."],
        ["Format answers in Markdown with short headings and lists.", "Use bullet points for the steps."],
    ),
    (
        "Classify each ticket as billing, bug or other.",
        [
            "Label the ticket with one of: billing, bug, other.",
            'Allowed labels: "billing", "bug", "other". Output only the label.',
        ],
        ["Label the ticket with one of: billing, other."],
        ["Choose a label from {{labels}}."],
    ),
    (
        'Return JSON like {"name": string, "email": string}',
        ['Return a JSON object: {"name": "...", "email": "..."}', "Output JSON with the keys `name` and `email`."],
        ["Return a JSON object with the contact details."],
        ['Return {"answer": "...", "confidence": 0.5}.'],
    ),
    (
        "Tools: lookup_order(order_id)",
        ["Call `lookup_order` with the order id before answering.", "Use lookup_order(order_id) to fetch orders."],
        ["Use the tool list supplied with each request."],
        [],
    ),
    (
        "If unsure, tell them to email help@acme.com.",
        [
            "If you are not sure, ask the customer to write to help@acme.com.",
            "When you can't answer, point them to HELP@acme.com.",
        ],
        ["If you are not sure, tell the customer you will find out."],
        [
            "If you are unsure, email the customer at {{support_email}}.",
            "If you don't know, say \"I don't know based on the documents.\"",
        ],
    ),
    (
        "If it's urgent, call +1 (555) 010-0199.",
        ["For urgent issues the customer should phone +1 555 010 0199.", "Urgent? Call 1-555-010-0199."],
        ["For urgent issues, call support."],
        ["Urgent issues: call {{phone_number}}."],
    ),
    (
        "When the customer is angry, offer to connect a human agent.",
        [
            "If the customer gets upset, offer to transfer them to a human agent.",
            "Escalate angry customers to a person.",
        ],
        ["Stay calm with angry customers."],
        [],
    ),
    (
        "Reply in Spanish.",
        [
            "Always answer in Spanish.",
            "Responde siempre en español.",
            # Written in Spanish (most of the prompt), with no explicit rule.
            "Eres el asistente de soporte de la tienda. Responde con amabilidad a las preguntas de los clientes "
            "sobre sus pedidos, los envíos y las devoluciones. Si no sabes la respuesta, dilo.",
        ],
        ["Answer the customer's question."],
        ["Always reply in English."],
    ),
    (
        "always answer in the customer's language",
        ["Reply in the same language the customer writes in.", "Answer in the user's language."],
        ["Answer politely."],
        [],
    ),
    (
        "Never give legal advice.",
        [
            "Do not give legal advice.",
            "You must never provide legal advice of any kind.",
            "Refuse to give legal advice.",
        ],
        ["Give advice on bikes.", "Legal questions are common."],
        [],
    ),
    (
        "Always verify the account before issuing a refund.",
        [
            "Before you issue any refund, verify the customer's account.",
            "First verify the account; only then issue the refund.",
        ],
        ["Issue refunds when asked.", "Verify the account."],
        [],
    ),
    (
        "Refunds over $500 need manager approval.",
        ["Any refund over $500 requires approval from a manager.", "Refunds above $500 need a manager's approval."],
        ["Refunds need manager approval.", "Refunds over $100 need manager approval."],
        [],
    ),
    (
        "Explain things to kids aged 8-12.",
        ["Your audience is kids aged 8 to 12.", "Write for kids (ages 8-12)."],
        ["Write for kids."],
        [],
    ),
    (
        "Use a friendly, professional tone.",
        ["Be friendly and professional.", "Tone: professional but friendly."],
        ["Be professional."],
        [],
    ),
]


@pytest.mark.parametrize(("brief", "prompts"), [(case[0], case[1]) for case in CASES])
def test_carried(brief: str, prompts: list[str]) -> None:
    for prompt in prompts:
        assert rule_ids(brief, ROLE + prompt) == [], prompt


@pytest.mark.parametrize(("brief", "prompts"), [(case[0], case[2]) for case in CASES])
def test_missing(brief: str, prompts: list[str]) -> None:
    for prompt in prompts:
        assert "FID-01" in rule_ids(brief, ROLE + prompt), prompt


@pytest.mark.parametrize(("brief", "prompts"), [(case[0], case[3]) for case in CASES if case[3]])
def test_contradicted(brief: str, prompts: list[str]) -> None:
    for prompt in prompts:
        assert "FID-02" in rule_ids(brief, ROLE + prompt), prompt


def test_contradiction_span_and_message_name_the_brief_words() -> None:
    prompt = ROLE + "Keep answers under 200 words."
    (finding,) = check_fidelity(constraints_of("Reply in at most 3 sentences."), prompt)
    assert finding.rule_id == "FID-02"
    assert finding.category == "fidelity"
    assert finding.severity == "error"
    assert finding.span is not None
    assert prompt[finding.span.start : finding.span.end] == "under 200 words"
    assert "at most 3 sentences" in finding.message
    assert finding.suggestion == "Replace it with: Keep the reply to at most 3 sentences."


def test_missing_message_quotes_the_brief() -> None:
    (finding,) = check_fidelity(constraints_of("If unsure, email help@acme.com"), ROLE + "Be kind.")
    assert finding.rule_id == "FID-01"
    assert "help@acme.com" in finding.message
    assert finding.suggestion is not None
    assert "help@acme.com" in finding.suggestion


def test_scoped_limits_do_not_contradict_the_reply_limit() -> None:
    brief = "Give 3 bullets, each under 12 words."
    prompt = ROLE + "Reply with exactly 3 bullet points. Keep each bullet under 12 words."
    assert rule_ids(brief, prompt) == []
    assert "FID-02" not in rule_ids(
        "Reply in at most 3 sentences.", ROLE + "Answer in 3 sentences or fewer. Each example stays under 40 words."
    )


def test_two_brief_units_both_allowed() -> None:
    brief = "Keep it under 150 words and at most 2 paragraphs."
    prompt = ROLE + "Write at most 2 paragraphs and no more than 150 words."
    assert rule_ids(brief, prompt) == []


def test_structured_fields_are_checked() -> None:
    fields = {
        "json_schema": {"type": "object", "properties": {"order_id": {"type": "string"}, "status": {"type": "string"}}},
        "tools": [Tool(name="search_kb", purpose="search the help center")],
        "language": "de",
    }
    good = ROLE + 'Antworte immer auf Deutsch. Nutze search_kb. Gib JSON zurück: {"order_id": "...", "status": "..."}'
    assert rule_ids("Order status bot.", good, **fields) == []
    bad = ROLE + "Answer in English. Return JSON."
    assert sorted(rule_ids("Order status bot.", bad, **fields)) == ["FID-01", "FID-01", "FID-02"]


def test_every_constraint_text_passes_its_own_check() -> None:
    """A prompt made of the constraints' own instructions carries each of them."""
    briefs = [
        Brief(task="Reply in at most 3 sentences, no markdown, no lists. If unsure, email help@acme.com."),
        Brief(task="Classify tickets as billing, bug or other. Respond only with the label."),
        Brief(task="Tools: lookup_order(order_id). Always verify the account before issuing a refund."),
        Brief(
            task="Explain science to kids aged 8-12 in a friendly tone. Never use jargon. "
            "Refunds over $500 need approval."
        ),
        Brief(task="Asistente de soporte. Responde en máximo 3 frases. Nunca menciones precios de la competencia."),
        Brief(task='Extract contacts. Return JSON like {"name": string, "email": string}. Fields: name, email'),
        Brief(
            task="Triage bot. If the user is angry, offer to connect them with a human agent. "
            "Say 'One moment.' if busy."
        ),
        Brief(task="Antworte immer auf Deutsch, höchstens 100 Wörter. Keine Anlageberatung."),
        Brief(task="お客様の質問に答えてください。3文以内で答えてください。個人情報を聞かないでください。"),
    ]
    for brief in briefs:
        constraints = extract_constraints(brief)
        prompt = "\n".join(constraint.text for constraint in constraints)
        assert check_fidelity(constraints, prompt) == [], prompt


def test_deterministic() -> None:
    constraints = constraints_of("Reply in at most 3 sentences. Never give legal advice. If unsure, email a@b.co")
    prompt = ROLE + "Use Markdown. Keep answers under 200 words."
    assert check_fidelity(constraints, prompt) == check_fidelity(constraints, prompt)


def test_empty_inputs() -> None:
    assert check_fidelity([], ROLE) == []
    assert [f.rule_id for f in check_fidelity(constraints_of("Reply in at most 3 sentences."), "")] == ["FID-01"]


def test_a_limit_on_a_named_part_is_no_default_reply_limit() -> None:
    prompt = ROLE + "Write the email body in at most 3 sentences. The subject line stays under 60 characters."
    assert rule_ids("Draft support emails, at most 3 sentences.", prompt) == []


def test_a_statement_about_the_input_length_is_no_contradiction() -> None:
    prompt = ROLE + "The customer's message can be up to 2,000 words. Reply in at most 3 sentences."
    assert rule_ids("Reply in at most 3 sentences.", prompt) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Start with a one-sentence direct answer.",
        "For each problem, explain the impact in one sentence.",
        "Begin with a one-line verdict, then list the issues.",
    ],
)
def test_a_bare_count_for_one_part_is_no_reply_limit(sentence: str) -> None:
    prompt = ROLE + "Reply in at most 3 sentences. " + sentence
    assert rule_ids("Reply in at most 3 sentences.", prompt) == []


def test_keys_match_across_naming_styles() -> None:
    brief = 'Return JSON like {"orderId": string, "refund_amount": number}'
    assert rule_ids(brief, ROLE + "Return JSON with the order_id and the refundAmount.") == []
    assert rule_ids(brief, ROLE + "Return JSON with the order id.") == ["FID-01"]


def test_limit_scoped_to_an_explanation_does_not_contradict_a_code_block() -> None:
    brief = "Postgres helper: write the query, then describe each query in one sentence."
    prompt = (
        ROLE + "Return the SQL in a fenced code block, followed by a description of exactly 1 sentence. "
        "Keep the reply under 150 words."
    )
    assert "FID-02" not in rule_ids(brief, prompt)
    # The same limit stated for the whole reply is contradicted by the 150-word budget.
    assert "FID-02" in rule_ids("Postgres helper. Reply in one sentence.", prompt)


def test_a_prohibition_kept_whole_in_the_users_capitals_is_carried() -> None:
    """The brief's two sentences kept as one rule line, the second starting lower-case as the user wrote it, carry
    the prohibition whose text capitalises each sentence; a prompt without them still misses it."""
    constraint = Constraint(
        kind="prohibition",
        text="We don't deliver further than 25 miles. Further than that -> take a message for the office.",
    )
    kept = "Rules:\n1. We don't deliver further than 25 miles. further than that -> take a message for the office."
    assert check_fidelity([constraint], kept) == []
    missing = check_fidelity([constraint], "Rules:\n1. Be polite to every caller.")
    assert [f.rule_id for f in missing] == ["FID-01"]
