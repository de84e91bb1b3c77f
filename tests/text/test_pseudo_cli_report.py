"""Under the pseudo-language, the command line and the report show no English sentence of the
app's own: only names from the sample company's data stay as they are."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.text.english import english_words, names_in, names_in_json, sample_company_names
from wizard import text

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def pseudo() -> object:
    text.set_language("pseudo")
    yield
    text.set_language(None)


def _check(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, text.ENV_VAR: "pseudo"}
    return subprocess.run([sys.executable, "-m", "wizard", "check", "--demo", *args], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=120, check=False)


def test_check_demo_in_pseudo_prints_no_english_sentence() -> None:
    shown = _check()
    assert shown.returncode == 1, shown.stderr
    payload = json.loads(_check("--json").stdout)
    names = names_in_json(payload) + sample_company_names()
    assert english_words(shown.stdout, names) == []
    assert "[" in shown.stdout  # it really is the pseudo-language


def test_the_json_sentences_are_in_the_chosen_language() -> None:
    payload = json.loads(_check("--json").stdout)
    names = names_in_json(payload) + sample_company_names()
    for f in payload["findings"]:
        assert english_words(f["message"] + " " + f["fix"], names) == [], f["code"]
    for c in payload["checks"]:
        assert english_words(c["summary"], names) == [], c["id"]
        assert c["status"] in ("pass", "info", "warn", "fail", "not_checked")  # codes stay


def test_report_in_pseudo_shows_no_english_sentence(pseudo: object) -> None:
    from tests.report.samples import SECOND_RUN, sample_result
    from wizard.report import html as report_html
    from wizard.report.model import HTML_LIMITS, build_report
    from wizard.report.text import summary_text

    result = sample_result(SECOND_RUN, fix_jon=True)
    page = report_html.render(build_report(result, limits=HTML_LIMITS))
    words = re.sub(r"<style>.*?</style>|<[^>]+>", " ", page, flags=re.S)
    assert english_words(words, names_in(result)) == []
    assert english_words(summary_text(result), names_in(result)) == []
