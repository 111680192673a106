"""Rules keep their parts: a step glued to the tool it precedes, a route's cases said with "go to", a ban whose object
points back, a case and what to write in it after a comma, a layout of several parts, a bracketed abbreviation; and
nothing is read from what a rule only mentions (kids welcome with an adult, the requester's own "I have to")."""

from __future__ import annotations

from app.engine.brief import Brief
from app.engine.constraints import orderings
from app.engine.constraints.sections import layout_block
from app.engine.generate import read_constraints
from tests.unit.engine.reading import claude_prompt as _prompt


def _texts(task: str, kind: str | None = None) -> list[str]:
    return [c.text for c in read_constraints(Brief(task=task)) if kind is None or c.kind == kind]


_ROOMS = (
    "Booking assistant for Riverside Karting. Tools: check_track(date), hold_heat(date, drivers), "
    "confirm_heat(hold_id, name).\n"
    "- before confirm_heat read back date, time, number of drivers and total price, and only confirm after they "
    'reply "yes go"\n'
    "- stag parties, groups over 12 and corporate days go to events@riverside.example, don't book those here\n"
    "- Junior karts (kids welcome with an adult) run on Saturday mornings\n"
    "- max 60 words per reply"
)


def test_a_step_glued_to_the_tool_it_precedes_keeps_its_whole_list() -> None:
    rules = _texts(_ROOMS, "ordering")
    assert any(
        "Before calling confirm_heat, read back date, time, number of drivers and total price" in r for r in rules
    )


def test_cases_that_go_to_a_contact_are_its_condition() -> None:
    routes = [c for c in read_constraints(Brief(task=_ROOMS)) if c.kind == "fallback"]
    assert [c.condition for c in routes] == ["For stag parties, groups over 12 and corporate days"]


def test_a_ban_that_points_back_keeps_its_clause() -> None:
    rules = _texts(_ROOMS, "prohibition")
    assert "Do not book those here." not in rules
    assert any(r.startswith("Stag parties, groups over 12 and corporate days go to") for r in rules)
    card = _texts("Never ask for the card number or the PIN, and never read them back.", "prohibition")
    assert card == ["Never ask for the card number or the PIN, and never read them back."]
    person = _texts("Never say whether they'd win, never tell them to withhold rent.", "prohibition")
    assert "Never tell them to withhold rent." in person


def test_kids_welcome_with_an_adult_brings_no_child_pack() -> None:
    prompt = _prompt(_ROOMS)
    assert "The readers are children" not in prompt
    assert "child's personal information" not in prompt


_CREW = (
    "I coordinate a touring theatre company and every night I have to turn my messy notes into two things.\n\n"
    "layout, exactly this:\n\n"
    "=== DIRECTOR NOTES ===\n"
    "DECISIONS: max 4 bullets\n"
    "PROBLEMS: anything that could cancel a show\n\n"
    "=== CAST MESSAGE ===\n"
    "first sentence is always tomorrow's call time and venue\n"
    "max 120 words\n"
    "sign off with: Cheers, Priya (Co. Manager)\n\n"
    "dont invent venues or names that arent in my notes, if the call time is missing write CALL TIME TBC instead."
)


def test_a_layout_of_several_parts_is_the_reply_format_line_by_line() -> None:
    block = layout_block(_CREW)
    assert block is not None
    assert "=== CAST MESSAGE ===" in block.specs
    assert "first sentence is always tomorrow's call time and venue" in block.specs
    prompt = _prompt(_CREW)
    assert "<cast_message>" not in prompt
    output = prompt.split("<output_format>", 1)[1]
    assert "=== DIRECTOR NOTES ===\nDECISIONS: max 4 bullets" in output
    assert "first sentence is always tomorrow's call time and venue\nmax 120 words" in output


def test_a_case_after_a_comma_is_a_rule_of_its_own() -> None:
    assert "If the call time is missing write CALL TIME TBC instead." in _texts(_CREW)


def test_an_abbreviation_in_brackets_ends_no_sentence() -> None:
    rules = _texts("Write the cast message. Sign off with: Cheers, Priya (Asst. Stage Manager)")
    assert "Sign off with: Cheers, Priya (Asst. Stage Manager)." in rules


def test_the_requesters_own_duty_is_no_rule() -> None:
    rules = _texts("Every night I take notes, then I have to send two updates.")
    assert not any("I have to" in r for r in rules)


def test_no_double_charge_example_for_a_brief_that_only_mentions_refunds() -> None:
    task = (
        "Customer support chat for Riverside Karting bookings. Answer questions about heats, prices and "
        "cancellations. Cancellations: free up to 48 hours before, inside 48 hours no refund. If they want a person, "
        "email help@riverside.example. Max 60 words."
    )
    assert "charged twice" not in _prompt(task)


_JOURNAL = (
    "ok so this is for Brightleaf Diary, its a journaling app and we're adding a guided gratitude exercise. the "
    "assistant walks the user through it step by step and at the end shows the filled card.\n\n"
    "- ONE question at a time\n"
    "- if at any point they mention suicide or self harm: stop the exercise and reply with only this: I'm really glad "
    "you told me. Please call or text 988 any time, or call 911 if you're in danger right now.\n"
    "- at the end show the card exactly like this, nothing else after it:\n\n"
    "GOOD THING:\n"
    "WHY IT MATTERED:\n"
    "TOMORROW:\n"
)


def test_a_record_shown_at_the_end_is_one_rule_not_every_reply() -> None:
    prompt = _prompt(_JOURNAL)
    assert "GOOD THING:" not in prompt.split("<output_format>", 1)[1]
    assert "At the end show the card exactly like this, nothing else after it (" in prompt
    assert "nothing else after it:." not in prompt


def test_contacts_inside_a_fixed_reply_are_no_separate_routes() -> None:
    guardrails = _prompt(_JOURNAL).split("<guardrails>", 1)[1]
    assert "tell the user to text 988" not in guardrails
    assert "tell the user to call 911" not in guardrails


def test_the_sentence_that_says_what_the_assistant_does_is_the_job() -> None:
    role = _prompt(_JOURNAL).split("</role>", 1)[0]
    assert "Walk the user through it step by step" in role
    assert "this is for Brightleaf Diary" not in role


def test_reply_only_with_this_keeps_the_whole_fixed_message() -> None:
    task = (
        "Support chat for a savings app.\n"
        "- If anyone mentions suicide or not being safe, stop everything else and reply only with this: I'm so sorry "
        "you're going through this. Please call Samaritans on 116 123 any time. You don't have to face this alone.\n"
        "- max 3 sentences"
    )
    rules = _texts(task)
    assert not any(r.startswith("Do not have to") for r in rules)
    assert any("You don't have to face this alone." in r for r in rules)


def test_a_case_before_its_steps_stays_with_them() -> None:
    sentence = (
        "The one exception: if the caller says their card was stolen or they see a payment they didn't make, call "
        "blockCard immediately (before any checks), then verify them, then openCase with type fraud."
    )
    found = orderings.find_ordering(sentence)
    assert found is not None
    assert "card was stolen" in found.text
    assert "blockCard" in found.text


def test_who_a_rule_restricts_is_no_audience() -> None:
    task = "カラオケ店の予約ボット。\n・18歳未満が含まれるグループは23時以降の利用不可。23時を過ぎる予約は作らない"
    assert not [c for c in read_constraints(Brief(task=task)) if c.kind == "audience"]


def test_a_translation_target_named_after_in_or_para() -> None:
    task = (
        "Siamo un frantoio. Ci servono le schede prodotto tradotte dall'italiano in inglese britannico. Solo la "
        "traduzione."
    )
    prompt = _prompt(task)
    assert "into British English" in prompt
    assert "into Italian" not in prompt


def test_a_one_line_comment_is_no_one_line_reply() -> None:
    rules = _texts("Write Postgres queries. Start every query with a single-line SQL comment at the top.")
    assert "Reply in exactly 1 line." not in rules


def test_the_code_someone_sends_is_no_code_only_reply() -> None:
    rules = _texts("Help members log in. The only code you ever ask for is the 6-digit code from the app.")
    assert "Reply with the code only." not in rules
