"""Rules and fixed replies the brief writes stay whole and in their place: a rule in the first sentence stays a rule
(not the role's use case); a ban followed by a dash and a reply keeps that reply verbatim, and the reply's words do not
decide what the assistant is; an apostrophe, a plural's apostrophe or a dash inside a single-quoted reply cuts
nothing; an address abbreviation ("12 Baker St.") ends its sentence when a new one starts, and joins nothing
otherwise ("Mt. Pleasant Rd. community garden"); label sets named in a row ("a sentiment (…) and a topic (…)") each get
their own line beside the drafted reply."""

from __future__ import annotations

import re

import pytest

from app.engine.brief import Brief
from app.engine.compose.sentences import split_sentences
from app.engine.constraints import extract_constraints
from app.engine.constraints.clauses import split_clauses
from tests.unit.engine.reading import archetype_ids, claude_prompt, section


def _rules(prompt: str) -> list[str]:
    """The numbered rules of the prompt's instructions."""
    return re.findall(r"^\d+\.\s+(.*)$", section(prompt, "instructions"), re.MULTILINE)


def _kinds(task: str, kind: str) -> list[str]:
    return [c.text for c in extract_constraints(Brief(task=task)) if c.kind == kind]


# 1. A rule in the first sentence stays a rule -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("task", "rule", "job"),
    [
        (
            "Max one emoji per message. You answer questions for our bakery's Instagram DMs: opening hours, custom "
            "cake orders and allergens. Keep answers under 3 sentences.",
            "Use at most 1 emoji per message.",
            "You answer questions for our bakery's Instagram DMs",
        ),
        (
            "Maximum two exclamation marks per reply. You help members of our climbing gym with day passes, belay "
            "courses and opening times.",
            "2 exclamation marks",
            "You help members of our climbing gym",
        ),
        (
            "No emojis. You reply to guests of our campsite on WhatsApp about pitches, showers and check-in times.",
            "emoji",
            "You reply to guests of our campsite",
        ),
    ],
)
def test_a_rule_opening_the_brief_stays_a_rule_and_the_job_is_the_next_sentence(task: str, rule: str, job: str) -> None:
    prompt = claude_prompt(task)
    stated = " ".join([*_rules(prompt), section(prompt, "output_format")]).lower()
    assert rule.lower() in stated
    context = section(prompt, "context") + section(prompt, "role")
    assert job in context
    opening = task.split(".")[0]
    assert f"Use case: {opening}" not in context


@pytest.mark.parametrize(
    ("task", "job"),
    [
        (
            "Maximal ein Emoji pro Nachricht. Du beantwortest Fragen zu unserer Bäckerei auf Instagram: "
            "Öffnungszeiten, Tortenbestellungen und Allergene.",
            "Du beantwortest Fragen zu unserer Bäckerei",
        ),
        (
            "Máximo un emoji por mensaje. Respondes a los clientes de nuestra panadería por Instagram: horarios, "
            "pedidos de tartas y alérgenos.",
            "Respondes a los clientes de nuestra panadería",
        ),
        (
            "Siempre de usted. Respondes a los pacientes de nuestra clínica dental sobre citas y horarios.",
            "Respondes a los pacientes de nuestra clínica dental",
        ),
    ],
)
def test_a_rule_opening_a_brief_in_another_language_is_not_quoted_as_its_job(task: str, job: str) -> None:
    context = section(claude_prompt(task), "context")
    quoted = re.search(r"as the requester wrote it in \w+: «([^»]*)»", context)
    assert quoted is not None
    assert quoted.group(1).startswith(job)


def test_an_only_sentence_that_names_the_job_stays_the_job() -> None:
    prompt = claude_prompt(
        "Only answer questions about our menu and opening hours. Keep it short and friendly. We're a small ramen bar."
    )
    assert "answer questions about" in (section(prompt, "role") + section(prompt, "context")).lower()


def test_rules_after_an_introduction_do_not_hide_the_job_sentence() -> None:
    prompt = claude_prompt(
        "Our shop is at 45 Queen Ave. Always mention free parking behind the shop. You answer questions about our "
        "bike repairs and rentals."
    )
    assert "Use case: You answer questions about our bike repairs and rentals." in section(prompt, "context")
    assert any("free parking" in rule for rule in _rules(prompt))


# 2. A ban, a dash and a fixed reply ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("task", "reply"),
    [
        (
            "Bot for our gym's front desk chat. Don't discuss pricing - just say 'Please ask the front desk for "
            "prices.'",
            "Please ask the front desk for prices.",
        ),
        (
            "Chatbot for our yoga studio website: class schedule, what to wear, beginner questions. Never give "
            'medical advice – simply reply "Please check with your doctor first."',
            "Please check with your doctor first.",
        ),
        (
            'Instagram DM bot for a tattoo studio. Never quote prices — just say "Prices depend on the design, DM us '
            'a sketch!"',
            "Prices depend on the design, DM us a sketch!",
        ),
        (
            "Chat helper for the library. Don't give legal advice -- just reply \"We can't advise on legal matters, "
            'please see a solicitor."',
            "We can't advise on legal matters, please see a solicitor.",
        ),
    ],
)
def test_a_ban_then_a_dash_keeps_its_reply_verbatim_as_that_case_reply(task: str, reply: str) -> None:
    fallbacks = [c for c in extract_constraints(Brief(task=task)) if c.kind == "fallback"]
    assert any(reply in c.text and c.text.startswith("When asked") for c in fallbacks)
    # the ban itself stays a ban of its own, without the reply glued to it
    assert all(reply not in text for text in _kinds(task, "prohibition"))


@pytest.mark.parametrize(
    "task",
    [
        "Bot for a campsite. Don't discuss availability - just say 'Please check the booking page or email reception.'",
        "Chat widget for a dog groomer. Don't discuss pricing - just say 'Please email us at hello@pawspa.example "
        "and we'll send a quote.'",
        "Front desk helper for our coworking space. Don't discuss pricing - just say 'Please send an email to the "
        "office and we will reply with prices.'",
    ],
)
def test_the_words_of_a_fixed_reply_do_not_make_an_email_assistant(task: str) -> None:
    assert "meeting_email_assistant" not in archetype_ids(task)


# 5. Apostrophes and dashes inside a single-quoted reply -----------------------------------------------------------


@pytest.mark.parametrize(
    ("task", "reply"),
    [
        (
            "Support bot for our gym. If they ask about memberships, say 'Please ask at the members' desk.' Be brief.",
            "Please ask at the members' desk.",
        ),
        (
            "You're the helper for our bookshop's website. When a book is out of stock, tell them 'We'll order it in "
            "for you – it's usually 3 days.'",
            "We'll order it in for you – it's usually 3 days.",
        ),
        (
            "Help guests of our B&B with breakfast and parking questions. If they ask about the garden, reply 'Sorry, "
            "the guests' garden is closed this year.' Never share the door code.",
            "Sorry, the guests' garden is closed this year.",
        ),
    ],
)
def test_a_single_quoted_reply_is_kept_whole(task: str, reply: str) -> None:
    fallbacks = [c for c in extract_constraints(Brief(task=task)) if c.kind == "fallback"]
    assert any(c.value == reply for c in fallbacks), fallbacks
    assert reply in claude_prompt(task)


def test_a_dash_inside_a_single_quote_splits_no_clause() -> None:
    text = "When a book is out of stock, tell them 'We'll order it in for you – it's usually 3 days.' Be nice."
    assert split_clauses(text)[0].text.endswith("it's usually 3 days.'")


def test_a_plural_apostrophe_before_more_words_closes_no_quote_but_before_and_it_does() -> None:
    text = "For bookings say 'Please ask at the members' desk. We open at 9.' Keep it short."
    start, end = split_sentences(text)[0]
    assert text[start:end].endswith("We open at 9.'")
    plain = "Say 'Thanks, folks' and stop. Keep it short."
    assert len(split_sentences(plain)) == 2


# 3. Address abbreviations ------------------------------------------------------------------------------------------


def test_a_street_abbreviation_before_a_new_sentence_ends_it_and_the_ban_stays_a_ban() -> None:
    task = (
        "You answer calls-by-chat for our dental practice. If someone asks where we are, say 12 Baker St. Never give "
        "out the dentists' mobile numbers. Keep replies short."
    )
    assert "Never give out the dentists' mobile numbers." in _kinds(task, "prohibition")
    assert all("Never give out" not in text for text in _kinds(task, "requirement"))


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Help visitors of the Mt. Pleasant Rd. community garden with plot bookings. Never promise a plot.", 2),
        ("Our shop is at 45 Queen Ave. Always mention free parking. You answer bike questions.", 3),
        ("Chat assistant for Flat No. 5 holiday rentals. Never share the door code.", 2),
        ("You help customers of our store on Elm St. with opening hours. Don't give electrical advice.", 2),
        ("We're at 3 Harbour Rd. You answer ferry questions.", 2),
        (
            "The clinic is on St. Mary's Lane. If someone asks about parking, say 12 Baker St. Do not call us.",
            3,
        ),
    ],
)
def test_address_abbreviations_end_a_sentence_only_before_a_new_one(text: str, count: int) -> None:
    assert len(split_sentences(text)) == count
    assert len([c for c in split_clauses(text) if c.text.strip()]) == count


def test_an_address_abbreviation_in_the_job_sentence_keeps_the_role_whole() -> None:
    prompt = claude_prompt(
        "Help visitors of the Mt. Pleasant Rd. community garden with plot bookings and opening times. Never promise "
        "a plot before the committee approves it."
    )
    assert "From the brief: Pleasant Rd." not in section(prompt, "context")
    assert "Mt. Pleasant Rd. community garden" in section(prompt, "role") + section(prompt, "context")


# 4. Label sets named in a row beside a drafted reply ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("task", "lines"),
    [
        (
            "For each customer email, draft a reply, and tag it with a sentiment (positive/neutral/negative) and a "
            "topic (billing, delivery, other).",
            [
                '"Sentiment: <exactly one of: positive, neutral, negative>"',
                '"Topic: <exactly one of: billing, delivery, other>"',
            ],
        ),
        (
            "We get lots of reviews on Google for our restaurant. Write a short, polite reply to each review and tag "
            "it with a sentiment (positive, neutral or negative) and a category (food, service, price, other).",
            [
                '"Sentiment: <exactly one of: positive, neutral, negative>"',
                '"Category: <exactly one of: food, service, price, other>"',
            ],
        ),
        (
            "Read each support ticket, draft a response, and label it with urgency (low/medium/high) and a department "
            "(sales, support, billing).",
            [
                '"Urgency: <exactly one of: low, medium, high>"',
                '"Department: <exactly one of: sales, support, billing>"',
            ],
        ),
        (
            "Für jede Kundenmail: schreib einen Antwortentwurf und markiere sie mit einer Stimmung "
            "(positiv/neutral/negativ) und einem Thema (Rechnung, Lieferung, Sonstiges).",
            [
                '"Stimmung: <exactly one of: positiv, neutral, negativ>"',
                '"Thema: <exactly one of: Rechnung, Lieferung, Sonstiges>"',
            ],
        ),
    ],
)
def test_each_named_label_set_gets_its_own_line_beside_the_draft(task: str, lines: list[str]) -> None:
    output = " ".join(section(claude_prompt(task), "output_format").split())
    for line in lines:
        assert line in output
    assert output.index(lines[0]) < output.index(lines[1])
    assert output.index(lines[0]) > 20  # the draft's own format comes first
    assert '"Label:"' not in output


def test_one_bracketed_list_after_a_tag_verb_is_no_second_set() -> None:
    task = (
        "Draft a reply to each email and tag it with a sentiment (positive/neutral/negative). Keep it short (max 80 "
        "words)."
    )
    sets = [c for c in extract_constraints(Brief(task=task)) if c.kind == "labels"]
    assert len(sets) == 1
