"""Logging: one rotating file in the user's log folder; secrets scrubbed before anything is written.

Each module logs through `logging.getLogger(__name__)`. The scrubbing filter (`wizard.redact`)
removes whatever looks like a key, token or e-mail address, whatever a caller passes by mistake.

The window opens the file only after its first paint (issue 7: start-up); until then hold()
keeps the records in memory and setup() writes them out first, so nothing is lost.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from wizard.storage import paths

LOG_NAME = "sync-checkup.log"
_HELD_MAX = 2000  # records kept before the file opens; start-up logs far fewer

if TYPE_CHECKING:
    from logging.handlers import RotatingFileHandler


class ScrubFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        # imported on the first record written, after the window's first paint (its patterns
        # are compiled when it is imported)
        from wizard.redact import scrub

        message = record.getMessage()
        record.msg = scrub(message)
        record.args = None
        if record.exc_info and record.exc_info[1] is not None:
            record.exc_text = scrub(logging.Formatter().formatException(record.exc_info))
            record.exc_info = None
        return True


def log_file() -> Path:
    return paths.log_dir() / LOG_NAME


class _Held(logging.Handler):
    """Keeps records in memory until setup() opens the log file and writes them there."""

    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        if len(self.records) < _HELD_MAX:
            self.records.append(record)


def hold(level: int = logging.INFO) -> None:
    """Keep log records in memory until setup() is called (no-op once the file is open).
    Avoids opening the file and importing logging.handlers before the window's first paint."""
    root = logging.getLogger()
    if any(isinstance(h, _Held | logging.FileHandler) for h in root.handlers):
        return  # already holding, or a log file is open
    root.addHandler(_Held())
    root.setLevel(min(root.level or level, level))


def _file_handler(root: logging.Logger) -> RotatingFileHandler | None:
    import logging.handlers  # after the first paint: see hold()

    target = log_file()
    for handler in root.handlers:
        if isinstance(handler, logging.handlers.RotatingFileHandler) and \
                Path(handler.baseFilename) == target:
            return handler
    return None


def setup(level: int = logging.INFO) -> Path:
    """Log to the rotating file (idempotent), after the records hold() kept. Returns the file's
    path."""
    import logging.handlers  # after the first paint: see hold()

    root = logging.getLogger()
    target = log_file()
    if _file_handler(root) is None:
        handler = logging.handlers.RotatingFileHandler(target, maxBytes=1_000_000,
                                                       backupCount=3, encoding="utf-8",
                                                       delay=True)
        handler.setFormatter(
            logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        handler.addFilter(ScrubFilter())
        root.addHandler(handler)
        root.setLevel(min(root.level or level, level))
        _release(root, handler)
    return target


def _release(root: logging.Logger, handler: logging.Handler) -> None:
    """Write the records hold() kept to `handler`, in order, and stop holding."""
    for held in [h for h in root.handlers if isinstance(h, _Held)]:
        root.removeHandler(held)
        for record in held.records:
            if record.levelno >= handler.level:
                handler.handle(record)
        held.records.clear()
