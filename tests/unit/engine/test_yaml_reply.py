"""A reply asked for as YAML by a job that does not extract records (a review, a plan): YAML in the brief's shape, no
JSON schema; and the brief's own all-clear line replaces the default one."""

from __future__ import annotations

from app.engine.brief import Brief
from app.engine.generate import generate

_REVIEW = (
    "Review pull requests for our Rails app. Only flag bugs and security problems. Output as YAML, a list where each "
    "item has keys: file, line, problem, fix. If nothing found output exactly `[]`."
)


def _prompt(task: str) -> str:
    return generate(Brief(task=task, target="claude")).prompt


def test_a_yaml_list_is_not_rendered_as_a_json_object() -> None:
    prompt = _prompt(_REVIEW)
    assert "A YAML list, with nothing before or after it and no code fence." in prompt
    assert "```json" not in prompt
    assert "A single JSON object" not in prompt


def test_the_briefs_own_all_clear_replaces_the_default() -> None:
    prompt = _prompt(_REVIEW)
    assert "No blocking issues found." not in prompt
    assert "`[]`" in prompt


def test_a_brief_that_also_asks_for_json_keeps_the_json_contract() -> None:
    prompt = _prompt(
        "Review pull requests. Return JSON with keys file, line, problem, fix (we convert it to YAML later)."
    )
    assert "JSON" in prompt
    assert "A YAML list" not in prompt
