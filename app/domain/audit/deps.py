"""Dependencies of the audit controllers (the API's and the console's): reads of the audit log."""

from __future__ import annotations

from litestar.di import NamedDependency, Provide
from sqlalchemy.ext.asyncio import AsyncSession

from app.domain.audit.services import AuditEventService


def provide_audit_events(db_session: NamedDependency[AsyncSession]) -> AuditEventService:
    """Dependency `audit_events`: reads of the audit log on the request's session."""
    return AuditEventService(session=db_session)


AUDIT_DEPENDENCIES = {"audit_events": Provide(provide_audit_events, sync_to_thread=False)}
