"""The head revision is read from the migration scripts' syntax trees (no Alembic in the server); it must be the one
Alembic itself finds, on the real migrations and on histories with branches and merges."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.script import ScriptDirectory

from app.config.database import MIGRATIONS_DIR, migration_head, migration_heads


def _alembic_heads(script_location: Path) -> list[str]:
    return sorted(ScriptDirectory(str(script_location)).get_heads())


def test_the_head_is_alembics_on_the_real_migrations() -> None:
    assert migration_heads(MIGRATIONS_DIR / "versions") == _alembic_heads(MIGRATIONS_DIR)
    assert migration_head() == ScriptDirectory(str(MIGRATIONS_DIR)).get_current_head()


def _script(revision: str, down: str, *, annotated: bool = False) -> str:
    if annotated:
        return f'"""A step."""\nrevision: str = "{revision}"\ndown_revision: str | tuple[str, ...] | None = {down}\n'
    # Only the module-level assignments count: not the ones inside a function, nor a name merely read.
    return (
        f"import sqlalchemy\n\nrevision = '{revision}'  # id\ndown_revision = {down}\nbranch_labels = None\n"
        "\n\ndef upgrade() -> None:\n    revision = 'not-this-one'\n    print(revision)\n\n\nlabel = revision\n"
    )


HISTORIES = {
    "linear": {"a1": "None", "b2": "'a1'", "c3": "'b2'"},
    "two heads": {"a1": "None", "b2": "'a1'", "c3": "'a1'"},
    "merged": {"a1": "None", "b2": "'a1'", "c3": "'a1'", "d4": "(\n    'b2',\n    'c3',\n)"},
    "two roots": {"a1": "None", "b2": "None", "c3": "['a1', 'b2']"},
}


@pytest.mark.parametrize("annotated", [False, True], ids=["plain", "annotated"])
@pytest.mark.parametrize("history", list(HISTORIES))
def test_the_heads_are_alembics_on_branches_and_merges(tmp_path: Path, history: str, annotated: bool) -> None:
    versions = tmp_path / "versions"
    versions.mkdir()
    for revision, down in HISTORIES[history].items():
        (versions / f"{revision}_step.py").write_text(_script(revision, down, annotated=annotated))
    (versions / "__init__.py").write_text("")  # not a revision, for Alembic either
    assert migration_heads(versions) == _alembic_heads(tmp_path)


def test_a_script_without_a_revision_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "broken.py").write_text("down_revision = None\n")
    with pytest.raises(RuntimeError, match=r"broken\.py"):
        migration_heads(tmp_path)
