"""The one channel for the unexpected: log it, then show one calm dialog with "Copy details".

Expected problems never come here: they are sentences shown on the page. With the headless
switch (tests, screenshot runs, smoke tests) the dialog becomes a log line instead.
"""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtWidgets import QApplication

from wizard import logs
from wizard.text import N_

log = logging.getLogger(__name__)

CALM = N_("Something unexpected happened. Your data in Clockify and QuickBooks was not "
          "changed. You can keep using the app; if this keeps happening, click Copy details and "
          "send them to support@clockify.me.")

_headless = False


def set_headless(on: bool) -> None:
    global _headless
    _headless = on


def details_text(exc_type: type[BaseException], exc: BaseException,
                 tb: TracebackType | None) -> str:
    from wizard import __version__
    text = "".join(traceback.format_exception(exc_type, exc, tb))
    return logs.scrub(f"Sync Checkup {__version__}, Python {sys.version.split()[0]}\n{text}")


def show_unexpected(exc_type: type[BaseException], exc: BaseException,
                    tb: TracebackType | None) -> None:
    details = details_text(exc_type, exc, tb)
    log.error("unexpected error:\n%s", details)
    if _headless or QApplication.instance() is None:
        return
    from wizard.ui.unexpected_dialog import UnexpectedDialog  # built only when needed

    UnexpectedDialog(details).exec()


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
