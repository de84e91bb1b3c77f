"""Request counts and wall time of a full Clockify read against the loopback fake with latency.

    .venv/bin/python benchmarks/clockify_requests.py [--latency 0.05] [--entries 12000] [--runs 3]

A realistic workspace: 50 members, 40 clients, 300 projects, 12,000 entries in 30 days. Each run
reads it one request at a time (workers=1, how the client read before issue 15) and then with
the client's default pool, alternating, so machine load hits both alike. The figure is
wall time / (requests × latency): 1.0 is what strictly sequential requests cost in waiting alone.
Goal (issue 15): ≤ 0.35 with the request count unchanged.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.fakes.clockify_server import FakeClockify, serve, synthetic
from wizard.sources.clockify import WORKERS, ClockifyClient, Region, new_session

KEY = "Bench" * 10
PERIOD = (dt.date(2026, 10, 26), dt.date(2026, 11, 24))
GOAL = 0.35
CPU: list[float] = []  # this process's CPU seconds per read (the client and the fake server)


def read_once(fakes: list[FakeClockify], workers: int) -> tuple[float, int, Counter[str], int]:
    for fake in fakes:
        fake.log.clear()
    client = ClockifyClient(new_session(), KEY,
                            regions=[Region(f.region, f.core_url, f.reports_url) for f in fakes],
                            workers=workers)
    started, cpu_started = time.perf_counter(), time.process_time()
    data = client.read(PERIOD)
    took = time.perf_counter() - started
    CPU.append(time.process_time() - cpu_started)
    client.session.close()
    per_path: Counter[str] = Counter()
    for fake in fakes:
        for logged in fake.log:
            per_path[logged.path.rsplit("/", 1)[-1] or "/"] += 1
    assert data.entries is not None
    return took, client.requests_sent, per_path, len(data.entries)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--latency", type=float, default=0.05)
    parser.add_argument("--entries", type=int, default=12_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    for label, regional in (("global key", False), ("key of the 4th region (apse2)", True)):
        with serve("global", args.latency) as world, serve("euc1", args.latency) as euc1, \
                serve("use2", args.latency) as use2, serve("euw2", args.latency) as euw2, \
                serve("apse2", args.latency) as apse2:
            fakes = [world, euc1, use2, euw2, apse2]
            home = apse2 if regional else world
            synthetic(home, KEY, members=50, clients=40, projects=300, entries=args.entries,
                      period=PERIOD)
            read_once(fakes, WORKERS)  # warm-up: the fake's report rows, imports, sockets
            CPU.clear()
            times: dict[int, list[float]] = {1: [], WORKERS: []}
            counts: dict[int, int] = {}
            paths: dict[int, Counter[str]] = {}
            for _ in range(args.runs):
                for workers in (1, WORKERS):
                    took, sent, per_path, n = read_once(fakes, workers)
                    times[workers].append(took)
                    counts[workers], paths[workers] = sent, per_path
            print(f"{label}: latency {args.latency * 1000:.0f} ms, {n:,} entries, "
                  f"{args.runs} runs each (alternating)")
            for workers in (1, WORKERS):
                median = statistics.median(times[workers])
                ratio = median / (counts[workers] * args.latency)
                what = "one at a time" if workers == 1 else f"{workers} at once   "
                verdict = "" if workers == 1 else (
                    f"  (goal ≤ {GOAL}: {'met' if ratio <= GOAL else 'MISSED'}; request count "
                    f"{'unchanged' if counts[workers] == counts[1] else 'CHANGED'})")
                print(f"  {what}: {counts[workers]} requests "
                      f"({', '.join(f'{k} {v}' for k, v in sorted(paths[workers].items()))}); "
                      f"{median:.2f} s; wall / (requests × latency) = {ratio:.2f}{verdict}")
            cpu = statistics.median(CPU)
            print(f"  CPU per read (client and fake, this process): {cpu:.2f} s = "
                  f"{cpu / (counts[WORKERS] * args.latency):.2f} × (requests × latency): Python "
                  f"runs one thread at a time, so the wall time can't go below it")


if __name__ == "__main__":
    main()
