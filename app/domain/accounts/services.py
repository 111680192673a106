"""Account rules: registration, login (throttled, audited, enumeration-safe), logout, password change."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from uuid import UUID

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import User, Workspace, WorkspaceMember
from app.domain.access.context import Actor, Caller
from app.domain.access.permissions import Role
from app.domain.access.runtime import AccessRuntime
from app.domain.access.sessions import Session
from app.domain.accounts.passwords import hash_password, verify_password
from app.domain.accounts.schemas import LoginRequest, PasswordChangeRequest, RegisterRequest
from app.domain.audit.services import record_event
from app.domain.workspaces.services import WorkspaceService
from app.lib.emails import mixed_script_part, normalize_email
from app.lib.errors import AuthenticationError, ConflictError, RateLimitedError, ValidationFailedError

INVALID_LOGIN = "Invalid email or password."


def user_actor(user: User) -> Actor:
    return Actor(type="user", id=user.id, label=user.email)


_NOBODY = UUID(int=0)
"""A user id no account has: what the personal-workspace lookup runs with for an unknown email."""


class AccountService:
    """Accounts and their sessions: the request's database session and the app's access runtime (throttles,
    sessions). It flushes; the request boundary commits (the one exception, a failed login's audit event, says
    why)."""

    def __init__(self, session: AsyncSession, access: AccessRuntime) -> None:
        self.session = session
        self.access = access

    async def personal_workspace(self, user_id: UUID) -> Workspace | None:
        """The workspace created for the user at registration (where their login events go)."""
        return (
            await self.session.execute(
                select(Workspace)
                .join(WorkspaceMember, WorkspaceMember.workspace_id == Workspace.id)
                .where(
                    WorkspaceMember.user_id == user_id,
                    Workspace.is_personal.is_(True),
                    WorkspaceMember.role == Role.OWNER.value,
                )
                .order_by(Workspace.created_at)
                .limit(1)
            )
        ).scalar_one_or_none()

    async def check_register_throttle(self, email: str, address: str) -> None:
        """429 when this address (or this address with this email) is past the limits of conflicting registrations."""
        wait = await self.access.register_throttle.retry_after(normalize_email(email), address)
        if wait is not None:
            raise RateLimitedError("Too many attempts; try again later.", headers={"Retry-After": str(wait)})

    async def record_register_conflict(self, email: str, address: str) -> None:
        """Count a 409 against the address like a failed login, so that probing many emails meets the per-address
        limit (429) as quickly as login does."""
        await self.access.register_throttle.record_failure(normalize_email(email), address)

    async def register(self, data: RegisterRequest, *, request_id: str, address: str) -> tuple[User, Workspace]:
        """Create the user and their personal workspace. 409 when the email is taken (in its normalised form)."""
        if mixed_script_part(data.email) is not None:
            raise ValidationFailedError(
                "The email address mixes Latin, Greek or Cyrillic letters in one part; such addresses imitate others.",
                extra={"errors": [{"field": "email", "source": "body", "message": "mixes Latin, Greek or Cyrillic"}]},
            )
        email = normalize_email(data.email)
        if (await self.session.execute(select(User.id).where(User.email == email))).first() is not None:
            raise ConflictError("An account with this email already exists.")
        user = User(
            email=email,
            display_name=data.display_name.strip(),
            password_hash=await hash_password(data.password),
            is_active=True,
            password_changed_at=datetime.now(UTC),
        )
        self.session.add(user)
        try:
            await self.session.flush()
        except IntegrityError:  # a concurrent registration won the race
            raise ConflictError("An account with this email already exists.") from None
        workspace = await WorkspaceService(self.session).create(user, f"{user.display_name}'s workspace", personal=True)
        await record_event(
            self.session,
            workspace_id=workspace.id,
            actor=user_actor(user),
            action="user.registered",
            target_type="user",
            target_id=str(user.id),
            target_label=email,
            request_id=request_id,
            client_address=address,
        )
        return user, workspace

    async def login(self, data: LoginRequest, *, request_id: str, address: str) -> tuple[User, Workspace | None]:
        """Check throttles, then the password (a dummy hash for unknown emails); audit the outcome."""
        email = normalize_email(data.email)
        wait = await self.access.throttle.retry_after(email, address)
        if wait is not None:
            raise RateLimitedError(
                "Too many failed login attempts; try again later.", headers={"Retry-After": str(wait)}
            )
        user = (await self.session.execute(select(User).where(User.email == email))).scalar_one_or_none()
        valid = await verify_password(user.password_hash if user is not None else None, data.password)
        # The same query for an unknown email (an id that matches nothing): a known email must not cost an extra
        # round trip, or the response time tells who has an account (tests/integration/accounts/test_enumeration.py).
        workspace = await self.personal_workspace(user.id if user is not None else _NOBODY)
        if not valid or user is None or not user.is_active:
            await self.access.throttle.record_failure(email, address)
            actor = user_actor(user) if user is not None else Actor(type="anonymous", id=None, label=email)
            await record_event(
                self.session,
                workspace_id=workspace.id if workspace else None,
                actor=actor,
                action="login.failed",
                target_type="user",
                target_id=str(user.id) if user else "",
                target_label=email,
                request_id=request_id,
                client_address=address,
            )
            # A commit in a service (an exception to "the request boundary commits"): the response is an error,
            # rolled back by the request transaction, but the event must stay.
            await self.session.commit()
            raise AuthenticationError(INVALID_LOGIN)
        await self.access.throttle.clear_account(email, address)
        await record_event(
            self.session,
            workspace_id=workspace.id if workspace else None,
            actor=user_actor(user),
            action="login.succeeded",
            target_type="user",
            target_id=str(user.id),
            target_label=email,
            request_id=request_id,
            client_address=address,
        )
        return user, workspace

    async def start_session(self, user: User, previous_session_id: str | None) -> Session:
        """Always a new id: a session id the client brought is discarded, never promoted (no fixation)."""
        if previous_session_id:
            await self.access.sessions.delete(previous_session_id)
        return await self.access.sessions.create(str(user.id))

    async def change_password(
        self,
        caller: Caller,
        data: PasswordChangeRequest,
        *,
        request_id: str,
        address: str,
    ) -> None:
        """Replace the password and end every other session of the user; the current one stays valid."""
        user = caller.user
        assert user is not None
        if not await verify_password(user.password_hash, data.current_password):
            raise ValidationFailedError(
                "The current password is incorrect.",
                extra={"errors": [{"field": "currentPassword", "source": "body", "message": "incorrect password"}]},
            )
        user.password_hash = await hash_password(data.new_password)
        changed_at = datetime.now(UTC)
        user.password_changed_at = changed_at
        self.session.add(user)
        await self.session.flush()
        if caller.session_id is not None:
            current = await self.access.sessions.load(caller.session_id)
            if current is not None:
                await self.access.sessions.reissue(current, issued_at=max(time.time(), changed_at.timestamp()) + 1e-3)
        workspace = await self.personal_workspace(user.id)
        await record_event(
            self.session,
            workspace_id=workspace.id if workspace else None,
            actor=user_actor(user),
            action="user.password_changed",
            target_type="user",
            target_id=str(user.id),
            target_label=user.email,
            request_id=request_id,
            client_address=address,
        )
