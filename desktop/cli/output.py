"""The command line's one way to print: text and JSON to stdout, failures to stderr (UTF-8 always)."""

from __future__ import annotations

import json
import sys
from argparse import Namespace
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from desktop.cli.messages import TEXT, error_text
from desktop.domain.errors import LuoshiError
from desktop.services.guided import GUIDED_ERRORS
from desktop.services.locations import database_path
from desktop.services.workspace import Workspace


def say(text: str) -> None:
    """Print one line for the clerk."""
    sys.stdout.write(text + "\n")


def say_json(data: object) -> None:
    """Print `data` as indented JSON, Chinese as it is."""
    say(json.dumps(data, ensure_ascii=False, indent=1))


def complain(text: str) -> None:
    """Print a failure message on stderr."""
    sys.stderr.write(text + "\n")


def complain_error(error: LuoshiError) -> None:
    """Print an error's message on stderr; a file the parser could not read gets the guided options too."""
    complain(error_text(error))
    if error.code in GUIDED_ERRORS:
        complain(TEXT["guided_hint"])


def with_workspace(command: Callable[[Namespace, Workspace], int]) -> Callable[[Namespace], int]:
    """Return `command` run on the database the arguments name (for `set_defaults(func=…)`)."""

    def run(args: Namespace) -> int:
        with workspace(args) as ws:
            return command(args, ws)

    return run


@contextmanager
def workspace(args: Namespace) -> Iterator[Workspace]:
    """Open the database the command names (--db, $LUOSHI_DB or the data folder) for one command."""
    with Workspace(database_path(args.db)) as ws:
        yield ws


def page_progress(name: str) -> Callable[[int, int], None]:
    """Return a progress callback that tells stderr which page of a scan is being recognised."""

    def report(done: int, pages: int) -> None:
        complain(TEXT["ocr_page"].format(name=name, page=done + 1, pages=pages))

    return report
