"""Prompt names with `/` in URLs: keep an encoded slash (`%2F`) inside its path segment.

ASGI servers decode `%2F` to `/` in `scope["path"]` before routing, so `/prompts/support%2Ftriage/resolve`
would reach no route. For API paths under `/api/v1/workspaces/…/prompts/`, the edge layer (`app.server.edge`)
rebuilds the path from `raw_path` with `preserve_encoded_slashes`, decoding every escape except `%2F`, so the
encoded name stays one segment; the handlers then decode it (`content.name_from_path`). Other paths are left
alone.
"""

from __future__ import annotations

import re
from urllib.parse import unquote

_ENCODED_SLASH = re.compile(rb"%2[fF]")
_PROMPT_PATH = re.compile(r"^(?:/api/v1/workspaces|/ui/w)/[^/]+/prompts/")  # the API and the console


def preserve_encoded_slashes(path: str, raw_path: bytes | None) -> str:
    """`scope["path"]` with `%2F` kept encoded, when `raw_path` has one and the path is a prompt path."""
    if not raw_path or not _ENCODED_SLASH.search(raw_path):
        return path
    raw_path = raw_path.split(b"?", 1)[0]  # some clients (httpx's test transport) include the query
    rebuilt = "%2F".join(unquote(part.decode("latin-1")) for part in _ENCODED_SLASH.split(raw_path))
    return rebuilt if _PROMPT_PATH.match(rebuilt) else path
