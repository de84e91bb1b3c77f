"""The web pages each finding links to (SPEC §4 `links`, §5 "Links"): built from ids and the web
address the source found; none for files and the sample company."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from urllib.parse import parse_qs, quote, urlencode, urlsplit

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wizard.core import links
from wizard.core.link_types import Links, WebPlaces
from wizard.core.result import Finding, Status
from wizard.sources import clockify, quickbooks
from wizard.sources.clockify_json import parse_workspaces

PLACES = WebPlaces(clockify="https://euc1.clockify.me", workspace_id="ws1",
                   quickbooks="https://app.qbo.intuit.com")


def finding(code: str, kind: str, **extra: object) -> Finding:
    fields: dict[str, object] = {"code": code, "check": "users" if kind == "user" else "customers",
                                 "status": Status.FAIL, "subject": "X", "subject_kind": kind,
                                 "message": "m", "fix": "f"}
    fields.update(extra)
    return Finding(**fields)  # type: ignore[arg-type]


def test_customer_and_project_pages_carry_their_ids() -> None:
    f = finding("PROJECT_NEAR_MATCH", "project", subject_id="p 7", match_id="58",
                match_type="customer")
    got = links.for_finding(f, PLACES)
    assert got.clockify == "https://euc1.clockify.me/projects/p%207/edit"
    assert parse_qs(urlsplit(got.quickbooks or "").query) == {"nameId": ["58"]}
    assert (got.quickbooks or "").startswith("https://app.qbo.intuit.com/app/customerdetail?")


def test_users_go_to_the_team_and_employee_list_or_the_vendor_record() -> None:
    near = links.for_finding(finding("USER_NEAR_MATCH", "user", subject_id="u1", match_id="9",
                                     match_type="employee"), PLACES)
    assert near == Links("https://euc1.clockify.me/workspaces/ws1/team",
                         "https://app.qbo.intuit.com/app/employees")
    missing = links.for_finding(finding("USER_NOT_IN_QBO", "user"), PLACES)
    assert missing.quickbooks == "https://app.qbo.intuit.com/app/employees"
    vendor = links.for_finding(finding("USER_IS_VENDOR", "user", match_id="31",
                                       match_type="vendor"), PLACES)
    assert vendor.quickbooks == "https://app.qbo.intuit.com/app/vendordetail?nameId=31"


def test_a_client_without_a_quickbooks_record_has_no_quickbooks_page() -> None:
    got = links.for_finding(finding("CLIENT_NOT_IN_QBO", "client", subject_id="c1"), PLACES)
    assert got == Links("https://euc1.clockify.me/clients", None)


def test_no_web_address_means_no_links() -> None:
    f = finding("PROJECT_MATCHED", "project", subject_id="p", match_id="1", match_type="customer")
    assert links.for_finding(f, WebPlaces()) == Links(None, None)
    assert links.for_entries(WebPlaces(), (dt.date(2026, 1, 1), dt.date(2026, 1, 2))) \
        == links.NO_LINKS


def test_entries_open_the_detailed_report_for_the_period() -> None:
    got = links.for_entries(PLACES, (dt.date(2026, 10, 26), dt.date(2026, 11, 24)))
    url = urlsplit(got.clockify or "")
    assert url.path == "/reports/detailed"
    assert parse_qs(url.query) == {"start": ["2026-10-26T00:00:00.000Z"],
                                   "end": ["2026-11-24T23:59:59.999Z"]}


@pytest.mark.parametrize(("core", "subdomain", "web"), [
    ("https://api.clockify.me/api/v1", None, "https://app.clockify.me"),
    ("https://euc1.clockify.me/api/v1", None, "https://euc1.clockify.me"),
    ("https://api.clockify.me/api/v1", "acme", "https://acme.clockify.me"),
    ("https://acme.clockify.me/api/v1", None, "https://acme.clockify.me"),
])
def test_each_region_and_subdomain_has_its_own_web_address(core: str, subdomain: str | None,
                                                           web: str) -> None:
    assert clockify.web_url_for(core, subdomain) == web


def test_a_subdomain_is_read_from_the_workspace() -> None:
    body = [{"id": "w1", "name": "A", "features": [], "subdomain": {"enabled": True,
                                                                    "name": "acme"}},
            {"id": "w2", "name": "B", "features": [], "subdomain": {"enabled": False,
                                                                    "name": "old"}}]
    assert [w.subdomain for w in parse_workspaces(body)] == ["acme", None]


def test_quickbooks_sandbox_companies_live_on_the_sandbox_host() -> None:
    assert quickbooks.web_url_for(quickbooks.SANDBOX_API_URL) == links.QUICKBOOKS_SANDBOX_WEB
    assert quickbooks.web_url_for(quickbooks.PRODUCTION_API_URL) == links.QUICKBOOKS_WEB


def test_every_finding_of_a_run_is_made_with_the_links_its_record_has() -> None:
    """Each check makes its findings with their links (no second pass over them): every one,
    of every check and kind, must carry what `for_finding` gives its record."""
    from wizard.core.checks import run_checks
    from wizard.sources import demo, sample

    today = sample.sample_info().today
    clockify_side, quickbooks_side = demo.clockify_side(), demo.quickbooks_side()
    assert clockify_side.data is not None
    assert quickbooks_side.data is not None
    live_like = (
        dataclasses.replace(clockify_side, source="api", data=dataclasses.replace(
            clockify_side.data, web_url=PLACES.clockify, workspace_id=PLACES.workspace_id)),
        dataclasses.replace(quickbooks_side, source="api", data=dataclasses.replace(
            quickbooks_side.data, web_url=PLACES.quickbooks)))
    result = run_checks(*live_like, (today - dt.timedelta(days=29), today),
                        dt.datetime(2026, 11, 24, tzinfo=dt.UTC), "t")
    assert {f.check for f in result.findings} == {"plan", "users", "customers", "connection"}
    for f in result.findings:
        assert f.links == links.for_finding(f, PLACES), f.code
    assert sum(1 for f in result.findings if f.links and f.links.quickbooks) > 10


def test_the_sample_company_has_null_links_on_every_finding_and_entry(
        demo_json: dict[str, object]) -> None:
    findings = demo_json["findings"]
    assert isinstance(findings, list)
    named = [f for f in findings if f["subject_kind"] in ("user", "client", "project")]
    assert named
    assert all(f["links"] == {"clockify": None, "quickbooks": None} for f in named)
    items = demo_json["entries"]["items"]  # type: ignore[index]
    assert items
    assert all(i["links"] == {"clockify": None, "quickbooks": None} for i in items)


@pytest.fixture(scope="module")
def demo_json() -> dict[str, object]:
    import subprocess
    import sys
    from pathlib import Path
    done = subprocess.run([sys.executable, "-m", "wizard", "check", "--demo", "--json"],
                          cwd=Path(__file__).resolve().parents[2], capture_output=True,
                          text=True, timeout=120, check=False)
    assert done.returncode == 1, done.stderr
    return json.loads(done.stdout)  # type: ignore[no-any-return]


@given(st.text(max_size=12))
def test_any_record_id_is_written_into_its_link_as_the_standard_quoting_does(record_id: str
                                                                             ) -> None:
    """Ids of letters and digits skip the quoting (the usual case, for speed); every id must
    come out exactly as `urlencode` / `quote` write it."""
    base = "https://app.qbo.intuit.com"
    assert links.quickbooks_customer(base, record_id) \
        == f"{base}/app/customerdetail?{urlencode({'nameId': record_id})}"
    assert links.quickbooks_vendor(base, record_id) \
        == f"{base}/app/vendordetail?{urlencode({'nameId': record_id})}"
    assert links.clockify_project("https://app.clockify.me", record_id) \
        == f"https://app.clockify.me/projects/{quote(record_id, safe='')}/edit"
