"""Round 27's failure classes, on briefs phrased apart from the round's own: stated rules kept as rules (not context),
a classifying brief's own precedence and keyword rules replacing the defaults, a code-only reply in Italian, a
'SELECT only' brief without the default's exception, a capitalised fixed reply ending its sentence, and no visible
thinking block before a terse or code-only reply."""

from __future__ import annotations

import pytest

from app.engine.classify import score_all
from tests.unit.engine.reading import archetype_ids, claude_prompt, context_of, instructions_of, section


@pytest.mark.parametrize(
    ("task", "rule"),
    [
        (
            "Sort incoming support emails into ACCOUNT, SHIPPING or OTHER. Reply with the label only.\n"
            "If an email asks about a lost parcel it's SHIPPING even when it also mentions a password.",
            "If an email asks about a lost parcel it's SHIPPING",
        ),
        (
            "Answer tenants' questions about the building rules for Larch Court. "
            "Pets can only stay if the landlord signed the pet form.",
            "Pets can only stay if the landlord signed the pet form.",
        ),
        (
            "Pull invoice fields out of scanned invoices as JSON. "
            "VAT is zero only if the invoice says exempt, otherwise null.",
            "VAT is zero only if the invoice says exempt, otherwise null.",
        ),
        (
            "Helpdesk bot for our staff with tools lookup_user(email) and open_ticket(priority, summary). "
            "After 3 failed lookups stop, call open_ticket with priority P2 and tell them someone will call back.",
            "After 3 failed lookups stop, call open_ticket with priority P2",
        ),
        (
            "Summarise planning committee minutes for residents.\nDECISIONS: one line per item: item, outcome, vote.",
            "DECISIONS: one line per item",
        ),
        (
            "Chat with kids about the books they read over the summer. Stickers are fine, at most one per message.",
            "at most one per message",
        ),
    ],
)
def test_a_stated_rule_is_an_instruction_notcontext_of(task: str, rule: str) -> None:
    prompt = claude_prompt(task)
    assert rule in instructions_of(prompt)
    assert rule not in context_of(prompt)


def test_how_the_requester_sends_the_input_stayscontext_of() -> None:
    prompt = claude_prompt("Tidy up the product names I send you into Title Case. I'll send one messy line at a time.")
    assert "one messy line at a time" not in instructions_of(prompt)


def test_the_briefs_precedence_replaces_the_first_label_tie_break() -> None:
    prompt = claude_prompt(
        "classify shop reviews: DELIVERY, QUALITY, PRICE, OTHER. label only.\n"
        "if a review mentions a late parcel it's DELIVERY even if it also complains about quality."
    )
    assert "listed first in the label set" not in prompt
    assert "not on isolated keywords" not in prompt
    assert "DELIVERY even if it also complains about quality" in prompt


def test_a_chinese_priority_rule_replaces_the_tie_break() -> None:
    prompt = claude_prompt(
        '审核用户评论，只输出JSON：{"decision": "OK" | "HIDE" | "CHECK"}\n'
        "- 含有辱骂 → HIDE\n- 同时命中多条时：HIDE 优先于 CHECK"
    )
    assert "fit equally well" not in prompt


def test_a_json_reply_gets_no_bare_label_reminder() -> None:
    prompt = claude_prompt(
        'Moderate forum posts. Return only JSON: {"verdict": "ALLOW" | "HOLD" | "REMOVE", "why": "short reason"}'
    )
    assert "Return exactly one label from the set." not in prompt


def test_an_italian_code_only_reply_is_the_query_alone() -> None:
    prompt = claude_prompt(
        "Assistente SQL per il magazzino. Il database è PostgreSQL: articoli(id, nome, giacenza).\n"
        "Rispondi solo con la query SQL, niente spiegazioni."
    )
    output = section(prompt, "output_format")
    assert "then an explanation" not in output
    assert "only" in output
    assert "<thinking>" not in prompt


def test_select_only_drops_the_defaults_change_to_data_exception() -> None:
    prompt = claude_prompt(
        "SQL helper for our sales team on MySQL: orders(id, total, created_at). "
        "SELECT only, never UPDATE or DELETE even if someone asks."
    )
    assert "unless the user explicitly asks for a change to data" not in prompt


def test_a_fixed_reply_in_capitals_ends_its_sentence_at_the_line_break() -> None:
    prompt = claude_prompt(
        "Assistente SQL per la biblioteca comunale, database PostgreSQL: prestiti(id, libro, data).\n"
        "Se non si può rispondere, rispondi solo con: -- NESSUN DATO\n"
        "Il prestito dura trenta giorni dalla data di uscita."
    )
    assert "NESSUN DATO Il prestito" not in prompt


@pytest.mark.parametrize(
    "task",
    [
        "Ops assistant for #checkout-alerts with tools get_errors(service) and restart(service). "
        "Final message: one line, max 160 characters, nothing else.",
        "IT helpdesk on Teams with tools find_user(email) and unlock(user_id). "
        "Plain text, keep every reply under 50 words.",
    ],
)
def test_no_thinking_block_before_a_terse_reply(task: str) -> None:
    prompt = claude_prompt(task)
    assert "<thinking>" not in prompt
    assert "think step by step" not in prompt.lower()


def test_a_long_free_form_answer_keeps_its_reasoning_steps() -> None:
    prompt = claude_prompt(
        "Help our analysts write PostgreSQL queries against sales(id, region, amount, sold_at) and explain each one."
    )
    assert "<thinking>" in prompt


def test_a_contrast_that_says_who_the_readers_are_forbids_nothing() -> None:
    prompt = claude_prompt(
        "Pension helper for our warehouse staff (most of them drivers, not finance people). "
        "Answer questions about their pension in plain words."
    )
    assert "Avoid finance people" not in prompt


def test_the_briefs_own_advisor_route_replaces_the_packs_outside_adviser() -> None:
    prompt = claude_prompt(
        "Savings plan helper for Orchard Credit Union members with tools get_balance(member_id) and "
        "transfer_to_advisor(member_id, topic). Never recommend funds. Say: \"I can't give investment advice, but "
        'one of our advisors can help." and offer transfer_to_advisor.'
    )
    assert "suggest a licensed financial adviser for their situation" not in prompt
    assert "one of our advisors can help" in prompt


def test_a_noun_after_an_article_is_no_hand_off_or_end_of_condition() -> None:
    prompt = claude_prompt(
        "Support bot for Pinecrest Energy customers with tools get_bill(account_id) and "
        "connect_agent(account_id). If the transfer fails, give the billing line 0800 555 0199."
    )
    assert "If the transfer fails" in prompt
    assert "If the," not in prompt
    assert "transfer fails, give" not in prompt.replace("If the transfer fails, give", "")


def test_a_spanish_consulta_is_the_customers_question_not_a_query() -> None:
    prompt = claude_prompt(
        "Asistente de atención al cliente de una librería online. Responde solo la consulta del cliente, con "
        "amabilidad."
    )
    assert "code only" not in section(prompt, "output_format")


def test_who_a_user_is_sent_to_is_not_the_audience() -> None:
    prompt = claude_prompt(
        "Homework chat for pupils aged 9 to 11. If a pupil says they feel unsafe, tell them to talk to a parent "
        "or to school staff straight away."
    )
    assert "Write for school staff" not in prompt
    assert "aged 9 to 11" in prompt


def test_a_heading_of_style_words_names_no_part_of_the_reply() -> None:
    prompt = claude_prompt(
        "Answer parents' questions about the school trip.\nRules:\n- short and simple: max 3 sentences per reply"
    )
    assert "the short and simple" not in prompt
    assert "at most 3 sentences" in prompt


def test_a_japanese_limit_on_the_subject_is_the_subjects() -> None:
    prompt = claude_prompt(
        "ホテルの予約係です。お客様のメールへの返信の下書きを作ってください。本文は300字以内、件名も1行で付けてください。"
    )
    assert "Reply in exactly 1 line." not in prompt
    assert "exactly 1 line" in prompt


def test_japanese_reply_drafts_are_an_email_job_not_a_support_chat() -> None:
    ids = archetype_ids(
        "歯科医院の受付です。患者さんからのメールでの問い合わせ（予約変更、料金、駐車場など）への返信の下書きを作ってほしいです。"
        "丁寧な敬語で、300字以内。"
    )
    assert ids[0] == "meeting_email_assistant"


def test_a_reading_buddy_for_children_is_a_learning_companion() -> None:
    task = (
        "Homework buddy for kids aged 8 to 11 at Brookfield after-school club. It asks them what they learned today "
        "and cheers them on. One question at a time."
    )
    assert archetype_ids(task)[0] == "tutor"
    prompt = claude_prompt(task)
    assert "full worked solution" not in prompt
    assert "customer" not in prompt.lower()


def test_a_policys_no_exceptions_is_no_coding_cue() -> None:
    matches = score_all(
        "IT helpdesk bot with tools verify_user(id) and reset_password(id). Never reset without verification, no "
        "exceptions, even if they say it's urgent. Make an exception for nobody."
    )
    assert not any("debugging" in m.features for m in matches)
    code = score_all("Help our developers read Python exceptions and tracebacks.")
    assert any("debugging" in m.features for m in code)


def test_a_counselling_service_that_rules_out_medical_talk_gets_no_medical_pack() -> None:
    prompt = claude_prompt(
        "Check-in chat for people on the waiting list of Elm Street Counselling. Ask how they are doing this week. "
        "Never diagnose anything and never mention medication. Keep it warm, not clinical. "
        "If someone talks about ending their life, give them 988 right away."
    )
    assert "chest pain" not in prompt
    assert "pharmacist" not in prompt
    assert "988" in prompt


def test_a_clinic_that_talks_about_medication_keeps_the_medical_pack() -> None:
    prompt = claude_prompt(
        "Answer patients' questions for the Elm Street anxiety clinic about their medication and appointments."
    )
    assert "prescribed medication" in prompt


_INVOICE = (
    "Pull fields out of scanned delivery notes and return JSON only, in this shape:\n"
    '{"note_number": string, "delivered_on": "YYYY-MM-DD", "boxes": integer}\n'
    "If a field is missing or you can't read it, use null. "
    "Dates on the notes are UK format (DD/MM/YYYY) unless the supplier is in the US, then MM/DD/YYYY."
)


def test_a_date_pattern_written_as_a_value_stays_in_the_schema() -> None:
    prompt = claude_prompt(_INVOICE)
    assert '"delivered_on": {"type": ["string", "null"], "description": "YYYY-MM-DD", "format": "date"}' in prompt


def test_use_null_for_missing_fields_makes_every_field_nullable() -> None:
    prompt = claude_prompt(_INVOICE)
    assert '"boxes": {"type": ["integer", "null"]}' in prompt
    assert '"note_number": {"type": ["string", "null"]}' in prompt


def test_a_conditional_then_is_no_ordering_step() -> None:
    prompt = claude_prompt(_INVOICE)
    assert "unless the supplier is in the US, then MM/DD/YYYY" in prompt
    assert "in the US before" not in prompt


def test_a_section_line_keeps_its_rules_and_their_exceptions_together() -> None:
    prompt = claude_prompt(
        "Turn school board meeting transcripts into a briefing for our reporter.\n"
        "- ACTIONS: max 4 bullets.\n"
        "- PUBLIC REMARKS: max 3 bullets, topics only, do not name parents (board members can be named).\n"
        "- Under 300 words."
    )
    assert "do not name parents (board members can be named)" in prompt
    assert "Only help with topics" not in prompt


def test_a_heading_list_after_a_colon_is_no_line_template() -> None:
    prompt = claude_prompt(
        "Summarise support calls for the team lead. Use these sections, in this order, with these exact headers:\n"
        "ISSUE\nSTEPS TAKEN\nNEXT ACTION\n\n- ISSUE: one sentence."
    )
    assert "`ISSUE`" not in prompt


def test_a_label_line_after_a_long_intro_is_the_label_set() -> None:
    prompt = claude_prompt(
        "Berichten uit het klantenportaal van Bakkerij Van Dijk in Utrecht sorteren voor de medewerkers van de "
        "winkel en de bezorging. Geef alleen het label terug, verder niets:\n"
        "KLACHT / BESTELLING / LEVERING / OVERIG"
    )
    assert "{{labels}}" not in prompt
    assert "KLACHT, BESTELLING, LEVERING, OVERIG" in prompt


def test_a_span_of_months_is_no_age() -> None:
    prompt = claude_prompt(
        "Agente de socios de un gimnasio con herramientas consultar_socio(dni) y congelar(dni, meses).\n"
        "- Congelación: entre 1 y 3 meses, como máximo una vez al año."
    )
    assert "Audience" not in prompt
    assert "child" not in prompt.lower()


def test_counts_and_ranges_after_a_weak_cue_are_no_phone_numbers() -> None:
    prompt = claude_prompt(
        "Dispatcher assistant for a city bike-share with 140 docking stations. "
        'If they give a range of riders ("30-40"), use the upper number.'
    )
    assert "call 140" not in prompt
    assert "call 30-40" not in prompt


def test_a_dutch_when_torn_rule_replaces_the_tie_break() -> None:
    prompt = claude_prompt(
        "Meldingen sorteren. Geef alleen het label terug: HOOG / MIDDEN / LAAG\n"
        "- Twijfel je tussen twee labels, kies dan altijd het hogere."
    )
    assert "fit equally well" not in prompt


def test_a_foreign_hand_off_tool_is_the_escalation_route() -> None:
    prompt = claude_prompt(
        "Eres el asistente de WhatsApp de una peluquería canina. Herramientas:\n"
        "- buscar_hueco(fecha)\n- reservar(fecha, hora)\n- derivar_a_recepcion(motivo)\n"
        "Responde en máximo 3 frases."
    )
    assert "call the `derivar_a_recepcion` tool" in prompt
    assert "human colleague who will follow up" not in prompt


def test_a_per_message_cap_names_what_it_counts() -> None:
    prompt = claude_prompt(
        "Chat with customers of our ice-cream van about flavours and stops. Emojis are fine, at most one per message. "
        "Hashtags: at most three per post."
    )
    assert "at most 1 emoji per message" in prompt
    assert "Keep to at most 1 per message." not in prompt
