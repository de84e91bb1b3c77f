"""Offline mode: the user's own exports from Clockify and QuickBooks → both sides' data.

Files may come in any order and under any name: each one is recognised by its column names
(`exports.recognise`, reference exports.md §9), wherever its header row sits, read by the reader
of its kind (`exports.readers`), and the sides are put together from all of them
(`exports.assemble`). What the files can't tell (plan, payroll, closing date) comes from the
user's answers (`Manual`) or is recorded in `QuickBooksData.unknown` so the checks say
`not_checked`. A file that can't be used raises `FileProblem` with one sentence naming it and
the export to use instead.

This module is what the wizard and the command line call.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from wizard.core.errors import FileProblem
from wizard.core.model import ClockifySide, QuickBooksSide
from wizard.sources.exports import assemble
from wizard.sources.exports.readers import Parsed, read_bytes
from wizard.sources.exports.recognise import CLOCKIFY_KINDS
from wizard.sources.progress import Progress, no_progress
from wizard.sources.request import Manual
from wizard.text import files as messages

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class FileInfo:
    """What one file turned out to be, in words for the user.

    `kind` and `side` are None when the file can't be used; `problem` then says why, in one
    sentence naming the file and the export to use instead. `notes` are true but not blocking.
    """

    path: Path
    kind: str | None
    side: str | None  # "clockify" or "quickbooks"
    description: str
    problem: str | None = None
    notes: tuple[str, ...] = ()
    rows: int = 0  # entries, projects, members or names read from it


_cache: dict[tuple[str, str], Parsed] = {}
_cache_lock = threading.Lock()


def _load(path: Path) -> Parsed:
    """One file, parsed once even when both sides ask for it (keyed by its content).

    Both sides are read from the one list of files the user gave, and each reads every file:
    without this cache each file would be parsed twice (benchmarks/files_read.py)."""
    try:
        data = path.read_bytes()
    except OSError:
        raise FileProblem(messages.cannot_open(path.name)) from None
    key = (str(path), hashlib.blake2b(data, digest_size=16).hexdigest())
    with _cache_lock:
        if key in _cache:
            return _cache[key]
    parsed = read_bytes(path.name, data)
    parsed.path = path
    with _cache_lock:
        if len(_cache) > 32:
            _cache.clear()
        _cache[key] = parsed
    return parsed


def identify(path: Path) -> FileInfo:
    """What the file is, in one line, or the one sentence that says why it can't be used."""
    try:
        parsed = _load(path)
    except FileProblem as exc:
        return FileInfo(path=path, kind=None, side=None, description="", problem=str(exc))
    return FileInfo(path=path, kind=parsed.kind, side=parsed.side,
                    description=parsed.description, notes=tuple(parsed.notes), rows=parsed.rows)


def missing_for_checks(infos: list[FileInfo]) -> list[str]:
    """Plain sentences: which export is still needed for which check."""
    kinds = {i.kind for i in infos if i.kind and not i.problem}
    out: list[str] = []
    if not kinds & set(CLOCKIFY_KINDS):
        out.append(messages.MISSING_CLOCKIFY)
    else:
        if "clockify_detailed" not in kinds:
            out.append(messages.MISSING_DETAILED)
        if "clockify_team" not in kinds:
            out.append(messages.MISSING_TEAM)
        if "clockify_projects" not in kinds:
            out.append(messages.MISSING_PROJECTS)
    if "qbo_customers" not in kinds:
        out.append(messages.MISSING_CUSTOMERS_LIST if "qbo_customers_page" in kinds
                   else messages.MISSING_CUSTOMERS)
    if "qbo_employees" not in kinds:
        out.append(messages.MISSING_EMPLOYEES)
    if "qbo_vendors" not in kinds:
        out.append(messages.MISSING_VENDORS)
    out.append(messages.MISSING_MANUAL)
    return [messages.missing(sentence) for sentence in out]


def _load_all(paths: Sequence[Path], progress: Progress) -> list[Parsed]:
    out = []
    for done, path in enumerate(paths):
        progress(messages.reading(path.name), done, len(paths))
        out.append(_load(Path(path)))
        log.info("read %s as %s", path.name, out[-1].kind)
    progress(messages.files_read(), len(paths), len(paths))
    return out


def clockify_side(paths: Sequence[Path], progress: Progress = no_progress) -> ClockifySide:
    """The Clockify side from whichever of the files are Clockify exports."""
    return assemble.clockify_side(_load_all(paths, progress), [Path(p).name for p in paths])


def quickbooks_side(paths: Sequence[Path], manual: Manual,
                    progress: Progress = no_progress) -> QuickBooksSide:
    """The QuickBooks side from whichever of the files are QuickBooks exports, plus what the
    user answered for plan, payroll and closing date; the rest goes to `unknown`."""
    return assemble.quickbooks_side(_load_all(paths, progress), [Path(p).name for p in paths],
                                    manual)


__all__ = ["FileInfo", "clockify_side", "identify", "missing_for_checks", "quickbooks_side"]
