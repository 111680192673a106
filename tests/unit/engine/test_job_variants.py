"""A broad archetype narrowed to the job the brief describes, and the brief's own wording kept where it says more."""

from __future__ import annotations

import pytest

from app.engine.archetypes import BY_ID
from app.engine.brief import Brief
from app.engine.classify import ArchetypeMatch
from app.engine.constraints import extract_constraints
from app.engine.generate import generate, plan_spec


def _prompt(task: str) -> str:
    return generate(Brief(task=task, target="claude")).prompt


def test_a_story_generator_writes_stories_instead_of_editing_text() -> None:
    prompt = _prompt("Poem and short story writer for a greeting-card shop. Keep poems under 12 lines.")
    assert "edited text" not in prompt
    assert "{{text}}" not in prompt
    assert "original" in prompt


def test_an_editing_brief_about_stories_keeps_the_editor() -> None:
    prompt = _prompt("Proofread the short stories our authors submit and fix the grammar.")
    assert "Fix grammar, spelling and punctuation errors." in prompt


def test_an_email_drafted_from_notes_takes_the_notes_not_an_email_thread() -> None:
    result = generate(
        Brief(task="Write thank-you emails to donors from my call notes. Under 100 words.", target="claude")
    )
    assert [v.name for v in result.variables] == ["notes"]
    assert "action items" not in result.prompt.lower()


def test_a_meeting_recap_keeps_the_meeting_rules() -> None:
    prompt = _prompt("Turn meeting transcripts into a recap email with the action items and owners.")
    assert "owner" in prompt.lower()


def test_tightening_keeps_the_text_in_its_order() -> None:
    prompt = _prompt("shorten grant proposal sections to 200 words. keep all figures")
    assert "Lead with the main conclusion" not in prompt
    assert "order" in prompt


def test_a_journaling_companion_reflects_instead_of_answering_questions() -> None:
    prompt = _prompt("A companion for a gratitude diary app that replies to each entry in 2-3 sentences.")
    assert "Answer the question that was asked first" not in prompt
    assert "at most one question" in prompt


def test_a_guessed_second_job_without_words_for_it_brings_no_rules() -> None:
    brief = Brief(task="Draft renewal reminder emails from the account notes.", target="claude")
    guessed = [
        ArchetypeMatch(id="meeting_email_assistant", score=5000, features=["model:0.4", "email"]),
        ArchetypeMatch(id="marketing_copy", score=2000, features=["model:0.2"], rank="secondary"),
    ]
    spec = plan_spec(brief, guessed, extract_constraints(brief)).spec
    marketing = {r.text for r in BY_ID["marketing_copy"].rules}
    assert not marketing & {r.text for r in spec.instructions}


def test_a_named_second_job_still_blends() -> None:
    brief = Brief(task="Draft launch emails and write three ad headlines for the campaign.", target="claude")
    named = [
        ArchetypeMatch(id="meeting_email_assistant", score=5000, features=["model:0.4", "email"]),
        ArchetypeMatch(id="marketing_copy", score=3000, features=["model:0.2", "ad copy"], rank="secondary"),
    ]
    spec = plan_spec(brief, named, extract_constraints(brief)).spec
    marketing = {r.text for r in BY_ID["marketing_copy"].rules}
    assert marketing & {r.text for r in spec.instructions}


def test_a_label_line_the_brief_writes_is_the_line_the_prompt_asks_for() -> None:
    prompt = _prompt(
        "Summarise product reviews in 2 sentences, then give the overall mood as one of HAPPY / MIXED / ANGRY, "
        'written as "Mood: <label>".'
    )
    assert 'End with one line "Mood: <label>"' in prompt
    assert "HAPPY, MIXED or ANGRY" in prompt
    assert '"Label:"' not in prompt


def test_label_names_are_not_the_assistants_own_tone() -> None:
    prompt = _prompt("Rate each support reply's tone as one of friendly, neutral or rude.")
    assert "Use a neutral tone" not in prompt
    assert "Neutral and matter-of-fact" not in prompt


def test_an_aside_naming_each_bullet_stays_with_the_count() -> None:
    found = extract_constraints(Brief(task="Brief the CEO in exactly 3 bullets (revenue, hiring, risks)."))
    limit = next(c for c in found if c.kind == "limit")
    assert limit.text == "Reply in exactly 3 bullets: revenue, hiring, risks."


def test_a_qualifier_on_the_last_item_keeps_the_whole_prohibited_list() -> None:
    found = extract_constraints(
        Brief(task="Answer tenants. Never promise repairs, refunds or move-in dates not in the lease.")
    )
    rule = next(c for c in found if c.kind == "prohibition")
    assert rule.text == "Never promise repairs, refunds or move-in dates not in the lease."


def test_a_crisis_instruction_keeps_everything_the_brief_says_to_do() -> None:
    found = extract_constraints(
        Brief(
            task="Chat buddy for teens. If someone mentions self-harm, stop the game and tell them to call or text 988."
        )
    )
    fallback = next(c for c in found if c.kind == "fallback")
    assert fallback.text == "If someone mentions self-harm, stop the game and tell them to call or text 988."


def test_a_role_play_that_is_no_interview_plays_its_character() -> None:
    prompt = _prompt("Role-play an angry hotel guest so our front-desk trainees can practise calming people down.")
    assert "end session" not in prompt
    assert "interview" not in prompt.lower()
    assert "character" in prompt


def test_a_role_play_in_french_is_a_role_play() -> None:
    result = generate(
        Brief(task="Tu joues un vendeur de fruits au marché. Réponds en 2 phrases maximum.", target="claude")
    )
    assert result.archetypes[0].id == "roleplay_interviewer"
    assert "Keep the reply to at most 2 sentences." in result.prompt


def test_writing_emails_from_notes_is_an_email_job_even_when_notes_mention_an_interview() -> None:
    task = "I'm a recruiter. Draft the email to each candidate from my notes about their interview. Body max 80 words."
    assert generate(Brief(task=task, target="claude")).archetypes[0].id == "meeting_email_assistant"


def test_a_later_instruction_in_another_language_becomes_a_rule() -> None:
    found = extract_constraints(Brief(task="Asistente de la tienda Lumo. Responde siempre con una pregunta al final."))
    assert any(c.kind == "requirement" and "Responde siempre" in c.text for c in found)


def test_a_mock_interview_keeps_its_own_length_and_feedback_instead_of_the_defaults() -> None:
    prompt = _prompt(
        "Run a mock interview for a barista job. Ask one question at a time, 4 questions total, and wait for the "
        "answer before the next. After the fourth answer, give feedback in 2 bullets: best answer, one thing to fix."
    )
    assert "4 questions total" in prompt
    assert "After the fourth answer, give feedback in 2 bullets: best answer, one thing to fix." in prompt
    assert "Make the feedback exactly 2 bullets." in prompt
    assert "end session" not in prompt
    assert "two strengths and two improvements" not in prompt
    assert "{{review}}" not in prompt


def test_a_sentence_opening_with_a_label_says_when_to_use_it() -> None:
    found = extract_constraints(
        Brief(task="Screen job ads. Decide OK, FIX or DROP. FIX when the salary is missing; DROP for scams or MLM.")
    )
    rules = [c.text for c in found if c.kind == "requirement"]
    assert 'Use "FIX" when the salary is missing.' in rules
    assert 'Use "DROP" for scams or MLM.' in rules


def test_a_verdict_returned_as_json_is_a_labelling_job_not_an_extraction() -> None:
    prompt = _prompt(
        'Review seller listings. Decide approve, hold or reject. Reply as JSON {"decision": "...", "note": "..."}.'
    )
    assert "Copy values exactly" not in prompt
    assert "Assign exactly one label: approve, hold or reject." in prompt


def test_a_companion_is_a_companion_whatever_the_model_guessed() -> None:
    result = generate(Brief(task="Companion for lonely pensioners that chats about their day.", target="claude"))
    assert result.archetypes[0].id == "general_assistant"
    assert "at most one question" in result.prompt


def test_a_spelling_game_is_a_tutor_and_a_changelog_is_no_moderation() -> None:
    assert generate(Brief(task="Spelling game for kids aged 7.")).archetypes[0].id == "tutor"
    assert generate(Brief(task="turn commit msgs into a changelog")).archetypes[0].id != "content_moderation"


def test_examples_in_an_aside_call_for_no_input_slot() -> None:
    result = generate(
        Brief(task="Flag forum posts that share contact details (phone numbers, emails).", target="claude")
    )
    assert "email" not in [v.name for v in result.variables]


def test_a_sentence_about_a_labels_topic_is_no_rule_for_it() -> None:
    for task in (
        "Classify support tickets as BUG, FEATURE or QUESTION. Feature requests often mention the roadmap.",
        "Triage emails into urgent, normal or spam. Spam messages should be deleted without a reply.",
        "Decide approve, hold or reject. Hold on, remember reviewers need a short reason.",
    ):
        assert not any(c.text.startswith("Use ") for c in extract_constraints(Brief(task=task))), task


def test_a_journal_or_a_companion_robot_is_no_companion_job() -> None:
    for task in (
        "Help me prepare a submission to a scientific journal.",
        "Write a blog post about AI companion robots.",
    ):
        assert "feels heard" not in _prompt(task), task


def test_spanish_descriptions_are_not_read_as_instructions() -> None:
    prompt = _prompt("Ayúdame a planificar viajes. Se trata de una agencia pequeña. Da igual el presupuesto.")
    assert "Follow this rule" not in prompt


def test_where_the_output_goes_is_no_pasted_input() -> None:
    result = generate(Brief(task="Draft replies to reviews. The response will be pasted into Google.", target="claude"))
    assert "response" not in [v.name for v in result.variables]


def test_a_game_for_fun_is_hosted_turn_by_turn() -> None:
    result = generate(Brief(task="trivia night host for our bar: five rounds, keep score per team", target="claude"))
    assert result.archetypes[0].id == "general_assistant"
    assert "Run the game one turn at a time" in result.prompt
    assert "Answer the question that was asked first" not in result.prompt


def test_an_intake_conversation_collects_first_and_outputs_its_record_last() -> None:
    task = (
        "Intake assistant for workplace complaints. Ask neutral questions one at a time to collect what happened. "
        "Never judge. When done, output a summary for the investigator with the fields date, location, description, "
        'using "not provided" for anything they didn\'t say.'
    )
    result = generate(Brief(task=task, target="claude"))
    assert result.archetypes[0].id == "general_assistant"
    output = result.prompt.split("<output_format>")[1]
    assert output.lstrip().startswith(
        "While you collect the details, reply in short plain turns with one question each."
    )
    assert 'Use "not provided" for anything not stated.' in output
    assert "null" not in output
    assert "<document>" not in result.prompt


def test_a_summary_then_a_json_array_keeps_both_parts() -> None:
    task = (
        "Read a customer interview transcript, write a summary of at most 4 sentences, then list every feature "
        'request as a JSON array of objects {"quote": "...", "theme": "..."}.'
    )
    output = generate(Brief(task=task, target="claude")).prompt.split("<output_format>")[1]
    assert output.lstrip().startswith("First the summary, then a JSON array")
    assert "no prose before or after" not in output
    assert "Give each item exactly these keys: quote, theme." in output


@pytest.mark.parametrize(
    "task",
    [
        "Excel formula helper for our accounts team. They're on Excel 2016, so no XLOOKUP.",
        "help me write google sheets formulas for my small shop's stock sheet",
        "Asistente de fórmulas de Excel para el equipo de finanzas. Responde en español.",
        "Coding assistant that writes VLOOKUP and SUMIFS formulas for our sales spreadsheet.",
    ],
)
def test_a_spreadsheet_formula_helper_gets_formula_rules_not_program_rules(task: str) -> None:
    prompt = _prompt(task)
    assert "formula" in prompt.split("</role>")[0]
    assert "imports" not in prompt
    assert "injection" not in prompt
    assert "```python" not in prompt
    assert "{{code}}" not in prompt


def test_a_python_script_for_a_spreadsheet_keeps_the_coding_rules() -> None:
    prompt = _prompt("Write Python scripts with openpyxl that fill Excel formulas into our monthly report.")
    assert "runnable code" in prompt


@pytest.mark.parametrize(
    "task",
    [
        "Tag support emails. Each email can have more than one tag from: billing, bug, account, feedback.",
        "Classifique as avaliações. Cada avaliação pode ter mais de uma categoria entre: atraso, app, preco. "
        'Responda só com JSON no formato {"categorias": [...], "sentimento": "positivo"}.',
        'Categorise news items into sport, politics, business, tech. Output JSON {"categories": ["..."]}',
    ],
)
def test_a_brief_that_allows_several_labels_never_asks_for_exactly_one(task: str) -> None:
    prompt = _prompt(task)
    assert "exactly one label" not in prompt
    assert "every label" in prompt
    assert "equally well" not in prompt


def test_a_single_label_brief_keeps_exactly_one() -> None:
    prompt = _prompt("Classify each support email as billing, bug, account or feedback.")
    assert "exactly one label" in prompt


@pytest.mark.parametrize(
    "task",
    [
        "Procurement helpdesk bot. Tools: search_suppliers(category, region), get_contract(supplier_id), "
        "raise_po(supplier_id, amount). Orders over £25,000 go to procurement@example.com with a summary.",
        "Agent for finance ops: reads vendor invoices, extracts amount and due date, then calls "
        "schedule_payment(vendor_id, amount, due_date).",
    ],
)
def test_named_tools_make_an_agent_whatever_one_word_suggests(task: str) -> None:
    result = generate(Brief(task=task, target="claude"))
    assert result.archetypes[0].id == "tool_agent"


def test_a_category_list_the_helper_names_is_no_classifier() -> None:
    task = (
        "Scratch club helper for kids aged 9-12. When a kid is stuck, give one hint at a time: name the block "
        "category (Motion, Looks, Events, Control, Sensing) and the block, never the whole script."
    )
    result = generate(Brief(task=task, target="claude"))
    assert result.archetypes[0].id != "classification"
    assert "Label:" not in result.prompt


def test_a_brief_that_asks_for_a_label_still_classifies() -> None:
    result = generate(Brief(task="Classify each message as billing, bug or other.", target="claude"))
    assert result.archetypes[0].id == "classification"


def test_a_catch_all_job_that_returns_json_gets_record_rules() -> None:
    task = (
        "Recipe converter for our homebrew club. Convert the pasted recipe to metric and return ONLY this JSON: "
        '{"batch_l": 0, "og": 0, "hops": []}. If OG is not in the recipe, set it to null.'
    )
    prompt = _prompt(task)
    assert "Say when a fact may be outdated" not in prompt
    assert "Return only the JSON object." in prompt
    assert "JSON:." not in prompt


def test_details_to_collect_in_a_chat_are_no_json_reply() -> None:
    prompt = _prompt("Warranty claims assistant. Ask for the serial number and purchase date before anything else.")
    assert "Return only the JSON object." not in prompt


@pytest.mark.parametrize(
    "task",
    [
        "WhatsApp assistant for our padel club members. Tools: check_courts(date), book_court(member_id, date, time).",
        "Slack bot that turns bug reports into jira tickets via create_issue(project, summary, priority).",
    ],
)
def test_tools_that_serve_a_person_in_a_chat_get_chat_habits(task: str) -> None:
    prompt = _prompt(task)
    assert "Before each tool call, state" not in prompt
    assert "lists the actions taken" not in prompt
    assert "never show tool names" in prompt


def test_an_autonomous_agent_keeps_its_habits() -> None:
    prompt = _prompt("Agent that reads vendor invoices and calls schedule_payment(vendor_id, amount, due_date).")
    assert "Before each tool call, state" in prompt


def test_a_foreign_business_cap_is_carried_in_its_own_words() -> None:
    task = "Asistente de reservas del Club de Pádel Las Salinas. Máximo 2 reservas por socio y semana."
    prompt = _prompt(task)
    assert "reservas por." not in prompt
    assert "Máximo 2 reservas por socio y semana." in prompt
