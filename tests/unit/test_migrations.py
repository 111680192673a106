"""The migration history is one line: branches merged in parallel must not leave two heads."""

from __future__ import annotations

from alembic.config import Config
from alembic.script import ScriptDirectory

from app.config.database import MIGRATIONS_DIR


def test_the_migrations_have_exactly_one_head() -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    heads = ScriptDirectory.from_config(config).get_heads()
    assert len(heads) == 1, f"several heads {heads}: point the newer migration's down_revision at the other"
