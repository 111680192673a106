"""Prompt documents to and from the registry's version shape (`modelConfig`, variables, text or messages).

One mapping for every caller: the REST import and export (app/domain/prompts) and `promptsmith sync`
(app/cli) read and write files through it, so a file means the same version on both paths. Pure.
"""

from __future__ import annotations

from typing import Any

import msgspec

from app.engine.formats.document import PromptDocument, PromptKind
from app.engine.placeholders import proposals
from app.engine.types import ChatMessage, Variable

MAX_TOKENS_KEYS = ("maxTokens", "maxOutputTokens", "max_tokens", "max_output_tokens")
STORED_CONFIG_KEYS = frozenset({"provider", "temperature", *MAX_TOKENS_KEYS})


def model_config(doc: PromptDocument) -> dict[str, Any]:
    """The version's `modelConfig` (provider, model, temperature, maxTokens, tools, responseSchema)."""
    config: dict[str, Any] = {}
    if isinstance(doc.config.get("provider"), str):
        config["provider"] = doc.config["provider"]
    if doc.model is not None:
        config["model"] = doc.model
    if isinstance(doc.config.get("temperature"), int | float) and not isinstance(doc.config["temperature"], bool):
        config["temperature"] = doc.config["temperature"]
    max_tokens = next((doc.config[k] for k in MAX_TOKENS_KEYS if isinstance(doc.config.get(k), int)), None)
    if max_tokens is not None:
        config["maxTokens"] = max_tokens
    if doc.tools:
        config["tools"] = doc.tools
    if doc.output_schema is not None:
        config["responseSchema"] = doc.output_schema
    return config


def not_stored(doc: PromptDocument) -> list[str]:
    """What the registry does not keep of a document (reported in the plan, never silently dropped)."""
    lost = [f"config.{key}" for key in doc.config if key not in STORED_CONFIG_KEYS]
    lost += doc.unmapped
    if doc.metadata:
        lost.append("metadata")
    if doc.output_format is not None and not (doc.output_format == "json" and doc.output_schema is not None):
        lost.append(f"output format '{doc.output_format}'")
    texts = [doc.text] if doc.kind == "text" else [m.content for m in doc.messages]
    for text in texts:
        for p in proposals(text):
            hint = f"; write {p.suggestion} to make it a variable" if p.suggestion else ""
            lost.append(f"placeholder {p.raw} ({p.dialect} syntax) is not substituted{hint}")
    return lost


def document_from_version(prompt: dict[str, Any], version: dict[str, Any]) -> PromptDocument:
    """A registry version (with its prompt's description, tags and labels) as a document to write to a file."""
    config_in = dict(version.get("modelConfig") or {})
    config: dict[str, Any] = {}
    for key in ("provider", "temperature", "maxTokens"):
        if config_in.get(key) is not None:
            config[key] = config_in[key]
    kind: PromptKind = "chat" if version.get("kind") == "chat" else "text"
    schema = config_in.get("responseSchema")
    return PromptDocument(
        name=str(prompt["name"]),
        kind=kind,
        text=(version.get("text") or "").strip() if kind == "text" else "",
        messages=[msgspec.convert(m, ChatMessage) for m in version.get("messages") or []] if kind == "chat" else [],
        variables=[msgspec.convert(v, Variable) for v in version.get("variables") or []],
        model=config_in.get("model"),
        config=config,
        tools=list(config_in.get("tools") or []),
        output_schema=schema if isinstance(schema, dict) else None,
        output_format="json" if isinstance(schema, dict) else None,
        description=prompt.get("description") or None,
        tags=list(prompt.get("tags") or []),
    )
