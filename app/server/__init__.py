"""Application wiring: the app factory and its one init plugin.

Advanced Alchemy's Litestar extension imports Alembic, whose template engine (Mako) loads Pygments on import to
colour the HTML error pages it can render: 5 MB per process that neither the server nor the migration commands
ever use (Alembic renders plain-text errors). Mako falls back to plain escaping when its Pygments plugin cannot be
imported, so it is marked as unavailable here, before anything imports Mako.
"""

import sys

sys.modules.setdefault("mako.ext.pygmentplugin", None)  # type: ignore[arg-type]
