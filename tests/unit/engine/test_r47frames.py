"""Round 47, classes 2 and 5: archetype frames and defaults from a stray word, and safety packs from a word over the
brief's own route.

- "marketing spend" in a SQL helper's list of what is not in the tables is a figure, not a copywriting job;
- a code fence around the tool signatures a brief pastes declares the agent's tools, no coding job;
- a brief that turns each input into a pasted JSON shape is extraction, whatever its one summary key is called;
- a chat where people vent is a listener, not an intake that records their words, and a cap on a chat's questions
  ("at most one question per reply") makes no intake of it;
- a hint-first helper ("give one hint first, only show the blocks after they've tried twice") is a tutor;
- a reply the brief lays out item by item ("at most 5 findings, one line each", "no praise paragraph") gets no
  visible thinking block;
- a customer's circumstance ("illness", "bereavement", "distressed") routed to one of the brief's own tools or a
  call-back brings no health or mental-health pack, and a child-safety reply the brief scripts in two sentences
  replaces the pack's trusted-adult rule.
"""

from __future__ import annotations

import pytest

from app.engine import generate
from app.engine.brief import Brief
from tests.unit.engine.reading import archetype_ids, claude_prompt, section


def _prompt(task: str) -> str:
    return generate(Brief(task=task)).prompt


# ---- a word naming figures is no copywriting job


@pytest.mark.parametrize(
    "task",
    [
        "SQL helper for our analysts on PostgreSQL. Tables: sales(id, amount, day), stores(id, city). If they ask "
        "for something not in these tables (weather, staff rotas, marketing spend...) say it's not in the schema.",
        "Write BigQuery queries for the finance team over the ledger tables. The marketing budget lives in another "
        "project, so say so when someone asks about it. Read-only, SELECT only.",
        "Help our analysts write T-SQL against the orders database. Columns include channel and marketing "
        "attribution data from the ad platforms; never write UPDATE or DELETE.",
    ],
)
def test_marketing_figures_in_a_sql_brief_bring_no_copywriter(task: str) -> None:
    ids = archetype_ids(task)
    assert ids[0] == "sql_analyst"
    assert "marketing_copy" not in ids


def test_a_marketing_job_is_still_a_copywriter() -> None:
    assert (
        archetype_ids("Write marketing copy for our new oat milk: three short taglines and a landing page headline.")[0]
        == "marketing_copy"
    )


# ---- pasted code that declares the agent's tools is no coding job


@pytest.mark.parametrize(
    "task",
    [
        "Car wash booking bot. Functions (python):\n\n```python\ndef find_car(reg: str) -> dict | None\n"
        "def get_slots(day: str, wash: str) -> list[dict]\ndef book_wash(slot_id: str, reg: str) -> dict\n```\n\n"
        "1. find_car first\n2. read the slot back, book only after a yes\n3. max 3 sentences",
        "Dentist booking chat. Functions (python):\n\n```python\ndef find_patient(phone: str) -> dict | None\n"
        "def free_slots(day: str, kind: str) -> list[dict]\ndef book(slot_id: str, patient_id: str) -> dict\n```"
        "\n\n1. find_patient first\n2. book only after they say yes\n3. under 60 words",
        "Un chat para reservar mesa en nuestro restaurante. El programador nos dio:\n\n```ts\n"
        "buscarMesa(fecha: string, personas: number): { mesaId: string }[]\n"
        "reservar(mesaId: string, nombre: string, telefono: string): { codigo: string }\n```\n\n"
        "Primero buscarMesa, luego reservar solo si el cliente confirma. Máximo 50 palabras.",
    ],
)
def test_a_code_fence_around_tool_signatures_brings_no_coding_rules(task: str) -> None:
    result = generate(Brief(task=task))
    assert "coding_assistant" not in [m.id for m in result.archetypes]
    assert "runnable code" not in result.prompt


# ---- a pasted JSON shape with one summary key is a record


@pytest.mark.parametrize(
    "task",
    [
        "Bäckerei Korn. Über das Bestellformular kommen Anfragen für Torten. Bitte jede Anfrage in genau dieses JSON "
        'umwandeln, nur das JSON:\n\n{"name": string|null, "telefon": string|null, "anlass": "hochzeit"|"geburtstag"|'
        '"sonstiges", "personen": number|null, "datum": string|null, "zusammenfassung": string}\n\n'
        "- zusammenfassung: höchstens 20 Wörter",
        "Our garage gets service requests through a web form. Turn each one into this JSON, nothing else:\n"
        '{"name": string|null, "phone": string|null, "reg": string|null, "service": "mot"|"repair"|"tyres", '
        '"preferred_day": string|null, "summary": string}\n- summary: max 20 words',
        "Academia de idiomas. Convierte cada solicitud del formulario en este JSON exacto, sin texto:\n"
        '{"nombre": string|null, "email": string|null, "idioma": "ingles"|"frances"|"aleman", "nivel": string|null, '
        '"horario": string|null, "resumen": string}\n- resumen: máximo 20 palabras, en español',
    ],
)
def test_a_form_turned_into_a_json_shape_is_extraction(task: str) -> None:
    result = generate(Brief(task=task))
    assert result.archetypes[0].id == "data_extraction"
    assert "summarisation assistant" not in result.prompt


# ---- a chat for venting is a listener; a cap on questions makes no intake


@pytest.mark.parametrize(
    "task",
    [
        "We want a space to vent for our night-shift nurses after a hard shift. Keep it short and warm, no more "
        "than one question per message, never give medical advice.",
        "An evening chat for carers, a place to vent after a long day. Two short paragraphs max, only one question "
        "per reply, don't use their name.",
        "Our youth hostel wants a night chat for volunteers so they can vent about a tough shift. Max 50 words, no "
        "more than one question per message.",
    ],
)
def test_a_chat_for_venting_keeps_no_record(task: str) -> None:
    prompt = _prompt(task)
    assert "record" not in prompt.lower()
    assert "in their own words" in prompt  # the listener's frame


@pytest.mark.parametrize(
    "task",
    [
        "A late-night chat for the night shift at our warehouse so workers have something to talk to on breaks. "
        "Keep it light, 2-3 sentences, no more than one question per message, no medical advice.",
        "A chat on the museum's website for visitors waiting in the queue. Light trivia about the building, at "
        "most one question per reply, under 50 words.",
        "Fun chat for our pub quiz night's waiting screen: banter about the rounds, max one question per message.",
    ],
)
def test_a_cap_on_questions_makes_no_intake(task: str) -> None:
    prompt = _prompt(task)
    assert "the record holds every detail" not in prompt
    assert "intake assistant" not in prompt


def test_an_intake_that_asks_one_question_per_message_stays_an_intake() -> None:
    prompt = _prompt(
        "Intake chat for our plumbing company: ask one question per message and collect the address, the problem "
        "and a phone number, then output a JSON record."
    )
    assert "the record holds every detail" in prompt


# ---- a hint-first helper is a tutor


@pytest.mark.parametrize(
    "task",
    [
        "kids 9 to 12 doing Minecraft Education coding at our library club. want a helper bot on the laptops. give "
        "one hint first, only show the exact code after theyve tried twice. max 3 sentences per reply",
        "A bot for the maths drop-in at our community centre. Hints first; only show the answer once they have "
        "tried. Keep replies short and friendly.",
        "Ayudante para el club de ajedrez del barrio, niños de 8 a 12 años: primero una pista, y solo muestra la "
        "mejor jugada después de dos intentos. Máximo 3 frases.",
    ],
)
def test_a_hint_first_helper_is_a_tutor(task: str) -> None:
    assert archetype_ids(task)[0] == "tutor"


# ---- a reply laid out item by item gets no thinking block


@pytest.mark.parametrize(
    "task",
    [
        "Review pull requests for our Rails app. At most 6 findings, one line each: SEVERITY: file:line - problem. "
        'Last line "Ship it" or "Needs work".',
        "Code reviewer for our Go services. List problems only, no praise paragraph, and end with APPROVE or "
        "REQUEST CHANGES.",
        "You review Terraform diffs for the platform team. Security findings first. Don't summarise what the "
        "change does; give the findings and a final verdict line.",
    ],
)
def test_a_reply_laid_out_item_by_item_has_no_thinking_block(task: str) -> None:
    prompt = claude_prompt(task)
    assert "<thinking>" not in prompt
    assert not section(prompt, "reasoning")


# ---- a circumstance routed to the brief's own tool brings no pack


@pytest.mark.parametrize(
    "task",
    [
        "Pet insurance claims chat. Functions: check_policy(policy_no), start_claim(policy_no, kind), "
        "request_callback(policy_no, reason: vulnerable|complaint).\n- check_policy before anything\n- if they sound "
        "distressed or mention a bereavement or an illness of their own: request_callback with vulnerable and say "
        "someone will ring within a day\n- under 90 words",
        "Water company billing chat. Functions: find_account(account_no), set_payment_plan(account_no, weeks), "
        "request_callback(account_no, reason: vulnerable|complaint).\n- find_account first\n- if they sound "
        "distressed or mention illness, a bereavement or money worries: request_callback with vulnerable\n- under "
        "100 words, no emojis",
        "Bank card support chat. Functions: verify_customer(card_last4, dob), freeze_card(card_id), "
        "book_callback(customer_id, reason).\n- verify_customer first\n- if they seem distressed or mention a "
        "bereavement or illness: book_callback with reason vulnerable and tell them we'll call within 1 working "
        "day\n- max 80 words",
    ],
)
def test_a_circumstance_routed_to_a_tool_brings_no_health_pack(task: str) -> None:
    prompt = _prompt(task)
    assert "doctor or pharmacist" not in prompt
    assert "qualified professional" not in prompt
    assert "Take every feeling the person shares seriously" not in prompt


def test_a_crisis_routed_to_a_tool_keeps_its_pack() -> None:
    prompt = _prompt(
        "Bank support chat with tools find_customer(phone) and escalate_case(id, reason).\n- find_customer first\n"
        "- if they mention suicide or wanting to end their life: escalate_case with reason crisis\n- under 80 words"
    )
    assert "crisis line" in prompt


@pytest.mark.parametrize(
    "task",
    [
        "Spelling game for kids 6-8. if a kid says someone online is being mean to them, reply only \"That's really "
        'important. Please tell your teacher or another grown-up right now." and nothing else',
        "Reading buddy for children aged 6-9. if a kid says a stranger online wants to meet up, reply: \"That's "
        'important. Please tell a parent or teacher straight away." and stop.',
        "Maths game for kids 8-11. If a child says someone is being mean to them: \"I'm sorry that happened. "
        'Please tell your teacher or another adult you trust today." Nothing else in that reply.',
    ],
)
def test_a_scripted_two_sentence_safeguarding_reply_replaces_the_trusted_adult_rule(task: str) -> None:
    assert "such as a parent or teacher" not in _prompt(task)
