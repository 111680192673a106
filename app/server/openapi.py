"""OpenAPI fixes that apply to every operation, so the document matches what the service really sends.

- Litestar documents its own `ValidationException` body (`application/json`, `status_code`/`detail`/`extra`)
  as the 400 of every operation that takes parameters or a body, unless the handler lists a 400 itself. Our
  400s are `application/problem+json` problem details (`app.lib.problems`), so every such operation gets
  `problem_responses(400)` instead. Whether an operation takes input is read from the operation Litestar built
  (its `parameters` and `requestBody`), never from the names of the handler's parameters.
- Every operation that takes a body can answer 413 (over `MAX_BODY_SIZE`) and 415 (not JSON), whatever the
  handler lists, so both are documented on all of them.
- `ResponseSpec`s generate random examples by default; they ignore the constraints, so they are turned off.
- A handler declared `-> Response[None]` with status 204 would be documented with a JSON `null` body; a 204
  has no body, so the 204 is documented without content.
- A msgspec request struct with `forbid_unknown_fields` answers 400 to any property it does not declare, so
  its schema says `additionalProperties: false`; constraints Litestar drops (list items, zero bounds) are put
  back (`StrictStructSchemaPlugin`, registered before Litestar's own struct plugin in `create_app`).
- Request structs document no `default`: generators such as openapi-typescript 7 make a property with a default
  non-optional, so a plain call that leaves it out would not type-check. The default goes into the description
  (a request struct is input only, so no response schema loses anything).
- Security comes from the guards the routers (`app.server.routers`) put on every route, so no route can be
  documented differently from how it is protected: no guard is public (no `security`); `session_only` is
  `session`; any other guard takes `apiKey` or `session`. Writes open to a session declare `X-CSRF-Token`.
  `session_only` routes document the 401 and 403 it answers.
- A body the handler declares with a default (`JSONBody[X | None] = None`) is documented as optional.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

import msgspec
from litestar.handlers import HTTPRouteHandler
from litestar.openapi.datastructures import ResponseSpec
from litestar.openapi.spec import OpenAPIType, Operation, Parameter, RequestBody, Schema, SecurityRequirement
from litestar.params import BodyKwarg
from litestar.plugins import OpenAPISchemaPlugin, ReceiveRoutePlugin
from litestar.routes import BaseRoute, HTTPRoute
from litestar.typing import FieldDefinition

from app.domain.access.guards import authenticated, session_only, workspace_permission
from app.domain.access.sessions import CSRF_HEADER
from app.lib.openapi import problem_responses

_NO_CONTENT = frozenset({204, 304})
_INPUT_ERRORS = (400,)
"""Documented when the operation takes any input (a parameter or a body): what Litestar itself documents a
`ValidationException` for, so ours replaces its `application/json` one and appears nowhere else."""
_BODY_ERRORS = (413, 415)
"""Documented when the operation takes a body: over `max_body_size` (Litestar), not JSON (`app.lib.media`)."""


class OpenAPIDefaults(ReceiveRoutePlugin):
    """Adjusts each route handler's documented responses as routes are registered (see the module doc).

    Which errors an operation can answer follows from what it takes, and that is known for certain only once
    Litestar has built the operation: its `parameters` (path, query, header, cookie, its dependencies' included)
    and its `requestBody`. So every handler is offered the problem+json 400, 413 and 415 it does not list itself,
    and its operation class (`_documented_operation`) keeps those its operation's declared inputs call for.
    Nothing here looks at the names of the handler's parameters.
    """

    def receive_route(self, route: BaseRoute) -> None:
        if not isinstance(route, HTTPRoute):
            return
        for handler in route.route_handlers:
            if not handler.resolve_include_in_schema():
                continue
            responses: dict[int, ResponseSpec] = dict(handler.responses or {})
            offered = frozenset(code for code in (*_INPUT_ERRORS, *_BODY_ERRORS) if code not in responses)
            responses.update(problem_responses(*sorted(offered)))
            if handler.status_code in _NO_CONTENT and handler.status_code not in responses:
                responses[handler.status_code] = ResponseSpec(
                    data_container=None, description="No content", generate_examples=False
                )
            guards = handler.resolve_guards()
            if session_only in guards:
                # An API key, or no session, is refused (`session_only`): 401 without credentials, 403 with a key.
                responses.update(problem_responses(*(code for code in (401, 403) if code not in responses)))
            # No generated examples: they are random values that ignore the constraints (e.g. a temperature of
            # 9978312 where the maximum is 2), and they leak into the shared component schemas.
            handler.responses = {code: replace(spec, generate_examples=False) for code, spec in responses.items()}
            security = _security(guards)
            if security is not None:
                handler.security = security
            handler.operation_class = _documented_operation(
                handler.operation_class,
                offered=offered,
                optional_body=_has_optional_body(handler),
                csrf_header=security is not None and bool(_UNSAFE & set(handler.http_methods)),
            )


def _has_optional_body(handler: HTTPRouteHandler) -> bool:
    """Whether the handler's body (the parameter declared `Body(...)`, e.g. `JSONBody[X | None] = None`) has a
    default, so a request may leave it out."""
    return any(
        isinstance(field.kwarg_definition, BodyKwarg) and field.has_default
        for field in handler.parsed_fn_signature.parameters.values()
    )


_API_KEY_OR_SESSION: list[SecurityRequirement] = [{"apiKey": []}, {"session": []}]
_SESSION: list[SecurityRequirement] = [{"session": []}]
_UNSAFE = frozenset({"POST", "PUT", "PATCH", "DELETE"})


def _security(guards: Sequence[object]) -> list[SecurityRequirement] | None:
    """`security` from the route's guards (module doc): none for a public route."""
    if session_only in guards:
        return _SESSION
    if authenticated in guards or workspace_permission in guards:
        return _API_KEY_OR_SESSION
    return None


def _documented_operation(
    base: type[Operation], *, offered: frozenset[int], optional_body: bool, csrf_header: bool
) -> type[Operation]:
    """`base`, finished from what Litestar put into the operation (after `base`'s own `__post_init__`):

    - of the `offered` error responses, the 400 stays when the operation has a parameter or a body, the 413 and
      415 when it has a body (Litestar's own rule for its validation 400);
    - `requestBody.required: false` for an optional body (Litestar marks every body required);
    - the optional `X-CSRF-Token` header on writes a session may make (required by cookie sessions, ignored
      for API keys); added last, so it never counts as an input.
    """

    @dataclass
    class _DocumentedOperation(base):  # type: ignore[valid-type,misc]
        def __post_init__(self) -> None:
            parent = getattr(super(), "__post_init__", None)
            if parent is not None:
                parent()
            _finish(self, offered=offered, optional_body=optional_body, csrf_header=csrf_header)

    return _DocumentedOperation


def _finish(operation: Operation, *, offered: frozenset[int], optional_body: bool, csrf_header: bool) -> None:
    body = operation.request_body if isinstance(operation.request_body, RequestBody) else None
    dropped = {str(code) for code in offered if code in _BODY_ERRORS and body is None}
    if body is None and not operation.parameters:
        dropped.update(str(code) for code in offered if code in _INPUT_ERRORS)
    if dropped and operation.responses:
        operation.responses = {code: spec for code, spec in operation.responses.items() if code not in dropped}
    if optional_body and body is not None:
        operation.request_body = replace(body, required=False)
    if csrf_header:
        operation.parameters = [*(operation.parameters or []), _csrf_parameter()]


def _csrf_parameter() -> Parameter:
    return Parameter(
        name=CSRF_HEADER,
        param_in="header",
        required=False,
        schema=Schema(type=OpenAPIType.STRING),
        description="Required with a session cookie (from `GET /api/v1/auth/csrf`); not used with an API key.",
    )


class StrictStructSchemaPlugin(OpenAPISchemaPlugin):
    """Litestar's msgspec struct schema, plus `additionalProperties: false` for `forbid_unknown_fields` structs.

    Litestar's own struct plugin is private (`litestar._openapi...`), so this public `OpenAPISchemaPlugin` does not
    subclass it: it claims strict structs, asks the next plugin that supports the field (Litestar's, from the
    `plugins` of the schema creator it is handed) for the schema, then tightens it.
    """

    def is_plugin_supported_field(self, field_definition: FieldDefinition) -> bool:
        struct_config = getattr(field_definition.type_, "__struct_config__", None)
        return (
            not field_definition.is_union
            and isinstance(field_definition.type_, type)
            and issubclass(field_definition.type_, msgspec.Struct)
            and struct_config is not None
            and struct_config.forbid_unknown_fields
        )

    def to_openapi_schema(self, field_definition: FieldDefinition, schema_creator: Any) -> Schema:
        fallback = next(
            plugin
            for plugin in schema_creator.plugins
            if plugin is not self and schema_creator.plugin_supports_field(plugin, field_definition)
        )
        schema: Schema = fallback.to_openapi_schema(field_definition, schema_creator)
        schema.additional_properties = False
        _add_lost_constraints(field_definition.type_, schema)
        _defaults_to_descriptions(schema)
        return schema


def _defaults_to_descriptions(schema: Schema) -> None:
    """Move each property's `default` into its description (request structs only; see the module doc)."""
    for prop in (schema.properties or {}).values():
        if not isinstance(prop, Schema) or prop.default is None:
            continue
        note = f"Default: `{msgspec.json.encode(prop.default).decode()}`."
        prop.description = f"{prop.description} {note}" if prop.description else note
        prop.default = None


_NUMERIC_BOUNDS = {"ge": "minimum", "gt": "exclusive_minimum", "le": "maximum", "lt": "exclusive_maximum"}


def _add_lost_constraints(struct: Any, schema: Schema) -> None:
    """Put back the constraints Litestar loses on struct fields, taken from msgspec's type info:

    - list items: `list[Annotated[str, Meta(pattern=...)]]` becomes `items: {type: string}`;
    - bounds of zero on optional numbers: `Annotated[float, Meta(ge=0)] | None` loses `minimum: 0` (Litestar
      copies the bound only when it is truthy).
    """
    info = msgspec.inspect.type_info(struct)
    if not isinstance(info, msgspec.inspect.StructType):
        return
    for field in info.fields:
        prop = (schema.properties or {}).get(field.encode_name)
        if not isinstance(prop, Schema):
            continue
        field_type = _unwrap(field.type)
        if isinstance(field_type, msgspec.inspect.UnionType) and prop.one_of:
            _add_member_bounds(field_type, prop.one_of)
        if isinstance(field_type, msgspec.inspect.IntType | msgspec.inspect.FloatType):
            for bound, key in _NUMERIC_BOUNDS.items():
                value = getattr(field_type, bound)
                if value is not None and getattr(prop, key) is None:
                    setattr(prop, key, float(value))
        if isinstance(field_type, msgspec.inspect.ListType):
            if prop.items is None and prop.one_of:  # `list[...] | UnsetType`
                prop = next((s for s in prop.one_of if isinstance(s, Schema) and s.items is not None), prop)
            items = prop.items
            item_type = _unwrap(field_type.item_type)
            if not isinstance(items, Schema):
                continue
            if isinstance(item_type, msgspec.inspect.StrType):
                items.pattern = items.pattern or item_type.pattern
                items.min_length = items.min_length if items.min_length is not None else item_type.min_length
                items.max_length = items.max_length if items.max_length is not None else item_type.max_length
            elif isinstance(item_type, msgspec.inspect.IntType):
                items.minimum = items.minimum if items.minimum is not None else item_type.ge
                items.maximum = items.maximum if items.maximum is not None else item_type.le


_JSON_TYPE = {
    msgspec.inspect.StrType: OpenAPIType.STRING,
    msgspec.inspect.ListType: OpenAPIType.ARRAY,
    msgspec.inspect.IntType: OpenAPIType.INTEGER,
    msgspec.inspect.FloatType: OpenAPIType.NUMBER,
}


def _add_member_bounds(union: msgspec.inspect.UnionType, branches: Sequence[Any]) -> None:
    """`Annotated[str, Meta(max_length=...)] | Annotated[list[X], Meta(min_length=1)]` becomes a `oneOf` whose
    branches lost their bounds: give each branch the bounds of the union member of its JSON type."""
    for member in union.types:
        member_type = member.type if isinstance(member, msgspec.inspect.Metadata) else member
        json_type = _JSON_TYPE.get(type(member_type))
        branch = next((b for b in branches if isinstance(b, Schema) and b.type == json_type), None)
        if json_type is None or branch is None:
            continue
        if isinstance(member_type, msgspec.inspect.StrType):
            branch.min_length = branch.min_length if branch.min_length is not None else member_type.min_length
            branch.max_length = branch.max_length if branch.max_length is not None else member_type.max_length
            branch.pattern = branch.pattern or member_type.pattern
        elif isinstance(member_type, msgspec.inspect.ListType):
            branch.min_items = branch.min_items if branch.min_items is not None else member_type.min_length
            branch.max_items = branch.max_items if branch.max_items is not None else member_type.max_length
        else:
            for bound, key in _NUMERIC_BOUNDS.items():
                value = getattr(member_type, bound)
                if value is not None and getattr(branch, key) is None:
                    setattr(branch, key, float(value))


def _unwrap(field_type: msgspec.inspect.Type) -> msgspec.inspect.Type:
    """`X | None` (msgspec already drops `UnsetType`) and `Metadata` wrappers: the inner `X`."""
    if isinstance(field_type, msgspec.inspect.UnionType):
        members = [t for t in field_type.types if not isinstance(t, msgspec.inspect.NoneType)]
        field_type = members[0] if len(members) == 1 else field_type
    if isinstance(field_type, msgspec.inspect.Metadata):
        field_type = field_type.type
    return field_type
