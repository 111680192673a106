"""Which part of the reply a phrase is about: asides after a contact, words to say, per-part limits, prose + JSON."""

from __future__ import annotations

import pytest

from app.engine.brief import Brief
from app.engine.constraints import extract_constraints
from app.engine.constraints.labels import find_labels
from app.engine.constraints.phones import find_dial_numbers
from app.engine.generate import generate


def _kinds(task: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for c in extract_constraints(Brief(task=task)):
        found.setdefault(c.kind, []).append(c.text)
    return found


def test_a_negation_inside_words_to_say_forbids_nothing() -> None:
    found = _kinds("If someone asks about loans, say we can't advise on that and link https://fin.example.com/advice.")
    assert "prohibition" not in found
    assert "format" not in found  # "can't ... link" is no rule against links
    assert any("https://fin.example.com/advice" in text for text in found["fallback"])


def test_words_the_brief_forbids_are_no_reply_to_give() -> None:
    found = _kinds('Answer in 2 sentences. dont say "as an AI language model" ever')
    assert not any("reply exactly" in text for text in found.get("fallback", []))
    assert any("as an AI language model" in text for text in found["prohibition"])


def test_an_aside_after_a_helpline_is_not_a_label_set() -> None:
    assert find_labels("tell them to call the helpline on 0800 123 456 (free, 24/7) or a trusted adult") is None
    assert find_labels("remove posts that share contact details (phone numbers, emails, handles)") is None


def test_a_slash_pair_in_parentheses_is_still_a_label_set() -> None:
    found = find_labels("Tag each message (spam/ham).")
    assert found is not None
    assert found.values == ["spam", "ham"]


def test_a_verdict_verb_before_upper_case_names_states_the_labels() -> None:
    found = find_labels("Review each listing. Decide APPROVE, HOLD or REJECT.")
    assert found is not None
    assert found.values == ["APPROVE", "HOLD", "REJECT"]


def test_quoted_lines_sharing_a_prefix_are_one_label_set_with_that_prefix() -> None:
    task = 'Translate each review into English, then output "Mood: HAPPY", "Mood: SAD" or "Mood: MIXED" on a last line.'
    labels = next(c for c in extract_constraints(Brief(task=task)) if c.kind == "labels")
    assert labels.values == ["HAPPY", "SAD", "MIXED"]
    # each allowed line written whole (or the one-line template), so the label keeps its prefix
    assert 'End with one line "Mood: <label>"' in labels.text or all(
        f'"Mood: {value}"' in labels.text for value in labels.values
    )


def test_limits_on_named_parts_in_other_languages_keep_their_part() -> None:
    found = _kinds("Cada ficha tem um título de no máximo 5 palavras e um texto de no máximo 200 caracteres.")
    assert found["limit"] == ["Keep the title to at most 5 words.", "Keep the text to at most 200 characters."]


def test_a_japanese_per_item_limit_limits_each_item() -> None:
    assert _kinds("ToDoを抽出してください。1件あたり30文字以内。")["limit"] == [
        "Keep each item to at most 30 characters."
    ]


def test_a_summary_before_json_keeps_the_summary_and_its_own_limit() -> None:
    task = (
        "Read a delivery complaint and do two things: first a summary of at most 2 sentences for the courier team, "
        "then extract the fields order_id, problem (late, damaged, missing) and refunded (yes/no) as JSON."
    )
    result = generate(Brief(task=task, target="claude"))
    assert "First the summary, then a single JSON object" in result.prompt
    assert "no prose before or after" not in result.prompt
    assert "Keep the summary to at most 2 sentences." in result.prompt
    schema = result.spec.output_format.json_schema
    assert schema is not None
    assert set(schema["properties"]) == {"order_id", "problem", "refunded"}
    assert schema["properties"]["problem"]["enum"] == ["late", "damaged", "missing", None]


def test_an_alternative_marked_instead_stays_with_its_prohibition() -> None:
    found = _kinds("Never refund orders over $500; escalate them to the finance team instead. Reply in 2 sentences.")
    assert found["prohibition"] == ["Never refund orders over $500; instead, escalate them to the finance team."]


def test_a_tool_example_uses_realistic_values_or_none_at_all() -> None:
    task = "Agent for a gym. Tools: check_class(class_id, start_time), cancel_booking(booking_ref, member_hash)."
    prompt = generate(Brief(task=task, target="claude")).prompt
    assert "the value the user gave" not in prompt
    assert 'check_class(class_id="A-1042", start_time="14:00")' in prompt


def test_an_action_tool_is_never_the_lookup_of_the_agent_example() -> None:
    # "Can you check this for me?" answered by booking a class would teach the wrong call.
    task = "Agent for a yoga studio with book_class(id) and cancel_class(id). Be friendly."
    prompt = generate(Brief(task=task, target="claude")).prompt
    assert "Calling book_class" not in prompt
    assert "Calling cancel_class" not in prompt


def test_a_table_the_brief_asks_for_is_a_table_with_its_columns() -> None:
    task = (
        "Pull the key dates out of supplier contracts. Return a table with the columns Item | Date | Clause, one row "
        "each for: Start date, End date, Notice period."
    )
    result = generate(Brief(task=task, target="claude"))
    assert result.spec.output_format.kind == "table"
    assert result.spec.output_format.json_schema is None
    assert "Give the table these columns, in this order: Item | Date | Clause." in result.prompt
    assert "Give one row for each of: Start date, End date, Notice period." in result.prompt
    assert "JSON" not in result.prompt


def test_scores_returned_as_json_ask_for_no_quotes_or_evidence_outside_it() -> None:
    brief = Brief(
        task="Grade lab reports against our rubric; a missing section scores 0.",
        json_schema={
            "type": "object",
            "properties": {"method_score": {"type": "integer"}},
            "required": ["method_score"],
        },
        target="claude",
    )
    prompt = generate(brief).prompt
    assert "Quote the passage" not in prompt
    assert "before its score" not in prompt
    assert "not assessable" not in prompt
    assert "Use null" not in prompt  # the brief's schema has no nullable field


def test_a_brief_that_asks_for_null_makes_its_schema_nullable() -> None:
    task = 'Extract invoice fields as JSON {"vendor": "string", "total": 0}. Use null when a field is missing.'
    schema = generate(Brief(task=task, target="claude")).spec.output_format.json_schema
    assert schema is not None
    assert schema["properties"]["total"]["type"] == ["number", "null"]  # an invoice total may have cents


def test_material_the_brief_will_paste_in_gets_its_own_slot() -> None:
    result = generate(
        Brief(task="chat bot for our yoga studio, the class timetable will be pasted in below.", target="claude")
    )
    assert "class_timetable" in [v.name for v in result.variables]
    assert "{{class_timetable}}" in result.prompt


def test_pasted_material_in_german_gets_a_slot() -> None:
    task = "Beantworte Fragen zur Hausordnung, die unten eingefügt wird. Antworte auf Deutsch."
    assert "hausordnung" in [v.name for v in generate(Brief(task=task, target="claude")).variables]


def test_a_one_line_reply_gets_no_list_of_changes_after_it() -> None:
    prompt = generate(
        Brief(task="rewrite support macros as one-line subject lines, max 60 characters", target="claude")
    ).prompt
    assert "List the three most important changes" not in prompt
    assert "then the key changes" not in prompt


def test_no_explanations_means_no_visible_reasoning_block() -> None:
    prompt = generate(
        Brief(task="write a bash one-liner for what the user asks. no explanations", target="claude")
    ).prompt
    assert "<thinking>" not in prompt


def test_a_limit_on_the_words_explaining_the_code_limits_the_explanation() -> None:
    found = _kinds("Return the regex in a code block followed by at most 2 sentences explaining how it works.")
    assert "Keep the explanation to at most 2 sentences." in found["limit"]


def test_no_length_the_brief_never_asked_for() -> None:
    prompt = generate(
        Brief(task="Answer questions about our hiking trails using the trail guide.", target="claude")
    ).prompt
    assert "200 words" not in prompt


def test_product_descriptions_are_one_per_product_in_the_shops_voice() -> None:
    prompt = generate(Brief(task="Write product descriptions for our candle shop. Tone: cosy.", target="claude")).prompt
    assert "three distinct variants" not in prompt
    assert "One description per product" in prompt


def test_a_safety_instruction_the_bot_must_give_is_kept_whole_without_a_cut_prohibition() -> None:
    task = (
        "Booking bot for a heating firm. If anyone mentions smelling gas it must tell them to leave the property, "
        "not touch switches and call the gas emergency line 0800 111 999 right away."
    )
    found = extract_constraints(Brief(task=task))
    fallback = next(c for c in found if c.kind == "fallback")
    assert fallback.text == (
        "If anyone mentions smelling gas, tell them to leave the property, not touch switches and call the gas "
        "emergency line 0800 111 999 right away."
    )
    assert not any(c.kind == "prohibition" and "touch switches" in c.text for c in found)


def test_a_number_in_a_hotlines_name_is_not_the_number_to_call() -> None:
    numbers = find_dial_numbers("并拨打希望24热线 400-161-9995。")
    assert [n.value for n in numbers] == ["400-161-9995"]


@pytest.mark.parametrize(
    ("task", "rule"),
    [
        (
            "If OG, FG or IBU aren't in the recipe, set them to null; never estimate them.",
            "If OG, FG or IBU aren't in the recipe, set them to null; never estimate them.",
        ),
        (
            "Explain one block at a time, never the whole script.",
            "Explain one block at a time, never the whole script.",
        ),
    ],
)
def test_a_prohibition_that_points_back_keeps_its_clause(task: str, rule: str) -> None:
    prohibitions = [c.text for c in extract_constraints(Brief(task=task)) if c.kind == "prohibition"]
    assert rule in prohibitions
    assert "Never estimate them." not in prohibitions
    assert "Never the whole script." not in prohibitions


def test_an_idiom_with_no_forbids_nothing() -> None:
    task = "Safeguarding worries go straight to the welfare officer, no questions asked."
    assert not [c for c in extract_constraints(Brief(task=task)) if c.kind == "prohibition"]


def test_an_inline_numbered_list_is_split_into_its_items() -> None:
    task = (
        "Turn driver notes into CSV. Spec: 1. Header row exactly: farm_id,collected_at,litres 2. collected_at as "
        "YYYY-MM-DD 3. Never make up a litres figure. 4. Output the CSV only."
    )
    prompt = generate(Brief(task=task, target="claude")).prompt
    assert "farm_id,collected_at,litres`" in prompt  # no " 2." glued to the header
    assert "litres 2" not in prompt
    assert "- From the brief: collected_at as YYYY-MM-DD." in prompt  # a field name is not capitalised
    assert "Spec:" not in prompt
    assert "Spec." not in prompt


def test_german_ordinals_are_no_list() -> None:
    task = "Mathe-Nachhilfe für Schüler der 5. und 6. Klasse. Keine Lösungen verraten."
    prompt = generate(Brief(task=task, target="claude")).prompt
    assert "\n1. und" not in prompt
