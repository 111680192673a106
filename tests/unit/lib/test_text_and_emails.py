"""Unicode rules for what people read and type: emails' one stored form, and visible names (#14 item 7)."""

from __future__ import annotations

import re

import msgspec
import pytest

from app.lib.emails import mixed_script_part, normalize_email
from app.lib.text import VISIBLE_NAME_PATTERN, VisibleName


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("  Ada@Example.COM ", "ada@example.com"),
        ("ＡＤＡ@ｅｘａｍｐｌｅ.ｃｏｍ", "ada@example.com"),  # full-width letters
        ("STRASSE@example.de", "strasse@example.de"),
        ("Straße@example.de", "strasse@example.de"),  # case folding, not lower(): ß is ss
        ("ﬁle@example.com", "file@example.com"),  # the ligature ﬁ is two letters
    ],
)
def test_emails_are_stored_nfkc_case_folded(typed: str, stored: str) -> None:
    assert normalize_email(typed) == stored


@pytest.mark.parametrize(
    ("email", "part"),
    [
        ("ada@p\u0430ypal.com", "p\u0430ypal.com"),  # Cyrillic а in a Latin domain
        ("\u03bfscar@example.com", "\u03bfscar"),  # Greek omicron in a Latin local part
        ("ada@example.com", None),
        ("иван@пример.рф", None),  # one script per part is fine
        ("ivan@пример.рф", None),  # and parts may differ from each other
        ("山田.taro@example.jp", None),  # only Latin, Greek and Cyrillic are look-alikes of each other
    ],
)
def test_mixed_latin_greek_cyrillic_parts_are_found(email: str, part: str | None) -> None:
    assert mixed_script_part(email) == part


@pytest.mark.parametrize(
    "name",
    [
        "\u200b",  # zero-width space alone
        "\u200b\u200c\u200d\u2060",  # only invisible characters
        "\u3164",  # Hangul filler: a letter that draws nothing
        "   ",
        "Team\u202eAcme",  # right-to-left override
        "Acme\u2066x\u2069",  # isolates
        "Acme\nInc",  # control character
        "Acme\u200f",  # right-to-left mark
        "\ufeffAcme",  # byte order mark
    ],
)
def test_invisible_control_and_bidi_names_are_refused(name: str) -> None:
    with pytest.raises(msgspec.ValidationError):
        msgspec.convert(name, VisibleName)


@pytest.mark.parametrize("name", ["Acme", "Ada Lovelace", "شرکت\u200cما", "👩\u200d💻 Team", "東京チーム", "Ωmega ❤️"])
def test_ordinary_names_in_any_script_pass(name: str) -> None:
    assert msgspec.convert(name, VisibleName) == name


def test_the_pattern_is_also_a_valid_ecmascript_style_expression() -> None:
    """The document publishes it: no Python-only syntax (named groups, lookbehind, \\A or \\Z)."""
    assert not re.search(r"\(\?[P<=!]|\\[AZz]", VISIBLE_NAME_PATTERN)
