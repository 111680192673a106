"""Find literal per-call values in a prompt and propose `{{variables}}` for them."""

from __future__ import annotations

import re
from collections.abc import Callable

import msgspec

from app.engine.types import EngineStruct, Span, Variable


class VariableProposal(EngineStruct, kw_only=True):
    """One proposed variable: its contract, the literal it replaces and where that literal was."""

    variable: Variable
    value: str
    span: Span
    """Span of the replaced literal in the original text."""
    kind: str


class TemplatizeResult(EngineStruct, kw_only=True):
    """The templated text and the proposals, in text order."""

    text: str
    variables: list[VariableProposal]


class _Detector(msgspec.Struct, frozen=True):
    kind: str
    pattern: re.Pattern[str]
    group: int | str
    """Regex group holding the literal to replace."""
    name: Callable[[re.Match[str]], str]
    description: str
    trusted: bool = False


def _const(name: str) -> Callable[[re.Match[str]], str]:
    return lambda _m: name


def _snake(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower().replace("'s", "")).strip("_") or "value"


def _label_name(m: re.Match[str]) -> str:
    name = _snake(m.group("label"))
    return {"name": "customer_name", "user_question": "question", "user_message": "message"}.get(name, name)


_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|"
    r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_LABELS = (
    r"customer name|full name|name|(?:the )?user(?:'s)? (?:question|message)|question|query|subject|topic|product|"
    r"company|language|city|country|address|customer message|message|request"
)
_QUOTED = r"\"(?P<dq>[^\"\n]+)\"|“(?P<cq>[^”\n]+)”|'(?P<sq>[^'\n]{2,})'"

# Order is priority: an earlier detector wins over a later one on overlapping text.
_DETECTORS: tuple[_Detector, ...] = (
    _Detector(
        "code_block",
        re.compile(r"^[ \t]*```(?P<lang>[\w+-]*)[ \t]*\n(?P<body>.*?)\n[ \t]*```[ \t]*$", re.S | re.M),
        "body",
        lambda m: "json_data" if m.group("lang").lower() == "json" or m.group("body").lstrip()[:1] in "{[" else "code",
        "Code or data block supplied with each request.",
    ),
    _Detector(
        "labelled_quoted",
        re.compile(rf"\b(?:the\s+)?(?P<label>{_LABELS})\s*(?:is|was|:)\s*(?:{_QUOTED})", re.I),
        "dq",
        _label_name,
        "Value supplied with each request.",
    ),
    _Detector(
        "labelled_value",
        re.compile(rf"^[ \t]*(?P<label>{_LABELS})[ \t]*:[ \t]*(?P<value>[^\s\"'“{{][^\n]*?)[ \t]*$", re.I | re.M),
        "value",
        _label_name,
        "Value supplied with each request.",
    ),
    _Detector(
        "passage",
        re.compile(r"\"(?P<dq>[^\"\n]{80,})\"|“(?P<cq>[^”\n]{80,})”|\"\"\"(?P<tq>.{40,}?)\"\"\"", re.S),
        "dq",
        _const("passage"),
        "Text passage supplied by the user.",
    ),
    _Detector(
        "recipient_name",
        re.compile(r"\bDear\s+(?P<name>(?:(?:Mr|Ms|Mrs|Dr|Prof)\.?\s+)?[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})"),
        "name",
        _const("recipient_name"),
        "Name of the person the message is addressed to.",
    ),
    _Detector(
        "email_address",
        re.compile(r"\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b"),
        0,
        _const("email_address"),
        "Email address supplied with each request.",
    ),
    _Detector(
        "url",
        re.compile(r"\bhttps?://[^\s<>\"')\]]+[^\s<>\"')\].,;:!?]"),
        0,
        _const("url"),
        "URL supplied with each request.",
    ),
    _Detector(
        "identifier",
        re.compile(
            r"\b(?P<label>order|ticket|invoice|case|booking|account|reference)\s*(?:#|no\.?|number|id)?\s*:?\s*#?"
            r"(?P<id>(?=[A-Z0-9-]*\d)[A-Z0-9][A-Z0-9-]{3,})\b",
            re.I,
        ),
        "id",
        lambda m: f"{m.group('label').lower()}_id",
        "Identifier supplied with each request.",
        trusted=True,
    ),
    _Detector(
        "date",
        re.compile(
            rf"\b(?:\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}/\d{{1,2}}/\d{{2,4}}|"
            rf"{_MONTH}\.? \d{{1,2}}(?:st|nd|rd|th)?,? \d{{4}}|"
            rf"\d{{1,2}}(?:st|nd|rd|th)? {_MONTH}\.? \d{{4}})\b"
        ),
        0,
        _const("date"),
        "Date supplied with each request.",
        trusted=True,
    ),
    _Detector(
        "amount",
        re.compile(r"[$€£]\s?\d[\d,]*(?:\.\d+)?\b|\b\d[\d,]*(?:\.\d+)?\s?(?:USD|EUR|GBP|dollars|euros|pounds)\b"),
        0,
        _const("amount"),
        "Monetary amount supplied with each request.",
        trusted=True,
    ),
    _Detector(
        "quantity",
        re.compile(
            r"\b\d+(?:\.\d+)?\s?(?:kg|g|km|cm|mm|mi|miles|lbs?|%|percent|MB|GB|TB|°[CF]|kWh|ml|l|liters?|litres?)(?![A-Za-z])"
        ),
        0,
        _const("quantity"),
        "Quantity with its unit, supplied with each request.",
        trusted=True,
    ),
)

_EXISTING_VAR = re.compile(r"\{\{[^{}]*\}\}")


def _literal_span(detector: _Detector, m: re.Match[str]) -> tuple[int, int] | None:
    group = detector.group
    if detector.kind in ("labelled_quoted", "passage"):
        for name in ("dq", "cq", "sq", "tq"):
            if name in m.re.groupindex and m.group(name) is not None:
                return m.span(name)
        return None
    start, end = m.span(group)
    return (start, end) if start >= 0 and end > start else None


def templatize(text: str) -> TemplatizeResult:
    """Replace literal per-call values with `{{snake_case}}` variables; deterministic and non-overlapping."""
    taken = [m.span() for m in _EXISTING_VAR.finditer(text)]
    candidates: list[tuple[int, int, int, _Detector, re.Match[str]]] = []
    for priority, detector in enumerate(_DETECTORS):
        for m in detector.pattern.finditer(text):
            span = _literal_span(detector, m)
            if span is not None and text[span[0] : span[1]].strip():
                candidates.append((priority, span[0], span[1], detector, m))
    candidates.sort(key=lambda c: (c[0], c[1]))
    accepted: list[tuple[int, int, _Detector, re.Match[str]]] = []
    for _priority, start, end, detector, m in candidates:
        if any(start < e and s < end for s, e in taken):
            continue
        taken.append((start, end))
        accepted.append((start, end, detector, m))
    accepted.sort(key=lambda a: a[0])

    used: dict[str, int] = {}
    proposals: list[VariableProposal] = []
    pieces: list[str] = []
    cursor = 0
    for start, end, detector, m in accepted:
        base = detector.name(m)
        count = used.get(base, 0) + 1
        used[base] = count
        name = base if count == 1 else f"{base}_{count}"
        value = text[start:end]
        proposals.append(
            VariableProposal(
                variable=Variable(name=name, description=detector.description, trusted=detector.trusted),
                value=value,
                span=Span(start=start, end=end),
                kind=detector.kind,
            )
        )
        pieces.extend([text[cursor:start], f"{{{{{name}}}}}"])
        cursor = end
    pieces.append(text[cursor:])
    return TemplatizeResult(text="".join(pieces), variables=proposals)
