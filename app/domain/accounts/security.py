"""Password hashing (argon2id) and API-key material (generation, parsing, hashing).

Hashing runs in a worker thread: one argon2id verification at OWASP's parameters costs ~25 ms of CPU, which
would otherwise stall every other request on the event loop.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

# OWASP Password Storage Cheat Sheet: argon2id, m=19 MiB, t=2, p=1.
_HASHER = PasswordHasher(time_cost=2, memory_cost=19_456, parallelism=1, hash_len=32, salt_len=16, type=Type.ID)
# Verified against when the email is unknown, so that the response time does not reveal whether it exists.
DUMMY_HASH = _HASHER.hash(secrets.token_urlsafe(16))

API_KEY_PREFIX = "psk_"
_KEY_RE = re.compile(r"^psk_([0-9a-f]{12})_([A-Za-z0-9_-]{40,64})$")


def normalize_email(email: str) -> str:
    """Trimmed and lower-cased: the one form stored and compared."""
    return email.strip().lower()


def _hash(password: str) -> str:
    return _HASHER.hash(password)


def _verify(password_hash: str, password: str) -> bool:
    try:
        return _HASHER.verify(password_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


async def hash_password(password: str) -> str:
    """argon2id hash of `password`, computed off the event loop."""
    return await asyncio.to_thread(_hash, password)


async def verify_password(password_hash: str | None, password: str) -> bool:
    """Constant-work check: an absent hash is verified against `DUMMY_HASH` and always fails."""
    if password_hash is None:
        await asyncio.to_thread(_verify, DUMMY_HASH, password)
        return False
    return await asyncio.to_thread(_verify, password_hash, password)


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
