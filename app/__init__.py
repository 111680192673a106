"""Promptsmith: generate, lint, version and serve system prompts for AI assistants."""

__version__ = "0.1.0"
