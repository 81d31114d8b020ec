"""The office server (PostgreSQL through psycopg 3): the only code that talks to it.

Services call it; the window never imports it. It knows domain values and nothing of SQLite.
"""
