"""Guards from the hostile review of this session's engine changes (lists, teens, contacts, foreign extraction): the
probes that misfired, kept as tests so the narrowed rules stay narrow."""

from __future__ import annotations

import pytest

from app.engine import Brief, generate
from app.engine.compose.json_reply import asks_json_array
from app.engine.compose.rule_lines import instructs
from app.engine.constraints import Constraint, extract_constraints
from app.engine.constraints.foreign_rules import translate_prohibition
from app.engine.job_choice import classify_brief
from app.engine.safety import detect_domains


def _prompt(task: str) -> str:
    prompt = generate(Brief(task=task, target="claude")).prompt
    assert isinstance(prompt, str)
    return prompt


def _rules(prompt: str) -> list[str]:
    return [line.split(". ", 1)[1] for line in prompt.splitlines() if line[:1].isdigit() and ". " in line[:4]]


def _kinds(task: str, kind: str) -> list[Constraint]:
    return [c for c in extract_constraints(Brief(task=task)) if c.kind == kind]


@pytest.mark.parametrize("heading", ["Do not:", "Avoid:", "Things to avoid:", "Nunca:"])
def test_items_under_a_negative_heading_stay_forbidden(heading: str) -> None:
    task = f"Chat helper for Petals florist.\n{heading}\n- use emojis\n- give discounts unless the manager says so"
    rules = _rules(_prompt(task))
    assert not any(rule.lower().startswith(("use emojis", "give discounts", "uses emojis")) for rule in rules), rules


def test_items_under_a_subject_heading_keep_their_subject() -> None:
    prompt = _prompt(
        "Front desk bot for Riverside Leisure Centre.\nSwimming pool:\n- open 7am-9pm weekdays\n"
        "- no outdoor shoes on poolside\nGym:\n- induction needed before first visit\n- 16+ only"
    )
    assert "Gym: induction needed before first visit; 16+ only" in prompt
    assert "Swimming pool: open 7am-9pm weekdays" in prompt


def test_a_rule_list_under_a_plain_lead_is_not_one_run_on_rule() -> None:
    prompt = _prompt(
        "Help customers of Bakewell Bakery.\nImportant, please stick to this:\n- never promise nut-free\n"
        "- keep answers short and cheerful\nWe are open 8-4."
    )
    assert "Keep answers short and cheerful." in _rules(prompt)
    assert "cheerful We are open" not in prompt


@pytest.mark.parametrize(
    "sentence",
    [
        "Sound Garden Studios is a rehearsal studio in Leeds.",
        "Max, the owner, handles all the bookings himself.",
        "Most enquiries go to the front desk staff anyway.",
        "Every plot holder needs a key fob to get in.",
        "Context: refund disputes go to the billing team.",
        "Plain English notes from agents have been a problem.",
    ],
)
def test_background_facts_are_no_rules(sentence: str) -> None:
    assert not instructs(sentence)


@pytest.mark.parametrize(
    "sentence",
    ["Max 90 words per reply, talk like a person.", "Every migration needs a working downgrade().",
     "Refunds over $150 need a human: hand off to a human agent."],
)  # fmt: skip
def test_rules_that_look_like_facts_are_rules(sentence: str) -> None:
    assert instructs(sentence)


def test_a_sign_off_after_a_blank_line_stays_with_its_lead() -> None:
    prompt = _prompt(
        "Reply to customer emails for Hearth & Home. Always sign off with\n\nKind regards,\nThe Hearth & Home team"
    )
    assert "Always sign off with Kind regards, The Hearth & Home team." in prompt


def test_a_markdown_heading_is_no_detail() -> None:
    prompt = _prompt("Bot for Tern Cycles.\n## Rules\n- be kind\n- never quote prices\n## Pricing\nWe charge £5.")
    assert "## Rules" not in prompt
    assert "## Pricing" not in prompt


def test_a_deployment_sentence_does_not_make_a_classifier_a_support_agent() -> None:
    task = (
        "Support assistant for agents at Fibrenet. Classify each incoming chat into outage, billing, moving_house, "
        "cancel or other, and return only the label."
    )
    assert classify_brief(Brief(task=task))[0].id == "classification"


@pytest.mark.parametrize(
    "task",
    [
        "Route each ticket to one intent: order.status, order.cancel, account.login, other",
        "Tag each question with its framework: react, vue.js, angular, node.js",
    ],
)
def test_dotted_labels_are_labels(task: str) -> None:
    assert _kinds(task, "labels")


def test_unquoted_status_values_in_a_classifier_are_its_labels() -> None:
    task = (
        "Classify each order email. Status values are: placed, shipped, delivered, returned. Reply with the status "
        "only."
    )
    [labels] = _kinds(task, "labels")
    assert labels.values == ["placed", "shipped", "delivered", "returned"]


@pytest.mark.parametrize(
    "text",
    [
        "Extract invoice data as JSON: invoice_number, total, line_items. line_items is a list with one object per "
        "line.",
        "For actions, give one object per action item.",
    ],
)
def test_one_object_per_item_of_a_key_is_no_array_reply(text: str) -> None:
    assert not asks_json_array(text)


def test_a_fields_value_set_goes_to_the_field_it_names() -> None:
    result = generate(
        Brief(
            task="Extract vendor, date, status, total and payment_status from each invoice as JSON. The payment "
            "status is one of: paid, unpaid, overdue.",
            target="claude",
        )
    )
    schema = result.spec.output_format.json_schema
    assert schema is not None
    properties = schema["properties"]
    assert properties["payment_status"]["enum"] == ["paid", "unpaid", "overdue", None]
    assert "enum" not in properties["status"]


def test_a_verdict_key_keeps_the_reply_label() -> None:
    prompt = _prompt(
        'Screen new sign-up bios on a dating app. Output JSON {"action": "allow" | "review" | "block", "reasons": []}.'
    )
    assert "Policy categories: hate" not in prompt


@pytest.mark.parametrize(
    ("task", "joined"),
    [
        (
            "Pet questions for Willow Vets. If a pet ate something toxic, call us on 01234 567890 and if we're closed "
            "call the Animal PoisonLine 01202 509000.",
            "call 01234 567890 and 01202 509000",
        ),
        (
            "Help tenants of Elm Court. If you smell gas, call 0800 111 999 (free of charge, 24 hours) and email "
            "safety@elmcourt.example.",
            "call 0800 111 999 or email",
        ),
    ],
)
def test_contacts_are_not_merged_across_a_case_or_joined_with_the_wrong_word(task: str, joined: str) -> None:
    assert joined not in _prompt(task)


@pytest.mark.parametrize(
    "task",
    [
        "Homework helper for pupils at Oakfield primary school. Half term is 14 to 18 February.",
        "Bedtime story bot for our pupils at school. Stories are 13-15 minutes long.",
    ],
)
def test_dates_and_durations_are_no_teen_ages(task: str) -> None:
    assert "teens" not in detect_domains([task])


def test_a_health_helpline_for_medical_equipment_users_keeps_the_health_pack() -> None:
    task = "Helpline bot for people who use home medical equipment. Tell them what to do if they feel breathless."
    assert "medical" in detect_domains([task])


@pytest.mark.parametrize(
    "task",
    [
        "Tutor de matemáticas para 2º de ESO: explica cómo extraer la raíz cuadrada paso a paso.",
        "Nachhilfe in Chemie: erkläre, wie man beim Extrahieren von Koffein vorgeht.",
    ],
)
def test_extracting_a_root_or_a_substance_is_no_data_extraction(task: str) -> None:
    assert classify_brief(Brief(task=task))[0].id != "data_extraction"


def test_tables_beside_a_tool_are_no_tools() -> None:
    task = (
        "SQL helper for our analysts.\nTools and tables:\n- run_sql(query) - runs a read-only query\n"
        "- orders(order_id, customer_id, total)\n- customers(customer_id, name)"
    )
    names = {c.name for c in _kinds(task, "tool")}
    assert "orders" not in names
    assert "customers" not in names


def test_a_scope_heading_still_restricts() -> None:
    assert any(c.text == "Only help with billing." for c in _kinds("Support bot. Topics: billing only.", "requirement"))


@pytest.mark.parametrize(
    ("words", "english"),
    [("Nunca des la respuesta final; corrige los errores", "Never give the final answer."),
     ("No des precios del inventario", "Do not give prices.")],
)  # fmt: skip
def test_a_change_verb_elsewhere_in_the_fragment_does_not_stop_the_translation(words: str, english: str) -> None:
    assert translate_prohibition(words) == english


@pytest.mark.parametrize(
    "task",
    [
        "Role-play a tough buyer. When the rep types END, score the call 1-5 on each of: discovery, pricing, close.",
        "Rate each essay on each of the following: clarity, evidence, structure.",
    ],
)
def test_criteria_scored_each_are_no_label_set(task: str) -> None:
    assert not _kinds(task, "labels")
    assert "Label:" not in _prompt(task)


def test_one_of_is_still_a_label_set() -> None:
    assert _kinds("Tag each review with one of: praise, complaint, question.", "labels")


# Guards from the second hostile review (helper review21) of the round 19 fixes.


@pytest.mark.parametrize(
    ("task", "kept"),
    [
        ("Translate to German. Output only: the translation, no notes, no quotes.", "Output only: the translation"),
        ("Helpdesk bot. When the user says thanks, respond with just: You're welcome!", "You're welcome"),
    ],
)
def test_an_only_reply_keeps_its_words(task: str, kept: str) -> None:
    assert kept in _prompt(task)


@pytest.mark.parametrize(
    "task", ["Style = short sentences, plain words, not lecturing, not moralising", "Tone: friendly, not patronising"]
)
def test_not_x_ing_in_a_style_list_is_still_forbidden(task: str) -> None:
    assert _kinds(task, "prohibition")


@pytest.mark.parametrize(
    "task", ["Label each of these: bug, feature, question", "Tag each of them: positive, negative, neutral"]
)
def test_a_label_verb_before_each_of_keeps_the_label_set(task: str) -> None:
    assert _kinds(task, "labels")


def test_a_label_set_does_not_fill_a_key_named_earlier_in_the_sentence() -> None:
    result = generate(
        Brief(
            task="Summarise the ticket in the summary field, then classify it into: billing, technical, account. "
            'Output: {"summary": "...", "category": "..."}'
        )
    )
    schema = result.spec.output_format.json_schema
    assert schema is not None
    assert "enum" not in schema["properties"]["summary"]


def test_a_table_introduced_as_labels_gives_its_first_column() -> None:
    task = (
        "Classify incoming support tickets. Use these labels:\nlabel | meaning\n---|---\nbilling | money\n"
        "bug | broken\n"
    )
    [labels] = _kinds(task, "labels")
    assert labels.values == ["billing", "bug"]


def test_a_table_to_answer_with_stays_in_its_rule() -> None:
    prompt = _prompt(
        "Weekly report bot. Always answer with this table:\n| Metric | Value | Change |\n|---|---|---|\n"
        "| Sales | | |\n| Returns | | |\n"
    )
    assert "<reference_material>" not in prompt


def test_the_language_a_student_is_learning_is_no_mirror_rule() -> None:
    prompt = _prompt("Explain grammar in English, but give example sentences in the language the student is learning.")
    assert "Reply in the same language the user writes in" not in prompt
