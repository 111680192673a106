"""`python -m app`: an alias of the `promptsmith` console script (see app/cli)."""

from __future__ import annotations

from app.cli.main import main

if __name__ == "__main__":
    main()
