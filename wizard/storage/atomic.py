"""Whole file or nothing: what the app writes (history, reports) never ends up half-written."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def write_atomically(target: Path, data: bytes, temp_prefix: str | None = None) -> None:
    """Write to a temporary file beside `target`, flush it to disk, then rename it over `target`.

    A crash at any point leaves either the old file or the new one. An existing file keeps its
    permissions; a new one gets the usual 0644 rather than mkstemp's private 0600.
    """
    prefix = temp_prefix or f".{target.name}."
    fd, temp_name = tempfile.mkstemp(prefix=prefix, suffix=".part", dir=target.parent)
    try:
        mode = target.stat().st_mode & 0o777 if target.exists() else 0o644
        os.chmod(temp_name, mode)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp_name, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise
    if hasattr(os, "O_DIRECTORY"):  # make the rename itself durable (POSIX)
        with contextlib.suppress(OSError):
            dir_fd = os.open(target.parent, os.O_RDONLY | os.O_DIRECTORY)
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)
