"""Background work on QThreadPool: every read, check, sign-in and file job runs here.

A `Worker` wraps a plain function `fn(progress, cancel) -> value`. Widgets learn about it only
through its signals (delivered on the GUI thread), never by touching the worker. Progress is
throttled so a chatty source can't flood the event loop.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from wizard.core.errors import Cancelled, SyncCheckupError
from wizard.ui import errors

if TYPE_CHECKING:
    from wizard.sources.progress import CancelToken, Progress

log = logging.getLogger(__name__)

_PROGRESS_INTERVAL_S = 0.05

_running: set[Worker] = set()
_running_lock = threading.Lock()


def running_workers() -> int:
    """How many workers have started and not yet delivered their last signal."""
    with _running_lock:
        return len(_running)


class WorkerSignals(QObject):
    """The worker's voice on the GUI thread.

    Signals:
        progress(str, int, int): message, done, total (total 0 = unknown).
        finished(object): the function's return value.
        failed(str, str): a sentence for the page, and details (scrubbed, with the version
            header) for "Copy details" — empty for expected problems.
        cancelled(): the job stopped because Cancel was clicked.
        done(): always last, after one of the three above.
    """

    progress = Signal(str, int, int)
    finished = Signal(object)
    failed = Signal(str, str)
    cancelled = Signal()
    done = Signal()


class Worker(QRunnable):
    """Runs `fn(progress, cancel)` on the thread pool; see WorkerSignals for what it reports."""

    def __init__(self, fn: Callable[[Progress, CancelToken], Any], name: str = "job") -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.fn = fn
        self.name = name
        from wizard.sources.progress import CancelToken  # the first job runs after the first paint

        self.cancel_token = CancelToken()
        self.signals = WorkerSignals()
        self.signals.done.connect(self._on_signals_done)
        self._last_progress = 0.0

    def cancel(self) -> None:
        self.cancel_token.cancel()

    @property
    def cancelled(self) -> bool:
        return self.cancel_token.cancelled

    def start(self, pool: QThreadPool | None = None) -> Worker:
        with _running_lock:
            _running.add(self)
        (pool or QThreadPool.globalInstance()).start(self)
        return self

    def _progress(self, message: str, done: int, total: int) -> None:
        now = time.monotonic()
        if now - self._last_progress < _PROGRESS_INTERVAL_S and not (total and done >= total):
            return
        self._last_progress = now
        self.signals.progress.emit(message, done, total)

    def run(self) -> None:
        started = time.perf_counter()
        try:
            value = self.fn(self._progress, self.cancel_token)
            if self.cancel_token.cancelled:
                raise Cancelled
        except Cancelled:
            log.info("%s cancelled", self.name)
            self.signals.cancelled.emit()
        except SyncCheckupError as exc:
            log.info("%s stopped: %s", self.name, exc)
            self.signals.failed.emit(str(exc), "")
        except Exception as exc:  # noqa: BLE001 - the one unexpected path: errors.py logs it
            shown = errors.from_job(exc, self.name)
            self.signals.failed.emit(shown.sentence, shown.details)
        else:
            log.info("%s finished in %.2f s", self.name, time.perf_counter() - started)
            self.signals.finished.emit(value)
        self.signals.done.emit()

    def _on_signals_done(self) -> None:
        # delivered on the GUI thread after the result signals, so "running" ends only once the
        # page has seen the outcome
        with _running_lock:
            _running.discard(self)
