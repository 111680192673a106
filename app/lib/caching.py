"""Cache directives a route declares on itself.

`cache_control=NO_STORE` on a handler: the response carries a secret (a session's CSRF token, a full API key,
who the caller is), so no browser, proxy or CDN may keep a copy. Litestar adds the header to every response of
the handler and documents it in OpenAPI, so a new secret-bearing route opts in where it is declared.
"""

from __future__ import annotations

from litestar.datastructures import CacheControlHeader

NO_STORE = CacheControlHeader(no_store=True)
"""`Cache-Control: no-store` for responses that carry a secret."""
