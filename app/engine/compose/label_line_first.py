"""Whether a brief's reply layout opens with its label line: "line 1 is either VERDICT: …", "first line: LABEL: …",
"erste Zeile: KATEGORIE: …", or a layout under "in this exact shape:" whose first line is "LABEL: one of …". The label
line then stays first, whatever order the job's default gives it."""

from __future__ import annotations

import re

# "line 1", "the first line", "erste Zeile", "primera línea", "première ligne", "prima riga", "eerste regel", "primeira
# linha", "1行目", "第一行": a line the brief numbers as the first
_FIRST_MARK = (
    r"(?:(?:the\s+)?(?:line\s*(?:1|one)|first\s+line)|erste\s+zeile|zeile\s*1|primera\s+l[íi]nea|l[íi]nea\s*1|"
    r"premi[èe]re\s+ligne|ligne\s*1|prima\s+riga|riga\s*1|eerste\s+(?:regel|lijn)|regel\s*1|primeira\s+linha|"
    r"linha\s*1|1\s*行目|第一行|第1行)"
)


def key_line_first(task: str, key: str) -> bool:
    """True when the brief's layout puts the line starting "`key`:" first."""
    if not key.strip():
        return False
    head = re.escape(key.strip())
    marked = re.compile(
        rf"^[ \t]*(?:[-*•][ \t]*)?{_FIRST_MARK}[^\n]{{0,30}}?(?<![\w]){head}[ \t]*[:：]", re.IGNORECASE | re.MULTILINE
    )
    if marked.search(task):
        return True
    # a bare "LABEL: …" line right under a line that introduces the layout with a colon, with more layout below it
    bare = re.compile(rf"^[^\n]*[:：][ \t]*\n[ \t]*(?:[-*•][ \t]*)?{head}[ \t]*[:：][^\n]*\n[ \t]*\S", re.M | re.I)
    return bare.search(task) is not None
