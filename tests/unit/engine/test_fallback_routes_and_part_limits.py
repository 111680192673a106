"""Round 40, classes 2 and 6: a route keeps the case it is given for, and a limit keeps the part it is stated for.

A number inside a fixed reply or a case's sentence is that case's ("bij bloedverlies … is het antwoord altijd en
alleen: Bel … 033 …", "Dans ce cas il répond : « … appelez le 04 … »"); a number the brief adds with "aussi" / "also"
is said after the case's first route ("le 17 ou le 112 d'abord"), never as it; a link for one case
("10箱未満は … 宅配買取（…）を案内する") is no route "for the rest". A length stated for one counted part ("then one
sentence of at most 25 words", "then one paragraph of 60 to 90 words") is that part's, never the whole reply's;
"回复，每条不超过 100 字" is each reply, not each item of a list.
"""

from __future__ import annotations

import sys

import app.engine.generate  # noqa: F401  (the package exports a function of the same name)
from app.engine.brief import Brief
from app.engine.constraints import extract_constraints
from app.engine.constraints.limits import find_limits

gen = sys.modules["app.engine.generate"]


def _prompt(task: str) -> str:
    return gen.generate(Brief(task=task)).prompt


def _guardrails(task: str) -> str:
    """The guardrails section, up to the next top-level heading (a fixed-shape reply has no reminder after it)."""
    section = _prompt(task).split("# Guardrails", 1)[1]
    return section.split("\n# ", 1)[0]


def _routes(task: str) -> dict[str, str | None]:
    return {c.value or "": c.condition for c in extract_constraints(Brief(task=task)) if c.kind == "fallback"}


def _limits(task: str) -> list[tuple[str, str | None]]:
    return [(c.text, c.scope) for c in extract_constraints(Brief(task=task)) if c.kind == "limit"]


_MIDWIFE = (
    "Verloskundigenpraktijk Het Nest in Utrecht. Een chat die vragen beantwoordt over spreekuren en inschrijven.\n\n"
    "Regels: 1) geen medisch advies. 2) bij bloedverlies, hevige buikpijn of vruchtwater verliezen is het antwoord "
    "altijd en alleen: Bel nu direct onze spoedlijn: 030 555 8190 (24/7). 3) bij levensgevaar: bel 112. 4) staat het "
    "niet in de folder, zeg dan: Dat weet ik niet, bel ons tijdens kantooruren op 030 555 8100."
)


def test_a_number_inside_an_always_and_only_reply_keeps_its_case() -> None:
    guardrails = _guardrails(_MIDWIFE)
    assert "When you cannot help, tell the user to call 030 555 8190" not in guardrails
    assert 'bij bloedverlies, hevige buikpijn of vruchtwater verliezen"), reply exactly: "Bel nu direct' in guardrails
    routes = _routes(_MIDWIFE)
    assert routes["112"] == "bij levensgevaar"
    assert routes["030 555 8100"] == "staat het niet in de folder"


def test_the_english_always_and_only_reply_is_the_cases_fixed_reply() -> None:
    routes = _routes(
        "Chat assistant for our clinic. For heavy bleeding or severe pain the answer is always and only: Call our "
        "emergency line on 0800 123 4567 now."
    )
    assert routes["Call our emergency line on 0800 123 4567 now."] == "For heavy bleeding or severe pain"


_VICTIMS = (
    "Nous sommes une association d'aide aux victimes à Lyon. Je voudrais un assistant pour le chat du site.\n\n"
    "Règles :\n"
    "- Il ne donne jamais d'avis sur le dossier de la personne. Dans ce cas il répond : « Je ne peux pas donner "
    "d'avis sur votre dossier, mais une juriste peut vous recevoir : appelez le 04 72 55 20 63. »\n"
    "- Si la personne est en danger immédiat : le 17 ou le 112 d'abord, avant tout le reste. Il peut aussi rappeler "
    "le numéro d'aide aux victimes 116 006.\n"
    "- Si la question n'est pas dans la FAQ : écrire à accueil@victimes-lyon.fr."
)


def test_a_number_in_a_quoted_reply_after_il_repond_is_no_general_route() -> None:
    assert "04 72 55 20 63" not in _guardrails(_VICTIMS)


def test_an_added_number_follows_the_cases_first_route() -> None:
    guardrails = _guardrails(_VICTIMS)
    assert "tell the user to call 17 or 112; they can also call 116 006." in guardrails
    assert "tell the user to call 116 006." not in guardrails


def test_an_also_sentence_after_a_case_adds_to_that_case() -> None:
    routes = _routes(
        "Chat bot for a victim support charity. If someone is in immediate danger: 999 first. You can also give "
        "them the victim support line 116 006."
    )
    assert routes["999"] == "If someone is in immediate danger"
    assert routes["116 006"] == "If someone is in immediate danger"


_BOOKS = (
    "古書店の出張買取の受付チャットを作りたいです。\n\nルール：\n"
    "・段ボール10箱未満は出張できないので、宅配買取（example-books.jp/takuhai）を案内する\n"
    "・買取価格は絶対に言わない"
)


def test_a_link_for_one_case_is_that_cases_and_ends_at_the_bracket() -> None:
    assert _routes(_BOOKS) == {"example-books.jp/takuhai": "段ボール10箱未満"}
    guardrails = _guardrails(_BOOKS)
    assert "When you cannot help" not in guardrails
    assert "the contact the instructions give for the rest" not in guardrails


_SQL = (
    "I keep our club's race results in a SQLite file and want a helper that writes queries when I ask in plain "
    "English. Schema:\n\nCREATE TABLE races (race_id INTEGER PRIMARY KEY, name TEXT, race_date TEXT);\n"
    "CREATE TABLE results (race_id INTEGER, runner TEXT, seconds INTEGER, place INTEGER);\n\n"
    "Only ever SELECT. Give me the query in one sql block and then one sentence of at most 20 words saying what it "
    "does. If I ask for something the tables don't hold (prizes, photos), just reply: That isn't in the results "
    "database."
)


def test_a_length_after_one_sentence_is_that_sentences() -> None:
    result = gen.generate(Brief(task=_SQL))
    assert "exactly 1 sentence or at most 20 words" not in result.prompt
    assert "Keep the reply to at most 20 words" not in result.prompt
    assert ("Keep the sentence saying what it does to at most 20 words.", "the sentence saying what it does") in [
        (c.text, c.scope) for c in result.constraints if c.kind == "limit"
    ]
    assert not [f for f in result.lint.findings if f.rule_id == "FID-02"]


def test_just_reply_colon_is_the_cases_fixed_reply() -> None:
    routes = _routes(_SQL)
    assert routes["That isn't in the results database."] == (
        "If I ask for something the tables don't hold (prizes, photos)"
    )
    # the brief's own words for what the tables lack replace the default out-of-scope line
    assert "If a request is out of scope" not in _guardrails(_SQL)


def test_a_paragraph_after_a_title_line_is_one_part() -> None:
    task = (
        "Write product descriptions for my candle shop. Output a title line (scent and size, nothing else) and then "
        "one paragraph of 50 to 80 words."
    )
    prompt = _prompt(task)
    assert "Reply in exactly 1 paragraph" not in prompt
    assert "Keep the paragraph between 50 and 80 words." in prompt


def test_each_reply_in_chinese_is_no_item() -> None:
    assert _limits("我们是一家奶茶店，需要一个客服机器人。用简体中文回复，每条不超过 80 字，不用表情。") == [
        ("Keep the reply to at most 80 characters.", None)
    ]
    assert _limits("列出改进建议，每条不超过20字。") == [("Keep each item to at most 20 characters.", "each item")]


def test_dutch_of_between_two_limits_is_or() -> None:
    found = find_limits("Schrijf een samenvatting van maximaal 3 zinnen of 50 woorden.")
    assert [(f.unit, f.scope) for f in found] == [("sentences", None), ("words", None)]


def test_an_english_bounded_case_keeps_its_link() -> None:
    routes = _routes(
        "Booking chat for our used-book shop's home buyback. Lots under 10 boxes can't be collected, so point them "
        "to example.com/post. Never quote prices."
    )
    assert routes == {"example.com/post": "For lots under 10 boxes"}
