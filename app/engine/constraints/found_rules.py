"""What every rule reader returns (`FoundRule`), and whether a clause is English, so its own words can be the rule."""

from __future__ import annotations

import re
from typing import NamedTuple

from app.engine.language_id import identify


class FoundRule(NamedTuple):
    """A prohibition, ordering or requirement: its English imperative, payload and extent."""

    text: str
    first: str | None
    then: str | None
    start: int
    end: int
    rest: str = ""
    """For a prohibition: what it forbids, in the brief's words."""


_E_COMPOUND = re.compile(r"\be-(?=[a-z])", re.IGNORECASE)


def is_english(text: str) -> bool:
    """Whether a clause is English (or undetermined), so its own words can serve as the imperative."""
    # ("no e-bikes": the "e" of an e-compound reads as the Italian "and" to the identifier)
    code = identify(_E_COMPOUND.sub("", text) if "e-" in text else text)[0]
    return code == "en" or (code == "und" and not re.search(r"[^\x00-\x7f‘’“”–—…€£]", text))
