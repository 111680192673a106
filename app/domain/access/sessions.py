"""Server-side sessions for people, kept in the `sessions` store (Redis, or memory on the embedded default).

The cookie holds only a random id. The stored record holds the user id, the CSRF token, the issue time and the
absolute expiry. Idle expiry is the store TTL, renewed on each read in the same round trip (a GET-and-EXPIRE
script on Redis). A new id is generated at every login, never taken from the client (no session fixation).
A password change stamps `User.password_changed_at`; sessions issued before it are refused and deleted.
Store errors (Redis down) propagate and become a 503 problem.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import msgspec
from litestar.datastructures import Cookie
from litestar.stores.base import Store

from app.config.settings import Settings
from app.domain.access.secrets import new_token

SESSION_COOKIE = "promptsmith_session"
CSRF_HEADER = "X-CSRF-Token"


class SessionRecord(msgspec.Struct, frozen=True):
    """What the store holds for one session id."""

    user_id: str
    csrf: str
    issued_at: float
    expires_at: float


@dataclass(frozen=True, slots=True)
class Session:
    """A live session: its id and record."""

    id: str
    record: SessionRecord


class SessionManager:
    """Create, load, refresh and delete sessions; build the cookie that carries the id."""

    def __init__(self, store: Store, settings: Settings) -> None:
        self.store = store
        self.max_age = settings.session_max_age
        self.idle = min(settings.session_idle_timeout, settings.session_max_age)
        self.secure = settings.cookie_secure

    async def create(self, user_id: str, *, issued_at: float | None = None) -> Session:
        """A brand-new session with a fresh id and CSRF token."""
        now = time.time() if issued_at is None else issued_at
        record = SessionRecord(user_id=user_id, csrf=new_token(), issued_at=now, expires_at=now + self.max_age)
        session = Session(id=new_token(), record=record)
        await self._save(session)
        return session

    async def _save(self, session: Session) -> None:
        remaining = max(1, int(session.record.expires_at - time.time()))
        await self.store.set(session.id, msgspec.json.encode(session.record), expires_in=min(self.idle, remaining))

    async def load(self, session_id: str) -> Session | None:
        """The session for `session_id` (renewing its idle expiry), or None when unknown or expired."""
        if not session_id or len(session_id) > 128:
            return None
        raw = await self.store.get(session_id, renew_for=self.idle)
        if raw is None:
            return None
        try:
            record = msgspec.json.decode(raw, type=SessionRecord)
        except msgspec.DecodeError:
            await self.store.delete(session_id)
            return None
        if record.expires_at <= time.time():
            await self.store.delete(session_id)
            return None
        return Session(id=session_id, record=record)

    async def reissue(self, session: Session, *, issued_at: float) -> Session:
        """Keep the id and CSRF token but move the issue time (after this user's password change)."""
        updated = Session(id=session.id, record=msgspec.structs.replace(session.record, issued_at=issued_at))
        await self._save(updated)
        return updated

    async def delete(self, session_id: str) -> None:
        await self.store.delete(session_id)

    def cookie(self, session: Session) -> Cookie:
        """The HttpOnly, SameSite=Lax cookie carrying the session id (Secure outside development)."""
        return Cookie(
            key=SESSION_COOKIE,
            value=session.id,
            max_age=self.max_age,
            path="/",
            httponly=True,
            secure=self.secure,
            samesite="lax",
        )

    def clear_cookie(self) -> Cookie:
        return Cookie(
            key=SESSION_COOKIE, value="", max_age=0, path="/", httponly=True, secure=self.secure, samesite="lax"
        )
