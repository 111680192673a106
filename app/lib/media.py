"""Request media-type enforcement: a body that is not JSON gets a 415 problem, not a confusing 400."""

from __future__ import annotations

from typing import Any

from litestar import Request
from litestar.exceptions import HTTPException

_BODY_METHODS = frozenset({"POST", "PUT", "PATCH"})
_JSON_TYPES = ("application/json",)


def _has_body(request: Request[Any, Any, Any]) -> bool:
    length = request.headers.get("content-length")
    if length is not None:
        return length.strip() not in {"", "0"}
    return "transfer-encoding" in request.headers


async def enforce_json_content_type(request: Request[Any, Any, Any]) -> None:
    """Before-request hook. Handlers that take other types list them in `opt["accept_media_types"]`."""
    if request.method not in _BODY_METHODS or not _has_body(request):
        return
    media_type = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    if media_type in _JSON_TYPES or (media_type.startswith("application/") and media_type.endswith("+json")):
        return
    if media_type and media_type in request.route_handler.opt.get("accept_media_types", ()):
        return
    raise HTTPException(
        status_code=415,
        detail=f"Unsupported media type {media_type or '(none)'!r}; send application/json.",
    )
