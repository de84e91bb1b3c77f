"""No sentence outside the catalogue (tests/text/outside.py says what is counted and what is
not, with why). A string the rules take for prose that is not a sentence of the app's own goes
into `NOT_SENTENCES` there, with its reason; a sentence goes through `_`/`_n`/`N_`."""

from __future__ import annotations

from pathlib import Path

from tests.text.outside import outside, scan

LIMIT = 0


def test_no_new_sentence_outside_the_catalogue() -> None:
    found = scan()
    assert len(found) <= LIMIT, "\n".join(f"{p}:{n}: {t!r}" for p, n, t in found)


def test_the_scanner_finds_a_sentence_and_passes_what_is_not_one(tmp_path: Path) -> None:
    planted = tmp_path / "planted.py"
    planted.write_text(
        'QLabel("Save the report")\n'
        'parser.add_argument("--x", help="print the list")\n'
        'f"Found {n} problems. Fix them in the file."\n'
        'label = _("Already in the catalogue")\n'
        'log.info("Reading the file now")\n'
        'raise ValueError("not a saved run")\n'
        'window.setWindowTitle("Sync Checkup")\n'
        'KEY = "customer full name"\n', encoding="utf-8")
    found = sorted(text for _line, text in outside(planted))
    assert found == [" problems. Fix them in the file.", "Save the report", "print the list"]
