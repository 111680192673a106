"""A clause that says what earns a label ("P1 = gas smell or no heating for over-75s, P3 if cosmetic", "sewage inside
-> always P1", "P1 = odeur de gaz ou pas de chauffage …") defines that label: its "no heating" or "pas de chauffage"
names a case, it forbids nothing. Such a clause stays a rule of the brief, never a prohibition."""

from __future__ import annotations

import re

import msgspec

from app.engine.constraints.model import Constraint
from app.engine.constraints.sentence_case import sentence_case

# A short code label ("P1", "SEV2", "URGENT"): capitals, with or without digits
_CODE = r"(?-i:[A-Z][A-Z0-9_]{0,9}\d|[A-Z]{2,}(?:_[A-Z0-9]+)*)"
# ("IMPORTANT: never …", "NOTE: no …": a heading before a colon is no label; a numbered code is)
_NUMBERED = r"(?-i:[A-Z]{1,4}\d{1,2})"
_ALWAYS = r"(?:always|toujours|immer|stets|siempre|sempre|altijd|sofort|directement)"
_DEFINES = re.compile(
    # "P1 = gas smell …", "P1: gas smell …", "URGENT = …" (a code, then what earns it)
    rf"^\W*(?:{_CODE}\s*=|{_NUMBERED}\s*:)\s*\S|"
    # "… sewage inside -> always P1", "… → immer P1": the cases before an arrow, then the label they get
    rf"(?:->|→|=>)\s*(?:{_ALWAYS}\s+|(?:is|est|ist|es|é|è|is)\s+)?{_CODE}\b|"
    # "P3 if cosmetic", "P3 si cosmétique", "P3 wenn kosmetisch", "P3 si es estético", "P3 se for estético"
    rf"(?:^|[,;]\s*){_CODE}\s+(?:if|when|si|wenn|falls|cuando|se|quando|als)\b",
    re.IGNORECASE,
)
_FOREIGN_BAN = 'Follow this prohibition from the brief: "'


def defines_label(text: str) -> bool:
    """Whether a clause says which cases earn a code label."""
    return _DEFINES.search(text) is not None


def as_label_definitions(text: str, rules: list[Constraint]) -> list[Constraint]:
    """A clause that defines a label keeps its prohibitions as rules of the brief, in the brief's own words."""
    if not defines_label(text):
        return rules
    out: list[Constraint] = []
    for rule in rules:
        if rule.kind != "prohibition":
            out.append(rule)
            continue
        # (the whole clause: "never P3" cut from "damp is at least P2, never P3" would lose its case)
        said = " ".join(text.split()).rstrip(".")
        if rule.text.startswith(_FOREIGN_BAN):
            wording = f'Follow this rule from the brief: "{said}".'
        else:
            wording = sentence_case(said).rstrip(".") + "."
        out.append(msgspec.structs.replace(rule, kind="requirement", text=wording, value=None))
    return out
