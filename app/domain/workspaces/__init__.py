"""Workspaces (the tenant), their members and roles, and their API keys."""
