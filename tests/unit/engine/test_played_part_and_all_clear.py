"""'The bot plays the candidate: Dana …' makes the assistant Dana, practised against (not an interviewer who helps a
candidate practise); 'if you find nothing: LGTM, nothing blocking.' is the review's all-clear (no default one
beside it) and a rule line of its own."""

from __future__ import annotations

from app.engine.brief import Brief
from app.engine.generate import generate


def test_the_part_the_bot_plays_is_who_the_assistant_is() -> None:
    task = (
        "We train our store managers to interview properly. I want a practice bot where the manager interviews a "
        "pretend candidate.\n\nThe bot plays the candidate: Sam Reyes, applying for Assistant Manager. Sam gives "
        "vague answers until the manager asks a follow-up. Max 4 sentences per turn. When they type END, give "
        "feedback in one paragraph."
    )
    role = generate(Brief(task=task, target="claude")).prompt.split("</role>", 1)[0]
    assert "You are Sam Reyes, applying for Assistant Manager (the candidate)." in role
    assert "interviewer" not in role


def test_a_colon_all_clear_replaces_the_default_one() -> None:
    task = (
        "code reviewer for our android app. we'll paste a PR diff.\n\noutput format, strict:\n"
        "one finding per line: P1 | path/File.kt:line | what's wrong | how to fix\n"
        "if the diff adds a dependency, the very first line is: NEW DEPENDENCY: <artifact>\n"
        "if you find nothing: LGTM, nothing blocking.\nno headings, no summary."
    )
    result = generate(Brief(task=task, target="claude"))
    assert "No blocking issues found" not in result.prompt
    assert "If you find nothing: LGTM, nothing blocking." in result.prompt
    assert not [f for f in result.lint.findings if f.rule_id == "FID-01"]
