"""Real-user phrasings that round-2 fresh briefs showed extraction misreading: multi-label sets, parameters taken
for tools, negated field lists, pacing read as counts, ages after a pronoun, JSON after CJK text, referral verbs in
other languages, and fallback conditions written loosely."""

from __future__ import annotations

import pytest

from app.engine.brief import Brief
from app.engine.compose.job import core_task
from app.engine.constraints import Constraint, extract_constraints


def of_kind(task: str, kind: str) -> list[Constraint]:
    return [c for c in extract_constraints(Brief(task=task)) if c.kind == kind]


def test_one_or_more_of_is_a_multi_label_set() -> None:
    labels = of_kind("Tag github issues with one or more of: bug, feature, docs, question, duplicate.", "labels")
    assert [(c.values, c.multi) for c in labels] == [(["bug", "feature", "docs", "question", "duplicate"], True)]


def test_the_role_task_keeps_no_stub_after_the_label_set() -> None:
    task = "classify incoming emails as: spam, sales, support, other. answer with the label only"
    constraints = extract_constraints(Brief(task=task))
    assert core_task(task, constraints) == "classify incoming emails"


def test_a_parameter_of_a_listed_signature_is_not_a_tool() -> None:
    task = "Tools: reset_password(user_email), create_ticket(title, priority, description), check_vpn_status(user_id)."
    assert [c.name for c in of_kind(task, "tool")] == ["reset_password", "create_ticket", "check_vpn_status"]


def test_a_negated_list_is_not_fields_to_collect() -> None:
    assert of_kind("Reading buddy for kids. Never ask for their name, address or school.", "fields") == []
    assert of_kind("Collect their name, phone and email before booking.", "fields") != []


@pytest.mark.parametrize("task", ["Ask one question at a time, then give feedback.", "Give hints one step at a time."])
def test_pacing_is_not_a_count(task: str) -> None:
    assert of_kind(task, "limit") == []


def test_ages_after_a_pronoun() -> None:
    (audience,) = of_kind("Homework helper. they're 13-14 so no complicated words", "audience")
    assert (audience.minimum, audience.maximum) == (13, 14)
    assert audience.text == "Write for an audience aged 13-14."


def test_json_right_after_cjk_text() -> None:
    formats = of_kind("从用户评论中提取产品名称，输出JSON，字段为 product, rating, issue。", "format")
    assert [c.value for c in formats] == ["json"]


def test_french_referral_verb_makes_a_url_fallback() -> None:
    fallbacks = of_kind("Pour un rendez-vous, renvoyer vers https://patrimoine-conseil.fr/rdv.", "fallback")
    assert [(c.action, c.value) for c in fallbacks] == [("url", "https://patrimoine-conseil.fr/rdv")]


def test_loose_fallback_condition_reads_as_an_instruction() -> None:
    (fallback,) = of_kind("otherwise if it doesnt know just point them to help@acme.com", "fallback")
    assert fallback.text == "If you do not know, tell the user to email help@acme.com."


def test_a_relative_clause_with_cant_forbids_nothing() -> None:
    task = "shipping questions that it cant answer -> send them to hello@wickandwax.co"
    assert of_kind(task, "prohibition") == []


def test_an_action_before_only_is_the_only_action() -> None:
    rules = [c.text for c in of_kind("proofread my blog posts, fix grammar only", "requirement")]
    assert rules == ["Only fix grammar."]
