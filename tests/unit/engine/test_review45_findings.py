"""Review 45: hostile review of 170d818..0675aec (third-person job sentences turned into orders, the masked 'time
before' in orderings.find_ordering, 'Build me a …' briefs that ask for the assistant, assistant names in role lines,
the tutor's settled answer timing, and a few older misreadings the new name and business steps left standing).

Each failing test names one defect a careful user would see in the generated prompt (regressions against 170d818
unless the docstring says otherwise); the guard tests pin close variants that the changes handle as intended.
"""

from __future__ import annotations

import pytest

from tests.unit.engine.reading import claude_prompt, instructions_of, section


def _role(task: str) -> str:
    return section(claude_prompt(task), "role").strip()


# --- 1. phrasing.assistant_sentence_as_order: half an order, half a third-person sentence -----------------------------


@pytest.mark.parametrize(
    ("task", "garbled"),
    [
        pytest.param(
            "A chatbot called Pip for Bramble Books, our independent bookshop in York. It answers questions about "
            "opening hours and orders, and it never recommends books from Amazon.",
            "orders, and it never recommends books",
            id="and-it-never-recommends",
        ),
        pytest.param(
            "I need a bot for Casa Rosa, our pizzeria. Its name is Toni. It answers questions about the menu and takes "
            "orders for pickup; it never takes payment in chat.",
            "take orders for pickup; it never takes payment",
            id="semicolon-it-never-takes",
        ),
        pytest.param(
            "A support bot for Nimbus Cloud. It answers billing questions, and if it can't help, it sends the customer "
            "to billing@nimbus.io.",
            "if you can't help, it sends the customer",
            id="if-it-cant-help-it-sends",
        ),
        pytest.param(
            "A bot named Otto for the Brenner car workshop. It books service appointments and explains what each "
            "service includes, and it never quotes a repair price.",
            "includes, and it never quotes a repair price",
            id="and-it-never-quotes",
        ),
    ],
)
def test_a_job_sentence_is_not_turned_into_half_an_order(task: str, garbled: str) -> None:
    """phrasing.py `assistant_sentence_as_order` (e062cd8) turns 'It answers …' into 'Answer …' and checks only
    `_LEFT_THIRD_PERSON` ('and passes them') for verbs it could not convert; a later 'it never recommends' / 'it sends'
    with its own subject stays third person. Requirement 1 now mixes an order with a sentence about 'it' ('Answer
    questions …, and it never recommends books from Amazon.'): the ban reads as a description, not a rule. At
    170d818 the sentence stayed whole and consistent ('It answers …, and it never recommends …')."""
    assert garbled not in instructions_of(claude_prompt(task))


def test_a_subject_inside_the_job_sentence_is_kept() -> None:
    """phrasing.py `assistant_sentence_as_order` / `_verbs_to_base` (e062cd8): 'It recommends plants for shady gardens
    and checks stock before it promises anything' becomes 'Recommend plants … and check stock before promises
    anything.': the 'it' of the inner clause is dropped with the outer subject, so Requirement 1 is ungrammatical."""
    task = (
        "A chatbot called Fern for Greenleaf Garden Centre. It recommends plants for shady gardens and checks stock "
        "before it promises anything."
    )
    assert "before promises anything" not in instructions_of(claude_prompt(task))


def test_guard_a_whole_job_sentence_becomes_an_order() -> None:
    """Guard: with no second subject the conversion is clean and names the assistant and its business."""
    task = (
        "A chatbot called Pip for Bramble Books, our independent bookshop in York. It answers questions about "
        "opening hours and orders."
    )
    prompt = claude_prompt(task)
    assert "Answer questions about opening hours and orders." in instructions_of(prompt)
    assert section(prompt, "role").strip().startswith("You are Pip, a customer support agent for Bramble Books.")


# --- 2. orderings._TIME_BEFORE: the mask leaks into the rendered rule -------------------------------------------------


@pytest.mark.parametrize(
    ("task", "leaked"),
    [
        pytest.param(
            "Help parents with our school app. The night before a school trip, remind them to pack lunch, then confirm "
            "the pickup time.",
            "The night within a school trip",
            id="night-before-a-trip",
        ),
        pytest.param(
            "Answer members' questions for our climbing gym. The morning before each class, remind members what to "
            "bring, then tell them where to park.",
            "The morning within each class",
            id="morning-before-each-class",
        ),
    ],
)
def test_a_time_before_keeps_its_word_in_the_ordering(task: str, leaked: str) -> None:
    """`find_ordering` (2adf9dd) masks 'the night/morning … before' as '… within' so `_BEFORE` skips it, then
    builds the 'then' ordering from the masked text: Requirement 1 now reads 'The night within a school trip, remind
    them to pack lunch before you confirm the pickup time.' — a time the brief never gave. At 170d818 the sentence
    was kept as written ('The night before a school trip, …')."""
    assert leaked not in instructions_of(claude_prompt(task))


def test_guard_a_spelled_out_time_before_stays_as_written() -> None:
    """Guard: 'Two days before the deadline' is not masked (no digit), and the sentence stays as the brief wrote it."""
    task = "Help staff draft replies. Two days before the deadline, send a reminder, then escalate to the manager."
    assert "Two days before the deadline, send a reminder, then escalate to the manager." in instructions_of(
        claude_prompt(task)
    )


# --- 3. 'Build me a …' that asks for the assistant: its job is lost --------------------------------------------------


def test_build_me_a_study_buddy_keeps_its_quiz_job() -> None:
    """phrasing.py `_AGENT_ASKED` (0675aec) lists 'buddy', so `imperative_task` returns None for 'Build me a study
    buddy who quizzes my daughter on French vocabulary, one word at a time, and tells her if it's right': the whole
    job (one word at a time, say whether it is right) survives only as a 'Use case' line in <context>; <instructions>
    hold the generic tutor defaults only. At 170d818 the job was in the role line (garbled, but present)."""
    task = (
        "Build me a study buddy who quizzes my daughter on French vocabulary, one word at a time, and tells her if "
        "it's right."
    )
    # (the job sentence is the role line's objective, as for every brief; the review asked for the instructions, but
    # the role line is where the job goes: it must be there, not only in the context)
    prompt = claude_prompt(task)
    assert "one word at a time" in prompt.split("</role>")[0] or "one word at a time" in instructions_of(prompt)


# --- 4. assistant_name: names the new step misses, read as the business ---------------------------------------------


@pytest.mark.parametrize(
    ("task", "name"),
    [
        pytest.param(
            "Build me a study buddy called Max who quizzes my daughter on French vocabulary, one word at a time.",
            "Max",
            id="build-me-a-buddy-called",
        ),
        pytest.param(
            "Our website assistant is called Ava. It answers questions about our yoga classes at Lotus Studio and "
            "books trial sessions.",
            "Ava",
            id="assistant-is-called",
        ),
        pytest.param(
            "「さくら」という名前のチャットボットを作って。花屋さくら堂のお客様の質問に答える。絵文字は使わない。",
            "さくら",
            id="ja-to-iu-namae",
        ),
    ],
)
def test_the_assistants_name_is_not_the_business(task: str, name: str) -> None:
    """assistant_name.py `_NAME_AFTER_NOUN` / `_NAME_SENTENCE` (e062cd8, d77330e) miss 'Build me a … called Max' (the
    'me' between verb and article), 'Our website assistant is called Ava' and Japanese 「さくら」という名前の; the name
    then stays in the text the business step reads and the role line says 'You are a patient tutor for Max.' / 'a
    customer support agent for Ava.' / 'for さくら.' — the out-of-scope guardrail then limits the bot to 'questions
    about Ava'. (At 170d818 these briefs were misread the same way; the name step was meant to end it.)"""
    assert f"for {name}" not in _role(task)


def test_you_are_name_comma_role_names_the_assistant() -> None:
    """assistant_name.py `_NAME_AFTER_NOUN` (d77330e) reads 'You are … tutor named X' but not the commonest form,
    'You are Sage, a friendly maths tutor for our after-school club': the role line says 'You are a patient tutor.'
    while <context> repeats 'You are Sage, …' — two different identities in one prompt. (Also at 170d818.)"""
    task = "You are Sage, a friendly maths tutor for our after-school club. Give hints before the answer."
    assert "Sage" in _role(task)


@pytest.mark.parametrize(
    ("task", "role_start"),
    [
        pytest.param(
            "We need a support bot named Nova for our broadband company FibreNet. If the customer is angry, transfer "
            "to a human agent.",
            "You are Nova, a customer support agent for FibreNet.",
            id="support-bot-named",
        ),
        pytest.param(
            "Create a tutor named Leo for my son who is learning fractions. Never give him the answer, only hints.",
            "You are Leo, a patient tutor.",
            id="create-a-tutor-named",
        ),
        pytest.param(
            "A chatbot called Bloom for Petal & Stem florist. It suggests bouquets for the occasion.",
            "You are Bloom, a chatbot for Petal & Stem florist.",
            id="chatbot-called-for-business",
        ),
    ],
)
def test_guard_a_named_assistant_is_who_it_is(task: str, role_start: str) -> None:
    """Guard: the forms the name step knows name the assistant and leave the business its own."""
    assert _role(task).startswith(role_start)


# --- 5. settled answer timing next to a garbled ordering -------------------------------------------------------------


def test_never_write_the_essay_is_not_turned_into_write_it_after_a_draft() -> None:
    """orderings.py `find_ordering` reads 'Never write the essay for them, but once they've written a draft, show them a
    model answer' as a 'once' ordering and renders 'They've written a draft, show them a model answer to compare
    before you write the essay for them, but.' — an order to write the essay, the opposite of the brief. settled.py
    (d77330e) now also drops the tutor default, so this garbled line is the only rule about answers left.
    (The garbled line is also at 170d818.)"""
    task = (
        "Help students revise for their history exam. Never write the essay for them, but once they've written a "
        "draft, show them a model answer to compare."
    )
    assert "before you write the essay for them" not in instructions_of(claude_prompt(task))


# --- 6. fallbacks: a bare 'if they ask' and 'or …' after a hand-off ---------------------------------------------------


def test_guard_a_bare_if_they_ask_takes_the_banned_topic() -> None:
    """Guard: 'Don't discuss medication doses for pets - if they ask, tell them to call their vet' keeps its topic."""
    task = (
        "Answer questions about our pet shop. Don't discuss medication doses for pets - if they ask, tell them to "
        "call their vet."
    )
    assert "If they ask about medication doses for pets, tell the user to call their vet." in section(
        claude_prompt(task), "guardrails"
    )


def test_guard_or_a_senior_nurse_joins_the_hand_off() -> None:
    """Guard: 'hand over to a vet or a senior nurse' keeps both people on the route."""
    task = (
        "Answer questions for Harbour Vets. If a pet owner asks about euthanasia, hand over to a vet or a senior "
        "nurse. Never quote prices over the phone."
    )
    assert "hand over to a vet or a senior nurse" in claude_prompt(task)
