"""The prompt registry: prompts, immutable versions, labels, and transfer (import/export).

`controllers/` and `services/` hold one module per aggregate; `pure/` the helpers without I/O. Serving prompts
at run time (resolve, its caches, the fast path) is the `delivery` feature, which follows the registry's changes
through the events of `app.domain.prompts.events`; the registry never touches delivery's caches.
"""
