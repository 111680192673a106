"""Review 63: regressions from 7c395d1 (frames, packs, examples) and 10a63de (rules kept whole)."""

from __future__ import annotations

from tests.unit.engine.reading import claude_prompt, instructions_of, section

TOURS = (
    "Booking assistant for Alpine Treks. Answer questions about routes, difficulty, gear and prices, and help people "
    "book. Every trek is led only by our certified mountain guides, so reassure nervous beginners."
)


def test_mountain_guides_who_lead_treks_are_no_document_source():
    # The brief: a booking/support bot for a trekking company; "guides" are the people who lead the treks.
    # HEAD: the new document_qa "only + source noun near a question word" cue reads "only by our certified mountain
    # guides" as a document, so the bot becomes a Q&A-from-documents assistant with a {{document}} slot, citation
    # rules and 'I don't know based on the certified mountain guides.' Passed at 85ce1a1 (customer support).
    prompt = claude_prompt(TOURS)
    assert "{{document}}" not in prompt
    assert "based on the certified mountain guides" not in prompt
    assert "[Doc 2, Section 3]" not in prompt


def test_spanish_certified_guides_are_people_not_documents():
    # The brief (Spanish): a booking assistant for an excursion agency; trips are led only by certified guides.
    # HEAD: "solo guías certificados" matches the new source-document cue, so the support bot is turned into document
    # Q&A with citations "[Doc 2, Section 3]" and a {{document}} slot. Passed at 85ce1a1.
    prompt = claude_prompt(
        "Asistente de reservas para nuestra agencia de excursiones. Responde preguntas sobre rutas, precios y horarios "
        "con amabilidad. Las excursiones las dirigen solo guías certificados."
    )
    assert "{{document}}" not in prompt
    assert "supplied documents" not in prompt


def test_no_diagnosis_no_prescription_stays_two_bans():
    # The brief: a pharmacy website bot must neither diagnose nor prescribe.
    # HEAD: the new "No X, no Y" condition reading turns the two bans into "No prescription without diagnosis." -
    # which permits prescribing once a diagnosis is made (and no rule forbids diagnosing). Passed at 85ce1a1
    # ("Avoid diagnosis." / "Avoid prescription.").
    rules = instructions_of(
        claude_prompt(
            "Assistant for a pharmacy's website. Answer questions about opening hours, stock and services. No "
            "diagnosis, no prescription. For anything medical, tell them to speak to the pharmacist."
        )
    )
    assert "without diagnosis" not in rules
    assert "prescription" in rules.lower()


def test_no_data_stored_no_payment_taken_stays_two_bans():
    # The brief: the yoga studio's booking bot neither stores personal data nor takes payment (payment is at the desk).
    # HEAD: "No payment taken without personal data stored." - a condition the brief never stated, implying payment
    # may be taken once data is stored, and dropping the ban on storing data. Passed at 85ce1a1 (two bans).
    rules = instructions_of(
        claude_prompt(
            "Booking assistant for a yoga studio. Collect name, class and date. No personal data stored, no payment "
            "taken - payment happens at the desk."
        )
    )
    assert "without personal data" not in rules


def test_json_at_the_end_of_a_conversation_keeps_one_question_at_a_time():
    # The brief: a chat that takes a reservation, one question at a time, and emits the JSON only when complete.
    # HEAD: "Return only this JSON when you have everything" counts as JSON-only (the last-step check looks only
    # before "only this JSON"), so the prose guardrails and the "Ask one question at a time" rule are dropped from a
    # conversational bot that the brief explicitly says asks one question at a time. Passed at 85ce1a1.
    prompt = claude_prompt(
        "Chat with restaurant guests to take a reservation. Ask for name, date, time and party size, one question at a "
        'time. Return only this JSON when you have everything: {"name": "", "date": "", "time": "", "party": 0}'
    )
    assert "one question at a time" in instructions_of(prompt).lower()
    assert "If you are unsure or the information is missing" in section(prompt, "guardrails")


HR = (
    "Helpdesk bot for our HR portal. It answers questions about leave, payslips and benefits. It can't help with visa "
    "questions; for those send people to hr-visa@acme.com. It can't change bank details either."
)


def test_visa_only_contact_is_no_general_escalation_route():
    # The brief: the visa mailbox is for visa questions only.
    # HEAD: every escalation (security issues, refunds, unhappy customers) now says "tell them to email
    # hr-visa@acme.com", and an example sends "Can I talk to a person?" to the visa mailbox. Passed at 85ce1a1.
    prompt = claude_prompt(HR)
    assert "To escalate, tell them to email hr-visa@acme.com" not in prompt
    assert "Please email hr-visa@acme.com" not in section(prompt, "examples")


def test_bot_as_it_that_does_not_help_becomes_you():
    # The brief: "It doesn't help with billing disputes" - "it" is the bot itself, not a thing that fails.
    # HEAD: the new _THING_VERB guard excludes "help", so the rule keeps "It doesn't help with billing disputes" - a
    # third-person rule about an unnamed "it" inside a second-person prompt. Passed at 85ce1a1 ("you don't help").
    rules = instructions_of(
        claude_prompt(
            "FAQ bot for our co-working space. It doesn't help with billing disputes; point people to billing@hive.co. "
            "Answer everything else about desks, wifi and meeting rooms."
        )
    )
    assert "It doesn't help with billing" not in rules


def test_moderator_naming_pii_acronyms_keeps_its_policy_and_review_decision():
    # The brief: a marketplace moderator blocking hate, harassment, scams and personal data "(SSN, DOB, IBAN, ...)";
    # it gives no decision values or codes of its own.
    # HEAD: the new OWN_CODES variant reads the three upper-case acronyms as the brief's own codes, so the prompt drops
    # the policy categories and the "review" decision and tells the model to "choose the decision this prompt keeps
    # for a human check" - a decision the brief never states. Passed at 85ce1a1.
    prompt = claude_prompt(
        "Content moderation for our marketplace chat. Block hate, harassment, scams and sharing of personal data "
        '(SSN, DOB, IBAN, passport numbers). Return JSON: {"verdict": ..., "category": ...}.'
    )
    assert "the decision this prompt keeps for a human check" not in prompt
    assert "review" in section(prompt, "guardrails")
