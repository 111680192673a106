"""Configuration: typed settings read from the environment."""

from app.config.settings import Settings, SettingsError, get_settings

__all__ = ["Settings", "SettingsError", "get_settings"]
