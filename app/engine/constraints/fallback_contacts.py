"""The contacts a clause names: e-mail addresses, web addresses, phone numbers and numbers a cue says to dial."""

from __future__ import annotations

import re

from app.engine.constraints.fallback_cases import names_a_contact
from app.engine.constraints.model import FoundFallback
from app.engine.constraints.phones import emergency_after_colon, find_dial_numbers

EMAIL = re.compile(r"\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b")


# ("宅配買取（kazemachi-books.jp/takuhai）を案内する": CJK text and full-width punctuation end a link)
_NOT_IN_URL = "\\s<>\"')\\]\u3000-\u30ff\u3400-\u9fff\uff00-\uffef"


URL = re.compile(
    rf"\bhttps?://[^{_NOT_IN_URL}]+[^{_NOT_IN_URL}.,;:!?]|\bwww\.[^{_NOT_IN_URL}]+[^{_NOT_IN_URL}.,;:!?]|"
    # A bare domain with a path ("spokeandchain.com/book"): common top-level domains only, so "file.py" stays a file.
    r"(?<![@\w.-])[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|org|net|io|co|app|dev|info|biz|us|uk|de|fr|es|it|nl|"
    rf"ch|at|be|ca|au|nz|ie|eu|jp|cn|br|pt|mx|in)/[^{_NOT_IN_URL}]*[^{_NOT_IN_URL}.,;:!?]",
    re.IGNORECASE,
)


# "auf unsere Meldestelle hinweisen, hinweise.kessler-pumpen.de", "send them to acme.com": a domain with no path, read
# only where it stands as the thing given (after a comma or colon, or a word that points to a place) and as users type
# addresses, in lower case ("ASP.NET" stays a name)
_POINTS_TO = ("at", "to", "visit", "via", "on", "auf", "unter", "naar", "op", "sur", "su", "en", "em", ",", ":")
BARE_DOMAIN = re.compile(
    "(?:" + "|".join(rf"(?<=\b{word}\s)" if word.isalpha() else rf"(?<={word}\s)" for word in _POINTS_TO) + ")"
    r"[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|org|net|io|co|app|dev|info|biz|us|uk|de|fr|es|it|nl|"
    r"ch|at|be|ca|au|nz|ie|eu|jp|cn|br|pt|mx|in)(?![\w/@-]|\.\w)"
)
# "unter 0341 2290 410 oder auf www.….de/beratung": a web address offered as the other way to a contact found
_OR_ALSO = re.compile(r"\s*,?\s*(?:or|oder|ou|o|of|oppure|eller)\s+(?:[^\W\d]+\s+){0,2}$", re.IGNORECASE)


# ("0800 123 4567 24/7": the hours after a number are no part of it)
PHONE = re.compile(r"(?<![\w$€£.])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,4}\)[\s.-]?)?\d[\d\s.-]{5,16}\d(?![\w%/])")


_CONTACT_VERB = re.compile(
    r"\b(?:email|e-mail|mail|contact|call|phone|ring|reach|write\s+to|direct|refer|send|point|tell|visit|go\s+to|"
    r"recommend|book|suggest|"
    r"escalate|forward|ask\s+them|support|help|escribe|contacta|llama|schreib|kontaktier|ruf|écri|contacte|appel|"
    # ("Voor aanmelden verwijs je naar …", "rimanda al sito …", "stuur ze naar …")
    r"verwij[sz]|rimand|stuur|"
    r"contate|ligue|ligar|envie|renvo|redirig|verweis|besuch|visita|visite|consulte|acesse|accede|accéde)\w*|"
    r"拨打|致电|打电话|联系|电话|電話|連絡|お問い合わせ|案内|メール|邮件|发邮件",
    re.IGNORECASE,
)


_LINE_NUMBER = re.compile(
    r"\b(?P<number>\d{3,5})\s+(?:suicide\s+(?:and\s+crisis\s+)?)?(?:life|hot|help|crisis\s+)line\b|"
    r"\b(?:lifeline|hotline|helpline|crisis\s+line)\s+(?:at\s+|on\s+|number\s+)?(?P<number2>\d{3,5})\b|"
    # "signpost them to Samaritans on 116 123", "refer them to Shelter at 0808 800 4444": a named line's number
    r"\b(?:refer|direct|point|send|signpost|redirect)\w*\s+(?:them|him|her|people|users?|the\s+\w+)\s+to\s+"
    r"(?:[A-Z][\w'&-]*\s+){1,4}(?:on|at)\s+(?P<number3>\d{3}(?:[\s-]\d{3,4}){1,2})\b",
    re.IGNORECASE,
)


# An acronym right before a number ("ABC 24 …", "XYZ 7 …"): the number after it may be the name's
_NAME_NUMBER = re.compile(r"\b[A-Z]{2,6}\s$")


# "téléphone au format +33 6 12 34 56 78", "phone (format like 07700 900123)": a number that shows how a value is
# written, never one to call ("give them a helpline, e.g. 116 123" is still one: only a format word counts)
_FORMAT_BEFORE = re.compile(
    r"(?:\b(?:format(?:ted)?|formato|formaat|formatiert)(?:\s+(?:like|as|wie|comme|como|come|zoals))?|形式)"
    r"[\s:(（]*$",
    re.IGNORECASE,
)


def shown_as_format(text: str, start: int) -> bool:
    """Whether the number at `start` shows how a value is written ("au format +33 6 12 34 56 78"), not a contact."""
    return _FORMAT_BEFORE.search(text, max(0, start - 30), start) is not None


def _phones(text: str, taken: list[tuple[int, int]]) -> list[re.Match[str]]:
    phones: list[re.Match[str]] = []
    for match in PHONE.finditer(text):
        digits = re.sub(r"\D", "", match.group(0))
        if not 7 <= len(digits) <= 15 or any(s <= match.start() < e for s, e in taken):
            continue
        if shown_as_format(text, match.start()):
            continue
        # Dates and plain numbers ("2024-01-05", "1000000") are not phone numbers.
        raw = match.group(0).strip()
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw) or (raw.isdigit() and len(digits) < 10):
            continue
        named = _NAME_NUMBER.search(text, 0, match.start())
        glued = re.match(r"\d{1,2}\s+(?=\d)", raw) if named is not None else None
        if glued is not None and len(re.sub(r"\D", "", raw[glued.end() :])) >= 7:
            # "ABC 24 800 11 22 33": "24" is the service's name; the number is what follows it
            match = PHONE.match(text, match.start() + glued.end()) or match
        phones.append(match)
    return phones


_COPIED_BEFORE = re.compile(
    r"\b(?:b?cc|copy(?:\s+in)?|kopie|copie|copia|cópia)\s*:?\s*(?:to\s+|an\s+|à\s+|a\s+)?$", re.I
)


_COPIED_AFTER = re.compile(
    r"\s+(?:in|into|en|op|im|na|em)\s+(?:the\s+|de\s+|la\s+)?(?:b?cc|copy|kopie|copie|copia|cópia)\b", re.I
)


def clause_contacts(text: str, condition: str | None) -> list[FoundFallback]:
    """The addresses, web addresses and numbers of the clause, in the order read (e-mail, URL, phone, dialled)."""
    digits = sum(ch.isdigit() for ch in text)
    found: list[FoundFallback] = []
    taken: list[tuple[int, int]] = []
    contact_context = condition is not None or bool(_CONTACT_VERB.search(text)) or names_a_contact(text)
    for match in EMAIL.finditer(text):
        if _COPIED_BEFORE.search(text, 0, match.start()) or _COPIED_AFTER.match(text, match.end()):
            continue  # "put quality@… in cc": a copy recipient of the reply, no contact to send people to
        found.append(FoundFallback("email", match.group(0), condition, match.start(), match.end()))
        taken.append((match.start(), match.end()))
    links = [*URL.finditer(text), *(BARE_DOMAIN.finditer(text) if contact_context else ())]
    for match in links:
        if any(s <= match.start() < e for s, e in taken) or not contact_context:
            continue
        found.append(FoundFallback("url", match.group(0), condition, match.start(), match.end()))
        taken.append((match.start(), match.end()))
    if contact_context and digits >= 7:
        for match in _phones(text, taken):
            value = match.group(0).strip()
            found.append(FoundFallback("phone", value, condition, match.start(), match.end()))
    if digits >= 2:
        found.extend(_dialled(text, condition, found))
    if not contact_context and found:
        found.extend(_other_ways(text, condition, found, links))
    return found


def _other_ways(
    text: str, condition: str | None, found: list[FoundFallback], links: list[re.Match[str]]
) -> list[FoundFallback]:
    """The web addresses a clause offers as the other way to a contact it gives ("… unter 0341 … oder auf www.…")."""
    return [
        FoundFallback("url", link.group(0), condition, link.start(), link.end())
        for link in links
        if any(f.end <= link.start() and _OR_ALSO.fullmatch(text, f.end, link.start()) for f in found)
    ]


def _dialled(text: str, condition: str | None, found: list[FoundFallback]) -> list[FoundFallback]:
    """Numbers a cue says to call ("call 911", "appeler le 15", "拨打120", "Störungshotline 0800 123 4567") that no
    contact already found covers."""
    dialled: list[FoundFallback] = []
    for dial in [*find_dial_numbers(text), *(emergency_after_colon(text) if condition is not None else ())]:
        if shown_as_format(text, dial.start):
            continue
        if not any(f.start <= dial.start < f.end or dial.start <= f.start < dial.end for f in (*found, *dialled)):
            dialled.append(FoundFallback("phone", dial.value, condition, dial.start, dial.end))
    for match in _LINE_NUMBER.finditer(text):
        group = next(g for g in ("number", "number2", "number3") if match.group(g))
        if not any(f.start <= match.start(group) < f.end for f in (*found, *dialled)):
            number = match.group(group)
            dialled.append(FoundFallback("phone", number, condition, match.start(group), match.end(group)))
    return dialled
