"""Details of casually written briefs: a quote that ends before the rule does, a rough count, a first-person fact
beside a rule, a route inside a ban, the business named after its kind, a condition that opens an instruction, an
address inside an English sentence, and a reply cut at a dash."""

from __future__ import annotations

from app.engine.brief import Brief
from app.engine.constraints.limits import find_limits
from app.engine.generate import generate, read_constraints
from app.engine.language_id import identify

_FOOD_TRUCK = (
    "can you make me a bot that answers questions for my food truck Bao Down. we're at Pier 4 Market tues-sat 11-3. "
    "dont take orders in the chat, send ppl to baodown.co/order. no emojis pls and keep it short like 2 sentences. "
    'never say "contact us" or give a phone number, we dont have one lol'
)


def _texts(task: str, kind: str) -> list[str]:
    return [c.text for c in read_constraints(Brief(task=task)) if c.kind == kind]


def test_a_quote_that_ends_mid_rule_does_not_end_the_rule() -> None:
    task = 'Maths helper for kids. Don\'t say "Great job!" or "Awesome!" after every reply; praise real progress.'
    rules = _texts(task, "prohibition")
    assert any('"Awesome!" after every reply' in rule for rule in rules)
    assert "After every reply." not in _texts(task, "requirement")


def test_a_rough_count_is_a_budget_not_an_exact_count() -> None:
    (limit,) = find_limits("keep it short like 2 sentences")
    assert (limit.maximum, limit.exact) == (2, None)


def test_a_first_person_fact_is_no_prohibition() -> None:
    rules = _texts(_FOOD_TRUCK, "prohibition")
    assert not any(rule.startswith("Do not have") for rule in rules)
    assert any(rule.startswith('Never say "contact us" or give a phone number, we dont have one') for rule in rules)


def test_a_route_inside_a_ban_is_not_the_general_fallback() -> None:
    result = generate(Brief(task=_FOOD_TRUCK, target="claude"))
    # (the route is the banned case's: "When asked to take orders in the chat, point the user to baodown.co/order.")
    routes = [c for c in result.constraints if c.kind == "fallback"]
    assert [c.condition for c in routes] == ["When asked to take orders in the chat"]
    assert "When you cannot help, point the user to baodown.co/order" not in result.prompt


def test_the_business_named_after_its_kind_is_the_product() -> None:
    prompt = generate(Brief(task=_FOOD_TRUCK, target="claude")).prompt
    assert "for Bao Down" in prompt or "Bao Down's" in prompt
    assert "for Pier" not in prompt


def test_a_short_reply_gets_no_list_of_steps() -> None:
    prompt = generate(Brief(task=_FOOD_TRUCK, target="claude")).prompt
    assert "numbered list for steps" not in prompt
    assert "at most 2 sentences" in prompt


def test_a_condition_may_open_a_later_instruction() -> None:
    task = (
        "Homework helper for a maths club app. Kids type in a word problem. "
        "If they've been stuck for 3 turns on the same step, show a similar worked example instead."
    )
    assert "If they've been stuck for 3 turns on the same step, show a similar worked example instead." in _texts(
        task, "requirement"
    )


def test_an_address_is_no_evidence_of_a_language() -> None:
    assert identify("Max 3 short sentences, no links except scratch.mit.edu.")[0] == "en"


def test_a_reply_cut_at_a_dash_is_not_misquoted() -> None:
    task = (
        "Review bot for pull requests. Comment only on changed lines. "
        "If nothing's wrong, reply exactly: LGTM — no blocking issues."
    )
    prompt = generate(Brief(task=task, target="claude")).prompt
    assert "reply exactly: LGTM." not in prompt
    assert "LGTM — no blocking issues" in prompt


def test_a_time_range_ends_its_sentence_before_a_lowercase_rule() -> None:
    task = "bot for my food truck Bao Down. we're open tues-sat 11-3. dont take orders in the chat, send ppl to x.co."
    assert any(rule.startswith("Do not take orders") for rule in _texts(task, "prohibition"))
