"""A closing line the brief writes whole for each of its values ('Last line "Verdict: approve" or "Verdict: request
changes"'): the reply ends with one of those lines, written as the brief wrote them, not a "Verdict: <label>" template
(the lines themselves are what a reader and a parser look for)."""

from __future__ import annotations

import re


def whole_lines(text: str, prefix: str, values: list[str]) -> list[str] | None:
    """Each value's line as the brief writes it ("Verdict: approve"), when the brief writes every one of them whole
    (at most four: a longer set reads better as a template), else None."""
    if not 2 <= len(values) <= 4:
        return None
    lines = []
    for value in values:
        found = re.search(rf"(?<![\w-]){re.escape(prefix)}\s*:\s*{re.escape(value)}(?![\w-])", text, re.IGNORECASE)
        if found is None:
            return None
        lines.append(" ".join(found.group(0).split()))
    return lines


def describe_line_choice(lines: list[str], last: bool) -> str:
    """The sentence that ends the reply with exactly one of the brief's whole lines."""
    listed = " or ".join(f'"{line}"' for line in lines)
    return f"End with exactly one of these lines: {listed}." if last else f"Write exactly one of these lines: {listed}."
