"""Review 64: defects found in 3b00a6a..de95306 (unsure replies, inline rule lists, foreign sources, pasted tool
code, JSON field phrasing). Each test encodes what a correct engine does; they fail on the engine under review."""

from __future__ import annotations

import pytest

from app.engine.brief import Brief
from app.engine.generate import generate, read_constraints

_DEFAULT_UNSURE = "I don't know based on"


# --- 3b00a6a: the unsure reply reader ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "task",
    [
        # the opposite of an unsure case: the assistant DOES know
        "Concierge bot for the Harbour Hotel. Answer questions from the hotel guide below. If you know the guest's "
        "name, say it in your greeting. Guide: breakfast 7-10, checkout 11am, pool open 8-20.",
        # "find" / "answer" with no negation are ordinary cases, not "I don't know"
        "Shop assistant for a shoe store. If you find a matching product, tell them the price and the sizes in stock.",
        "Receptionist bot for a dental clinic. When you answer, say your name is Molly.",
        "Assistant for a bike shop. If you are sure the part fits, tell them to order it online.",
    ],
)
def test_a_positive_case_with_say_or_tell_is_no_unsure_fallback(task: str) -> None:
    """_UNSURE_CASE makes the negation optional ("if you know", "if you find", "when you answer", "if you are
    sure"), so an ordinary conditional instruction becomes the unsure path (action "reply") and REPLACES the
    archetype's "I don't know" guardrail. A correct engine reads only a negated/uncertain case ("don't know", "not
    sure", "can't find") as the unsure path and keeps the instruction as a requirement."""
    found = read_constraints(Brief(task=task))
    assert not [c for c in found if c.kind == "fallback" and c.action == "reply"]


def test_a_positive_case_does_not_remove_the_document_qa_unsure_reply() -> None:
    """Consequence of the reader above in a document-Q&A brief: 'If you know the guest's name, say it in your
    greeting' replaced Grounding rule 'When the answer is not in the hotel guide, reply exactly: "I don't know …"' and
    the unsure guardrail, while the example still answers "I don't know based on the hotel guide" (a prompt that
    contradicts itself). A correct engine keeps the default unsure path and renders the greeting rule as a rule."""
    task = (
        "Concierge bot for the Harbour Hotel. Answer questions from the hotel guide below. If you know the guest's "
        "name, say it in your greeting. Guide: breakfast 7-10, checkout 11am, pool open 8-20."
    )
    prompt = generate(Brief(task=task)).prompt
    guardrails = prompt.split("# Guardrails")[1]
    assert _DEFAULT_UNSURE in guardrails
    assert "If you know the guest's name, say it in your greeting." in prompt.split("# Guardrails")[0]


@pytest.mark.parametrize(
    "task",
    [
        "Answer questions from our FAQ. If you don't know the answer, say that an agent will call them back.",
        "Assistant for an estate agency. Answer only from the listings. If you don't know the answer, say that an "
        "agent will call them back.",
        "Help desk bot for a broadband company. If you can't solve it, say a support agent will call them back.",
    ],
)
def test_a_human_agent_who_will_call_back_is_no_tool_agent(task: str) -> None:
    """The commit's headline example: 'say that an agent will call them back' still selects tool_agent and adds a
    '## Tool use' section ('Call a tool whenever …') to a brief with no tools; the lexicon lookahead did not change
    the end result (the classifier still reads "agent … call"). A correct engine picks no tool_agent archetype and
    writes no tool-use rules when the 'agent' is a person who calls back."""
    result = generate(Brief(task=task))
    assert "tool_agent" not in [a.id for a in result.archetypes]
    assert "## Tool use" not in result.prompt


def test_an_english_reply_language_with_an_exception_gets_no_forced_language_default() -> None:
    """'Reply in English unless the guest writes in Portuguese' is (rightly) no language constraint, but the
    customer_support default 'Write every reply in English, even when the input is in another language' is still
    rendered beside the brief's own rule and contradicts its exception. A correct engine drops a language default
    the brief's exception contradicts (as it does for the Spanish 'salvo que' form)."""
    task = "Support bot for a Lisbon hostel. Reply in English unless the guest writes in Portuguese."
    prompt = generate(Brief(task=task)).prompt
    assert "even when the input is in another language" not in prompt


# --- e55a9c9: foreign source names ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("task", "wrong"),
    [
        (
            "Eres la guía virtual del Museo del Prado. Responde preguntas de los visitantes usando solo los "
            "documentos que te damos.",
            "«guía",
        ),
        (
            "Tu es le guide virtuel du château de Chambord. Réponds aux questions des visiteurs uniquement à partir "
            "des documents fournis.",
            "«guide",
        ),
        (
            "Você é o guia do Parque Ibirapuera. Responda às perguntas dos visitantes só com base nos documentos "
            "fornecidos.",
            "«guia",
        ),
    ],
)
def test_the_role_noun_guide_is_not_the_source_of_a_foreign_brief(task: str, wrong: str) -> None:
    """foreign_sources.foreign_source takes the first determiner + source noun anywhere in the brief, so the role
    ('Eres la guía', 'Tu es le guide', 'Você é o guia') becomes the document: 'Answer only from the «guía»', 'I
    don't know based on the «guide»'. A correct engine skips a noun that names what the assistant is and, when the
    brief's bound source is only 'documents', keeps the default wording."""
    prompt = generate(Brief(task=task)).prompt
    assert wrong not in prompt


def test_a_forbidden_topic_is_not_the_source_of_a_foreign_brief() -> None:
    """'No hables nunca de política ni de la política del gobierno' (a banned topic: politics) made the source
    'the «política»' ('Answer only from the «política»'). A correct engine does not take a noun from a prohibition
    (or 'política' meaning politics) as the document the answers come from."""
    task = (
        "Asistente de preguntas sobre el convenio colectivo. Responde solo con el documento. No hables nunca de "
        "política ni de la política del gobierno."
    )
    assert "«política»" not in generate(Brief(task=task)).prompt


# --- de95306: JSON fields in ordinary phrasing ------------------------------------------------------------------


def _fields(task: str) -> list[str]:
    return [v for c in read_constraints(Brief(task=task)) if c.kind == "fields" for v in c.values]


@pytest.mark.parametrize(
    "task",
    [
        "Tag emails by topic. Return JSON with double quotes and lowercase keys.",
        "Summarise support tickets. Return JSON with proper escaping and valid syntax.",
        "Convert CSV rows to JSON with the same column names and order.",
    ],
)
def test_json_with_a_formatting_property_names_no_fields(task: str) -> None:
    """JSON_FIELDS_INTRO reads anything after 'JSON with' as keys: 'JSON with double quotes and lowercase keys' ->
    schema {double_quotes, lowercase_keys}, 'JSON with proper escaping and valid syntax' -> {proper_escaping,
    valid_syntax}, 'JSON with the same column names and order' -> {same_column_names, order}, each with
    additionalProperties false. A correct engine reads these as how the JSON is written, not as its keys."""
    assert _fields(task) == []
    prompt = generate(Brief(task=task)).prompt
    for key in ("double_quotes", "lowercase_keys", "proper_escaping", "valid_syntax", "same_column_names"):
        assert f'"{key}"' not in prompt


def test_a_range_in_a_field_description_is_not_split_into_fields() -> None:
    """'a JSON object with the sentiment and a confidence score between 0 and 1' gives the keys sentiment,
    confidence_score_between_0 and "1": the 'and' of the range '0 and 1' is split as a list separator. A correct
    engine keeps the range as the field's description: keys sentiment and confidence_score (no key "1")."""
    task = "Classify reviews. Respond with a JSON object with the sentiment and a confidence score between 0 and 1."
    values = _fields(task)
    assert "1" not in values
    assert not any("between" in v for v in values)
    assert '"1"' not in generate(Brief(task=task)).prompt


def test_a_field_after_a_unit_phrase_is_not_lost() -> None:
    """'as JSON: a title, cooking time in minutes and a list of ingredients' yields only title and cooking_time
    (' in ' ends the field list), and 'Return exactly these fields' with additionalProperties false then forbids
    the ingredients the brief asked for. A correct engine reads all three fields (title, cooking time,
    ingredients)."""
    task = "Extract recipe info as JSON: a title, cooking time in minutes and a list of ingredients."
    values = [v.lower().replace(" ", "_") for v in _fields(task)]
    assert any("ingredient" in v for v in values)
    assert '"ingredients"' in generate(Brief(task=task)).prompt


def test_possessives_are_not_part_of_json_keys() -> None:
    """'a JSON object with the person's name, their company and their email address' gives the keys person_name,
    their_company and their_email_address. A correct engine drops the determiners ('their', 'the person's') from
    key names: company, email_address (or email)."""
    prompt = generate(
        Brief(
            task="Extract leads from emails. Output a JSON object with the person's name, their company and their "
            "email address."
        )
    ).prompt
    assert '"their_company"' not in prompt
    assert '"their_email_address"' not in prompt


def test_where_clause_values_go_to_their_own_field() -> None:
    """'JSON containing category, urgency and summary, where category is one of billing, tech or other and urgency
    is low, medium or high' gives category the enum [billing, tech, other, "urgency is low", medium, high] and
    urgency no enum. A correct engine gives category {billing, tech, other}. (Still open: urgency's own set
    {low, medium, high}, stated with no "one of", is not read yet.)"""
    task = (
        "Ticket triage. Reply with JSON containing category, urgency and summary, where category is one of billing, "
        "tech or other and urgency is low, medium or high."
    )
    prompt = generate(Brief(task=task)).prompt
    assert "urgency is low" not in prompt
    assert '"enum": ["billing", "tech", "other"' in prompt


# --- 1a9160e: tool descriptions from pasted code ----------------------------------------------------------------

_SAILING_HEADING = (
    "Weather assistant for a sailing club. Use the tools below.\n\n```python\n"
    "# These are the functions you can call:\n"
    "def get_forecast(harbour: str, day: str) -> dict: ...\n\n"
    "def get_tides(harbour: str) -> list: ...\n```\n\n"
    "Never advise going out if wind is above 25 knots."
)

_SAILING_DOCSTRING = (
    "Weather assistant for a sailing club.\n\nTools:\n"
    "def get_forecast(harbour: str, day: str) -> dict:\n"
    '    """Forecast for a harbour.\n\n'
    "    Never call this for dates more than 7 days ahead; the API returns junk.\n"
    '    """\n\n'
    "def get_tides(harbour: str) -> list:\n"
    '    """Tide table for today."""\n\n'
    "Never advise going out if wind is above 25 knots."
)


def test_a_heading_comment_above_the_first_def_is_not_its_description() -> None:
    """'# These are the functions you can call:' above the first def became get_forecast's description ('Use the
    `get_forecast(harbour, day)` tool: These are the functions you can call:.'). A comment that introduces the
    list (ends with a colon, speaks of 'functions'/'tools' in general) is a heading; a correct engine does not give
    it to the first tool."""
    tools = {c.name: c.value or "" for c in read_constraints(Brief(task=_SAILING_HEADING)) if c.kind == "tool"}
    assert "get_forecast" in tools
    assert "functions you can call" not in tools["get_forecast"]
    assert "These are the functions you can call" not in generate(Brief(task=_SAILING_HEADING)).prompt


def test_a_usage_rule_in_a_docstring_is_not_dropped() -> None:
    """A docstring's second paragraph 'Never call this for dates more than 7 days ahead' was a prohibition before
    1a9160e; now only the summary paragraph becomes the description and the whole docstring is masked from the
    readers, so the limit vanishes from the prompt. A correct engine keeps what the docstring says about using the
    tool (in its description or as a rule)."""
    prompt = generate(Brief(task=_SAILING_DOCSTRING)).prompt
    assert "7 days" in prompt
