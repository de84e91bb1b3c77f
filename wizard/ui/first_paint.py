"""Work that must not delay the first picture: run it just after a widget is first painted.

Start-up is judged by how soon the window appears. Anything the first picture doesn't need — the
keyring lookup with the libraries it loads, modules of pages not shown yet — waits until the
widget has been painted once, then runs from a zero timer (after that paint has been flushed).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class _AfterPaint(QObject):
    """Waits for `widget`'s first paint event, then queues `callback` once and goes away.

    The Python object is held in `_waiting` until it has run: Qt's parent keeps only the C++
    object alive, and a filter whose Python side was collected is called back as a bare wrapper
    without its attributes.
    """

    def __init__(self, widget: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(widget)
        self._callback = callback
        self._armed = True
        _waiting.add(self)
        self.destroyed.connect(partial(_waiting.discard, self))  # the widget went first
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._armed and event.type() == QEvent.Type.Paint:
            self._armed = False
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self._run)
        return False

    def _run(self) -> None:
        try:
            self._callback()
        finally:
            _waiting.discard(self)
            self.deleteLater()


_waiting: set[_AfterPaint] = set()


def after_first_paint(widget: QWidget, callback: Callable[[], None]) -> None:
    """Call `callback` on the GUI thread right after `widget` is painted for the first time
    (at once on the next event-loop pass if it has already been painted and is visible)."""
    if widget.isVisible() and not widget.visibleRegion().isEmpty():
        QTimer.singleShot(0, widget, callback)
        return
    _AfterPaint(widget, callback)
