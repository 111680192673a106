"""Prohibitions ("never give legal advice"), ordering rules ("verify the account before refunding") and other musts."""

from __future__ import annotations

import re
from typing import NamedTuple

from app.engine.constraints.clauses import sentence_case
from app.engine.language_id import identify

_PROHIBITION_EN = re.compile(
    r"(?:^|(?<=[,:]\s)|\b(?:you|it|assistant|bot|agent|model|we)\s+)(?:please\s+)?(?:must\s+|should\s+|will\s+)?"
    r"(?P<cue>never(?:\s+ever)?|don'?t(?:\s+ever)?|do\s+not|does\s+not|must\s+not|mustn'?t|should\s+not|shouldn'?t|"
    r"cannot|can'?t|may\s+not|avoid|refrain\s+from|under\s+no\s+circumstances(?:\s+should\s+you)?|no|without|not)\b\s*"
    r"(?P<rest>.+)$",
    re.IGNORECASE,
)
_FORBIDDEN_PASSIVE = re.compile(
    r"^(?P<rest>.+?)\s+(?:is|are)\s+(?:not\s+allowed|forbidden|prohibited|off[- ]limits|banned|not\s+permitted)\b",
    re.IGNORECASE,
)
_PROHIBITION_OTHER = re.compile(
    r"\b(?:nunca|jamás|no\s+(?:\w+(?:es|as|e|a|s)|le|les|lo|la|te|se)\b|evita|prohibido|"
    r"nie(?:mals)?|keine?[nmrs]?\b|nicht\b|vermeide|verboten|"
    r"jamais|ne\s+\w+\s+(?:pas|jamais)|n'\w+\s+(?:pas|jamais)|évite[rz]?|interdit|pas\s+de|"
    r"não|evite|proibido)\b|不要|禁止|切勿|不得|不能|别|しないで|しないこと|禁止|避けて|ないでください|ないこと",
    re.IGNORECASE,
)
_LIMIT_ONLY = re.compile(
    r"^(?:use|write|exceed|go\s+over|include)?\s*(?:more|fewer|less|longer|shorter)\s+than\b|^exceed\b", re.IGNORECASE
)
_CUE_TEXT = {
    "never": "Never",
    "never ever": "Never",
    "avoid": "Avoid",
    "refrain from": "Never",
    "no": "Avoid",
    "without": "Avoid",
    "not": "Do not",
}


class FoundRule(NamedTuple):
    """A prohibition, ordering or requirement: its English imperative, payload and extent."""

    text: str
    first: str | None
    then: str | None
    start: int
    end: int
    rest: str = ""
    """For a prohibition: what it forbids, in the brief's words."""


def is_english(text: str) -> bool:
    """Whether a clause is English (or too short to tell), so its own words can serve as the imperative."""
    code, _, confidence = identify(text)
    return code in ("en", "und") or confidence < 0.2


def find_prohibition(text: str) -> FoundRule | None:
    """The prohibition one clause states, as an English imperative."""
    stripped = text.strip()
    match = _PROHIBITION_EN.search(stripped)
    if match and is_english(stripped):
        cue = re.sub(r"\s+", " ", match.group("cue").lower())
        rest = match.group("rest").strip().rstrip(".!")
        if _LIMIT_ONLY.match(rest) or not rest:
            return None
        if cue.startswith("under no circumstances"):
            lead = "Never"
        elif cue.startswith(
            ("don", "do not", "does not", "must not", "mustn", "should not", "shouldn", "cannot", "can", "may not")
        ):
            lead = "Do not"
        else:
            lead = _CUE_TEXT.get(cue, "Never")
        start = text.find(match.group(0).strip()[:20])
        return FoundRule(f"{lead} {rest}.", None, None, max(start, 0), len(text.rstrip()), rest)
    passive = _FORBIDDEN_PASSIVE.search(stripped)
    if passive:
        rest = passive.group("rest").strip()
        return FoundRule(f"Never allow this: {rest}.", None, None, 0, len(text.rstrip()), rest)
    other = _PROHIBITION_OTHER.search(stripped)
    if other and not is_english(stripped):
        words = stripped.rstrip(".。")
        return FoundRule(
            f'Follow this prohibition from the brief: "{words}".', None, None, 0, len(text.rstrip()), words
        )
    return None


_ACTION_VERBS = (
    r"issu\w*|refund\w*|answer\w*|repl\w*|respond\w*|send\w*|process\w*|shar\w*|giv\w*|provid\w*|clos\w*|escalat\w*|"
    r"mak\w*|call\w*|us\w*|chang\w*|cancel\w*|delet\w*|updat\w*|submit\w*|confirm\w*|approv\w*|proceed\w*|"
    r"continu\w*|recommend\w*|suggest\w*|quot\w*|book\w*|schedul\w*|transfer\w*|disclos\w*|reveal\w*|discuss\w*|"
    r"offer\w*|run\w*|execut\w*|deploy\w*|merg\w*|writ\w*|generat\w*|output\w*|return\w*|finali[sz]\w*|start\w*|"
    r"begin\w*|diagnos\w*|apply\w*|charg\w*|ship\w*|reset\w*|unlock\w*|grant\w*|modif\w*|edit\w*|creat\w*|"
    r"look\w*|check\w*|verif\w*|ask\w*|help\w*|troubleshoot\w*|draft\w*|publish\w*|post\w*|reply|attempt\w*|"
    r"any\s+\w+|doing\s+\w+|you\s+\w+|they\s+\w+|the\s+\w+"
)
_BEFORE = re.compile(
    rf"^(?P<first>.+?)\s+(?:before|prior\s+to|ahead\s+of)\s+(?P<then>(?:{_ACTION_VERBS})\b.*)$|"
    rf"^(?:before|prior\s+to)\s+(?P<then2>.+?),\s*(?:always\s+)?(?P<first2>.+)$|"
    r"^(?:first(?:ly)?|start\s+by|begin\s+by)\s*,?\s*(?P<first3>.+?)(?:,?\s*(?:and\s+)?then\s+|;\s*then\s+|,\s*after\s+that\s*,?\s*)(?P<then3>.+)$|"
    r"^(?P<first4>.+?),?\s+(?:and\s+)?then\s+(?P<then4>.+)$|"
    r"^(?:only|never)\s+(?P<then5>.+?)\s+(?:after|once|until|unless)\s+(?P<first5>.+)$|"
    r"^(?P<then6>.+?)\s+only\s+(?:after|once|when)\s+(?P<first6>.+)$|"
    r"^(?:don'?t|do\s+not|never)\s+(?P<then7>.+?)\s+(?:until|unless|before|without(?:\s+first)?)\s+(?P<first7>.+)$|"
    r"^(?:always\s+)?(?P<first8>.+?)\s+first\b(?:\s*,?\s*(?:before\s+(?P<then8>.+)))?$|"
    r"^(?P<first9>.+?)\s+antes\s+de\s+(?P<then9>.+)$|^antes\s+de\s+(?P<then10>.+?),\s*(?P<first10>.+)$|"
    r"^(?P<first11>.+?),?\s+(?:bevor|ehe)\s+(?P<then11>.+)$|^(?P<first12>.+?)\s+avant\s+de\s+(?P<then12>.+)$",
    re.IGNORECASE,
)


def _verb_phrase(text: str) -> str:
    text = re.sub(
        r"^(?:always|you\s+(?:must|should)|please|make\s+sure\s+(?:to|you)|be\s+sure\s+to)\s+",
        "",
        text.strip(),
        flags=re.IGNORECASE,
    )
    return text.strip().rstrip(".!,;")


def find_ordering(text: str) -> FoundRule | None:
    """The ordering rule one clause states (first X, then Y), if any."""
    stripped = text.strip().rstrip(".!")
    match = _BEFORE.match(stripped)
    if not match:
        return None
    groups = {name: value for name, value in match.groupdict().items() if value}
    first = next((groups[g] for g in groups if g.startswith("first")), None)
    then = next((groups[g] for g in groups if g.startswith("then")), None)
    if first is None:
        return None
    first = _verb_phrase(first)
    then = _verb_phrase(then) if then else None
    if len(first.split()) > 14 or (then is not None and len(then.split()) > 16) or len(first.split()) < 2:
        return None
    if "first8" in groups and not re.search(
        r"\b(?:always|ask|check|verify|confirm|get|collect|read|search|look)\b", stripped, re.IGNORECASE
    ):
        return None
    if then is None:
        sentence = f"Always {first} first."
    else:
        joint = "before" if re.match(r"\w+ing\b|any\b|the\b|a\b", then) else "before you"
        sentence = f"{first[0].upper()}{first[1:]} {joint} {then}."
    if not is_english(stripped):
        sentence = f'Follow this order from the brief: "{stripped}".'
    return FoundRule(sentence, first, then, 0, len(text.rstrip()))


_MUST = re.compile(
    r"\b(?:always|must|need(?:s)?\s+to|required?|make\s+sure|ensure|be\s+sure\s+to|has\s+to|have\s+to|"
    r"should\s+always|every\s+(?:answer|reply|response)|needs?\s+(?:\w+\s+)?approval|requires?|only\s+(?:answer|use|respond|reply|discuss|talk)|"
    r"siempre|debes?|tienes\s+que|hay\s+que|immer|muss|müssen|stets|toujours|doit|dois|il\s+faut|sempre|deve|precisa|"
    r"必ず|必须|务必|常に)\b|必ず|必须|务必|常に",
    re.IGNORECASE,
)
_THRESHOLD = re.compile(r"(?:[$€£¥]\s?\d[\d,.]*|\d[\d,.]*\s?(?:[$€£¥]|usd|eur|dollars|euros))", re.IGNORECASE)


def find_requirement(text: str) -> FoundRule | None:
    """Any other explicit must or threshold in one clause, kept close to the brief's words."""
    stripped = text.strip()
    if not (_MUST.search(stripped) or _THRESHOLD.search(stripped)):
        return None
    if is_english(stripped):
        return FoundRule(sentence_case(stripped), None, None, 0, len(text.rstrip()))
    return FoundRule(f'Follow this rule from the brief: "{stripped.rstrip(".。")}".', None, None, 0, len(text.rstrip()))
