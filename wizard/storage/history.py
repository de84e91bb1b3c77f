"""Run history (SPEC §7): each run kept as JSON in the user's data folder, the last 20 of them.

Files are written atomically (a temporary file in the same folder, flushed to disk, then
renamed over), so a crash mid-write never damages an earlier run. A file that can't be read is
skipped with a log line: history is a convenience and must never stop a check.

What is stored is the run's own JSON (names, codes, counts, the plain-language texts) plus the
plan/company facts; it holds no keys, tokens or e-mail addresses, and every string is passed
through the log scrubber once more before it is written.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
import time
from pathlib import Path
from typing import Any

from wizard.core.compare import (
    Comparison,
    Snapshot,
    compare,
    run_id,
    snapshot,
    snapshot_from_json,
)
from wizard.core.result import RunResult
from wizard.redact import scrub
from wizard.storage import paths
from wizard.storage.atomic import write_atomically

log = logging.getLogger(__name__)

KEEP = 20
_PREFIX = "run-"
_TEMP_PREFIX = ".run-writing-"
_STALE_TEMP_SECONDS = 600


def history_dir() -> Path:
    path = paths.data_dir() / "history"
    path.mkdir(parents=True, exist_ok=True)
    return path


def _scrubbed(value: Any) -> Any:
    if isinstance(value, str):
        return scrub(value)
    if isinstance(value, dict):
        return {k: _scrubbed(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_scrubbed(v) for v in value]
    return value


def to_record(result: RunResult) -> dict[str, Any]:
    """What is saved for one run."""
    data = result.to_json()
    data["run_id"] = run_id(result)
    data["facts"] = dict(result.facts)
    scrubbed: dict[str, Any] = _scrubbed(data)
    return scrubbed


def _file_name(result: RunResult, ident: str) -> str:
    when = result.generated_at
    when = when.replace(tzinfo=dt.UTC) if when.tzinfo is None else when.astimezone(dt.UTC)
    stamp = when.strftime("%Y%m%dT%H%M%S%f")
    return f"{_PREFIX}{stamp}-{ident}.json"


def _run_files(folder: Path) -> list[Path]:
    """Saved runs, oldest first (names start with the run's time)."""
    return sorted(p for p in folder.glob(f"{_PREFIX}*.json") if p.is_file())


def _tidy(folder: Path) -> None:
    """Keep the newest runs and drop temporary files left by a crash."""
    for old in _run_files(folder)[:-KEEP]:
        try:
            old.unlink()
        except OSError as exc:
            log.warning("could not remove old history file %s: %s", old.name, exc.strerror)
    now = time.time()
    for temp in folder.glob(f"{_TEMP_PREFIX}*"):
        with contextlib.suppress(OSError):
            if now - temp.stat().st_mtime > _STALE_TEMP_SECONDS:
                temp.unlink()


def save(result: RunResult, folder: Path | None = None) -> Path:
    """Write one run; raises OSError when the data folder can't be written. `folder` is a saved
    company's own history (default: the wizard's)."""
    if folder is None:
        folder = history_dir()
    folder.mkdir(parents=True, exist_ok=True)
    record = to_record(result)
    target = folder / _file_name(result, record["run_id"])
    write_atomically(target, json.dumps(record, ensure_ascii=False, indent=1).encode("utf-8"),
                     temp_prefix=_TEMP_PREFIX)
    _tidy(folder)
    return target


def _load(path: Path) -> Snapshot | None:
    try:
        return snapshot_from_json(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, UnicodeDecodeError, ValueError, TypeError, KeyError) as exc:
        log.warning("skipping unreadable history file %s (%s)", path.name, type(exc).__name__)
        return None


def load_all(folder: Path | None = None) -> list[Snapshot]:
    """Every readable saved run, oldest first."""
    try:
        if folder is not None and not folder.is_dir():
            return []
        files = _run_files(folder if folder is not None else history_dir())
    except OSError as exc:
        log.warning("history folder can't be read: %s", exc.strerror)
        return []
    return [snap for snap in map(_load, files) if snap is not None]


def previous(result: RunResult, current: Snapshot | None = None,
             folder: Path | None = None) -> Snapshot | None:
    """The latest saved run of the same sources, workspace and company (not this run itself)."""
    if current is None:
        current = snapshot(result)
    candidates = [s for s in load_all(folder)
                  if s.same_data_as(current) and s.run_id != current.run_id
                  and s.generated_at <= current.generated_at]
    return candidates[-1] if candidates else None


def record(result: RunResult, current: Snapshot | None = None,
           folder: Path | None = None) -> Comparison | None:
    """Save this run and compare it with the previous run of the same sources (None if none).

    `current` is the run's snapshot when the caller already made one. A history that can't be
    written is logged, not raised: the check itself still counts.
    """
    if current is None:
        current = snapshot(result)
    before = previous(result, current, folder)
    try:
        save(result, folder)
    except OSError as exc:
        log.warning("could not save this run to the history: %s", exc.strerror or exc)
    if before is None:
        return None
    return compare(before, current)


def latest_two(folder: Path) -> tuple[Snapshot | None, Comparison | None]:
    """A saved company's last run and what changed since the run before it (for its row)."""
    runs = load_all(folder)
    if not runs:
        return None, None
    last = runs[-1]
    before = [s for s in runs[:-1] if s.same_data_as(last)]
    return last, compare(before[-1], last) if before else None


def latest_record(folder: Path) -> dict[str, Any] | None:
    """The newest readable saved run in `folder`, as it was written (None when none)."""
    if not folder.is_dir():
        return None
    for path in reversed(_run_files(folder)):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            log.warning("skipping unreadable history file %s (%s)", path.name, type(exc).__name__)
            continue
        if isinstance(data, dict):
            return data
    return None
