"""Immutable snapshots of ORM rows, for the in-process caches (API keys, workspaces).

A snapshot declares the columns it keeps once, as dataclass fields named like the row's attributes; `snapshot_of`
and `columns_of` copy by those names, so a snapshot never repeats its column list in a constructor call.
"""

from __future__ import annotations

from dataclasses import fields
from typing import Any, TypeVar

T = TypeVar("T")


def snapshot_of(snapshot_type: type[T], row: object, **converted: Any) -> T:
    """A `snapshot_type` (a dataclass) with each field read from `row`'s attribute of the same name; `converted`
    gives the fields that need another shape (a list kept as a tuple...)."""
    values = {f.name: getattr(row, f.name) for f in fields(snapshot_type) if f.name not in converted}  # type: ignore[arg-type]
    return snapshot_type(**values, **converted)


def columns_of(snapshot: object, **converted: Any) -> dict[str, Any]:
    """The snapshot's fields by name (to build a row again), `converted` replacing those that need another shape."""
    values = {f.name: getattr(snapshot, f.name) for f in fields(snapshot)}  # type: ignore[arg-type]
    return values | converted
