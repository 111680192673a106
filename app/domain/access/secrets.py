"""API-key material (generation, parsing, hashing) and random tokens for sessions and CSRF."""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass

API_KEY_PREFIX = "psk_"
_KEY_RE = re.compile(r"^psk_([0-9a-f]{12})_([A-Za-z0-9_-]{40,64})$")


@dataclass(frozen=True, slots=True)
class NewApiKey:
    """A freshly generated key: `full` is shown once; `prefix` and `secret_hash` are stored."""

    full: str
    prefix: str
    secret_hash: str


def hash_secret(secret: str) -> str:
    """SHA-256 of the secret part. The secret has 256 bits of entropy, so a slow hash adds nothing."""
    return hashlib.sha256(secret.encode()).hexdigest()


def generate_api_key() -> NewApiKey:
    """`psk_<12 hex id>_<43 char secret>`: the id part finds the row, the secret is compared by hash."""
    key_id = secrets.token_hex(6)
    secret = secrets.token_urlsafe(32)
    prefix = f"{API_KEY_PREFIX}{key_id}"
    return NewApiKey(full=f"{prefix}_{secret}", prefix=prefix, secret_hash=hash_secret(secret))


def parse_api_key(raw: str) -> tuple[str, str] | None:
    """Split a presented key into (prefix, secret), or None when it is not shaped like one of ours."""
    match = _KEY_RE.match(raw.strip())
    if match is None:
        return None
    return f"{API_KEY_PREFIX}{match.group(1)}", match.group(2)


def secret_matches(secret: str, stored_hash: str) -> bool:
    """Constant-time comparison of the presented secret's hash with the stored one."""
    return hmac.compare_digest(hash_secret(secret), stored_hash)


def new_token(nbytes: int = 32) -> str:
    """A URL-safe random token (session ids, CSRF tokens)."""
    return secrets.token_urlsafe(nbytes)
