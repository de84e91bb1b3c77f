"""Logging: one rotating file in the user's log folder; secrets scrubbed before anything is written.

Each module logs through `logging.getLogger(__name__)`. The scrubbing filter removes whatever
looks like a key, token or e-mail address, whatever a caller passes by mistake.

The window opens the file only after its first paint (issue 7: start-up); until then hold()
keeps the records in memory and setup() writes them out first, so nothing is lost.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import TYPE_CHECKING

from wizard.storage import paths

LOG_NAME = "sync-checkup.log"
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
_ALLOWED_EMAIL = "support@clockify.me"
_BEARER = re.compile(r"(?i)(bearer|basic)\s+[\w.~+/=-]+")
_SECRETISH = re.compile(
    r"(?i)((?:api[-_]?key|x-api-key|token|secret|password|refresh_token|access_token|code)"
    r"[\"']?\s*[:=]\s*[\"']?)[^\s\"'&,}]+")
_LONG_TOKEN = re.compile(r"\b[A-Za-z0-9_\-]{32,}\b")
# export file names such as Clockify_Time_Report_Detailed_10_01_2026-10_31_2026: whole words
# and short numbers joined by _ or -, which no key or token looks like
_WORD = r"(?:[A-Z]?[a-z]{1,14}|[A-Z]{2,4}|\d{1,4})"
_WORDS = re.compile(rf"[A-Z]?[a-z]{{1,14}}(?:[_\-]{_WORD}){{3,}}")
_registered_secrets: set[str] = set()
_HELD_MAX = 2000  # records kept before the file opens; start-up logs far fewer

if TYPE_CHECKING:
    from logging.handlers import RotatingFileHandler


def register_secret(value: str | None) -> None:
    """Make sure this exact value is never written to the log (keys, tokens, client secret)."""
    if value and len(value) >= 6:
        _registered_secrets.add(value)


def scrub(text: str) -> str:
    """Remove secrets and e-mail addresses from text bound for a log, report or clipboard."""
    for secret in sorted(_registered_secrets, key=len, reverse=True):
        text = text.replace(secret, "[secret]")
    text = _BEARER.sub(r"\1 [secret]", text)
    text = _SECRETISH.sub(r"\1[secret]", text)
    text = _EMAIL.sub(lambda m: m.group(0) if m.group(0).lower() == _ALLOWED_EMAIL
                      else "[e-mail]", text)
    return _LONG_TOKEN.sub(lambda m: m.group(0) if re.fullmatch(r"[0-9a-f]{24}", m.group(0))
                           or _WORDS.fullmatch(m.group(0)) or _is_intuit_tid(m)
                           else "[secret]", text)


def scrub_tree(value: object) -> object:
    """Every string in a JSON-like tree scrubbed (dicts and lists walked)."""
    if isinstance(value, str):
        return scrub(value)
    if isinstance(value, dict):
        return {k: scrub_tree(v) for k, v in value.items()}
    if isinstance(value, list):
        return [scrub_tree(v) for v in value]
    return value


def _is_intuit_tid(match: re.Match[str]) -> bool:
    """Intuit's transaction id (`intuit_tid 1-66e8…`) is what its support asks for: keep it."""
    return match.string[max(0, match.start() - 11):match.start()] in ("intuit_tid ",
                                                                      "intuit_tid=")


class ScrubFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
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
    import logging.handlers

    target = log_file()
    for handler in root.handlers:
        if isinstance(handler, logging.handlers.RotatingFileHandler) and \
                Path(handler.baseFilename) == target:
            return handler
    return None


def setup(level: int = logging.INFO) -> Path:
    """Log to the rotating file (idempotent), after the records hold() kept. Returns the file's
    path."""
    import logging.handlers

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
