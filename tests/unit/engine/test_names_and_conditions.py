"""Business names in non-English briefs, conditions in Chinese and Japanese, and conditions that span a list."""

from __future__ import annotations

import pytest

from app.engine.brief import Brief, extract_entities
from app.engine.constraints import Constraint, extract_constraints
from app.engine.generate import generate


def _of_kind(task: str, kind: str) -> list[Constraint]:
    return [c for c in extract_constraints(Brief(task=task)) if c.kind == kind]


@pytest.mark.parametrize(
    ("task", "name"),
    [
        ("Asistente para la web de Gestoría Almendro (Murcia). Resuelve dudas sobre la renta.", "Gestoría Almendro"),
        ("Extraia os dados de encaminhamentos para o sistema da Clínica Ipê Roxo.", "Clínica Ipê Roxo"),
        ("Réponds aux questions des clients pour Les Jardins de Marie, une jardinerie.", "Les Jardins de Marie"),
        ("箱根の旅館「湯守 ひのき荘」の予約問い合わせに答えるチャットアシスタントです。", "湯守 ひのき荘"),
        ("做一个初中物理的辅导老师，用在「小满学习」App 里。", "小满学习"),
    ],
)
def test_a_business_named_in_a_foreign_brief_is_the_organisation(task: str, name: str) -> None:
    assert extract_entities(task).organization == name
    assert name in generate(Brief(task=task, target="claude")).prompt.split("</role>")[0]


@pytest.mark.parametrize(
    "task",
    [
        "Secrets oder Passwörter im Klartext sind immer KRITISCH.",  # German "im" is no "I'm"
        "Bei Störungen im Stromnetz immer auf die Hotline verweisen.",
        "Responde en Español a los clientes.",
        "「予約係が確認してご連絡します」と伝えてください。",  # words to say, not a name
    ],
)
def test_a_preposition_or_a_quote_is_no_organisation(task: str) -> None:
    assert extract_entities(task).organization is None


def test_one_no_governs_a_list_of_no_items() -> None:
    [rule] = _of_kind("Explain payslips. No tax advice and no guesses about a tax code being wrong.", "prohibition")
    assert rule.text == "Avoid tax advice and guesses about a tax code being wrong."


def test_a_for_condition_over_several_comma_parts_stays_with_its_contact() -> None:
    task = (
        "No tax advice; for that, or anything about their own pay being short, tell them to email payroll@hr.example."
    )
    [fallback] = _of_kind(task, "fallback")
    assert fallback.condition == "for anything about their own pay being short"
    assert fallback.text.startswith("For anything about their own pay being short, tell the user to email")
    prompt = generate(Brief(task=f"Explain payslips to staff. {task}")).prompt
    assert "For anything about their own pay being short, tell the user to email payroll@hr.example." in prompt
    assert "missing: For anything" not in prompt


def test_a_chinese_condition_stays_with_the_number_to_call() -> None:
    task = "如果学生提到想伤害自己或者不想活了，要温和地请他告诉家长或老师，并拨打希望24热线 400-161-9995。"
    [fallback] = _of_kind(task, "fallback")
    assert fallback.value == "400-161-9995"
    assert fallback.condition == "如果学生提到想伤害自己或者不想活了"


def test_a_japanese_call_instruction_is_a_phone_fallback() -> None:
    [fallback] = _of_kind("分からない質問や苦情は 0460-85-0000 にお電話いただくよう案内してください。", "fallback")
    assert (fallback.action, fallback.value) == ("phone", "0460-85-0000")


def test_the_person_in_charge_is_no_hand_off_without_a_transfer() -> None:
    task = "担当者や期限が議事録に書かれていない場合は推測せず null にしてください。"
    assert _of_kind(task, "fallback") == []


def test_chinese_other_is_no_prohibition() -> None:
    assert _of_kind("只讲初中物理，别的科目就说这里只辅导物理。", "prohibition") == []
    assert _of_kind("别直接给答案。", "prohibition")


def test_the_job_sentence_after_an_introduction_is_the_task() -> None:
    brief = Brief(
        task=(
            "ok so im the office manager at Brambleway Vet Hospital and we get the same 10 questions all day. "
            "i want a chatbot on the site that can do: opening times, vaccines, how to register a new pet."
        ),
        target="claude",
    )
    role = generate(brief).prompt.split("</role>")[0]
    assert "opening times, vaccines, how to register a new pet" in role
    assert "office manager" not in role


def test_a_closed_label_set_is_a_labelling_job_even_when_the_model_leans_general() -> None:
    brief = Brief(task="tag recipes as vegan / vegetarian / pescatarian / omnivore. just the tag")
    result = generate(brief)
    assert result.archetypes[0].id in ("classification", "content_moderation", "grader")
    assert "pescatarian" in result.prompt


def test_both_items_before_only_are_the_topic() -> None:
    rules = [c.text for c in _of_kind("Plumbing bot. Areas we cover - LS and WF postcodes only.", "requirement")]
    assert "Only help with LS and WF postcodes." in rules


def test_a_titled_game_is_hosted_and_its_steps_are_yours() -> None:
    task = "kids (8-10) riddle game: the bot asks a riddle, gives up to 2 hints, then reveals the answer. keep score."
    result = generate(Brief(task=task, target="claude"))
    assert result.archetypes[0].id == "general_assistant"  # "keep score" in a game is no rubric
    role = result.prompt.split("</role>")[0]
    assert "You host a kids (8-10) riddle game." in role
    assert "You ask a riddle, give up to 2 hints, then reveal the answer." in role
    assert "Ask a riddle, give up to 2 hints before you reveal the answer." in result.prompt


def test_the_bot_in_a_brief_is_you_in_an_ordering_rule() -> None:
    [rule] = _of_kind("Agent for finance ops: reads invoices, extracts the amount, then calls pay(vendor).", "ordering")
    assert rule.text == "Read invoices, extract the amount before you call pay(vendor)."


def test_a_name_in_parentheses_after_a_business_noun_is_the_organisation() -> None:
    assert extract_entities("Bot for our climbing gym (Crux Hall) and its rental rules.").organization == "Crux Hall"
    role = generate(Brief(task="Help people at our climbing gym pick a shoe size.", target="claude")).prompt
    assert "at the climbing gym" in role
    assert "our climbing gym" not in role.split("</role>")[0]


def test_speak_to_staff_is_no_audience() -> None:
    assert _of_kind("If they ask about injuries tell them to speak to staff at the desk.", "audience") == []


def test_a_german_condition_before_its_number_keeps_routine_callers_off_the_emergency_line() -> None:
    task = "Bei Notfällen (Wasserrohrbruch, Gasgeruch) sofort auf die Notrufnummer 0800 555 1234 verweisen."
    [fallback] = _of_kind(task, "fallback")
    assert fallback.condition == "Bei Notfällen (Wasserrohrbruch, Gasgeruch)"


def test_a_clause_of_tone_words_is_the_tone() -> None:
    [tone] = _of_kind("Wedding toast helper. warm and funny.", "tone")
    assert tone.values == ["warm", "humorous"]


def test_a_titled_helper_keeps_its_steps_for_the_user() -> None:
    task = "A wedding speech helper: it asks me 5 questions about the couple first, then drafts a toast."
    prompt = generate(Brief(task=task, target="claude")).prompt
    assert prompt.startswith("<role>\nYou are a wedding speech helper. You ask the user 5 questions")
    assert "Ask the user 5 questions about the couple before you draft a toast." in prompt


def test_the_briefs_own_section_headings_are_the_output_format() -> None:
    task = (
        'Explain payslips to staff. Use exactly three sections with these headings: "What you earned", '
        '"What was taken off", "Questions for payroll". Under 180 words in total.'
    )
    result = generate(Brief(task=task, target="claude"))
    output = result.prompt.split("<output_format>")[1].split("</output_format>")[0]
    assert '"What you earned", "What was taken off", "Questions for payroll"' in output
    assert "numbered list" not in output
    assert "From the brief: Under 180 words" not in result.prompt
    assert "investment" not in result.prompt  # pay and tax are money, not investing


def test_a_numbered_second_step_ends_the_label_list() -> None:
    task = "Read each email and (1) sorts it as HELP_REQUEST, VOLUNTEER, DONATION or OTHER, and (2) drafts a reply."
    [labels] = _of_kind(task, "labels")
    assert labels.values == ["HELP_REQUEST", "VOLUNTEER", "DONATION", "OTHER"]
    prompt = generate(Brief(task=task, target="claude")).prompt
    assert 'Use the label "OTHER" when no label fits.' in prompt


def test_children_of_the_people_writing_in_are_no_child_audience() -> None:
    task = (
        "Sort food bank emails as HELP or OTHER and draft a reply. If someone mentions they have had no food for "
        "days or have children going hungry, give the emergency line 0300 123 4567."
    )
    result = generate(Brief(task=task, target="claude"))
    assert "Audience:" not in result.prompt  # "for days or have children" is no audience
    assert "child's personal information" not in result.prompt


@pytest.mark.parametrize(
    ("task", "expected"),
    [
        (
            "Give the price if you know it, otherwise say 'price in store'.",
            'Otherwise (when "Give the price if you know it" does not hold), reply exactly: "price in store"',
        ),
        (
            "indique le prix si tu le connais, sinon dis « prix en magasin ».",
            'Otherwise (when "indique le prix si tu le connais" does not hold), reply exactly: "prix en magasin"',
        ),
    ],
)
def test_a_bare_otherwise_names_what_it_is_the_otherwise_of(task: str, expected: str) -> None:
    [fallback] = _of_kind(task, "fallback")
    assert fallback.text == expected
    assert f"- {expected}" in generate(Brief(task=f"Grocery helper. {task}", target="claude")).prompt


def test_a_shop_named_after_its_kind_in_french_or_spanish() -> None:
    assert extract_entities("Assistant de l'épicerie Au Bon Panier : aide les clients.").organization == "Au Bon Panier"
    assert extract_entities("Chatbot de la tienda Zapatos Luna para dudas.").organization == "Zapatos Luna"
    assert extract_entities("Resume las actas de la reunión del equipo de ventas").organization is None


def test_a_point_in_the_session_is_no_length_limit() -> None:
    limits = _of_kind("Spelling game. At most 2 sentences per message. After 10 words, celebrate and stop.", "limit")
    assert [(c.unit, c.maximum) for c in limits] == [("sentences", 2)]


def test_a_one_word_prohibition_keeps_the_sentence_that_says_when() -> None:
    task = 'Any reservation over 500 units needs a human: post to notify_slack with "#ops" and stop, don\'t reserve.'
    [rule] = _of_kind(task, "prohibition")
    assert rule.text == task


def test_bullets_of_feedback_limit_the_feedback_only() -> None:
    [limit] = _of_kind("On /debrief, give a score from 1 to 10 and exactly 3 bullets of feedback.", "limit")
    assert (limit.exact, limit.scope) == (3, "the feedback")


def test_japanese_words_to_say_for_what_the_rules_do_not_cover() -> None:
    task = "就業規則の質問に答えるアシスタント。規則に書かれていないことは「人事部にお問い合わせください」と答える。"
    assert _of_kind(task, "prohibition") == []  # "…ないことは" names a topic; it forbids nothing
    [fallback] = _of_kind(task, "fallback")
    assert (fallback.action, fallback.value) == ("say", "人事部にお問い合わせください")
    assert fallback.condition == "規則に書かれていないことは"


@pytest.mark.parametrize(
    ("task", "scope"),
    [
        ("Score each criterion, then draft a feedback email to the applicant of at most 150 words.", "the email"),
        ("Primero el nivel en una línea sola, luego una explicación de máximo 60 palabras.", "the explanation"),
        ("Classify the call as EMERGENCY or ROUTINE and give the reason in one sentence.", "the reason"),
    ],
)
def test_a_limit_on_a_later_part_scopes_that_part(task: str, scope: str) -> None:
    assert scope in [c.scope for c in _of_kind(task, "limit")]


def test_one_line_among_other_parts_is_no_cap_on_the_reply() -> None:
    task = "Draft an obituary of 150 to 250 words. End with the service details on one line."
    prompt = generate(Brief(task=task, target="claude")).prompt
    assert "Reply in exactly 1 line" not in prompt
    assert "End with the service details on one line." in prompt
    whole = _of_kind("Tldr for arxiv abstracts, one line.", "limit")
    assert [(c.exact, c.scope) for c in whole] == [(1, None)]  # nothing else in the reply: the whole reply


@pytest.mark.parametrize(
    "task",
    [
        "SQL helper. Tables: shipments(id, origin), customers(id, name, region, tier).",
        "Da 3 opciones numeradas, cada una de máximo 25 palabras, sin emojis.",
        "Si es URGENTE (no respira bien, convulsiones, ha comido veneno), dile que llame ya al 955 123 456.",
    ],
)
def test_signatures_limits_and_symptom_lists_are_no_label_sets(task: str) -> None:
    assert _of_kind(task, "labels") == []


def test_spanish_levels_are_a_label_set_and_a_relative_no_forbids_nothing() -> None:
    task = "Usa solo tres niveles: URGENTE, HOY o PUEDE_ESPERAR. Si hay sangrado que no para, dile que llame al 112."
    [labels] = _of_kind(task, "labels")
    assert labels.values == ["URGENTE", "HOY", "PUEDE_ESPERAR"]
    assert _of_kind(task, "prohibition") == []


def test_an_order_under_a_condition_keeps_the_condition() -> None:
    task = "If they mention chest pain or fainting, tell them to stop and talk to their GP before carrying on."
    [rule] = _of_kind(task, "ordering")
    assert rule.text == task


def test_the_emergency_service_beside_an_emergency_is_the_packs_number() -> None:
    task = (
        "Answer questions from patients after knee surgery using the leaflet. If they mention calf pain, a fever or "
        "chest pain, tell them to call the Ward on 020 7946 0321, or 999 for chest pain or trouble breathing."
    )
    prompt = generate(Brief(task=task, target="claude")).prompt
    assert "tell them first to call 999 now" in prompt
    assert "tell them first to call 020 7946 0321" not in prompt


def test_asides_and_amounts_are_no_steps_scopes_or_limits() -> None:
    [order] = _of_kind(
        "It should ask at most 2 questions first (light, watering, how long) and then give the likely cause.",
        "ordering",
    )
    assert order.text == "Ask at most 2 questions before you give the likely cause."
    assert _of_kind("Returns assistant for Fernridge (outdoor gear, online only).", "requirement") == []
    assert _of_kind("Small grants of up to £5,000 for arts projects.", "limit") == []
    [rule] = _of_kind("show notes. no hashtags no jokes", "prohibition")
    assert rule.text == "Avoid hashtags and jokes."
    [tool_order] = _of_kind("Verify identity with verify_customer(customer_id, dob) before using any tool.", "ordering")
    assert "verify_customer(customer_id, dob)" in tool_order.text


def test_the_wish_after_an_introduction_and_a_business_that_wants_are_the_role() -> None:
    task = (
        "hi so im the member services lead at Thornbury Credit Union and we want a little budgeting helper in our app."
    )
    role = generate(Brief(task=task, target="claude")).prompt.split("</role>")[0]
    assert "You are a little budgeting helper in the app" in role
    assert "member services lead" not in role
    task = 'Greenhollow Garden Centre wants a "plant doctor" on our website chat. people describe sick plants.'
    assert extract_entities(task).organization == "Greenhollow Garden Centre"
    role = generate(Brief(task=task, target="claude")).prompt.split("</role>")[0]
    assert 'You are a "plant doctor" on the website chat for Greenhollow Garden Centre.' in role


def test_one_word_to_explain_is_no_one_word_reply() -> None:
    task = "Tutoie l'enfant, 3 phrases maximum, et explique au plus un mot difficile par réponse."
    assert [(c.unit, c.maximum) for c in _of_kind(task, "limit")] == [("sentences", 3)]
    assert [(c.unit, c.exact) for c in _of_kind("Answer with a one-word label.", "limit")] != []


def test_the_us_crisis_line_is_not_offered_beside_the_briefs_own_line_or_in_another_language() -> None:
    zh = "做一个心情日记陪伴助手。如果用户提到想伤害自己，请温和地请他拨打北京心理危机干预热线 010-82951332。"
    assert "988" not in generate(Brief(task=zh, target="claude")).prompt
    en = "A journaling companion for stressed students. If they mention self-harm, respond with care."
    assert "988 Suicide & Crisis Lifeline" in generate(Brief(task=en, target="claude")).prompt


@pytest.mark.parametrize(
    ("task", "number", "condition"),
    [
        (
            "Wer von Suizidgedanken, Gewalt in der Pflege oder Überforderung spricht, bekommt sofort die "
            "Telefonseelsorge 0800 111 0 111.",
            "0800 111 0 111",
            "Wer von Suizidgedanken",
        ),
        (
            "Se la risposta non è nel programma, scrivi a info@proloco.example.",
            "info@proloco.example",
            "Se la risposta",
        ),
        ("Als iemand vraagt naar een afspraak, bel dan 075 655 0000.", "075 655 0000", "Als iemand"),
    ],
)
def test_a_foreign_condition_stays_with_its_contact(task: str, number: str, condition: str) -> None:
    (fallback,) = _of_kind(task, "fallback")
    assert fallback.value == number
    assert condition in fallback.text
    assert not fallback.text.startswith("When you cannot help")


@pytest.mark.parametrize(
    ("task", "maximum", "scope"),
    [
        ("Massimo 4 frasi, dai del lei.", 4, None),
        ("Schrijf op taalniveau B1, maximaal 80 woorden per antwoord.", 80, None),
        ("Escreva duas descrições, cada uma com no máximo 60 palavras.", 60, "each item"),
        ("Dos opciones, cada una de máximo 20 palabras.", 20, "each item"),
    ],
)
def test_italian_dutch_and_each_part_limits(task: str, maximum: int, scope: str | None) -> None:
    (limit,) = _of_kind(task, "limit")
    assert limit.maximum == maximum
    assert limit.exact is None
    assert limit.scope == scope


@pytest.mark.parametrize(
    ("task", "name"),
    [
        (
            "Somos la Clínica Veterinaria Los Olivos (Sevilla). Queremos un asistente en la web.",
            "Clínica Veterinaria Los Olivos",
        ),
        (
            "Wir sind die Fahrradwerkstatt Speichenliebe in Kiel. Der Assistent soll Termine vergeben.",
            "Fahrradwerkstatt Speichenliebe",
        ),
        ("Sou psicóloga. Quero um assistente; se alguém falar em suicídio, ligar para o CVV 188.", None),
        ("Wir sind ein kleiner Landgasthof im Allgäu. Ich möchte Bewertungen zusammenfassen.", None),
    ],
)
def test_the_business_a_foreign_requester_speaks_for(task: str, name: str | None) -> None:
    assert extract_entities(task).organization == name


def test_a_foreign_requesters_introduction_is_not_the_job() -> None:
    task = "Sou psicóloga e coordeno o Projeto Acolher. Quero um assistente de bem-estar para os estudantes."
    role = generate(Brief(task=task, target="claude")).prompt.split("</role>")[0]
    assert "Quero um assistente de bem-estar" in role
    assert "Sou psicóloga" not in role
