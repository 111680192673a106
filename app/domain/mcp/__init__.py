"""MCP server: the registry's prompts and tools over the Model Context Protocol (official `mcp` SDK, 2.x).

`http` mounts it at `/mcp` (streamable HTTP, stateless, API keys), `stdio` serves local clients
(`python -m app mcp`), `server` builds the SDK server both use, `prompts` and `tools` adapt the registry's
services, `notifications` fans prompt-list changes out to listen streams on every instance.
"""
