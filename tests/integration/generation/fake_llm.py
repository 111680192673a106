"""A real HTTP server, in a thread, that speaks the OpenAI chat-completions and Anthropic Messages protocols.

`POST /v1/chat/completions` checks `Authorization: Bearer <key>`; `POST /v1/messages` checks `x-api-key` and
`anthropic-version`. Both validate the request body's shape and answer with the providers' real response
JSON. What each call does is scripted: `server.script([...])` queues behaviours consumed one per call; when
the queue is empty the default (`echo`) applies. Every call is recorded (`server.calls`).

Behaviours:
- `Echo(suffix=ECHO_SENTENCE, strip_variables=False)`: take the draft out of the `<draft>` block of the user
  message, append `suffix`, and return it inside `<prompt>` tags (so the "refined" prompt is the real draft
  plus a visible marker); `strip_variables` deletes its `{{placeholders}}` first.
- `Reply(text)`: return `text` verbatim as the answer.
- `Fail(status, retry_after=None)`: an error in the provider's error shape. The body echoes the received key,
  so a test can prove that failed-response bodies never reach a log.
- `Sleep(seconds, then=Echo())`: wait before answering (to exceed the client's timeout).
- `Raw(body)`: a 200 whose body is `body` verbatim (not the provider's shape, or not JSON at all).
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

ECHO_SENTENCE = "Before you reply, check the answer against every rule above."
_DRAFT = re.compile(r"<draft>\n(.*)\n</draft>", re.DOTALL)


@dataclass(frozen=True)
class Echo:
    suffix: str = ECHO_SENTENCE
    strip_variables: bool = False


@dataclass(frozen=True)
class Reply:
    text: str


@dataclass(frozen=True)
class Raw:
    """A 200 response with this exact body (for malformed answers)."""

    body: str


@dataclass(frozen=True)
class Fail:
    status: int
    retry_after: str | None = None


@dataclass(frozen=True)
class Sleep:
    seconds: float
    then: Any = field(default_factory=Echo)


@dataclass
class Call:
    path: str
    headers: dict[str, str]
    body: dict[str, Any]


def refined_from(user_message: str, echo: Echo | None = None) -> str:
    echo = echo or Echo()
    match = _DRAFT.search(user_message)
    draft = match.group(1) if match else "You are a helpful assistant."
    if echo.strip_variables:
        draft = re.sub(r"\{\{\s*\w+\s*\}\}", "", draft)
    return f"{draft}\n\n{echo.suffix}"


class FakeLLMServer:
    """Start with `start()` (or as a context manager); `url` is the origin, e.g. `http://127.0.0.1:PORT`."""

    def __init__(self, api_key: str, *, model: str = "fake-model") -> None:
        self.api_key = api_key
        self.model = model
        self.calls: list[Call] = []
        self._script: deque[Any] = deque()
        self._lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    def script(self, behaviours: list[Any]) -> None:
        with self._lock:
            self._script.extend(behaviours)

    def _next(self) -> Any:
        with self._lock:
            return self._script.popleft() if self._script else Echo()

    @property
    def url(self) -> str:
        assert self._server is not None
        return f"http://127.0.0.1:{self._server.server_port}"

    def start(self) -> FakeLLMServer:
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> FakeLLMServer:
        return self.start()

    def __exit__(self, *_: object) -> None:
        self.stop()

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:  # silence stderr
                return

            def do_POST(self) -> None:
                length = int(self.headers.get("content-length", "0"))
                raw = self.rfile.read(length)
                try:
                    body = json.loads(raw)
                except ValueError:
                    self._send(400, {"error": {"message": "body is not JSON", "type": "invalid_request_error"}})
                    return
                headers = {k.lower(): v for k, v in self.headers.items()}
                with server._lock:
                    server.calls.append(Call(path=self.path, headers=headers, body=body))
                if self.path == "/v1/chat/completions":
                    self._openai(headers, body)
                elif self.path == "/v1/messages":
                    self._anthropic(headers, body)
                else:
                    self._send(404, {"error": {"message": f"no route {self.path}", "type": "not_found"}})

            # --- OpenAI chat completions -------------------------------------------------------------
            def _openai(self, headers: dict[str, str], body: dict[str, Any]) -> None:
                if headers.get("authorization") != f"Bearer {server.api_key}":
                    self._send(
                        401,
                        {
                            "error": {
                                "message": "Incorrect API key provided",
                                "type": "invalid_request_error",
                                "code": "invalid_api_key",
                            }
                        },
                    )
                    return
                messages = body.get("messages")
                if not isinstance(body.get("model"), str) or not isinstance(messages, list) or not messages:
                    self._send(
                        400, {"error": {"message": "model and messages are required", "type": "invalid_request_error"}}
                    )
                    return
                roles = [m.get("role") for m in messages]
                if roles != ["system", "user"] or not all(isinstance(m.get("content"), str) for m in messages):
                    self._send(
                        400, {"error": {"message": f"unexpected messages {roles}", "type": "invalid_request_error"}}
                    )
                    return
                text = self._behave(messages[1]["content"], openai=True)
                if text is None:
                    return
                self._send(
                    200,
                    {
                        "id": "chatcmpl-fake",
                        "object": "chat.completion",
                        "created": int(time.time()),
                        "model": body["model"],
                        "choices": [
                            {
                                "index": 0,
                                "message": {"role": "assistant", "content": text},
                                "logprobs": None,
                                "finish_reason": "stop",
                            }
                        ],
                        "usage": {"prompt_tokens": 10, "completion_tokens": 10, "total_tokens": 20},
                    },
                )

            # --- Anthropic messages ------------------------------------------------------------------
            def _anthropic(self, headers: dict[str, str], body: dict[str, Any]) -> None:
                if headers.get("x-api-key") != server.api_key:
                    self._send(
                        401,
                        {"type": "error", "error": {"type": "authentication_error", "message": "invalid x-api-key"}},
                    )
                    return
                if not headers.get("anthropic-version"):
                    self._send(
                        400,
                        {
                            "type": "error",
                            "error": {
                                "type": "invalid_request_error",
                                "message": "anthropic-version header is required",
                            },
                        },
                    )
                    return
                messages = body.get("messages")
                if (
                    not isinstance(body.get("model"), str)
                    or not isinstance(body.get("max_tokens"), int)
                    or not isinstance(messages, list)
                    or [m.get("role") for m in messages] != ["user"]
                    or not isinstance(body.get("system"), str)
                ):
                    self._send(
                        400,
                        {"type": "error", "error": {"type": "invalid_request_error", "message": "bad request body"}},
                    )
                    return
                text = self._behave(messages[0]["content"], openai=False)
                if text is None:
                    return
                self._send(
                    200,
                    {
                        "id": "msg_fake",
                        "type": "message",
                        "role": "assistant",
                        "model": body["model"],
                        "content": [{"type": "text", "text": text}],
                        "stop_reason": "end_turn",
                        "stop_sequence": None,
                        "usage": {"input_tokens": 10, "output_tokens": 10},
                    },
                )

            def _behave(self, user_message: str, *, openai: bool) -> str | None:
                behaviour = server._next()
                if isinstance(behaviour, Sleep):
                    time.sleep(behaviour.seconds)
                    behaviour = behaviour.then
                if isinstance(behaviour, Fail):
                    leak = f"received key {server.api_key}"
                    payload: dict[str, Any] = (
                        {"error": {"message": f"server error ({leak})", "type": "server_error"}}
                        if openai
                        else {"type": "error", "error": {"type": "api_error", "message": f"overloaded ({leak})"}}
                    )
                    extra = {"Retry-After": behaviour.retry_after} if behaviour.retry_after else {}
                    self._send(behaviour.status, payload, extra)
                    return None
                if isinstance(behaviour, Raw):
                    data = behaviour.body.encode()
                    self.send_response(200)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                    return None
                if isinstance(behaviour, Reply):
                    return behaviour.text
                echo = behaviour if isinstance(behaviour, Echo) else Echo()
                return f"<prompt>\n{refined_from(user_message, echo)}\n</prompt>"

            def _send(self, status: int, payload: dict[str, Any], extra: dict[str, str] | None = None) -> None:
                data = json.dumps(payload).encode()
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    for k, v in (extra or {}).items():
                        self.send_header(k, v)
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):  # the client gave up (timeout test)
                    pass

        return Handler
