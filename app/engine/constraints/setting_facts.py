"""A "no …" among the particulars of a described setting: a fact to use, not a ban on the assistant.

"You play a tenant at a viewing of a 2-bed flat (1,350 pcm, 6-month break clause, no pets)", "The flat: 2 bedrooms,
second floor, no pets, no smoking", "Our office (open 9-5, no walk-ins)": the list says what the flat or the office
is like, and "no pets" is one of its facts. Read as a rule it becomes "Avoid pets.", which forbids the assistant
something the brief never forbade (and fights a persona who wants to bring a cat). A list is one of particulars when
another of its items is a plain fact with a number in it ("1,350 pcm", "2 bedrooms", "open 9-5"); a list that sets
the reply's own shape ("(2-3 sentences, no lists)", "Rules: max 80 words, no emojis") or is headed by the reply
("Format: …") stays a list of bans.
"""

from __future__ import annotations

import re

# An item that limits or shapes the reply: its "no …" siblings are bans on the reply as well.
_REPLY_ITEM = re.compile(
    r"\b(?:max(?:imum)?|min(?:imum)?|at\s+(?:most|least)|up\s+to|under|no\s+more|fewer|less|limit|exactly|only|"
    r"words?|sentences?|lines?|bullets?|paragraphs?|characters?|chars?|emojis?|hashtags?|questions?|points?|items?|"
    r"tokens?|repl(?:y|ies)|answers?|messages?|turns?|responses?)\b",
    re.IGNORECASE,
)
# A head that names the reply: "Format: …", "Replies (…)", "Style: …"
_REPLY_HEAD = re.compile(
    r"\b(?:format|formatting|style|output|repl(?:y|ies)|answers?|responses?|messages?|rules?|tone|length|"
    r"constraints?|don'?ts?|never|avoid|keep\s+it|write|respond|answer)\s*$",
    re.IGNORECASE,
)
_NEGATED_ITEM = re.compile(r"\s*(?:and\s+|or\s+)?(?:no|not|never|don'?t|do\s+not|avoid|without)\b", re.IGNORECASE)
_VERB_ITEM = re.compile(
    r"\s*(?:and\s+)?(?:use|keep|write|say|tell|ask|give|add|include|end|start|reply|answer|respond|stay|be|make)\b",
    re.IGNORECASE,
)


# A list attached to a writing job's own sentence ("Write a LinkedIn post (launch date 3 May, no buzzwords)",
# "Summarise the report for the board (Q3 figures, no jargon)") qualifies the text to write: its "no …" are bans.
_JOB_SENTENCE = re.compile(
    r"^\s*(?:please\s+)?(?:write|draft|summari[sz]e|reply|respond|answer|create|generate|compose|translate|post|"
    r"produce|prepare|make|give|send|rewrite|edit|turn|convert|review|explain|describe|list|suggest|plan)\b",
    re.IGNORECASE,
)


def _list_around(text: str, at: int) -> tuple[int, int] | None:
    """[start, end) of the bracketed or colon-led list that holds position `at`, or None."""
    opening = text.rfind("(", 0, at)
    if opening >= 0 and text.find(")", opening, at) < 0:
        closing = text.find(")", at)
        return (opening + 1, closing if closing >= 0 else len(text))
    sentence = max(text.rfind(". ", 0, at), text.rfind("\n", 0, at))
    colon = text.rfind(":", max(0, sentence), at)
    if colon < 0:
        return None
    stop = re.compile(r"[.!?](?=\s|$)|\n").search(text, at)
    return (colon + 1, stop.start() if stop is not None else len(text))


def in_particulars(text: str, at: int) -> bool:
    """Whether the "no" at `at` is one item of a list of a setting's particulars (see the module's note)."""
    found = _list_around(text, at)
    if found is None:
        return False
    start, end = found
    head = text[max(0, start - 41) : start - 1]
    if _REPLY_HEAD.search(head):
        return False
    full_stop = text.rfind(". ", 0, start)
    sentence_start = max(full_stop + 2 if full_stop >= 0 else 0, text.rfind("\n", 0, start) + 1)
    if _JOB_SENTENCE.match(text, sentence_start):
        return False
    items = [item for item in re.split(r"[,;]", text[start:end]) if item.strip()]
    return any(
        re.search(r"\d", item) is not None
        and not _NEGATED_ITEM.match(item)
        and not _VERB_ITEM.match(item)
        and not _REPLY_ITEM.search(item)
        for item in items
    )
