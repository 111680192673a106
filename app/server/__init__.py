"""Application wiring: the app factory and its one init plugin.

Two optional imports of libraries are marked unavailable here, before anything imports them, because they cost
memory in every process and nothing in it uses them:

* Alembic, imported when migrations run (the `database` commands, or AUTO_MIGRATE at start-up), imports its template
  engine (Mako), which loads Pygments on import to colour the HTML error pages it can render: 5 MB per process that
  the migrations never use (Alembic renders plain-text errors). Mako falls back to plain escaping when its Pygments
  plugin cannot be imported.
* redis-py 8 imports OpenTelemetry's metrics SDK at import, when the `otel` extra is installed, for its optional
  OTel metrics (off unless configured; 1 MB). This app exports metrics through Prometheus (`app.lib.metrics`) and
  uses OpenTelemetry for traces only (`app.lib.tracing`), which never need the metrics SDK; redis-py then reports
  OTel metrics as unavailable, exactly as without the extra.
"""

import sys

sys.modules.setdefault("mako.ext.pygmentplugin", None)  # type: ignore[arg-type]
sys.modules.setdefault("opentelemetry.sdk.metrics", None)  # type: ignore[arg-type]
