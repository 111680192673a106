"""The `promptsmith` command line: engine commands (offline), registry sync, and the server commands.

The CLI is its own layer: the engine commands import only the engine, the registry commands only httpx,
and the server commands (Litestar, SQLAlchemy) are imported when one of them is invoked.
"""
