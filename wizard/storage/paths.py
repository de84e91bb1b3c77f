"""Every folder the app writes to, from one place (platformdirs).

`SYNC_CHECKUP_HOME` moves them all under one base folder: tests give each test its own, and
support can point a run at a folder they can zip up.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_DIR_NAME = "SyncCheckup"
APP_AUTHOR = "SyncCheckup"
HOME_ENV = "SYNC_CHECKUP_HOME"


def _base() -> Path | None:
    value = os.environ.get(HOME_ENV)
    return Path(value) if value else None


def _dir(kind: str) -> Path:
    base = _base()
    if base is not None:
        path = base / kind
    else:
        import platformdirs  # not needed (nor loaded) when SYNC_CHECKUP_HOME is set

        getter = {"data": platformdirs.user_data_dir, "config": platformdirs.user_config_dir,
                  "log": platformdirs.user_log_dir, "cache": platformdirs.user_cache_dir}[kind]
        path = Path(getter(APP_DIR_NAME, APP_AUTHOR))
    path.mkdir(parents=True, exist_ok=True)
    return path


def data_dir() -> Path:
    """Run history lives here."""
    return _dir("data")


def config_dir() -> Path:
    """Settings (never secrets)."""
    return _dir("config")


def log_dir() -> Path:
    return _dir("log")


def cache_dir() -> Path:
    return _dir("cache")


def reports_dir() -> Path:
    """Where saved reports go by default."""
    path = data_dir() / "reports"
    path.mkdir(parents=True, exist_ok=True)
    return path
