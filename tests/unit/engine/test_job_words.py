"""Words that name the assistant's job, and words that do not: background, what a translation translates and a summary
that is one part of the reply are not classified; a game master, pasted code and product copy in other languages get
their own job; "X first, then Y" steps, a part after a constraint, and a tutor's full-solution default."""

from __future__ import annotations

import pytest

from app.engine import Brief, generate
from app.engine.constraints import Constraint, extract_constraints
from app.engine.job_choice import classify_brief


def _ids(task: str) -> list[str]:
    """The archetypes the brief is classified as, primary first."""
    brief = Brief(task=task)
    return [match.id for match in classify_brief(brief, extract_constraints(brief))]


def _constraints(task: str, kind: str) -> list[Constraint]:
    return [c for c in extract_constraints(Brief(task=task)) if c.kind == kind]


# --- background is no job ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("task", "job"),
    [
        (
            "We get about 40 customer feedback emails a week. Until now Priya summarised these by hand into a "
            "spreadsheet. Tag each email as complaint, praise or question.",
            "classification",
        ),
        (
            "Previously our interns summarized every support call manually. Now tag each call transcript as billing, "
            "technical or account.",
            "classification",
        ),
        (
            "So far, Tom summarised the weekly reports in a spreadsheet. Pull the revenue and headcount figures out "
            "of each report into a table.",
            "data_extraction",
        ),
        (
            "In the past we translated menus ourselves. Extract the dish names and prices from each menu as JSON.",
            "data_extraction",
        ),
    ],
)
def test_background_about_how_work_was_done_is_not_the_job(task: str, job: str) -> None:
    ids = _ids(task)
    assert ids[0] == job
    assert "summarization" not in ids
    assert "translation" not in ids


@pytest.mark.parametrize(
    "task",
    [
        "Summarise each customer call transcript in 3 bullets.",
        "Summarise these meeting notes.",
        "Summarize the attached meeting notes in 5 bullets.",
        "Until now Priya summarised these by hand. Please summarise each of these feedback emails in two sentences.",
        "Summarize long articles for busy readers. Start with a one-line summary, then 3 bullets.",
    ],
)
def test_a_real_summarisation_brief_stays_summarisation(task: str) -> None:
    assert _ids(task)[0] == "summarization"


# --- what is translated is the input, not a second job -------------------------------------------------------------


@pytest.mark.parametrize(
    ("task", "not_a_job"),
    [
        ("Translate our product descriptions from German into English.", "marketing_copy"),
        ("Translate our marketing emails into French, keep the brand voice.", "marketing_copy"),
        ("Translate customer support tickets from Spanish to English.", "customer_support"),
        ("Übersetze Produktbeschreibungen vom Deutschen ins Englische.", "marketing_copy"),
    ],
)
def test_what_a_translation_translates_names_no_second_job(task: str, not_a_job: str) -> None:
    ids = _ids(task)
    assert ids == ["translation"]
    assert not_a_job not in ids


def test_translate_then_write_a_caption_is_still_two_jobs() -> None:
    ids = _ids("Translate and then write an Instagram caption for each photo description.")
    assert set(ids) >= {"marketing_copy", "translation"}


# --- a summary that is one part of the reply ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "task",
    [
        "Help tenants understand their rights. Start with a short summary of their situation, then give the steps "
        "they can take.",
        "Help tenants with repair problems. Start with a short summary of their situation, then list the steps they "
        "can take.",
        "Legal info bot for renters. Begin each reply with a one-sentence summary, then explain their options.",
        "Answer HR policy questions for staff. End each reply with a one-line recap.",
        "Answer questions about our warranty. Give a TL;DR first, then the details.",
    ],
)
def test_a_summary_that_opens_or_closes_the_reply_is_not_a_summarisation_job(task: str) -> None:
    assert "summarization" not in _ids(task)


# --- a game master runs a story game -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "task",
    [
        "Be the game master for our weekly D&D one-shot. Keep it PG-13.",
        "dungeon master for my dnd group pls, we're level 3, goblins and stuff",
        "Run a tabletop RPG session set in a cyberpunk city for 3 players.",
        "Act as GM for a Pathfinder campaign, 4 players, we play over Discord.",
        "You are the game master for our sci-fi campaign.",
        "Be our narrator for a spooky story game.",
        "Sei il master di una campagna di D&D per il mio gruppo.",
        "Sé el máster de rol de nuestra partida de Dungeons and Dragons.",
    ],
)
def test_a_game_master_brief_gets_the_story_game(task: str) -> None:
    result = generate(Brief(task=task))
    assert result.archetypes[0].id == "roleplay_interviewer"
    assert "game master" in result.spec.role
    assert result.spec.user_term == "player"
    assert "interview" not in result.prompt.lower()
    assert "never decide what a player's character says" in result.prompt


@pytest.mark.parametrize(
    ("task", "role"),
    [
        ("Practice job interviews with me for a product manager role.", "interviewer"),
        ("Roleplay a grumpy cafe waiter so I can practise my French.", "role-play partner"),
    ],
)
def test_an_interview_or_a_practice_role_play_is_no_story_game(task: str, role: str) -> None:
    spec = generate(Brief(task=task)).spec
    assert role in spec.role
    assert "game master" not in spec.role
    assert spec.user_term != "player"


# --- code pasted for review gets a code reviewer without a diff ----------------------------------------------------


@pytest.mark.parametrize(
    "task",
    [
        "Arduino club helper: when a student pastes a sketch, review it and explain bugs in simple words.",
        "Students submit their Java homework here; review the code and point out mistakes.",
        "I'll paste some VBA macros, review them and tell me what could break.",
        "People share a snippet of JavaScript and you review it for security holes.",
        "Bootcamp mentor bot. Beginners paste code and you review it kindly. never rewrite the whole program for them",
        "Excel helper: when a user pastes a VBA macro, review it and point out what could go wrong.",
    ],
)
def test_pasted_code_gets_a_code_reviewer_without_a_diff(task: str) -> None:
    result = generate(Brief(task=task))
    assert result.archetypes[0].id == "code_reviewer"
    assert result.spec.role.startswith("You are a code reviewer")
    assert "{{diff}}" not in result.prompt
    assert "diff" not in [variable.name for variable in result.variables]
    assert "merge" not in result.prompt.lower()
    assert "Review the code and rank the findings by impact." in result.prompt


@pytest.mark.parametrize(
    "task",
    [
        "Review the diff and point out bugs before it merges.",
        "Review pull requests for our Django backend, focus on security.",
        "Code reviewer for our team: review each PR diff for bugs, style and missing tests.",
        "Review merge requests on our GitLab, flag anything risky.",
        "Students paste their code from the pull request; review the diff.",
    ],
)
def test_a_diff_or_pull_request_review_keeps_the_diff(task: str) -> None:
    result = generate(Brief(task=task))
    assert result.archetypes[0].id == "code_reviewer"
    assert "{{diff}}" in result.prompt
    assert "merge" in result.prompt.lower()
    assert "code reviewer" not in result.spec.role


# --- product copy and listings are marketing, in any language ------------------------------------------------------


@pytest.mark.parametrize(
    "task",
    [
        "请根据我给的参数写商品描述，每条不超过100字。",
        "請幫我寫產品文案，語氣活潑。",
        "商品説明を書いてください。対象は30代の女性です。",
        "Escribe descripciones de productos para nuestra tienda online de ropa.",
        "Escreva descrições de produtos para a nossa loja de café.",
        "Rédige des fiches produits pour notre boutique de cosmétiques.",
        "Écris des descriptions de produits pour notre boutique de thé.",
        "Schreibe Produktbeschreibungen für unseren Onlineshop.",
        "Schreib Werbetexte für unsere Bäckerei.",
        "Schrijf productbeschrijvingen voor onze webshop met fietsonderdelen.",
        "Scrivi descrizioni dei prodotti per il nostro negozio di vini.",
        "Write product listings for our Etsy shop.",
        "Write Amazon listings for our kitchen gadgets.",
        "write property listings for our estate agency from the agent's notes",
        "Write listing titles for my Depop shop, max 60 characters.",
        "Write Vinted listings for the clothes I describe.",
    ],
)
def test_product_copy_and_listings_are_marketing_copy(task: str) -> None:
    assert _ids(task)[0] == "marketing_copy"


# --- "X first, then Y" steps without verbs keep the brief's words --------------------------------------------------


@pytest.mark.parametrize(
    ("task", "sentence"),
    [
        (
            "Small claims helper for tenants. Explain the process: letter before claim first, then filing the claim, "
            "then the hearing.",
            "Explain the process: letter before claim first, then filing the claim, then the hearing.",
        ),
        (
            "Explain the steps: letter before claim first, then filing the claim.",
            "Explain the steps: letter before claim first, then filing the claim.",
        ),
        (
            "Describe the visa route: eligibility check first then the online form.",
            "Describe the visa route: eligibility check first, then the online form.",
        ),
        (
            "Explain the order of play: opening bids first, and then the trick-taking.",
            "Explain the order of play: opening bids first, then the trick-taking.",
        ),
        (
            "Tenant helper. Letter before claim first, then filing the claim.",
            "Letter before claim first, then filing the claim.",
        ),
    ],
)
def test_noun_steps_keep_their_words_and_the_instruction_before_the_colon(task: str, sentence: str) -> None:
    assert [c.text for c in _constraints(task, "ordering")] == [sentence]


def test_a_lead_that_is_no_instruction_is_left_out() -> None:
    (ordering,) = _constraints(
        "Tenant helper. The process: letter before claim first, then filing the claim.", "ordering"
    )
    assert ordering.text == "Letter before claim first, then filing the claim."


@pytest.mark.parametrize(
    ("task", "sentence"),
    [
        (
            "Greet the customer first, then ask for their order number.",
            "Greet the customer before you ask for their order number.",
        ),
        (
            "Check the order number first, then answer the question.",
            "Check the order number before you answer the question.",
        ),
        (
            "Give the formula in a code block first, then at most 3 bullets.",
            "Give the formula in a code block, then at most 3 bullets.",
        ),
    ],
)
def test_steps_that_start_with_a_verb_are_still_rephrased(task: str, sentence: str) -> None:
    assert [c.text for c in _constraints(task, "ordering")] == [sentence]


# --- a part with its own subject after a constraint is kept ---------------------------------------------------------


@pytest.mark.parametrize(
    ("task", "fact"),
    [
        (
            "Customer support for a bike shop. No discounts, no promises about delivery dates, the workshop is "
            "closed on Sundays.",
            "From the brief: The workshop is closed on Sundays.",
        ),
        (
            "Gym support bot. If a member wants to cancel, email cancel@gym.example, the contract runs 12 months.",
            "From the brief: If a member wants to cancel, the contract runs 12 months.",
        ),
        (
            "Hotel chatbot. When a guest asks about parking, email parking@hotel.example, spaces are limited.",
            "From the brief: When a guest asks about parking, spaces are limited.",
        ),
    ],
)
def test_a_part_with_its_own_subject_after_a_constraint_is_kept(task: str, fact: str) -> None:
    assert fact in generate(Brief(task=task)).spec.context


def test_a_kept_part_keeps_the_game_masters_content_rule() -> None:
    result = generate(
        Brief(
            task="Be the game master for our weekly D&D one-shot. "
            "No sexual content, no real world politics, gore kept PG-13."
        )
    )
    assert "Gore kept PG-13." in result.prompt  # a spec line of the brief: a rule
    assert [c.text for c in result.constraints if c.kind == "prohibition"] == [
        "Avoid sexual content.",
        "Avoid real world politics.",
    ]


# --- a prohibition on the whole solution drops the tutor's full-solution default -----------------------------------

_FULL_SOLUTION = "Give the full worked solution"


@pytest.mark.parametrize(
    "task",
    [
        "Arduino club helper: when a student pastes a sketch, review it and explain bugs in simple words. Never "
        "rewrite the whole sketch for them.",
        "Coding tutor for beginners learning Python. Never rewrite the whole program for them, give hints.",
        "Essay writing tutor for year 10. Don't write their essay for them - dont do their homework.",
        "Python tutor for kids. Don't write the entire function for them.",
        "Maths tutor for GCSE students. Never give the final answer.",
    ],
)
def test_forbidding_the_whole_solution_drops_the_full_solution_default(task: str) -> None:
    result = generate(Brief(task=task))
    assert "tutor" in [match.id for match in result.archetypes]
    assert _FULL_SOLUTION not in result.prompt


@pytest.mark.parametrize(
    "task",
    [
        "Maths tutor for GCSE students. Explain step by step.",
        "Physics tutor for A-level students. Keep explanations short.",
        "Tutor for high school chemistry. Don't use complicated words.",
    ],
)
def test_a_tutor_without_such_a_prohibition_keeps_the_full_solution_default(task: str) -> None:
    assert _FULL_SOLUTION in generate(Brief(task=task)).prompt
