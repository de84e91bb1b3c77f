"""What a screen reader actually receives: the wizard on Xvfb with Qt's AT-SPI bridge, walked
page by page from another process over the accessibility bus (tests/ui/atspi_walker.py, run by
the system Python with Debian's python3-pyatspi).

Fails on any focusable control without a name or role, any table without a name, and any status
shown only by colour (an unnamed status image, a status column without its word).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import require_tool

pytestmark = [pytest.mark.gui, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]
WALKER = Path(__file__).with_name("atspi_walker.py")
SYSTEM_PYTHON = "/usr/bin/python3"
PAGES = 7


def _require_atspi() -> None:
    """The system Python with pyatspi, the accessibility bus launcher, a session bus."""
    missing = []
    probe = subprocess.run([SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True,
                           check=False) if Path(SYSTEM_PYTHON).exists() else None
    if probe is None or probe.returncode != 0:
        missing.append("python3-pyatspi (for /usr/bin/python3)")
    if not any(Path(p).exists() for p in ("/usr/libexec/at-spi-bus-launcher",
                                          "/usr/lib/at-spi2-core/at-spi-bus-launcher")):
        missing.append("at-spi2-core")
    if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        missing.append("a D-Bus session (the test runner starts one)")
    if missing:
        message = "needs " + ", ".join(missing) + " (.ci/run installs them)"
        if os.environ.get("SYNC_CHECKUP_REQUIRE_ALL"):
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture
def display() -> Iterator[str]:
    """A private X server; its display number comes back through -displayfd."""
    xvfb = require_tool("Xvfb")
    read_end, write_end = os.pipe()
    server = subprocess.Popen([xvfb, "-displayfd", str(write_end), "-screen", "0",
                               "1280x1024x24", "-nolisten", "tcp"], pass_fds=(write_end,),
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_end)
    with os.fdopen(read_end) as pipe:
        number = pipe.readline().strip()
    try:
        assert number.isdigit(), "Xvfb did not start"
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def _walk(display: str, *app_args: str, pages: int = PAGES,
          extra_env: dict[str, str] | None = None) -> list[dict[str, object]]:
    env = dict(os.environ)
    env.update({"DISPLAY": display, "QT_QPA_PLATFORM": "xcb",
                "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1"})
    env.update(extra_env or {})
    app = subprocess.Popen([sys.executable, *app_args], cwd=ROOT, env=env,
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        walker_env = {k: v for k, v in env.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
        done = subprocess.run([SYSTEM_PYTHON, str(WALKER), "Sync Checkup", str(pages)],
                              env=walker_env, capture_output=True, text=True, timeout=300,
                              check=False)
    finally:
        app.terminate()
        try:
            _, app_err = app.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            app.kill()
            _, app_err = app.communicate()
    assert done.returncode == 0, f"walker: {done.stdout}\n{done.stderr}\napp: {app_err}"
    return [json.loads(line) for line in done.stdout.splitlines() if line.strip()]


def _problems(pages: list[dict[str, object]]) -> list[str]:
    out = []
    for page in pages:
        found = page["found"]
        assert isinstance(found, dict)
        for kind, places in found.items():
            out.extend(f"{page['page']}: {kind}: {where}" for where in places)
    return out


def test_every_page_of_the_sample_company_reads_well_to_a_screen_reader(display: str) -> None:
    _require_atspi()
    pages = _walk(display, "-m", "wizard", "--demo")
    assert [p["page"] for p in pages] == [f"Step {n} of {PAGES}" for n in range(1, PAGES + 1)]
    assert _problems(pages) == []
    counts = {str(p["page"]): p["counts"] for p in pages}
    # the walk really saw the pages: controls on each, the Names tables with their status words
    assert all(c["focusable"] >= 5 for c in counts.values()), counts  # type: ignore[index]
    assert counts[f"Step 3 of {PAGES}"]["tables"] == 2  # type: ignore[index]
    assert counts[f"Step 3 of {PAGES}"]["status_cells"] >= 20  # type: ignore[index]
    assert counts[f"Step 7 of {PAGES}"]["focusable"] >= 40  # every card's actions  # type: ignore[index]


BAD_APP = """
import sys
from PySide6.QtWidgets import (QApplication, QDialog, QLabel, QPushButton, QTableWidget,
                               QTableWidgetItem, QVBoxLayout)
from PySide6.QtGui import QColor, QIcon, QPixmap
app = QApplication(sys.argv[:1])
app.setApplicationName("Sync Checkup")
window = QDialog()
layout = QVBoxLayout(window)
layout.addWidget(QLabel("Step 1 of 1"))
layout.addWidget(QPushButton(""))                       # a control with no name
table = QTableWidget(2, 2)                                # a table with no name
table.setHorizontalHeaderLabels(["Status", "Name"])
pixmap = QPixmap(8, 8)
pixmap.fill(QColor("red"))
for row in range(2):
    cell = QTableWidgetItem()                             # a status shown only by colour
    cell.setIcon(QIcon(pixmap))
    cell.setBackground(QColor("red"))
    table.setItem(row, 0, cell)
    table.setItem(row, 1, QTableWidgetItem("Jon Smith"))
layout.addWidget(table)
window.show()
app.exec()
"""


def test_the_walk_catches_what_a_screen_reader_would_miss(display: str) -> None:
    """The same walk on a window built with the three faults finds each of them."""
    _require_atspi()
    pages = _walk(display, "-c", BAD_APP, pages=1)
    found = pages[0]["found"]
    assert isinstance(found, dict)
    assert any("push button" in where for where in found["no_name"])
    assert found["table_no_name"]
    assert len(found["status_only_colour"]) == 2
