"""How fast the engine turns a large company's raw API pages into a finished result.

Prints, in one run (ratios are what matter on a noisy machine):
  (a) the floor: reading and json.loads of every page
  (b) raw pages → finished result: decode + model + every check
  (c) the checks alone, on parsed data
  peak memory (VmHWM) of a fresh process doing (a) and of one doing (b)
Goals (issue 15): (b) ≤ 1.5 × (a); (c) ≤ 0.75 × (a); peak of (b) ≤ 300 MB.

Each run of (b) and each run of (c) comes right after a run of the floor, and a ratio is the
median of its pairs' ratios: this machine's speed drifts within a minute, so a figure is only
divided by a floor read at the same moment.

    python benchmarks/engine.py [--scale 1.0] [--repeat 3]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import multiprocessing as mp
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.large_company import TODAY, Manifest, build_payloads, parse_sides
from wizard.core.checks import run_checks
from wizard.core.gcpause import paused_gc
from wizard.core.names import name_keys

PERIOD = (TODAY - dt.timedelta(days=29), TODAY)
FULL_GOAL, CHECKS_GOAL, PEAK_GOAL_MB = 1.5, 0.75, 300


def _verdict(met: bool) -> str:
    return "met" if met else "MISSED"
NOW = dt.datetime(2026, 11, 24, 18, tzinfo=dt.UTC)


def floor(man: Manifest) -> float:
    t0 = time.perf_counter()
    with paused_gc():  # the same collector policy as the app's read, for a fair ratio
        for path in man.all_files():
            json.loads(path.read_bytes())
    return time.perf_counter() - t0


def full(man: Manifest) -> tuple[float, int]:
    name_keys.cache_clear()
    t0 = time.perf_counter()
    with paused_gc(freeze=True):  # as the command line and the wizard read a company
        clockify, quickbooks = parse_sides(man)
    result = run_checks(clockify, quickbooks, PERIOD, NOW, "bench")
    return time.perf_counter() - t0, len(result.findings)


def checks_only(man: Manifest, repeat: int) -> list[tuple[float, float]]:
    """(floor, checks) seconds, `repeat` pairs: each run of the checks after a floor run."""
    clockify, quickbooks = parse_sides(man)
    pairs = []
    for _ in range(repeat):
        a = floor(man)
        name_keys.cache_clear()  # as cold as a first run
        t0 = time.perf_counter()
        run_checks(clockify, quickbooks, PERIOD, NOW, "bench")
        pairs.append((a, time.perf_counter() - t0))
    return pairs


def _peak_child(kind: str, folder: str, queue: mp.Queue) -> None:
    man = _manifest_from(folder)
    if kind == "floor":
        floor(man)
    else:
        full(man)
    queue.put(_high_water_mb())


def _high_water_mb() -> float:
    """Peak resident memory of this process. Not ru_maxrss: Linux carries that across exec,
    so a child would report its parent's peak (the payload generator's)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _manifest_from(folder: str) -> Manifest:
    return json_manifest_load(Path(folder) / "manifest.json")


def json_manifest_save(man: Manifest) -> None:
    data = {"folder": str(man.folder),
            "clockify": {k: [str(p) for p in v] for k, v in man.clockify.items()},
            "quickbooks": {k: [str(p) for p in v] for k, v in man.quickbooks.items()},
            "counts": man.counts}
    (man.folder / "manifest.json").write_text(json.dumps(data))


def json_manifest_load(path: Path) -> Manifest:
    data = json.loads(path.read_text())
    return Manifest(folder=Path(data["folder"]),
                    clockify={k: [Path(p) for p in v] for k, v in data["clockify"].items()},
                    quickbooks={k: [Path(p) for p in v] for k, v in data["quickbooks"].items()},
                    counts=data["counts"])


def peak_mb(kind: str, folder: Path) -> float:
    ctx = mp.get_context("spawn")
    queue = ctx.Queue()
    proc = ctx.Process(target=_peak_child, args=(kind, str(folder), queue))
    proc.start()
    value = queue.get()
    proc.join()
    return value


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="sync-checkup-bench-") as tmp:
        t0 = time.perf_counter()
        man = build_payloads(Path(tmp), args.scale)
        json_manifest_save(man)
        size = sum(p.stat().st_size for p in man.all_files()) / 1e6
        print(f"company: {man.counts}; {len(man.all_files())} pages, {size:.0f} MB of JSON "
              f"(generated in {time.perf_counter() - t0:.1f} s)")
        floors, fulls = [], []
        findings = 0
        for _ in range(args.repeat):  # paired, so machine noise hits both alike
            floors.append(floor(man))
            elapsed, findings = full(man)
            fulls.append(elapsed)
        rb = statistics.median(f / x for x, f in zip(floors, fulls, strict=True))
        pairs_c = checks_only(man, args.repeat)
        rc = statistics.median(c / x for x, c in pairs_c)
        floors += [x for x, _c in pairs_c]
        a, b = statistics.median(floors), statistics.median(fulls)
        c = statistics.median(c for _x, c in pairs_c)
        print(f"(a) json.loads floor      : {a:6.2f} s (median of {len(floors)}: "
              f"{', '.join(f'{x:.2f}' for x in floors)})")
        print(f"(b) raw → result          : {b:6.2f} s  = {rb:.2f} × floor   "
              f"(goal ≤ {FULL_GOAL}×: {_verdict(rb <= FULL_GOAL)})")
        print(f"(c) checks on parsed data : {c:6.2f} s  = {rc:.2f} × floor   "
              f"(goal ≤ {CHECKS_GOAL}×: {_verdict(rc <= CHECKS_GOAL)})")
        print(f"    each ratio is the median of {args.repeat} runs, each divided by the floor "
              f"run just before it")
        print(f"    findings: {findings:,}")
        pa, pb = peak_mb("floor", Path(tmp)), peak_mb("full", Path(tmp))
        print(f"peak RSS: floor process {pa:.0f} MB, full process {pb:.0f} MB "
              f"(goal ≤ {PEAK_GOAL_MB} MB: {_verdict(pb <= PEAK_GOAL_MB)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
