"""The provider clients against real HTTP servers that speak the OpenAI and Anthropic protocols."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Iterator

import httpx
import pytest

from app.domain.generation.llm import AnthropicChatProvider, LLMError, LLMTimeoutError, OpenAIChatProvider
from app.domain.generation.llm.client import ANTHROPIC_VERSION, HTTPChatProvider, _Attempt
from tests.integration.generation.fake_llm import Fail, FakeLLMServer, Raw, Reply, Sleep

KEY = "sk-test-0123456789-SECRET"


@pytest.fixture
def server() -> Iterator[FakeLLMServer]:
    with FakeLLMServer(KEY) as fake:
        yield fake


@pytest.fixture
async def http() -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient() as client:
        yield client


def _provider(kind: str, http: httpx.AsyncClient, server: FakeLLMServer, **kw: object) -> HTTPChatProvider:
    # A generous timeout: a loaded CI machine must not turn a scripted reply into a timeout.
    options: dict[str, object] = {"timeout": 10.0, "max_retries": 2, "backoff": 0.01, "max_output_tokens": 256}
    options.update(kw)
    if kind == "openai":
        return OpenAIChatProvider(http, base_url=f"{server.url}/v1", model="m-1", api_key=KEY, **options)  # type: ignore[arg-type]
    return AnthropicChatProvider(http, base_url=server.url, model="claude-x", api_key=KEY, **options)  # type: ignore[arg-type]


async def test_openai_request_shape_and_answer(http: httpx.AsyncClient, server: FakeLLMServer) -> None:
    server.script([Reply("<prompt>hi</prompt>")])
    completion = await _provider("openai", http, server).complete("SYS", "USER")
    assert completion.text == "<prompt>hi</prompt>"
    assert (completion.provider, completion.model, completion.attempts) == ("openai", "m-1", 1)
    call = server.calls[0]
    assert call.path == "/v1/chat/completions"
    assert call.headers["authorization"] == f"Bearer {KEY}"
    assert call.body["model"] == "m-1"
    assert call.body["messages"] == [{"role": "system", "content": "SYS"}, {"role": "user", "content": "USER"}]
    assert call.body["max_tokens"] == 256


async def test_anthropic_request_shape_and_answer(http: httpx.AsyncClient, server: FakeLLMServer) -> None:
    server.script([Reply("<prompt>hello</prompt>")])
    completion = await _provider("anthropic", http, server).complete("SYS", "USER")
    assert completion.text == "<prompt>hello</prompt>"
    call = server.calls[0]
    assert call.path == "/v1/messages"
    assert call.headers["x-api-key"] == KEY
    assert call.headers["anthropic-version"] == ANTHROPIC_VERSION
    assert "authorization" not in call.headers
    assert call.body["system"] == "SYS"
    assert call.body["messages"] == [{"role": "user", "content": "USER"}]
    assert call.body["max_tokens"] == 256


@pytest.mark.parametrize("kind", ["openai", "anthropic"])
async def test_retries_5xx_and_429_then_succeeds(http: httpx.AsyncClient, server: FakeLLMServer, kind: str) -> None:
    server.script([Fail(500), Fail(429, retry_after="0"), Reply("<prompt>ok</prompt>")])
    completion = await _provider(kind, http, server).complete("s", "u")
    assert completion.attempts == 3
    assert len(server.calls) == 3


@pytest.mark.parametrize("kind", ["openai", "anthropic"])
async def test_retries_are_bounded(http: httpx.AsyncClient, server: FakeLLMServer, kind: str) -> None:
    server.script([Fail(503)] * 5)
    with pytest.raises(LLMError) as info:
        await _provider(kind, http, server, max_retries=1).complete("s", "u")
    assert info.value.status == 503
    assert info.value.attempts == 2
    assert len(server.calls) == 2
    assert KEY not in info.value.reason


async def test_client_errors_are_not_retried(http: httpx.AsyncClient, server: FakeLLMServer) -> None:
    server.script([Fail(400)])
    with pytest.raises(LLMError) as info:
        await _provider("openai", http, server).complete("s", "u")
    assert info.value.status == 400
    assert len(server.calls) == 1


async def test_wrong_key_is_401_without_retry(http: httpx.AsyncClient, server: FakeLLMServer) -> None:
    provider = OpenAIChatProvider(http, base_url=f"{server.url}/v1", model="m", api_key="sk-wrong", backoff=0.01)
    with pytest.raises(LLMError) as info:
        await provider.complete("s", "u")
    assert info.value.status == 401
    assert "credentials" in info.value.reason
    assert len(server.calls) == 1


@pytest.mark.parametrize("kind", ["openai", "anthropic"])
async def test_timeout_is_not_retried(http: httpx.AsyncClient, server: FakeLLMServer, kind: str) -> None:
    server.script([Sleep(8.0)])
    started = time.monotonic()
    with pytest.raises(LLMTimeoutError) as info:
        await _provider(kind, http, server, timeout=1.0).complete("s", "u")
    assert time.monotonic() - started < 6.0  # the bound fired; the reply (8 s) was never waited for
    assert info.value.attempts == 1  # no second attempt after a timeout
    # On a loaded machine the bound may fire before the fake server has recorded the request; never twice.
    assert len(server.calls) <= 1


async def test_connection_refused_is_retried_then_fails(http: httpx.AsyncClient) -> None:
    provider = OpenAIChatProvider(
        http, base_url="http://127.0.0.1:9/v1", model="m", api_key=KEY, backoff=0.01, max_retries=2
    )
    with pytest.raises(LLMError) as info:
        await provider.complete("s", "u")
    assert info.value.attempts == 3
    assert "connect" in info.value.reason


class _OpenAIClientAtAnthropicPath(OpenAIChatProvider):
    """Sends a valid Anthropic request but reads the answer as OpenAI's: the shape check must notice."""

    def _build(self, system: str, user: str) -> _Attempt:
        attempt = super()._build(system, user)
        headers = {**attempt.headers, "x-api-key": KEY, "anthropic-version": ANTHROPIC_VERSION}
        body = {**attempt.body, "system": system, "messages": [{"role": "user", "content": user}]}
        return _Attempt(url=attempt.url.replace("/chat/completions", "/messages"), headers=headers, body=body)


async def test_wrong_response_shape(http: httpx.AsyncClient, server: FakeLLMServer) -> None:
    provider = _OpenAIClientAtAnthropicPath(http, base_url=f"{server.url}/v1", model="m", api_key=KEY)
    with pytest.raises(LLMError) as info:
        await provider.complete("s", "u")
    assert "choices" in info.value.reason


@pytest.mark.parametrize("kind", ["openai", "anthropic"])
@pytest.mark.parametrize("body", ["[]", "not json", '{"choices": [], "content": 3}', '{"choices": [null]}'])
async def test_malformed_answers_are_llm_errors(
    http: httpx.AsyncClient, server: FakeLLMServer, kind: str, body: str
) -> None:
    server.script([Raw(body)])
    with pytest.raises(LLMError):
        await _provider(kind, http, server).complete("s", "u")
    assert len(server.calls) == 1


async def test_repr_hides_the_key(http: httpx.AsyncClient) -> None:
    provider = OpenAIChatProvider(http, base_url="http://x/v1", model="m", api_key=KEY)
    assert KEY not in repr(provider)
