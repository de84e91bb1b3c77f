"""Request counts and wall time of a full Clockify read against the loopback fakes with latency.

    .venv/bin/python benchmarks/clockify_requests.py [--latency 0.05] [--entries 12000] [--runs 3]

A realistic workspace: 50 members, 40 clients, 300 projects, 12,000 entries in 30 days, once for
a key of the global region and once for a key of the 4th region asked (apse2). Each run reads it
one request at a time (workers=1, how the client read before issue 15) and then with the
client's default pool. The figure is wall time / (requests × latency): 1.0 is what strictly
sequential requests cost in waiting alone. Goal (issue 15): ≤ 0.35 with the request count
unchanged.

Where the fakes run (changed in issue 15's last round; both ways are measured in every run,
alternating, so that the change of method is visible beside its effect):
- **their own process** (the figure against the goal): a real service answers from its own
  machines, so the fakes are served from a child process (`tests.fakes.child_process`) and
  only the client runs in the timed process.
- **this process** (how the figure was measured before): the fakes' request handling and the
  client then share one interpreter lock, and the fakes' work is timed as the client's.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks import latency
from benchmarks.latency import load
from tests.fakes.child_process import ChildFakes
from tests.fakes.clockify_server import serve, synthetic
from wizard.sources.clockify import WORKERS, ClockifyClient, Region, new_session

KEY = "Bench" * 10
PERIOD = (dt.date(2026, 10, 26), dt.date(2026, 11, 24))
REGION_NAMES = ("global", "euc1", "use2", "euw2", "apse2")
WHERE = {"own": "fakes in their own process", "here": "fakes in this process (as before)"}


@contextmanager
def workspace_fakes(latency: float, entries: int, regional: bool
                    ) -> Iterator[tuple[list[tuple[str, str, str]], Callable[[], list[str]]]]:
    """The five regions' fakes with the workspace at home in one of them; yields their URLs and
    a function that returns (and clears) the paths asked since the last call."""
    with ExitStack() as stack:
        fakes = [stack.enter_context(serve(name, latency)) for name in REGION_NAMES]
        synthetic(fakes[-1] if regional else fakes[0], KEY, members=50, clients=40,
                  projects=300, entries=entries, period=PERIOD)

        def take_log() -> list[str]:
            paths = [logged.path.rsplit("/", 1)[-1] or "/" for f in fakes
                     for logged in f.requests()]
            for fake in fakes:
                fake.log.clear()
            return paths

        yield [(f.region, f.core_url, f.reports_url) for f in fakes], take_log


def read_once(regions: list[tuple[str, str, str]], take_log: Callable[[], list[str]],
              workers: int) -> tuple[float, float, int, Counter[str], int]:
    take_log()
    client = ClockifyClient(new_session(), KEY, regions=[Region(*r) for r in regions],
                            workers=workers)
    started, cpu_started = time.perf_counter(), time.process_time()
    data = client.read(PERIOD)
    took, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    client.session.close()
    assert data.entries is not None
    return took, cpu, client.requests_sent, Counter(take_log()), len(data.entries)



def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--latency", type=float, default=0.05)
    parser.add_argument("--entries", type=int, default=12_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    for label, regional in (("global key", False), ("key of the 4th region (apse2)", True)):
        with ExitStack() as stack:
            child = stack.enter_context(
                ChildFakes(workspace_fakes, args.latency, args.entries, regional))
            here = stack.enter_context(workspace_fakes(args.latency, args.entries, regional))
            fakes = {"own": (child.info, child.take_log), "here": here}
            for where in WHERE:  # warm-up: the fakes' report rows, imports, sockets
                read_once(*fakes[where], WORKERS)
            before = load()
            times: dict[tuple[str, int], list[float]] = {}
            cpus: dict[str, list[float]] = {where: [] for where in WHERE}
            counts: dict[tuple[str, int], int] = {}
            paths: dict[tuple[str, int], Counter[str]] = {}
            for _ in range(args.runs):
                for where in WHERE:
                    for workers in (1, WORKERS):
                        took, cpu, sent, per_path, n = read_once(*fakes[where], workers)
                        times.setdefault((where, workers), []).append(took)
                        counts[where, workers], paths[where, workers] = sent, per_path
                        if workers == WORKERS:
                            cpus[where].append(cpu)
            print(f"{label}: latency {args.latency * 1000:.0f} ms, {n:,} entries, "
                  f"{args.runs} runs each (alternating); {before} → {load()}")
            for where, title in WHERE.items():
                print(f"  {title}:")
                for workers in (1, WORKERS):
                    what, median, ratio, verdict = latency.figure(times, counts, where, workers,
                                                                  args.latency)
                    per_path = ", ".join(f"{k} {v}" for k, v in sorted(paths[where, workers]
                                                                       .items()))
                    print(f"    {what}: {counts[where, workers]} requests ({per_path}); "
                          f"{median:.2f} s; wall / (requests × latency) = {ratio:.2f}{verdict}")
                cpu = statistics.median(cpus[where])
                whose = "the client alone" if where == "own" else "the client and the fakes"
                print(f"    CPU per read ({whose}): {cpu:.2f} s = "
                      f"{cpu / (counts[where, WORKERS] * args.latency):.2f} × (requests × "
                      f"latency)")


if __name__ == "__main__":
    main()
