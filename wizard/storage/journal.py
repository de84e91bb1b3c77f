"""The fix journal (SPEC §8.2 step 3): one file per applied plan in the user's data folder.

Each action is written with status `sent` *before* its request goes out and again with its
outcome after the answer, atomically, so a crash or a cut connection leaves a file that says
exactly which change may have landed. The next start reads such records back (see
`wizard.fixing.resolve_interrupted`); undo reads the journal too.

It holds names, ids, before/after values and sentences — never a key or token (every string is
passed through the log scrubber before it is written, as the run history does).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import secrets
from pathlib import Path
from typing import Any

from wizard.core.fixes import Action, Plan
from wizard.redact import scrub_tree
from wizard.storage import paths
from wizard.storage.atomic import write_atomically

log = logging.getLogger(__name__)

_PREFIX = "fix-"


def journal_dir() -> Path:
    path = paths.data_dir() / "fixes"
    path.mkdir(parents=True, exist_ok=True)
    return path


class Journal:
    """One applied plan: its actions in the order they go, each with its status."""

    def __init__(self, path: Path, data: dict[str, Any]) -> None:
        self.path = path
        self.data = data

    @property
    def run_id(self) -> str:
        return str(self.data["run"])

    @property
    def entries(self) -> list[dict[str, Any]]:
        entries: list[dict[str, Any]] = self.data["entries"]
        return entries

    @property
    def sources(self) -> dict[str, str | None]:
        return dict(self.data.get("sources") or {})

    @property
    def workspace(self) -> dict[str, str | None]:
        return dict(self.data.get("workspace") or {})

    @property
    def company(self) -> dict[str, str | None]:
        return dict(self.data.get("company") or {})

    @property
    def created_at(self) -> str:
        return str(self.data.get("created_at", ""))

    def action(self, entry: dict[str, Any]) -> Action:
        return Action.from_json(entry["action"])

    @classmethod
    def start(cls, plan: Plan, actions: list[Action]) -> Journal:
        now = dt.datetime.now(dt.UTC)
        run = f"{now:%Y%m%d-%H%M%S}-{secrets.token_hex(2)}"
        data = {"tool": "sync-checkup", "schema": 1, "kind": "fix-run", "run": run,
                "created_at": now.strftime("%Y-%m-%dT%H:%M:%SZ"),
                "sources": dict(plan.sources), "workspace": dict(plan.workspace),
                "company": dict(plan.company),
                "entries": [{"action": a.to_json(), "status": "planned", "message": None,
                             "new_id": None, "undo_status": None, "undo_message": None}
                            for a in actions]}
        journal = cls(journal_dir() / f"{_PREFIX}{run}.json", data)
        journal.save()
        return journal

    def entry(self, action_id: str) -> dict[str, Any]:
        return next(e for e in self.entries if e["action"]["id"] == action_id)

    def mark(self, action_id: str, status: str, message: str | None = None,
             new_id: str | None = None, undo: bool = False) -> None:
        entry = self.entry(action_id)
        prefix = "undo_" if undo else ""
        entry[prefix + "status"] = status
        entry[prefix + "message"] = message
        if new_id is not None:
            entry["new_id"] = new_id
        entry[prefix + "at"] = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        self.save()

    def save(self) -> None:
        text = json.dumps(scrub_tree(self.data), ensure_ascii=False, indent=1)
        write_atomically(self.path, text.encode("utf-8"))

    @property
    def interrupted(self) -> list[tuple[dict[str, Any], bool]]:
        """Entries whose request left without a recorded answer: (entry, during undo)."""
        found = [(e, False) for e in self.entries if e.get("status") == "sent"]
        found += [(e, True) for e in self.entries if e.get("undo_status") == "sent"]
        return found

    @property
    def undoable(self) -> list[dict[str, Any]]:
        """Done and not yet undone, newest first."""
        return [e for e in reversed(self.entries)
                if e.get("status") == "done" and e.get("undo_status") != "done"]


def load(path: Path) -> Journal | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        log.warning("fix journal %s can't be read; skipped", path.name)
        return None
    if not isinstance(data, dict) or data.get("kind") != "fix-run" \
            or not isinstance(data.get("entries"), list):
        return None
    return Journal(path, data)


def runs() -> list[Journal]:
    """Every applied plan, newest first."""
    found = [load(p) for p in sorted(journal_dir().glob(f"{_PREFIX}*.json"), reverse=True)]
    return [j for j in found if j is not None]


def find(run_id: str) -> Journal | None:
    return next((j for j in runs() if j.run_id == run_id), None)
