"""Reply keys listed on the line after the sentence that introduces them: "… with these keys:\\nname, email, notes",
"… con queste chiavi:\\nnome, email, note", "… mit diesen Feldern:\\nname, datum". The line is the key list, read as
the reply's fields (the sentence alone names none)."""

from __future__ import annotations

import re
from collections.abc import Callable

from app.engine.constraints import structure
from app.engine.constraints.model import BriefSpan, Constraint

_NOUNS = (
    r"fields?|keys?|columns?|properties|campos|felder[n]?|champs|colonnes|propriedades|colunas|columnas|campi|chiavi|"
    r"velden|kolommen|schlüssel[n]?|claves|clés|chaves|sleutels|sleutel"
)
# the introducing line ends in a colon after a key noun; the next line is a comma list of identifiers, alone
_KEY_LINE = re.compile(
    rf"(?im)^(?P<intro>[^\n]*\b(?:{_NOUNS})\b[^\n:：]{{0,30}})[:：][ \t]*\n(?:[ \t]*\n)?"
    r"[ \t]*(?P<line>`?[A-Za-z_][\w]*`?(?:[ \t]*,[ \t]*`?[A-Za-z_][\w]*`?){2,}[ \t]*\.?)[ \t]*(?:\n|$)"
)
# an input described ("the export has these columns:"), not the reply's keys
_INPUT = re.compile(r"\b(?:has|have|contains?|hat|tiene|contiene|a|heeft)\s+(?:these|the\s+following)\b", re.I)


def with_next_line_keys(
    text: str, span_of: Callable[[int, int], BriefSpan], found: list[Constraint]
) -> list[Constraint]:
    """`found` with the keys of a list on the line after its introducing sentence, when no clause read them."""
    match = _KEY_LINE.search(text)
    if match is None or _INPUT.search(match.group("intro")):
        return found
    names = [name.strip().strip("`.") for name in match.group("line").split(",")]
    start, end = match.start("line"), match.end("line")
    if any(c.kind in ("fields", "schema") and c.span and start <= c.span.start < end for c in found):
        return found  # a clause read the line already
    # (a list the clause before it seemed to name is no key list: the keys are on this line)
    kept = [c for c in found if not (c.kind == "fields" and c.span and match.start() <= c.span.start < start)]
    kept.append(
        Constraint(
            kind="fields", text=structure.describe_fields(names, text[start:end]), span=span_of(start, end),
            values=names,
        )
    )  # fmt: skip
    return kept
