"""When a window's widgets are deleted, and by which thread.

A Python-owned Qt object kept only by a reference cycle is deleted by Python's cyclic garbage
collector, which runs on whichever thread allocates next: often a worker's. Qt widgets must only
be deleted on the GUI thread. A window deleted that way crashed the GUI thread that was painting
it (a segfault "Garbage-collecting" in pytest-qt's event processing at teardown), or, collected on
one of the window's own pool threads, hung in the pool's destructor waiting for itself.
"""

from __future__ import annotations

import contextlib
import gc
import threading
import weakref
from collections.abc import Iterator

import pytest
import shiboken6

from tests.ui.conftest import make_window
from wizard.flow import Flow
from wizard.sources.sample import sample_info
from wizard.ui import first_paint
from wizard.ui.wizard_window import WizardWindow
from wizard.ui.workers import running_workers

pytestmark = pytest.mark.gui


@contextlib.contextmanager
def _no_cyclic_collection() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def test_a_window_goes_with_its_last_reference_not_with_the_cyclic_collector(qtbot) -> None:  # type: ignore[no-untyped-def]
    del qtbot  # for the QApplication only: a window qtbot holds would outlive the reference
    with _no_cyclic_collection():
        window = WizardWindow(Flow(sample_info().today), prebuild=False)
        header = window.welcome.header  # a widget inside, to see the C++ side go too
        gone = weakref.ref(window)
        del window
        assert gone() is None, "a reference cycle keeps the window for the cyclic collector"
        assert not shiboken6.isValid(header)


def test_a_window_a_test_drops_stays_until_its_teardown(qtbot) -> None:  # type: ignore[no-untyped-def]
    # no pages built ahead: their timer would hold the window (strongly) meanwhile
    window = make_window(qtbot, prebuild=False)
    welcome = window.welcome
    # its first-paint work (the keyring lookup) has started and ended
    qtbot.waitUntil(lambda: all(w.parent() is not welcome for w in first_paint._waiting)
                    and running_workers() == 0, timeout=10_000)
    header = welcome.header
    kept = weakref.ref(window)
    del window  # (the page kept here holds no reference to its window)
    # a collection on another thread, as a worker's allocation starts one, finds nothing of
    # the window to delete: the fixture holds it until qtbot has closed it at teardown
    collector = threading.Thread(target=gc.collect)
    collector.start()
    collector.join()
    assert kept() is not None
    assert shiboken6.isValid(header)
    assert header.isVisible()
