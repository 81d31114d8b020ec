"""The only code that touches SQLite (through sqlite-utils).

sqlite-utils imports numpy whenever it is installed (to store numpy values, which Luoshi never hands it).
numpy comes with the OCR extra and would add about 50 ms to opening the desk: sqlite-utils is shown no
numpy while it loads here, before any storage module imports it; the OCR reader imports numpy itself.
"""

import sys

if "numpy" not in sys.modules and "sqlite_utils" not in sys.modules:
    sys.modules["numpy"] = None  # type: ignore[assignment]
    try:
        import sqlite_utils  # noqa: F401
    finally:
        del sys.modules["numpy"]
