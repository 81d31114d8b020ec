"""The only code that touches SQLite (through sqlite-utils)."""
