"""What one `data()` call of the two big table models costs: a view asks it for every role of
every painted cell, on the GUI thread, so this is the price of each repaint and scroll step.

The sample company's entries repeated to a large company's count, and its customer rows; each
cell of the first rows asked for the roles a view asks while painting. Prints the best of
`--repeat` passes in microseconds per call (the best pass is the one the machine disturbed
least; compare two trees with the same command on each).

    QT_QPA_PLATFORM=offscreen python benchmarks/table_models.py [--repeat 15]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QApplication

from wizard.core.checks import default_period, run_checks
from wizard.core.rows import customer_rows
from wizard.sources import demo, sample
from wizard.ui.models import EntriesModel, NamesModel
from wizard.ui.rows import flatten

_ROLES = tuple(int(r) for r in (
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.BackgroundRole,
    Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.FontRole))


def per_call_us(model: QAbstractItemModel, rows: int, repeat: int) -> float:
    cells = [model.index(r, c) for r in range(min(rows, model.rowCount()))
             for c in range(model.columnCount())]
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        for index in cells:
            for role in _ROLES:
                model.data(index, role)
        best = min(best, time.perf_counter() - started)
    return best * 1e6 / (len(cells) * len(_ROLES))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    app = QApplication([])
    result = run_checks(demo.clockify_side(), demo.quickbooks_side(),
                        default_period(sample.sample_info().today), dt.datetime.now(dt.UTC),
                        "benchmark")
    assert result.entries is not None
    entries = EntriesModel()
    entries.set_items(list(result.entries.items) * 3000)  # about a large company's count
    names = NamesModel("Clockify", "QuickBooks")
    names.set_rows(flatten(customer_rows(result)))
    print(f"entries: {entries.rowCount():,} rows, "
          f"{per_call_us(entries, 2000, args.repeat):.2f} µs per data() call")
    print(f"names:   {names.rowCount():,} rows, "
          f"{per_call_us(names, 300, args.repeat):.2f} µs per data() call")
    del app


if __name__ == "__main__":
    main()
