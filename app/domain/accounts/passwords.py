"""Password hashing (argon2id). API-key material is in `app.domain.access.secrets`.

Hashing runs in a worker thread: one argon2id verification at OWASP's parameters costs ~25 ms of CPU, which
would otherwise stall every other request on the event loop.
"""

from __future__ import annotations

import asyncio
import secrets

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

# OWASP Password Storage Cheat Sheet: argon2id, m=19 MiB, t=2, p=1.
_HASHER = PasswordHasher(time_cost=2, memory_cost=19_456, parallelism=1, hash_len=32, salt_len=16, type=Type.ID)
# Verified against when the email is unknown, so that the response time does not reveal whether it exists.
DUMMY_HASH = _HASHER.hash(secrets.token_urlsafe(16))


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
