"""What the LLM refinement needs to know of a provider, without its HTTP client (`client`, which imports httpx:
loaded only when a provider is configured and first used, so a server without one never imports it)."""

from __future__ import annotations

from typing import Literal, Protocol

import msgspec

ProviderName = Literal["openai", "anthropic"]


class LLMError(Exception):
    """A provider call failed. `reason` is short, client-safe text (no URL, no key, no response body)."""

    def __init__(self, reason: str, *, status: int | None = None, attempts: int = 1) -> None:
        super().__init__(reason)
        self.reason = reason
        self.status = status
        self.attempts = attempts


class LLMTimeoutError(LLMError):
    """The provider did not answer within the timeout."""


class Completion(msgspec.Struct, kw_only=True, frozen=True):
    """The text of one answer and how it was obtained."""

    text: str
    provider: ProviderName
    model: str
    attempts: int
    truncated: bool = False
    """True when the model stopped at the output token limit."""


class ChatProvider(Protocol):
    """What the refinement needs from a model: one system + user exchange, answered with text."""

    @property
    def name(self) -> ProviderName: ...

    @property
    def model(self) -> str: ...

    async def complete(self, system: str, user: str) -> Completion: ...
