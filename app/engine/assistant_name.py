"""The name a brief gives the assistant: "a chatbot called Fern", "(call it Fern)", "Its name is Max."

The name is who the assistant is, not the business it works for ("a chatbot called Fern for Greenleaf Garden
Centre": Greenleaf is the business) and not part of its job ("a bot (call it Fern) that answers …": the job is to
answer). `assistant_name` finds it; `without_assistant_name` takes it out of the text the other steps read.
"""

from __future__ import annotations

import re

_NAME = r"[\"'“‘«]?(?P<name>[A-ZÀ-Ý][\w'’-]*(?:\s[A-ZÀ-Ý][\w'’-]*)?)[\"'”’»]?"
_ASSISTANT_NOUN = (
    r"(?:chat\s?bot|bot|assistant|agent|helper|concierge|companion|buddy|tutor|coach|guide|avatar|"
    r"asistente|agente|assistente|assistentin|assistenten|chatbots?)"
)

# "(call it Fern)", "(named Fern)", "(name: Fern)", "(it's called Fern)": an aside that names the assistant
_NAME_ASIDE = re.compile(
    r"\s*\(\s*(?i:call\s+(?:it|her|him|them|the\s+bot|the\s+assistant)|(?:it['’]s\s+|she['’]s\s+|he['’]s\s+)?"
    r"(?:called|named)|name\s*:|nombre\s*:|llamad[oa]|namens)\s+" + _NAME + r"\s*\)"
)
# "a chatbot called Fern", "an assistant named Max", "un asistente llamado Leo", "ein Bot namens Fritz"
_NAME_AFTER_NOUN = re.compile(
    r"(?i:\b" + _ASSISTANT_NOUN + r")(?P<cut>,?\s+(?i:called|named|nicknamed|llamad[oa]|que\s+se\s+llama|namens|"
    r"appel[ée]e?|nomm[ée]e?|qui\s+s['’]appelle|chamad[oa]|de\s+nome|chiamat[oa])\s+" + _NAME + r")(?=[\s,.;:!?)]|$)"
)
# "Its name is Max.", "The bot's name is Fern.", "Call it Fern.", "Name the assistant Pip."
_NAME_SENTENCE = re.compile(
    r"(?:^|(?<=[.!?\n]))\s*(?:(?i:(?:its|her|his|the\s+(?:bot|chatbot|assistant|agent)['’]s)\s+name\s+(?:is|will\s+be|"
    r"should\s+be)|(?:call|name)\s+(?:it|her|him|the\s+bot|the\s+chatbot|the\s+assistant))\s+" + _NAME + r")\s*"
    r"(?:[.!]\s*|$)"
)
# Words that follow "called" without being a name: "a bot called from the webhook", "an agent named in the ticket".
_NOT_A_NAME = frozenset(
    {"The", "A", "An", "When", "If", "From", "By", "In", "On", "At", "Each", "Every", "This", "That"}
)


def _accepted(match: re.Match[str] | None) -> str | None:
    if match is None:
        return None
    name = match.group("name").strip()
    return None if name.split()[0] in _NOT_A_NAME else name


def assistant_name(text: str) -> str | None:
    """The name the brief gives the assistant, if it gives one."""
    for pattern in (_NAME_ASIDE, _NAME_AFTER_NOUN, _NAME_SENTENCE):
        name = _accepted(pattern.search(text))
        if name is not None:
            return name
    return None


def without_assistant_name(text: str) -> str:
    """The text without the words that name the assistant ("a bot (call it Fern) that …" -> "a bot that …")."""
    if assistant_name(text) is None:
        return text
    text = _NAME_ASIDE.sub(lambda m: m.group(0) if _accepted(m) is None else "", text)
    text = _NAME_AFTER_NOUN.sub(
        lambda m: m.group(0) if _accepted(m) is None else m.group(0)[: m.start("cut") - m.start()], text
    )
    return _NAME_SENTENCE.sub(lambda m: m.group(0) if _accepted(m) is None else " ", text).strip()


def named_role(role: str, name: str) -> str:
    """A role sentence that says the assistant's name ("You are a support agent for X." -> "You are Fern, a support
    agent for X."); the sentence unchanged when it names it already or does not start with "You are"."""
    if name in role or not role.startswith("You are "):
        return role
    return f"You are {name}, {role.removeprefix('You are ')}"
