"""`check --json` with both sides live against the loopback fakes (the sample company served as
Clockify and QuickBooks would answer it): every named finding carries `links` to the record's
own web page, by its id (SPEC §4)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from tests.fakes.clockify_server import load_sample, serve
from tests.fakes.intuit_server import CLIENT_ID, CLIENT_SECRET, REALM, FakeIntuit
from tests.fakes.quickbooks_server import FakeQuickBooks, serve_sample
from wizard.core.links import QUICKBOOKS_WEB
from wizard.sources import clockify, intuit, quickbooks, sample

KEY = "Lk5t" * 12
ROOT = Path(__file__).resolve().parents[2]


def _live_check() -> tuple[dict[str, Any], dict[str, list[dict[str, Any]]], str]:
    with serve() as fake_clockify, FakeIntuit() as fake_intuit, \
            FakeQuickBooks(fake_intuit) as fake_qbo:
        load_sample(fake_clockify, sample.sample_dir() / "clockify", KEY)
        lists = serve_sample(fake_qbo)
        grant = fake_intuit.issue()
        env = {k: v for k, v in os.environ.items() if not k.startswith("SYNC_CHECKUP_")}
        env.update({"SYNC_CHECKUP_HOME": os.environ["SYNC_CHECKUP_HOME"],
                    clockify.ENV_KEY: KEY,
                    clockify.ENV_API_URL: fake_clockify.core_url,
                    clockify.ENV_REPORTS_URL: fake_clockify.reports_url,
                    intuit.ENV_CLIENT_ID: CLIENT_ID, intuit.ENV_CLIENT_SECRET: CLIENT_SECRET,
                    intuit.ENV_DISCOVERY_URL: fake_intuit.discovery_url,
                    intuit.ENV_REALM: REALM, intuit.ENV_ACCESS: grant.access,
                    quickbooks.ENV_API_URL: fake_qbo.url})
        done = subprocess.run([sys.executable, "-m", "wizard", "check", "--json",
                               "--from", "2026-10-26", "--to", "2026-11-24"], cwd=ROOT, env=env,
                              capture_output=True, text=True, timeout=120, check=False)
        web = clockify.web_url_for(fake_clockify.core_url)
    assert done.returncode == 1, done.stderr
    result = json.loads(done.stdout)
    assert result["sources"] == {"clockify": "api", "quickbooks": "api"}
    assert web is not None
    return result, lists, web


def test_live_findings_and_entries_link_to_each_record_by_its_id() -> None:
    result, lists, web = _live_check()
    findings = {(f["subject_kind"], f["subject"]): f for f in result["findings"]}
    customers = {c["FullyQualifiedName"]: c["Id"] for c in lists["Customer"]}
    vendors = {v["DisplayName"]: v["Id"] for v in lists["Vendor"]}

    project = findings[("project", "Open House Flyer")]
    assert project["code"] == "PROJECT_NEAR_MATCH"
    assert project["links"]["clockify"] == f"{web}/projects/{project['subject_id']}/edit"
    page = urlsplit(project["links"]["quickbooks"])
    assert f"{page.scheme}://{page.netloc}{page.path}" == f"{QUICKBOOKS_WEB}/app/customerdetail"
    assert parse_qs(page.query)["nameId"] == [customers["Oak & Stone Realty:Open House Flyers"]]

    client = findings[("client", "Riverside Library")]
    assert client["links"]["clockify"] == f"{web}/clients"
    assert parse_qs(urlsplit(client["links"]["quickbooks"]).query)["nameId"] \
        == [customers["Riverside Library"]]

    vendor = findings[("user", "Priya Natarajan")]
    assert vendor["code"] == "USER_IS_VENDOR"
    assert vendor["links"]["quickbooks"] \
        == f"{QUICKBOOKS_WEB}/app/vendordetail?nameId={vendors['Priya Natarajan']}"
    near = findings[("user", "Jon Smith")]
    assert near["links"]["quickbooks"] == f"{QUICKBOOKS_WEB}/app/employees"
    assert near["links"]["clockify"].startswith(f"{web}/workspaces/")
    assert near["links"]["clockify"].endswith("/team")

    missing = findings[("client", "Lakeside Yoga")]
    assert missing["code"] == "CLIENT_NOT_IN_QBO"
    assert missing["links"]["quickbooks"] is None  # no page of a record that doesn't exist

    items = result["entries"]["items"]
    assert items
    report = urlsplit(items[0]["links"]["clockify"])
    assert report.path == "/reports/detailed"
    assert parse_qs(report.query)["start"] == ["2026-10-26T00:00:00.000Z"]
    assert all(i["links"] == items[0]["links"] for i in items)
