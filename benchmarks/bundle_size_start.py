"""The bundle against its floor: size and start-up of build/dist/SyncCheckup next to a bare PySide6
"hello window" frozen the same way (build/hello/hello.spec, same trimming from
build/bundle_options.py), measured in one run.

    .venv/bin/python benchmarks/bundle_size_start.py [--runs 7] [--rebuild] [--platform xcb]

Builds whichever bundle is missing (or both with --rebuild, timing each build). Start-up is
the time from launching the executable to its first painted window: both programs print a marker
line then quit when SYNC_CHECKUP_EXIT_AFTER_PAINT=1 (wizard/ui/startup_probe.py). Runs alternate
between the two so machine load hits both alike; the first run of each (the coldest file cache
this script can get without dropping the OS caches) is shown apart from the median.
Targets (issue 7): size ≤ 1.3× the bare bundle, start ≤ 1.5× the bare start.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DIST = ROOT / "build" / "dist"
WORK = ROOT / "build" / "work"
EXE = ".exe" if os.name == "nt" else ""
MARKER = "SYNC_CHECKUP_FIRST_PAINT"  # wizard.ui.startup_probe.FIRST_PAINT_MARKER
STAGE = "SYNC_CHECKUP_STAGE"  # wizard.ui.startup_probe.STAGE_MARKER
MODULES = "SYNC_CHECKUP_MODULES"  # wizard.ui.startup_probe.MODULES_MARKER
SIZE_TARGET, START_TARGET = 1.3, 1.5

BUNDLES = {
    # name: (spec, folder, executable used for timing)
    "hello (bare)": (ROOT / "build" / "hello" / "hello.spec", DIST / "hello", f"hello{EXE}"),
    # the windowed app a bookkeeper starts; on Windows it has no stdout, so its console twin
    "Sync Checkup": (ROOT / "build" / "pyinstaller.spec", DIST / "SyncCheckup",
                     "sync-checkup.exe" if os.name == "nt" else "SyncCheckup"),
}


def build(spec: Path) -> float:
    """Run PyInstaller on one spec like `python3 dev.py build` does; the seconds it took."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                    "--workpath", str(WORK), "--distpath", str(DIST), str(spec)],
                   cwd=ROOT, check=True)
    return time.perf_counter() - start


def size(folder: Path) -> tuple[float, int]:
    """MB (10^6 bytes) and number of regular files; symlinks count as files of no size."""
    files = [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]
    return sum(p.stat().st_size for p in files) / 1e6, len(files)


def start_once(executable: Path, env: dict[str, str],
               stages: dict[str, list[float]] | None = None) -> float:
    """Seconds from launch until the program says its first window has painted; `stages` gets
    the seconds from launch to each stage line the probe printed before (Linux: one clock)."""
    start = time.perf_counter()
    proc = subprocess.Popen([str(executable)], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True)
    assert proc.stdout is not None
    try:
        for line in proc.stdout:
            if line.startswith(STAGE) and stages is not None and sys.platform == "linux":
                _marker, name, clock = line.split()
                stages.setdefault(name, []).append(float(clock) - start)
            if line.startswith(MODULES) and stages is not None:
                stages.setdefault("modules", []).append(float(line.split()[1]))
            if line.strip() == MARKER:
                elapsed = time.perf_counter() - start
                break
        else:
            raise RuntimeError(f"{executable} exited without painting a window "
                               f"(exit status {proc.wait()})")
        proc.wait(timeout=60)
        return elapsed
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def load_average() -> str:
    """The 1-minute load average (the machine is shared: say how busy it was)."""
    try:
        return f"{os.getloadavg()[0]:.2f}"
    except (AttributeError, OSError):  # not on Windows
        return "unknown"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="start-ups per bundle (default 7)")
    parser.add_argument("--rebuild", action="store_true", help="build both bundles again")
    parser.add_argument("--platform", default="offscreen",
                        help="QT_QPA_PLATFORM for the start-ups (default offscreen)")
    args = parser.parse_args()

    build_times: dict[str, float] = {}
    for name, (spec, folder, exe) in BUNDLES.items():
        if args.rebuild or not (folder / exe).is_file():
            print(f"building {name} from {spec.relative_to(ROOT)} ...", flush=True)
            build_times[name] = build(spec)

    load_before = load_average()
    home = tempfile.mkdtemp(prefix="sync-checkup-bench-")
    env = {**os.environ, "QT_QPA_PLATFORM": args.platform, "SYNC_CHECKUP_HOME": home,
           "SYNC_CHECKUP_EXIT_AFTER_PAINT": "1"}
    times: dict[str, list[float]] = {name: [] for name in BUNDLES}
    stages: dict[str, dict[str, list[float]]] = {name: {} for name in BUNDLES}
    for _ in range(args.runs):
        for name, (_spec, folder, exe) in BUNDLES.items():
            times[name].append(start_once(folder / exe, env, stages[name]))

    print(f"\nPyInstaller one-folder bundles, {sys.platform}, Qt platform {args.platform}, "
          f"{args.runs} start-ups each (alternating); load average {load_before} before, "
          f"{load_average()} after\n")
    print(f"{'bundle':<14} {'size MB':>8} {'files':>6} {'start median s':>15} "
          f"{'first run s':>12} {'min s':>7} {'build s':>8}")
    figures = {}
    for name, (_spec, folder, _exe) in BUNDLES.items():
        mb, count = size(folder)
        median = statistics.median(times[name])
        figures[name] = (mb, count, median)
        built = f"{build_times[name]:8.1f}" if name in build_times else f"{'(reused)':>8}"
        print(f"{name:<14} {mb:8.1f} {count:6d} {median:15.3f} {times[name][0]:12.3f} "
              f"{min(times[name]):7.3f} {built}")
    if all(len(stages[name].get("app", [])) == args.runs for name in BUNDLES):
        print("\nwhere the time goes (medians, s): launch → modules imported and QApplication "
              "made → window built, shown and first paint seen → marker read")
        for name in BUNDLES:
            app_at = statistics.median(stages[name]["app"])
            paint_at = statistics.median(stages[name]["paint"])
            print(f"{name:<14} {app_at:7.3f} {paint_at - app_at:7.3f} "
                  f"{statistics.median(times[name]) - paint_at:7.3f}")
    if all(len(stages[name].get("modules", [])) == args.runs for name in BUNDLES):
        print("\nPython modules loaded at the first paint: " + ", ".join(
            f"{name} {statistics.median(stages[name]['modules']):.0f}" for name in BUNDLES))
    (bare_mb, bare_count, bare_start), (app_mb, app_count, app_start) = figures.values()
    size_ratio, start_ratio = app_mb / bare_mb, app_start / bare_start
    print(f"\nsize  ratio {size_ratio:.2f}× (target ≤ {SIZE_TARGET}×): "
          f"{'met' if size_ratio <= SIZE_TARGET else 'MISSED'}; "
          f"files {app_count} vs {bare_count}")
    print(f"start ratio {start_ratio:.2f}× (target ≤ {START_TARGET}×): "
          f"{'met' if start_ratio <= START_TARGET else 'MISSED'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
