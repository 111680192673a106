"""The product app plus one slow handler, served by uvicorn the way `app/server/cli.py` serves it.

`python -m tests.integration.faults.slow_app PORT` reads settings from the environment (like `python -m app
serve`) and runs uvicorn with the same bounded graceful shutdown. The slow route exists only here, never in
the product's route table.
"""

from __future__ import annotations

import sys

import uvicorn
from litestar import Litestar

from app.config.settings import get_settings
from app.server.asgi import create_app
from tests.integration.faults._probe import db_probe, slow


def create_slow_app() -> Litestar:
    app = create_app()
    app.register(slow)
    app.register(db_probe)
    return app


def main() -> None:
    settings = get_settings()
    port = int(sys.argv[1])
    # Keep in step with app/server/cli.py `serve` (same shutdown bound, keep-alive and logging flags).
    uvicorn.run(
        "tests.integration.faults.slow_app:create_slow_app",
        factory=True,
        host="127.0.0.1",
        port=port,
        workers=1,
        timeout_graceful_shutdown=int(settings.shutdown_timeout),
        timeout_keep_alive=5,
        access_log=False,
        log_config=None,
        proxy_headers=True,
        server_header=False,
        lifespan="on",
    )


if __name__ == "__main__":
    main()
