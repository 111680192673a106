"""Request bodies: a body that is not JSON gets a 415 problem, and one that cannot be decoded a clear 400.

Litestar's `decode_json` turns only `msgspec.DecodeError` into a client error. A body nested a thousand levels
deep raises `RecursionError` and invalid UTF-8 raises `UnicodeDecodeError`; both escaped as 500s with a
traceback in the log, before authentication. `JSONRequest` catches them where the body is decoded.
"""

from __future__ import annotations

from typing import Any

import msgspec
from litestar import Request
from litestar.exceptions import ClientException, HTTPException, SerializationException, ValidationException

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
    encoding = request.headers.get("content-encoding", "identity").strip().lower()
    if encoding not in {"", "identity"}:
        # Decompressing request bodies would let a small upload expand past the body limit: refuse it plainly.
        raise HTTPException(
            status_code=415,
            detail=f"Content-Encoding {encoding!r} is not accepted for request bodies; send the JSON uncompressed.",
        )
    media_type = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    if media_type in _JSON_TYPES or (media_type.startswith("application/") and media_type.endswith("+json")):
        return
    if media_type and media_type in request.route_handler.opt.get("accept_media_types", ()):
        return
    raise HTTPException(
        status_code=415,
        detail=f"Unsupported media type {media_type or '(none)'!r}; send application/json.",
    )


def _json_error_detail(error: str) -> str:
    # msgspec's wording ("Input data was truncated") reads like our bug; say what the client should fix.
    if "truncated" in error:
        return "The request body is not valid JSON: it ends before the JSON document is complete."
    return f"The request body is not valid JSON: {error[:1].lower()}{error[1:]}."


class JSONRequest(Request[Any, Any, Any]):
    """The app's request class: JSON decoding failures of any kind are the client's 400, never a 500."""

    async def json(self) -> Any:
        value = await self._decoded_json()
        _check_strictly(self, value)
        return value

    async def _decoded_json(self) -> Any:
        try:
            return await super().json()
        except RecursionError:
            raise ClientException("The request body is not valid JSON: it is nested too deeply.") from None
        except UnicodeDecodeError:
            raise ClientException("The request body is not valid JSON: it is not UTF-8 text.") from None
        except (SerializationException, msgspec.DecodeError) as err:
            detail = str(err.detail if isinstance(err, HTTPException) else err)
            raise ClientException(_json_error_detail(detail)) from None


def _check_strictly(request: Request[Any, Any, Any], value: Any) -> None:
    """Hold the body to the exact JSON types of the handler's `data` type (a 400 otherwise).

    Litestar converts bodies with msgspec's lax rules, made for query strings: `"trusted": 0` would become
    `False` and `"1"` a number, while the OpenAPI document promises a boolean or a number. Strict conversion
    accepts exactly the documented JSON types (strings for dates and UUIDs stay accepted). One exception follows
    JSON Schema, which the document is written in: a number with a zero fraction (`1.0`, `1e2`) is an integer.
    """
    field = request.route_handler.parsed_data_field
    if field is None or value is None:
        return
    try:
        msgspec.convert(value, field.annotation, strict=True)
    except msgspec.ValidationError as err:
        try:
            msgspec.convert(_integral_floats_as_ints(value), field.annotation, strict=True)
        except msgspec.ValidationError:
            raise ValidationException(extra=[{"key": "data", "message": str(err), "source": "body"}]) from None
    except TypeError:  # a type msgspec cannot convert to (none today): leave it to Litestar's own conversion
        return


def _integral_floats_as_ints(value: Any) -> Any:
    """`value` with every float that has no fraction turned into an int (JSON Schema's `integer`)."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, list):
        return [_integral_floats_as_ints(item) for item in value]
    if isinstance(value, dict):
        return {key: _integral_floats_as_ints(item) for key, item in value.items()}
    return value
