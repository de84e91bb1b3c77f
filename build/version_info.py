"""The Windows version resource (Explorer → Properties → Details) built from wizard.__version__,
so the number is written in one place.

build/pyinstaller.spec writes version_file_text() into PyInstaller's work folder and passes the
file as EXE(version=...). It is PyInstaller's own text format (the one `pyi-grab_version`
prints), so it can be read back and checked on any OS (tests/test_bundle.py).
"""

from __future__ import annotations

import re

PRODUCT = "Sync Checkup"
DESCRIPTION = "Sync Checkup: why Clockify time doesn't reach QuickBooks"


def numeric_version(version: str) -> tuple[int, int, int, int]:
    """'1.2.3', '1.2.3rc1' or '1.2' as the four numbers Windows wants, e.g. (1, 2, 3, 0)."""
    match = re.match(r"\d+(\.\d+){0,3}", version.strip().lstrip("v"))
    if not match:
        raise ValueError(f"no version number in {version!r}")
    a, b, c, d = [*(int(n) for n in match.group(0).split(".")), 0, 0, 0][:4]
    return a, b, c, d


def version_file_text(version: str, exe_name: str) -> str:
    """The version resource of one executable, in PyInstaller's version-file syntax."""
    numbers = numeric_version(version)
    strings = {
        "CompanyName": PRODUCT,
        "FileDescription": DESCRIPTION,
        "FileVersion": version,
        "InternalName": exe_name,
        "LegalCopyright": f"Copyright {PRODUCT}",
        "OriginalFilename": f"{exe_name}.exe",
        "ProductName": PRODUCT,
        "ProductVersion": version,
    }
    structs = ",\n".join(f"          StringStruct({k!r}, {v!r})" for k, v in strings.items())
    return f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={numbers!r}, prodvers={numbers!r}, mask=0x3f, flags=0x0,
                    OS=0x40004, fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([
      StringTable('040904B0', [
{structs}
      ])
    ]),
    VarFileInfo([VarStruct('Translation', [1033, 1200])])
  ]
)
"""
