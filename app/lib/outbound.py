"""Outbound HTTP to addresses users choose (webhook URLs), guarded against server-side request forgery.

`check_url` refuses what can never be a target (other schemes, credentials in the URL, a literal address in a
refused range). `post` resolves the host, refuses the request when ANY resolved address is refused, then
connects to the checked address itself (the Host header and TLS name stay the URL's), so a DNS answer that
changes between the check and the connection (rebinding) cannot reach an internal address. Redirects are never
followed, each attempt has one overall timeout, and at most `max_response_bytes` of the answer are read.

Refused always: link-local (169.254.0.0/16 with the cloud metadata endpoint, fe80::/10), multicast,
unspecified (0.0.0.0, ::), reserved and broadcast addresses. Refused unless `allow_private`: loopback, private
(RFC 1918, fc00::/7), shared (100.64.0.0/10) and every other non-global range. An IPv4-mapped IPv6 address
(::ffff:127.0.0.1) and a 6to4 address (2002:7f00:1::) are judged as the IPv4 address they carry.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit, urlunsplit

if TYPE_CHECKING:
    import httpx

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


class OutboundRefused(Exception):
    """The target is not allowed (policy), or cannot be resolved. `str(err)` is safe to show to the user."""


@dataclass(frozen=True, slots=True)
class OutboundPolicy:
    """What outbound requests may reach and how long they may take."""

    allow_private: bool = False
    timeout: float = 5.0
    max_response_bytes: int = 65_536


@dataclass(frozen=True, slots=True)
class OutboundResponse:
    """The status and the first bytes of an answer, with how long the attempt took."""

    status_code: int
    body: bytes
    latency_ms: int


def address_refusal(address: IPAddress, *, allow_private: bool) -> str | None:
    """Why `address` may not be reached, or None when it may."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address_refusal(address.ipv4_mapped, allow_private=allow_private)
    if isinstance(address, ipaddress.IPv6Address) and address.sixtofour is not None:
        # 2002::/16 is "global" to Python, but a 6to4 relay delivers it to the IPv4 address it carries.
        return address_refusal(address.sixtofour, allow_private=allow_private)
    if address.is_unspecified:
        return "an unspecified address"
    if address.is_multicast:
        return "a multicast address"
    if address.is_link_local:
        return "a link-local address"
    if address == ipaddress.IPv4Address("255.255.255.255"):
        return "a broadcast address"
    if address.is_loopback:  # before `is_reserved`, which ::1 also is
        return None if allow_private else "a loopback address"
    if address.is_reserved:
        return "a reserved address"
    if address.is_global:
        return None
    if allow_private:
        return None
    return "a private address"


def check_url(url: str, *, allow_private: bool) -> None:
    """Refuse a URL that can never be a target, without resolving its host (that happens on each request)."""
    try:
        parts = urlsplit(url)
    except ValueError:  # "https://]x": a bracket that opens no IPv6 address
        raise OutboundRefused("The URL is not valid (a malformed host).") from None
    if parts.scheme not in ("http", "https"):
        raise OutboundRefused("The URL must start with http:// or https://.")
    if not parts.hostname:
        raise OutboundRefused("The URL has no host.")
    if parts.username is not None or parts.password is not None:
        raise OutboundRefused("The URL must not contain credentials.")
    try:
        _ = parts.port
    except ValueError:
        raise OutboundRefused("The URL's port is not valid.") from None
    import httpx  # here: the API checks URLs when webhooks are saved, and only a delivering process sends

    try:
        httpx.URL(url)  # what httpx cannot send (control characters, a bad host) must be refused here, not per attempt
    except httpx.InvalidURL:
        raise OutboundRefused("The URL is not valid (control characters or a malformed host).") from None
    literal = _literal_address(parts.hostname)
    if literal is not None:
        reason = address_refusal(literal, allow_private=allow_private)
        if reason is not None:
            raise OutboundRefused(f"The URL points at {reason}, which is not allowed.")


def _literal_address(host: str) -> IPAddress | None:
    try:
        return ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return None


async def resolve_allowed(host: str, port: int, *, allow_private: bool) -> IPAddress:
    """The address to connect to for `host`: every address it resolves to must be allowed (the first is used)."""
    literal = _literal_address(host)
    if literal is not None:
        addresses: list[IPAddress] = [literal]
    else:
        loop = asyncio.get_running_loop()
        try:
            infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except (socket.gaierror, UnicodeError):
            raise OutboundRefused(f"The host {host!r} cannot be resolved.") from None
        addresses = [ipaddress.ip_address(info[4][0]) for info in infos]
        if not addresses:
            raise OutboundRefused(f"The host {host!r} cannot be resolved.")
    for address in addresses:
        reason = address_refusal(address, allow_private=allow_private)
        if reason is not None:
            raise OutboundRefused(f"The host resolves to {reason}, which is not allowed.")
    return addresses[0]


def _pinned_url(url: str, address: IPAddress) -> str:
    parts = urlsplit(url)
    host = f"[{address}]" if isinstance(address, ipaddress.IPv6Address) else str(address)
    netloc = host if parts.port is None else f"{host}:{parts.port}"
    return urlunsplit((parts.scheme, netloc, parts.path or "/", parts.query, ""))


async def post(
    client: httpx.AsyncClient, url: str, *, content: bytes, headers: dict[str, str], policy: OutboundPolicy
) -> OutboundResponse:
    """POST `content` to `url` under `policy`. Raises OutboundRefused (policy) or httpx.HTTPError/TimeoutError.

    `client` must not follow redirects (`follow_redirects=False`, the default); a 3xx is returned as is.
    """
    import httpx

    check_url(url, allow_private=policy.allow_private)
    parts = urlsplit(url)
    assert parts.hostname is not None  # checked above
    port = parts.port or (443 if parts.scheme == "https" else 80)
    started = time.perf_counter()
    async with asyncio.timeout(policy.timeout):
        address = await resolve_allowed(parts.hostname, port, allow_private=policy.allow_private)
        request = client.build_request(
            "POST",
            _pinned_url(url, address),
            content=content,
            headers={**headers, "Host": parts.netloc.rsplit("@", 1)[-1]},
            extensions={"sni_hostname": parts.hostname, "timeout": httpx.Timeout(policy.timeout).as_dict()},
        )
        response = await client.send(request, stream=True, follow_redirects=False)
        try:
            body = bytearray()
            async for chunk in response.aiter_raw():
                body.extend(chunk[: policy.max_response_bytes - len(body)])
                if len(body) >= policy.max_response_bytes:
                    break
        finally:
            await response.aclose()
    return OutboundResponse(
        status_code=response.status_code,
        body=bytes(body),
        latency_ms=round((time.perf_counter() - started) * 1000),
    )
