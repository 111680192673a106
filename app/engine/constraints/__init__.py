"""Typed constraints read from a brief (see `model`)."""

from __future__ import annotations

from app.engine.constraints.model import BriefSpan, Constraint, ConstraintKind, FallbackAction, LimitUnit

__all__ = ["BriefSpan", "Constraint", "ConstraintKind", "FallbackAction", "LimitUnit"]
