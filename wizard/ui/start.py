"""Opening the window, for `python -m wizard`, the frozen app and `sync-checkup --demo`.

This module imports nothing at the top: the window's start goes through here without the command
line's parser and the modules behind its commands (issue 15: start-up), and the commands reach
the window through here without importing Qt until a window is wanted.
"""

from __future__ import annotations

import gc
from pathlib import Path


def open_window(demo: bool = False, screenshots: Path | None = None) -> int:
    """Import Qt and the wizard, open the window, and return its exit status."""
    # Start-up creates many long-lived objects (modules, Qt types) and no garbage worth a cyclic
    # collection: run_app turns the collector back on once the window has painted.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        from wizard.ui.app import run_app
        return run_app(demo=demo, screenshots=screenshots)
    finally:
        if was_enabled:
            gc.enable()
