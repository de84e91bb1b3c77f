"""Smoke test of the built PyInstaller bundle (build/dist/SyncCheckup, `python3 dev.py build`):
the console variant runs the checks on the sample company exactly like the source does, the
windowed app walks its seven pages offscreen and saves screenshots that show something.

.ci/run builds the bundle before the tests; elsewhere these tests skip until it is built. The
build's own helpers (version resource, Qt trimming) are checked here too, without a bundle.
"""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import require_tool

pytestmark = pytest.mark.bundle

ROOT = Path(__file__).resolve().parents[1]
DIST = ROOT / "build" / "dist" / "SyncCheckup"
EXE = ".exe" if os.name == "nt" else ""
SUPPORT = DIST / f"sync-checkup{EXE}"
APP = DIST / f"SyncCheckup{EXE}"
SCREENSHOTS = ("01-welcome.png", "02-plan.png", "03-names.png", "04-resync.png",
               "05-reconnect.png", "06-entries.png", "07-summary.png")

sys.path.insert(0, str(ROOT / "build"))
import bundle_options  # noqa: E402
import version_info  # noqa: E402

sys.path.remove(str(ROOT / "build"))


@pytest.fixture(scope="module")
def bundle() -> Path:
    """The built bundle folder; skip (fail in CI) when it hasn't been built."""
    if not SUPPORT.is_file() or not APP.is_file():
        message = (f"{DIST} is not built: run `python3 dev.py build` first "
                   "(.ci/run builds it before the tests)")
        if os.environ.get("SYNC_CHECKUP_REQUIRE_ALL"):
            pytest.fail(message)
        pytest.skip(message)
    return DIST


def _run(args: list[str], home: Path, timeout: float = 120,
         **env: str) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, "SYNC_CHECKUP_HOME": str(home), **env}
    return subprocess.run(args, env=full_env, capture_output=True, text=True, timeout=timeout,
                          check=False, encoding="utf-8")


def _without_time(payload: dict) -> dict:
    return {k: v for k, v in payload.items() if k != "generated_at"}


def test_bundle_is_this_version(bundle: Path, tmp_path: Path) -> None:
    from wizard import __version__

    proc = _run([str(SUPPORT), "--version"], tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == f"Sync Checkup {__version__}", (
        "the bundle is stale: rebuild it with `python3 dev.py build`")


def test_check_demo_json_is_the_same_as_from_source(
        bundle: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    proc = _run([str(SUPPORT), "check", "--demo", "--json"], tmp_path / "bundle-home")
    assert "Traceback" not in proc.stderr
    assert proc.returncode == 1, proc.stderr  # the sample company has failing checks
    frozen = json.loads(proc.stdout)

    from wizard.cli import main

    root = logging.getLogger()
    handlers = list(root.handlers)
    try:
        assert main(["check", "--demo", "--json"]) == 1
    finally:  # main() adds the log file handler; don't leave it to later tests
        for handler in set(root.handlers) - set(handlers):
            root.removeHandler(handler)
            handler.close()
    source = json.loads(capsys.readouterr().out)

    codes = {f["code"] for f in frozen["findings"]}
    assert codes == {f["code"] for f in source["findings"]}
    assert len(codes) >= 20, sorted(codes)  # the sample company shows most of the findings
    assert frozen["entries"]["by_reason"] == source["entries"]["by_reason"]
    assert _without_time(frozen) == _without_time(source), (
        "the bundle says something else than the source: if the source changed since the "
        "bundle was built, rebuild it with `python3 dev.py build`")


def _spread(path: Path) -> tuple[int, int, float]:
    """Width, height and the spread (standard deviation) of grey levels of a PNG."""
    from PySide6.QtGui import QImage

    image = QImage(str(path))
    assert not image.isNull(), f"{path.name} is not a readable PNG"
    grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
    row = grey.bytesPerLine()
    data = bytes(grey.constBits())[: row * grey.height()]
    samples = [data[y * row + x] for y in range(0, grey.height(), 3)
               for x in range(0, grey.width(), 3)]
    return image.width(), image.height(), statistics.pstdev(samples)


def test_gui_walks_every_page_offscreen(bundle: Path, tmp_path: Path, qapp: object) -> None:
    shots = tmp_path / "shots"
    proc = _run([str(APP), "--demo", "--screenshots", str(shots)], tmp_path / "home",
                timeout=180, QT_QPA_PLATFORM="offscreen")
    assert "Traceback" not in proc.stderr, proc.stderr
    assert proc.returncode == 0, proc.stderr
    assert sorted(p.name for p in shots.glob("*.png")) == list(SCREENSHOTS)
    for name in SCREENSHOTS:
        width, height, spread = _spread(shots / name)
        assert width >= 400, (name, width)
        assert height >= 300, (name, height)
        assert spread > 10, f"{name} is blank (grey-level spread {spread:.1f})"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ldd is Linux only")
def test_every_bundled_library_finds_its_dependencies(bundle: Path) -> None:
    """The Qt trimming (build/bundle_options.py) must not drop a library something still links."""
    ldd = require_tool("ldd")
    internal = bundle / "_internal"
    search = os.pathsep.join([str(internal), str(internal / "PySide6" / "Qt" / "lib")])
    missing = {}
    for path in sorted(internal.rglob("*.so*")):
        if path.is_symlink() or not path.is_file():
            continue
        out = subprocess.run([ldd, str(path)], capture_output=True, text=True, check=False,
                             env={**os.environ, "LD_LIBRARY_PATH": search}).stdout
        lost = re.findall(r"^\s*(\S+) => not found", out, re.MULTILINE)
        if lost:
            missing[str(path.relative_to(internal))] = lost
    assert not missing, missing


def test_bundle_holds_the_data_and_no_unused_qt(bundle: Path) -> None:
    internal = bundle / "_internal"
    assert (internal / "resources" / "sample" / "sample.json").is_file()
    assert (internal / "resources" / "icons" / "app.png").is_file()
    assert list(internal.glob("keyring-*.dist-info/entry_points.txt")), "keyring's backends"
    names = {p.name for p in internal.rglob("*") if p.is_file()}
    assert not {n for n in names if re.search(r"Qt6?(Quick|Qml|Network|Pdf)\b", n)}
    assert not list(internal.rglob("translations/qt*.qm"))
    platforms = {p.name for p in internal.rglob("platforms/*")}
    assert any("offscreen" in n for n in platforms), platforms


def _names(code: object) -> set[str]:
    """Every name a code object (and the functions and classes inside it) looks up."""
    names = set(code.co_names)  # type: ignore[attr-defined]
    for const in code.co_consts:  # type: ignore[attr-defined]
        if hasattr(const, "co_names"):
            names |= _names(const)
    return names


def test_no_runtime_hook_imports_what_the_app_never_uses(bundle: Path) -> None:
    """Runtime hooks run before the entry script, so what they import delays the first paint
    (issue 15). build/pyinstaller.spec leaves out multiprocessing, and with it its hook, and
    pkgutil's hook, which only teaches pkgutil to list the archive's modules."""
    from PyInstaller.archive.readers import CArchiveReader

    archive = CArchiveReader(str(APP))
    scripts = {name for name, entry in archive.toc.items() if entry[-1] == "s"}
    assert "entry" in scripts
    assert not scripts & {"pyi_rth_multiprocessing", "pyi_rth_pkgutil"}, scripts
    pyz = archive.open_embedded_archive("PYZ.pyz")
    assert "multiprocessing" not in pyz.toc
    # without the hook, pkgutil.iter_modules() would list nothing from the archive: no bundled
    # module may rely on it
    listing = sorted(name for name in pyz.toc if name != "pkgutil" and (code := pyz.extract(name))
                     and _names(code) & {"iter_modules", "walk_packages"})
    assert listing == []


@pytest.mark.skipif(sys.platform != "darwin", reason="the .app exists on macOS only")
def test_macos_app_bundle_has_its_info_plist(bundle: Path) -> None:
    import plistlib

    from wizard import __version__

    plist = plistlib.loads((bundle.parent / "SyncCheckup.app" / "Contents" /
                            "Info.plist").read_bytes())
    assert plist["CFBundleIdentifier"] == "com.syncheckup.app"
    assert plist["CFBundleShortVersionString"] == __version__
    assert plist["NSHighResolutionCapable"] is True
    assert plist["CFBundleExecutable"] == "SyncCheckup"


# --- the build's helpers, checked without a bundle ----------------------------------------------

def test_windows_version_resource_carries_the_app_version() -> None:
    from wizard import __version__

    calls: dict[str, object] = {}

    def record(kind: str):  # type: ignore[no-untyped-def]
        def make(*args, **kwargs):  # type: ignore[no-untyped-def]
            if kind == "StringStruct":
                calls[args[0]] = args[1]
            if kind == "FixedFileInfo":
                calls["filevers"] = kwargs["filevers"]
            return (kind, args, kwargs)
        return make

    names = ("VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable", "StringStruct",
             "VarFileInfo", "VarStruct")
    text = version_info.version_file_text(__version__, "SyncCheckup")
    eval(text, {"__builtins__": {}}, {n: record(n) for n in names})  # PyInstaller evals it too
    assert calls["FileVersion"] == calls["ProductVersion"] == __version__
    assert calls["OriginalFilename"] == "SyncCheckup.exe"
    assert calls["filevers"] == version_info.numeric_version(__version__)


@pytest.mark.parametrize(("text", "numbers"), [
    ("0.1.0", (0, 1, 0, 0)), ("1.2", (1, 2, 0, 0)), ("2.0.1rc1", (2, 0, 1, 0)),
    ("v3.4.5.6.7", (3, 4, 5, 6)),
])
def test_numeric_version(text: str, numbers: tuple[int, ...]) -> None:
    assert version_info.numeric_version(text) == numbers


def test_the_app_imports_only_the_qt_modules_the_bundle_keeps() -> None:
    bundle_options.check_qt_imports(ROOT / "wizard")  # raises SystemExit naming the module
    assert "PySide6.QtNetwork" in bundle_options.unused_qt_modules()
    assert "PySide6.QtWidgets" not in bundle_options.unused_qt_modules()


def test_trim_keeps_what_a_widgets_app_needs() -> None:
    qt = "PySide6/Qt"
    toc = [(f"{qt}/plugins/platforms/libqoffscreen.so", "x", "BINARY"),
           (f"{qt}/plugins/platforms/libqeglfs.so", "x", "BINARY"),
           (f"{qt}/plugins/imageformats/libqsvg.so", "x", "BINARY"),
           (f"{qt}/plugins/imageformats/libqtiff.so", "x", "BINARY"),
           (f"{qt}/plugins/sqldrivers/libqsqlite.so", "x", "BINARY"),
           (f"{qt}/lib/libQt6Widgets.so.6", "x", "BINARY"),
           (f"{qt}/lib/libQt6Quick.so.6", "x", "BINARY"),
           (f"{qt}/translations/qtbase_de.qm", "x", "DATA"),
           ("resources/sample/sample.json", "x", "DATA")]
    kept = {Path(dest).name for dest, _src, _kind in bundle_options.trim(toc)}
    assert kept == {"libqoffscreen.so", "libqsvg.so", "libQt6Widgets.so.6", "sample.json"}


def test_build_folders_are_ignored_but_the_spec_is_not() -> None:
    git = shutil.which("git")
    if git is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")

    def ignored(path: str) -> bool:
        return subprocess.run([git, "check-ignore", "-q", path], cwd=ROOT,
                              check=False).returncode == 0
    assert ignored("build/work/x")
    assert ignored("build/dist/x")
    assert not ignored("build/pyinstaller.spec")
