"""Luoshi (落实): track an implementation plan's measures and report on them, offline."""

from desktop.domain.version import VERSION as __version__

__all__ = ["__version__"]
