"""Topics the brief settles in its own words, and the archetype defaults that settle them otherwise.

The brief wins: when a brief speaks about a topic at all ("don't apologise", "it's fine to give your opinion",
"if there's nothing to flag reply OK", "keep dates as written"), its own sentence is the rule for that topic, and the
default that settles the same topic is dropped, whichever way the brief decides it. Deciding by topic rather than by
polarity keeps both directions right ("always apologise for delays" and "never apologise" both replace the default)
without reading negation.

Each topic is data: how a brief talks about it (`said`, several languages where users write them), and how a default
text prescribes it (`default`). A default pattern names the default's own words, so it never matches a rule the brief
wrote.
"""

from __future__ import annotations

from collections.abc import Iterable

from app.engine.compose.contrary_topics import CONTRARY_TOPICS
from app.engine.compose.open_topics import OPEN_TOPICS
from app.engine.compose.settled_topic import Topic
from app.engine.fastre import Twins, is_plain

TOPICS: tuple[Topic, ...] = (*OPEN_TOPICS, *CONTRARY_TOPICS)
"""The topics, in no particular order: every topic a brief speaks about drops the defaults for it."""


_SAID = tuple(Twins(topic.said) for topic in TOPICS)
"""How each topic is said, searched in ASCII mode in a text that allows it (the same matches, sooner)."""


def settled_topics(sentences: Iterable[str]) -> list[Topic]:
    """The topics the brief's sentences speak about."""
    text = "\n".join(sentences)
    plain = is_plain(text)
    return [topic for topic, said in zip(TOPICS, _SAID, strict=True) if said.get(plain).search(text)]


def settles_a_topic(sentence: str) -> bool:
    """Whether one sentence of the brief speaks about a topic a default would otherwise settle: it is a rule."""
    plain = is_plain(sentence)
    return any(said.get(plain).search(sentence) for said in _SAID)
