"""prompt names unique ignoring case; emails in their NFKC case-folded form

Revision ID: c4e1a7d2f903
Revises: b9c5594eb710
Create Date: 2026-12-02 15:30:00

Two changes of #14 item 7:
- `uq_prompt_workspace_lower_name`: a prompt name is unique in its workspace whatever its case. When a workspace
  already holds names that differ only in case, the upgrade stops and lists them (rename one of each pair,
  then run it again) rather than renaming prompts that consumers resolve by name.
- `user_account.email` is rewritten to the form `app.lib.emails.normalize_email` now gives (NFKC, then
  case-folded). Addresses that would collide after the rewrite stop the upgrade the same way.
"""

from __future__ import annotations

import unicodedata

import sqlalchemy as sa
from alembic import op

revision = "c4e1a7d2f903"
down_revision = "b9c5594eb710"
branch_labels = None
depends_on = None


def _normalize_email(email: str) -> str:
    # Frozen copy of app.lib.emails.normalize_email at this revision (a migration must not change with the app).
    return unicodedata.normalize("NFKC", email.strip()).casefold()


def upgrade() -> None:
    bind = op.get_bind()
    # Grouped here, not in SQL: the same migration runs on PostgreSQL and on SQLite (embedded mode).
    names: dict[tuple[str, str], list[str]] = {}
    for row in bind.execute(sa.text("SELECT workspace_id, name FROM prompt")).all():
        names.setdefault((str(row.workspace_id), row.name.lower()), []).append(row.name)
    duplicates = {key: sorted(found) for key, found in names.items() if len(found) > 1}
    if duplicates:
        listing = "; ".join(f"workspace {key[0]}: {', '.join(found)}" for key, found in sorted(duplicates.items()))
        raise RuntimeError(f"prompt names that differ only in case; rename one of each, then upgrade: {listing}")
    op.create_index(
        "uq_prompt_workspace_lower_name", "prompt", ["workspace_id", sa.text("lower(name)")], unique=True
    )

    rows = bind.execute(sa.text("SELECT id, email FROM user_account")).all()
    targets: dict[str, list[str]] = {}
    for row in rows:
        targets.setdefault(_normalize_email(row.email), []).append(row.email)
    clashes = {target: emails for target, emails in targets.items() if len(emails) > 1}
    if clashes:
        listing = "; ".join(", ".join(emails) for emails in clashes.values())
        raise RuntimeError(f"accounts whose emails become the same once normalised; merge or change them: {listing}")
    for row in rows:
        normalized = _normalize_email(row.email)
        if normalized != row.email:
            bind.execute(
                sa.text("UPDATE user_account SET email = :email WHERE id = :id"), {"email": normalized, "id": row.id}
            )


def downgrade() -> None:
    # Normalised emails stay as they are: the earlier form (lower-cased) is not recoverable, and still valid.
    op.drop_index("uq_prompt_workspace_lower_name", table_name="prompt")
