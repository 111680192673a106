"""Round 31's leftovers: a listing writer read as a classifier, a per-email layout read as a label job, a Dutch ad
check read as copywriting, a verification gate read as a ban, and two tools lost to their `Literal[…]` types."""

from __future__ import annotations

from app.engine.brief import Brief
from app.engine.constraints.extract import extract_constraints
from app.engine.generate import generate


def _constraints(task: str) -> list[tuple[str, str]]:
    return [(c.kind, c.text) for c in extract_constraints(Brief(task=task))]


def _output(prompt: str) -> str:
    return prompt.split("<output_format>")[1].split("</output_format>")[0]


_SHOP = Brief(
    task="Write eBay listings for my refurbished film cameras. I'll paste my notes on each one: model, lens, shutter.",
    constraints=[
        "Exactly 10 keywords, each 25 characters or fewer, comma separated on one line",
        "Always end the description with: Tested with film before shipping. Ships from Leeds, UK.",
        "Plain text with the three labels HEADLINE:, KEYWORDS:, BODY: and nothing else",
    ],
    target="claude",
)


def test_headers_with_colons_lay_out_the_reply_and_are_no_label_set() -> None:
    result = generate(_SHOP)
    assert not any(c.kind == "labels" for c in result.constraints)
    assert result.archetypes[0].id == "marketing_copy"
    output = _output(result.prompt)
    assert '"HEADLINE:", "KEYWORDS:", "BODY:"' in output
    assert "exactly one of these labels" not in result.prompt


def test_counted_things_on_one_line_keep_their_own_scope() -> None:
    output = _output(generate(_SHOP).prompt)
    assert "Keep each keyword to at most 25 characters." in output
    assert "Put the keywords on a single line." in output
    assert "Reply in exactly 1 line" not in output


def test_a_fixed_ending_of_two_sentences_stays_one_rule() -> None:
    prompt = generate(_SHOP).prompt
    assert "Always end the description with: Tested with film before shipping. Ships from Leeds, UK." in prompt


def test_a_contrast_after_a_quoted_example_stays_with_its_rule() -> None:
    found = _constraints('Title max 80 characters, start with the model ("Olympus OM-1, 50mm ...") not with hype')
    assert not any(kind == "prohibition" for kind, _ in found)


_NURSERY = (
    "Sono la segretaria di una scuola di musica a Bergamo. Ogni giorno arrivano 40 email di genitori e allievi. "
    "Vorrei un assistente che per ogni email mi prepari:\n\n"
    "SINTESI: massimo 20 parole\n"
    "PRIORITÀ: ALTA / NORMALE / BASSA\n"
    "BOZZA DI RISPOSTA: massimo 90 parole\n\n"
    "Niente emoji. Rispondi in italiano."
)


def test_a_per_email_layout_with_a_draft_is_a_reply_drafters_job() -> None:
    result = generate(Brief(task=_NURSERY, target="claude"))
    assert result.archetypes[0].id == "meeting_email_assistant"
    assert "You are a text classifier" not in result.prompt


def test_the_label_line_in_the_middle_of_a_layout_is_no_closing_line() -> None:
    output = _output(generate(Brief(task=_NURSERY, target="claude")).prompt)
    assert output.index("SINTESI") < output.index("PRIORITÀ") < output.index("BOZZA DI RISPOSTA")
    assert "End with one line" not in output


_AD_CHECK = (
    "Wij zijn een marktplaats voor tweedehands fietsen (Fietsplein.nl). Elke nieuwe advertentie moet gecontroleerd "
    "worden voordat hij online gaat.\n\n"
    "Labels:\n"
    "OK\n"
    "WEIGEREN_GESTOLEN – frame zonder framenummer, prijs veel te laag\n"
    "WEIGEREN_SPAM – links naar andere sites\n"
    "HANDMATIG – alle twijfel\n\n"
    "Antwoord met precies één regel: LABEL | reden (max 10 woorden)."
)


def test_a_bare_code_line_under_labels_opens_the_set() -> None:
    labels = next(c for c in extract_constraints(Brief(task=_AD_CHECK)) if c.kind == "labels")
    assert labels.values == ["OK", "WEIGEREN_GESTOLEN", "WEIGEREN_SPAM", "HANDMATIG"]


def test_checking_ads_before_they_go_live_is_no_copywriting() -> None:
    result = generate(Brief(task=_AD_CHECK, target="claude"))
    assert result.archetypes[0].id in ("content_moderation", "classification")
    assert "marketing copywriter" not in result.prompt
    assert "Variant 1" not in result.prompt


def test_a_pipe_after_the_label_leads_to_a_reason() -> None:
    output = _output(generate(Brief(task=_AD_CHECK, target="claude")).prompt)
    assert "Start the reply with exactly one of these labels" in output
    assert "Keep the reason to at most 10 words." in output


def test_nothing_until_a_check_is_a_gate_not_a_ban() -> None:
    found = _constraints(
        "Rules:\n- nothing about their bookings (dates, prices, deposits) until confirmIdentity returned true."
    )
    gate = "Nothing about their bookings (dates, prices, deposits) until confirmIdentity returned true."
    assert ("ordering", gate) in found
    assert not any(text.startswith("Avoid anything") for _, text in found)


def test_who_takes_over_after_a_ban_stays_with_it() -> None:
    found = _constraints("Never cancel the late fee or promise to cancel it, pass the case to a human.")
    rule = "Never cancel the late fee or promise to cancel it; instead, pass the case to a human."
    assert ("prohibition", rule) in found


def test_parameters_with_literal_types_keep_their_tools() -> None:
    found = extract_constraints(
        Brief(
            task="tools:\n"
            'def set_reminder(user_id: str, channel: Literal["sms", "email"], when: str) -> dict\n'
            "def pause_account(user_id: str, weeks: Literal[1, 2, 4]) -> dict\n"
            "def lookup_user(email: str) -> dict\n"
        )
    )
    tools = {c.name: c.parameters for c in found if c.kind == "tool"}
    assert tools["set_reminder"] == ["user_id", "channel", "when"]
    assert tools["pause_account"] == ["user_id", "weeks"]


def test_a_thing_said_to_be_final_is_not_the_assistant() -> None:
    prompt = generate(
        Brief(task="Before cancel_plan, read back the plan name, say it cannot be reversed, and get a clear yes.")
    ).prompt
    assert "say it cannot be reversed" in prompt
    assert "you can't be reversed" not in prompt


def test_tools_written_in_python_are_no_coding_job() -> None:
    result = generate(
        Brief(
            task="Support chat for a loyalty app.\n\ntools (python):\n\n"
            "def find_member(email: str) -> dict\n"
            "def add_points(member_id: str, points: int) -> dict\n\n"
            "find_member then add_points. Never use any of the add functions for more than 500 points.",
            target="claude",
        )
    )
    assert "coding_assistant" not in [m.id for m in result.archetypes]
    assert "runnable code" not in result.prompt


def test_two_tools_in_turn_are_called_not_capitalised() -> None:
    found = _constraints("1. find_member then check_balance before ANY of the redeem tools. no exceptions.")
    assert any(text.startswith("Call find_member then check_balance before") for _, text in found)


_AID_DESK = (
    "Q&A bot for our library's lending desk. It answers members using ONLY the Lending Rules we'll attach (sections "
    'like "2.1 Loan periods", "4.3 Lost items").\n\n'
    "Rules:\n"
    "- answer only from the rules, and cite the section number in brackets at the very end, e.g. (Rules 2.1)\n"
    "- never say whether a member's fine will be waived. That's a librarian's call, not Q&A\n"
    "- if a member mentions being evicted, unemployed or in hospital, before anything else tell them about the fine "
    "amnesty and give them the desk number, 0161 555 0100\n"
    "- max 3 sentences"
)


def test_a_citation_example_further_from_cite_replaces_the_default() -> None:
    prompt = generate(Brief(task=_AID_DESK, target="claude")).prompt
    assert "(Rules 2.1)" in _output(prompt)
    assert "[Doc 2, Section 3]" not in prompt


def test_sections_like_these_describe_the_document_not_the_reply() -> None:
    output = _output(generate(Brief(task=_AID_DESK, target="claude")).prompt)
    assert '"2.1 Loan periods"' not in output


def test_that_is_x_not_y_explains_the_rule_before() -> None:
    found = _constraints("never say whether a member's fine will be waived. That's a librarian's call, not Q&A")
    assert not any("Q&A" in text for kind, text in found if kind == "prohibition")


def test_the_whole_list_of_cases_stays_in_a_fallback_before_anything_else() -> None:
    fallback = next(c for c in extract_constraints(Brief(task=_AID_DESK)) if c.kind == "fallback" and c.value)
    assert fallback.condition == "if a member mentions being evicted, unemployed or in hospital"


def test_languages_of_incoming_mail_set_no_reply_language() -> None:
    prompt = generate(
        Brief(
            task="sort emails coming into our freight desk. labels: BOOKING, CLAIM, INVOICE, OTHER. output the label "
            "only. mails come in any language (mostly french + dutch), dont translate them",
            target="claude",
        )
    ).prompt
    assert "Write every reply in French" not in prompt


_CALL_NOTES = (
    "summarize supplier calls for our buying team's weekly note.\n"
    "exactly 4 bullets, each one sentence.\n"
    "order: prices first, then lead times, then quality, then anything on contracts.\n"
    "no opinions, no 'good'/'bad'. this is for internal use only and must not read like a recommendation\n"
    'then one final line: "Call: <supplier> <date>, notes by <buyer>"'
)


def test_an_order_of_one_word_parts_is_a_rule() -> None:
    prompt = generate(Brief(task=_CALL_NOTES, target="claude")).prompt
    assert "Order: prices first, then lead times, then quality, then anything on contracts." in prompt


def test_a_final_line_on_its_own_line_is_its_own_rule() -> None:
    prompt = generate(Brief(task=_CALL_NOTES, target="claude")).prompt
    assert 'End with one final line: "Call: <supplier> <date>, notes by <buyer>".' in prompt
    assert "recommendation then one final line" not in prompt


def test_the_briefs_rule_for_two_issues_in_one_input_replaces_the_tie_break() -> None:
    prompt = generate(
        Brief(
            task="sort tenant repair reports. labels: LEAK, HEATING, ELECTRICAL, OTHER. reply with the label only. "
            "if two problems in one report, pick the one mentioned first.",
            target="claude",
        )
    ).prompt
    assert "choose the one listed first" not in prompt


def test_a_label_that_wins_on_a_mention_drops_the_main_point_default() -> None:
    prompt = generate(
        Brief(
            task="Classify council reports: POTHOLE, STREETLIGHT, GRAFFITI, URGENT. Reply with the label only. "
            "URGENT beats everything else if they mention a gas smell or exposed wires.",
            target="claude",
        )
    ).prompt
    assert "not on isolated keywords" not in prompt


def test_a_tutor_that_never_gives_the_result_gets_no_worked_solution_default() -> None:
    prompt = generate(
        Brief(
            task="Tutor di matematica per ragazzi di 11 anni. Non dare mai la soluzione di un esercizio: guida con "
            "domande. Rispondi in italiano.",
            target="claude",
        )
    ).prompt
    assert "full worked solution" not in prompt


def test_a_table_kept_from_the_source_is_no_table_reply() -> None:
    found = extract_constraints(Brief(task="把说明书翻译成英文。原文是表格就保持表格，其他保持段落。只输出译文。"))
    assert not any(c.kind == "format" and c.value == "table" for c in found)


def test_a_leaflet_and_a_faq_are_both_the_source() -> None:
    result = generate(
        Brief(
            task="Chatbot for our dental practice that answers aftercare questions using ONLY the patient's aftercare "
            "leaflet (pasted in per patient) and our general FAQ. Max 3 sentences.",
            target="claude",
        )
    )
    # "a practice that answers …" after "Chatbot for our": the bot's job, not what the practice does
    assert result.archetypes[0].id == "document_qa"
    assert "Answer only from the aftercare leaflet and the general FAQ" in result.prompt
