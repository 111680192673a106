"""What a topic the brief may settle is (its name, how a brief says it, the default text it drops), and how its
patterns are built."""

from __future__ import annotations

import re
from typing import NamedTuple

from app.engine.fastre import prefiltered


class Topic(NamedTuple):
    """One topic a default settles, and how a brief speaks about it."""

    name: str
    said: re.Pattern[str]
    default: re.Pattern[str]
    phrase: bool = False
    """The default is a phrase inside an output description: it is cut out, and the rest of the description stays."""


def said_pattern(pattern: str) -> re.Pattern[str]:
    """A topic's pattern: case-blind, prefiltered on its literal words."""
    return prefiltered(re.compile(pattern, re.IGNORECASE))
