"""Request counts and wall time of a full Clockify read against the loopback fakes with latency.

    .venv/bin/python benchmarks/clockify_requests.py [--latency 0.05] [--entries 12000] [--runs 3]

A realistic workspace: 50 members, 40 clients, 300 projects, 12,000 entries in 30 days, once for
a key of the global region and once for a key of the 5th region asked (apse2). The figure is
wall time / (requests × latency): 1.0 is what strictly sequential requests cost in waiting
alone. Goal (issue 15): ≤ 0.35 with the request count unchanged. Each run reads it three ways:
- **a new key, one at a time** (workers=1, how the client read before issue 15): every region's
  `GET /user` asked in turn until one accepts the key;
- **a new key, with the client's pool**: the same requests, side by side where they can be;
- **the wizard's kept key** (`clockify.read_side`, the check run's own call, after the connect
  page's `keep_key` remembered the key's region in an in-memory keyring): the remembered region
  alone is asked. The goal is judged on this row: the connect page checks every key before it
  keeps it, so every check run of the wizard reads this way; a full read with a new key happens
  only with the environment's key (support and the command line, which can name the region's
  URLs as well) and once for a key kept before regions were remembered. For a global key the
  two reads are the same requests.

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

import keyring

from benchmarks import latency
from benchmarks.latency import load
from tests.fakes.child_process import ChildFakes
from tests.fakes.clockify_server import serve, synthetic
from tests.fakes.intuit_server import MemoryKeyring
from wizard.sources import clockify
from wizard.sources.clockify import WORKERS, ClockifyClient, Region, new_session
from wizard.sources.progress import CancelToken

KEY = "Bench" * 10
PERIOD = (dt.date(2026, 10, 26), dt.date(2026, 11, 24))
REGION_NAMES = ("global", "euc1", "use2", "euw2", "apse2")
WHERE = {"own": "fakes in their own process", "here": "fakes in this process (as before)"}
# how a read is made: (which key, requests at once), and how it is printed
HOW = {("new", 1): "a new key, one at a time",
       ("new", WORKERS): f"a new key, {WORKERS} at once",
       ("kept", WORKERS): f"the wizard's kept key, {WORKERS} at once (the goal's row)"}


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
              how: tuple[str, int]) -> tuple[float, float, int, Counter[str], int]:
    """One full read: with a new key (a client that detects the region), or as a check run of
    the wizard reads its kept key."""
    take_log()
    key, workers = how
    if key == "kept":
        clockify.REGIONS = [Region(*r) for r in regions]  # type: ignore[misc]
        started, cpu_started = time.perf_counter(), time.process_time()
        side = clockify.read_side(PERIOD, lambda m, d, t: None, CancelToken())
        took, cpu = time.perf_counter() - started, time.process_time() - cpu_started
        assert side.data is not None, side.problem
        data = side.data
        per_path = Counter(take_log())
        sent = sum(per_path.values())
    else:
        client = ClockifyClient(new_session(), KEY, regions=[Region(*r) for r in regions],
                                workers=workers)
        started, cpu_started = time.perf_counter(), time.process_time()
        data = client.read(PERIOD)
        took, cpu = time.perf_counter() - started, time.process_time() - cpu_started
        client.session.close()
        per_path, sent = Counter(take_log()), client.requests_sent
    assert data.entries is not None
    return took, cpu, sent, per_path, len(data.entries)


def keep_key(regions: list[tuple[str, str, str]]) -> None:
    """What the connect page does with a key: check it and keep it, with its region, in an
    in-memory keyring (region names are the same for both sets of fakes)."""
    keyring.set_keyring(MemoryKeyring())
    clockify.REGIONS = [Region(*r) for r in regions]  # type: ignore[misc]
    assert clockify.keep_key(KEY) is None
    assert clockify.remembered_region(KEY) is not None



def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--latency", type=float, default=0.05)
    parser.add_argument("--entries", type=int, default=12_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    for label, regional in (("global key", False), ("key of the region asked last (apse2)", True)):
        with ExitStack() as stack:
            child = stack.enter_context(
                ChildFakes(workspace_fakes, args.latency, args.entries, regional))
            here = stack.enter_context(workspace_fakes(args.latency, args.entries, regional))
            fakes = {"own": (child.info, child.take_log), "here": here}
            keep_key(child.info)
            for where in WHERE:  # warm-up: the fakes' report rows, imports, sockets
                for how in HOW:
                    read_once(*fakes[where], how)
            before = load()
            times: dict[tuple[str, tuple[str, int]], list[float]] = {}
            cpus: dict[tuple[str, tuple[str, int]], list[float]] = {}
            counts: dict[tuple[str, tuple[str, int]], int] = {}
            paths: dict[tuple[str, tuple[str, int]], Counter[str]] = {}
            for _ in range(args.runs):
                for where in WHERE:
                    for how in HOW:
                        took, cpu, sent, per_path, n = read_once(*fakes[where], how)
                        times.setdefault((where, how), []).append(took)
                        cpus.setdefault((where, how), []).append(cpu)
                        counts[where, how], paths[where, how] = sent, per_path
            print(f"{label}: latency {args.latency * 1000:.0f} ms, {n:,} entries, "
                  f"{args.runs} runs each (alternating); {before} → {load()}")
            for where, title in WHERE.items():
                print(f"  {title}:")
                for how, what in HOW.items():
                    median, ratio = latency.figure(times, counts, (where, how), args.latency)
                    verdict = ""
                    if how == ("new", WORKERS):
                        verdict = latency.verdict(ratio, counts[where, how],
                                                  counts[where, ("new", 1)])
                    elif how == ("kept", WORKERS):
                        verdict = latency.verdict(ratio, counts[where, how],
                                                  counts[where, ("new", WORKERS)], "a new key")
                    per_path = ", ".join(f"{k} {v}" for k, v in sorted(paths[where, how]
                                                                       .items()))
                    print(f"    {what}: {counts[where, how]} requests ({per_path}); "
                          f"{median:.2f} s; wall / (requests × latency) = {ratio:.3f}{verdict}")
                whose = "the client alone" if where == "own" else "the client and the fakes"
                cpu = statistics.median(cpus[where, ("kept", WORKERS)])
                print(f"    CPU per read of the kept key ({whose}): {cpu:.2f} s = "
                      f"{cpu / (counts[where, ('kept', WORKERS)] * args.latency):.2f} × "
                      f"(requests × latency)")


if __name__ == "__main__":
    main()
