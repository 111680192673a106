"""The app's runtime services in one typed container, built once by `ApplicationCore` (app/server/core.py).

Caches, the invalidation and event buses, the access runtime (sessions, rate limiter, key lookup), the LLM client,
the webhooks runtime, ... are objects of one process and one app: two apps in one process (the tests do that)
must not share them, so none lives at module level. `ApplicationCore` builds them all in `on_app_init` and puts
this container, the only entry of `app.state` the service uses, under `SERVICES_KEY`.

Each service is stored and read by its type, so a reader gets a typed object without this module knowing the
features: handlers through the app-wide dependencies of `RUNTIME_DEPENDENCIES` (app/server/services.py, built on
`provide_service`), guards, lifespans and ASGI layers through `services_of(app).get(AccessRuntime)`.
"""

from __future__ import annotations

from typing import Any, TypeVar

from litestar import Litestar, Request
from litestar.datastructures import State
from litestar.di import Provide

T = TypeVar("T")

SERVICES_KEY = "services"


class Services:
    """One instance per type: what the app runs with (a missing optional one, such as Redis, is simply absent)."""

    def __init__(self) -> None:
        self._items: dict[type[Any], Any] = {}

    def add(self, service: T, *, as_type: type[T] | None = None) -> T:
        """Store `service` under its own type (or `as_type`); a second one of the same type is a wiring error."""
        kind = as_type or type(service)
        if kind in self._items:
            msg = f"the app already has a {kind.__name__}"
            raise RuntimeError(msg)
        self._items[kind] = service
        return service

    def get(self, kind: type[T]) -> T:
        """The app's `kind`; `LookupError` when it was not built (a wiring error, never a request error)."""
        try:
            service: T = self._items[kind]
        except KeyError:
            msg = f"the app has no {kind.__name__} (built in ApplicationCore.on_app_init)"
            raise LookupError(msg) from None
        return service

    def find(self, kind: type[T]) -> T | None:
        """The app's `kind`, or None for an optional service that is not configured (Redis, tracing)."""
        service: T | None = self._items.get(kind)
        return service

    def __contains__(self, kind: type[Any]) -> bool:
        return kind in self._items


def services_in(state: State) -> Services:
    """The container kept in an app's `state`."""
    services: Services = state[SERVICES_KEY]
    return services


def services_of(app: Litestar) -> Services:
    """The app's container (for code that has the app but no dependency injection: guards, ASGI layers)."""
    return services_in(app.state)


def provide_service(kind: type[T]) -> Provide:
    """A dependency that gives the handler the app's `kind`."""

    def provide(request: Request[Any, Any, Any]) -> Any:
        return services_of(request.app).get(kind)

    return Provide(provide, sync_to_thread=False)


def provide_optional_service(kind: type[T]) -> Provide:
    """A dependency that gives the handler the app's `kind`, or None when it is not configured (Redis)."""

    def provide(request: Request[Any, Any, Any]) -> Any:
        return services_of(request.app).find(kind)

    return Provide(provide, sync_to_thread=False)
