"""Application wiring: the app factory and its one init plugin."""
