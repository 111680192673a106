"""Optional LLM refinement: the provider clients, the meta-prompt, and the one shared HTTP client.

`LLMRuntime` owns a single `httpx.AsyncClient` for the whole app, created on first use and closed at
shutdown by `llm_lifespan`; `ApplicationCore` builds the runtime with the app's other services. No client is
ever created when no provider is configured, and httpx and the provider clients (`client`) are not even
imported then: about 2 MB of every worker's memory for a feature most deployments leave off.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING, Any

from litestar import Litestar

from app.config.settings import Settings
from app.domain.generation.llm.types import ChatProvider, Completion, LLMError, LLMTimeoutError
from app.lib.services import services_of

if TYPE_CHECKING:
    import httpx

    from app.domain.generation.llm.client import AnthropicChatProvider, OpenAIChatProvider, create_provider

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


_FROM_CLIENT = frozenset({"AnthropicChatProvider", "OpenAIChatProvider", "create_provider"})


def __getattr__(name: str) -> Any:
    """The provider classes, imported from `client` (and so httpx) on first access only."""
    if name in _FROM_CLIENT:
        from app.domain.generation.llm import client

        return getattr(client, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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
            import httpx

            from app.domain.generation.llm.client import create_provider

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
