"""uvicorn's httptools protocol, answering requests it cannot parse with problem+json instead of text/plain.

A request the HTTP parser rejects never reaches the app, so the app's error handling cannot shape the answer:
a 70 KB URL got uvicorn's `text/plain` "Invalid HTTP request received." (the parser's URL offsets are 16-bit,
so a URL past 64 KB cannot be parsed at all). Clients of a JSON API get a problem document either way, and a
URL that is too long is named as such (414).
"""

from __future__ import annotations

import json

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

MAX_PARSEABLE_URL = 65_535

_STATUS = {400: b"HTTP/1.1 400 Bad Request\r\n", 414: b"HTTP/1.1 414 URI Too Long\r\n"}


def _problem(status: int) -> bytes:
    if status == 414:
        slug, title, detail = "uri-too-long", "URI too long", "The request URL is longer than 64 KB; send less."
    else:
        slug, title, detail = "bad-request", "Bad request", "The HTTP request could not be parsed."
    return json.dumps(
        {"type": f"urn:promptsmith:problem:{slug}", "title": title, "status": status, "detail": detail},
        separators=(",", ":"),
    ).encode()


class ProblemHttpToolsProtocol(HttpToolsProtocol):
    """The httptools protocol with problem+json answers for unparseable requests."""

    def send_400_response(self, msg: str) -> None:
        status = 414 if len(getattr(self, "url", b"")) > MAX_PARSEABLE_URL else 400
        body = _problem(status)
        content = [_STATUS[status]]
        for name, value in self.server_state.default_headers:
            content.extend([name, b": ", value, b"\r\n"])
        content.extend(
            [
                b"content-type: application/problem+json\r\n",
                b"content-length: " + str(len(body)).encode("ascii") + b"\r\n",
                b"connection: close\r\n",
                b"\r\n",
                body,
            ]
        )
        self.transport.write(b"".join(content))
        self.transport.close()
