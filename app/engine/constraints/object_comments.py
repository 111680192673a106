"""Comments users write inside a pasted JSON-like object: '"job_ref": string,   // like SF-1184, null if missing'.

JSON has no comments, yet users annotate a reply schema with them all the time (`//`, and `#` in YAML habits). The
comment is no part of the value: it is stripped before the object is parsed, and kept as that key's description, so
the schema still carries the brief's words ("max 5, each max 8 words"); a comment that allows null ("null if
missing") makes the key nullable.
"""

from __future__ import annotations

import re
from typing import Any

# A comment opens with "//" or "# " after a space, a comma or a line start, outside a quoted string
# ("https://…" inside quotes, and "#FF0000" glued to its value, are no comments).
_COMMENT_OPEN = re.compile(r"(?:(?<=[\s,])|^)(?://|#(?=\s))", re.MULTILINE)
# The key a line opens with: '  "job_ref": …', "  job_ref: …".
_LINE_KEY = re.compile(r"^\s*[\"']?(?P<key>[^\s\"':{}\[\],]+)[\"']?\s*\??\s*:")
# "null if missing", "or null", "nullable", "null when not stated", "sonst null", "なければ null": null is allowed
_ALLOWS_NULL = re.compile(r"\bnull(?:able)?\b|\bnone\s+if\b", re.IGNORECASE)
# ("// never null, always present", "must not be null", "non-null": the comment rules null out)
_RULES_OUT_NULL = re.compile(r"\b(?:never|not|non|no)[\s-]+(?:be\s+)?null(?:able)?\b", re.IGNORECASE)


def _comment_starts(line: str) -> int | None:
    """Where a comment begins on one line, outside quoted strings, or None."""
    quote: str | None = None
    index = 0
    while index < len(line):
        ch = line[index]
        if quote:
            if ch == "\\":
                index += 1
            elif ch == quote:
                quote = None
        elif ch in "\"'" and not (ch == "'" and index > 0 and line[index - 1].isalnum()):
            quote = ch
        elif _COMMENT_OPEN.match(line, index):
            return index
        index += 1
    return None


def strip_comments(literal: str) -> str:
    """The object's text without its `//` and `# ` comments (each line keeps its value and its line break)."""
    lines = []
    for line in literal.split("\n"):
        start = _comment_starts(line)
        lines.append(line if start is None else line[:start].rstrip())
    return "\n".join(lines)


def key_comments(literal: str) -> dict[str, str]:
    """Each key's comment, for the keys whose line carries one ('"hazards": [string], // max 5' → max 5)."""
    comments: dict[str, str] = {}
    for line in literal.split("\n"):
        start = _comment_starts(line)
        opened = _LINE_KEY.match(line)
        if start is None or opened is None:
            continue
        comment = line[start:].lstrip("/#").strip()
        if comment:
            comments[opened.group("key")] = comment
    return comments


def describe_keys(schema: dict[str, Any], literal: str) -> None:
    """Keep each top-level key's comment as its description; a comment that allows null makes the key nullable."""
    properties = schema.get("properties")
    if not isinstance(properties, dict):
        return
    for key, comment in key_comments(literal).items():
        prop = properties.get(key)
        if not isinstance(prop, dict):
            continue
        prop.setdefault("description", comment)
        kind = prop.get("type")
        if (
            _ALLOWS_NULL.search(comment)
            and not _RULES_OUT_NULL.search(comment)
            and isinstance(kind, str)
            and kind != "null"
        ):
            prop["type"] = [kind, "null"]
            if isinstance(prop.get("enum"), list) and None not in prop["enum"]:
                prop["enum"] = [*prop["enum"], None]
