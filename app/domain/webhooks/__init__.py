"""Webhooks (issue #12): signed registry events delivered to subscribed URLs through a job queue.

Read in this order: `outbox.py` (events written in the transaction of the change), `relay.py` (outbox rows
become per-subscription deliveries and drain jobs), `queue.py` (saq on Redis, or asyncio tasks when embedded),
`delivery.py` (ordered sends, retries, disabling), `runtime.py` (who runs what, in the API or
`python -m app worker`), then `services.py`/`controllers.py` (the `/webhooks` endpoints). Outbound requests go
through the SSRF guard in `app/lib/outbound.py`; the signature scheme is in `signing.py`.
"""
