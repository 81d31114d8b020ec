"""Plain dataclasses and pure rules; standard library only."""
