"""Review 44: hostile review of 981ea1d..2adf9dd (a sentence of several steps and the day before an appointment as no
ordering, new rule verbs 'quiz/drill/teach/praise/guide', quiz marking cues, the companion cue 陪伴, 'or/and' after a
hand-off, a bare 'if they ask' given a topic, the customer's quoted words, role nouns only after 'You are', 'Build me a
…' briefs, the current bot's faults, money keys by whole words, fields paired with keys, lists of customer data, and
lint VAR-05 after 'use').

Each failing test names one defect the changes bring in (regressions against 981ea1d unless the docstring says
otherwise); the guard tests pin close variants that the changes handle as intended.
"""

from __future__ import annotations

import pytest

from app.engine.brief import Brief
from app.engine.generate import generate
from app.engine.lint import lint_prompt
from tests.unit.engine.reading import claude_prompt, forbidden_features, instructions_of, section


def _role(task: str) -> str:
    return section(claude_prompt(task), "role").strip()


def _schema_types(task: str) -> dict[str, object]:
    schema = next(c.schema for c in generate(Brief(task=task)).constraints if c.kind == "schema")
    assert schema is not None
    return {key: value.get("type") for key, value in schema["properties"].items()}


# --- 1. rules.find_ordering: steps dropped, a time word hides a real 'before' -----------------------------------------


def test_an_intake_sentence_of_several_steps_stays_an_instruction() -> None:
    """rules.py `find_ordering` (422db0c) returns None when the part `_last_part` would drop starts with a verb. Under a
    title ('Intake assistant for our writing centre: ask …, one question at a time, then hand the summary to a tutor')
    the whole intake protocol was Requirement 1 at 981ea1d; now it survives only as a 'Use case' line in <context>,
    and <instructions> holds nothing but the tutor defaults (hints, 'full worked solution after two attempts')."""
    task = (
        "Intake assistant for our writing centre: ask the student for their name, course, essay deadline and what kind "
        "of feedback they want, one question at a time, then hand the summary to a tutor."
    )
    assert "essay deadline" in instructions_of(claude_prompt(task))


def test_a_time_before_does_not_cancel_the_briefs_own_order() -> None:
    """rules.py `_TIME_BEFORE` (2adf9dd): any 'the week/day … before' in a sentence with no 'then/first/after' cancels
    its `_BEFORE` ordering. 'The week before an exam, ask the student to attempt each question before you show the
    worked solution' is a real order (attempt first, solution after): at 981ea1d it was Requirement 1, now it is only
    a 'From the brief:' line in <context>."""
    task = (
        "Tutor students for their chemistry exam. The week before an exam, ask the student to attempt each question "
        "before you show the worked solution."
    )
    assert "attempt each question before you show the worked solution" in instructions_of(claude_prompt(task))


# --- 2. details._INSTRUCTS: 'quiz', 'guide', 'drill' open facts as well as orders -------------------------------------


@pytest.mark.parametrize(
    ("task", "fact"),
    [
        pytest.param(
            "Answer questions for The Crown, our village pub. Quiz night is every Thursday at 8pm. Food is served "
            "until 9pm.",
            "Quiz night is every Thursday at 8pm.",
            id="quiz-night",
        ),
        pytest.param(
            "Answer questions for The Crown, our village pub. Guide dogs are welcome inside. Food is served until 9pm.",
            "Guide dogs are welcome inside.",
            id="guide-dogs",
        ),
        pytest.param(
            "Help customers of our hardware store choose tools. Drill bits are sold separately from the drills.",
            "Drill bits are sold separately from the drills.",
            id="drill-bits",
        ),
    ],
)
def test_a_fact_that_starts_with_quiz_or_guide_is_no_requirement(task: str, fact: str) -> None:
    """compose/details.py `_INSTRUCTS` (422db0c) now opens rules with 'quiz|drill|teach|praise|guide' as bare words,
    so a fact whose subject is the noun ('Quiz night is …', 'Guide dogs are …', 'Drill bits are …') moves from
    'From the brief:' in <context> to a numbered 'Requirements:' item the model is ordered to follow."""
    assert fact not in instructions_of(claude_prompt(task))


# --- 3. variants.COMPANION: 陪伴 a child through homework is no companion--------------------------------------------


@pytest.mark.parametrize(
    "task",
    [
        pytest.param("帮助家长陪伴孩子完成数学作业：一步一步提示，不要直接给答案。", id="parents-homework"),
        pytest.param("你是一个学习助手，陪伴孩子完成每天的英语作业，检查拼写并解释错误。", id="study-assistant"),
    ],
)
def test_accompanying_a_child_through_homework_is_no_companion(task: str) -> None:
    """archetypes/variants.py COMPANION cue (2adf9dd) takes any 陪伴 not after 亲子. '陪伴孩子完成作业' (accompany the
    child through homework) is a study helper, yet the prompt becomes a companion's: 'Success means the user feels
    heard', 'Offer advice or opinions only when the user asks for them', 'no lists or headings' — for a brief that
    orders step-by-step hints and spelling corrections."""
    prompt = claude_prompt(task)
    assert "Offer advice or opinions only when the user asks for them" not in prompt
    assert "feels heard" not in prompt


# --- 4. fallbacks._ALSO_SOMEONE / _with_its_topic / _USER_SAYS ------------------------------------------------------


@pytest.mark.parametrize(
    ("task", "garbled"),
    [
        pytest.param(
            "Answer questions about our broadband plans. If the customer is angry, transfer to a human agent and say a "
            "manager will call back within a day.",
            "transfer to a human agent and say a manager.",
            id="and-say-a-manager",
        ),
        pytest.param(
            "Answer questions about symptoms of colds and flu. If symptoms last more than a week, refer them to a GP "
            "and the clinic will book a slot.",
            "refer them to a GP and the clinic.",
            id="and-the-clinic",
        ),
    ],
)
def test_the_next_clause_is_not_glued_onto_the_handoff(task: str, garbled: str) -> None:
    """constraints/fallbacks.py `_ALSO_SOMEONE` (422db0c) takes 'and' plus up to three ANY words plus a person noun as
    a second route, so the start of the next clause is cut off mid-sentence and glued on: 'If the customer is angry,
    transfer to a human agent and say a manager.' / 'refer them to a GP and the clinic.' (981ea1d kept the clean
    route)."""
    assert garbled not in claude_prompt(task)


def test_a_bare_if_they_ask_takes_the_banned_topic_not_the_first_one_in_scope() -> None:
    """constraints/fallbacks.py `_with_its_topic` (422db0c) gives 'if they ask' the LAST 'about/on X,' before it, not
    the topic the prohibition names: 'Answer questions about bookings, menus and opening hours, but never give
    allergy advice - if they ask, …' renders 'If they ask about bookings, tell the user to speak to a member of
    staff.' — the assistant is told to send away the very bookings it is there to handle."""
    task = (
        "Answer questions about bookings, menus and opening hours, but never give allergy advice - if they ask, tell "
        "them to speak to a member of staff."
    )
    assert "ask about bookings" not in claude_prompt(task)


@pytest.mark.parametrize(
    ("task", "quoted"),
    [
        pytest.param(
            'Si el cliente nos contesta "ya he pagado", responde: "Gracias, lo revisamos y te escribimos hoy mismo." '
            "Responde dudas sobre facturas.",
            "ya he pagado",
            id="es-nos-contesta",
        ),
        pytest.param(
            'If the student still won\'t answer "I give up", offer a hint. Help with algebra homework.',
            "I give up",
            id="en-still-wont-answer",
        ),
    ],
)
def test_the_users_quoted_words_are_not_the_reply(task: str, quoted: str) -> None:
    """constraints/fallbacks.py `_USER_SAYS` (2adf9dd) now allows one word between an English subject and the quote
    ('still won't' is two) and only a closed list of foreign fillers ('nos' is not one). The customer's / student's
    own words become the scripted reply: 'reply exactly: "ya he pagado"' / 'reply exactly: "I give up"'."""
    assert f'reply exactly: "{quoted}"' not in claude_prompt(task)


# --- 5. assistant_name: role nouns only at the start or after 'You are' -----------------------------------------------


@pytest.mark.parametrize(
    ("task", "name"),
    [
        pytest.param("I want a friendly tutor named Leo who helps kids with fractions.", "Leo", id="i-want-a-tutor"),
        pytest.param(
            "For our hotel we'd like a concierge named Jules who recommends restaurants nearby.",
            "Jules",
            id="wed-like-a-concierge",
        ),
        pytest.param(
            "Sie sind ein Assistent namens Felix für unsere Bäckerei. Beantworte Fragen zu Öffnungszeiten.",
            "Felix",
            id="de-sie-sind",
        ),
    ],
)
def test_the_assistant_asked_for_keeps_its_name(task: str, name: str) -> None:
    """assistant_name.py `_NAME_AFTER_NOUN` (2adf9dd) takes a role noun's name only at the brief's very start or after
    'you are/eres/du bist/tu es/você é/sei'. 'I want a friendly tutor named Leo' now renders 'You are a patient tutor
    for Leo' (the assistant's name read as the business, and its job lost); 'we'd like a concierge named Jules' gives
    'an assistant for Jules'; formal German 'Sie sind ein Assistent namens Felix' loses the name (981ea1d: 'You are
    Leo/Jules/Felix')."""
    assert _role(task).startswith(f"You are {name}"), _role(task)


# --- 6. phrasing._AGENT_ASKED: 'Build me a companion' becomes a job to build one --------------------------------------


@pytest.mark.parametrize(
    ("task", "wrong"),
    [
        pytest.param(
            "Build me a friendly companion for lonely seniors in our care home.",
            "build the user a friendly companion",
            id="companion",
        ),
        pytest.param(
            "Create a Spanish conversation partner for beginners.",
            "create a Spanish conversation partner",
            id="conversation-partner",
        ),
        pytest.param(
            "Build me a personal trainer for people starting at the gym.",
            "build the user a personal trainer",
            id="personal-trainer",
        ),
        pytest.param(
            "Make a Dungeon Master for a one-shot fantasy adventure.", "Make a Dungeon Master", id="dungeon-master"
        ),
    ],
)
def test_the_role_asked_for_is_not_a_thing_to_build(task: str, wrong: str) -> None:
    """phrasing.py `_AGENT_ASKED` (2adf9dd) knows only machine nouns (bot, assistant, helper, tutor, …); any other role
    the requester asks for becomes the assistant's JOB: 'You are an assistant with one job: build the user a friendly
    companion for lonely seniors' / 'You are a game master. Make a Dungeon Master for …'. 981ea1d said 'You are a
    friendly companion for lonely seniors …', 'You are the game master. Run the game …'."""
    assert wrong not in _role(task), _role(task)


# --- 7. phrasing._CURRENT_BOT: 'too pushy' no longer marks the bot's faults -------------------------------------------


@pytest.mark.parametrize(
    ("task", "order"),
    [
        pytest.param(
            "Our support chatbot is too pushy. It recommends upgrades nobody asked for. Make it calmer and only "
            "suggest an upgrade when the user asks about limits.",
            "Recommend upgrades nobody asked for.",
            id="too-pushy",
        ),
        pytest.param(
            "Our chatbot is way too formal. It calls customers 'Dear Sir or Madam'. Make it friendly and casual.",
            "Call customers 'Dear Sir or Madam'.",
            id="too-formal",
        ),
    ],
)
def test_the_current_bots_fault_is_not_an_order(task: str, order: str) -> None:
    """phrasing.py `_CURRENT_BOT` (2adf9dd) dropped 'too \\w+' (for 'homework too hard') and 'keeps …ing' without
    another mark of the bot's faults. 'Our support chatbot is too pushy. It recommends upgrades nobody asked for.' now
    yields the numbered instruction 'Recommend upgrades nobody asked for.' — the exact behaviour the brief wants gone,
    beside 'only suggest an upgrade when …' (981ea1d kept it as background)."""
    assert order not in instructions_of(claude_prompt(task))


# --- 8. structure._decimal_key / scoping._names_alike -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("task", "key"),
    [
        pytest.param(
            'For each listing return JSON {"name": "", "latitude": 0, "longitude": 0}.', "latitude", id="latitude"
        ),
        pytest.param(
            'For each survey question, return JSON {"percentage": 0, "question": ""}.', "percentage", id="percentage"
        ),
    ],
)
def test_a_measure_key_in_full_stays_a_number(task: str, key: str) -> None:
    """constraints/structure.py `_decimal_key` (2adf9dd) matches whole words from a closed set that has 'lat', 'lon',
    'percent' but not 'latitude', 'longitude', 'percentage': the schema now says "type": "integer", so 51.5074 or
    12.5 % fail validation (981ea1d: number)."""
    assert _schema_types(task)[key] in ("number", ["number", "null"])


def test_keys_sharing_only_a_common_word_are_not_paired_by_position() -> None:
    """constraints/scoping.py `_names_alike` (2adf9dd) accepts a pair when ANY word is shared; 'date' is shared by every
    date key, so 'the order date, the delivery date' beside {"delivery_date", "order_date"} still pairs by position:
    'Fill each key from the input: delivery_date = order date; order_date = delivery date' — the two dates are
    swapped in every record. Left by the change: 981ea1d paired them the same way and the new check lets it through."""
    prompt = claude_prompt(
        "From each order confirmation, extract: the order date, the delivery date, the customer's name. Return JSON "
        'like {"delivery_date": "", "order_date": "", "customer_name": ""}.'
    )
    assert "delivery_date = order date" not in prompt


# --- 9. formats._DATA_LIST: lists of customer data in es/pt are a format ban again ------------------------------------


@pytest.mark.parametrize(
    "task",
    [
        pytest.param("Nunca compartas listas con datos de clientes. Responde dudas sobre pedidos.", id="es"),
        pytest.param("Nunca partilhe listas com dados dos clientes. Responde a dúvidas sobre encomendas.", id="pt"),
    ],
)
def test_lists_of_customer_data_do_not_ban_lists(task: str) -> None:
    """constraints/formats.py `_DATA_LIST` (2adf9dd) swapped 'datos|dados|data' for '\\w+daten' (the table fix only
    needed the new `lastgroup == "lists"` check): 'listas con datos de clientes' no longer reads as data to keep
    private, so the reply is banned from using lists at all (981ea1d: no ban)."""
    assert "lists" not in forbidden_features(task)


# --- 10. lint VAR-05 after 'use' ------------------------------------------------------------------------------------


def test_a_marker_to_write_after_use_is_not_an_unfilled_slot() -> None:
    """lint/rules/variables.py `MARKER_VERB_BEFORE_RE` (2adf9dd) dropped 'use', so 'Where a number is missing, use
    [TBD]' — a marker the model is told to write — is now reported as VAR-05 'Unfilled template text' and costs the
    prompt score (981ea1d: no finding)."""
    report = lint_prompt("Never invent a figure. Where a number is missing, use [TBD] and move on.")
    assert not [f for f in report.findings if f.rule_id == "VAR-05"]


# --- 11. guards -------------------------------------------------------------------------------------------------------


def test_guard_names_at_the_start_or_after_you_are() -> None:
    """Guard: a role noun named at the brief's start or after 'Tu es' still names the assistant."""
    assert _role("Create an assistant named Max that helps members of our gym book classes.").startswith("You are Max")
    assert _role("Tu es un assistant nommé Hugo pour notre librairie. Réponds aux questions.").startswith(
        "You are Hugo"
    )


def test_guard_build_me_a_helper_and_make_a_thing() -> None:
    """Guard: 'Build me a … helper' asks for the assistant; the SQL helper is the role, not a job to build one."""
    assert "build" not in _role("Build me a Postgres SQL helper for our analytics team.").lower()


def test_guard_handoff_routes() -> None:
    """Guard: 'contact an attorney or a DOJ-accredited representative' keeps both; a plain route stays clean."""
    prompt = claude_prompt(
        "Don't give legal advice about their immigration case - if they ask, tell them to contact an immigration "
        "attorney or a DOJ-accredited representative."
    )
    assert "contact an immigration attorney or a DOJ-accredited representative" in prompt
    assert "If they ask, escalate to a human agent." in claude_prompt(
        "Help with questions about the return policy. If they ask, escalate to a human agent."
    )


def test_guard_scripted_reply_after_the_customers_words() -> None:
    """Guard: with the subject right before the verb, the scripted reply is the one kept."""
    prompt = claude_prompt(
        'Si el cliente contesta "ya he pagado", responde: "Gracias, lo revisamos y te escribimos hoy mismo." '
        "Responde dudas sobre facturas."
    )
    assert 'reply exactly: "ya he pagado"' not in prompt


def test_guard_steps_and_orderings_kept() -> None:
    """Guard: a greet-ask-then sentence keeps all its steps; 'Ask … before …' stays an ordering."""
    steps = instructions_of(
        claude_prompt(
            "Help customers of our bike shop. Greet them, ask for their order number, then look up the order."
        )
    )
    assert all(step in steps for step in ("Greet them", "ask for their order number", "look up the order"))
    assert "Ask about allergies before suggesting any recipe." in instructions_of(
        claude_prompt("Help users plan meals. Ask about allergies before suggesting any recipe.")
    )


def test_guard_old_bot_and_keys() -> None:
    """Guard: an 'old … bot' still marks its faults as background; money keys are numbers, lat/lng too; Dutch customer
    data lists ban nothing."""
    prompt = claude_prompt(
        "Our old FAQ bot keeps giving wrong opening hours. It tells visitors we close at 9. Fix that: we close at 6pm."
    )
    assert "Tell visitors we close at 9" not in instructions_of(prompt)
    assert (
        _schema_types('For each store, return JSON {"store": "", "lat": 0, "lng": 0, "total": 0}.')["lat"] == "number"
    )
    assert "lists" not in forbidden_features(
        "Deel nooit lijsten met klantgegevens. Beantwoord vragen over bestellingen."
    )
