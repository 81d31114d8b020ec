"""Luoshi (落实): track an implementation plan's measures and report on them, offline."""

__version__ = "0.1.0"
