"""A fixed line on the line after its case.

"si hay un conflicto … -> solo esta frase:\\n "Eso depende …; … llamar al 976 55 04 12."", "If they mention
self-harm, reply only with:\\n"Please call …"": the clause splitter cuts the case's line from the quoted line under it
(and the quote at its own ";" or full stops), so each piece was read alone and the number in the quote became the route
for whatever the assistant cannot help with. The case and its quoted line are read again as one clause, so the number
and the words stay on the case. A quoted line under an example's heading ("Ejemplo:", "Example reply:") is example
text: no route is read from it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from app.engine.constraints.antecedents import ReadClause
from app.engine.constraints.clauses import Clause
from app.engine.constraints.model import Constraint

_OPENING_QUOTE = re.compile(r"\s*[\"“„«「『]")
_CLOSING_QUOTE = re.compile(r"[\"”“»」』]\s*[.!?。]?\s*$")
_MAX_PIECES = 8
_MAX_CHARS = 700


# "Example:", "Ejemplo de un buen primer mensaje:", "Otro buen ejemplo, para un conflicto:", "例:": an example's heading
_EXAMPLE_HEADING = re.compile(
    r"\b(?:examples?|e\.g|ejemplos?|beispiele?|exemples?|esempi[oi]?|exemplos?|voorbeelden|voorbeeld|sample)\b|例",
    re.IGNORECASE,
)


def _run_end(text: str, read: Sequence[ReadClause], index: int) -> int | None:
    """The last piece of the quoted line that follows clause `index` on the next line, when clause `index` ends with
    a colon and the next line opens with a quotation mark; None otherwise."""
    anchor = read[index].clause
    if not anchor.text.rstrip().endswith((":", "：")) or index + 1 >= len(read):
        return None
    first = read[index + 1].clause
    gap = text[anchor.end : first.start]
    if gap.count("\n") != 1 or gap.strip() or not _OPENING_QUOTE.match(text, first.start):
        return None
    for end in range(index + 1, min(len(read), index + 1 + _MAX_PIECES)):
        piece = read[end].clause
        if piece.end - anchor.start > _MAX_CHARS or (
            end > index + 1 and "\n" in text[read[end - 1].clause.end : piece.start]
        ):
            return None
        if _CLOSING_QUOTE.search(piece.text):
            return end
    return None


def with_quoted_lines(
    text: str, read: list[ReadClause], reread: Callable[[Clause], list[Constraint]]
) -> list[ReadClause]:
    """The clauses with each case and the quoted line under it read as one clause (`reread` reads a clause under the
    lead its first clause had), and no route read from the quoted line under an example's heading."""
    out: list[ReadClause] = []
    index = 0
    while index < len(read):
        end = _run_end(text, read, index)
        if end is None:
            out.append(read[index])
            index += 1
            continue
        anchor = read[index]
        if _EXAMPLE_HEADING.search(anchor.clause.text):
            out.append(anchor)
            out.extend(
                item._replace(found=[c for c in item.found if c.kind != "fallback"])
                for item in read[index + 1 : end + 1]
            )
        else:
            joined = Clause(text[anchor.clause.start : read[end].clause.end], anchor.clause.start)
            out.append(ReadClause(joined, reread(joined), anchor.led))
        index = end + 1
    return out
