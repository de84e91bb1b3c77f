"""How long the support report takes to render, how many pages it has and how big it is.

Prints, for the sample company and for a generated large company (`--scale`):
  PDF: render time (median), pages, size; HTML: render time, size; summary and mailto length.

    python benchmarks/report.py [--scale 0.1] [--repeat 3]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks.large_company import build_sides
from wizard.core.checks import default_period, run_checks
from wizard.core.result import RunResult
from wizard.report import mailto_url, summary_text, write_report
from wizard.sources import demo
from wizard.sources.sample import sample_info

NOW = dt.datetime(2026, 11, 24, 18, tzinfo=dt.UTC)


def pages(path: Path) -> str:
    try:
        info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True,
                              check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return "? (pdfinfo missing)"
    return next((line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")),
                "?")


def measure(label: str, result: RunResult, repeat: int, folder: Path) -> None:
    for suffix in ("pdf", "html"):
        path = folder / f"{label}.{suffix}"
        times = []
        for _ in range(repeat):
            t0 = time.perf_counter()
            write_report(result, path)
            times.append(time.perf_counter() - t0)
        extra = f", {pages(path)} pages" if suffix == "pdf" else ""
        print(f"{label:>14} {suffix:>4}: {statistics.median(times):6.2f} s (median of {repeat})"
              f", {path.stat().st_size / 1024:,.0f} KiB{extra}")
    print(f"{label:>14} text: summary {len(summary_text(result)):,} chars, mailto "
          f"{len(mailto_url(result)):,} chars")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=float, default=0.1)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="sync-checkup-report-") as tmp:
        folder = Path(tmp)
        sample = run_checks(demo.clockify_side(), demo.quickbooks_side(),
                            default_period(sample_info().today), NOW, "bench")
        measure("sample", sample, args.repeat, folder)
        clockify, quickbooks, period = build_sides(args.scale)
        large = run_checks(clockify, quickbooks, period, NOW, "bench")
        print(f"large company at scale {args.scale}: {len(large.findings):,} findings, "
              f"{len(large.tables.employees):,} employees, {len(large.tables.customers):,} "
              f"customers, {large.entries.wont_sync if large.entries else 0:,} entries won't sync")
        measure(f"large x{args.scale}", large, 1, folder)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
