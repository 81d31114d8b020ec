"""`python -m desktop`: start Luoshi."""

from desktop.app import main

raise SystemExit(main())
