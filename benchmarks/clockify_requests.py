"""Request counts and timings of a full Clockify read against the loopback fake with latency.

    .venv/bin/python benchmarks/clockify_requests.py [--latency 0.05]

A realistic workspace: 50 members, 40 clients, 300 projects, 12,000 entries in 30 days.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.fakes.clockify_server import serve, synthetic
from wizard.sources.clockify import ClockifyClient, Region, new_session

KEY = "Bench" * 10
PERIOD = (dt.date(2026, 10, 26), dt.date(2026, 11, 24))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--latency", type=float, default=0.05)
    parser.add_argument("--entries", type=int, default=12_000)
    args = parser.parse_args()
    for label, regional in (("global key", False), ("key of the 4th region (apse2)", True)):
        with serve("global", args.latency) as world, serve("euc1", args.latency) as euc1, \
                serve("use2", args.latency) as use2, serve("euw2", args.latency) as euw2, \
                serve("apse2", args.latency) as apse2:
            fakes = [world, euc1, use2, euw2, apse2]
            home = apse2 if regional else world
            synthetic(home, KEY, members=50, clients=40, projects=300, entries=args.entries,
                      period=PERIOD)
            client = ClockifyClient(new_session(), KEY,
                                    regions=[Region(f.region, f.core_url, f.reports_url)
                                             for f in fakes])
            started = time.perf_counter()
            data = client.read(PERIOD)
            took = time.perf_counter() - started
            per_path: Counter[str] = Counter()
            for fake in fakes:
                for logged in fake.log:
                    per_path[logged.path.rsplit("/", 1)[-1] or "/"] += 1
            assert data.entries is not None
            print(f"{label}: latency {args.latency * 1000:.0f} ms, "
                  f"{len(data.members)} members, {len(data.clients)} clients, "
                  f"{len(data.projects)} projects, {len(data.entries):,} entries")
            print(f"  requests: {client.requests_sent} "
                  f"({', '.join(f'{k} {v}' for k, v in sorted(per_path.items()))})")
            print(f"  time: {took:.2f} s ({took / client.requests_sent * 1000:.0f} ms a request)")


if __name__ == "__main__":
    main()
