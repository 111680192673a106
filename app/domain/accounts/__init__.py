"""People and programs: accounts, sessions, API keys, and the authorization dependencies."""
