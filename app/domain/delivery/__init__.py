"""Delivery: serving prompts at run time (resolve), its caches, the ASGI fast path and the lean loader.

See README.md in this folder for what invalidates what.
"""
