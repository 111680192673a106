"""Round 29's failure classes, on briefs phrased apart from the round's own: a count that sizes one part of the reply
(the sentence after a score line, a template's "(one sentence)" slot, "if a sentence is ambiguous") is no whole-reply
limit; "ask 6 questions, one at a time" counts the conversation; lines after a colon (a scorecard, a signature) keep
their layout; a score line first drops the grader's evidence-first default; an inline points scheme needs no rubric
slot; a bare "people" is no audience."""

from __future__ import annotations

import re

import pytest

from app.engine.brief import Brief
from app.engine.generate import read_constraints
from tests.unit.engine.reading import claude_prompt, limit_texts


@pytest.mark.parametrize(
    "task",
    [
        "Mark spelling tests. Output the mark on the first line, then one sentence of advice for the pupil.",
        "Check expense claims.\nEnd with this block:\n\nRESULT\nVerdict: APPROVE or REJECT\nWhy: (one sentence)",
        "Traduci le schede dei vini in inglese.\n- Se una frase è ambigua, scegli la resa più naturale.",
        "Traduza os cardápios para inglês.\n- Se uma frase for ambígua, escolha a tradução mais natural.",
    ],
)
def test_a_count_of_one_part_is_no_whole_reply_limit(task: str) -> None:
    assert "Reply in exactly 1 sentence." not in limit_texts(task)
    assert "Reply in exactly 1 sentence." not in claude_prompt(task)


def test_questions_asked_one_at_a_time_count_the_conversation() -> None:
    task = "Quiz bot for our fire-warden course: ask 5 questions, one at a time, and wait for each answer."
    texts = limit_texts(task)
    assert "Give exactly 5 questions." not in texts
    assert any("5 questions over the whole conversation" in text for text in texts)


@pytest.mark.parametrize(
    ("task", "lines"),
    [
        (
            "Draft replies to patient emails for Harbourview Dental.\nSign every email with exactly:\n"
            "Warm regards,\nDana Whitfield\nHarbourview Dental",
            ["Warm regards,", "Dana Whitfield", "Harbourview Dental"],
        ),
        (
            "Play a hotel guest so our front-desk trainees can practise check-ins. When they type DONE, "
            "print a feedback card:\n\nFEEDBACK\nWelcome: x/5\nAccuracy: x/5\nTip: (one sentence)",
            ["FEEDBACK", "Welcome: x/5", "Accuracy: x/5", "Tip: (one sentence)"],
        ),
    ],
)
def test_lines_after_a_colon_keep_their_layout(task: str, lines: list[str]) -> None:
    prompt_lines = [line.strip() for line in claude_prompt(task).splitlines()]
    first = prompt_lines.index(lines[0])
    assert prompt_lines[first : first + len(lines)] == lines


def test_a_score_line_first_drops_evidence_before_the_score() -> None:
    prompt = claude_prompt(
        "Grade short answers to our forklift safety quiz against the marking guide. First line: the score out of "
        "10. Then two sentences of feedback."
    )
    assert "before its score" not in prompt
    assert "evidence first, then the score" not in prompt


def test_an_inline_points_scheme_needs_no_rubric_slot() -> None:
    prompt = claude_prompt(
        "Mark physics homework answers out of 5: 3 marks for the correct formula, 2 marks for the right units. "
        "Reply with the mark and one line of feedback."
    )
    assert "{{rubric}}" not in prompt
    assert "3 marks for the correct formula" in prompt


def test_people_alone_is_no_audience() -> None:
    task = "I need a prompt for a practice interview bot for people applying to nursing school."
    assert not [c for c in read_constraints(Brief(task=task)) if c.kind == "audience"]


@pytest.mark.parametrize(
    "task",
    [
        "Triage inbound messages for our pharmacy. Each message gets exactly one label:\n\nURGENT - chest pain, "
        "overdose, allergic reaction\nREFILL - repeat prescriptions\nGENERAL - opening hours, parking",
        "Sort support emails. Use one of these categories:\nbilling_issue: charges, refunds\nlogin_problem: "
        "passwords, 2FA\nother_request: anything else",
    ],
)
def test_labels_defined_one_per_line_are_the_label_set(task: str) -> None:
    found = [c for c in read_constraints(Brief(task=task)) if c.kind == "labels"]
    assert len(found) == 1
    assert len(found[0].values) == 3
    prompt = claude_prompt(task)
    assert "{{labels}}" not in prompt
    assert "(each label with what it covers):" in prompt


def test_a_foreign_decision_key_carries_the_reply_label() -> None:
    prompt = claude_prompt(
        "Modera los comentarios de nuestra tienda. Devuelve solo este JSON, sin bloque de código:\n"
        '{"decisión": "PUBLICAR" | "RECHAZAR" | "REVISAR", "motivo": string}'
    )
    assert '"review"' not in prompt
    assert "Policy categories" not in prompt


def test_only_after_a_negation_affirms_the_feature() -> None:
    task = "Moderate reviews. REJECT if: insults, ads for other parks, obviously fake (no stay mentioned, only links)."
    assert not [c for c in read_constraints(Brief(task=task)) if c.kind == "format" and c.forbidden]


def _rule_texts(task: str) -> list[str]:
    return [c.text for c in read_constraints(Brief(task=task)) if c.kind in ("prohibition", "requirement")]


def test_a_field_test_keeps_its_rule_conditional() -> None:
    texts = _rule_texts(
        "Returns agent with tools check_order(id) and refund(id).\n"
        "- fraud_flag = true: never refund, always escalate_case.\n"
        "- amount > 500: don't refund; explain a manager will review it."
    )
    assert "Never refund." not in texts
    assert "Always escalate_case." not in texts
    assert any(t.lower().startswith("fraud_flag = true") for t in texts)
    assert any(t.startswith("amount > 500") for t in texts)


def test_an_items_later_sentence_keeps_its_condition() -> None:
    prompt = claude_prompt(
        "Booking agent for a climbing gym with tools get_member(id) and book_class(member_id, class_id).\n"
        "1. If the member has no belay check, don't book. Send them to gripclimb.com/belay and stop there."
    )
    assert "When you cannot help, point the user to gripclimb.com/belay" not in prompt
    assert re.search(r"If the member has no belay check, (?:point the user|send them) to gripclimb\.com/belay", prompt)


def test_reply_only_with_a_quote_is_the_fixed_reply() -> None:
    prompt = claude_prompt(
        "Refill line for a pharmacy. If they describe chest pain or trouble breathing, reply only: "
        '"Please call 911 now. For a possible poisoning call Poison Control at 1-800-222-1222."'
    )
    assert 'reply exactly: "Please call 911 now. For a possible poisoning call Poison Control' in prompt


def test_a_message_the_brief_orders_needs_no_confirmation() -> None:
    prompt = claude_prompt(
        "Shift assistant for a food bank with tools book_shift(id), cancel_shift(id) and notify_lead(site, message). "
        "If a cancellation leaves a shift short, call notify_lead after cancel_shift."
    )
    assert "sends messages" not in prompt


FAMILY_UPDATE = (
    "Sunny Vale is a care home. Each evening the staff's shift notes for one resident are pasted in, and we need a "
    "short update for the family written from them.\n\n"
    "Output exactly 3 lines, each starting with these labels in this order:\nMood:\nMeals:\nNote:\n\n"
    "Don't:\n"
    "- mention medication names or doses\n"
    '- describe falls or injuries. If the notes mention one, the "Note:" line must be exactly: "Please call the '
    "manager's office on 01632 960 123.\"\n"
    '- use words like "confused" or "worse"\n'
    '- name other residents (say "another resident")'
)


def test_a_family_update_from_notes_is_written_not_classified() -> None:
    from tests.unit.engine.reading import archetype_ids

    assert archetype_ids(FAMILY_UPDATE)[0] == "writing_editor"
    assert not [c for c in read_constraints(Brief(task=FAMILY_UPDATE)) if c.kind == "labels"]


def test_line_prefixes_and_a_ban_list_keep_their_lines() -> None:
    lines = [line.strip() for line in claude_prompt(FAMILY_UPDATE).splitlines()]
    first = lines.index("Mood:")
    assert lines[first : first + 3] == ["Mood:", "Meals:", "Note:"]
    assert '- use words like "confused" or "worse"' in lines
    assert not any(line.startswith(("Use words like", "1. Use words like", "2. Use words like")) for line in lines)


def test_a_line_that_must_be_exact_is_the_fixed_reply_with_its_apostrophe() -> None:
    routes = [c for c in read_constraints(Brief(task=FAMILY_UPDATE)) if c.kind == "fallback"]
    assert [c.text for c in routes if c.action != "phone"] == [
        'If the notes mention one, reply exactly: "Please call the manager\'s office on 01632 960 123."'
    ]
    assert [c.value for c in routes if c.action == "phone"] in ([], ["01632 960 123"])  # the same case's contact


def test_items_under_a_dont_heading_are_bans() -> None:
    texts = _rule_texts(FAMILY_UPDATE)
    assert "Do not mention medication names or doses." in texts
    assert not any(t.startswith(("Mention", "Use words", "Describe")) for t in texts)


def test_a_ban_list_carries_its_prohibitions_for_the_fidelity_check() -> None:
    from app.engine.generate import generate

    result = generate(Brief(task=FAMILY_UPDATE, target="claude"))
    assert not [f for f in result.lint.findings if f.rule_id.startswith("FID")]
    assert not [w for w in result.warnings if "does not carry" in w]


@pytest.mark.parametrize(
    ("task", "language"),
    [
        ("Traduci in inglese britannico le schede dei nostri vini.", "British English"),
        ("Traduce al inglés británico las fichas de producto.", "British English"),
        ("Traduis en anglais américain nos fiches produits.", "American English"),
        ("Responda em português do Brasil, no máximo 60 palavras.", "Brazilian Portuguese"),
    ],
)
def test_a_variant_after_the_language_name_is_kept(task: str, language: str) -> None:
    found = [c for c in read_constraints(Brief(task=task)) if c.kind == "language"]
    assert [c.value for c in found] == [language]


def test_no_notes_means_no_change_list_and_no_note_to_the_author() -> None:
    prompt = claude_prompt(
        "Edit the blurbs for our bakery's website. I paste a blurb, you give back the edited blurb. Keep every "
        "price exactly. Just return the edited blurb, no notes about what changed."
    )
    assert "key changes" not in prompt
    assert "add a note asking the author" not in prompt


def test_a_rules_heading_is_no_section_of_the_reply() -> None:
    prompt = claude_prompt(
        "帮我写一个提示词：让模型根据运营同事的中文问题写 PostgreSQL 查询。\n\n表结构：\nstores(store_id, city)\n"
        "orders(order_id, store_id, total_cny)\n\n要求：\n- 只输出一条 SQL，不要解释，不要用代码块包起来。\n"
        "- 只能用 SELECT。\n"
        "- 问题里提到的表或字段不存在时，只回复：无法用现有数据回答"
    )
    assert "each under its heading as written" not in prompt


def test_questions_a_query_answers_bring_no_support_job() -> None:
    from tests.unit.engine.reading import archetype_ids

    task = (
        "帮我写一个提示词：让模型根据门店同事的中文问题写 MySQL 查询，数据是我们咖啡连锁店的会员库。\n\n表：\n"
        "members(member_id, city, joined_at)\nvisits(visit_id, member_id, created_at, amount_cny)\n\n规则：\n"
        "- 只输出一条 SQL。\n- 没说时间范围时默认最近 7 天。\n- 问题里提到的字段不存在时，只回复：无法用现有数据回答"
    )
    assert archetype_ids(task) == ["sql_analyst"]


def test_a_trait_in_an_aside_is_no_prohibition() -> None:
    texts = _rule_texts(
        "Asistente para la web de un centro de igualdad. Si alguien sufre violencia, dale el 016 (gratuito, 24 "
        "horas, no deja rastro en la factura) y, si está en peligro, el 112. Después, si quiere, los datos del centro."
    )
    assert not any("no deja rastro" in t for t in texts)


def test_the_next_step_stays_with_the_step_before() -> None:
    prompt = claude_prompt(
        "Asistente para la web de un centro de igualdad.\n- Si alguien sufre violencia, dale primero el 016 y, si "
        "está en peligro, el 112. Después, si quiere, los datos del centro.\n- Máximo 3 frases."
    )
    assert not any(line.strip().startswith(("Después", "1. Después", "2. Después")) for line in prompt.splitlines())


def test_the_users_own_words_are_no_fixed_reply() -> None:
    prompt = claude_prompt(
        'Chess helper for a kids\' club. Give a hint first, and only show the best move if they say "show me".'
    )
    assert 'reply exactly: "show me"' not in prompt


def test_an_aside_emptied_of_its_audience_leaves_no_stray_comma() -> None:
    task = (
        "Chess helper for the Pine Rooks junior chess club (kids 7 to 12, Ontario). Kids paste a position (FEN or a "
        "description). Max 3 sentences per message. No emojis."
    )
    assert "(, " not in claude_prompt(task)


@pytest.mark.parametrize(
    ("task", "kept"),
    [
        (
            "Loans FAQ bot. Never tell someone whether they should take a loan, refinance, or skip a payment.",
            "skip a payment",
        ),
        ("Shop assistant. Never mention price, discounts, or stock levels.", "stock levels"),
    ],
)
def test_a_serial_comma_keeps_the_last_item_of_a_ban(task: str, kept: str) -> None:
    assert any(kept in t for t in _rule_texts(task))


def test_a_confidential_service_asks_no_confidentiality() -> None:
    prompt = claude_prompt(
        "Answer members' questions about our credit union accounts. If someone can't afford rent, add: \"Free, "
        'confidential budgeting help: call our partner GreenPath at 1-877-337-3399."'
    )
    assert "Keep these instructions confidential" not in prompt
    assert "financial adviser, an accountant" not in prompt


def test_an_identifiers_size_is_no_reply_limit_and_its_case_stays_with_it() -> None:
    task = (
        'Pull fields from dictated repair notes as JSON: {"plate": string|null, "vin": string|null}.\n'
        "- A VIN is 17 characters. If the note has anything else, set vin to null."
    )
    assert not limit_texts(task)
    prompt = claude_prompt(task)
    assert "A VIN is 17 characters. If the note has anything else, set vin to null." in prompt
    assert not any(
        line.lstrip("0123456789. ").startswith("If the note has anything else") for line in prompt.splitlines()
    )


def test_a_case_that_refers_back_stays_with_its_sentence() -> None:
    prompt = claude_prompt(
        "Write the weekly briefing from the council agenda.\n"
        '- DEADLINES: dates of any hearings mentioned. If there are none, write "None mentioned."\n'
        "- Under 300 words."
    )
    assert 'DEADLINES: dates of any hearings mentioned. If there are none, write "None mentioned."' in prompt


@pytest.mark.parametrize(
    ("task", "said"),
    [
        (
            "Chat helper for a youth football club. If a kid says someone is hurting them, tell them they can call "
            "Kids Help Phone at 1-800-668-6868 or text 686868 any time.",
            "text 686868",
        ),
        (
            "Asistente del centro de la mujer. Si alguien sufre violencia, dale el 016 (también por WhatsApp en el "
            "600 000 016).",
            "message 600 000 016 on WhatsApp",
        ),
    ],
)
def test_a_number_to_write_to_is_not_a_line_to_call(task: str, said: str) -> None:
    texts = [c.text for c in read_constraints(Brief(task=task)) if c.kind == "fallback"]
    assert any(said in t for t in texts)
    number = said.split()[1] if said.startswith("text") else "600 000 016"
    assert not any(f"call {number}" in t or f"and {number}" in t for t in texts)
    assert f"call {number}" not in claude_prompt(task)
