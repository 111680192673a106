"""A purpose clause before "before" orders nothing: in "Check the stock so you can answer before the customer
leaves", "Lies die Notiz, damit du antworten kannst, bevor der Kunde auflegt" or "Revisa el pedido para poder
responder antes de que el cliente cuelgue", "before …" says by when the purpose is met, not a step that comes second.
The ordering reader asks `purpose_first` of its first step and reads no order there; a real order ("Verify the
customer before any refund") has no purpose word in its first step.
"""

from __future__ import annotations

import re

# "so (that) you can", "in order to", "so as to", "damit", "um … zu", "para (poder|que)", "pour (pouvoir|que)",
# "afin de/que", "per poter", "affinché", "così da", "zodat", "om … te", "de modo que", "a fim de"
_PURPOSE = re.compile(
    r"\bso\s+(?:that\s+)?(?:you|we|they|i|he|she|it|the\s+\w+)\s+(?:can|could|will|have|get|are)\b|"
    r"\bso\s+that\b|\bin\s+order\s+to\b|\bso\s+as\s+to\b|"
    r"\bdamit\b|\bum\s+(?:\w+\s+){0,4}zu\s+\w+|"
    r"\bpara\s+(?:poder|que|que\s+puedas|conseguir)\b|\bpara\s+(?:\w+\s+){0,2}\w+r\b(?=\s*$)|"
    r"\bpour\s+(?:pouvoir|que|qu')|\bafin\s+(?:de|d'|que|qu')|"
    r"\bper\s+(?:poter|riuscire)\b|\baffinch[ée]\b|\bcos[iì]\s+da\b|"
    r"\bzodat\b|\bom\s+(?:\w+\s+){0,4}te\s+\w+|\bde\s+modo\s+que\b|\ba\s+fim\s+de\b",
    re.IGNORECASE,
)


def purpose_first(first: str) -> bool:
    """Whether an ordering's first step ends on a purpose ("Check the stock so you can answer"): then "before"
    tells when the purpose is met, and the clause orders nothing."""
    return _PURPOSE.search(first) is not None
