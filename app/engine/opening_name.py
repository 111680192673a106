"""The business name an English brief opens with: "Wrekin Community Transport - dial-a-ride.", "PayLater Pots - we're
a small …", "Hollins Vale Hospice runs a bereavement service …", "small brewery (Kettle and Crane Brewing, 20-barrel
kit)". The brief's own name for its business comes before any capitalised word later on: a place in a rule ("25
miles from Telford"), a heading ("Wellbeing / vulnerability"), a layout label ("ACTIONS FOR TOMORROW:") or a fixed
marker ("NOT FOR UK STOCK") names no business.
"""

from __future__ import annotations

import re

_WORD = r"[A-Z][\w&'’+-]*"
# Two capitalised words or more ("Hollins Vale Hospice", "Kettle and Crane Brewing"), joined by "and", "of", "&"
_RUN = rf"{_WORD}(?:[ \t]+(?:(?:and|of|&)[ \t]+)?{_WORD}){{1,4}}"
# Verbs a business name is the subject of in an opening sentence
_BUSINESS_VERBS = r"runs|operates|provides|organises|organizes|hosts|delivers|manages|supports|is\s+an?"
_OPENING = re.compile(
    # ("Stowaway Self Storage, 4 sites (…)", "Hollins Vale Hospice, a charity …": the name, then what it is)
    rf"^\W*(?P<name>{_RUN})(?=[ \t]+[-–—][ \t]|[ \t]+(?:{_BUSINESS_VERBS})\b|,[ \t]+(?:\d|an?[ \t]|our[ \t]))"
    # "small brewery (Kettle and Crane Brewing, 20-barrel kit)": an opening noun phrase, the name in its brackets
    rf"|^\W*(?:[a-z][\w-]*[ \t]+){{1,3}}\((?P<bracketed>{_RUN})[,)]"
)
# Opening words that are a heading or an instruction, not a name ("Role - …", "Task: …", "Please Note, …")
_NOT_OPENING = frozenset(
    {
        "A",
        "An",
        "The",
        "Our",
        "My",
        "Your",
        "This",
        "That",
        "Role",
        "Task",
        "Goal",
        "Context",
        "Rules",
        "Note",
        "Please",
        "Important",
        "Background",
        "Input",
        "Output",
        "Format",
        "System",
        "Prompt",
        "You",
        "We",
        "I",
        "Hi",
        "Hello",
        "Hey",
        "Dear",
        "What",
        "How",
        "When",
        "Write",
        "Make",
        "Build",
        "Create",
        "Help",
    }
)


# A last word that makes the opening a product or job title ("Customer Support Bot - …", "Email Triage Assistant",
# "Meeting Notes Summariser", "Senior Living Advisor supports …"): what the assistant is, not whose business it is.
_TITLE_ENDS = frozenset(
    {
        *("Bot", "Chatbot", "Assistant", "Agent", "Helper", "Generator", "Summariser", "Summarizer", "Writer"),
        *("Advisor", "Adviser", "Tutor", "Coach", "Classifier", "Triage", "Reviewer", "Translator", "Tool", "GPT"),
        *("Prompt", "Persona", "Companion", "Guide", "Checker", "Extractor", "Moderator", "Planner", "Copilot"),
    }
)


def opening_business_name(text: str) -> str | None:
    """The capitalised name an English brief opens with (before " - ", a comma, a colon, a bracket or a verb such
    as "runs"), or the name in brackets after its opening noun phrase; None if it opens otherwise."""
    match = _OPENING.match(text)
    if match is None:
        return None
    name = match.group("name") or match.group("bracketed")
    words = name.split()
    if words[0] in _NOT_OPENING or all(word.isupper() for word in words) or words[-1] in _TITLE_ENDS:
        return None  # ("Role - …", "IMPORTANT RULES:", "Customer Support Bot - …": a heading or a title, not a name)
    return name
