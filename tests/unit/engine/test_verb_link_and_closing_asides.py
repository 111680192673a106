"""The verb "link" names no link to ban, and a ban keeps the closing aside that names its source or reason."""

from __future__ import annotations

from app.engine.brief import Brief
from app.engine.constraints import extract_constraints


def _kinds(task: str, kind: str) -> list[str]:
    return [c.text for c in extract_constraints(Brief(task=task)) if c.kind == kind]


def test_linking_one_thing_to_another_is_no_ban_on_links() -> None:
    formats = _kinds("Write the menu blurbs. Never link our wines to romance or to driving.", "format")
    assert not any("links" in text for text in formats)


def test_a_link_ban_is_a_format_ban_only_when_it_names_no_target() -> None:
    # (a ban on links to some sites only is no format ban: the brief's own links stay; see test_shapes45)
    assert not any("links" in text for text in _kinds("Answer from the FAQ. Do not link to other websites.", "format"))
    assert any("links" in text for text in _kinds("Answer from the FAQ. Never include a link.", "format"))


def test_a_ban_keeps_the_aside_that_names_its_code() -> None:
    bans = _kinds(
        "Write the gin labels. Never suggest drinking makes you popular (industry marketing code).", "prohibition"
    )
    assert any("(industry marketing code)" in text for text in bans)
