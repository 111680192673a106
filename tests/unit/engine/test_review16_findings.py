"""Round 16 review of pasted references, output lines, played characters, plain-language rewrites and intake: each
test is a realistic brief on which 4e5b5a9 read the brief's own words as something else."""

from __future__ import annotations

from app.engine import Brief, generate


def _section(prompt: str, tag: str) -> str:
    return prompt.split(f"<{tag}>")[1].split(f"</{tag}>")[0]


def test_markdown_h3_headings_are_the_briefs_own_text_not_pasted_material() -> None:
    task = (
        "### Goal\nA chatbot on our website (Lumen Yoga studio) that answers questions about class times, prices and "
        "memberships.\n\n### Behaviour\nBe friendly and brief. Never give medical advice about injuries - suggest "
        "they speak to their instructor or a physio.\nIf someone wants to cancel a membership, send them to "
        "membership@lumenyoga.com.\n\n### Audience\nMostly beginners, many of them in their 50s and 60s."
    )
    result = generate(Brief(task=task, target="claude"))
    assert result.archetypes[0].id == "customer_support"
    kinds = {c.kind for c in result.constraints}
    assert {"prohibition", "fallback"} <= kinds
    assert "<goal>" not in result.prompt
    assert "<behaviour>" not in result.prompt


def test_instruction_sections_between_marker_lines_are_still_instructions() -> None:
    task = (
        "Support bot for Finch Bank's mobile app.\n\n=== Scope ===\nHelp customers with card freezes, app login "
        "problems and pending payments. Do not discuss investments or give financial advice of any kind.\n\n"
        "=== Escalation ===\nIf a customer reports fraud or a stolen card, tell them to call 0800 123 456 immediately "
        "and do not try to solve it in chat.\n"
    )
    result = generate(Brief(task=task, target="claude"))
    values = {c.value for c in result.constraints if c.kind == "fallback"}
    assert "0800 123 456" in values
    assert any(c.kind == "prohibition" and "investments" in c.text for c in result.constraints)


def test_a_titled_block_without_an_end_marker_ends_at_its_first_blank_line() -> None:
    task = (
        "WhatsApp assistant for Mario's Pizzeria in Leeds. Answer questions about the menu and prices.\n\n"
        "--- MENU ---\nMargherita £9.50\nPepperoni £11.00\nQuattro Formaggi £12.00\nDiavola £11.50\n"
        "Calzone £12.50\nGarlic bread £4.00\nTiramisu £5.50\n\n"
        "If someone wants to place an order, tell them to call 0113 555 0199 - we don't take orders in chat. "
        "Never promise delivery times."
    )
    result = generate(Brief(task=task, target="claude"))
    assert "Tiramisu £5.50" in _section(result.prompt, "menu")
    assert "0113 555 0199" not in _section(result.prompt, "menu")
    assert any(c.kind == "fallback" and c.value == "0113 555 0199" for c in result.constraints)
    assert any(c.kind == "prohibition" and "delivery times" in c.text for c in result.constraints)


def test_the_output_line_of_a_worked_example_is_not_the_output_format() -> None:
    task = (
        "Support bot for Nimbus Cloud Storage. Keep answers short and friendly.\nExample:\n"
        "Input: How do I share a folder?\nOutput: Right-click the folder, choose Share, and enter the person's email. "
        "They'll get a link right away."
    )
    prompt = generate(Brief(task=task, target="claude")).prompt
    assert "Right-click" not in _section(prompt, "output_format")


def test_an_output_line_that_introduces_a_list_keeps_the_list() -> None:
    task = (
        "Assistant that turns our weekly sales call transcripts into a summary for the sales director.\n"
        "Output format: markdown with these three sections:\n1. Deals that moved forward\n2. Risks and blockers\n"
        "3. Next steps with an owner for each\nNever include customer phone numbers."
    )
    prompt = generate(Brief(task=task, target="claude")).prompt
    output = _section(prompt, "output_format")
    assert "1. Deals that moved forward" in output
    assert "3. Next steps with an owner for each" in output
    assert "Never include customer phone numbers" in prompt


def test_a_character_in_the_requesters_novel_is_not_played() -> None:
    task = (
        "Help me brainstorm plot twists for my mystery novel. The character is Elena Ruiz, a retired detective in "
        "Lisbon who hates phones. Give me 5 ideas at a time."
    )
    prompt = generate(Brief(task=task, target="claude")).prompt
    assert not _section(prompt, "role").strip().startswith("You are Elena Ruiz")
    assert "Stay in character" not in prompt


def test_a_mascot_the_captions_feature_is_not_the_copywriters_role() -> None:
    task = (
        "Write Instagram captions for Crumb & Co, our neighbourhood bakery. Our mascot is called Pip, a cheeky "
        "sparrow, and he should pop up in about one caption in three. Max 2 hashtags."
    )
    result = generate(Brief(task=task, target="claude"))
    assert result.archetypes[0].id == "marketing_copy"
    role = _section(result.prompt, "role").strip()
    assert not role.startswith("You are Pip")
    assert "Pip" in result.prompt  # the mascot stays in the brief's requirements


def test_writing_in_einfacher_sprache_is_a_style_not_a_rewrite_job() -> None:
    task = (
        "Du bist ein Assistent für das Bürgeramt Kassel. Beantworte Fragen von Bürgerinnen und Bürgern zu Ausweisen, "
        "Meldebescheinigungen und Terminen. Schreibe immer in einfacher Sprache, kurze Sätze."
    )
    result = generate(Brief(task=task, target="claude"))
    assert result.archetypes[0].id != "writing_editor"
    assert "plain-language editor" not in result.prompt
    assert "{{text}}" not in result.prompt


def test_turning_jargon_into_plain_english_is_a_style_not_a_rewrite_job() -> None:
    task = (
        "Answer member questions about our pension plans for Oakridge Pensions. Turn any jargon into plain English "
        "and never give personal financial advice."
    )
    result = generate(Brief(task=task, target="claude"))
    assert result.archetypes[0].id == "customer_support"
    assert "plain-language editor" not in result.prompt
    letters = generate(Brief(task="Kestrel Council: turn our parking fine letters into plain English for residents."))
    assert letters.archetypes[0].id == "writing_editor"  # a text turned into plain English is still a rewrite


def test_clarifying_questions_do_not_make_an_extractor_an_intake_form() -> None:
    task = (
        "Extract vendor, invoice_date and total from the invoice text the user pastes, as JSON. If a value is "
        "ambiguous, ask at most 2 questions before you return the JSON."
    )
    result = generate(Brief(task=task, target="claude"))
    assert result.archetypes[0].id == "data_extraction"
    assert "feels heard" not in result.prompt
    assert "Record what the person says in their own words" not in result.prompt


def test_asking_when_more_info_is_needed_is_no_intake_conversation() -> None:
    task = (
        "Brainstorming partner for my small business. Ask one question at a time if you need more info, otherwise "
        "just give ideas."
    )
    prompt = generate(Brief(task=task, target="claude")).prompt
    assert "the record holds every detail" not in prompt
    assert "Before the final record" not in prompt


def test_a_named_support_persona_is_not_the_organisation() -> None:
    task = (
        "Our support persona is called Ava, she's friendly and upbeat. Ava answers customer questions for Tilly's "
        "Toys online shop about orders, returns and delivery times. If someone asks for a refund over £50, hand over "
        "to a human."
    )
    role = _section(generate(Brief(task=task, target="claude")).prompt, "role")
    assert "for Ava" not in role
    assert "Ava" in role
