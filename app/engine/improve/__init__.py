"""Improve an existing prompt: keep the author's words, re-section them, and add what the linter finds missing."""

from app.engine.improve._core import improve
from app.engine.improve._model import Change, ChangeKind, ImproveResult

__all__ = ["Change", "ChangeKind", "ImproveResult", "improve"]
