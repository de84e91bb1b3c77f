"""How long offline mode takes to read export files: a Detailed report of N entries as CSV and
XLSX, and a Customer Contact List of M customers. Prints figures; asserts nothing.

    .venv/bin/python benchmarks/files_read.py [entries]
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.sources.test_files_export import (
    DETAILED_HEADER,
    contact_list,
    write_csv,
    write_xlsx,
)
from wizard.sources import files
from wizard.sources.request import Manual


def detailed(n: int, real_cells: bool) -> list[list[object]]:
    rows: list[list[object]] = [list(DETAILED_HEADER)]
    start = dt.datetime(2026, 1, 1, 8, 0)
    for i in range(n):
        s = start + dt.timedelta(hours=3 * i)
        e = s + dt.timedelta(minutes=95)
        day = (lambda d: d.replace(hour=0, minute=0)) if real_cells else (
            lambda d: d.strftime("%m/%d/%Y"))
        clock = (lambda d: d.time()) if real_cells else (
            lambda d: d.strftime("%I:%M:%S %p"))
        rows.append([f"Project {i % 40}", f"Client {i % 12}", "Work, with a comma", "",
                     f"User {i % 25}", "", "", "", "Yes" if i % 5 else "No", day(s), clock(s),
                     day(e), clock(e), "01:35:00", "1.58", "85.00", "134.58"])
    return rows


def timed(label: str, func) -> None:
    files._cache.clear()
    t0 = time.perf_counter()
    result = func()
    ms = (time.perf_counter() - t0) * 1000
    count = len(result.data.entries or ()) if hasattr(result.data, "entries") else len(
        result.data.customers or ())
    print(f"{label:<44} {ms:9.1f} ms  ({count:,} records, {ms / max(count, 1) * 1000:.1f} µs each)")


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        csv_path = write_csv(folder / "detailed.csv", detailed(n, False))
        xlsx_path = write_xlsx(folder / "detailed.xlsx", detailed(n, True))
        customers = write_csv(folder / "customers.csv", contact_list(
            "Co", "Customer Contact List", ["Customer full name", "Email"],
            [f"Client {i // 10}" + (f":Project {i}" if i % 10 else "") for i in range(5_000)]))
        print(f"Detailed report: {n:,} entries; CSV {csv_path.stat().st_size / 1e6:.1f} MB, "
              f"XLSX {xlsx_path.stat().st_size / 1e6:.1f} MB")
        timed("Clockify side from the Detailed CSV", lambda: files.clockify_side([csv_path]))
        timed("Clockify side from the Detailed XLSX", lambda: files.clockify_side([xlsx_path]))
        timed("QuickBooks side from a 5,000-row contact list",
              lambda: files.quickbooks_side([customers], Manual()))


if __name__ == "__main__":
    main()
