"""The outbound guard: which addresses are refused, URL checks, and the request rules (no redirects followed,
bounded read, one timeout per attempt) against real local sockets."""

from __future__ import annotations

import asyncio
import ipaddress
import time
from collections.abc import AsyncIterator

import httpx
import pytest

from app.lib.outbound import OutboundPolicy, OutboundRefused, address_refusal, check_url, post, resolve_allowed

REFUSED_ALWAYS = ["0.0.0.0", "::", "169.254.169.254", "fe80::1", "224.0.0.1", "ff02::1", "240.0.0.1", "255.255.255.255"]
PRIVATE = ["127.0.0.1", "127.8.8.8", "::1", "10.1.2.3", "172.16.0.1", "192.168.0.10", "100.64.0.1", "fd00::1"]
PUBLIC = ["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111"]


@pytest.mark.parametrize("address", REFUSED_ALWAYS)
def test_link_local_multicast_unspecified_reserved_are_always_refused(address: str) -> None:
    ip = ipaddress.ip_address(address)
    assert address_refusal(ip, allow_private=False) is not None
    assert address_refusal(ip, allow_private=True) is not None


@pytest.mark.parametrize("address", PRIVATE)
def test_loopback_and_private_are_refused_unless_allowed(address: str) -> None:
    ip = ipaddress.ip_address(address)
    assert address_refusal(ip, allow_private=False) is not None
    assert address_refusal(ip, allow_private=True) is None


@pytest.mark.parametrize("address", PUBLIC)
def test_public_addresses_are_allowed(address: str) -> None:
    assert address_refusal(ipaddress.ip_address(address), allow_private=False) is None


@pytest.mark.parametrize(
    ("embedded", "allowed"),
    [("2002:7f00:1::", False), ("2002:a9fe:a9fe::1", False), ("2002:a00:5::", False), ("2002:808:808::1", True)],
)
def test_6to4_is_judged_as_the_ipv4_it_carries(embedded: str, allowed: bool) -> None:
    assert (address_refusal(ipaddress.ip_address(embedded), allow_private=False) is None) is allowed


@pytest.mark.parametrize(
    ("mapped", "allowed"), [("::ffff:127.0.0.1", False), ("::ffff:10.0.0.1", False), ("::ffff:8.8.8.8", True)]
)
def test_ipv4_mapped_ipv6_is_judged_as_its_ipv4(mapped: str, allowed: bool) -> None:
    assert (address_refusal(ipaddress.ip_address(mapped), allow_private=False) is None) is allowed


@pytest.mark.parametrize(
    "url",
    [
        "ftp://example.com/x",
        "file:///etc/passwd",
        "http:///nohost",
        "http://user:pw@example.com/",
        "http://example.com:99999/",
        "http://127.0.0.1/",
        "http://[::1]:8080/",
        "http://[::ffff:169.254.169.254]/",
        # httpx cannot send these: accepted, each delivery would raise InvalidURL outside the recorded outcomes
        "http://93.184.215.14/a\x01b",
        "https://hooks.example.com/\x7f",
        # urlsplit itself raises on an unbalanced bracket (found by the API fuzzer as a 500)
        "httPs://]S\U000f23de9\U000fe5ea",
        "https://[hooks.example.com/",
    ],
)
def test_check_url_refuses(url: str) -> None:
    with pytest.raises(OutboundRefused):
        check_url(url, allow_private=False)


def test_check_url_accepts_public_names_and_allowed_private_literals() -> None:
    check_url("https://hooks.example.com/a?b=c", allow_private=False)
    check_url("http://127.0.0.1:8080/hook", allow_private=True)


async def test_names_are_judged_by_every_address_they_resolve_to() -> None:
    with pytest.raises(OutboundRefused, match="loopback"):
        await resolve_allowed("localhost", 80, allow_private=False)
    assert (await resolve_allowed("localhost", 80, allow_private=True)).is_loopback
    with pytest.raises(OutboundRefused, match="cannot be resolved"):
        await resolve_allowed("no-such-host.invalid", 80, allow_private=True)


class Server:
    """A local TCP server answering every request with `response` (or never, when it is None)."""

    def __init__(self, response: bytes | None) -> None:
        self.response = response
        self.requests: list[bytes] = []

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        head = await reader.readuntil(b"\r\n\r\n")
        self.requests.append(head)
        length = next(
            (int(line.split(b":")[1]) for line in head.split(b"\r\n") if line.lower().startswith(b"content-length")), 0
        )
        await reader.readexactly(length)
        if self.response is None:
            await asyncio.sleep(30)
        else:
            writer.write(self.response)
            await writer.drain()
        writer.close()


@pytest.fixture
async def http() -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(trust_env=False) as client:
        yield client


async def _serve(server: Server) -> tuple[asyncio.Server, int]:
    listener = await asyncio.start_server(server.handle, "127.0.0.1", 0)
    return listener, listener.sockets[0].getsockname()[1]


async def test_refused_target_is_never_contacted(http: httpx.AsyncClient) -> None:
    server = Server(b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n")
    listener, port = await _serve(server)
    try:
        with pytest.raises(OutboundRefused):
            await post(http, f"http://localhost:{port}/", content=b"{}", headers={}, policy=OutboundPolicy())
    finally:
        listener.close()
    assert server.requests == []


async def test_redirects_are_not_followed(http: httpx.AsyncClient) -> None:
    target = Server(b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n")
    target_listener, target_port = await _serve(target)
    redirect = (
        f"HTTP/1.1 307 Temporary Redirect\r\nLocation: http://127.0.0.1:{target_port}/x\r\nContent-Length: 0\r\n\r\n"
    )
    source = Server(redirect.encode())
    listener, port = await _serve(source)
    try:
        response = await post(
            http, f"http://127.0.0.1:{port}/", content=b"{}", headers={}, policy=OutboundPolicy(allow_private=True)
        )
    finally:
        listener.close()
        target_listener.close()
    assert response.status_code == 307
    assert target.requests == []
    assert b"Host: 127.0.0.1:" in source.requests[0]


async def test_the_answer_is_read_up_to_the_bound(http: httpx.AsyncClient) -> None:
    big = b"x" * 1_000_000
    server = Server(b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n" % len(big) + big)
    listener, port = await _serve(server)
    try:
        response = await post(
            http,
            f"http://127.0.0.1:{port}/",
            content=b"{}",
            headers={},
            policy=OutboundPolicy(allow_private=True, max_response_bytes=1000),
        )
    finally:
        listener.close()
    assert response.status_code == 200
    assert len(response.body) == 1000


async def test_an_attempt_ends_at_its_timeout(http: httpx.AsyncClient) -> None:
    listener, port = await _serve(Server(None))
    started = time.monotonic()
    try:
        with pytest.raises((TimeoutError, httpx.TimeoutException)):
            await post(
                http, f"http://127.0.0.1:{port}/", content=b"{}", headers={}, policy=OutboundPolicy(True, timeout=0.5)
            )
    finally:
        listener.close()
    assert time.monotonic() - started < 2.0
