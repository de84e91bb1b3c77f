"""The Qt side of one wizard session: runs the flow's check on a worker and tells the pages.

Pages never start threads themselves; they ask the session (`recheck`, `run_job`) and listen to
its signals. The session owns every worker, so closing the window can cancel and wait for all.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QSettings, QThreadPool, QTimer, Signal

from wizard.flow import Flow
from wizard.storage import paths

# jobs pulls in the whole engine: imported when the first check starts; the workers (and the
# app's error types) with the first job, after the window's first paint
if TYPE_CHECKING:
    from wizard.sources.progress import CancelToken, Progress
    from wizard.ui import jobs
    from wizard.ui.workers import Worker

log = logging.getLogger(__name__)


def open_settings() -> QSettings:
    """Choices and window size, in an INI file in the config folder (never secrets)."""
    return QSettings(str(paths.config_dir() / "wizard.ini"), QSettings.Format.IniFormat)


class Session(QObject):
    """Signals:
        changed(): the flow changed (load state, result, choices); pages refresh.
        progress(str, int, int): the running check's message, done, total.
        loaded(object): a finished check (`jobs.Loaded`), after every page was filled.
        error(str, str): the check failed: a sentence, and details for "Copy details".
    """

    changed = Signal()
    progress = Signal(str, int, int)
    loaded = Signal(object)
    error = Signal(str, str)

    def __init__(self, flow: Flow, readers: jobs.Readers | None = None,
                 record_history: bool = True, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.flow = flow
        self.readers = readers
        self.record_history = record_history
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(4)
        self.loaded_data: jobs.Loaded | None = None
        self.error_details = ""
        self._check: Worker | None = None
        self._jobs: set[Worker] = set()
        self._loaded_request: Any = None
        self._pending: jobs.Loaded | None = None
        self._views: list[Callable[[jobs.Loaded], None]] = []
        self.closed = False  # after shutdown(): deferred start-up work must not start workers

    # --- the check --------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self._check is not None

    def needs_check(self) -> bool:
        """Whether the choices or period differ from what the shown result was made from."""
        return self.flow.result is None or self._loaded_request != self.flow.request()

    def recheck(self) -> None:
        if self._check is not None:
            return
        from wizard.ui import jobs
        from wizard.ui.workers import Worker

        request = self.flow.request()
        worker = Worker(partial(jobs.check, request, readers=self.readers,
                                record_history=self.record_history), name="check")
        worker.signals.progress.connect(self.on_check_progress)
        worker.signals.finished.connect(partial(self.on_check_finished, request))
        worker.signals.failed.connect(self.on_check_failed)
        worker.signals.cancelled.connect(self.on_check_cancelled)
        worker.signals.done.connect(self.on_check_done)
        self._check = worker
        self.flow.start_load()
        self.error_details = ""
        log.info("check started (clockify=%s, quickbooks=%s, period %s to %s)",
                 request.clockify, request.quickbooks, *request.period)
        self.changed.emit()
        # Its thread starts once the event that asked for it is handled: Next on Welcome then
        # switches to the Plan page before a busy worker competes with it for the interpreter
        # lock (that switch took twice its own CPU time in wall-clock time on the large company).
        QTimer.singleShot(0, self, partial(self._start_check, worker))

    def _start_check(self, worker: Worker) -> None:
        if worker is self._check and not self.closed:
            worker.start(self.pool)

    def cancel(self) -> None:
        if self._check is not None:
            self._check.cancel()

    def on_check_progress(self, message: str, done: int, total: int) -> None:
        self.progress.emit(message, done, total)

    def add_view(self, show: Callable[[jobs.Loaded], None]) -> None:
        """A page's fill function, called with each finished check (one page per event-loop
        pass, so filling seven pages never blocks the window in one go)."""
        self._views.append(show)

    def on_check_finished(self, request: Any, loaded: jobs.Loaded) -> None:
        self._loaded_request = request
        self._pending = loaded

    def on_check_failed(self, message: str, details: str) -> None:
        self.flow.fail_load(message)
        self.error_details = details
        self.error.emit(message, details)

    def on_check_cancelled(self) -> None:
        self.flow.cancel_load()

    def on_check_done(self) -> None:
        loaded, self._pending = self._pending, None
        if loaded is None:
            self._check = None
            self.changed.emit()
            return
        self.loaded_data = loaded
        self.flow.finish_load(loaded.result, loaded.comparison, loaded.snapshot)
        self._deliver(loaded, list(self._views))

    def _deliver(self, loaded: jobs.Loaded, views: list[Callable[[jobs.Loaded], None]]) -> None:
        if views:
            views.pop(0)(loaded)
            QTimer.singleShot(1, self, partial(self._deliver, loaded, views))
            return
        self._check = None
        self.loaded.emit(loaded)
        self.changed.emit()

    # --- other background jobs (key check, sign-in, files, report) ---------------------------

    def run_job(self, fn: Callable[[Progress, CancelToken], Any], name: str,
                on_finished: Callable[[Any], None],
                on_failed: Callable[[str, str], None],
                on_cancelled: Callable[[], None] | None = None) -> Worker:
        from wizard.ui.workers import Worker

        worker = Worker(fn, name=name)
        worker.signals.finished.connect(on_finished)
        worker.signals.failed.connect(on_failed)
        if on_cancelled is not None:
            worker.signals.cancelled.connect(on_cancelled)
        worker.signals.done.connect(partial(self._jobs.discard, worker))
        self._jobs.add(worker)
        return worker.start(self.pool)

    def shutdown(self, wait_ms: int = 5000) -> bool:
        """Cancel everything and wait for the workers; True when all stopped in time."""
        self.closed = True
        if self._check is not None:
            self._check.cancel()
        for job in list(self._jobs):
            job.cancel()
        return self.pool.waitForDone(wait_ms)


def file_list(value: Any) -> tuple[Path, ...]:
    """A list of paths from QSettings (which returns a str for one item, a list for more)."""
    if not value:
        return ()
    items = [value] if isinstance(value, str) else list(value)
    return tuple(Path(v) for v in items if v)
