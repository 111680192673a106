"""Review 24: regressions and over-broad rules found in the engine commits 2d3f4a1..3724970.

Each test asserts the correct behaviour and names the defect in a one-line comment.
"""

from __future__ import annotations

import re

from app.engine.brief import Brief
from app.engine.compose.job import job_sentence
from app.engine.compose.sentences import split_sentences
from app.engine.constraints.clauses import split_clauses
from app.engine.constraints.prohibitions import find_prohibitions
from app.engine.constraints.sections import find_inline_outline
from app.engine.generate import generate
from app.engine.safety import detect_domains
from app.engine.safety.settled import plays_the_person


def _generate(task: str):
    return generate(Brief(task=task, target="claude"))


def _section(prompt: str, tag: str) -> str:
    match = re.search(rf"<{tag}>[\s\S]*?</{tag}>", prompt)
    return match.group(0) if match else ""


# --- safety ---------------------------------------------------------------------------------------------------


def test_patient_facing_or_patient_listener_keeps_the_safety_packs() -> None:
    # 1069caa plays_the_person: "is a patient-facing helper" / "a patient listener" read as role-play: ALL packs gone
    symptom_checker = _generate(
        "Chatbot for Elm Road GP surgery. It is a patient-facing helper: people describe their symptoms and it tells "
        "them whether to book a routine appointment, call 111 or go to A&E."
    )
    grief = _generate(
        "Grief support chat for Willow Hospice. The assistant is a patient listener for families after a death. "
        "Reflect feelings back, never rush them, 3 sentences max."
    )
    assert "Safety:" in symptom_checker.prompt
    assert "Safety:" in grief.prompt


def test_the_clients_first_visit_is_no_role_play() -> None:
    # 1069caa plays_the_person: "it is the client's ..." / "the bot is the patient's ..." match the role-play pattern
    assert not plays_the_person(["If it is the client's first visit, ask for their date of birth."])
    assert not plays_the_person(["The bot is the patient's first point of contact before they see a nurse."])
    assert not plays_the_person(["It will be the patients' main way to reach us out of hours."])


def test_a_scripted_crisis_reply_without_any_route_keeps_the_pack_crisis_rule() -> None:
    # fee1a81 states_crisis_step(action "say"): a scripted line with no helpline drops the pack's crisis rule
    result = _generate(
        "Evening journaling companion for a wellbeing app. Each night it asks the user how their day went and reflects "
        'back what they wrote, warmly. If the user mentions wanting to die or self-harm, reply: "That sounds really '
        "heavy. I'm here with you.\" and keep listening."
    )
    assert "crisis line" in result.prompt or "988" in result.prompt


def test_quoted_feelings_of_users_still_name_the_mental_health_domain() -> None:
    # fee1a81 _QUOTED_TERM: any quoted word is stripped before domain detection, not only banned terms
    assert "mental_health" in detect_domains(['Students write in when they feel "suicidal" or "hopeless".'])
    result = _generate(
        'Night-time chat for a student helpline. Students write in when they feel "suicidal" or "hopeless". '
        "Listen, be kind, 2-3 sentences per reply."
    )
    assert "Safety:" in result.prompt


# --- sources, escalation ----------------------------------------------------------------------------------------


def test_an_assistant_told_not_to_search_the_web_keeps_its_pasted_sources_slot() -> None:
    # cebada5 _SEARCHES_THE_WEB ignores negation: "do not use web search" removes the {{document}} slot
    result = _generate(
        "Fact-check assistant for a newsroom. Reporters paste an article plus the sources they used. Check each claim "
        "against the pasted sources; do not use web search."
    )
    assert "{{document}}" in result.prompt or "{{sources}}" in result.prompt


def test_the_briefs_only_escalation_contact_is_kept_even_if_it_names_a_team() -> None:
    # 7ad93ee _DEPARTMENT: the contact given for "asks for a human" is replaced by an invented colleague hand-off
    result = _generate(
        "Support bot for CloudNest hosting. Answer questions about plans and DNS. If the customer is unhappy or asks "
        "for a human, give them the billing team's number: 0800 123 4567."
    )
    escalation = next(line for line in result.prompt.splitlines() if "To escalate" in line)
    assert "0800 123 4567" in escalation


# --- sentence and clause splitting --------------------------------------------------------------------------------


def test_a_condition_after_a_quoted_reply_stays_with_the_reply() -> None:
    # 7ad93ee _quoted_reply_ends: 'Say: "…." if someone asks …' is cut, the reply becomes unconditional
    text = 'Say: "I can only help with bookings." if someone asks about anything else.'
    assert [text[a:b] for a, b in split_sentences(text)] == [text]
    result = _generate(
        "Booking assistant for Casa Lupa, a restaurant in Leeds. It takes table bookings. "
        'Say: "I can only help with bookings." if someone asks about anything else.'
    )
    assert "From the brief: If someone asks about anything else." not in result.prompt


def test_an_inch_mark_does_not_open_a_quotation_that_swallows_the_rules() -> None:
    # fee1a81 clauses._inside_quote: 27" opens a "quote" and "Do not take preorders." is no longer a prohibition
    text = (
        'The 27" Pro model is sold out until May. Do not take preorders. Never promise delivery dates. '
        'If asked about the Pro, say "It\'s back in stock in May" and offer the 32" model.'
    )
    assert len(split_clauses(text)) >= 3
    result = _generate("Support bot for PixelHaus, an online monitor shop. " + text)
    assert any(c.kind == "prohibition" and "preorders" in c.text for c in result.constraints)


def test_an_abbreviation_before_a_number_does_not_end_the_sentence() -> None:
    # b48f91b number-led split: "para. 12" is cut and "12 before answering …" becomes a rule of its own
    text = "Check the sick-pay rules in para. 12 before answering any sick-pay question."
    assert [text[a:b] for a, b in split_sentences(text)] == [text]


# --- rules vs context ---------------------------------------------------------------------------------------------


def test_background_facts_with_numbers_stay_context() -> None:
    # b48f91b _spec_fragment: any digit in the first words makes a fact a rule ("Family-run since 1998.")
    result = _generate(
        "I run a family B&B in the Lake District. 6 rooms, open March to November. Family-run since 1998. "
        "Around 30 emails a day in peak season. The assistant answers guest questions about rooms, breakfast times "
        "and local walks. Keep replies short and friendly."
    )
    instructions = _section(result.prompt, "instructions")
    assert "Family-run since 1998" not in instructions
    assert "Around 30 emails a day" not in instructions
    assert "6 rooms, open March to November" not in instructions


def test_a_statement_about_an_old_bot_stays_context() -> None:
    # fee1a81 _INSTRUCTS "the/our … bot <verb>s": a fact about the old bot becomes a requirement
    result = _generate(
        "Customer support bot for Zest Meal Kits. Our old bot handles about 200 chats a day and often gets stuck on "
        "delivery questions. Answer questions about deliveries, pausing a plan and recipes. Be upbeat and concise."
    )
    assert "handles about 200 chats a day" not in _section(result.prompt, "instructions")


def test_spanish_obligations_opening_with_en_stay_rules() -> None:
    # 2cc6b96 _BACKGROUND "en … tenemos/estamos": "En ningún caso estamos autorizados a …" is demoted to context
    result = _generate(
        "Asistente de WhatsApp para la Clínica Dental Sonrisa en Valencia. Responde a los pacientes sobre horarios, "
        "precios orientativos y cómo pedir cita. En todas las respuestas tenemos que recordar que la primera consulta "
        "es gratuita. En ningún caso estamos autorizados a dar diagnósticos por chat."
    )
    instructions = _section(result.prompt, "instructions")
    assert "primera consulta es gratuita" in instructions
    assert "diagnósticos por chat" in instructions


def test_a_rule_after_the_introduction_is_not_the_job() -> None:
    # 3724970 job_sentence: any VERBS imperative after "I run …" is the job, so the role reads "Keep every reply."
    task = (
        "I run a small bakery in Leeds. Keep every reply under 50 words. Customers message us on Instagram asking "
        "about opening hours, allergens and custom cake orders; answer them in a friendly way."
    )
    assert job_sentence(task) != 1
    assert "Keep every reply" not in _generate(task).spec.role


def test_a_third_person_never_rule_is_not_restated_twice() -> None:
    # b48f91b _first_verb_to_base: "Never quote …" no longer matches "never quotes …": the sentence is a 2nd rule
    result = _generate(
        "Chat assistant for Hartley's Bikes, a bike repair shop in Bristol. It answers customer questions about "
        "services and opening hours. It never quotes repair prices; it tells the customer to bring the bike in for a "
        "free check."
    )
    assert len(re.findall(r"quotes? repair prices", _section(result.prompt, "instructions"), re.I)) == 1


# --- wording ------------------------------------------------------------------------------------------------------


def test_third_person_verbs_in_es_get_a_correct_base_form() -> None:
    # b48f91b _first_verb_to_base: "freezes" -> "freez", "focuses" -> "focuse", "echoes" -> "echoe"
    assert [r.text for r in find_prohibitions("It never freezes accounts.")] == ["Never freeze accounts."]
    assert [r.text for r in find_prohibitions("It never focuses on price.")] == ["Never focus on price."]
    assert [r.text for r in find_prohibitions("It never echoes card numbers back.")] == [
        "Never echo card numbers back."
    ]


def test_adjectives_in_y_are_not_roles() -> None:
    # fee1a81 _NOUN_IN_Y: "-ary/-ery/-ncy/-ity" adjectives get "Do not act as …" ("not sugary", "not fancy")
    assert [r.text for r in find_prohibitions("Keep the tone warm, not sugary.")] == ["Do not be sugary."]
    assert [r.text for r in find_prohibitions("Keep the tone warm, not fancy.")] == ["Do not be fancy."]
    assert [r.text for r in find_prohibitions("Keep the tone warm, not ordinary.")] == ["Do not be ordinary."]


def test_a_description_of_the_input_is_no_reply_outline() -> None:
    # cebada5 find_inline_outline: "It has four parts: …" / "The exam has three parts: …" become the reply's sections
    assert (
        find_inline_outline("Users paste a contract. It has four parts: parties, term, payment and termination.")
        is None
    )
    assert find_inline_outline("The exam has three parts: Reading, Listening and Writing.") is None
    result = _generate(
        "Exam prep bot for IELTS students. The exam has three parts: Reading, Listening and Writing. Give feedback on "
        "the student's practice answers, with a band estimate."
    )
    assert "Use exactly these sections" not in result.prompt


def test_the_writing_task_output_does_not_contradict_its_unsure_path() -> None:
    # 3724970 WRITING_TASK output "no commentary before or after it" vs when_unsure "name it after the text"
    prompt = _generate(
        "I run a dog grooming salon. Write the reminder texts we send clients the day before their appointment: "
        "under 160 characters, friendly, include the time and the pet's name."
    ).prompt
    assert not ("no commentary before or after it" in prompt and "name it after the text" in prompt)
