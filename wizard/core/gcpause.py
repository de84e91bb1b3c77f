"""Pausing Python's cyclic garbage collector during batch work on a large company.

Building hundreds of thousands of records triggers full collections that walk every record
already built, again and again: on the large benchmark company that doubles the checks' time
and, in the wizard, holds the GIL long enough to freeze the window. The records are acyclic
and freed by reference counting, so nothing is lost by pausing the collector meanwhile.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def paused_gc(freeze: bool = False) -> Iterator[None]:
    """No cyclic collection inside the block (nesting is fine: only the outermost resumes it).

    `freeze`: move what survives to the permanent generation, so later collections (on any
    thread) don't walk a loaded company again.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if freeze:
            gc.freeze()
        if was_enabled:
            gc.enable()
