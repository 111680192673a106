"""Health checks for container orchestrators."""
