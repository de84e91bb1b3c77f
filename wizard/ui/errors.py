"""The one channel for the unexpected: log it once, with the version header, and show one calm
sentence with "Copy details".

Expected problems never come here: they are sentences shown on the page. An exception that
reaches the top of the event loop gets a dialog (`excepthook`); one raised inside a background
job is handed here by its worker (`from_job`) and shown on the page that started the job, where
the page already has a place for it. With the headless switch (tests, screenshot runs, smoke
tests) the dialog becomes a log line instead.
"""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType
from typing import NamedTuple

from PySide6.QtWidgets import QApplication

from wizard import __version__
from wizard.text import _
from wizard.text.unexpected import UNEXPECTED

log = logging.getLogger(__name__)

_headless = False


def set_headless(on: bool) -> None:
    global _headless
    _headless = on


class Unexpected(NamedTuple):
    """What a person is shown: the calm sentence, and the details behind "Copy details"."""

    sentence: str
    details: str


def details_text(exc_type: type[BaseException], exc: BaseException,
                 tb: TracebackType | None) -> str:
    from wizard import redact  # when a problem is shown, not before the first paint

    text = "".join(traceback.format_exception(exc_type, exc, tb))
    return redact.scrub(f"Sync Checkup {__version__}, Python {sys.version.split()[0]}\n{text}")


def _logged(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None,
            where: str) -> Unexpected:
    details = details_text(exc_type, exc, tb)
    log.error("unexpected error in %s:\n%s", where, details)
    return Unexpected(_(UNEXPECTED), details)


def from_job(exc: BaseException, job: str) -> Unexpected:
    """A background job's unexpected exception (called on the worker thread: no widgets)."""
    return _logged(type(exc), exc, exc.__traceback__, f"the {job} job")


def show_unexpected(exc_type: type[BaseException], exc: BaseException,
                    tb: TracebackType | None) -> None:
    shown = _logged(exc_type, exc, tb, "the window")
    if _headless or QApplication.instance() is None:
        return
    # imported when first needed: the dialog's module is not part of the window's start
    from wizard.ui.unexpected_dialog import UnexpectedDialog
    UnexpectedDialog(shown.sentence, shown.details).exec()


def excepthook(exc_type: type[BaseException], exc: BaseException,
               tb: TracebackType | None) -> None:
    if issubclass(exc_type, KeyboardInterrupt):
        QApplication.quit()
        return
    try:
        show_unexpected(exc_type, exc, tb)
    except Exception:  # the handler of last resort must not raise
        log.exception("the error dialog itself failed")


def install(headless: bool = False) -> None:
    set_headless(headless)
    sys.excepthook = excepthook
