"""Optional LLM refinement: the provider clients, the meta-prompt, and the one shared HTTP client.

`LLMRuntime` owns a single `httpx.AsyncClient` for the whole app, created on first use and closed at
shutdown by `llm_lifespan`; `ApplicationCore` builds the runtime with the app's other services. No client is
ever created when no provider is configured.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx
from litestar import Litestar

from app.config.settings import Settings
from app.domain.generation.llm.client import (
    AnthropicChatProvider,
    ChatProvider,
    Completion,
    LLMError,
    LLMTimeoutError,
    OpenAIChatProvider,
    create_provider,
)
from app.lib.services import services_of

__all__ = [
    "AnthropicChatProvider",
    "ChatProvider",
    "Completion",
    "LLMError",
    "LLMRuntime",
    "LLMTimeoutError",
    "OpenAIChatProvider",
    "create_provider",
    "llm_lifespan",
]


class LLMRuntime:
    """The configured provider (if any) over one lazily created, shared `httpx.AsyncClient`."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._http: httpx.AsyncClient | None = None
        self._provider: ChatProvider | None = None

    @property
    def configured(self) -> bool:
        return self.settings.llm_provider != "none"

    def provider(self) -> ChatProvider | None:
        """The provider, creating the HTTP client on first use; None when no provider is configured."""
        if not self.configured:
            return None
        if self._provider is None:
            timeout = self.settings.llm_timeout
            self._http = httpx.AsyncClient(
                timeout=httpx.Timeout(timeout, connect=min(timeout, 5.0)),
                limits=httpx.Limits(max_connections=20, max_keepalive_connections=10),
                follow_redirects=False,
            )
            self._provider = create_provider(self.settings, self._http)
        return self._provider

    async def aclose(self) -> None:
        if self._http is not None:
            await self._http.aclose()
        self._http = None
        self._provider = None


@asynccontextmanager
async def llm_lifespan(app: Litestar) -> AsyncIterator[None]:
    """Close the app's LLM HTTP client (if one was opened) at shutdown."""
    runtime = services_of(app).get(LLMRuntime)
    try:
        yield
    finally:
        await runtime.aclose()
