"""Health responses in the `application/health+json` shape (draft-inadarei-api-health-check)."""

from __future__ import annotations

from typing import Literal

import msgspec

HealthStatus = Literal["pass", "warn", "fail"]


class HealthCheck(msgspec.Struct, rename="camel", omit_defaults=True):
    """One component's check result."""

    status: HealthStatus
    component_type: str
    observed_value: float | None = None
    observed_unit: str | None = None
    output: str | None = None
    """A short, client-safe failure reason (an error class, never a message with internals)."""


class Health(msgspec.Struct, rename="camel", omit_defaults=True):
    status: HealthStatus
    service_id: str = "promptsmith"
    description: str | None = None
    checks: dict[str, list[HealthCheck]] | None = None
