"""Review of 450286a (round 27): briefs where the new rule shapes, settled topics, sentence split, hand-off reading,
code-only reading and terse-reply check do the wrong thing. Each test asserts the correct behaviour."""

from __future__ import annotations

import pytest

from app.engine.brief import Brief
from app.engine.generate import read_constraints
from tests.unit.engine.reading import claude_prompt, context_of, instructions_of, section


# 1. A 'when/after/before …' fact with "it's"/"it was" is not a conditional rule. "When it rains it's our quietest
# day." is rendered as "Requirements: 1. When it rains it's the quietest day." (the new 'after'/'before' leads and
# "it's" verb in _INSTRUCTS). Expected: stays a context line.
@pytest.mark.parametrize(
    ("task", "fact"),
    [
        (
            "Answer customer questions for our bike shop in Leeds. When it rains it's our quietest day. "
            "Repairs take about 3 days.",
            "quietest day",
        ),
        (
            "Help new hires at our restaurant with questions about shifts. "
            "After the lunch rush it's usually just two of us on the floor.",
            "just two of us on the floor",
        ),
        (
            "Answer questions from tenants of Larch Court. "
            "Before 2019 it was a council building; it's now privately managed.",
            "council building",
        ),
    ],
)
def test_a_when_after_before_fact_with_its_stayscontext_of(task: str, fact: str) -> None:
    prompt = claude_prompt(task)
    assert fact not in instructions_of(prompt)
    assert fact in context_of(prompt)


# 2. A 'Label: …' fact list is not an order. "What we sell: cut flowers, …" (": cut"), "Services: copy-editing, …"
# (": copy"), "HR context: leave requests go …" (": leave"), "Bestsellers: mark-down …" (": mark") match the widened
# verb-after-colon list; "Our catalogue: 300 items, …" matches the new 'LABEL: <count> items' shape. All render as
# "Requirements: 1. …". Expected: context lines.
@pytest.mark.parametrize(
    ("task", "fact"),
    [
        (
            "Answer customer questions for our florist in York. "
            "What we sell: cut flowers, house plants and gift hampers.",
            "cut flowers, house plants",
        ),
        (
            "Answer enquiries for my freelance editing business. Services: copy-editing, proofreading and indexing.",
            "copy-editing, proofreading",
        ),
        (
            "Answer questions about our toy shop. Bestsellers: mark-down Lego sets and board games.",
            "mark-down Lego sets",
        ),
        (
            "Recommend shoes to customers of our online store. Our catalogue: 300 items, mostly running shoes.",
            "300 items, mostly running shoes",
        ),
    ],
)
def test_a_labelled_fact_list_stayscontext_of(task: str, fact: str) -> None:
    prompt = claude_prompt(task)
    assert fact not in instructions_of(prompt)
    assert fact in context_of(prompt)


# 3. Fact sentences that merely end in the new rule tails: "We're open 9 to 5 on weekdays, otherwise the phone goes to
# voicemail." (', otherwise'), "We're a small team, weekdays only." (', … only' at the end), "Customers email us
# instead." ('X instead.'). Each is now "Requirements: 1. …". Expected: context lines.
@pytest.mark.parametrize(
    ("task", "fact"),
    [
        (
            "Answer questions for our library. We're open 9 to 5 on weekdays, otherwise the phone goes to voicemail.",
            "the phone goes to voicemail",
        ),
        ("Answer customer questions for our deli. We're a small team, weekdays only.", "small team, weekdays only"),
        (
            "Answer customer questions for our ISP. We closed our phone line last year. Customers email us instead.",
            "Customers email us instead",
        ),
    ],
)
def test_a_fact_with_a_rule_shaped_tail_stayscontext_of(task: str, fact: str) -> None:
    prompt = claude_prompt(task)
    assert fact not in instructions_of(prompt)
    assert fact in context_of(prompt)


# 4. 'at a time' only excludes I/we, but the input arrives one at a time whoever sends it: "You'll get one messy line
# at a time.", "The chair pastes one abstract at a time.", "Families collect one parcel at a time, usually on Fridays."
# become Requirements. Expected: context, like "I'll send one messy line at a time."
@pytest.mark.parametrize(
    ("task", "fact"),
    [
        ("Tidy up the product names into Title Case. You'll get one messy line at a time.", "one messy line at a time"),
        (
            "Screen conference abstracts for our review committee: ACCEPT, REJECT or MAYBE. "
            "The chair pastes one abstract at a time.",
            "one abstract at a time",
        ),
        (
            "Help volunteers at our food bank with questions about their shifts. "
            "Families collect one parcel at a time, usually on Fridays.",
            "one parcel at a time",
        ),
    ],
)
def test_how_the_input_arrives_is_not_a_rate_limit(task: str, fact: str) -> None:
    assert fact not in instructions_of(claude_prompt(task))


# 5. tie_break's bare '優先' also matches 優先度/優先級 ("priority"): "問い合わせメールを優先度で分類してください…" and
# "請將客服工單依優先級分類…" classify BY priority and state no precedence, yet the tie-break default is dropped.
# Expected: "When two labels fit equally well, …" stays.
@pytest.mark.parametrize(
    "task",
    [
        "問い合わせメールを優先度で分類してください。ラベルは HIGH、MEDIUM、LOW のいずれか。ラベルのみ出力。",
        "請將客服工單依優先級分類：HIGH、MEDIUM、LOW。只輸出標籤。",
    ],
)
def test_priority_as_the_label_dimension_keeps_the_tie_break(task: str) -> None:
    assert "When two labels fit equally well" in claude_prompt(task)


# 6. keywords topic: "If the customer mentions they are on the Enterprise plan, add " (ENT)" after the label." is a
# suffix rule, not a keyword rule for the label, yet "Base the label on the input's main point, not on isolated
# keywords." is dropped. Expected: the main-point default stays.
def test_a_mention_rule_that_is_not_about_the_label_keeps_the_main_point_default() -> None:
    prompt = claude_prompt(
        "Classify support tickets by their main topic: BILLING, TECHNICAL, ACCOUNT, OTHER. Reply with the label only. "
        'If the customer mentions they are on the Enterprise plan, add " (ENT)" after the label.'
    )
    assert "not on isolated keywords" in prompt


# 7. write_access: 'no … UPDATE/DELETE' within 20 characters matches schema notes and asides. "No need to update the
# schema doc." and "Orders have no soft-delete flag; …" drop "Write read-only queries (SELECT, WITH) unless the user
# explicitly asks for a change to data." though the brief says nothing about write access. Expected: it stays.
@pytest.mark.parametrize(
    "task",
    [
        "Write PostgreSQL queries for our analysts from their plain-English questions. "
        "No need to update the schema doc. Schema: orders(id, customer_id, total, created_at).",
        "Write PostgreSQL queries for our analysts from their questions. "
        "Schema: orders(id, customer_id, total, status, created_at). "
        "Orders have no soft-delete flag; cancelled orders just have status = 'cancelled'.",
    ],
)
def test_a_schema_aside_keeps_the_read_only_default(task: str) -> None:
    assert "Write read-only queries (SELECT, WITH)" in claude_prompt(task)


# 8. financial_referral: "certified financial planners" anywhere settles the referral. "Don't use jargon that only
# certified financial planners would know." drops "…suggest a licensed financial adviser for their situation." though
# the brief gives no route of its own. Expected: the pack's referral stays.
def test_naming_advisers_without_a_route_keeps_the_adviser_referral() -> None:
    prompt = claude_prompt(
        "Explain how ETFs, index funds and pensions work to beginners using our investing app. Keep it friendly. "
        "Don't use jargon that only certified financial planners would know."
    )
    assert "licensed financial adviser" in prompt


# 9. fallbacks: a hand-off word after an article is skipped, and finditer has already consumed the real hand-off that
# follows. "If the customer asks about a transfer that hasn't arrived, connect them to the payments team." (the
# 'payment' variant becomes the guardrail), "If the offer code doesn't work, pass them to a human agent.",
# "If … the call gets heated, transfer to a supervisor." keep the default "If you are unsure …: … escalate to a human
# agent" instead.
# Expected: the brief's hand-off is the guardrail.
@pytest.mark.parametrize(
    ("task", "handoff"),
    [
        (
            "Phone-support assistant for our bank. "
            "If the customer asks about a transfer that hasn't arrived, connect them to the payments team.",
            "connect them to the payments team",
        ),
        (
            "Phone-support assistant for our bank. If the offer code doesn't work, pass them to a human agent.",
            "pass them to a human agent",
        ),
        (
            "Answer customer questions for our broadband company. "
            "If the refund is over $200 or the call gets heated, transfer to a supervisor.",
            "transfer to a supervisor",
        ),
    ],
)
def test_a_handoff_after_a_noun_use_of_a_handoff_word_is_read(task: str, handoff: str) -> None:
    assert handoff in section(claude_prompt(task), "guardrails")


# 10. fallbacks condition: after 'that'/'this' an action verb no longer ends the condition. "If they want to cancel or
# anything like that call the membership desk on 0113 496 0000." renders "If they want to cancel or anything like that
# call the membership desk on 0113 496 0000, tell the user to call …". Expected: the condition ends before "call", as
# with "anything similar".
def test_a_condition_ending_in_like_that_stops_before_the_action() -> None:
    guardrails = section(
        claude_prompt(
            "Answer customer questions for our gym. "
            "If they want to cancel or anything like that call the membership desk on 0113 496 0000."
        ),
        "guardrails",
    )
    assert "If they want to cancel or anything like that, " in guardrails
    assert "like that call the membership desk" not in guardrails


# 11. sentences: a hard-wrapped brief whose line ends on an acronym before a proper noun is cut mid-sentence:
# "…guidance from NHS\nEngland on repeat prescriptions." gives "From the brief: England on repeat prescriptions.";
# "…hit the EU\nFrankfurt region…" gives "Focus on incidents that hit the EU." plus "From the brief: Frankfurt region…";
# "…on AWS\nLightsail or…" gives "From the brief: Lightsail or on our own servers." Expected: one sentence each.
@pytest.mark.parametrize(
    ("task", "fragment"),
    [
        (
            "Answer questions from GP practice staff about the new guidance from NHS\n"
            "England on repeat prescriptions. Be concise and cite the guidance section.",
            "From the brief: England on",
        ),
        (
            "Summarise the weekly incident reports for the CTO. Focus on incidents that hit the EU\n"
            "Frankfurt region and anything that breached the SLA.",
            "From the brief: Frankfurt region",
        ),
        (
            "Help our support agents draft replies to customers who host their sites on AWS\n"
            "Lightsail or on our own servers. Never promise uptime figures.",
            "From the brief: Lightsail",
        ),
    ],
)
def test_a_wrapped_line_ending_in_an_acronym_does_not_end_the_sentence(task: str, fragment: str) -> None:
    assert fragment not in claude_prompt(task)


# 12. terse reply: a limit on one part of a long reply that the reader takes as whole-reply (scope None) now also drops
# the thinking block. "Finish with a summary of at most 3 sentences" (a full PR review), "Open with a TL;DR of max 2
# lines" (a competitor comparison: no reasoning section before this change either, so left out), "Keep explanations
# under 100 words" (explanation plus fixed code) lose <reasoning>.
# Expected: the reasoning block stays for these long replies.
@pytest.mark.parametrize(
    "task",
    [
        "Review pull requests for our Django backend. List every bug, security issue and style problem you find, "
        "with the line number. Finish with a summary of at most 3 sentences.",
        "Help our developers debug Python errors. Explain the root cause, then give the fixed code. "
        "Keep explanations under 100 words.",
    ],
)
def test_a_limit_on_part_of_a_long_reply_keeps_the_thinking_block(task: str) -> None:
    assert "<reasoning>" in claude_prompt(task)


# 13. tie_break misses close variants of its own fix: "…it's DELIVERY even if it's also about quality" and "…even if
# a review also complains…" keep "choose the one listed first in the label set"; Chinese "HIDE 的优先级高于 CHECK"
# keeps 'When two labels fit equally well, choose "CHECK"', the opposite of the brief. Expected: the default goes.
@pytest.mark.parametrize(
    ("task", "default"),
    [
        (
            "classify shop reviews: DELIVERY, QUALITY, PRICE, OTHER. label only.\n"
            "if a review mentions a late parcel it's DELIVERY even if it's also about quality.",
            "listed first in the label set",
        ),
        (
            "classify shop reviews: DELIVERY, QUALITY, PRICE, OTHER. label only.\n"
            "if a review mentions a late parcel it's DELIVERY, even if a review also complains about quality.",
            "listed first in the label set",
        ),
        (
            '审核用户评论，只输出JSON：{"decision": "OK" | "HIDE" | "CHECK"}\n'
            "- 含有辱骂 → HIDE\n- 同时命中多条时：HIDE 的优先级高于 CHECK",
            "fit equally well",
        ),
    ],
)
def test_close_variants_of_a_stated_precedence_replace_the_tie_break(task: str, default: str) -> None:
    assert default not in claude_prompt(task)


# 14. keywords topic misses close variants: "if a customer's review mentions a late parcel it's DELIVERY…" and "any
# review that mentions a late parcel is DELIVERY…" keep "Base the label on the input's main point, not on isolated
# keywords.", contradicting the brief's mention rule. Expected: the default goes, as for "if a review mentions".
@pytest.mark.parametrize(
    "task",
    [
        "classify shop reviews: DELIVERY, QUALITY, PRICE, OTHER. label only.\n"
        "if a customer's review mentions a late parcel it's DELIVERY even if it also complains about quality.",
        "classify shop reviews: DELIVERY, QUALITY, PRICE, OTHER. label only.\n"
        "any review that mentions a late parcel is DELIVERY even if it also complains about quality.",
    ],
)
def test_close_variants_of_a_mention_rule_replace_the_main_point_default(task: str) -> None:
    assert "not on isolated keywords" not in claude_prompt(task)


# 15. code-only reply misses close variants of "Rispondi solo con la query SQL": "una" (not in the article list),
# "esclusivamente", "Fornisci", French "par la requête", German "der SQL-Abfrage", Spanish "una consulta SQL". None is
# read as a code-only reply (and each keeps the thinking block). Expected: format value "code".
_SCHEMA_IT = "Sei un assistente SQL per il nostro gestionale (PostgreSQL). Tabelle: ordini(id, cliente_id, totale). "


@pytest.mark.parametrize(
    "task",
    [
        _SCHEMA_IT + "Rispondi solo con una query SQL valida.",
        _SCHEMA_IT + "Rispondi esclusivamente con la query SQL.",
        _SCHEMA_IT + "Fornisci solo la query SQL.",
        "Tu es un assistant SQL pour notre ERP (PostgreSQL). Tables : commandes(id, client_id, total). "
        "Réponds uniquement par la requête SQL.",
        "Du bist ein SQL-Assistent für unser ERP (PostgreSQL). Tabellen: bestellungen(id, kunde_id, summe). "
        "Antworte nur mit der SQL-Abfrage.",
        "Eres un asistente SQL para nuestro ERP (PostgreSQL). Tablas: pedidos(id, cliente_id, total). "
        "Responde únicamente con una consulta SQL.",
    ],
)
def test_close_variants_of_a_code_only_reply_are_read(task: str) -> None:
    constraints = read_constraints(Brief(task=task))
    assert any(c.kind == "format" and c.value == "code" for c in constraints)
