"""PySide6 widgets, models and dialogs (the only package that imports Qt besides app.py)."""
