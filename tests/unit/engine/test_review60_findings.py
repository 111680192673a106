"""Review 60 (helper rev60): regressions and over-broad rules from the engine commits adc94b7..edaab39, each pinned on
a brief a real user would write. Every test here fails at edaab39; the comment on each says whether it passed at
adc94b7 (all of them did: each is a regression, not an old gap)."""

from __future__ import annotations

import re

from app.engine.brief import Brief
from app.engine.generate import read_constraints
from tests.unit.engine.reading import archetype_ids, claude_prompt, instructions_of, limit_texts, section

_CHILD_RULE = "Never ask for or keep a child's personal information"


# --- language.py: _CONDITIONAL_MIRROR / _CONDITION_OPENS (a language named in an if-case) ----------


def test_still_answer_in_english_when_they_write_portuguese() -> None:
    # _CONDITIONAL_MIRROR skips "English" because an if-case precedes it, though the case is no mirror: the reply
    # language is the one the brief fixes, and the HEAD prompt says the opposite ("every reply in Portuguese").
    # Passed at adc94b7 ("Always reply in English.").
    prompt = claude_prompt(
        "You're the booking assistant for a surf school in Lisbon. If someone writes in Portuguese, still answer in "
        "English: our instructors only read English."
    )
    assert "reply in Portuguese" not in prompt
    assert re.search(r"reply in English", prompt)


def test_german_reply_kept_when_english_writers_get_german_anyway() -> None:
    # "Wenn Kunden auf Englisch schreiben, antworte trotzdem auf Deutsch": a case whose reply is NOT the case's
    # language; HEAD drops the reply language altogether. Passed at adc94b7 ("Always reply in German.").
    prompt = claude_prompt(
        "Du bist der Chatbot der Stadtwerke Lindau. Wenn Kunden auf Englisch schreiben, antworte trotzdem auf Deutsch."
    )
    assert re.search(r"reply in German|replies? in German", prompt)


# --- limits.py: _LABEL_AFTER_LINES / _EMPHASIS -----------------------------------------------------


def test_lines_strictly_is_emphasis_not_a_label() -> None:
    # "3 lines STRICTLY" is shouting, not "STRICTLY lines": HEAD says "Keep to at most 3 STRICTLY lines."
    # (same with "5 lines STRICT"). Passed at adc94b7 ("Reply in exactly 3 lines.").
    limits = limit_texts(
        "Write the caption for each Instagram post of our bakery. 3 lines STRICTLY, then the hashtags."
    )
    assert not any("STRICTLY" in t for t in limits), limits
    assert any("3 lines" in t for t in limits), limits


# --- limits.py: _HELD_COUNT ------------------------------------------------------------------------


def test_you_have_280_characters_is_a_length() -> None:
    # "You have 280 characters" is the budget of the reply, not something the customer owns: _HELD_COUNT drops it, so
    # the three variants get no length at all. Passed at adc94b7 ("Keep each variant to at most 280 characters.").
    limits = limit_texts(
        "Write tweets announcing our coffee roastery's new single-origin beans. You have 280 characters, so make "
        "every word count."
    )
    assert any("280" in t for t in limits), limits


def test_it_has_2_lines_on_the_lock_screen_is_a_length() -> None:
    # "It has 2 lines at most on the lock screen": the notification's room, i.e. the reply's length.
    # Passed at adc94b7 ("Keep the reply to at most 2 lines.").
    limits = limit_texts(
        "Write the push notification text for our food delivery app. It has 2 lines at most on the lock screen, so "
        "keep it punchy."
    )
    assert any("2 lines" in t for t in limits), limits


# --- limits.py: _INPUT_WITH ------------------------------------------------------------------------


def test_textos_com_no_maximo_is_the_reply_length_in_a_rules_list() -> None:
    # In a list of writing rules, "Textos com no máximo 80 palavras" is the post's own length, not a condition on
    # arriving texts. Passed at adc94b7 ("Keep the text to at most 80 words.").
    limits = limit_texts(
        "Você escreve posts para o Instagram de uma padaria em Curitiba.\n"
        "Regras:\n"
        "- Textos com no máximo 80 palavras\n"
        "- sempre terminar com uma pergunta"
    )
    assert any("80" in t for t in limits), limits


def test_textes_avec_120_mots_maximum_is_the_reply_length() -> None:
    # French: "Textes avec 120 mots maximum, ton sobre": the listing's length. Passed at adc94b7.
    limits = limit_texts(
        "Tu rédiges les descriptions de nos annonces immobilières. Textes avec 120 mots maximum, ton sobre, pas de "
        "superlatifs."
    )
    assert any("120" in t for t in limits), limits


# --- limits.py: _latin_line_label ------------------------------------------------------------------


def test_note_prefix_is_no_line_label_in_a_chinese_brief() -> None:
    # "NOTE：每次回复不超过60字" is a note about every reply; HEAD limits "the NOTE line" (an "IMPORTANT:" prefix
    # does the same). Passed at adc94b7 ("Keep the reply to at most 60 characters.").
    limits = limit_texts("你是一家奶茶店的微信客服。NOTE：每次回复不超过60字，语气亲切。")
    assert not any("NOTE line" in t for t in limits), limits
    assert any("60" in t and "reply" in t for t in limits), limits


# --- people.adults_ask / safety _FOR_THE_CHILDREN / cross_checks._without_described_children ---------


def test_kids_who_also_use_the_chat_keep_the_child_pack() -> None:
    # Parents ask, AND the kids themselves use the chat: the children's pack goes, and the audience is cut to
    # "kids aged 8" (the "to 12" lost). Passed at adc94b7 (pack present, "kids aged 8 to 12").
    prompt = claude_prompt(
        "We run a coding club for kids aged 8 to 12 in Bristol. Parents ask us about schedules, prices and what laptop "
        "to buy. The kids themselves also use the chat to ask for help with their Scratch projects when they're stuck "
        "at home."
    )
    assert _CHILD_RULE in prompt
    assert "kids aged 8." not in prompt


def test_homework_helper_for_pupils_keeps_the_child_pack_when_parents_ask_something() -> None:
    # A tutor the pupils type into; "Parents ask us to keep it strictly on schoolwork" is a wish of the parents, not
    # who chats. HEAD drops the children's pack and the age audience. Passed at adc94b7.
    prompt = claude_prompt(
        "Homework helper for our tutoring centre, for pupils aged 9-14. Parents ask us to keep it strictly on "
        "schoolwork. The pupils type their maths questions and the bot explains step by step."
    )
    assert _CHILD_RULE in prompt


def test_german_music_school_children_write_themselves() -> None:
    # "Eltern fragen …, die Kinder schreiben selbst": children are readers too. Passed at adc94b7.
    prompt = claude_prompt(
        "Du bist der Chat-Assistent unserer Musikschule für Kinder von 6 bis 12 Jahren. Eltern fragen nach Terminen "
        "und Preisen, die Kinder schreiben selbst, wenn sie Fragen zum Üben haben."
    )
    assert _CHILD_RULE in prompt


# --- compose/__init__.py: _RECORD_OF_A_PERSON ------------------------------------------------------


def test_therapy_recap_written_to_the_client_keeps_mental_health_rules() -> None:
    # The transcript is the input, but the recap is addressed to the client ("in second person", read alone in the
    # app): not a professional's record. HEAD drops the whole mental-health pack. Passed at adc94b7.
    prompt = claude_prompt(
        "After each session, our online therapy platform gets the transcript. Write a short recap addressed to the "
        "client in second person: what they worked on, the coping skill they practised, and their homework for next "
        "week. Clients read it in the app the same evening."
    )
    assert "diagnos" in prompt
    assert re.search(r"crisis line|988", prompt)


def test_follow_up_text_to_a_crisis_caller_keeps_mental_health_rules() -> None:
    # A message sent TO the caller of a crisis line, written from the call transcript. Passed at adc94b7
    # ("Take every feeling the person shares seriously …", "Do not diagnose …").
    prompt = claude_prompt(
        "A crisis line volunteer pastes the call transcript. Write the follow-up text message we send to the caller "
        "the next morning: warm, 3 sentences, remind them of the services they agreed to contact."
    )
    assert "seriously" in prompt or "diagnos" in prompt


# --- archetypes/evaluation.py: grader 'grade' lookarounds ------------------------------------------


def test_grading_comic_strips_is_grading() -> None:
    # The condition-of-goods lookahead ("comics?") kills "grade" for a teacher grading comic strips: HEAD makes it
    # "You are a creative writer." Passed at adc94b7 (grader first).
    task = (
        "Grade the comic strips my 8th graders draw for the media literacy unit: storytelling, use of panels, and "
        "message, each out of 5, with a short comment."
    )
    assert archetype_ids(task)[:1] == ["grader"]
    assert "creative writer" not in claude_prompt(task)


def test_lab_report_layout_with_a_grade_slot_is_grading() -> None:
    # "RESULT: <grade>" is the one word naming the job; the (?<!<) lookbehind turns it into a tutor ("the student's
    # students"). Passed at adc94b7 (grader first).
    task = (
        "Look at each Year 9 lab report my students hand in and reply exactly like this:\n"
        "RESULT: <grade>\n"
        "STRENGTH: <one sentence>\n"
        "NEXT STEP: <one sentence>"
    )
    assert "grader" in archetype_ids(task)
    assert "student's students" not in claude_prompt(task)


# --- archetypes/work.py: code_reviewer "review … scripts/pipelines/…", "findings per line" ---------


def test_reviewing_sales_call_scripts_is_no_code_review() -> None:
    # Call-centre scripts are prose; HEAD: "You are a code reviewer … problems in the code". Passed at adc94b7.
    task = (
        "You review the sales scripts our call-centre reps use for cold calls. Point out where the script sounds "
        "pushy, where it is unclear, and suggest a friendlier line."
    )
    assert "code_reviewer" not in archetype_ids(task)
    assert "code reviewer" not in claude_prompt(task)


def test_reviewing_the_sales_pipeline_is_no_code_review() -> None:
    # A CRM sales pipeline; HEAD: "senior engineer reviewing code changes … before it merges". Passed at adc94b7.
    task = (
        "Every Monday, review our sales pipeline from the CRM export and tell the team which deals are stuck and what "
        "to do next."
    )
    assert "code_reviewer" not in archetype_ids(task)
    assert "merge" not in claude_prompt(task)


def test_one_finding_per_line_on_house_inspection_notes_is_no_code_review() -> None:
    # "One finding per line" (+4) makes a surveyors' notes audit a code review ("endanger production … before
    # merge"). Passed at adc94b7 (writing_editor).
    task = (
        "Audit the house inspection notes our surveyors write and list what's missing. One finding per line, most "
        "serious first."
    )
    assert "code_reviewer" not in archetype_ids(task)
    assert "merge" not in claude_prompt(task)


# --- brief.py: _NAMED_SELLER / archetypes/language.py: "sells online" ------------------------------


def test_owner_first_name_is_not_the_business() -> None:
    # "Anna runs a small bakery": Anna is the owner; HEAD says "a customer support agent for Anna" and "only help with
    # questions about Anna". Passed at adc94b7.
    prompt = claude_prompt(
        "Anna runs a small bakery in Leeds and wants a chatbot that answers questions about opening hours, allergens "
        "and custom cake orders."
    )
    assert "for Anna" not in prompt
    assert "questions about Anna" not in prompt


def test_parts_lookup_for_an_online_shop_gets_no_marketing_rules() -> None:
    # "sells spare parts … online" adds marketing_copy to a part-number lookup: "Lead with the reader's benefit" in a
    # support bot. Passed at adc94b7.
    task = (
        "Our shop sells spare parts for vintage motorbikes online. Help customers find the right part number from "
        "their bike's model and year."
    )
    assert "marketing_copy" not in archetype_ids(task)
    assert "Lead with the reader's benefit" not in claude_prompt(task)


# --- phrasing.REPLY_COLON / clauses._fixed_end -----------------------------------------------------


def test_say_colon_fixed_reply_ends_before_the_brief_goes_on() -> None:
    # 'say: Sorry, I can only help with train travel.' is followed by the brief's own sentences ("The tone should be
    # …", "Ticket refunds must …"): HEAD glues all three into the fixed reply, so the bot would say them. Passed at
    # adc94b7 (three separate rules).
    prompt = claude_prompt(
        "You answer questions for Northline Trains on our website. If someone asks about anything other than trains, "
        "tickets or delays, say: Sorry, I can only help with train travel. The tone should be friendly and you should "
        "use the customer's first name when they give it. Ticket refunds must be sent to the refunds team."
    )
    for line in prompt.splitlines():
        assert not ("only help with train travel" in line and "Ticket refunds" in line), line


# --- ban_extent.py: _OR_VERB_TAIL -----------------------------------------------------------------------


def test_or_tell_them_to_call_the_clinic_is_not_banned() -> None:
    # "Never diagnose a pet, or tell the owner to call the clinic … when the animal seems unwell": the route after
    # ", or" is what to do instead; HEAD bans it ("Never diagnose a pet, or tell the owner to call …") beside a
    # guardrail that orders it. Passed at adc94b7 ("Never diagnose a pet." + the route).
    task = (
        "You're the front-desk bot for a vet. Never diagnose a pet, or tell the owner to call the clinic on "
        "01632 960123 when the animal seems unwell."
    )
    assert not any(c.kind == "prohibition" and "call the clinic" in c.text for c in read_constraints(Brief(task=task)))
    prompt = claude_prompt(task)
    assert "Never diagnose a pet, or tell" not in prompt
    assert "01632 960123" in prompt


# --- orderings.py: _OTHERS_STEP / _AND_THEN ------------------------------------------------------------


def test_and_then_you_step_stays_an_instruction() -> None:
    # "Callers describe their problem, and then you tell them which department": the second step is the assistant's
    # own job; HEAD moves the whole sentence to <context> ("From the brief: …"). Passed at adc94b7.
    prompt = claude_prompt(
        "Hospital switchboard assistant. Callers describe their problem, and then you tell them which department to "
        "ask for. Never give medical advice."
    )
    assert "department" in instructions_of(prompt)


# --- openapi.py (PyYAML paths:) --------------------------------------------------------------------


def test_openapi_excerpt_to_write_a_client_for_is_no_tool_set() -> None:
    # The pasted API is what the code is FOR, not tools the assistant calls: HEAD adds a <tools> section and "Call a
    # listed tool when its trigger condition applies". Passed at adc94b7 (excerpt kept as material).
    prompt = claude_prompt(
        "Generate a TypeScript fetch client for this API excerpt. One exported async function per operation, typed "
        "params, no external libraries.\n\n"
        "```yaml\n"
        "paths:\n"
        "  /customers:\n"
        "    get: {operationId: findCustomer, parameters: [postcode, surname]}\n"
        "  /customers/{id}/notes:\n"
        "    post: {operationId: addNote, body: [text, author]}\n"
        "```"
    )
    assert "<tools>" not in prompt
    assert "Call a listed tool" not in prompt


# --- labels.py / compose/blocks.py: 'CODE - what it covers' lines after a sentence naming categories ---


def test_who_handles_each_category_is_no_label_set() -> None:
    # "PRINTERS - Dave in room 12" lines are a routing table, not labels for the reply; HEAD reads them as labels
    # ("each label with what it covers", "Use only these categories …; never name another"). Passed at adc94b7.
    task = (
        "Helpdesk bot for our school's IT team. Staff tickets fall into a few categories, and here is who handles "
        "each.\n"
        "PRINTERS - Dave in room 12\n"
        "LAPTOPS - the IT office, ext 240\n"
        "ACCOUNTS - email itsupport@school.org\n"
        "Tell the staff member who to contact and what to include in their message."
    )
    assert not any(c.kind == "labels" for c in read_constraints(Brief(task=task)))
    prompt = claude_prompt(task)
    assert "each label with what it covers" not in prompt
    assert "Use only these categories" not in prompt


# --- compose/plan.py: spec-handover sentence dropped -----------------------------------------------


def test_spanish_task_sentence_before_a_tool_table_is_kept() -> None:
    # "Con estas funciones consulta los huecos libres y reserva la cita que elija el cliente:" is the job (book the
    # slot the CUSTOMER picks), not a bare hand-over; HEAD blanks it with the table. Passed at adc94b7.
    prompt = claude_prompt(
        "Asistente de citas de la Clínica Vet Norte. Con estas funciones consulta los huecos libres y reserva la cita "
        "que elija el cliente:\n\n"
        "| herramienta | parámetros | qué hace |\n"
        "|---|---|---|\n"
        "| huecos_libres | fecha, tipo_visita | lista las horas libres |\n"
        "| reservar_cita | hora, nombre_mascota, telefono | reserva y devuelve el código |"
    )
    assert "elija el cliente" in prompt


# --- compose/output.py: _LINE_TEMPLATE with <slot> lines; sentences.py split after a line ending in '>' ---


def test_three_line_layout_opening_with_a_slot_line_is_no_one_line_template() -> None:
    # The first line of a three-line layout has three slots; HEAD makes it the whole reply ("One line per item, in
    # exactly this form: `<customer> called about <topic> on <date>`") and splits "Follow-up needed: yes/no" off as
    # a rule. Passed at adc94b7 (the three lines kept as one layout).
    prompt = claude_prompt(
        "You summarise each support call for our CRM. Output:\n"
        "<customer> called about <topic> on <date>\n"
        "Outcome: <one sentence>\n"
        "Follow-up needed: yes/no"
    )
    assert "One line per item" not in section(prompt, "output_format")
    assert re.search(r"Outcome: <one sentence>\s*\n\s*Follow-up needed: yes/no", prompt)
