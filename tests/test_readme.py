"""The README's promises to a newcomer hold: the apt-get line is the one .ci/run runs."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _packages(text: str) -> set[str]:
    """The package names of the first `apt-get install` command in `text` (flags dropped)."""
    lines = iter(text[text.index("apt-get install"):].splitlines())
    command = next(lines)
    while command.endswith("\\"):  # continued on the next line
        command = command[:-1] + " " + next(lines)
    words = command.split(">")[0].split()[2:]
    return {w for w in words if not w.startswith("-")}


def test_readme_lists_exactly_the_debian_packages_ci_installs() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    listed = _packages(readme)
    assert "poppler-utils" in listed
    assert listed == _packages(ci)
    assert "../shared/reference/" in readme
