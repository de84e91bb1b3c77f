"""Walks the running wizard's accessibility tree as a screen reader receives it (AT-SPI).

Run by the system Python, which has Debian's python3-pyatspi (the app's venv does not):

    /usr/bin/python3 tests/ui/atspi_walker.py "Sync Checkup" PAGES

It finds the application on the accessibility bus, and on each page (reached by pressing the
wizard's Next button through AT-SPI, as a screen-reader user would) it checks what is on show:
every focusable control has a name and a role, every table has a name, and no status is shown
by colour alone (status images are named; each table's status column has a word in every row).
It prints one JSON object per page and exits 0; the test that runs it judges the findings.
"""

from __future__ import annotations

import json
import sys
import time

import pyatspi  # type: ignore[import-not-found]

WAIT_S = 60.0
MAX_TABLE_ROWS = 40  # rows checked per table: enough to catch a wordless status column
TABLE_ROLES = {"table", "tree table", "tree"}
UNNAMED_OK = {"filler", "panel", "scroll pane", "viewport", "section", "layered pane",
              "split pane", "page tab list", "label", "separator", "scroll bar", "list item",
              "table cell", "tool bar", "unknown"}


def _state(node: object, state: object) -> bool:
    try:
        return bool(node.getState().contains(state))  # type: ignore[attr-defined]
    except Exception:  # noqa: BLE001 — a node that vanished while walking counts as absent
        return False


def _children(node: object) -> list[object]:
    out = []
    try:
        count = node.childCount  # type: ignore[attr-defined]
    except Exception:  # noqa: BLE001
        return out
    for i in range(min(count, 2000)):
        try:
            child = node.getChildAtIndex(i)  # type: ignore[attr-defined]
        except Exception:  # noqa: BLE001
            continue
        if child is not None:
            out.append(child)
    return out


def find_app(name: str) -> object:
    deadline = time.monotonic() + WAIT_S
    while time.monotonic() < deadline:
        desktop = pyatspi.Registry.getDesktop(0)
        for app in _children(desktop):
            if getattr(app, "name", "") == name:
                return app
        time.sleep(0.25)
    raise SystemExit(f"no application named {name!r} on the accessibility bus")


def _walk(node: object, found: dict[str, list[str]], counts: dict[str, int],
          path: str) -> None:
    try:
        role = node.getRoleName()  # type: ignore[attr-defined]
        name = (node.name or "").strip()  # type: ignore[attr-defined]
    except Exception:  # noqa: BLE001
        return
    if not _state(node, pyatspi.STATE_SHOWING):
        return  # not on screen: another page, a hidden message
    where = f"{path} > {role} {name!r}"
    counts["nodes"] += 1
    if _state(node, pyatspi.STATE_FOCUSABLE) and role not in ("table cell", "list item"):
        counts["focusable"] += 1
        if not role or role == "unknown":
            found["no_role"].append(where)
        if not name and role not in ("label",):
            found["no_name"].append(where)
        if role == "label" and not name:
            found["no_name"].append(where)  # an empty stop for the keyboard
    if role in TABLE_ROLES:
        counts["tables"] += 1
        if not name:
            found["table_no_name"].append(where)
        _check_status_column(node, name, found, counts)
        return  # cells are checked through the table interface
    if role in ("image", "icon") and not name:
        found["image_no_name"].append(where)
    for child in _children(node):
        _walk(child, found, counts, f"{path} > {role}" if len(path) < 200 else path)


def _check_status_column(node: object, table_name: str, found: dict[str, list[str]],
                         counts: dict[str, int]) -> None:
    """Every row's status cell must hold a word, not only a colour or an icon."""
    try:
        table = node.queryTable()  # type: ignore[attr-defined]
    except NotImplementedError:
        return
    status_col = None
    for col in range(table.nColumns):
        header = table.getColumnHeader(col)
        words = (header.name if header is not None else "") or table.getColumnDescription(col)
        if (words or "").strip().lower() in ("status", "change"):
            status_col = col
            break
    if status_col is None:
        return
    for row in range(min(table.nRows, MAX_TABLE_ROWS)):
        cell = table.getAccessibleAt(row, status_col)
        counts["status_cells"] += 1
        if cell is None or not (cell.name or "").strip():
            found["status_only_colour"].append(f"{table_name!r} row {row + 1}")


def walk_window(app: object) -> tuple[dict[str, list[str]], dict[str, int]]:
    found: dict[str, list[str]] = {key: [] for key in (
        "no_name", "no_role", "table_no_name", "image_no_name", "status_only_colour")}
    counts = {"nodes": 0, "focusable": 0, "tables": 0, "status_cells": 0}
    for window in _children(app):
        _walk(window, found, counts, "")
    return found, counts


def _find(node: object, role: str, name: str | None = None,
          showing: bool = True) -> object | None:
    for child in _children(node):
        try:
            if child.getRoleName() == role and (name is None or child.name == name) \
                    and (not showing or _state(child, pyatspi.STATE_SHOWING)):  # type: ignore[attr-defined]
                return child
        except Exception:  # noqa: BLE001
            continue
        inner = _find(child, role, name, showing)
        if inner is not None:
            return inner
    return None


def _step_label(app: object) -> str:
    """The "Step n of 7" label on show, once the page has finished loading."""
    for window in _children(app):
        stack = [window]
        while stack:
            node = stack.pop()
            if not _state(node, pyatspi.STATE_SHOWING):
                continue
            try:
                if node.getRoleName() == "label" and node.name.startswith("Step "):  # type: ignore[attr-defined]
                    return str(node.name)  # type: ignore[attr-defined]
            except Exception:  # noqa: BLE001
                continue
            stack.extend(_children(node))
    return ""


def _settled(app: object, step: str) -> bool:
    """The page is on show and its check has finished (the header's status is not "Not
    checked" past the first page, and no progress bar is on show)."""
    if _step_label(app) != step:
        return False
    if _find(app, "progress bar") is not None:
        return False
    if step.startswith("Step 1 "):
        return True
    image = _find(app, "image")
    return image is not None and getattr(image, "name", "") != "Status: Not checked"


def emit(record: dict[str, object]) -> None:
    sys.stdout.write(json.dumps(record) + "\n")
    sys.stdout.flush()


def main() -> int:
    app_name, pages = sys.argv[1], int(sys.argv[2])
    app = find_app(app_name)
    for page in range(1, pages + 1):
        step = f"Step {page} of {pages}"
        deadline = time.monotonic() + WAIT_S
        while not _settled(app, step):
            if time.monotonic() > deadline:
                emit({"page": step, "error": "the page never settled"})
                return 1
            time.sleep(0.25)
        time.sleep(0.5)  # let the last repaint's accessibility updates arrive
        found, counts = walk_window(app)
        emit({"page": step, "found": found, "counts": counts})
        if page < pages:
            button = _find(app, "push button", "Next >")
            if button is None:
                emit({"page": step, "error": "no Next button on show"})
                return 1
            button.queryAction().doAction(0)  # type: ignore[attr-defined]
    return 0


if __name__ == "__main__":
    sys.exit(main())
