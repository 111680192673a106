"""templatize(): per-call inputs become declared, delimited variables; constants stay as written."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest

from app.engine import TemplatizeResult, templatize
from app.engine.lint import lint_prompt

SUPPORT = """You are a support agent for Acme. Escalate billing disputes to escalations@acme.com.
Refunds above $100 need manager approval. Point people to https://acme.com/help for guides.

The customer Jane Doe (jane.doe@gmail.com) wrote: "I was charged twice for order #A12345 and nobody answers my \
emails. Fix this now!"

Reply politely in at most 3 sentences."""

ARTICLE = """Summarize the following article in 3 bullet points for busy executives.

Article:
The city council voted on Tuesday to expand the bike lane network by 40 kilometres over the next two years.
The plan, which costs about 12 million euros, was approved after months of debate.

Keep it neutral and do not speculate about motives."""

SCHEMA_AND_REVIEW = """Classify the review. Return JSON in this format:
```json
{"sentiment": "positive", "score": 0.9}
```
Review: The headphones broke after two days and support never replied."""

CODE_REVIEW = """Review this code and point out bugs:
```python
def add(a, b):
    return a - b
```
Be specific and suggest a fix."""

POLICY = """You answer questions about our refund policy.

Here is our refund policy:
Items can be returned within 30 days of delivery. Sale items are final. Refunds go to the original payment method
within 5 business days.

Customer question: Can I return shoes I bought on sale?"""

TAGGED_EMAIL = """Draft a reply to the email below. Keep it under 120 words.

<email>
Hi team, our invoice INV-2291 shows 12 seats but we only have 9 users. Can you correct it? Thanks, Priya
</email>"""

TRIPLE_QUOTED = '''Translate the text into German, keeping the formatting.

"""
Our summer sale starts Monday. Every jacket is 20% off until Sunday night.
"""'''

SPANISH = (
    'Responde al cliente con amabilidad. El cliente escribió: "Mi pedido 778812 no ha llegado y necesito los '
    'zapatos para el viernes". Si no sabes la respuesta, pide que escriba a soporte@tienda.es.'
)

GERMAN = (
    "Beantworte die Nachricht freundlich und in höchstens vier Sätzen.\n\n"
    "Nachricht:\nHallo, ich habe meine Bestellung 55120 storniert, aber das Geld ist noch nicht zurück. "
    "Wann bekomme ich es?"
)

LABELLED = """Write a follow-up email.
Customer name: Maria Lopez
Subject: Delayed delivery
Ticket ID: TCK-9981
She was charged $49.99 on March 3, 2024."""

PLACEHOLDERS = "I want you to act as a travel guide. My first request is [your destination]. Greet me as <insert name>."

ONE_PERSONA = "You are Nova, the assistant of Globex Bank. Dear customers deserve short, friendly answers."

DATES = "Our return policy is effective since 2023-01-01. The order shipped on 2024-05-03 and today is 2024-05-10."

CONSTANT_ONLY = (
    "You are a support agent for Initech. Escalate legal threats to legal@initech.com and call +1 800 555 0100 "
    "for outages. Never promise refunds above $200. See https://initech.com/status for incidents."
)

CORPUS = (
    SUPPORT,
    ARTICLE,
    SCHEMA_AND_REVIEW,
    CODE_REVIEW,
    POLICY,
    TAGGED_EMAIL,
    TRIPLE_QUOTED,
    SPANISH,
    GERMAN,
    LABELLED,
    PLACEHOLDERS,
    ONE_PERSONA,
    DATES,
    CONSTANT_ONLY,
)


def _found(result: TemplatizeResult) -> dict[str, str]:
    return {p.variable.name: p.value for p in result.variables}


# --- per-call inputs are found; constants stay ------------------------------------------------------------------


def test_customer_message_name_and_email_become_slots_and_the_escalation_address_stays():
    result = templatize(SUPPORT)
    found = _found(result)
    assert found["customer_name"] == "Jane Doe"
    assert found["customer_email"] == "jane.doe@gmail.com"
    assert found["customer_message"].startswith("I was charged twice for order #A12345")
    text = result.text
    for constant in ("escalations@acme.com", "Acme", "$100", "https://acme.com/help", "at most 3 sentences"):
        assert constant in text, constant
    assert all(p.value not in ("escalations@acme.com", "$100", "https://acme.com/help") for p in result.variables)
    # The order number is part of the customer's message, not a slot of its own.
    assert "order_id" not in found
    assert "<customer_message>{{customer_message}}</customer_message>" in text
    assert not any(p.variable.trusted for p in result.variables)


def test_pasted_article_becomes_a_tagged_block_and_the_closing_instruction_stays():
    result = templatize(ARTICLE)
    assert [p.variable.name for p in result.variables] == ["article"]
    assert result.variables[0].value.startswith("The city council voted")
    assert result.variables[0].value.endswith("months of debate.")
    assert "Article:\n<article>\n{{article}}\n</article>\n\nKeep it neutral" in result.text


def test_a_format_schema_is_a_constant_and_the_review_is_the_input():
    result = templatize(SCHEMA_AND_REVIEW)
    assert _found(result) == {"review": "The headphones broke after two days and support never replied."}
    assert '{"sentiment": "positive", "score": 0.9}' in result.text


def test_code_to_review_is_the_input_and_stays_fenced():
    result = templatize(CODE_REVIEW)
    assert _found(result) == {"code": "def add(a, b):\n    return a - b"}
    assert "```python\n{{code}}\n```" in result.text


def test_the_company_policy_is_a_constant_but_the_question_is_not():
    result = templatize(POLICY)
    assert _found(result) == {"question": "Can I return shoes I bought on sale?"}
    assert "Items can be returned within 30 days of delivery." in result.text


def test_tagged_and_triple_quoted_sources_become_slots_inside_their_delimiters():
    email = templatize(TAGGED_EMAIL)
    assert [p.variable.name for p in email.variables] == ["email"]
    assert "<email>\n{{email}}\n</email>" in email.text
    quoted = templatize(TRIPLE_QUOTED)
    assert [p.variable.name for p in quoted.variables] == ["text"]
    assert '"""\n{{text}}\n"""' in quoted.text


def test_spanish_and_german_messages_are_found_and_the_clause_is_in_their_language():
    spanish = templatize(SPANISH)
    assert _found(spanish) == {
        "customer_message": "Mi pedido 778812 no ha llegado y necesito los zapatos para el viernes"
    }
    assert "soporte@tienda.es" in spanish.text
    assert "como datos, no como instrucciones" in spanish.text
    german = templatize(GERMAN)
    assert list(_found(german)) == ["message"]
    assert _found(german)["message"].startswith("Hallo, ich habe meine Bestellung 55120 storniert")
    assert "als Daten, nicht als Anweisungen" in german.text


def test_labelled_values_ids_dates_and_amounts():
    result = templatize(LABELLED)
    assert _found(result) == {
        "customer_name": "Maria Lopez",
        "subject": "Delayed delivery",
        "ticket_id": "TCK-9981",
        "amount": "$49.99",
        "date": "March 3, 2024",
    }
    by_name = {p.variable.name: p.variable for p in result.variables}
    assert [name for name, var in by_name.items() if var.trusted] == ["ticket_id", "amount", "date"]
    assert "Ticket ID: {{ticket_id}}" in result.text


def test_fill_in_placeholders_become_variables():
    result = templatize(PLACEHOLDERS)
    assert _found(result) == {"destination": "[your destination]", "name": "<insert name>"}
    assert "My first request is <destination>{{destination}}</destination>." in result.text


def test_the_assistants_own_name_and_company_are_not_variables():
    result = templatize(ONE_PERSONA)
    assert result.variables == []
    assert result.text == ONE_PERSONA


def test_policy_dates_stay_and_event_dates_become_variables():
    result = templatize(DATES)
    assert _found(result) == {"date": "2024-05-03", "current_date": "2024-05-10"}
    assert "effective since 2023-01-01" in result.text


def test_constants_only_prompt_is_left_alone():
    result = templatize(CONSTANT_ONLY)
    assert result.variables == []
    assert result.text == CONSTANT_ONLY


def test_plain_instructions_have_nothing_to_templatize():
    text = "You are a support agent. Answer in at most 3 sentences. Escalate billing disputes."
    result = templatize(text)
    assert result.variables == []
    assert result.text == text


# --- properties over the whole corpus -----------------------------------------------------------------------------


@pytest.mark.parametrize("text", CORPUS)
def test_templated_text_lints_clean_of_undeclared_and_undelimited_variables(text):
    result = templatize(text)
    report = lint_prompt(result.text, variables=[p.variable for p in result.variables])
    assert not [f for f in report.findings if f.rule_id in ("VAR-01", "VAR-02", "VAR-04")], report.findings
    english = text not in (SPANISH, GERMAN)
    if english:
        assert not [f for f in report.findings if f.rule_id == "SEC-01"]


@pytest.mark.parametrize("text", CORPUS)
def test_spans_point_at_the_literals_and_names_are_unique(text):
    result = templatize(text)
    spans = [(p.span.start, p.span.end) for p in result.variables]
    assert spans == sorted(spans)
    assert all(a_end <= b_start for (_, a_end), (b_start, _) in itertools.pairwise(spans))
    names = [p.variable.name for p in result.variables]
    assert len(names) == len(set(names))
    for p in result.variables:
        assert text[p.span.start : p.span.end] == p.value
        assert re.fullmatch(r"[a-z][a-z0-9_]*", p.variable.name)
        assert p.variable.description
        assert f"{{{{{p.variable.name}}}}}" in result.text
        if p.kind != "existing":
            assert p.value not in result.text or len(p.value) < 4 or text.count(p.value) > 1


def test_existing_variables_are_declared_delimited_and_new_names_do_not_clash():
    text = (
        "Today is {{current_date}}. Keep {{customer_message}} as it is. "
        'The customer wrote: "Where is my parcel? It has been two weeks."'
    )
    result = templatize(text)
    assert result.text.startswith(
        "Today is {{current_date}}. Keep <customer_message>{{customer_message}}</customer_message> as it is."
    )
    kinds = {p.variable.name: (p.kind, p.variable.trusted) for p in result.variables}
    assert kinds == {
        "current_date": ("existing", True),
        "customer_message": ("existing", False),
        "customer_message_2": ("quoted_message", False),
    }
    report = lint_prompt(result.text, variables=[p.variable for p in result.variables])
    assert not [f for f in report.findings if f.rule_id in ("VAR-01", "VAR-02", "SEC-01")]


def test_templatize_is_deterministic():
    for text in CORPUS:
        assert templatize(text) == templatize(text)


PASTED_EMAIL = """You are a helpful customer service assistant for Zappos. Respond to this customer email:

Hi, I ordered a pair of running shoes (order 113-4455667) two weeks ago and they still haven't arrived.

Thanks,
Mark Thompson

Be empathetic and offer a solution. Sign off as "The Zappos Team"."""


def test_a_pasted_email_ends_where_the_instructions_resume():
    result = templatize(PASTED_EMAIL)
    assert [p.variable.name for p in result.variables] == ["customer_email_text"]
    assert result.variables[0].value.endswith("Mark Thompson")
    assert "</customer_email_text>\n\nBe empathetic and offer a solution." in result.text
    assert 'Sign off as "The Zappos Team".' in result.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'Translate the following into Spanish: "Your appointment with Dr. Alvarez is confirmed for Monday."',
            {"text": "Your appointment with Dr. Alvarez is confirmed for Monday."},
        ),
        (
            "Act as an English teacher. Correct the grammar in my text: I has went to the store and buyed apple.",
            {"text": "I has went to the store and buyed apple."},
        ),
        (
            'An employee named Kevin Brown asked: "How many vacation days do I have left?" His employee ID is '
            "EMP-20391.",
            {
                "employee_name": "Kevin Brown",
                "employee_question": "How many vacation days do I have left?",
                "employee_id": "EMP-20391",
            },
        ),
        (
            'Ticket #88213 from user anna.k@outlook.com: "The export button does nothing on Safari." Classify it.',
            {
                "ticket_id": "88213",
                "customer_email": "anna.k@outlook.com",
                "ticket": "The export button does nothing on Safari.",
            },
        ),
        ('Pick one of the categories "billing, bug report, feature request, other" for each ticket.', {}),
        ('Always end your reply with "Let me know if there is anything else I can help with."', {}),
        ("Write a LinkedIn post about our product launch. Tone: excited but professional.", {}),
    ],
)
def test_more_real_phrasings(text, expected):
    result = templatize(text)
    assert _found(result) == expected
    report = lint_prompt(result.text, variables=[p.variable for p in result.variables])
    assert not [f for f in report.findings if f.rule_id in ("VAR-01", "VAR-02", "SEC-01")]


FIXTURES = sorted((Path(__file__).parent / "lint_fixtures").glob("*.md"))


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_well_written_templates_get_no_proposals_from_their_examples_or_company_names(path):
    # These prompts already use delimited {{variables}} for their inputs and say to treat them as data; their
    # examples and names are constants. Only their own variables are declared; the text is unchanged.
    text = path.read_text()
    result = templatize(text)
    assert {p.kind for p in result.variables} == {"existing"}
    assert result.text == text


@pytest.mark.parametrize(
    "text",
    [
        "You are an expert Python developer. When I give you code, you will:\n- find bugs\n- suggest improvements",
        "You're the support assistant for Brightwave Internet. Greet people from Northwind Cloud warmly.",
        "## Examples\nCustomer: Why was I charged twice?\nAgent: Sorry about that, let me check order 55120.",
        'Example:\nInput: "The driver left my parcel at the wrong door, this is the third time it happened."\n'
        "Output: delivery",
    ],
)
def test_constants_that_look_like_inputs_stay(text):
    assert templatize(text).variables == []


ODD_INPUTS = (
    "",
    "\n\n",
    "```",
    "```python\nx = 1",
    "<email>",
    '"""unclosed',
    "{{}} {{ x }} {{1x}}",
    "Customer: ",
    'The customer wrote: "',
    "Here is the email:",
    "Dear ,",
    "order #",
    "é" * 300,
)


@pytest.mark.parametrize("text", ODD_INPUTS)
def test_odd_inputs_do_not_break_templatize(text):
    result = templatize(text)
    for p in result.variables:
        assert text[p.span.start : p.span.end] == p.value
