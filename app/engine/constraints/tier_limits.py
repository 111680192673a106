"""Limits stated per tier, plan or membership level ("basic members max 2 active loans, plus members max 5",
"Free plan: 3 projects; Pro: unlimited", "abonnement standard : au maximum 2 cours ; premium : 5").

Such a number caps what one kind of customer may have, not the reply: read as a limit it became an unscoped
"Keep to at most 2 active loans." in the output section. The clause stays a rule of the brief, with its tier.
"""

from __future__ import annotations

import re

from app.engine.brief import Brief
from app.engine.constraints import scoping
from app.engine.constraints.model import Constraint

# A tier's name or the noun that names a tier, in the languages the engine reads
_TIER = re.compile(
    r"\b(?:tiers?|plans?|planes|plano|planos|piano|membership|members?|subscribers?|subscriptions?|accounts?|"
    r"basic|free|premium|pro|gold|silver|bronze|platinum|enterprise|starter|paid|"
    r"plus(?=\s+(?:members?|tiers?|plans?|users?|accounts?|max|up\s+to|\d)|\s*:)|"
    r"tarifs?|\w*-?tarif|mitglied\w*|\w*-?mitglieder|abos?|abonnements?|konto|stufe|basis|kostenlos\w*|"
    r"socios?|miembros?|cuentas?|nivel|tarifas?|básic[oa]s?|gratuit[oa]?s?|gratis|grátis|"
    r"formules?|offres?|membres?|comptes?|niveau|"
    r"sócios?|membros?|contas?|assinaturas?|abbonament[oi]|soci|leden|lidmaatschap)\b",
    re.IGNORECASE,
)
_AMOUNT = re.compile(
    r"\d|\b(?:unlimited|no\s+limit|unbegrenzt|unbeschränkt|ilimitad[oa]s?|illimité(?:e|s|es)?|sin\s+límite|"
    r"sem\s+limite|illimitat[oi]|onbeperkt)\b",
    re.IGNORECASE,
)
# Where one tier's statement ends and the next begins
_SEGMENT_END = re.compile(
    r"[,;\n]|\.(?:\s|$)|\s(?:and|while|whereas|but|und|aber|y|pero|et|mais|e|mas|ed|ma|en|maar)\s", re.IGNORECASE
)


def _segments(text: str) -> list[tuple[int, int]]:
    bounds: list[tuple[int, int]] = []
    start = 0
    for match in _SEGMENT_END.finditer(text):
        bounds.append((start, match.start()))
        start = match.end()
    bounds.append((start, len(text)))
    return bounds


def without_tier_limits(brief: Brief, found: list[Constraint]) -> list[Constraint]:
    """The limits that cap the reply, without those that are one tier's allowance (the brief's rule keeps it)."""
    kept = []
    for c in found:
        if c.kind == "limit" and c.span is not None:
            text = scoping.field_text(brief, c.span)
            line_start = text.rfind("\n", 0, c.span.start) + 1
            line_end = text.find("\n", c.span.end)
            line = text[line_start : line_end if line_end >= 0 else len(text)]
            if tier_scoped(line, c.span.start - line_start, c.span.end - line_start):
                continue
        kept.append(c)
    return kept


def tier_scoped(text: str, start: int, end: int) -> bool:
    """Whether the limit at [start, end) of a line is one tier's allowance: its statement names a tier, and another
    tier's amount follows or precedes it in the same sentence."""
    segments = _segments(text)
    own = next((seg for seg in segments if seg[0] <= start <= seg[1]), None)
    if own is None or _TIER.search(text, own[0], end) is None:
        return False
    for start, end in segments:
        if (start, end) == own:
            continue
        tier = _TIER.search(text, start, end)
        if tier is not None and _AMOUNT.search(text, tier.start(), end) is not None:
            return True
    return False
