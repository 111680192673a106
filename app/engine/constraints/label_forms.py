"""Label sets in written forms the general readers miss: a verdict code and its alternative ("PASS if …, otherwise
RESIT"), codes each described in parentheses after a label noun ("severity P1 (crash), P2 (bug), P3 (rest)"), one
cell of a line template that lists codes ("file:LINE | BLOCKER or MAJOR or NIT | fix"), and a list closed by a
catch-all ("repairs, deposit, eviction, or other")."""

from __future__ import annotations

import re

from app.engine.constraints.label_cues import LABEL_NOUNS
from app.engine.constraints.label_items import FoundLabels, split_items

_CODE = r"[A-Z][A-Z0-9]*(?:[_-][A-Z0-9]+)*"
# "severity P1 (crash, data loss), P2 (bug), P3 (everything else)": codes after a label noun, each with an aside
_DESCRIBED_CODES = re.compile(
    rf"\b(?i:{LABEL_NOUNS})\s*:?\s+(?P<list>{_CODE}\s*\([^()\n]{{1,120}}\)"
    rf"(?:\s*(?:,|;|\s(?i:or|and|oder|und|ou|et|o|y|e|of|en))\s*(?:(?i:or|and)\s+)?{_CODE}\s*\([^()\n]{{1,120}}\))+)"
)
_DESCRIBED_CODE = re.compile(rf"(?P<code>{_CODE})\s*\([^()\n]*\)")

# "path/File.kt:LINE | BLOCKER or MAJOR or NIT | what's wrong": a template cell that holds only codes joined by
# "or" or slashes (in the languages briefs come in)
_OR = r"(?:or|oder|ou|o|of|ou|或|または)"
_CODE_CELL = re.compile(rf"^\s*(?P<list>{_CODE}(?:\s*(?:/|,|\s(?i:{_OR})\s)\s*{_CODE})+)\s*$")

# "what the problem is: repairs, deposit, eviction, discrimination, or other": a list whose last item is a
# catch-all ("other", "otro", "autre", "sonstiges", "outro", "altro", "overig") joined by "or" closes the set
_CATCH_ALL = re.compile(
    r"[:：]\s*(?P<list>[^:：.;!?\n]{3,200}?,?\s(?i:or|o|ou|oder|of)\s+"
    r"(?i:other|others|otro|otros|otra|autre|autres|sonstiges|andere|outro|outros|altro|overig|anders))\b"
    r"(?=\s*(?:[.;:!?)\n]|$))"
)


def described_codes(text: str) -> FoundLabels | None:
    """Codes each followed by its description in parentheses, after a label noun."""
    match = _DESCRIBED_CODES.search(text)
    if match is None:
        return None
    codes = [m.group("code") for m in _DESCRIBED_CODE.finditer(match.group("list"))]
    if len(codes) < 2 or len(set(codes)) != len(codes):
        return None
    return FoundLabels(codes, False, match.start("list"), match.end("list"))


def template_cell(text: str) -> FoundLabels | None:
    """Codes listed in one cell of a pipe-separated line template ("file:LINE | BLOCKER or MAJOR or NIT | fix")."""
    if text.count("|") < 2:
        return None
    offset = 0
    for cell in text.split("|"):
        match = _CODE_CELL.match(cell)
        if match is not None:
            values = [v for v in re.split(rf"\s*(?:/|,|\s(?i:{_OR})\s)\s*", match.group("list").strip()) if v]
            if len(values) >= 2 and len(set(values)) == len(values):
                start = offset + match.start("list")
                return FoundLabels(values, False, start, start + len(match.group("list").rstrip()))
        offset += len(cell) + 1
    return None


def catch_all_list(text: str, multi: bool) -> FoundLabels | None:
    """A list after a colon closed by "or other" (a catch-all names a closed set of categories)."""
    match = _CATCH_ALL.search(text)
    if match is None:
        return None
    items = split_items(match.group("list"), last_trim=False)
    if items is None or len(items) < 3 or any(len(item.split()) > 2 for item in items):
        return None
    return FoundLabels(items, multi, match.start("list"), match.end("list"))


# "issue_type (outage, billing, speed, equipment, other)", "risk_level (low/medium/high)": a snake_case field name
# and its values in parentheses
_FIELD_VALUES = re.compile(r"(?<![\w.])[a-z][a-z0-9]*(?:_[a-z0-9]+)+\s*\((?P<list>[^()\n]{3,160})\)")


def field_values(text: str, multi: bool) -> FoundLabels | None:
    """The values listed in parentheses right after a snake_case field name."""
    for match in _FIELD_VALUES.finditer(text):
        inner = match.group("list")
        if re.match(r"\s*(?:e\.g|i\.e|eg|ie|for example|such as|like|z\.\s?b|p\.\s?ej|par\s+ex)\b", inner, re.I):
            continue
        items = split_items(inner, last_trim=False)
        if items is None or any(len(item.split()) > 2 for item in items):
            continue
        if len(items) >= 3 or "/" in inner:
            return FoundLabels(items, multi, match.start("list"), match.end("list"))
    return None


# "iniciacion, intermedio y avanzado, y el bot tiene que …", "low, medium or high, and then explain …": a finished
# "a, b and c" list, then a new clause joined by a comma and a conjunction
_CONJ = r"(?:and|or|y|o|e|u|und|oder|et|ou|en|of)"
_FINISHED_THEN_CLAUSE = re.compile(
    rf"^(?P<list>[^,]+(?:,[^,]+)*?\s(?i:{_CONJ})\s+[^,\s]+(?:\s+[^,\s]+)?)\s*,\s+(?i:{_CONJ}|then|luego|dann|puis|"
    r"depois|poi|dan)\s+\S+(?:\s+\S+){2,}"
)


def finished_list(listed: str) -> str | None:
    """The list of a "a, b and c, and <a new clause>" run, without the clause; None when it has no such tail."""
    match = _FINISHED_THEN_CLAUSE.match(listed.strip())
    return match.group("list") if match else None


# A rating a part of the reply carries: "Strength of evidence (strong / moderate / weak)", "Lead temperature: hot,
# warm or cold", "Confianza: alta, media o baja", "Risiko (hoch/mittel/niedrig)"
_RATING = (
    r"(?:strength|confidence|certainty|likelihood|risk|quality|rating|temperature|confianza|certeza|riesgo|calidad|"
    r"confiance|certitude|risque|qualité|vertrauen|sicherheit|risiko|qualität|fiducia|rischio|qualità|confiança|"
    r"risco|qualidade|betrouwbaarheid|risico|kwaliteit)"
)
_WORD = r"[^\W\d_][\w-]{0,24}"
_RATED = re.compile(
    rf"\b(?i:{_RATING})(?:\s+(?i:of|de|du|des|der|van|di|da|do)\s+[^\W\d_]+)?\s*"
    rf"(?:\((?P<slashed>{_WORD}(?:[ \t]*/[ \t]*{_WORD}){{2,}})\)|"
    rf"[:：]\s*(?P<listed>{_WORD}(?:\s*,\s*{_WORD})*,?\s+(?i:or|o|ou|oder|of|u)\s+{_WORD})(?=\s*(?:[,.;:)\n]|$)))"
)


def rated_values(text: str, multi: bool) -> FoundLabels | None:
    """The values of a rating the reply gives (strength, confidence, risk, temperature of a lead)."""
    match = _RATED.search(text)
    if match is None:
        return None
    group = "slashed" if match.group("slashed") else "listed"
    items = split_items(match.group(group), last_trim=False)
    if items is None or any(" " in item for item in items):
        return None
    return FoundLabels(items, multi, match.start(group), match.end(group))


# "Stage: LEAD, SITE_SURVEY, QUOTE_SENT, AFTERCARE": a field's machine codes after its name (one with an underscore
# at least, so that a stack of acronyms, "Cloud: AWS, GCP, AZURE", is no set)
_FIELD_CODES = re.compile(
    rf"(?:^|[\s(])[^\W\d_][\w -]{{0,30}}[:：]\s*(?P<list>{_CODE}(?:\s*,\s*{_CODE}){{2,}})(?=\s*(?:[.;)\n]|$))"
)


def field_codes(text: str, multi: bool) -> FoundLabels | None:
    """Three or more machine codes listed after a field name and a colon."""
    match = _FIELD_CODES.search(text)
    if match is None or "_" not in match.group("list"):
        return None
    items = [item.strip() for item in match.group("list").split(",")]
    if len(set(items)) != len(items):
        return None
    return FoundLabels(items, multi, match.start("list"), match.end("list"))
