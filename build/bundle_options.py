"""What both PyInstaller specs leave out of the bundle, so the app and the bare "hello window"
are frozen the same way and the size/start comparison (benchmarks/bundle_size_start.py) is fair.

Imported by build/pyinstaller.spec and build/hello/hello.spec (not by the app). The trimming is
by name, so after a PySide6 upgrade tests/test_bundle.py checks that every shared library left in
the Linux bundle still finds what it links against.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path, PurePath

# The only Qt modules the app may import; every other PySide6 module is excluded. The spec stops
# the build when wizard/ imports one that is not listed here (see check_qt_imports).
QT_MODULES_KEPT = ("QtCore", "QtGui", "QtWidgets", "QtSvg", "QtPrintSupport")

# Python packages that are installed in the dev venv but never used by the app.
PYTHON_EXCLUDES = [
    "tkinter", "unittest", "pydoc_data", "lib2to3", "test", "idlelib",
    "pytest", "_pytest", "hypothesis", "pytestqt", "mypy", "ruff", "importlinter", "grimp",
    "openapi_core", "jsonschema", "IPython", "numpy", "PyQt5", "PyQt6", "PySide2",
    "PyInstaller",
    # rapidfuzz falls back to its plain SSE2 build when these are missing; for lists of a few
    # hundred names the AVX2 copies only add 5 MB.
    "rapidfuzz.fuzz_cpp_avx2", "rapidfuzz.distance.metrics_cpp_avx2",
]

# Interpreter options baked into the executables: UTF-8 mode, so the console variant's output
# (JSON, names with accents, "→" in fixes) is UTF-8 on every OS, also through a pipe on Windows.
PYTHON_OPTIONS = [("X utf8", None, "OPTION")]

# Strip symbols from shared libraries on Linux (a Python built with debug info loses ~17 MB).
# Not on Windows (no effect) nor macOS (it would break the code signatures).
STRIP = sys.platform.startswith("linux")

# Qt plugins, per folder, that a widgets app needs; other folders (sql drivers, QML tooling,
# TLS, network information, eglfs/linuxfb device integrations, designer) are dropped whole.
_PLATFORMS = {
    "linux": ("qoffscreen", "qxcb", "qwayland"),
    "win32": ("qoffscreen", "qwindows"),
    "darwin": ("qoffscreen", "qcocoa"),
}
PLUGINS_KEPT: dict[str, tuple[str, ...] | None] = {  # None: every plugin in that folder
    "platforms": _PLATFORMS.get(sys.platform, _PLATFORMS["linux"]),
    "platformthemes": ("qxdgdesktopportal",),        # not gtk3: it would pull GTK into the bundle
    "platforminputcontexts": ("composeplatforminputcontextplugin",
                              "ibusplatforminputcontextplugin"),
    "imageformats": ("qico", "qsvg"),                # PNG is built into QtGui
    "iconengines": ("qsvgicon",),
    "styles": None,                                  # qmodernwindowsstyle on Windows, macOS style
    "xcbglintegrations": None,
    "wayland-shell-integration": ("xdg-shell",),   # what desktop compositors speak
    "wayland-decoration-client": None,
    "wayland-graphics-integration-client": ("qt-plugin-wayland-egl",),
    "printsupport": None,
    "accessible": None,
}

# Qt shared libraries that only the dropped modules and plugins use.
_QT_LIBS_DROPPED = re.compile(
    r"(Qt6|Qt)(Quick|Qml|VirtualKeyboard|Pdf|Network|Designer|Help|Sql|Test|UiTools|Xml|Concurrent"
    r"|OpenGLWidgets|SvgWidgets|Labs|Lottie|WaylandCompositor|WlShellIntegration|Wayland"
    r"EglCompositor|EglFSDeviceIntegration|EglFsKmsSupport|ShaderTools|3D|Multimedia|Positioning"
    r"|Charts|DataVisualization|Graphs|WebEngine|WebChannel|WebSockets|Bluetooth|Nfc|Sensors"
    r"|SerialPort|SpatialAudio|StateMachine|TextToSpeech|RemoteObjects|Scxml|HttpServer)"
)


def unused_qt_modules() -> list[str]:
    """Every PySide6 extension module that is installed but not in QT_MODULES_KEPT."""
    import PySide6

    folder = Path(PySide6.__file__).parent
    names = {p.name.split(".")[0] for p in folder.iterdir()
             if p.name.startswith("Qt") and p.suffix in (".so", ".pyd")}
    return sorted(f"PySide6.{n}" for n in names - set(QT_MODULES_KEPT))


def check_qt_imports(package_dir: Path) -> None:
    """Fail the build when the app imports a Qt module the bundle would leave out."""
    pattern = re.compile(r"PySide6\.(Qt\w+)|from PySide6 import ([\w, ()\n]+)")
    for path in sorted(package_dir.rglob("*.py")):
        for match in pattern.finditer(path.read_text(encoding="utf-8")):
            used = {match.group(1)} if match.group(1) else {
                n.strip() for n in re.split(r"[,\s()]+", match.group(2)) if n.strip()}
            missing = {n for n in used if n.startswith("Qt")} - set(QT_MODULES_KEPT)
            if missing:
                raise SystemExit(f"{path} imports {sorted(missing)}, which the bundle excludes: "
                                 "add it to QT_MODULES_KEPT in build/bundle_options.py")


def _keep(dest: str) -> bool:
    parts = PurePath(dest).parts
    if "PySide6" in parts and ("translations" in parts or "qml" in parts):
        return False                      # the app is English only, and has no QML
    if "plugins" in parts:
        i = parts.index("plugins")
        if len(parts) > i + 2:
            folder, name = parts[i + 1], parts[-1]
            if folder not in PLUGINS_KEPT:
                return False
            wanted = PLUGINS_KEPT[folder]
            stem = re.sub(r"^lib|\.(so|dll|dylib)$", "", name)
            return wanted is None or stem in wanted
    return not _QT_LIBS_DROPPED.search(parts[-1])


def trim(toc: list) -> list:
    """Drop unused Qt plugins, translations and libraries from a PyInstaller TOC (datas)."""
    return [entry for entry in toc if _keep(entry[0])]


def trim_binaries(toc: list) -> list:
    """trim(), then also drop the libraries that only the dropped plugins linked against.

    PyInstaller has already followed every collected plugin's dependencies by the time the spec
    sees the TOC (e.g. the GTK platform theme pulls in GTK, Cairo and Pango). A library goes
    only when a dropped file links it and no kept file does, so nothing loaded is removed.
    """
    kept = [e for e in toc if _keep(e[0])]
    dropped = [e for e in toc if not _keep(e[0])]
    try:
        from PyInstaller.depend.bindepend import get_imports
    except ImportError:  # a PyInstaller without it: keep the extra libraries, just bigger
        return kept

    def name(path: str) -> str:
        return Path(path).name.lower()  # Windows and macOS compare file names without case

    def linked(entries: list) -> set[str]:
        names: set[str] = set()
        for _dest, src, typecode in entries:
            if typecode == "BINARY" and src:
                names.update(name(imported) for imported, _path in get_imports(src))
        return names

    try:
        while True:
            needed = linked(kept)
            orphans = {name(e[0]) for e in kept} & (linked(dropped) - needed)
            if not orphans:
                return kept
            dropped += [e for e in kept if name(e[0]) in orphans]
            kept = [e for e in kept if name(e[0]) not in orphans]
    except Exception as exc:  # noqa: BLE001 (unreadable binary: keep rather than guess)
        print(f"bundle_options: not pruning libraries ({exc})")  # noqa: T201
        return [e for e in toc if _keep(e[0])]
