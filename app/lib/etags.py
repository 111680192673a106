"""Entity tags: the one parser of `If-Match` / `If-None-Match` lists (RFC 9110 section 13.1)."""

from __future__ import annotations


def etag_matches(header: str | None, etag: str) -> bool:
    """Whether a conditional header lists `etag` (weak or strong) or is `*`; an absent or empty one never does."""
    if not header:
        return False
    candidates = {c.strip().removeprefix("W/") for c in header.split(",")}
    return "*" in candidates or etag in candidates
