"""Whether the brief's records already state a whole sentence of a brief not written in English.

"5 phrases max, vouvoiement." is the limit and the form of address; "出張買取は必ず check_area → book_pickup の順。" is
the ordering "Call check_area before book_pickup." Kept again in the brief's words beside those records, the same
rule would appear twice. Only records that restate their words whole count: a quoted wrapper, a fallback (its
condition is paraphrased) or a plain requirement or ban says less than the sentence it comes from. A sentence that
carries a number, a link, an address, quoted words or a route ("ligar para o Disque 100") is kept unless the records
carry those exact tokens: a reply language recorded from the whole brief restates none of them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.engine.constraints import Constraint

# (a format record paraphrases: "只输出一条 SQL" is more than "Reply with the code only.")
_STATING_KINDS = frozenset({"limit", "tone", "language", "ordering", "length", "register", "formality"})
# what may be left of a covered sentence: punctuation, list marks, a closing remark in brackets ("(on est près de la
# frontière)": the reason, not a rule) and the joins between the records ("et", "、", "and")
_LEFTOVER = re.compile(
    r"\([^()]*\)|（[^（）]*）|(?:(?![()（）])[\s\W\d_])+|\b(?:and|und|et|y|e|en|ed)\b", re.IGNORECASE
)
# what must survive in the records' words: numbers (phones too), links, e-mail addresses, quoted words
_TOKENS = re.compile(
    r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?:https?://|www\.)\S+|\d+(?:[.,:/-]\d+)*|«[^»]+»|“[^”]+”|\"[^\"]+\"|「[^」]+」"
)
# a way to reach someone ("ligar para", "llamar al", "anrufen", "电话"): no stating record says it
_ROUTE = re.compile(
    r"\b(?:call|phone|ring|contact|e-?mail|ligar|liga|telefonar|contatar|contactar|llamar|llame|appeler|appelez|"
    r"contacter|anrufen|kontaktieren|chiamare|chiamate|contattare|bellen)\b|電話|連絡|拨打|撥打|联系|聯繫|致电|致電",
    re.IGNORECASE,
)


def covered_by_records(constraints: Sequence[Constraint], task: str, start: int, end: int) -> bool:
    """Whether records whose text restates their words cover the task's sentence [start, end) whole."""
    spans = [
        (max(start, c.span.start), min(end, c.span.end))
        for c in constraints
        if c.kind in _STATING_KINDS and c.span is not None and c.span.field == "task"
        # only a record read from inside the sentence restates it: one read from the whole brief (its reply
        # language) or from a wider passage says nothing about this sentence's own words
        and start - 2 <= c.span.start and c.span.end <= end + 2 and not c.text.startswith("Follow this")
    ]  # fmt: skip
    if not spans or _ROUTE.search(task, start, end):
        return False
    said = " ".join(c.text for c in constraints if c.kind in _STATING_KINDS)
    if any(token.group(0).strip('«»“”"「」„.') not in said for token in _TOKENS.finditer(task, start, end)):
        return False  # "… ligar para o Disque 100.": no record says "100"
    rest = list(task[start:end])
    for left, right in spans:
        rest[left - start : right - start] = " " * (right - left)
    return not _LEFTOVER.sub("", "".join(rest))
