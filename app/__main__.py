"""`python -m app`: the Litestar CLI with the app preset, plus the engine's offline commands.

`python -m app lint FILE...`, `generate` and `tokens` run the generation engine without starting (or
configuring) the web application; everything else is the Litestar CLI (`serve`, `run`, `database ...`).
"""

from __future__ import annotations

import os
import sys

ENGINE_COMMANDS = frozenset({"lint", "generate", "tokens"})


def main() -> None:
    """Dispatch to the engine CLI or the Litestar CLI."""
    args = sys.argv[1:]
    if args and args[0] in ENGINE_COMMANDS:
        from app.engine.cli import main as engine_main

        sys.exit(engine_main(args))

    from app.config.settings import SettingsError, get_settings
    from app.server.lifespan import StartupError

    try:
        get_settings()
    except SettingsError as err:
        print(f"promptsmith: invalid configuration: {err}", file=sys.stderr)  # noqa: T201
        sys.exit(2)
    os.environ.setdefault("LITESTAR_APP", "app.server.asgi:create_app")
    from litestar.cli.main import litestar_group

    try:
        litestar_group(standalone_mode=True)
    except StartupError as err:
        print(f"promptsmith: cannot start: {err}", file=sys.stderr)  # noqa: T201
        sys.exit(3)


if __name__ == "__main__":
    main()
