"""OpenAPI fixes that apply to every operation, so the document matches what the service really sends.

- Litestar documents its own `ValidationException` body (`application/json`, `status_code`/`detail`/`extra`)
  as the 400 of every operation that takes parameters or a body, unless the handler lists a 400 itself. Our
  400s are `application/problem+json` problem details (`app.lib.problems`), so every such operation gets
  `problem_responses(400)` instead.
- A handler declared `-> Response[None]` with status 204 would be documented with a JSON `null` body; a 204
  has no body, so the 204 is documented without content.

`extra_media_types()` builds an `operation_class` for a handler whose response (or request body) comes in
more than one media type, which `ResponseSpec` cannot express (e.g. JSON, Markdown or zip exports).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from litestar.handlers import HTTPRouteHandler
from litestar.openapi.datastructures import ResponseSpec
from litestar.openapi.spec import OpenAPIMediaType, OpenAPIResponse, Operation, Reference, RequestBody, Schema
from litestar.plugins import ReceiveRoutePlugin
from litestar.routes import BaseRoute, HTTPRoute

from app.lib.openapi import problem_responses

_NO_CONTENT = frozenset({204, 304})
# Handler arguments Litestar fills itself: never documented as parameters.
_RESERVED = frozenset({"request", "state", "scope", "headers", "cookies", "query", "body", "socket", "self", "cls"})


def _takes_input(route: HTTPRoute, handler: HTTPRouteHandler) -> bool:
    """Whether Litestar documents (and may answer) a validation 400 for this handler."""
    if route.path_parameters:
        return True
    names = set(handler.parsed_fn_signature.parameters) - _RESERVED
    if "data" in names:
        return True
    return bool(names - set(handler.resolve_dependencies()))


class OpenAPIDefaults(ReceiveRoutePlugin):
    """Adjusts each route handler's documented responses as routes are registered (see the module doc)."""

    def receive_route(self, route: BaseRoute) -> None:
        if not isinstance(route, HTTPRoute):
            return
        for handler in route.route_handlers:
            if not handler.resolve_include_in_schema():
                continue
            responses: dict[int, ResponseSpec] = dict(handler.responses or {})
            if 400 not in responses and _takes_input(route, handler):
                responses.update(problem_responses(400))
            if handler.status_code in _NO_CONTENT and handler.status_code not in responses:
                responses[handler.status_code] = ResponseSpec(
                    data_container=None, description="No content", generate_examples=False
                )
            handler.responses = responses


def extra_media_types(
    responses: dict[int, dict[str, Schema | Reference]] | None = None,
    request_body: dict[str, Schema | Reference] | None = None,
    request_body_required: bool = True,
) -> type[Operation]:
    """An `operation_class` adding media types to documented responses and/or documenting a request body.

    Example: `operation_class=extra_media_types({200: {"text/markdown": Schema(type=OpenAPIType.STRING)}})`.
    """

    @dataclass
    class _Operation(Operation):
        def __post_init__(self) -> None:
            for status, variants in (responses or {}).items():
                response = (self.responses or {}).get(str(status))
                if isinstance(response, OpenAPIResponse):
                    content: dict[str, OpenAPIMediaType] = dict(response.content or {})
                    content.update({media: OpenAPIMediaType(schema=schema) for media, schema in variants.items()})
                    response.content = content
            if request_body:
                existing: Any = self.request_body
                content = dict(existing.content) if isinstance(existing, RequestBody) else {}
                content.update({media: OpenAPIMediaType(schema=schema) for media, schema in request_body.items()})
                self.request_body = RequestBody(content=content, required=request_body_required)

    return _Operation
