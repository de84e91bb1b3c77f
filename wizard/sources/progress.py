"""How a long read reports how far it got, and how it is stopped: shared by every source.

They sit below the clients that use them and `gather` above those, so nothing here imports a
source. `Progress` is a plain callable: the wizard's worker turns its calls into a signal, the
command line ignores them.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from wizard.core.errors import Cancelled

# progress(message, done, total): total 0 means "unknown"
Progress = Callable[[str, int, int], None]


def no_progress(message: str, done: int, total: int) -> None:
    del message, done, total


class CancelToken:
    """Checked by long jobs between requests; set from any thread."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def wait(self, seconds: float) -> None:
        """Sleep up to `seconds`, waking at once on Cancel (then raising `Cancelled`)."""
        self._event.wait(seconds)
        self.raise_if_cancelled()

    def raise_if_cancelled(self) -> None:
        if self._event.is_set():
            raise Cancelled
