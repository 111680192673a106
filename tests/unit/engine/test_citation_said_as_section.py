"""A citation style the brief gives without the word "cite" ("say which section … it comes from, like (Guide §4.1)")
replaces the default "[Doc 2, Section 3]"."""

from __future__ import annotations

from app.engine.brief import Brief
from app.engine.generate import generate


def test_a_section_example_after_say_which_section_is_the_citation_style() -> None:
    prompt = generate(
        Brief(
            task="Answer staff questions using only our Travel Policy, which we will attach. Always state which "
            "section the answer is from, e.g. (Policy §4.1). Max 120 words.",
            target="claude",
        )
    ).prompt
    assert "[Doc 2, Section 3]" not in prompt
    assert "inline citations like (Policy §4.1)" in prompt
