"""Requests the HTTP parser cannot parse get a problem+json answer from `serve`, never uvicorn's text/plain.

They never reach the app (a URL past 64 KB cannot be parsed at all), so `serve` runs uvicorn with our own
protocol class (app/server/protocol.py). A raw socket is used because HTTP clients refuse to send such requests.
"""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.integration.faults._procs import free_port, kill_group, port_open, read_log, start_python_module, wait_until

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def served_port(tmp_path_factory: pytest.TempPathFactory) -> Iterator[int]:
    folder: Path = tmp_path_factory.mktemp("serve")
    port = free_port()
    env = {"DATABASE_URL": f"sqlite+aiosqlite:///{folder}/p.db", "REDIS_URL": "", "LOG_LEVEL": "WARNING"}
    proc = start_python_module("app", ["serve", "--port", str(port)], env)
    try:
        try:
            wait_until(lambda: port_open(port), 60, what="serve")
        except TimeoutError:
            raise AssertionError(read_log(proc)) from None
        yield port
    finally:
        kill_group(proc)


def _raw(port: int, request: bytes) -> tuple[int, dict[str, str], bytes]:
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(request)
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = dict(line.split(": ", 1) for line in lines[1:])
    return int(lines[0].split()[1]), {k.lower(): v for k, v in headers.items()}, body


def test_a_70kb_url_is_a_414_problem(served_port: int) -> None:
    status, headers, body = _raw(served_port, b"GET /api/v1/x?q=" + b"a" * 70_000 + b" HTTP/1.1\r\nHost: t\r\n\r\n")
    assert status == 414
    assert headers["content-type"] == "application/problem+json"
    problem = json.loads(body)
    assert problem["status"] == 414
    assert problem["type"] == "urn:promptsmith:problem:uri-too-long"


def test_garbage_is_a_400_problem(served_port: int) -> None:
    status, headers, body = _raw(served_port, b"NOT HTTP AT ALL\r\n\r\n")
    assert status == 400
    assert headers["content-type"] == "application/problem+json"
    assert json.loads(body)["type"] == "urn:promptsmith:problem:bad-request"


def test_a_long_but_parseable_url_reaches_the_app(served_port: int) -> None:
    status, headers, body = _raw(
        served_port, b"GET /no-such-route?q=" + b"a" * 30_000 + b" HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n"
    )
    assert status == 404
    assert headers["content-type"].startswith("application/problem+json")
    assert json.loads(body)["requestId"]  # answered by the app itself
