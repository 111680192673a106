"""A moderation brief with a rule set pasted from a wiki (round 16, r16-09 shape, new wording): the rules stay
material to apply, not orders to the model; the JSON line with a range "or null" is the schema; a parenthesis of
examples inside a list is no label set; and a label reply gets no audience rule and no safety pack."""

from __future__ import annotations

from app.engine import Brief, generate
from app.engine.brief import extract_entities
from app.engine.constraints.label_fields import label_topic
from app.engine.constraints.labels import find_labels
from app.engine.constraints.structure import find_objects

_BRIEF = (
    "Chat filter for Pixel Harbor, a Roblox group for kids aged 9-13 (we're GDPR-compliant). Each message arrives with "
    "the username. Check it against our rules (copied from the mod handbook):\n\n"
    "== Pixel Harbor Community Rules ==\n"
    "1) no cursing, including masked spellings (f*ck, sh!t)\n"
    "2) no personal details: real names, schools, home towns, socials (tiktok/yt/discord handles), birthdays\n"
    "3) no inviting people to private servers or DMs\n"
    "4) mild trash talk like 'gg ez' is ok, don't be too strict\n\n"
    "Labels: OK, WARN, BLOCK, REVIEW.\n"
    'Output JSON only: {"label": "...", "rule": 1-4 or null, "why": "max 12 words"}'
)


def test_a_range_or_null_value_is_read_as_a_nullable_number() -> None:
    found = find_objects('Reply with {"label": "...", "rule": 1-6 or null, "reason": "short"}')
    assert [list(obj.value) for obj in found] == [["label", "rule", "reason"]]


def test_a_rule_set_pasted_from_a_handbook_is_material_not_orders() -> None:
    prompt = generate(Brief(task=_BRIEF, target="claude")).prompt
    assert "<pixel_harbor_community_rules>" in prompt
    assert "1) no cursing, including masked spellings" in prompt
    assert "Avoid cursing" not in prompt
    assert "Do not be too strict" not in prompt


def test_the_brief_json_line_is_the_schema_and_its_word_cap_is_on_the_field() -> None:
    prompt = generate(Brief(task=_BRIEF, target="claude")).prompt
    assert '"why"' in prompt
    assert '"rule"' in prompt
    assert "Keep the why field to at most 12 words" in prompt
    assert "Keep the reply to at most 12 words" not in prompt


def test_examples_in_parentheses_inside_a_list_are_no_label_set() -> None:
    text = "no personal details: real names, schools, socials (tiktok/yt/discord handles), birthdays"
    assert find_labels(text) is None
    assert find_labels("Sort each email (spam/ham), then summarise it.") is not None


def test_a_label_topic_is_not_read_across_a_blank_line() -> None:
    assert label_topic("don't be the fun police\n\nLabels: ") is None
    assert label_topic("Give each review a sentiment label (") == "sentiment"


def test_a_compliance_adjective_is_not_the_business_name() -> None:
    assert extract_entities("Filter for a kids' server (we're COPPA-compliant).").organization is None
    assert extract_entities("Support bot. We're Lumen Bank.").organization == "Lumen Bank"


def test_a_label_reply_has_no_audience_rule_and_no_safety_pack() -> None:
    prompt = generate(Brief(task=_BRIEF, target="claude")).prompt
    assert "Write for kids" not in prompt
    assert "Pitch vocabulary" not in prompt
    assert "crisis line" not in prompt
    assert "Safety:" not in prompt
    assert "kids aged 9-13" in prompt  # the audience stays in the context
    for label in ("OK", "WARN", "BLOCK", "REVIEW"):
        assert label in prompt
