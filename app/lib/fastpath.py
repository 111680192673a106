"""What the authorized-replay layers in front of Litestar share (resolve, the prompt list, generate).

Each layer replays only what the full path already served to the same credential (see
`app.domain.delivery.fastpath` for the invariant); this module holds the credential scan of a request's headers
and the entries' lifetime.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from litestar.types import Scope

FAST_TTL = 1.0
"""Lifetime of an authorized entry: the safety net if an invalidation on the bus is ever lost."""


def scan_api_key_headers(scope: Scope) -> tuple[str | None, bytes | None, bytes]:
    """(credential key, If-None-Match, Accept-Encoding) of a bodiless API-key request; the credential key is
    `<kind><sha256 of the raw credential header>` (never the secret), None when the request must take the full
    path: no API key, two of one kind, a session cookie, a CORS request or a body."""
    credential: bytes | None = None
    kind = ""
    if_none_match: bytes | None = None
    accept_encoding = b""
    for name, value in scope["headers"]:
        if name == b"authorization":
            if kind == "a":
                return None, None, b""  # two Authorization headers: let the full path decide
            credential, kind = value, "a"
        elif name == b"x-api-key":
            if kind == "":
                credential, kind = value, "x"
            elif kind == "x":
                return None, None, b""
        elif name in (b"cookie", b"origin", b"transfer-encoding"):
            return None, None, b""  # sessions, CORS and bodies: the full path only
        elif name == b"content-length":
            if value.strip() not in (b"", b"0"):
                return None, None, b""
        elif name == b"if-none-match":
            if_none_match = value
        elif name == b"accept-encoding":
            accept_encoding = value
    if credential is None:
        return None, None, b""
    return kind + hashlib.sha256(credential).hexdigest(), if_none_match, accept_encoding
