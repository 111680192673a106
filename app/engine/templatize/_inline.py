"""Detectors for short per-call values: people's names, ids, the customer's email, dates, amounts, labelled values.

A value is proposed only with a cue that it changes per call ("the customer Jane Doe", "order #A123",
"from jane@x.com"); an escalation address, a threshold or a company name is a constant and stays.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from app.engine.templatize._model import Candidate

_NAME = r"[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ'’-]+(?:[ \t]+[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ'’-]+){0,2}"
_NOT_A_NAME = frozenset(
    re.findall(
        r"\S+",
        "The This That These Those Our We I You He She They It Team Support Customer Customers Sir Madam All "
        "Everyone There Here Thanks Thank Hello Hi Dear Please Regards Best Kind Sincerely Team Manager Agent "
        "Admin User Users Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March "
        "April May June July August September October November December Today Tomorrow Yesterday Mr Mrs Ms Dr "
        "Prof Señor Señora Herr Frau",
    )
)
_GREETING = re.compile(
    r"\b(?:Dear|Hi|Hello|Hey|Estimad[oa]|Hola|Sehr geehrte[rn]?(?: (?:Frau|Herr))?|Liebe[rn]?|Hallo|Bonjour"
    rf"|Cher|Chère)[ \t]+(?P<name>(?:(?:Mr|Ms|Mrs|Dr|Prof|Sr|Sra)\.?[ \t]+)?{_NAME})"
)
_PERSON_CUE = re.compile(
    rf"\b(?:customer|client|user|caller|patient|student|candidate|applicant|employee|guest|buyer|seller|tenant"
    rf"|member|recipient|lead|prospect|contact|cliente|paciente|Kunde|Kundin|Patient(?:in)?|Bewerber(?:in)?"
    rf"|(?:named|called|from|by|my name is|his name is|her name is|their name is|written by|sent by))"
    rf"(?:'s name)?(?:[ \t]+(?:is|was|named|called))?[ \t]+(?:(?:Mr|Mrs|Ms|Mx|Dr|Prof|Miss)\.?[ \t]+)?"
    rf"(?P<name>{_NAME})"
)
_ROLE_NOUN = re.compile(r"\b(?:patient|student|candidate|applicant|employee|guest|tenant|member|recipient)\b", re.I)
_CUSTOMER_CUE = re.compile(r"\b(?:customer|client|user|caller|patient|cliente|kunde|kundin)\b", re.I)
_ID = re.compile(
    r"\b(?P<label>order|ticket|invoice|case|booking|account|reference|claim|shipment|tracking|reservation"
    r"|subscription|customer|member|policy|employee|student|patient|user|pedido|bestellung)"
    r"\s*(?:#|no\.?|nr\.?|number|id|n[º°])?\s*(?:is\s+|was\s+)?:?\s*#?"
    r"(?P<id>(?=[A-Z0-9-]*\d)[A-Z0-9][A-Z0-9-]{3,})\b",
    re.I,
)
_EMAIL = re.compile(r"\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b")
_ROLE_MAILBOX = re.compile(
    r"^(?:support|help|helpdesk|billing|info|sales|admin|no-?reply|hello|contact|team|security|privacy|legal|hr"
    r"|careers|jobs|press|escalations?|service|care|customer\w*|feedback|abuse|office|accounts?|finance|orders?"
    r"|returns|refunds|it|ops|dev|compliance|dpo|ceo|founders?)(?:[._+-]\w+)?@",
    re.I,
)
_EMAIL_CONSTANT_CUE = re.compile(
    r"\b(?:escalate|forward|email us|write to|contact us|reach|cc|bcc|send (?:it |them |this )?to|direct (?:them|the)"
    r"|tell (?:them|the \w+) to (?:email|write|contact)|refer|our|at)\b[^.\n]{0,40}$",
    re.I,
)
_EMAIL_PER_CALL_CUE = re.compile(
    r"\b(?:from|by|sender|customer(?:'s)?|user(?:'s)?|client(?:'s)?|their|his|her|reply to|written by|sent by"
    r"|email address is|e-mail is|email is|de|von|cliente|kunde)\b[^.\n]{0,30}$",
    re.I,
)
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|"
    r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_DATE = re.compile(
    rf"\b(?:\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}}|{_MONTH}\.? \d{{1,2}}(?:st|nd|rd|th)?,? \d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)? {_MONTH}\.? \d{{4}})\b"
)
_DATE_CONSTANT_CUE = re.compile(
    r"\b(?:since|founded|established|cutoff|cut-off|effective|as of|updated|last updated|copyright|version|released"
    r"|valid until|expires?|deadline for all|from now on)\b[^.\n]{0,20}$",
    re.I,
)
_TODAY_CUE = re.compile(r"\b(?:today is|today's date is|current date(?: is)?|date today is|the date is)\s*:?\s*$", re.I)
_AMOUNT = re.compile(r"[$€£]\s?\d[\d,]*(?:\.\d+)?\b|\b\d[\d,]*(?:\.\d+)?\s?(?:USD|EUR|GBP|dollars|euros|pounds)\b")
_AMOUNT_PER_CALL_CUE = re.compile(
    r"\b(?:total(?: of| is| was)?|charged|paid|payment of|refund of|refund for|balance(?: of| is)?|amount due"
    r"|amount of|invoice (?:total|amount)|order total|billed|spent|price (?:was|paid)|owes?|cost them|purchased for"
    r"|bought for|ordered for)\s*:?\s*$",
    re.I,
)
_URL = re.compile(r"\bhttps?://[^\s<>\"')\]]+[^\s<>\"')\].,;:!?]")
_URL_PER_CALL_CUE = re.compile(
    r"\b(?:summari[sz]e|read|analy[sz]e|review|check|this (?:page|link|url|article|site)|the (?:page|link|url"
    r"|article) at|the user's|the customer's|shared|sent|posted|submitted)\b[^.\n]{0,20}$",
    re.I,
)
_PHONE = re.compile(r"(?<![\w+])\+?\d[\d ().-]{7,}\d\b")
_PHONE_PER_CALL_CUE = re.compile(
    r"\b(?:customer|caller|client|user|patient|their|his|her|from|called from|calling from)\b[^.\n]{0,25}$", re.I
)
_LABELS: dict[str, tuple[str, str]] = {
    # label -> (variable name, kind); values after these labels change per call
    "customer name": ("customer_name", "person_name"),
    "full name": ("full_name", "person_name"),
    "name": ("name", "person_name"),
    "customer": ("customer_name", "person_name"),
    "question": ("question", "message"),
    "user question": ("question", "message"),
    "query": ("question", "message"),
    "request": ("request", "message"),
    "message": ("message", "message"),
    "customer message": ("customer_message", "message"),
    "user message": ("user_message", "message"),
    "subject": ("subject", "message"),
    "review": ("review", "message"),
    "comment": ("comment", "message"),
    "complaint": ("complaint", "message"),
    "feedback": ("feedback", "message"),
    "input": ("input_text", "message"),
    "text": ("text", "message"),
    "topic": ("topic", "message"),
    "pregunta": ("question", "message"),
    "mensaje": ("message", "message"),
    "nombre": ("customer_name", "person_name"),
    "frage": ("question", "message"),
    "nachricht": ("message", "message"),
}
_LABEL_LINE = re.compile(
    r"^[ \t]*(?:[-*][ \t]+)?(?:the )?(?:(?P<who>customer|user|client|caller|patient|student)(?:'s)?[ \t]+)?"
    r"(?P<label>" + "|".join(sorted(_LABELS, key=len, reverse=True)) + r")"
    r"[ \t]*:[ \t]*(?P<value>[^\s{<`][^\n]*?)[ \t]*$",
    re.I | re.M,
)
_UNTRUSTED_NOTE = "(end-user content)"


def _before(text: str, start: int, chars: int = 60) -> str:
    return text[max(0, start - chars) : start]


def labelled_values(text: str) -> Iterator[Candidate]:
    """A value on a labelled line: "Customer name: Jane Doe", "Question: how do I reset my password?"."""
    for m in _LABEL_LINE.finditer(text):
        who = (m.group("who") or "").lower()
        label = m.group("label").lower()
        name, kind = _LABELS.get(f"{who} {label}", _LABELS[label]) if who else _LABELS[label]
        if who and kind == "message" and name in ("message", "request", "feedback", "complaint"):
            name = f"{who}_{name}"
        value = m.group("value")
        if value.startswith(('"', "“")) and value.endswith(('"', "”")) and len(value) > 2:
            start, end = m.start("value") + 1, m.end("value") - 1
        else:
            start, end = m.start("value"), m.end("value")
        yield Candidate(
            kind=kind,
            name=name,
            start=start,
            end=end,
            replace_start=m.start("value"),
            replace_end=m.end("value"),
            placement="inline",
            description=f"The {name.replace('_', ' ')} supplied with each call {_UNTRUSTED_NOTE}.",
            priority=2,
        )


_ORGANISATION = re.compile(
    r"\b(?:Inc|Ltd|GmbH|LLC|Corp|Corporation|Company|Co|Internet|Cloud|Bank|Labs|Technologies|Tech|Group|Systems"
    r"|Software|Solutions|Services|Health|Insurance|Airlines|University|School|Hospital|Store|Shop|App|AI|AG|SA|SL)\b"
)


def _name_candidate(m: re.Match[str], name: str, kind: str) -> Candidate | None:
    value = m.group("name").strip()
    if _ORGANISATION.search(value):
        return None  # "from Brightwave Internet": an organisation, and a constant
    words = value.split()
    while words and words[-1] in _NOT_A_NAME:
        words.pop()
    if not words or words[0] in _NOT_A_NAME:
        return None
    value = " ".join(words)
    start = m.start("name")
    return Candidate(
        kind=kind,
        name=name,
        start=start,
        end=start + len(value),
        replace_start=start,
        replace_end=start + len(value),
        placement="inline",
        description=f"Name of the {name.removesuffix('_name').replace('_', ' ')} {_UNTRUSTED_NOTE}.",
        priority=3,
    )


def person_names(text: str) -> Iterator[Candidate]:
    """Names of people the call is about: a greeting's addressee, "the customer Jane Doe", "from Sarah Lee"."""
    for m in _GREETING.finditer(text):
        candidate = _name_candidate(m, "recipient_name", "person_name")
        if candidate is not None:
            yield candidate
    for m in _PERSON_CUE.finditer(text):
        cue = text[m.start() : m.start("name")].lower()
        role = _ROLE_NOUN.search(cue)
        if _CUSTOMER_CUE.search(cue):
            name = "customer_name"
        elif role is not None:
            name = f"{role.group(0).lower()}_name"
        else:
            name = "person_name"
        candidate = _name_candidate(m, name, "person_name")
        # "from Acme" or "for Globex" name a company as often as a person: only a two-word name counts there.
        if candidate is not None and (name != "person_name" or " " in text[candidate.start : candidate.end]):
            yield candidate


def identifiers(text: str) -> Iterator[Candidate]:
    """Order numbers, ticket ids, booking references: supplied by the application, so trusted."""
    for m in _ID.finditer(text):
        label = m.group("label").lower()
        label = {"pedido": "order", "bestellung": "order"}.get(label, label)
        yield Candidate(
            kind="identifier",
            name=f"{label}_id",
            start=m.start("id"),
            end=m.end("id"),
            replace_start=m.start("id"),
            replace_end=m.end("id"),
            placement="bare",
            description=f"The {label} identifier for this call.",
            trusted=True,
            priority=3,
        )


def customer_emails(text: str) -> Iterator[Candidate]:
    """The email address of the person the call is about; a team mailbox or escalation address is a constant."""
    for m in _EMAIL.finditer(text):
        before = _before(text, m.start())
        if _ROLE_MAILBOX.match(m.group(0)) or _EMAIL_CONSTANT_CUE.search(before):
            continue
        if not _EMAIL_PER_CALL_CUE.search(before):
            continue
        yield Candidate(
            kind="email_address",
            name="customer_email",
            start=m.start(),
            end=m.end(),
            replace_start=m.start(),
            replace_end=m.end(),
            placement="inline",
            description=f"Email address of the person this call is about {_UNTRUSTED_NOTE}.",
            priority=3,
        )


def dates(text: str) -> Iterator[Candidate]:
    """Dates of this call's events; policy dates (effective, cut-off, founded) are constants."""
    for m in _DATE.finditer(text):
        before = _before(text, m.start(), 40)
        if _DATE_CONSTANT_CUE.search(before):
            continue
        today = _TODAY_CUE.search(before) is not None
        yield Candidate(
            kind="date",
            name="current_date" if today else "date",
            start=m.start(),
            end=m.end(),
            replace_start=m.start(),
            replace_end=m.end(),
            placement="bare",
            description="Today's date, filled in by the application." if today else "A date for this call.",
            trusted=True,
            priority=4,
        )


def amounts(text: str) -> Iterator[Candidate]:
    """An amount this call is about ("charged $49.99"); thresholds and prices in rules are constants."""
    for m in _AMOUNT.finditer(text):
        if not _AMOUNT_PER_CALL_CUE.search(_before(text, m.start(), 40)):
            continue
        yield Candidate(
            kind="amount",
            name="amount",
            start=m.start(),
            end=m.end(),
            replace_start=m.start(),
            replace_end=m.end(),
            placement="bare",
            description="The monetary amount for this call, with its currency.",
            trusted=True,
            priority=4,
        )


def urls(text: str) -> Iterator[Candidate]:
    """A URL the user shared for this call; help-centre links and other fixed URLs stay."""
    for m in _URL.finditer(text):
        if not _URL_PER_CALL_CUE.search(_before(text, m.start(), 40)):
            continue
        yield Candidate(
            kind="url",
            name="url",
            start=m.start(),
            end=m.end(),
            replace_start=m.start(),
            replace_end=m.end(),
            placement="inline",
            description=f"The URL supplied with this call {_UNTRUSTED_NOTE}.",
            priority=4,
        )


def phones(text: str) -> Iterator[Candidate]:
    """The phone number of the person the call is about; a hotline number is a constant."""
    for m in _PHONE.finditer(text):
        if sum(ch.isdigit() for ch in m.group(0)) < 8 or not _PHONE_PER_CALL_CUE.search(_before(text, m.start(), 40)):
            continue
        yield Candidate(
            kind="phone_number",
            name="customer_phone",
            start=m.start(),
            end=m.end(),
            replace_start=m.start(),
            replace_end=m.end(),
            placement="inline",
            description=f"Phone number of the person this call is about {_UNTRUSTED_NOTE}.",
            priority=4,
        )
