"""Assistants for a specific business (a dental office, a gym, a forum): the brief's own facts beat the defaults."""

from __future__ import annotations

import pytest

from app.engine.brief import Brief, extract_entities
from app.engine.constraints import extract_constraints
from app.engine.constraints.fallback_conditions import find_condition
from app.engine.constraints.foreign_rules import translate_prohibition
from app.engine.constraints.labels import find_labels
from app.engine.constraints.phones import find_dial_numbers
from app.engine.generate import generate
from app.engine.safety import emergency_number

DENTIST = (
    "chat assistant for Bright Smile Dental in Leeds. patients ask about opening hours, booking and cancelling "
    "appointments. never give a dental diagnosis. if someone has severe swelling, bleeding that won't stop or "
    "trouble breathing tell them to call 999 immediately. for anything else you can't answer, give them our "
    "number 0113 496 0000."
)


def test_a_chat_assistant_gets_the_message_as_a_user_turn_not_a_ticket_slot() -> None:
    result = generate(Brief(task=DENTIST, target="claude"))
    assert "{{ticket}}" not in result.prompt
    assert "<ticket>" not in result.prompt
    assert not any(v.name == "ticket" for v in result.variables)


def test_a_ticket_queue_keeps_its_ticket_slot() -> None:
    result = generate(Brief(task="Draft replies to support tickets for Acme's billing team.", target="claude"))
    assert "{{ticket}}" in result.prompt


def test_the_briefs_emergency_number_replaces_the_generic_one() -> None:
    prompt = generate(Brief(task=DENTIST, target="claude")).prompt
    assert "call 999 now" in prompt
    assert "local emergency number" not in prompt


def test_defaults_fit_a_business_without_orders_or_accounts() -> None:
    prompt = generate(Brief(task=DENTIST, target="claude")).prompt
    for unfit in ("order number", "logged into my account", "at most 200 words"):
        assert unfit not in prompt
    # escalation and the example go through the brief's own number, not a hand-off that does not exist
    assert "To escalate, tell them to call 0113 496 0000." in prompt
    assert "Please call 0113 496 0000" in prompt


def test_a_topic_fallback_is_not_the_general_escalation_path() -> None:
    task = "chat bot for our gym. if someone wants to cancel their membership send them to members@gym.example"
    prompt = generate(Brief(task=task, target="claude")).prompt
    assert "To escalate, tell them to email" not in prompt
    assert "members@gym.example" in prompt


@pytest.mark.parametrize(
    ("phones", "expected"),
    [
        ([("0113 496 0000", "for anything else"), ("999", "if someone has severe swelling")], "999"),
        ([("192", "Em caso de dor no peito")], "192"),
        ([("988", "if they mention suicide")], None),  # a crisis line is not the emergency service
        ([("0800 123 456", "if unsure")], None),
        ([("+44 20 7946 0000", "in an emergency")], "+44 20 7946 0000"),
    ],
)
def test_emergency_number(phones: list[tuple[str, str | None]], expected: str | None) -> None:
    assert emergency_number(phones) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "if someone has severe swelling, bleeding that won't stop or trouble breathing tell them to call 999",
            "if someone has severe swelling, bleeding that won't stop or trouble breathing",
        ),
        ("If the customer is angry, apologise and offer a callback", "If the customer is angry"),
        ("if unsure, tell them to email a@b.example", "if unsure"),
    ],
)
def test_a_condition_keeps_its_own_list(text: str, expected: str) -> None:
    assert find_condition(text) == expected


@pytest.mark.parametrize(
    ("text", "values"),
    [
        (
            "Labels (pick exactly one): 1) OK 2) SPAM 3) HARASSMENT 4) OFF_TOPIC.",
            ["OK", "SPAM", "HARASSMENT", "OFF_TOPIC"],
        ),
        ("Categorise each ticket as one of: 1. billing 2. bug 3. other", ["billing", "bug", "other"]),
    ],
)
def test_inline_numbered_label_lists(text: str, values: list[str]) -> None:
    found = find_labels(text)
    assert found is not None
    assert found.values == values


def test_numbered_steps_are_not_labels() -> None:
    assert find_labels("Steps: 1. read the ticket 2. classify it") is None


def test_portuguese_or_is_not_a_label_set() -> None:
    text = "Em caso de dor no peito, falta de ar ou pensamentos suicidas, mande ligar 192 imediatamente."
    assert find_labels(text) is None


def test_brief_labels_replace_the_moderators_default_categories() -> None:
    task = "Moderate comments on a cooking forum. Labels (pick exactly one): 1) OK 2) SPAM 3) HARASSMENT 4) OFF_TOPIC."
    prompt = generate(Brief(task=task, target="claude")).prompt
    assert "content moderator" in prompt
    assert "OFF_TOPIC" in prompt
    for default in ("self_harm", '"review"', "allow, remove or review"):
        assert default not in prompt


def test_a_standard_number_is_not_a_phone_number() -> None:
    assert find_dial_numbers("felder: rechnungsnummer, datum (ISO 8601), netto") == []
    assert find_dial_numbers("Störungshotline 0800 123 4567")[0].value == "0800 123 4567"


def test_a_prohibition_keeps_its_alternative() -> None:
    task = "gym bot. it should NEVER give diet advice, just say to talk to one of our trainers."
    texts = [c.text for c in extract_constraints(Brief(task=task)) if c.kind == "prohibition"]
    assert texts == ["Never give diet advice; instead, tell them to talk to one of our trainers."]


def test_two_foreign_prohibitions_joined_by_nor() -> None:
    assert (
        translate_prohibition("Nunca faça diagnóstico nem indique remédios")
        == "Never make diagnoses or recommend medication."
    )


@pytest.mark.parametrize(
    ("task", "organization"),
    [
        ("ok so we run IronWorks Gym (3 locations) and i want a bot", "IronWorks Gym"),
        ("we are a bike shop called Spoke & Chain in Bristol", "Spoke & Chain"),
    ],
)
def test_organization_after_run_or_called(task: str, organization: str) -> None:
    assert extract_entities(task).organization == organization


@pytest.mark.parametrize(
    ("task", "contradiction"),
    [
        (
            "Socratic maths tutor. Never give the final answer; ask one guiding question at a time.",
            "full worked solution",
        ),
        ("Review pull requests. Don't comment on style, we run ruff for that.", "style preferences"),
        ("Translate product pages from English into German. Output only the translation.", "translator's note"),
    ],
)
def test_defaults_that_prescribe_what_the_brief_forbids_are_dropped(task: str, contradiction: str) -> None:
    assert contradiction not in generate(Brief(task=task, target="claude")).prompt


def test_a_single_symbol_prohibition_reads_as_a_rule() -> None:
    texts = [
        c.text for c in extract_constraints(Brief(task="Use Swiss spelling (ss, never ß).")) if c.kind == "prohibition"
    ]
    assert texts == ["Never use ß."]


@pytest.mark.parametrize(
    ("task", "expected"),
    [
        (
            "Summarize the transcript, then draft the email. Summary: at most 5 bullets. Email: under 150 words.",
            ["Keep the summary to at most 5 bullets.", "Keep the email to at most 150 words."],
        ),
        ("Bedtime stories for kids. Max 150 words per story.", ["Keep each story to at most 150 words."]),
        ("Answer questions. Length: under 100 words.", ["Keep the reply to at most 100 words."]),
    ],
)
def test_limits_narrowed_by_a_heading_or_a_noun(task: str, expected: list[str]) -> None:
    assert [c.text for c in extract_constraints(Brief(task=task)) if c.kind == "limit"] == expected


def test_later_imperative_sentences_are_requirements_in_the_users_words() -> None:
    task = (
        "Answer tenant questions using only the handbook excerpts provided. Cite the section like [§ 4.2]. "
        "Say once, at the start, that this is general information and not legal advice."
    )
    found = extract_constraints(Brief(task=task))
    assert [c.text for c in found if c.kind == "requirement"] == [
        "Cite the section like [§ 4.2].",
        "Say once, at the start, that this is general information and not legal advice.",
    ]
    # words to say are not a prohibition
    assert not [c for c in found if c.kind == "prohibition"]


def test_the_briefs_citation_style_replaces_the_default_example() -> None:
    task = "Answer tenant questions using only the handbook excerpts provided. Cite the section like [§ 4.2]."
    prompt = generate(Brief(task=task, target="claude")).prompt
    assert "[Doc 2, Section 3]" not in prompt
    assert "inline citations like [§ 4.2]" in prompt
    assert "vacation days" not in prompt  # an HR example does not fit a tenant handbook


def test_a_dash_alternative_after_a_prohibition_is_kept() -> None:
    task = 'Summarise postmortems. Don\'t speculate about root cause — say "root cause pending" instead.'
    texts = [c.text for c in extract_constraints(Brief(task=task))]
    assert 'Say "root cause pending" instead.' in texts


def test_nothing_scary_is_a_prohibition() -> None:
    texts = [c.text for c in extract_constraints(Brief(task="Stories for kids. Nothing scary, no violence."))]
    assert "Avoid anything scary." in texts
    assert "Avoid violence." in texts


def test_plain_word_tools_beside_code_like_ones_and_their_order() -> None:
    task = (
        "DevOps assistant with restart_service(name), get_status(name) and rollback(deploy_id). "
        "Always call get_status before restart_service."
    )
    found = extract_constraints(Brief(task=task))
    assert [c.name for c in found if c.kind == "tool"] == ["restart_service", "get_status", "rollback"]
    assert not [c for c in found if c.kind == "fields"]
    assert "Call get_status before restart_service." in [c.text for c in found if c.kind == "ordering"]


def test_builder_directed_words_leave_the_instruction() -> None:
    task = "Answer HR questions. pls make the bot answer ONLY from the handbook text we paste in."
    requirements = [c.text for c in extract_constraints(Brief(task=task)) if c.kind == "requirement"]
    assert requirements == ["Answer ONLY from the handbook text we paste in."]


def test_a_condition_loses_the_modal_of_its_action() -> None:
    task = 'Answer from the handbook. if its not in there it should say "Please ask HR" exactly like that.'
    fallback = next(c for c in generate(Brief(task=task)).constraints if c.kind == "fallback")
    assert fallback.condition == "if it's not in there"


def test_a_default_count_gives_way_to_the_briefs_own() -> None:
    task = (
        "Act as an interviewer for a junior developer role. "
        "After 6 questions, give feedback: 3 strengths and 3 things to improve."
    )
    prompt = generate(Brief(task=task, target="claude")).prompt
    assert "two strengths" not in prompt
    assert "3 strengths and 3 things to improve" in prompt


# Findings of the hostile review of these changes: each must stay fixed.


@pytest.mark.parametrize(
    "task",
    [
        "Chat assistant for a city health clinic website. For non-emergency city services, tell them to call 311.",
        "Pharmacy chat assistant. For billing questions call extension 204.",
        "Telehealth chat assistant. For urgent billing issues call 0800 123 456.",
        "Support chat assistant for a mental health app. For tech support, call 611.",
    ],
)
def test_a_service_line_never_becomes_the_emergency_number(task: str) -> None:
    prompt = generate(Brief(task=task, target="claude")).prompt
    assert "local emergency number" in prompt


def test_typo_and_tools_in_one_brief_keep_every_span_valid() -> None:
    from app.engine.spec import Tool

    brief = Brief(
        task="Support asistant for Acme.",
        constraints=["pls keep replys under 50 words"],
        tools=[Tool(name="lookup_order", purpose="Find an order."), Tool(name="issue_refund", purpose="Refund.")],
    )
    result = generate(brief)
    for constraint in result.constraints:
        span = constraint.span
        assert span is not None
        if span.field == "constraints":
            assert span.index is not None
            assert brief.constraints[span.index][span.start : span.end] == span.text


def test_lint_with_brief_spans_point_into_the_submitted_prompt() -> None:
    from app.engine.generate import brief_fidelity

    prompt = "pls pls pls thx dont alot. Use markdown headings."
    findings = brief_fidelity(Brief(task="Answer questions.", constraints=["Never use markdown."]), prompt)
    spans = [f.span for f in findings if f.span is not None]
    assert spans
    assert all("markdown" in prompt[s.start : s.end].lower() for s in spans)


@pytest.mark.parametrize(
    "task",
    [
        "Résume les informations dont le client a besoin.",
        "Rispondi a tutti i clienti, non dare mai i prezzi.",
        "Explain Python loops: for i in range(n), where i is the index.",
        "Keep the DONT-CALL list private and never Send PLS codes.",
    ],
)
def test_correction_leaves_other_languages_code_and_acronyms_alone(task: str) -> None:
    from app.engine.spelling import correct_brief

    assert correct_brief(Brief(task=task)).edits == {}


def test_descriptive_sentences_are_not_requirements() -> None:
    task = (
        "You translate legal contracts. State law differs across the US. Address fields are often missing. "
        "Order matters to our customers. Be aware that many emails are spam. Note that ours is a B2B business."
    )
    assert not [c for c in extract_constraints(Brief(task=task)) if c.kind == "requirement"]


@pytest.mark.parametrize(
    ("task", "expected"),
    [
        ("When citing, include the year (2020 style). Answer from the docs.", "[Doc 2, Section 3]"),
        ("Answer from the contract. Cite clauses as (Clause 7.2).", "(Clause 7.2)"),
    ],
)
def test_only_a_stated_citation_example_replaces_the_default(task: str, expected: str) -> None:
    from app.engine.compose.plan import citation_style

    assert citation_style(task, []) == expected


def test_numbered_steps_after_a_triage_word_are_not_labels() -> None:
    assert find_labels("Triage emails: 1. read the email. 2. decide urgency. 3. draft a reply.") is None


def test_a_dash_alternative_and_an_oxford_comma_condition_are_kept() -> None:
    task = (
        "Support bot. Never promise refunds - say the team will review it. "
        "If the customer is angry, mentions a lawyer, or wants to cancel, tell them to email help@acme.com."
    )
    texts = [c.text for c in extract_constraints(Brief(task=task))]
    assert "Never promise refunds; instead, say the team will review it." in texts
    fallback = next(c for c in extract_constraints(Brief(task=task)) if c.kind == "fallback")
    assert fallback.condition == "If the customer is angry, mentions a lawyer, or wants to cancel"


def test_headings_scope_limits_in_constraint_items_too() -> None:
    brief = Brief(task="Summarize and email.", constraints=["Summary: at most 3 bullets", "Details: under 200 words"])
    assert [c.text for c in extract_constraints(brief) if c.kind == "limit"] == [
        "Keep the summary to at most 3 bullets.",
        "Keep the details to at most 200 words.",
    ]


def test_a_web_form_support_assistant_is_not_a_live_chat() -> None:
    task = (
        "Support assistant that answers complaints submitted through our web form; "
        "each answer is sent by email the next day."
    )
    prompt = generate(Brief(task=task, target="claude")).prompt
    assert "Short chat replies" not in prompt
    assert "the labels listed in <labels>" not in prompt


def test_what_the_brief_forbids_does_not_make_the_job() -> None:
    task = (
        "Companion for a journaling app. After the user writes an entry, reply with a warm reflection of 2-4 "
        'sentences and one gentle question. You are not a therapist: no diagnoses, no labels like "depression" '
        'or "anxiety disorder".'
    )
    result = generate(Brief(task=task, target="claude"))
    assert result.archetypes[0].id != "classification"
    assert "{{labels}}" not in result.prompt


def test_a_vet_clinic_gets_the_animal_pack_not_the_human_one() -> None:
    task = (
        "chat bot for our vet clinic. never tell people what dose of a medicine to give their pet. if the animal "
        "is having an emergency (not breathing, bleeding a lot, poisoning, seizure) tell them to call our "
        "emergency line 555-0142 right away."
    )
    result = generate(Brief(task=task, target="claude"))
    assert "chest pain" not in result.prompt
    assert "pharmacist" not in result.prompt
    assert "call 555-0142 now" in result.prompt
    fallback = next(c for c in result.constraints if c.kind == "fallback")
    assert (
        fallback.condition == "if the animal is having an emergency (not breathing, bleeding a lot, poisoning, seizure)"
    )


def test_each_item_fields_with_a_value_list_make_an_array_schema() -> None:
    task = (
        "Review pull request diffs. Return a JSON array; each item has file, line, severity "
        "(one of: blocker, major, nit) and comment."
    )
    result = generate(Brief(task=task, target="claude"))
    fields = next(c for c in result.constraints if c.kind == "fields")
    assert [v.split(" (")[0] for v in fields.values] == ["file", "line", "severity", "comment"]
    labels = next(c for c in result.constraints if c.kind == "labels")
    assert labels.scope == "severity label"
    schema = result.spec.output_format.json_schema
    assert schema is not None
    assert schema["type"] == "array"
    assert set(schema["items"]["properties"]) == {"file", "line", "severity", "comment"}


def test_a_sloppy_fabrication_one_liner_gets_errors_that_say_what_to_fix() -> None:
    from app.engine.lint import lint_prompt

    report = lint_prompt(
        "you are a helpful assistant for our shop. answer everything, never say you dont know, "
        "make up something if needed"
    )
    fabrication = [f for f in report.findings if f.rule_id == "SAF-02"]
    assert len(fabrication) == 2
    assert report.score <= 60


def test_a_german_no_names_rule_drops_the_keep_names_default() -> None:
    task = (
        "Fasse Protokolle von Betriebsratssitzungen zusammen. Genau 5 Stichpunkte. "
        "Nenne keine Namen einzelner Mitarbeiter."
    )
    prompt = generate(Brief(task=task, target="claude")).prompt
    assert "Do not mention names." in prompt
    assert "Keep names" not in prompt


def test_what_the_owner_does_not_want_is_a_plain_prohibition() -> None:
    task = (
        'Bakery chat bot. We do not want the bot to say something is "safe" for people with allergies. '
        "I don't want it to promise delivery times. I don't know much about SQL."
    )
    texts = [c.text for c in extract_constraints(Brief(task=task)) if c.kind == "prohibition"]
    assert texts == ['Never say something is "safe" for people with allergies.', "Never promise delivery times."]


def test_a_review_label_takes_ties_and_unsure_cases() -> None:
    task = "Moderate forum posts. Labels: allow, review, remove. Output the label only."
    prompt = generate(Brief(task=task, target="claude")).prompt
    assert 'choose "review" (a person then decides)' in prompt
    assert 'Return the label "review", so that a person decides.' in prompt
    assert "listed first in the label set" not in prompt


def test_without_a_review_label_the_tie_break_is_the_first_label() -> None:
    task = "Classify support emails as billing, bug or other. Output the label only."
    prompt = generate(Brief(task=task, target="claude")).prompt
    assert "choose the one listed first in the label set" in prompt


@pytest.mark.parametrize(
    "task",
    [
        'Moderate posts. Labels: allow, review, remove. Output JSON {"label": "...", "reason": "..."}, '
        "reason at most 30 characters.",
        '帖子审核。输出 JSON：{"label": "...", "reason": "..."}， reason 不超过 30 个字。',
    ],
)
def test_a_limit_after_a_field_name_limits_that_field(task: str) -> None:
    limit = next(c for c in extract_constraints(Brief(task=task)) if c.kind == "limit")
    assert limit.scope == "the reason field"


def test_declared_tools_keep_their_parameters_when_the_task_names_them() -> None:
    from app.engine.spec import Tool

    brief = Brief(
        task="Booking agent. Always call hold_seat before charge_card.",
        tools=[
            Tool(name="hold_seat", purpose="Hold a seat.", parameters=["flight_id", "passenger_name"]),
            Tool(name="charge_card", purpose="Charge the card.", parameters=["hold_id", "amount"]),
        ],
    )
    found = [c for c in extract_constraints(brief) if c.kind == "tool"]
    assert [(c.name, c.parameters) for c in found] == [
        ("hold_seat", ["flight_id", "passenger_name"]),
        ("charge_card", ["hold_id", "amount"]),
    ]
