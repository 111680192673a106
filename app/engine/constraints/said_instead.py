"""The case of a reply a ban gives in its place: "Don't give budgeting or benefits advice, say: "For free help, call …""
replies so when asked to give that advice, not whenever the assistant cannot help (and not "For free help", the
reply's own first words)."""

from __future__ import annotations

import re

# "Don't give …, say:", "Never quote prices - instead say", "No legal advice; say": a ban that opens its clause, then
# the verb of saying its reply
_BAN_THEN_SAY = re.compile(
    r"^\s*(?:[-*•]\s*)?(?:(?P<verb>don'?t|do\s+not|never)|(?P<noun>no|avoid))\s+(?P<what>[^:;\"“„«]{3,160}?)"
    r"\s*(?:[,;]|\s(?:--|[-–—]))\s*(?:(?:but|instead|rather|just|simply|and)\s+)*$",
    re.IGNORECASE,
)


def banned_case(text: str, say_start: int) -> str | None:
    """The case a reply said in place of a ban is for ("When asked to give budgeting … advice"), from the clause's own
    ban before the verb of saying, or None."""
    start = max(text.rfind(mark, 0, say_start) for mark in ".;!?\n") + 1
    ban = _BAN_THEN_SAY.match(text, start, say_start)
    if ban is None:
        return None
    what = " ".join(ban.group("what").split()).rstrip(" ,")
    return f"When asked to {what}" if ban.group("verb") else f"When asked for {what}"


# "It must never tell anyone whether …. In that case always say: "…"": the sentence before names the case
_THAT_CASE = re.compile(
    r"\s*(?:in\s+(?:that|this|those|these|such)\s+cases?|if\s+so|in\s+diesem\s+fall|in\s+solchen\s+f[äa]llen|"
    r"dans\s+ce\s+cas|en\s+ce\s+cas|en\s+(?:ese|este|tal)\s+caso|in\s+(?:dat|zo'?n|die)\s+geval(?:len)?|"
    r"in\s+(?:tal|questo|quel)\s+caso|nesse\s+caso|neste\s+caso)\b",
    re.IGNORECASE,
)
_BAN_SENTENCE = re.compile(
    r"\s*(?:[-*•]\s*)?(?:(?:it|you|the\s+\w+|we)\s+(?:must|should|will|may|can)\s+)?"
    r"(?:never|not|don'?t|do\s+not|must\s+not|mustn'?t)\s+(?P<what>[^:;\"“„«]{3,200}?)\s*[.!]?\s*",
    re.IGNORECASE,
)
_ASKS_WHETHER = re.compile(r"^(?:tell|say\s+to|inform)\s+(?:anyone|someone|people|them|users?|customers?)\s+", re.I)


def previous_ban_case(text: str, say_start: int) -> str | None:
    """The case of a reply said "in that case" right after a ban sentence ("It must never tell anyone whether they
    can donate …. In that case always say: "…"" -> "When asked whether they can donate …"), or None."""
    start = max(text.rfind(mark, 0, say_start) for mark in ".;!?\n") + 1
    if start <= 0 or _THAT_CASE.match(text, start) is None:
        return None
    before = max(text.rfind(mark, 0, start - 1) for mark in ".;!?\n") + 1
    ban = _BAN_SENTENCE.fullmatch(text, before, start)
    if ban is None:
        return None
    what = " ".join(ban.group("what").split()).rstrip(" ,")
    if (told := _ASKS_WHETHER.match(what)) is not None and re.match(r"(?:whether|if)\b", what[told.end() :], re.I):
        return f"When asked {what[told.end() :]}"
    return f"When asked to {what}"


# 'output only "No findings." and the verdict line', 'reply "Done." plus the ticket number': the quoted words and a
# further part the reply carries
_MORE_PARTS = re.compile(
    r"[\"”»“']?\s*(?:and|plus|followed\s+by|then)\s+(?:the|a|an|its|their|your|one)\s+(?:[\w-]+\s+){0,3}"
    r"(?:line|number|link|label|verdict|score|tag|code|reference|id|signature|summary|list)\b",
    re.IGNORECASE,
)


def more_after_quote(text: str, end: int) -> bool:
    """Whether the reply a clause quotes goes on with a further part after the quote ("… and the verdict line")."""
    return _MORE_PARTS.match(text, end) is not None
