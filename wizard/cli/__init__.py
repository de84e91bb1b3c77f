"""The command line: `main` (the `sync-checkup` command, `python -m wizard`), `main_gui` (the
windowed app's entry point) and `parse` (the options). One module per command beside `main`:
check, fix (with undo), companies; `common` below them all."""

from __future__ import annotations

from wizard.cli.main import main, main_gui, parse

__all__ = ["main", "main_gui", "parse"]
