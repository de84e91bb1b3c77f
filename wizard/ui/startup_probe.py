"""Start-up timing for benchmarks/bundle_size_start.py.

With SYNC_CHECKUP_EXIT_AFTER_PAINT=1 in the environment, the app prints FIRST_PAINT_MARKER on
stdout as soon as its first window has been painted, then quits. The benchmark times the process
from launch to that line, the same way for the app and for the bare "hello window" bundle, so the
two figures compare. Before it, two STAGE_MARKER lines give the monotonic clock (the one the
benchmark's perf_counter reads on Linux) when install() ran, i.e. once the modules were imported
and the QApplication made, and when the first paint was seen: the benchmark splits the start-up
there. Without the variable, install() and watch() do nothing.

run_app() (and the hello window) call install(app) right after creating the QApplication, and
watch(window) just before showing it. Only that window's events reach the probe: a filter on the
whole application would make PySide wrap every object and event of the window being built (and
create the Python types of all their classes) in the app but hardly any in the one-label hello
window, so the probe would slow the app down more than the floor it is compared with.
"""

from __future__ import annotations

import logging
import os
import sys
import time

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)

ENV_VAR = "SYNC_CHECKUP_EXIT_AFTER_PAINT"
FIRST_PAINT_MARKER = "SYNC_CHECKUP_FIRST_PAINT"
STAGE_MARKER = "SYNC_CHECKUP_STAGE"
MODULES_MARKER = "SYNC_CHECKUP_MODULES"


def _stage(name: str) -> None:
    if sys.stdout is not None:  # a windowed Windows build has no stdout
        sys.stdout.write(f"{STAGE_MARKER} {name} {time.monotonic():.6f}\n")


class _FirstPaintFilter(QObject):
    """Watches one top-level window's events until it gets its first paint."""

    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self._app = app
        self._seen = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._seen and event.type() == QEvent.Type.Paint:
            self._seen = True
            _stage("paint")
            # A zero timer fires once this paint event (and the flush after it) is done.
            QTimer.singleShot(0, self._report)
        return False

    def _report(self) -> None:
        if sys.stdout is not None:  # a windowed Windows build has no stdout
            # how many modules it took to get here: each costs more from a frozen bundle's
            # archive than from a source tree
            sys.stdout.write(f"{MODULES_MARKER} {len(sys.modules)}\n")
            sys.stdout.write(FIRST_PAINT_MARKER + "\n")
            sys.stdout.flush()
        self._app.quit()


_probe: list[_FirstPaintFilter] = []  # the armed probe (its Python side must stay alive)


def install(app: QCoreApplication) -> bool:
    """Arm the probe when ENV_VAR is set; returns whether it was armed."""
    if os.environ.get(ENV_VAR) != "1":
        return False
    _stage("app")
    log.info("startup probe armed: quitting after the first painted window")
    _probe[:] = [_FirstPaintFilter(app)]
    return True


def watch(window: QWidget) -> None:
    """Report `window`'s first paint (the probe must be armed; call it before show())."""
    if _probe:
        window.installEventFilter(_probe[0])
