"""Every feature's route handlers, in one list that `ApplicationCore` registers."""

from __future__ import annotations

from typing import Any

from app.domain.system.controllers import HealthController

ROUTE_HANDLERS: list[Any] = [
    HealthController,
]
