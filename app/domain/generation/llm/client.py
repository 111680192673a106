"""Chat-model providers for the optional LLM refinement: OpenAI-compatible chat completions and Anthropic Messages.

One `ChatProvider.complete(system, user)` call sends one system + one user message and returns the text of
the answer. Both implementations share the HTTP behaviour:

- Timeouts: every attempt is bounded by `timeout` seconds end to end (httpx's connect/read/write/pool
  timeouts plus an `asyncio.timeout` around the whole attempt, so a server trickling bytes cannot hold it).
- Retries: at most `max_retries` extra attempts, only for failures that a retry can fix: connection errors,
  429 and 5xx (incl. Anthropic's 529 "overloaded"). Backoff doubles from `backoff` seconds, with jitter,
  capped at `MAX_BACKOFF`; a `Retry-After` header (seconds) wins when present, under the same cap. A timed
  out attempt is not retried: it already used the whole budget, and retrying would only double the wait.
- Secrets: the API key is only ever put in a request header (`Authorization: Bearer` or `x-api-key`). It
  is never logged, never put in an exception message, and the log lines below carry the provider, model,
  status code and error type only. Response bodies of failed calls are neither logged nor returned.

URLs: `base_url` is what the provider's own SDK calls the base URL. For OpenAI-compatible servers that
includes the version (`https://api.openai.com/v1`, `http://localhost:11434/v1` for Ollama,
`http://localhost:1234/v1` for LM Studio, `http://localhost:8000/v1` for vLLM), and `/chat/completions` is
appended. For Anthropic it is `https://api.anthropic.com`, and `/messages` is appended. A bare origin (no
path) gets `/v1` in between, so `http://localhost:11434` and `https://api.anthropic.com/v1` work as well.
"""

from __future__ import annotations

import asyncio
import random
import time
from typing import Any, ClassVar

import httpx
import msgspec
import structlog

from app.config.settings import Settings
from app.domain.generation.llm.types import ChatProvider, Completion, LLMError, LLMTimeoutError, ProviderName

logger = structlog.get_logger("promptsmith.llm")

__all__ = [
    "ANTHROPIC_VERSION",
    "AnthropicChatProvider",
    "ChatProvider",
    "Completion",
    "HTTPChatProvider",
    "LLMError",
    "LLMTimeoutError",
    "OpenAIChatProvider",
    "ProviderName",
    "create_provider",
]

ANTHROPIC_VERSION = "2023-06-01"
MAX_BACKOFF = 8.0
RETRY_STATUSES = frozenset({408, 409, 425, 429, 500, 502, 503, 504, 529})


class _Attempt(msgspec.Struct, frozen=True):
    url: str
    headers: dict[str, str]
    body: dict[str, Any]


def _join(base_url: str, path: str) -> str:
    """`base/path`, with `/v1` in between when the base URL is a bare origin (no path at all)."""
    base = base_url.rstrip("/")
    if not httpx.URL(base).path.strip("/"):
        base += "/v1"
    return f"{base}/{path}"


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("retry-after")
    if value is None:
        return None
    try:
        seconds = float(value)
    except ValueError:
        return None  # an HTTP date: ignore it and use our own backoff
    return max(0.0, seconds)


class HTTPChatProvider:
    """The shared request / retry / timeout loop. Subclasses build the request and read the answer."""

    name: ClassVar[ProviderName]

    def __init__(
        self,
        http: httpx.AsyncClient,
        *,
        base_url: str,
        model: str,
        api_key: str | None = None,
        timeout: float = 20.0,
        max_retries: int = 2,
        backoff: float = 0.5,
        max_output_tokens: int = 4096,
        temperature: float = 0.2,
    ) -> None:
        self._http = http
        self._base_url = base_url
        self._model = model
        self._api_key = api_key
        self._timeout = timeout
        self._max_retries = max_retries
        self._backoff = backoff
        self._max_output_tokens = max_output_tokens
        self._temperature = temperature

    @property
    def model(self) -> str:
        return self._model

    def __repr__(self) -> str:  # never show the key, even in a debugger or a traceback's locals
        return f"{type(self).__name__}(base_url={self._base_url!r}, model={self._model!r})"

    def _build(self, system: str, user: str) -> _Attempt:
        raise NotImplementedError

    def _extract(self, data: Any) -> tuple[str, bool]:
        """The answer's text and whether it was cut at the token limit; raise LLMError if the shape is wrong."""
        raise NotImplementedError

    def _delay(self, attempt: int, response: httpx.Response | None) -> float:
        hinted = _retry_after(response) if response is not None else None
        if hinted is not None:
            return min(hinted, MAX_BACKOFF)
        base: float = min(MAX_BACKOFF, self._backoff * 2.0 ** (attempt - 1))
        return base * random.uniform(0.5, 1.0)

    async def complete(self, system: str, user: str) -> Completion:
        request = self._build(system, user)
        attempts = self._max_retries + 1
        started = time.monotonic()
        for attempt in range(1, attempts + 1):
            response: httpx.Response | None = None
            try:
                async with asyncio.timeout(self._timeout):
                    response = await self._http.post(
                        request.url, json=request.body, headers=request.headers, timeout=self._timeout
                    )
            except (TimeoutError, httpx.TimeoutException) as exc:
                if isinstance(exc, httpx.ConnectTimeout) and attempt < attempts:
                    await self._pause(attempt, None, "connect_timeout")
                    continue
                logger.warning(
                    "llm_call_failed", provider=self.name, model=self._model, attempt=attempt, error_type="timeout"
                )
                raise LLMTimeoutError(
                    f"the model did not answer within {self._timeout:g} s", attempts=attempt
                ) from None
            except httpx.TransportError as exc:
                if attempt < attempts:
                    await self._pause(attempt, None, type(exc).__name__)
                    continue
                logger.warning(
                    "llm_call_failed",
                    provider=self.name,
                    model=self._model,
                    attempt=attempt,
                    error_type=type(exc).__name__,
                )
                raise LLMError("could not connect to the model provider", attempts=attempt) from None
            status = response.status_code
            if status in RETRY_STATUSES and attempt < attempts:
                await self._pause(attempt, response, f"http_{status}")
                continue
            if status >= 400:
                logger.warning("llm_call_failed", provider=self.name, model=self._model, attempt=attempt, status=status)
                raise LLMError(_status_reason(status), status=status, attempts=attempt)
            try:
                data = response.json()
            except ValueError:
                raise LLMError("the model provider returned a body that is not JSON", attempts=attempt) from None
            text, truncated = self._extract(data)
            logger.info(
                "llm_call_done",
                provider=self.name,
                model=self._model,
                attempts=attempt,
                duration_ms=round((time.monotonic() - started) * 1000),
                truncated=truncated,
            )
            return Completion(text=text, provider=self.name, model=self._model, attempts=attempt, truncated=truncated)
        raise AssertionError("unreachable")  # pragma: no cover - the loop always returns or raises

    async def _pause(self, attempt: int, response: httpx.Response | None, why: str) -> None:
        delay = self._delay(attempt, response)
        logger.info(
            "llm_call_retry",
            provider=self.name,
            model=self._model,
            attempt=attempt,
            reason=why,
            delay_ms=round(delay * 1000),
        )
        await asyncio.sleep(delay)


def _status_reason(status: int) -> str:
    if status in (401, 403):
        return f"the model provider rejected the credentials (HTTP {status})"
    if status == 404:
        return "the model provider does not know this endpoint or model (HTTP 404)"
    if status == 429:
        return "the model provider is rate limiting us (HTTP 429)"
    if status >= 500:
        return f"the model provider failed (HTTP {status})"
    return f"the model provider refused the request (HTTP {status})"


class OpenAIChatProvider(HTTPChatProvider):
    """`POST {base}/chat/completions`: OpenAI, vLLM, Ollama, LM Studio and other compatible servers."""

    name: ClassVar[ProviderName] = "openai"

    def _build(self, system: str, user: str) -> _Attempt:
        headers = {"Content-Type": "application/json", "Accept": "application/json"}
        if self._api_key:
            headers["Authorization"] = f"Bearer {self._api_key}"
        body: dict[str, Any] = {
            "model": self._model,
            "messages": [{"role": "system", "content": system}, {"role": "user", "content": user}],
            "temperature": self._temperature,
            # `max_tokens` is what every compatible server understands (OpenAI still accepts it for chat models).
            "max_tokens": self._max_output_tokens,
            "stream": False,
        }
        return _Attempt(url=_join(self._base_url, "chat/completions"), headers=headers, body=body)

    def _extract(self, data: Any) -> tuple[str, bool]:
        if not isinstance(data, dict):
            raise LLMError("the model provider's answer is not a JSON object")
        try:
            choice = data["choices"][0]
            content = choice["message"]["content"]
            finish_reason = choice.get("finish_reason")
        except (KeyError, IndexError, TypeError, AttributeError):
            raise LLMError("the model provider's answer has no choices[0].message.content") from None
        if isinstance(content, list):  # some servers return content parts
            content = "".join(
                part.get("text", "") for part in content if isinstance(part, dict) and part.get("type") == "text"
            )
        if not isinstance(content, str):
            raise LLMError("the model provider's answer has no text content")
        return content, finish_reason == "length"


class AnthropicChatProvider(HTTPChatProvider):
    """`POST {base}/v1/messages` with `x-api-key` and `anthropic-version` headers."""

    name: ClassVar[ProviderName] = "anthropic"

    def _build(self, system: str, user: str) -> _Attempt:
        headers = {
            "Content-Type": "application/json",
            "Accept": "application/json",
            "anthropic-version": ANTHROPIC_VERSION,
        }
        if self._api_key:
            headers["x-api-key"] = self._api_key
        body: dict[str, Any] = {
            "model": self._model,
            "max_tokens": self._max_output_tokens,
            "system": system,
            "messages": [{"role": "user", "content": user}],
            "temperature": self._temperature,
        }
        return _Attempt(url=_join(self._base_url, "messages"), headers=headers, body=body)

    def _extract(self, data: Any) -> tuple[str, bool]:
        if not isinstance(data, dict):
            raise LLMError("the model provider's answer is not a JSON object")
        try:
            blocks = data["content"]
            text = "".join(str(b["text"]) for b in blocks if isinstance(b, dict) and b.get("type") == "text")
        except (KeyError, TypeError):
            raise LLMError("the model provider's answer has no text content blocks") from None
        return text, data.get("stop_reason") == "max_tokens"


def create_provider(settings: Settings, http: httpx.AsyncClient) -> ChatProvider | None:
    """The provider configured in settings, or None when `LLM_PROVIDER=none`."""
    if settings.llm_provider == "none" or not settings.llm_base_url or not settings.llm_model:
        return None
    cls: type[HTTPChatProvider] = OpenAIChatProvider if settings.llm_provider == "openai" else AnthropicChatProvider
    return cls(
        http,
        base_url=settings.llm_base_url,
        model=settings.llm_model,
        api_key=settings.llm_api_key,
        timeout=settings.llm_timeout,
        max_retries=settings.llm_max_retries,
        backoff=settings.llm_retry_backoff,
        max_output_tokens=settings.llm_max_output_tokens,
    )
