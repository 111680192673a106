"""Prompt documents to and from the registry's version JSON, and the content hash that decides what changed."""

from __future__ import annotations

import hashlib
from typing import Any

import msgspec

from app.engine.formats import PromptDocument
from app.engine.formats.registry import (
    MAX_TOKENS_KEYS,
    STORED_CONFIG_KEYS,
    document_from_version,
    model_config,
    not_stored,
)
from app.engine.types import ChatMessage, Variable

__all__ = [
    "MAX_TOKENS_KEYS",
    "STORED_CONFIG_KEYS",
    "document_from_version",
    "document_hash",
    "model_config",
    "not_stored",
    "version_body",
    "version_hash",
]


def version_body(doc: PromptDocument, labels: list[str], commit_message: str) -> dict[str, Any]:
    """The JSON body of `POST .../versions`."""
    body: dict[str, Any] = {
        "variables": msgspec.to_builtins(doc.variables),
        "modelConfig": model_config(doc),
        "commitMessage": commit_message,
        "labels": labels,
    }
    if doc.kind == "chat":
        body["messages"] = msgspec.to_builtins(doc.messages)
    else:
        body["text"] = doc.text
    return body


def _canonical(
    kind: str, text: str | None, messages: Any, variables: Any, config: dict[str, Any], with_variables: bool
) -> bytes:
    normal_messages = [msgspec.to_builtins(msgspec.convert(m, ChatMessage)) for m in messages or []]
    normal_variables = [msgspec.to_builtins(msgspec.convert(v, Variable)) for v in variables or []]
    payload = {
        "kind": kind,
        "text": (text or "").strip() if kind == "text" else None,
        "messages": normal_messages if kind == "chat" else None,
        "variables": normal_variables if with_variables else None,
        "modelConfig": {k: v for k, v in config.items() if v is not None},
    }
    return msgspec.json.encode(payload, order="sorted")


def document_hash(doc: PromptDocument, *, with_variables: bool = True) -> str:
    """SHA-256 of what makes a version behave differently: kind, text or messages, variables, model config."""
    canonical = _canonical(
        doc.kind,
        doc.text,
        msgspec.to_builtins(doc.messages),
        msgspec.to_builtins(doc.variables),
        model_config(doc),
        with_variables,
    )
    return hashlib.sha256(canonical).hexdigest()


def version_hash(version: dict[str, Any], *, with_variables: bool = True) -> str:
    """The same hash for a version as the API returns it."""
    canonical = _canonical(
        version.get("kind", "text"),
        version.get("text"),
        version.get("messages"),
        version.get("variables"),
        dict(version.get("modelConfig") or {}),
        with_variables,
    )
    return hashlib.sha256(canonical).hexdigest()
