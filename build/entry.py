"""The bundle's one program: the window by default, the command line after `cli`.

`luoshi` opens the window; `luoshi cli …` runs the same commands as the `luoshi` command of a checkout.
"""

from __future__ import annotations

import multiprocessing
import sys


def main() -> int:
    """Dispatch to the command line or the window (or, started by multiprocessing, be the OCR child)."""
    multiprocessing.freeze_support()  # the OCR child runs this program again: it must not open a window
    if len(sys.argv) > 1 and sys.argv[1] == "cli":
        from desktop.cli import main as cli_main

        return cli_main(sys.argv[2:])
    from desktop.app import main as app_main

    return app_main(sys.argv[1:])


if __name__ == "__main__":
    raise SystemExit(main())
