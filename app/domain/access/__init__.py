"""Access control at run time: who is calling (`authentication`), what they may do in a workspace
(`authorization`, `permissions`), the router guards that enforce it (`guards`), the dependencies that hand the
result to handlers (`deps`), and the per-process state behind it (sessions, login throttle, rate limiter, API-key
lookup, workspace and member caches: `runtime`)."""
