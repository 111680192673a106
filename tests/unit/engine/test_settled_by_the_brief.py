"""Frame, pack and example lines give way to what the brief settles in its own words: its exact not-covered sentence,
its citation format and place, its sources, its routes under their conditions, how vague questions are handled, how
write requests are answered, which label wins, and who plays whom in an interview."""

from __future__ import annotations

from app.engine.brief import Brief
from app.engine.constraints.clauses import fixed_reply
from app.engine.generate import generate, read_constraints
from tests.unit.engine.reading import claude_prompt as _prompt
from tests.unit.engine.reading import section as _section

_PENSION_BOT = (
    "internal teams bot for pension scheme questions at Larkfield Analytics. it gets two docs: the 2019 Staff Pension "
    "Rules (sections numbered 2.1, 4.3 etc) and our Pension FAQ (Q1-Q30). employees ask when they can retire, what "
    "happens if I leave, how contributions work.\n\n"
    "- answer only from those two docs and cite at the end: (Rules 4.3) or (FAQ Q7)\n"
    "- never say whether to opt out, never give tax advice\n"
    "- if the docs don't cover it say exactly: The pension documents don't cover that, please email "
    "pensions@larkfield.example.\n"
    "- max 3 sentences, no markdown"
)


def test_the_not_covered_example_is_the_briefs_exact_sentence() -> None:
    examples = _section(_prompt(_PENSION_BOT), "examples")
    assert "The pension documents don't cover that, please email pensions@larkfield.example." in examples
    assert "I can't find that in" not in examples


def test_no_handbook_example_for_a_brief_about_employees_that_leave() -> None:
    assert "vacation days" not in _prompt(_PENSION_BOT)


def test_a_citation_shown_after_a_colon_at_the_end_replaces_the_default() -> None:
    prompt = _prompt(_PENSION_BOT)
    assert "[Doc 2, Section 3]" not in prompt
    assert "at the end of the answer, naming the document and section, for example (Rules 4.3)" in prompt
    assert "after every claim" not in prompt
    assert "inline citations" not in prompt


def test_counted_sources_are_named_from_their_list() -> None:
    role = _section(_prompt(_PENSION_BOT), "role")
    assert "the 2019 Staff Pension Rules and the Pension FAQ" in role
    assert "gets two docs" not in role


def test_a_company_name_brings_no_sql_rules() -> None:
    task = (
        "internal slack bot for employee share plan questions at Larkfield Analytics. it answers from our share plan "
        "FAQ. max 3 sentences."
    )
    result = generate(Brief(task=task, target="claude"))
    assert "sql_analyst" not in [a.id for a in result.archetypes]
    assert "read-only queries" not in result.prompt


def test_a_german_citation_example_after_z_b() -> None:
    task = (
        "Ein Chat-Assistent für unsere Steuerkanzlei, der nur anhand unseres Merkblatts Lohnsteuer antwortet. "
        "Am Ende jeder Antwort die Quelle nennen, z. B. (Merkblatt Lohnsteuer, Punkt 4). Maximal 80 Wörter."
    )
    from app.engine.compose.plan import citation_style

    assert citation_style(task, []) == "(Merkblatt Lohnsteuer, Punkt 4)"


def test_an_arrow_gives_a_route_its_case() -> None:
    task = (
        "Answer questions for Brightwater Pools from our care guide.\n"
        "- warranty claims, broken pumps -> service@brightwater.example\n"
        "- anything else -> hello@brightwater.example"
    )
    routes = {c.value: c.condition for c in read_constraints(Brief(task=task)) if c.kind == "fallback"}
    assert routes["service@brightwater.example"] == "For warranty claims, broken pumps"
    assert routes["hello@brightwater.example"] is None


def test_an_arrow_to_a_label_is_no_route_case() -> None:
    task = (
        "Moderate forum comments. Labels: KEEP, REMOVE, REVIEW.\n"
        "- spam, ads -> REMOVE\n"
        "- talk of self-harm -> REVIEW (our moderators phone the user)"
    )
    assert not [c for c in read_constraints(Brief(task=task)) if c.kind == "fallback" and c.condition]


def test_an_exact_sentence_keeps_the_requesters_own_words() -> None:
    task = (
        "Answer questions from our Boiler Owner Guide for Hearthline Heating customers.\n"
        "- if the guide doesn't cover it, reply with exactly this sentence: That's not in our guide, please call our "
        "engineers on 0800 555 0142.\n- max 80 words, plain text"
    )
    prompt = _prompt(task)
    assert "That's not in our guide, please call our engineers on 0800 555 0142." in prompt
    assert fixed_reply("say exactly this sentence: Sorry, our desk is closed.") == "Sorry, our desk is closed."
    assert fixed_reply('reply exactly "We only book online."') == "We only book online."


_SQL = (
    "help our volunteers write queries against the swimming club's Postgres db.\n"
    "swimmers(id, full_name, dob DATE, squad, joined_on DATE)\n"
    "- a lot of pupils are under 16 so never show dob, show the age only\n"
    "- they're not technical, if the question is vague pick the most likely meaning and say which one you picked\n"
    "- if they ask to update, delete or insert anything reply exactly: I only write SELECT queries, ask the "
    "secretary.\n"
    "- one sql code block, then at most 2 sentences of explanation"
)


def test_a_share_of_people_in_the_data_is_no_audience() -> None:
    audiences = [c for c in read_constraints(Brief(task=_SQL)) if c.kind == "audience"]
    assert all("pupils" not in (c.value or "") for c in audiences)
    readers = read_constraints(Brief(task="A chat bot for our library. Many users are over 70."))
    assert any(c.kind == "audience" and c.minimum == 70 for c in readers)


def test_an_action_with_only_is_no_topic() -> None:
    rules = [c.text for c in read_constraints(Brief(task=_SQL))]
    assert not any(rule.startswith("Only help with show") for rule in rules)
    syntax = [c.text for c in read_constraints(Brief(task="Write SQL for our team. MySQL 8 syntax only."))]
    assert "Use only MySQL 8 syntax." in syntax


def test_pick_the_likeliest_meaning_settles_asking_first() -> None:
    prompt = _prompt(_SQL)
    assert "Ask which table or metric definition" not in prompt


def test_a_fixed_reply_to_write_requests_settles_read_only() -> None:
    assert "unless the user explicitly asks for a change to data" not in _prompt(_SQL)


def test_a_reply_that_opens_with_its_code_block_gets_no_thinking_section() -> None:
    assert "<reasoning>" not in _prompt(_SQL)


def test_the_most_severe_label_wins_settles_the_tie_break() -> None:
    task = (
        "Klassifiziere Kleinanzeigen für Gebrauchtwagen. Labels: OK, PRUEFEN, ABLEHNEN. Gib nur das Label aus.\n"
        "- bei mehreren Gründen gilt der schwerste (ABLEHNEN vor PRUEFEN)"
    )
    assert "listed first" not in _prompt(task)


_CANDIDATE = (
    "We want our new store managers to practise structured interviews. I want a practice bot where the manager "
    "interviews a pretend applicant.\n\n"
    "The bot plays the applicant: Sam Reyes, applying for Assistant Store Manager. 4 years in retail. Sam gives short "
    "answers until probed. If the manager asks something they legally shouldn't (age, children, pregnancy, religion, "
    "marital status), Sam politely deflects.\n\n"
    "Sam speaks only, max 3 sentences per turn. Never break character unless the manager types END.\n\n"
    "When they type END, give feedback in exactly this layout and nothing else:\n"
    "ILLEGAL QUESTIONS: <number>\n"
    "PROBES: <number>\n"
    "SCORE: <1-10>/10\n"
)


def test_the_bot_that_plays_the_candidate_asks_no_interview_questions() -> None:
    prompt = _prompt(_CANDIDATE)
    assert "Ask one question per turn" not in prompt
    assert "Ask the next interview question" not in prompt


def test_children_in_a_list_of_topics_bring_no_child_pack() -> None:
    prompt = _prompt(_CANDIDATE)
    assert "The readers are children" not in prompt
    assert "child's personal information" not in prompt


def test_a_layout_for_the_end_of_the_session_is_no_every_reply_format() -> None:
    prompt = _prompt(_CANDIDATE)
    assert "Use these sections" not in _section(prompt, "output_format")
    assert "nothing else: `ILLEGAL QUESTIONS" not in prompt
    assert "ILLEGAL QUESTIONS: <number>\n" in prompt.replace("   ILLEGAL", "ILLEGAL")


def test_a_value_contrasted_with_another_is_no_role_to_avoid() -> None:
    rules = [
        c.text for c in read_constraints(Brief(task="Return JSON. anything not stated = null, not an empty string."))
    ]
    assert "Do not act as an empty string." not in rules


def test_an_array_reply_is_reminded_as_an_array() -> None:
    task = (
        'Turn every delivery note into JSON. Return a JSON array, one object per note: {"ref": string, "kg": number '
        "or null}. JSON only."
    )
    reminder = _section(_prompt(task), "reminder")
    assert "the JSON object" not in reminder


def test_a_clinical_psychologist_who_reviewed_the_flow_brings_no_medical_pack() -> None:
    task = (
        "A journaling app feature: the assistant walks the user through a gratitude exercise, one question at a "
        "time. A clinical psychologist reviewed the flow. It is not therapy. Max 60 words per message."
    )
    prompt = _prompt(task)
    assert "signs of an emergency (chest pain" not in prompt
    assert "doctor or pharmacist" not in prompt


def test_only_from_is_no_part_of_a_label() -> None:
    task = "Turn each note into JSON with keys item, flags.\n- flags: only from ID_DOCUMENT, BANK_CARD, PHONE, KEYS"
    labels = [c.values for c in read_constraints(Brief(task=task)) if c.kind == "labels"]
    assert labels
    assert all(not value.lower().startswith("only") for values in labels for value in values)
