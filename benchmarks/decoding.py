"""Which decoder turns the services' pages into records fastest: the standard library's json,
orjson and msgspec, on the large company's payloads (benchmarks/large_company.py), in one run.

    .venv/bin/python benchmarks/decoding.py [--scale 0.4] [--repeat 5]

For every kind of page it prints the time to decode all its pages to Python objects with each
library, and, for the Detailed report (the bulk: one row per time entry), the whole way from
bytes to the app's `TimeEntry` records: generic decoding then the field-by-field reading the
client did before issue 15, against msgspec decoding straight into typed structs
(`clockify_json.decode_report_page`), which skips the fields the checks never read.
Figures are medians; compare them within the run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import msgspec

from benchmarks.large_company import build_payloads
from wizard.core.model import TimeEntry
from wizard.sources import clockify_json as cj
from wizard.sources import quickbooks_json as qj

try:
    import orjson
except ImportError:  # a dev extra; the figures simply leave it out
    orjson = None


def median_s(fn: Callable[[], Any], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def entries_by_hand(body: Any) -> list[TimeEntry]:
    """The report reader as it was before typed decoding: dict lookups on a generic decode."""
    out = []
    fromiso = dt.datetime.fromisoformat
    for row in body["timeentries"]:
        get = row.get
        interval = row["timeInterval"]
        start = fromiso(interval["start"])
        end = fromiso(interval["end"]) if interval.get("end") else None
        duration = interval.get("duration") if end else None
        out.append(TimeEntry(get("_id"), get("userId") or None, get("userName") or None,
                             get("projectId") or None, get("projectName") or None,
                             get("clientId") or None, get("clientName") or None,
                             bool(get("billable")), start, end, duration))
    return out


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=float, default=0.4)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="sync-checkup-decode-") as tmp:
        man = build_payloads(Path(tmp), args.scale)
        kinds = {**{f"Clockify {k}": v for k, v in man.clockify.items() if len(v) > 1},
                 **{f"QuickBooks {k}": v for k, v in man.quickbooks.items() if len(v) > 1}}
        raw = {kind: [p.read_bytes() for p in paths] for kind, paths in kinds.items()}
        print(f"large company at scale {args.scale}: {man.counts}")
        decoders: dict[str, Callable[[bytes], Any]] = {"json": json.loads,
                                                       "msgspec": msgspec.json.decode}
        if orjson is not None:
            decoders["orjson"] = orjson.loads
        print(f"\ndecode to Python objects, all pages, median of {args.repeat} (ms):")
        print(f"{'pages':<22}{'MB':>6}" + "".join(f"{name:>10}" for name in decoders))
        for kind, pages in raw.items():
            mb = sum(map(len, pages)) / 1e6
            cells = [median_s(lambda d=d, ps=pages: [d(p) for p in ps], args.repeat) * 1000
                     for d in decoders.values()]
            print(f"{kind:<22}{mb:6.1f}" + "".join(f"{c:10.0f}" for c in cells))

        report = raw["Clockify report"]
        paths: dict[str, Callable[[], Any]] = {
            "json.loads + by hand": lambda: [entries_by_hand(json.loads(p)) for p in report],
            "msgspec generic + by hand": lambda: [entries_by_hand(msgspec.json.decode(p))
                                                  for p in report],
            "msgspec typed (the app)": lambda: [cj.decode_report_page(p) for p in report],
        }
        if orjson is not None:
            paths["orjson + by hand"] = lambda: [entries_by_hand(orjson.loads(p))
                                                 for p in report]
        floor = median_s(lambda: [json.loads(p) for p in report], args.repeat)
        print(f"\nDetailed report, bytes → TimeEntry records ({man.counts['entries']:,} rows), "
              f"median of {args.repeat}; floor = json.loads alone {floor * 1000:.0f} ms:")
        for name, fn in paths.items():
            took = median_s(fn, args.repeat)
            print(f"  {name:<28}{took * 1000:7.0f} ms  = {took / floor:.2f} × floor")
        customers = raw["QuickBooks Customer"]
        took = median_s(lambda: [qj.query_rows(json.loads(p), "Customer") for p in customers],
                        args.repeat)
        print(f"QuickBooks customers, bytes → rows with json: {took * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
