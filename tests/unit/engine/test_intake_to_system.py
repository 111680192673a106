"""A chat that collects details one question at a time and hands a JSON record to a system is an intake."""

from __future__ import annotations

from app.engine.brief import Brief
from app.engine.generate import generate

_REMOVALS = (
    "Kessler & Daughters Removals (Bristol) wants a website chat assistant that collects what we need to quote a "
    "house move, then hands the details to our quoting system.\n\n"
    "Collect, one question at a time: moving date, from postcode, to postcode, property type and number of bedrooms, "
    "and a contact email or phone.\n\n"
    "- Once you have everything, show the customer a plain-text recap and ask them to confirm. After they confirm, "
    "output ONLY a JSON object matching the attached schema (no other text), because our system reads that message."
)


def test_an_intake_that_hands_a_record_on_is_no_document_qa() -> None:
    result = generate(Brief(task=_REMOVALS, target="claude"))
    assert "document_qa" not in [a.id for a in result.archetypes]
    assert "Answer only from the supplied documents" not in result.prompt
    assert "Ask one question at a time" in result.prompt


def test_an_organisation_with_an_ampersand_and_a_place_keeps_its_wish_as_the_role() -> None:
    role = generate(Brief(task=_REMOVALS, target="claude")).spec.role
    assert role.startswith("You are a website chat assistant that collects what we need to quote a house move")


def test_a_name_keeps_its_capital_in_the_request_line() -> None:
    result = generate(Brief(task="Bella's Bakery in Leeds, small family place, mostly bread.", target="claude"))
    assert "bella's" not in result.prompt


def test_a_moderation_word_with_topic_labels_is_a_sorting_job() -> None:
    result = generate(
        Brief(
            task="Moderate and sort tenant emails for our property company into one of: maintenance, rent_payment, "
            "lease_renewal, noise_complaint, spam."
        )
    )
    assert result.archetypes[0].id == "classification"


def test_a_moderator_with_verdict_labels_stays_a_moderator() -> None:
    result = generate(
        Brief(task="Moderate comments on our forum. Label each comment one of: allow, remove, review (hate or spam).")
    )
    assert result.archetypes[0].id == "content_moderation"


def test_a_department_named_intake_reading_one_email_is_an_extractor() -> None:
    result = generate(
        Brief(
            task="Claims intake at Northmere Mutual (home insurance). First notice of loss comes in by email. I want a "
            'model that reads one email and returns this JSON and nothing else: {"policy_number": string or null, '
            '"urgent": true/false}',
            target="claude",
        )
    )
    assert result.archetypes[0].id == "data_extraction"
    assert "Ask one question at a time" not in result.prompt


def test_an_array_of_strings_written_in_words_is_an_array() -> None:
    from app.engine.constraints.structure import find_objects, to_json_schema

    [found] = find_objects('Return {"rooms": array of strings, "n": list of numbers}')
    schema = to_json_schema(found.value)
    assert schema["properties"]["rooms"] == {"type": "array", "items": {"type": "string"}}
    assert schema["properties"]["n"] == {"type": "array", "items": {"type": "number"}}


def test_the_organisations_wish_is_no_requirement_the_prompt_must_repeat() -> None:
    from app.engine import fidelity

    result = generate(Brief(task=_REMOVALS, target="claude"))
    assert not any(c.kind == "requirement" and c.text.startswith("Kessler") for c in result.constraints)
    assert fidelity.check_fidelity(result.constraints, result.prompt) == []


def test_short_harm_words_are_whole_words_not_prefixes() -> None:
    from app.engine.archetype_leads import harm_or_verdict

    assert not any(map(harm_or_verdict, ["banking", "office_hours", "password_reset", "passport", "selfie"]))
    assert all(map(harm_or_verdict, ["ban", "banned", "off_topic", "self_harm", "spam", "needs_review"]))
