"""Cross-cutting building blocks shared by every feature: errors, logging, caching, schemas."""
