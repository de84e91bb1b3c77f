"""`sync-checkup check` against the fake Clockify, in a real subprocess: exit codes, the
connection finding, no traceback, and the key nowhere in any output or file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.fakes.clockify_server import FakeClockify, load_sample, serve
from wizard.sources import sample

KEY = "Zx81" * 12
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def fake() -> Iterator[FakeClockify]:
    with serve() as server:
        load_sample(server, sample.sample_dir() / "clockify", KEY)
        yield server


def run_check(fake: FakeClockify, key: str, *args: str,
              **extra: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SYNC_CHECKUP_")}
    env.update(extra)
    env.update(SYNC_CHECKUP_HOME=os.environ["SYNC_CHECKUP_HOME"],
               SYNC_CHECKUP_CLOCKIFY_API_KEY=key,
               SYNC_CHECKUP_CLOCKIFY_API_URL=fake.core_url,
               SYNC_CHECKUP_CLOCKIFY_REPORTS_URL=fake.reports_url)
    return subprocess.run([sys.executable, "-m", "wizard", "check", "--json", *args],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
                          check=False)


def assert_key_nowhere(key: str, *texts: str) -> None:
    for text in texts:
        assert key not in text
    home = Path(os.environ["SYNC_CHECKUP_HOME"])
    files = [p for p in home.rglob("*") if p.is_file()]
    for path in files:
        assert key not in path.read_text(encoding="utf-8", errors="replace"), path


def test_invalid_key_exits_1_with_the_finding(fake: FakeClockify) -> None:
    bad = "Bad0" * 12
    done = run_check(fake, bad, "--from", "2026-10-26", "--to", "2026-11-24")
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    result = json.loads(done.stdout)
    assert result["sources"]["clockify"] == "api"
    codes = {f["code"]: f for f in result["findings"]}
    assert codes["CLOCKIFY_KEY_INVALID"]["status"] == "fail"
    assert codes["CLOCKIFY_KEY_INVALID"]["message"].startswith("Clockify did not accept")
    # the owner and the owned workspaces are asked side by side (the region is given)
    assert sorted((r.path.rsplit("/", 1)[-1], r.status) for r in fake.log) == [
        ("user", 401), ("workspaces", 401)]
    assert_key_nowhere(bad, done.stdout, done.stderr)


def test_live_check_reads_the_sample_company(fake: FakeClockify) -> None:
    done = run_check(fake, KEY, "--from", "2026-10-26", "--to", "2026-11-24")
    assert done.returncode in (0, 1), done.stderr
    assert "Traceback" not in done.stderr
    result = json.loads(done.stdout)
    assert result["sources"]["clockify"] == "api"
    codes = [f["code"] for f in result["findings"] if f["check"] == "connection"]
    assert "CLOCKIFY_CONNECTED" in codes
    assert result["entries"]["total"] == 147
    assert len(fake.log) == 6
    assert_key_nowhere(KEY, done.stdout, done.stderr)


def test_unknown_workspace_exits_2_with_one_sentence(fake: FakeClockify) -> None:
    done = run_check(fake, KEY, SYNC_CHECKUP_CLOCKIFY_WORKSPACE="Nowhere Ltd")
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert done.stdout == ""
    assert "“Nowhere Ltd”" in done.stderr
    assert "“Maple & Pine Studio”" in done.stderr
    assert_key_nowhere(KEY, done.stdout, done.stderr)
