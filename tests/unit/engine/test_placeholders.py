"""Variables from the text: which placeholders become variables, and which are only proposed."""

from __future__ import annotations

import re
import time

from hypothesis import given
from hypothesis import strategies as st

from app.engine.placeholders import find_placeholders, infer_variables, placeholder_names, proposals
from app.engine.types import ChatMessage, Variable


def test_placeholders_become_string_required_untrusted_variables_in_order() -> None:
    variables = infer_variables("Hi {{name}}, about {{ topic }}: {{name}} again", None, [])
    assert [v.name for v in variables] == ["name", "topic"]
    assert all((v.type, v.required, v.trusted, v.default) == ("string", True, False, None) for v in variables)


def test_declared_variables_win_even_when_the_text_uses_others() -> None:
    declared = [Variable(name="other", type="integer")]
    assert infer_variables("Hi {{name}}", None, declared) is declared


def test_block_words_and_other_template_logic_are_not_variables() -> None:
    text = "{{#if vip}}Dear {{name}}{{else}}Hi{{/if}} {{> footer}} {{! note}} {{end}} {{this}} {{user.name}}"
    assert find_placeholders(text) == ["name"]


def test_triple_stash_is_a_variable_because_rendering_substitutes_its_inside() -> None:
    assert find_placeholders("Raw: {{{html}}}") == ["html"]


def test_chat_messages_are_scanned_and_placeholder_messages_are_not_string_variables() -> None:
    messages = [
        ChatMessage(role="system", content="You help {{company}}."),
        ChatMessage(role="placeholder", name="history"),
        ChatMessage(role="user", content="{{question}} (see {{history}})"),
    ]
    assert placeholder_names(None, messages) == ["company", "question"]


def test_names_longer_than_the_contract_allows_are_not_inferred() -> None:
    long_name = "a" * 65
    assert find_placeholders(f"{{{{{long_name}}}}} {{{{ok}}}}") == ["ok"]


def test_other_dialects_are_proposed_with_the_spelling_that_makes_them_variables() -> None:
    text = "Write about {topic} for ${audience}. {{$input}} {{.Name}} {{- tone -}} {{ user.name }} {{ok}}"
    found = {(p.raw, p.dialect, p.suggestion) for p in proposals(text)}
    assert found == {
        ("{topic}", "format", "{{topic}}"),
        ("${audience}", "dollar", "{{audience}}"),
        ("{{$input}}", "semantic-kernel", "{{input}}"),
        ("{{.Name}}", "go", "{{Name}}"),
        ("{{- tone -}}", "jinja-trim", "{{tone}}"),
        ("{{ user.name }}", "path", None),
    }
    for p in proposals(text):
        assert text[p.start : p.end] == p.raw


def test_braces_in_code_blocks_and_json_are_not_proposed() -> None:
    text = 'Reply as JSON: {"a": 1}.\n```python\nprint(f"{value}")\n```\nUse {{x}}.'
    assert proposals(text) == []


@given(st.lists(st.from_regex(r"[a-z][a-z0-9_]{0,10}", fullmatch=True), min_size=1, max_size=6))
def test_every_inferred_variable_is_substituted_by_the_renderer_pattern(names: list[str]) -> None:
    text = " and ".join(f"{{{{{n}}}}}" for n in names)
    inferred = [v.name for v in infer_variables(text, None, [])]
    expected = [n for n in dict.fromkeys(names) if n not in {"else", "end", "this"}]
    assert inferred == expected
    render_pattern = re.compile(r"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")  # app.domain.prompts.pure.templating
    assert set(inferred) <= {m.group(1) for m in render_pattern.finditer(text)}


def _scan_seconds(text: str) -> float:
    start = time.process_time()
    infer_variables(text, None, [])
    proposals(text)
    return time.process_time() - start


def test_scanning_grows_linearly_with_the_prompt() -> None:
    # A ratio within one run, not a wall-clock bound (the machine is shared): a quadratic scan would take ~16x as
    # long for 4x the text; a linear one ~4x. The best of five runs damps scheduler noise.
    unit = "Some prose with {{var}} and {brace} and ${dollar} and {{ a.b }}. "
    small, large = (unit * 800)[:50_000], (unit * 3200)[:200_000]
    ratio = min(_scan_seconds(large) for _ in range(5)) / min(_scan_seconds(small) for _ in range(5))
    assert ratio < 12  # linear ~4x, quadratic ~16x: room for a busy machine
