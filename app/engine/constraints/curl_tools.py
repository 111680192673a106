"""Tools pasted as API examples: a heading that names the tool ("## lookup_driver"), then a `curl` call (or a bare
"POST /v2/refunds" line). The call's query keys and JSON body keys are the tool's parameters, and a "# returns …"
comment says what it gives back.

Read as text, the example's JSON body would be a reply schema and its URL a contact for the user, so the reader
also says where each example stands (to be masked)."""

from __future__ import annotations

import re

from app.engine.constraints.tools import FoundTool

# "## lookup_driver", "### `issue_refund`": a heading line that is one identifier, then up to 8 lines of its example
_SECTION = re.compile(
    # (an identifier: "lookup_driver", "getStatus"; not a docs section such as "## Authentication")
    r"^[ \t]*#{1,4}[ \t]*`?(?P<name>[a-z][a-z0-9]*(?:_[a-z0-9]+)+|[a-z]+(?:[A-Z][a-z0-9]+)+)`?[ \t]*:?[ \t]*\n"
    r"(?P<body>(?:(?![ \t]*#{1,4}[ \t]*`?[A-Za-z_][A-Za-z0-9_]*`?[ \t]*:?[ \t]*\n)(?![ \t]*\n)[^\n]*(?:\n|$)){1,8})",
    re.MULTILINE,
)
_CALL = re.compile(r"^\s*(?:curl\b|(?:GET|POST|PUT|PATCH|DELETE)\s+\S*/)", re.MULTILINE)
_QUERY_KEY = re.compile(r"[?&](?P<key>[A-Za-z_][A-Za-z0-9_]*)=")
_DATA = re.compile(r"(?:-d|--data(?:-raw)?|--json)\s+'(?P<json>[^'\n]*)'")
_BODY_KEY = re.compile(r"\"(?P<key>[A-Za-z_][A-Za-z0-9_]*)\"\s*:")
_RETURNS = re.compile(r"^[ \t]*#[ \t]*(?P<returns>returns?\b[^\n]*)", re.MULTILINE | re.IGNORECASE)


def find_curl_tools(text: str) -> tuple[list[FoundTool], list[tuple[int, int]]]:
    """The tools of pasted API examples, and the extent of each example."""
    if "curl" not in text and "POST " not in text and "GET " not in text:
        return [], []
    found: list[FoundTool] = []
    spans: list[tuple[int, int]] = []
    for section in _SECTION.finditer(text):
        body = section.group("body")
        if _CALL.search(body) is None:
            continue
        parameters: list[str] = []
        for key in [m.group("key") for m in _QUERY_KEY.finditer(body)] + [
            m.group("key") for data in _DATA.finditer(body) for m in _BODY_KEY.finditer(data.group("json"))
        ]:
            if key not in parameters:
                parameters.append(key)
        returns = _RETURNS.search(body)
        purpose = " ".join(returns.group("returns").split()) if returns is not None else None
        end = section.end("body")
        found.append(FoundTool(section.group("name"), parameters, purpose, section.start("name"), end))
        spans.append((section.start(), end))
    return found, spans
