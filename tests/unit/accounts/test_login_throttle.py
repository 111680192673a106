"""The login throttle counts per (account, address) pair plus per address: no per-account lockout (#14 item 5)."""

from __future__ import annotations

from app.domain.access.throttle import LoginThrottle
from tests.conftest import make_settings


def _throttle() -> LoginThrottle:
    settings = make_settings(LOGIN_MAX_FAILURES_PER_ACCOUNT=3, LOGIN_MAX_FAILURES_PER_ADDRESS=10)
    return LoginThrottle(None, settings)  # the in-memory counters: same rule as Redis


async def test_failures_from_one_address_do_not_lock_the_account_elsewhere() -> None:
    throttle = _throttle()
    for _ in range(3):
        await throttle.record_failure("ada@example.com", "203.0.113.9")
    assert await throttle.retry_after("ada@example.com", "203.0.113.9") is not None
    assert await throttle.retry_after("ada@example.com", "198.51.100.7") is None
    assert await throttle.retry_after("bob@example.com", "203.0.113.9") is None


async def test_one_address_trying_many_accounts_meets_the_address_limit() -> None:
    throttle = _throttle()
    for i in range(10):
        await throttle.record_failure(f"user{i}@example.com", "203.0.113.9")
    assert await throttle.retry_after("someone-new@example.com", "203.0.113.9") is not None
    assert await throttle.retry_after("someone-new@example.com", "198.51.100.7") is None


async def test_a_success_clears_only_its_own_pair() -> None:
    throttle = _throttle()
    for address in ("203.0.113.9", "198.51.100.7"):
        for _ in range(3):
            await throttle.record_failure("ada@example.com", address)
    await throttle.clear_account("ada@example.com", "198.51.100.7")
    assert await throttle.retry_after("ada@example.com", "198.51.100.7") is None
    assert await throttle.retry_after("ada@example.com", "203.0.113.9") is not None
