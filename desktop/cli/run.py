"""`python -m desktop.cli.run`: the `luoshi` command without an installed entry point."""

from desktop.cli import main

raise SystemExit(main())
