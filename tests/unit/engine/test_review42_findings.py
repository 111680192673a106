"""Review 42: hostile review of 170d818..64ac5ea (the assistant's name, the business named by a possessive, a job said
of the assistant in the third person, 'We need …' in the use case, plant diseases and other safety-pack exits, foreign
bans and say-verbs, tags before scripted replies, mention-once lines, companion/tutor/intake/meeting cues, settled
answer timing).

Each failing test names one defect the changes bring in (most are regressions against 170d818; a few are left by them
in the code they touched, and say so); the guard tests pin close variants that the changes handle as intended.
"""

from __future__ import annotations

import pytest

from app.engine.brief import Brief
from app.engine.generate import generate, read_constraints
from tests.unit.engine.reading import archetype_ids, claude_prompt, forbidden_features, instructions_of, section


def _role(task: str) -> str:
    return section(claude_prompt(task), "role").strip()


def _fallbacks(task: str) -> list[tuple[str | None, str]]:
    return [(c.action, c.value or "") for c in read_constraints(Brief(task=task)) if c.kind == "fallback"]


# --- 1. assistant_name: a person's name the brief mentions becomes the assistant's -----------------------------------

_SOMEONE_ELSES_NAME = [
    pytest.param(
        "Support bot for Brightside Energy. Answer billing questions. If the customer wants to cancel, hand them over "
        "to our retention agent named Sarah.",
        "Sarah",
        id="en-human-agent-named",
    ),
    pytest.param(
        "Customer support bot for Halden Bikes in Leeds. Answer questions about repairs and opening hours. Refund "
        "requests go to our store manager. Her name is Joanne.",
        "Joanne",
        id="en-her-name-is",
    ),
    pytest.param(
        "Eres el asistente virtual de la Clínica Dental Sonrisa en Sevilla. Responde dudas sobre horarios y precios. "
        "Si el paciente quiere hablar con una persona, pásalo a nuestra asistente llamada Marta.",
        "Marta",
        id="es-human-asistente-llamada",
    ),
]


@pytest.mark.parametrize(("task", "name"), _SOMEONE_ELSES_NAME)
def test_a_colleagues_name_is_not_the_assistants(task: str, name: str) -> None:
    """assistant_name.py `_NAME_AFTER_NOUN` / `_NAME_SENTENCE` (e062cd8): 'agent', 'asistente' and 'her name is' name
    the HUMAN the bot hands over to just as often as the bot. The prompt now opens 'You are Sarah, a customer support
    agent …' / 'You are Marta, …' while the brief tells it to pass the customer to Sarah/Marta: the bot impersonates
    the colleague it must hand off to. 170d818 had no name in the role."""
    assert not _role(task).startswith(f"You are {name},"), _role(task)


@pytest.mark.parametrize(
    ("task", "name"),
    [
        pytest.param(
            "I'm a life coach named Dana Reyes. Build an assistant that books discovery calls with new clients and "
            "answers questions about my packages.",
            "Dana Reyes",
            id="life-coach",
        ),
        pytest.param(
            "I'm a maths tutor called Priya Shah. I want a bot that sets weekly homework for my GCSE students and "
            "checks their answers.",
            "Priya Shah",
            id="maths-tutor",
        ),
    ],
)
def test_the_owners_own_name_is_not_the_assistants(task: str, name: str) -> None:
    """assistant_name.py `_ASSISTANT_NOUN` has 'coach', 'tutor', 'guide': 'I'm a life coach named Dana Reyes' is the
    person who wants the bot. The prompt now says 'You are Dana Reyes, a customer support agent' / 'You are Priya
    Shah, a patient tutor': the bot claims to be the human professional."""
    assert not _role(task).startswith(f"You are {name},"), _role(task)


def test_a_document_named_in_the_brief_is_not_the_assistant() -> None:
    """assistant_name.py `_ASSISTANT_NOUN` has 'guide': 'the guide called Employee Handbook' is the source to answer
    from. The role reads 'You are Employee Handbook, a question-answering assistant …'."""
    task = (
        "HR assistant for Koru Logistics. Answer staff questions using the guide called Employee Handbook only. If "
        "the answer is not there, tell them to email hr@koru.nz."
    )
    assert not _role(task).startswith("You are Employee Handbook"), _role(task)


def test_a_name_with_a_title_stays_whole() -> None:
    """assistant_name.py `_NAME` stops at the full stop of 'Mr.': the name is 'Mr', the role reads 'You are Mr, a
    patient tutor for Year.' and the use case 'A history tutor. Hale for Year 9 pupils.' (the cut leaves 'Hale')."""
    prompt = claude_prompt(
        "A history tutor called Mr. Hale for Year 9 pupils. Explain the causes of WW1 and quiz them afterwards."
    )
    assert "You are Mr," not in prompt
    assert "tutor. Hale" not in prompt


def test_a_name_inside_the_business_name_is_still_said() -> None:
    """assistant_name.py `named_role` skips the name when `name in role` is true as a SUBSTRING: 'a booking chatbot
    called Ava for Avalon Tours' finds 'Ava' inside 'Avalon', so the role stays 'You are a customer support agent for
    Avalon Tours' and, the name having been cut from the text, 'Ava' is nowhere in the prompt (170d818 misread it as
    the business, 'for Ava', but kept 'called Ava' in the use case)."""
    prompt = claude_prompt(
        "A booking chatbot called Ava for Avalon Tours in Cusco. Answer questions about our Machu Picchu treks and "
        "help people pick a date."
    )
    assert "You are Ava," in prompt, section(prompt, "role")


def test_a_task_that_only_names_the_assistant_does_not_crash() -> None:
    """assistant_name.py `without_assistant_name` inside phrasing.normalise: a task field holding only the name ('The
    bot's name is Pip.', the job in the constraints field) normalises to '' and identity.general_role raises
    IndexError ('string index out of range'). 170d818 generated a prompt."""
    result = generate(
        Brief(task="The bot's name is Pip.", constraints=["Answer billing questions for Acme customers."])
    )
    assert result.prompt


def test_guard_the_assistants_own_name() -> None:
    """Guard: the intended cases still name the assistant, and 'called from the webhook' names nobody."""
    fern = _role("A support chatbot called Fern for Greenleaf Garden Centre. Answer questions about opening hours.")
    assert fern.startswith("You are Fern, ")
    assert "for Greenleaf Garden Centre" in fern
    max_ = _role("Billing support assistant for Brightside Energy. Its name is Max. Answer billing questions.")
    assert max_.startswith("You are Max, ")
    assert "You are When" not in claude_prompt("A Slack bot called when the webhook fires. Summarise the new ticket.")


# --- 2. brief._ORG_POSSESSIVE: someone else's website, or a comparison, becomes the business --------------------------


@pytest.mark.parametrize(
    ("task", "wrong"),
    [
        pytest.param(
            "Like a hotel's front desk, greet every guest warmly and answer questions about check-in, breakfast and "
            "parking at our B&B in Whitby.",
            "Like a hotel",
            id="comparison",
        ),
        pytest.param(
            "Chatbot for a neighbourhood recycling app. Answer questions about what goes in which bin. For collection "
            "days, point people to the Leeds City council's website.",
            "Leeds City council",
            id="third-party-website",
        ),
    ],
)
def test_a_possessive_names_the_business_only_when_it_is_the_businesss(task: str, wrong: str) -> None:
    """brief.py `_ORG_POSSESSIVE` (e062cd8) takes any 'X <business noun>'s website/front desk/…': a sentence-initial
    'Like a hotel's front desk' gives 'You are a customer support agent for Like a hotel', and the council whose
    website users are sent to becomes the business ('only help with questions about Leeds City council').
    170d818 named no business."""
    assert wrong not in _role(task)


def test_guard_the_business_whose_chat_bot_it_is() -> None:
    """Guard: the intended case names the business."""
    assert "Greenleaf garden centre" in _role(
        "We need Greenleaf garden centre's chat bot. It answers questions about plants and opening hours."
    )


# --- 3. phrasing.assistant_sentence_as_order: a description becomes an order ----------------------------------------


@pytest.mark.parametrize(
    ("task", "order"),
    [
        pytest.param(
            "Our current support chatbot for Brightside Energy is too pushy. It recommends upgrades nobody asked for. "
            "Rewrite its prompt so it answers billing questions and only mentions plans when asked.",
            "Recommend upgrades nobody asked for",
            id="pushy",
        ),
        pytest.param(
            "Support chatbot for Halden Bikes. Our current chatbot has problems. It invents refund policies that do "
            "not exist. Make it answer from our FAQ only.",
            "Invent refund policies",
            id="invents",
        ),
    ],
)
def test_a_complaint_about_the_current_bot_is_not_an_order(task: str, order: str) -> None:
    """phrasing.py `assistant_sentence_as_order` (e062cd8) turns every 'It <verb>s …' after an assistant noun into a
    rule, including the faults the brief wants fixed: the prompt now orders 'Recommend upgrades nobody asked for.' and
    'Invent refund policies that do not exist.', the opposite of the brief. 170d818 kept them as background."""
    assert order not in instructions_of(claude_prompt(task))


def test_a_sentence_about_the_business_is_not_an_order() -> None:
    """phrasing.py `_LAST_THING` knows 'shop', 'store', 'company' but not 'gym' (nor bakery, hotel, clinic…): in 'A
    chatbot for Pulse Gym … It offers yoga, spin and HIIT classes and stays open until 10pm.' 'It' is the gym, yet the
    rule 'Offer yoga, spin and HIIT classes and stays open until 10pm.' is added (half converted, half not)."""
    prompt = claude_prompt(
        "A chatbot for Pulse Gym in Bristol. It offers yoga, spin and HIIT classes and stays open until 10pm. Answer "
        "questions about the timetable and membership prices."
    )
    assert "Offer yoga" not in prompt


def test_a_job_said_of_the_assistant_is_converted_whole_or_not_at_all() -> None:
    """phrasing.py `assistant_sentence_as_order` converts the first verb and leaves the second: 'It collects the
    repair details and passes them to a mechanic, who calls …' becomes the rule 'Collect the repair details and
    passes them to a mechanic, …', broken grammar in the instructions."""
    prompt = claude_prompt(
        "A support chatbot for Halden Bikes in Leeds. It collects the repair details and passes them to a mechanic, "
        "who calls the customer back the same day."
    )
    assert "details and passes them" not in instructions_of(prompt)


def test_guard_a_job_said_of_the_assistant_is_a_rule() -> None:
    """Guard: the intended case becomes one rule."""
    prompt = claude_prompt(
        "We need Greenleaf garden centre's chat bot (call it Fern). It answers questions about plants and checks "
        "stock with check_stock(sku)."
    )
    assert "Answer questions about plants and check stock with check_stock(sku)." in prompt


# --- 4. compose/cues._WE_NEED: 'I want Claude to …' ------------------------------------------------------------------


def test_i_want_claude_to_keeps_its_words_in_the_use_case() -> None:
    """cues.py `_WE_NEED` (e062cd8) spares 'I want the AI to …' but not 'I want Claude to …': the use case reads 'Use
    case: Claude to act as my Spanish conversation partner.' (170d818 kept the sentence)."""
    prompt = claude_prompt(
        "I want Claude to act as my Spanish conversation partner. Correct my mistakes gently at the end of each reply."
    )
    assert "Use case: Claude to act" not in prompt


# --- 5. safety: the plant exit drops the medical pack where a person's health is at stake ----------------------------


@pytest.mark.parametrize(
    "task",
    [
        pytest.param(
            "Garden centre chatbot for Greenleaf. Help diagnose plant diseases and recommend sprays. If a customer "
            "says they feel sick or dizzy after spraying, or got spray in their eyes, tell them to stop and get "
            "medical help straight away.",
            id="en-pesticide-exposure",
        ),
        pytest.param(
            "Eres el asistente del vivero Los Olivos en Murcia. Ayuda a diagnosticar enfermedades de las plantas y "
            "sugiere tratamientos. Si alguien dice que un niño se ha comido una planta tóxica, dile que llame al 112 o "
            "a su médico.",
            id="es-child-ate-plant",
        ),
        pytest.param(
            "Du bist der Chatbot der Gärtnerei Blumenhof. Hilf bei Pflanzenkrankheiten. Wenn jemand sagt, dass ein "
            "Kind eine giftige Pflanze gegessen hat, soll er sofort den Giftnotruf oder einen Arzt anrufen.",
            id="de-child-ate-plant",
        ),
    ],
)
def test_a_plant_brief_where_a_person_is_hurt_keeps_the_medical_pack(task: str) -> None:
    """safety/__init__.py `_HUMAN_HEALTH` (e062cd8) is English-only and misses 'medical help', 'feel sick', 'médico',
    'Arzt', 'Giftnotruf': a poisoned child or a gardener sprayed in the eyes no longer gets the medical pack's
    emergency and no-diagnosis rules. The commit's own English 'child ate a plant … poison control' keeps it."""
    assert "chest pain" in claude_prompt(task)


@pytest.mark.parametrize(
    "task",
    [
        pytest.param(
            "Nutrition coach for adults with type 2 diabetes who want to switch to a plant-based diet. Suggest meals "
            "and explain how they affect blood sugar.",
            id="plant-based-diet",
        ),
        pytest.param(
            "Assistant for the Oakwood nursing home's reception: answer families' questions about visiting hours, the "
            "garden, and how residents' medical care is organised.",
            id="nursing-home-garden",
        ),
        pytest.param(
            "Front desk chatbot for Orchard Medical Practice in Leeds. Help people book GP appointments and answer "
            "questions about opening hours and flu jabs.",
            id="gp-practice-named-orchard",
        ),
    ],
)
def test_a_word_about_plants_does_not_drop_a_medical_brief(task: str) -> None:
    """safety/cues.py `PLANT_CARE` matches 'plant-based', 'garden', 'Orchard' anywhere, and `_HUMAN_HEALTH` lacks
    'diabetes', 'blood sugar', 'medical', 'GP': a diabetes diet coach, a nursing home and a GP practice lose the whole
    medical pack. 170d818 kept it."""
    assert "chest pain" in claude_prompt(task)


def test_a_school_nurse_triage_bot_keeps_the_medical_pack() -> None:
    """safety/__init__.py `_CIRCUMSTANCES` (d15aab5) blanks 'school nurse' everywhere, so a bot whose JOB is health
    triage for the school nurse (headaches, injuries) loses the medical pack; only the PHILOSOPHY case (the nurse as
    someone to talk to) was meant."""
    prompt = claude_prompt(
        "Chatbot for the school nurse at Hillside Academy. Pupils message it about headaches, stomach aches or "
        "injuries at break, and it tells them whether to come to the school nurse now or wait."
    )
    assert "chest pain" in prompt


def test_guard_plant_diseases_bring_no_medical_pack_and_a_poisoned_child_does() -> None:
    """Guard: the intended cases."""
    assert "chest pain" not in claude_prompt(
        "Sales chat bot for Greenleaf garden centre. Answer questions about plants, help diagnose plant diseases from "
        "descriptions and suggest treatments."
    )
    assert "chest pain" in claude_prompt(
        "Garden centre bot for Greenleaf: diagnose leaf spot and suggest a treatment. If someone says a child ate a "
        "plant, tell them to call the poison control line."
    )


# --- 6. safety: a scripted reply that is no emergency step drops the emergency rule ----------------------------------


@pytest.mark.parametrize(
    "task",
    [
        pytest.param(
            "Front desk chatbot for Riverside Family Practice, a GP surgery. Answer questions about opening hours and "
            'repeat prescriptions. If someone asks about emergency appointments, say "Please call reception on 0161 '
            '555 0100 after 8am to book a same-day slot."',
            id="en-emergency-appointments",
        ),
        pytest.param(
            "Eres el asistente de la Clínica Dental Sonrisa en Zaragoza. Responde dudas sobre horarios y "
            'tratamientos. Si preguntan por citas de urgencia, di "Llame al 976 555 123 a partir de las 9 para pedir '
            'cita en el día."',
            id="es-citas-de-urgencia",
        ),
        pytest.param(
            "さくら内科クリニックの受付チャットボットです。診療時間や予約について答えます。呼吸リハビリ教室について聞かれた場合は"
            "「受付（03-1234-5678）にお電話ください」と答えてください。",
            id="ja-breathing-class",
        ),
    ],
)
def test_a_booking_reply_is_not_the_emergency_step(task: str) -> None:
    """safety/__init__.py `states_emergency_step` / `_EMERGENCY_SIGNS` (d15aab5) match 'emergenc', 'urgencia', 呼吸
    anywhere in the condition: a scripted booking reply for 'emergency appointments' or a breathing-rehab class
    drops the medical pack's 'If the person describes signs of an emergency (chest pain …) tell them first to call
    their local emergency number' from a GP surgery's and a clinic's prompt."""
    assert "chest pain" in claude_prompt(task)


# --- 7. safety: the crisis step read in the whole sentence ----------------------------------------------------------


def test_an_end_elsewhere_in_the_sentence_is_no_crisis_stop() -> None:
    """compose/__init__.py `_fallback_steps` (d15aab5) hands `states_crisis_step` the WHOLE sentence, and `_STOPS`
    finds 'end' in '… give them the 988 Lifeline number; at the end of every chat, remind them …': the brief gives a
    bare line, which the docstring says keeps the pack's crisis rule, yet 'respond with care, urge them to call 988
    now, and keep the conversation going' is dropped. 170d818 kept it."""
    prompt = claude_prompt(
        "Peer support chatbot for university students feeling stressed about exams. If someone mentions suicide or "
        "self-harm, give them the 988 Lifeline number; at the end of every chat, remind them the service is anonymous."
    )
    assert "keep the conversation going" in prompt


def test_spanish_para_el_ejercicio_is_a_stop() -> None:
    """safety/__init__.py `_STOPS` (left by d15aab5): 'para[rn]?' became 'parar|paren' to spare 'ligue para', so the
    imperative 'para el ejercicio' (stop the exercise) is no stop and the pack's 'keep the conversation going' stays
    beside the brief's own stop; 'detén el ejercicio' works."""
    prompt = claude_prompt(
        "Eres un tutor de matemáticas para alumnos de la ESO del IES Goya. Si un alumno habla de suicidio o de hacerse "
        "daño, para el ejercicio y dale el teléfono 024."
    )
    assert "keep the conversation going" not in prompt


def test_guard_crisis_steps() -> None:
    """Guard: a bare line keeps the pack rule; 'detén el ejercicio' replaces it."""
    assert "keep the conversation going" in claude_prompt(
        "Peer support chatbot for university students feeling stressed about exams. If someone mentions suicide or "
        "self-harm, give them the 988 Lifeline number."
    )
    assert "keep the conversation going" not in claude_prompt(
        "Eres un tutor de matemáticas para alumnos de la ESO del IES Goya. Si un alumno habla de suicidio o de hacerse "
        "daño, detén el ejercicio y dale el teléfono 024."
    )


# --- 8. fallbacks: mention-once lines, tags, foreign say-verbs -------------------------------------------------------


@pytest.mark.parametrize(
    "task",
    [
        pytest.param(
            "Support bot for Brightside Energy. Answer billing questions. Share our customer care line 0800 555 0199 "
            "once, for anything you cannot answer.",
            id="once-for-what-you-cannot-answer",
        ),
        pytest.param(
            "Support bot for Brightside Energy. Answer billing questions. Always include our human team's number 0800 "
            "555 0199 in every reply you can't resolve yourself.",
            id="in-every-reply-you-cannot-resolve",
        ),
    ],
)
def test_a_line_to_share_when_stuck_is_still_the_route(task: str) -> None:
    """fallbacks.py `_MENTION_ONCE` (64ac5ea) drops every fallback of a 'share/include … once / in every' clause with
    no 'if': the care line the brief gives for what the bot cannot answer is no longer the route; escalation falls
    back to 'how to reach the team, if these instructions say' and the guardrail 'When you cannot help, tell the user
    to call 0800 555 0199' is gone. 170d818 kept the route."""
    assert any(action == "phone" and "0800 555 0199" in value for action, value in _fallbacks(task)), _fallbacks(task)


@pytest.mark.parametrize(
    ("task", "words"),
    [
        pytest.param(
            "Support bot for Halden Bikes. When a customer complains about a late repair, start your reply with their "
            'first name and say "Sorry for the wait, your bike is our priority today."',
            "Sorry for the wait, your bike is our priority today.",
            id="their-first-name",
        ),
        pytest.param(
            "Support bot for Halden Bikes. If a customer asks about opening hours, start the message with today's date "
            'and say "We\'re open 9 to 6 today."',
            "We're open 9 to 6 today.",
            id="todays-date",
        ),
    ],
)
def test_only_a_tag_is_put_before_the_scripted_reply(task: str, words: str) -> None:
    """fallbacks.py `_TAG_FIRST` (d15aab5) compiles its upper-case-code branch `[A-Z][A-Z_]{3,}` with IGNORECASE, so
    any 4-letter word after 'start the reply with' is a 'tag': the bot is told to reply exactly 'their Sorry for the
    wait, …' and 'today We're open 9 to 6 today.'"""
    said = [value for action, value in _fallbacks(task) if action == "say"]
    assert said == [words]


@pytest.mark.parametrize(
    ("task", "heard"),
    [
        pytest.param(
            'Você é o assistente da loja Flor de Lis. Quando o cliente diz "quero cancelar", envie o link de '
            "cancelamento e confirme o pedido.",
            "quero cancelar",
            id="pt-diz",
        ),
        pytest.param(
            "Eres el asistente de cobros de Telefónica Sur. Recuerda al cliente su factura pendiente. Si el cliente "
            'contesta "ya he pagado", pídele la fecha del pago y el número de referencia.',
            "ya he pagado",
            id="es-contesta",
        ),
        pytest.param(
            'Sei l\'assistente del negozio Bella Casa. Se il cliente vuole solo dire "grazie", rispondi brevemente e '
            "chiudi la conversazione.",
            "grazie",
            id="it-dire",
        ),
    ],
)
def test_the_customers_quoted_words_are_not_the_reply(task: str, heard: str) -> None:
    """fallbacks.py `_SAY` (d15aab5) adds 'diz', 'contesta', 'dire', 'antworten' …, which are also what the CUSTOMER
    does ('Quando o cliente diz "quero cancelar"'): the bot is told to 'reply exactly: "quero cancelar"' / '"ya he
    pagado"' / '"grazie"', the customer's words. 170d818 had no such fallback."""
    assert ("say", heard) not in _fallbacks(task), _fallbacks(task)


def test_guard_scripted_replies_in_other_languages_and_a_real_tag() -> None:
    """Guard: 'decir "…"' and an upper-case tag are the intended cases."""
    assert ("say", "Para devoluciones llame al 976 111 222.") in _fallbacks(
        'Asistente de la tienda. Si el cliente pregunta por devoluciones, decir "Para devoluciones llame al 976 111 '
        '222."'
    )
    assert ("say", "#ALERT I am alerting the team now. Call 911 if you can.") in _fallbacks(
        'Store assistant. If someone has chest pain, start the reply with #ALERT and say "I am alerting the team now. '
        'Call 911 if you can."'
    )


# --- 9. formats: _OF_A_KIND keeps bans that are no 'kind', and Dutch 'lijsten' --------------------------------------


@pytest.mark.parametrize(
    ("task", "feature"),
    [
        pytest.param(
            "Eres el asistente de WhatsApp de la Clínica Veterinaria Patitas en Sevilla. Responde dudas sobre horarios "
            "y vacunas. Respuestas cortas, sin títulos de sección ni listas.",
            "headings",
            id="es-titulos-de-seccion",
        ),
        pytest.param(
            "Sei l'assistente di WhatsApp della pizzeria Da Gino a Napoli. Rispondi sulle prenotazioni e sul menù. "
            "Niente emoji di alcun tipo, tono cordiale.",
            "emoji",
            id="it-di-alcun-tipo",
        ),
        pytest.param(
            "Você é o assistente de WhatsApp da padaria Pão Quente. Responda sobre horários e encomendas. Sem emojis "
            "de jeito nenhum.",
            "emoji",
            id="pt-de-jeito-nenhum",
        ),
        pytest.param(
            "Sei l'assistente della palestra FitZone. Rispondi su orari e abbonamenti. Niente elenchi di punti: solo "
            "frasi brevi.",
            "lists",
            id="it-elenchi-di-punti",
        ),
    ],
)
def test_a_ban_followed_by_de_is_still_a_ban(task: str, feature: str) -> None:
    """formats.py `_OF_A_KIND` (d15aab5) skips any banned feature followed by 'de/di/do/da/del' + a word of 3+ letters,
    meant for 'emoji de dinheiro': 'títulos de sección' (section headings), 'di alcun tipo' (of any kind), 'de jeito
    nenhum' (at all), 'elenchi di punti' (bullet lists) are the whole feature, and the ban is lost. 170d818 kept
    each."""
    assert feature in forbidden_features(task)


def test_dutch_lists_of_customer_data_are_no_format_ban() -> None:
    """formats.py (d15aab5) adds Dutch 'lijsten' to the lists feature with no guard: 'Deel nooit lijsten met
    klantgegevens' (never share lists of customer data) makes the output format 'Do not use lists or bullet points.'
    (English 'Never share customer lists' and Spanish 'listas de clientes' are not misread)."""
    task = (
        "Je bent de assistent van Fietsenwinkel De Spaak in Utrecht. Beantwoord vragen over reparaties en "
        "openingstijden. Deel nooit lijsten met klantgegevens of adressen."
    )
    assert "lists" not in forbidden_features(task)


def test_guard_foreign_bans() -> None:
    """Guard: 'Nada de listas ni de negritas' bans both; 'emoji de dinheiro' is one kind."""
    assert {"lists", "markdown"} <= forbidden_features(
        "Eres el asistente de WhatsApp de la ferretería López. Nada de listas ni de negritas."
    )
    assert "emoji" not in forbidden_features(
        "Você é o assistente da loja Flor de Lis. Nada de emoji de dinheiro 💰, o jurídico não deixa."
    )


# --- 10. variants: companion, tutor, intake, meeting cues -----------------------------------------------------------


@pytest.mark.parametrize(
    "task",
    [
        pytest.param(
            "Je bent de reserveringsassistent van restaurant De Gouden Leeuw in Haarlem. Neem reserveringen aan via de "
            "chat. Voor een gezelschap van meer dan 8 personen verwijs je naar ons telefoonnummer 023 555 1234.",
            id="nl-gezelschap-party-of-guests",
        ),
        pytest.param(
            "帮家长规划周末亲子陪伴活动的助手：根据孩子年龄和城市推荐三个活动，附上预算。",
            id="zh-parent-child-activities",
        ),
        pytest.param(
            "Ein Assistent für unsere Weinbar Korkenzieher in Mainz: Er empfiehlt Weine zu den Gerichten auf der "
            "Karte. Die Gäste plaudern gern, aber er soll bei Weinfragen bleiben.",
            id="de-guests-chat",
        ),
    ],
)
def test_a_companion_cue_word_in_another_sense_is_no_companion(task: str) -> None:
    """variants.py COMPANION cue (d15aab5) takes bare 'gezelschap' (Dutch for a party of guests), 陪伴 (in 亲子陪伴,
    parent-child time) and 'plaudern' (said of the guests): a restaurant booking bot, an activity planner and a wine
    recommender get 'Success means the user feels heard and keeps going in their own words' and the reflect-back
    rules. 170d818 kept the direct-answer frame."""
    assert "feels heard" not in claude_prompt(task)


@pytest.mark.parametrize(
    "task",
    [
        pytest.param(
            "Asistente de la secretaría de la Universidad de Zaragoza: ayudar a los estudiantes a entender los plazos "
            "de matrícula, las tasas y los documentos que deben presentar.",
            id="es-secretaria",
        ),
        pytest.param(
            "Assistant pour le service des inscriptions de l'Université de Nantes : aider les étudiants à comprendre "
            "les frais d'inscription, les échéances et les pièces à fournir.",
            id="fr-inscriptions",
        ),
    ],
)
def test_helping_students_understand_admin_is_no_tutor(task: str) -> None:
    """language.py TUTOR feature 'helps learners learn' (d15aab5, weight 7) fires on 'aider les étudiants à comprendre
    les frais d'inscription': a registry office becomes 'You are a patient tutor. Help the student understand the
    material well enough to solve similar problems'. 170d818 did not make it a tutor."""
    assert archetype_ids(task)[0] != "tutor"


@pytest.mark.parametrize(
    "task",
    [
        pytest.param(
            "Intake assistant for the Westfield University writing centre. Before a tutoring appointment, ask the "
            "student one question at a time: their name, course, the essay's topic, the deadline and what they want "
            "help with. Record the answers.",
            id="writing-centre-essay",
        ),
        pytest.param(
            "Intake bot for the Hollis Foundation scholarship. Help students apply: ask one question at a time for "
            "name, school, grade average and intended major, and record the answers.",
            id="help-students-apply",
        ),
    ],
)
def test_an_intake_that_mentions_students_or_essays_stays_an_intake(task: str) -> None:
    """variants.py INTAKE `unless` (d15aab5) cancels the intake frame on any 'help students' or 'essay', with no
    teaching verb: a writing-centre intake and a scholarship application intake lose 'Ask one question at a time …'
    and 'Record what the person says …'. 170d818 kept the frame."""
    assert "Ask one question at a time" in claude_prompt(task)


def test_a_treatment_session_record_is_no_meeting() -> None:
    """language.py 'minutes (any language)' (d15aab5) takes every '…sitzungsprotokoll': a physiotherapist's
    'Sitzungsprotokoll für die Behandlungsdokumentation' (treatment session record) becomes 'an executive assistant
    who handles email and meeting follow-up' with an {{email}} input and action items."""
    task = (
        "Ich bin Physiotherapeut. Aus meinen Notizen soll der Assistent ein Sitzungsprotokoll für die "
        "Behandlungsdokumentation machen: Befund, Übungen, Fortschritt."
    )
    assert archetype_ids(task)[0] != "meeting_email_assistant"


def test_guard_variants() -> None:
    """Guard: the intended companion, tutor and meeting cases."""
    assert "feels heard" in claude_prompt(
        "Eres Lucero, un asistente de voz para personas mayores que viven solas en Huesca. Cada tarde conversa con "
        "ellos un rato: qué han comido, cómo están."
    )
    assert "feels heard" not in claude_prompt(
        "Je bent de reserveringsassistent van restaurant De Gouden Leeuw in Haarlem. Neem reserveringen aan via de "
        "chat."
    )
    pupils = "Je suis prof de français au lycée Camus. Je veux un assistant pour aider mes élèves à préparer le "
    assert archetype_ids(pupils + "commentaire de texte.")[0] == "tutor"


# --- 11. settled answer timing: words that are no 'do it for them' -------------------------------------------------


@pytest.mark.parametrize(
    "task",
    [
        pytest.param(
            "Maths tutor for Year 7 pupils at Hillside Academy. Don't write long explanations for them: keep each "
            "reply to three sentences and end with a question.",
            id="en-long-explanations-for-them",
        ),
        pytest.param(
            "Tuteur de maths pour des élèves de 4e au collège Jean Moulin. Ne fais pas de longs exposés : pose une "
            "question à la place. Réponds en français.",
            id="fr-a-la-place-instead",
        ),
    ],
)
def test_a_length_rule_does_not_settle_when_the_full_solution_comes(task: str) -> None:
    """compose/settled.py answer_timing (d15aab5): 'Don't write long explanations for them' matches 'never … write …
    for them', and French 'à la place' (instead) matches '… fais … à la place': both briefs lose 'Give the full worked
    solution only after the student has made two real attempts', so the tutor hints forever. 170d818 kept it."""
    assert "full worked solution only after" in claude_prompt(task)


def test_guard_work_never_done_for_the_student_settles_it() -> None:
    """Guard: the intended case drops the late full solution."""
    assert "full worked solution only after" not in claude_prompt(
        "Essay tutor for Year 11 pupils. Help them plan and improve their essays, but never write the essay for them."
    )


# --- 12. rules: 'once per …' guard -----------------------------------------------------------------------------------


def test_guard_once_per_is_a_frequency_and_after_is_an_ordering() -> None:
    """Guard: 'only once per 12 months' is no ordering; 'only … after …' still is."""

    def orderings(task: str) -> list[str]:
        return [c.text for c in read_constraints(Brief(task=task)) if c.kind == "ordering"]

    assert orderings("Billing bot for Brightside Energy. Only offer a payment plan once per 12 months.") == []
    assert orderings("Refund assistant for Pixelbox. Only issue a refund after an agent has approved it in Zendesk.")
