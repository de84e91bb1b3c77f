"""The built-in sample company's facts: where its stored answers are, and its name, day and ids.

Kept apart from `demo` (which reads the sample through the live clients) so that asking for the
sample's day — the window does, before its first paint in sample mode — loads no HTTP or
keyring library.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from wizard.resources import resource_path


@dataclass(frozen=True, slots=True)
class SampleInfo:
    name: str
    today: dt.date
    realm_id: str
    workspace_id: str
    time_zone: str


def sample_dir() -> Path:
    """The built-in sample, as shipped (fixes change a copy: `sample_store`)."""
    return resource_path("sample")


def _load(*parts: str) -> Any:
    """The built-in sample's facts (its name, day, ids: fixes never change them)."""
    return json.loads(sample_dir().joinpath(*parts).read_text(encoding="utf-8"))


def sample_info() -> SampleInfo:
    raw = _load("sample.json")
    return SampleInfo(name=raw["name"], today=dt.date.fromisoformat(raw["today"]),
                      realm_id=raw["realm_id"], workspace_id=raw["workspace_id"],
                      time_zone=raw["time_zone"])
