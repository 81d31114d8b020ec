"""The program's version, written into every ledger so the office above knows what produced it."""

VERSION = "0.1.0"
