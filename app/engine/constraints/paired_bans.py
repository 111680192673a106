"""A terse condition and its consequence written as two "no"s ("No receipt, no refund"): one rule, not two bans."""

from __future__ import annotations

import re

from app.engine.constraints.found_rules import FoundRule, is_english

# "No crime ref, no claim opened", "no receipt, no refund", "Without an ID, no booking": a terse condition and its
# consequence (the first thing is needed for the second), never two bans. The second part is what the assistant would
# do: a noun with its participle ("no claim opened") or a transaction ("refund", "booking", "entry"), said once.
_NO_THEN_NO = re.compile(
    r"^(?P<cue>no|without)\s+(?P<need>[^\W\d][^,;:.!?=]{0,40}?)\s*(?:,|=|->|→|\bmeans\b)\s*no\s+"
    r"(?P<outcome>[^\W\d][^,;:.!?]{0,40}?)\s*(?=[;.!]|\s[-–—]\s|$)",
    re.IGNORECASE,
)


_OUTCOME_DONE = re.compile(
    r"[\w-]+(?:\s+[\w-]+)?\s+(?:[a-z]{3,}ed|made|given|done|taken|sent|paid|held|kept|sold|shown|seen|granted|"
    r"issued|written|begun)$",
    re.IGNORECASE,
)


_OUTCOME_ACT = re.compile(
    r"(?:[\w-]+\s+)?(?:refund|booking|reservation|appointment|claim|entry|admission|access|boarding|service|sale|"
    r"delivery|dispatch|shipment|payout|payment|return|exchange|repair|replacement|release|collection|quote|"
    r"discount|voucher|credit|loan|order|ticket|treatment|prescription|visit|transfer|withdrawal|approval|"
    r"sign-?off|deal|rental|hire|check-?in|handover|cover|escalation)$",
    re.IGNORECASE,
)


# ... and the first part a thing the person must have or hand over ("receipt", "ID", "crime ref", "ticket",
# "deposit"): "No diagnosis, no prescription" and "No personal data stored, no payment taken" are two bans
_NEED_THING = re.compile(
    r"(?:[\w-]+\s+){0,2}(?:receipts?|id|ids|identification|badge|ref|reference|ref\s+number|number|ticket|deposit|"
    r"proof(?:\s+of\s+[\w-]+)?|pass|card|licen[cs]e|passport|permit|voucher|code|invoice|po|booking|reservation|appointment|"
    r"confirmation|consent|signature|warranty|membership|helmet|insurance|login|password|pin|quote|approval|"
    r"sign-?off|referral|prescription|certificate|waiver|form|photo)",
    re.IGNORECASE,
)


def no_then_no(stripped: str, source: str) -> list[FoundRule] | None:
    """ "No receipt, no refund" as the one rule it is ("No refund without receipt."), or None for another shape;
    "No emojis, no hashtags" stays two bans."""
    pair = _NO_THEN_NO.match(stripped)
    if pair is None:
        return None
    outcome = pair.group("outcome").strip()
    conditional = pair.group("cue").lower() == "without" or (
        bool(_NEED_THING.fullmatch(pair.group("need").strip()))
        and bool(_OUTCOME_DONE.fullmatch(outcome) or _OUTCOME_ACT.fullmatch(outcome))
        and not re.search(r"(?<!s)s$", outcome.split()[-1])  # "no exchanges, no refunds": a list of bans
    )
    if not conditional:
        return None
    if not is_english(stripped):
        return []  # "Sin ticket, no hay reembolso" reads only whole; the sentence stays a rule in the brief's words
    need = source[pair.start("need") : pair.end("need")].strip()
    outcome = source[pair.start("outcome") : pair.end("outcome")].strip()
    rest = f"{outcome} without {need}"
    return [FoundRule(f"No {rest}.", None, None, 0, pair.end(), rest)]
