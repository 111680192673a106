"""Base classes for the msgspec DTO layer."""

from __future__ import annotations

import msgspec


class CamelizedBaseStruct(msgspec.Struct, rename="camel"):
    """Base for response DTOs: camelCase on the wire."""


class RequestStruct(msgspec.Struct, rename="camel", forbid_unknown_fields=True):
    """Base for request bodies: camelCase on the wire, unknown fields are a 400, not silently dropped."""


class Message(CamelizedBaseStruct):
    """A plain confirmation message."""

    message: str
