"""A foreign sentence whose whole ban a prohibition already states in English ("No ofrecer descuentos." and "Do not
offer discounts."): the sentence is not repeated as a detail line beside it. A translation that drops words ("No dar
precios por chat" as "Do not give prices.") cannot be trusted with the sentence, which then stays."""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.engine.constraints.model import Constraint

_WORD = re.compile(r"[^\W\d_]+")
# The negation that leads a ban, in the brief's language and in the English rule
_CUE = re.compile(
    r"^(?:no|nunca|jam[áa]s|n[ãa]o|non|mai|nie|niemals|keine?n?|nicht|ne|pas|jamais|niet|nooit|geen|do|not|never|"
    r"avoid|don['’]?t)$",
    re.IGNORECASE,
)


def _content(text: str) -> list[str]:
    return [w for w in _WORD.findall(text) if not _CUE.match(w)]


def stated_in_english(constraints: Sequence[Constraint], sentence: str, start: int, end: int) -> bool:
    """Whether a translated prohibition spans the whole sentence at start:end with as many words as it holds."""
    body = sentence.strip().rstrip(".!;。！")
    if not body:
        return False
    for c in constraints:
        if c.kind != "prohibition" or c.span is None or c.span.field != "task" or c.text.startswith("Follow this"):
            continue
        covered = c.span.start <= start + len(sentence) - len(sentence.lstrip()) and c.span.end >= start + len(body)
        if covered and c.span.end <= end + 1 and len(_content(c.text)) >= len(_content(body)):
            return True
    return False
