"""The audit log: security and deployment events per workspace."""
