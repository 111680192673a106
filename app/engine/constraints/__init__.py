"""Typed constraints read from a brief (see `model`), and the extraction pipeline that reads them (`extract`)."""

from __future__ import annotations

from app.engine.constraints.extract import extract_constraints
from app.engine.constraints.model import BriefSpan, Constraint, ConstraintKind, FallbackAction, LimitUnit

__all__ = ["BriefSpan", "Constraint", "ConstraintKind", "FallbackAction", "LimitUnit", "extract_constraints"]
