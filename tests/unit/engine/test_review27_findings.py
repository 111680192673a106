"""Review 27 findings: regressions introduced between e582a82 and HEAD (keyed lines, JSON tool specs, tool-list
intros, path cells in piped labels, the language mirror, Japanese register negation, spec-fragment counts, field
limits scoped by a sentence's opening key, addressed jobs, 'wir machen' as background, tool-named fields)."""

from __future__ import annotations

import time

from app.engine.brief import Brief
from app.engine.generate import generate, read_constraints


def test_a_reply_schema_with_name_and_description_keys_is_no_tool() -> None:
    """_tool_spec takes any JSON object with an identifier-like "name" and a string "description" for a tool spec:
    a product-extraction reply schema {"name": "string", "description": "string", …} becomes a tool called
    `string` and the reply's schema is lost."""
    task = (
        "Build an assistant that reads supplier spec sheets and extracts the product. Return only JSON like "
        '{"name": "string", "description": "string", "price": 0, "category": "string"}.'
    )
    found = read_constraints(Brief(task=task))
    assert [c for c in found if c.kind == "schema"]
    assert not [c for c in found if c.kind == "tool"]


def test_a_clause_mentioning_functions_keeps_its_reply_format() -> None:
    """TOOLS_INTRO matches any clause with 'function'/'tool' and a colon at the line end, and _reply_format then
    drops every format of that clause: 'explain what each function does, as bullet points:' loses the bullets."""
    task = (
        "Code explainer for our junior devs. They paste a Python module and you explain what each function does, "
        "as bullet points:\n- one bullet per function\n- plain English, no jargon"
    )
    formats = [c.text for c in read_constraints(Brief(task=task)) if c.kind == "format"]
    assert "Use bullet points." in formats


def test_and_or_in_a_piped_label_clause_keeps_the_labels() -> None:
    """The path-cell guard in _find_labels ('\\w/\\w' in any cell of a clause with two bars) fires on 'and/or':
    the label set sales | support | spam is dropped."""
    task = (
        "Email router for a small agency. Tag each incoming email sales | support | spam, and/or flag it if it "
        "mentions a deadline. Output only the tag."
    )
    labels = [c for c in read_constraints(Brief(task=task)) if c.kind == "labels"]
    assert [list(c.values) for c in labels] == [["sales", "support", "spam"]]


def test_tu_nous_parles_en_anglais_is_the_reply_language() -> None:
    """_WRITES_TO_US reads 'tu nous parles en anglais' (the requester's order to the assistant) as the language
    people write to us in; the English reply language is lost and the prompt says 'Always reply in French'."""
    task = (
        "Assistant de conversation pour notre équipe de Montréal. Je veux que tu nous parles en anglais, pour "
        "qu'on pratique avant le salon de Toronto."
    )
    codes = [c.code for c in read_constraints(Brief(task=task)) if c.kind == "language"]
    assert codes == ["en"]


def test_teineigo_de_fuyou_na_is_no_negation_of_the_register() -> None:
    """_CJK_NEGATED_AFTER treats 'で' + '不要' as a negation: '丁寧語で不要な前置きは省いて' (politely, skipping
    needless preambles) drops the asked-for formal register."""
    task = (
        "社内ヘルプデスクのアシスタントを作りたいです。社員からのITの質問に答えてください。"
        "丁寧語で不要な前置きは省いて、結論から答えてください。"
    )
    tones = [c.text for c in read_constraints(Brief(task=task)) if c.kind == "tone"]
    assert any("formal" in text for text in tones)


def test_keyed_lines_describing_the_input_are_not_the_replys_lines() -> None:
    """_KEYED_LINES accepts any intro line containing 'format': the cards students paste ('in this format:\\nQ: …
    \\nA: …') become 'Exactly these lines' the quiz bot must reply with."""
    task = (
        "Flashcard quiz bot for my nursing students. They paste their cards in this format:\nQ: …\nA: …\n"
        "You quiz them one card at a time, wait for their answer, then say if it was right and why."
    )
    assert "Exactly these lines" not in generate(Brief(task=task, target="claude")).prompt


def test_keyed_lines_beyond_eight_are_not_cut_off() -> None:
    """_KEYED_LINES stops after 8 lines ({2,8}), so a nine-line layout is stated as 'Exactly these lines' without its
    last line: the prompt contradicts the brief."""
    task = (
        "Vocab card maker for my Spanish class. Output exactly these lines:\n"
        "W: …\nT: …\nG: …\nP: …\nE1: …\nE2: …\nS: …\nA: …\nN: …\nNothing else."
    )
    prompt = generate(Brief(task=task, target="claude")).prompt
    stated = [line for line in prompt.splitlines() if "Exactly these lines" in line]
    assert all("`N: …`" in line for line in stated)


def test_a_count_of_facts_after_a_full_stop_is_no_request() -> None:
    """The spec-fragment rule asks for any deliverable-noun count that opens a sentence and is followed by a
    comma: '120 questions, all about shipping' (the FAQ's size) becomes 'Give exactly 120 questions.'"""
    task = (
        "Support bot for our online pet shop. Our FAQ doc is pasted below. 120 questions, all about shipping and "
        "returns. Answer customers only from the FAQ, in 2-3 sentences."
    )
    limits = [c for c in read_constraints(Brief(task=task)) if c.kind == "limit"]
    assert not [c for c in limits if c.exact == 120]


def test_a_total_limit_in_a_sentence_opening_with_a_key_stays_on_the_reply() -> None:
    """_KEY_OPENS_SENTENCE scopes any limit after a colon to the key that opens the sentence: 'Summary and tags
    together make one JSON object: max 80 words in total' becomes a limit on the summary field only."""
    brief = Brief(
        task=(
            "Summarise support tickets for our weekly report. Summary and tags together make one JSON object: "
            "max 80 words in total."
        ),
        json_schema={
            "type": "object",
            "properties": {"summary": {"type": "string"}, "tags": {"type": "array", "items": {"type": "string"}}},
        },
    )
    (limit,) = [c for c in read_constraints(brief) if c.kind == "limit"]
    assert limit.scope is None


def test_a_field_opening_the_first_sentence_scopes_its_limit() -> None:
    """Off by one in scope_field_limits: with no '. ' before the span, rfind gives -1 and sentence_start becomes 1,
    so a key opening the task ('Feedback goes straight to the student: max 25 words') is read as 'eedback'."""
    brief = Brief(
        task=(
            "Feedback goes straight to the student: max 25 words. Grade free-text answers from nursing students, "
            "score 0-4."
        ),
        json_schema={"type": "object", "properties": {"score": {"type": "integer"}, "feedback": {"type": "string"}}},
    )
    (limit,) = [c for c in read_constraints(brief) if c.kind == "limit"]
    assert limit.scope == "the feedback field"


def test_a_rule_addressed_to_the_assistant_is_not_the_job() -> None:
    """The new _JOB_CUE 'you suggest' makes the rule after the introduction ('Anything you suggest must be safe …')
    the job sentence, ahead of the real job ('I need you to plan weekly home workouts …')."""
    task = (
        "I'm a personal trainer in Bristol. Anything you suggest must be safe for beginners with bad knees. "
        "I need you to plan weekly home workouts for my clients from their check-in notes."
    )
    role = generate(Brief(task=task, target="claude")).prompt.split("</role>")[0]
    assert "plan weekly home workouts" in role


def test_a_wir_machen_rule_stays_a_rule() -> None:
    """'wir machen' now counts as background, so 'Wir machen Termine nur telefonisch …, nie im Chat' (a rule) is
    demoted from the instructions to a context line."""
    task = (
        "Du bist der Chat-Assistent unserer Physiotherapiepraxis in Köln. Beantworte Fragen zu Terminen und "
        "Leistungen. Wir machen Termine nur telefonisch unter 0221 123456, nie im Chat."
    )
    prompt = generate(Brief(task=task, target="claude")).prompt
    instructions = prompt.split("<instructions>")[1].split("</instructions>")[0]
    assert "Wir machen Termine nur telefonisch" in instructions


def test_reply_fields_are_kept_when_one_shares_a_tool_name() -> None:
    """extract_constraints drops a whole 'fields' constraint when any field equals a tool's name: the JSON reply
    fields answer, confidence, handoff vanish because a handoff(reason) tool exists."""
    task = (
        "FAQ bot for our gym. Reply with a JSON object with the fields answer, confidence and handoff. If the "
        "member wants to cancel, call the handoff(reason) tool."
    )
    fields = [c for c in read_constraints(Brief(task=task)) if c.kind == "fields"]
    assert [list(c.values) for c in fields] == [["answer", "confidence", "handoff"]]


def test_keyed_lines_scan_is_linear_on_a_long_line() -> None:
    """_KEYED_LINES ('^[^\\n]*\\b(?:…|exactly|…)\\b[^\\n]*[:：]') backtracks quadratically on one long line full of
    cue words: 112k characters take ~9 s at HEAD against ~2 s at e582a82."""
    # A ratio, not a time limit: on a loaded CI machine the linear scan itself takes about 5 s of CPU for 112k
    # characters, so a fixed bound fails by noise; doubling the line doubles a linear cost and quadruples a
    # quadratic one.
    generate(Brief(task="Reply bot. " + "exactly " * 100, target="claude"))  # lazy tables and caches, once

    def cost(repeats: int) -> float:
        started = time.process_time()
        generate(Brief(task="Reply bot. " + "exactly " * repeats, target="claude"))
        return time.process_time() - started

    assert cost(14_000) < 3.0 * cost(7_000)
