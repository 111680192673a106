"""Whether the brief's records already state a whole sentence of a brief not written in English.

"5 phrases max, vouvoiement." is the limit and the form of address; "必ず check_area → book_pickup の順。" is
the ordering "Call check_area before book_pickup." Kept again in the brief's words beside those records, the same
rule would appear twice. Only records that restate their words whole count: a quoted wrapper, a fallback (its
condition is paraphrased) or a plain requirement or ban says less than the sentence it comes from; an ordering
states only its calls and order words ("…, und vorher Menge und Liefertag bestätigen lassen" is a step it does not
say). A sentence that carries a number, a link, an address, quoted words or a route ("ligar para o Disque 100") is
kept unless the records carry those exact tokens: a reply language recorded from the whole brief restates none of them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.engine.constraints import Constraint

# (a format record paraphrases: "只输出一条 SQL" is more than "Reply with the code only.")
_STATING_KINDS = frozenset({"limit", "tone", "language", "ordering", "length", "register", "formality"})
# the words an ordering record states besides the names of its calls ("X immer vor Y", "antes de", "の前に必ず");
# anything else in its sentence ("und vorher … bestätigen lassen", "nunca inventes horarios") is more than the order
_ORDER_WORDS = re.compile(
    r"\b(?:always|first|then|before|after|only|call|order|flow|steps?|immer|zuerst|erst|vor|nach|dann|danach|"
    r"ablauf|reihenfolge|rufe?|siempre|primero|antes|de|después|luego|llama|orden|avant|après|d'abord|toujours|"
    r"puis|ensuite|appelle|ordre|sempre|prima|dopo|poi|chiama|ordine|ordem|depois|chame|eerst|dan|daarna|pas|"
    r"voor|altijd|roep|volgorde|a|al|di|de|du|la|le|lo|el)\b|->|→|⇒|の前に|より前に|の後で?|まず|次に|最初に|必ず|"
    r"を呼ぶ|を呼んで|を呼び出す|の順番?|で|先|再|之前|然后|首先|必须|调用",
    re.IGNORECASE,
)
_ORDER_OR_WORD = re.compile(rf"{_ORDER_WORDS.pattern}|\w+", re.IGNORECASE)
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
    records = [
        c
        for c in constraints
        if c.kind in _STATING_KINDS and c.span is not None and c.span.field == "task"
        # only a record read from inside the sentence restates it: one read from the whole brief (its reply
        # language) or from a wider passage says nothing about this sentence's own words
        and start - 2 <= c.span.start and c.span.end <= end + 2 and not c.text.startswith("Follow this")
    ]  # fmt: skip
    spans = [span for c in records for span in _stated_spans(c, task, start, end)]
    if not spans or _ROUTE.search(task, start, end):
        return False
    said = " ".join(c.text for c in constraints if c.kind in _STATING_KINDS)
    if any(token.group(0).strip('«»“”"「」„.') not in said for token in _TOKENS.finditer(task, start, end)):
        return False  # "… ligar para o Disque 100.": no record says "100"
    rest = list(task[start:end])
    for left, right in spans:
        rest[left - start : right - start] = " " * (right - left)
    return not _LEFTOVER.sub("", "".join(rest))


def _stated_spans(record: Constraint, task: str, start: int, end: int) -> list[tuple[int, int]]:
    """The parts of the sentence [start, end) that the record's text restates."""
    assert record.span is not None
    left, right = max(start, record.span.start), min(end, record.span.end)
    if record.kind != "ordering":
        return [(left, right)]
    # an ordering states its calls and the order words, never the step or condition said beside them
    names = {word.casefold() for word in re.findall(r"\w+", f"{record.first or ''} {record.then or ''}")}
    return [
        found.span()
        for found in _ORDER_OR_WORD.finditer(task, left, right)
        if found.group(0).casefold() in names or _ORDER_WORDS.fullmatch(found.group(0)) is not None
    ]
