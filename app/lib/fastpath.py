"""What the authorized-replay layers in front of Litestar share (resolve, the prompt list, generate).

Each layer replays only what the full path already served to the same credential (see
`app.domain.delivery.fastpath` for the invariant); this module holds the credential scan of a request's headers,
the entries' lifetime and the sending of a replayed JSON body (gzipped like Litestar's compression middleware);
`app.domain.access.replay` holds the access checks.
"""

from __future__ import annotations

import gzip
import hashlib
from collections.abc import Callable
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from litestar.types import HTTPResponseStartEvent, Scope, Send

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


REPLAYED = "promptsmith_replayed"
"""Set (True) in a replay's `http.response.start` message: its headers are the replay layer's own, none of them a
security header or `X-Request-Id`, so the edge appends its headers without scanning them (`app.server.edge`)."""


def replay_start(status: int, headers: list[tuple[bytes, bytes]]) -> HTTPResponseStartEvent:
    """A replay's `http.response.start` message, marked `REPLAYED`."""
    message = {"type": "http.response.start", "status": status, "headers": headers, REPLAYED: True}
    return cast("HTTPResponseStartEvent", message)


GZIP_LEVEL = 9
"""Litestar's `CompressionConfig` default, so a replay's gzipped body is the full path's."""


def gzip_body(body: bytes) -> bytes:
    """`body` gzipped as the compression middleware does (no timestamp, so the bytes depend on the body only)."""
    return gzip.compress(body, compresslevel=GZIP_LEVEL, mtime=0)


async def send_json(
    send: Send,
    headers: list[tuple[bytes, bytes]],
    body: bytes,
    *,
    accept_encoding: bytes,
    gzip_min: int,
    gzipped: Callable[[], bytes],
) -> None:
    """Send a 200 with the JSON `body` and `headers`, gzipped (`gzipped()`, the layer's cached copy) when the
    client accepts it and the body is at least `gzip_min` bytes, as Litestar's compression middleware would."""
    if len(body) >= gzip_min and b"gzip" in accept_encoding:
        body = gzipped()
        headers += [(b"content-encoding", b"gzip"), (b"vary", b"Accept-Encoding")]
    headers += [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    await send(replay_start(200, headers))
    await send({"type": "http.response.body", "body": body, "more_body": False})
