"""`python -m desktop`: start Luoshi."""

from desktop.app import main

if __name__ == "__main__":  # not when a child process (the OCR reader) imports the main module
    raise SystemExit(main())
