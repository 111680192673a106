"""API keys of a workspace: their management (create, list, revoke). Their use is in `app.domain.access`."""
