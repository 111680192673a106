"""The registry's rules, one module per aggregate: prompts, versions, labels, transfer (import/export)."""
