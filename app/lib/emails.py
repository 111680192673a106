"""The one stored form of an email address, shared by identity (login, register) and workspaces (invites)."""

from __future__ import annotations


def normalize_email(email: str) -> str:
    """Trimmed and lower-cased: the one form stored and compared."""
    return email.strip().lower()
