"""Use cases the UI and the CLI call; no Qt here."""
