"""The writes of "fix it for me" against the loopback fakes (SPEC §8.2): every other field of a
written record survives, a record changed since the plan is left alone, a name taken since is
refused, a cut connection never sends a creation twice, a crash is resolved at the next start,
and undo puts things back only while they are as the app left them."""

from __future__ import annotations

import copy
import datetime as dt
import json
from collections.abc import Iterator
from typing import Any

import jsonschema
import pytest

from tests.conftest import reference_file
from tests.fakes.clockify_server import FakeClockify, load_sample, serve
from tests.fakes.intuit_server import CLIENT_ID, CLIENT_SECRET, REALM, FakeIntuit
from tests.fakes.quickbooks_server import FakeQuickBooks, person
from wizard import fixing
from wizard.core.fixes import Action, Plan
from wizard.sources import intuit, sample
from wizard.sources.writers import ClockifyWriter, QuickBooksWriter, write_session
from wizard.storage import journal

KEY = "Wr1te" * 8


def action(id: str, kind: str, record_type: str, record_id: str | None, name: str,
           field: str, before: Any, after: Any, system: str = "quickbooks",
           **extra: Any) -> Action:
    return Action(id=id, kind=kind, system=system, record_type=record_type,
                  record_id=record_id, record_name=name, field=field, before=before,
                  after=after, finding_code="X", finding_subject=name, finding_client=None,
                  finding_key=f"k-{id}", selected=True, **extra)


def plan_of(*actions: Action) -> Plan:
    return Plan(created_at=dt.datetime(2026, 11, 24, tzinfo=dt.UTC),
                sources={"clockify": "api", "quickbooks": "api"},
                workspace={"id": "w", "name": "W"}, company={"id": REALM, "name": "C"},
                actions=actions)


@pytest.fixture
def qbo(monkeypatch: pytest.MonkeyPatch
        ) -> Iterator[tuple[FakeIntuit, FakeQuickBooks, QuickBooksWriter]]:
    with FakeIntuit() as fake_intuit, FakeQuickBooks(fake_intuit) as fake_qbo:
        monkeypatch.setenv(intuit.ENV_CLIENT_ID, CLIENT_ID)
        monkeypatch.setenv(intuit.ENV_CLIENT_SECRET, CLIENT_SECRET)
        monkeypatch.setenv(intuit.ENV_DISCOVERY_URL, fake_intuit.discovery_url)
        grant = fake_intuit.issue()
        tokens = intuit.Tokens(REALM, refresh_token=grant.refresh, access_token=grant.access,
                               persist=False)
        yield fake_intuit, fake_qbo, QuickBooksWriter(write_session(), fake_qbo.url, REALM,
                                                      tokens, sleep=lambda s: None)


def _record(fake: FakeQuickBooks, entity: str, record_id: str) -> dict[str, Any]:
    return next(r for r in fake.lists[entity] if r["Id"] == record_id)


def _without(rec: dict[str, Any], *keys: str) -> dict[str, Any]:
    return {k: v for k, v in rec.items() if k not in (*keys, "SyncToken", "MetaData", "sparse",
                                                     "domain")}


def test_apply_changes_only_the_planned_field(qbo) -> None:
    _, fake, writer = qbo
    fake.lists["Employee"][1] |= {"GivenName": "John", "FamilyName": "Smith",
                                  "BillableTime": True, "BillRate": 125}
    employee_before = copy.deepcopy(_record(fake, "Employee", "56"))
    customer_before = copy.deepcopy(_record(fake, "Customer", "20"))
    plan = plan_of(
        action("A1", "rename_employee", "Employee", "56", "John Smith", "DisplayName",
               "John Smith", "Jon Smith"),
        action("A2", "reactivate_customer", "Customer", "20", "Office Admin", "Active",
               False, True))
    run = fixing.apply_plan(plan, fixing.Writers(quickbooks=writer))
    assert [e["status"] for e in run.entries] == ["done", "done"]
    employee = _record(fake, "Employee", "56")
    assert employee["DisplayName"] == "Jon Smith"
    assert _without(employee, "DisplayName") == _without(employee_before, "DisplayName")
    customer = _record(fake, "Customer", "20")
    assert customer["Active"] is True
    assert _without(customer, "Active") == _without(customer_before, "Active")
    # employees went as a full update of the record as read, customers as a sparse one
    (_, employee_body), (_, customer_body) = fake.writes
    assert employee_body["sparse"] is False
    assert employee_body["BillRate"] == 125
    assert customer_body == {"Id": "20", "SyncToken": "0", "sparse": True, "Active": True}


def test_a_record_changed_since_the_plan_is_stale_and_not_sent(qbo) -> None:
    _, fake, writer = qbo
    _record(fake, "Employee", "56")["DisplayName"] = "J. Smith"  # someone edited it meanwhile
    run = fixing.apply_plan(plan_of(action("A1", "rename_employee", "Employee", "56",
                                           "John Smith", "DisplayName", "John Smith",
                                           "Jon Smith")),
                            fixing.Writers(quickbooks=writer))
    (entry,) = run.entries
    assert entry["status"] == "stale"
    assert "John Smith" in entry["message"]
    assert fake.writes == []
    assert _record(fake, "Employee", "56")["DisplayName"] == "J. Smith"


def test_a_stale_sync_token_between_read_and_write_is_stale(qbo) -> None:
    _, fake, writer = qbo
    act = action("A1", "reactivate_customer", "Customer", "20", "Office Admin", "Active",
                 False, True)

    def meanwhile() -> None:  # someone saves the record between our read and our write
        _record(fake, "Customer", "20")["SyncToken"] = "7"

    outcome = writer.apply(act, None, meanwhile)
    assert outcome.status == "stale"
    assert _record(fake, "Customer", "20")["Active"] is False


def test_a_name_taken_since_the_plan(qbo) -> None:
    _, fake, writer = qbo
    fake.lists["Vendor"].append(person(71, "Tom Becker", active=False))
    created = writer.apply(action("A1", "create_employee", "Employee", None, "Tom Becker",
                                  "DisplayName", None, "Tom Becker", given_name="Tom",
                                  family_name="Becker"), None, lambda: None)
    assert created.status == "stale"
    assert "Tom Becker" in created.message
    assert fake.writes == []
    # a rename onto a name an (inactive) vendor holds: QuickBooks answers 6240, named
    renamed = writer.apply(action("A2", "rename_customer", "Customer", "1", "Acme Corp",
                                  "DisplayName", "Acme Corp", "Priya Natarajan"), None,
                           lambda: None)
    assert renamed.status == "failed"
    assert "vendor" in renamed.message
    assert "Priya Natarajan" in renamed.message
    assert _record(fake, "Customer", "1")["DisplayName"] == "Acme Corp"


def test_a_connection_cut_after_a_creation_landed_never_creates_twice(qbo) -> None:
    _, fake, writer = qbo
    fake.drop_after_write = 1
    parent = action("A1", "create_customer", "Customer", None, "Lakeside Yoga", "DisplayName",
                    None, "Lakeside Yoga")
    child = action("A2", "create_customer", "Customer", None, "Class Schedule", "DisplayName",
                   None, "Class Schedule", parent_action="A1", parent_name="Lakeside Yoga")
    run = fixing.apply_plan(plan_of(parent, child), fixing.Writers(quickbooks=writer))
    assert [e["status"] for e in run.entries] == ["done", "done"]
    names = [c["DisplayName"] for c in fake.lists["Customer"]]
    assert names.count("Lakeside Yoga") == 1
    assert names.count("Class Schedule") == 1
    assert len(fake.writes) == 2  # the cut one was read back, not sent again
    new = next(c for c in fake.lists["Customer"] if c["DisplayName"] == "Class Schedule")
    assert new["FullyQualifiedName"] == "Lakeside Yoga:Class Schedule"
    assert new["ParentRef"]["value"] == run.entries[0]["new_id"]


def test_a_child_waits_for_a_parent_that_failed(qbo) -> None:
    _, fake, writer = qbo
    parent = action("A1", "create_customer", "Customer", None, "Bad: Name", "DisplayName",
                    None, "Bad: Name")
    child = action("A2", "create_customer", "Customer", None, "Kid", "DisplayName", None, "Kid",
                   parent_action="A1", parent_name="Bad: Name")
    run = fixing.apply_plan(plan_of(parent, child), fixing.Writers(quickbooks=writer))
    assert [e["status"] for e in run.entries] == ["failed", "skipped"]
    assert "Kid" not in [c["DisplayName"] for c in fake.lists["Customer"]]


def test_an_expired_token_is_refreshed_once_for_a_write(qbo) -> None:
    fake_intuit, fake, writer = qbo
    fake_intuit.expire_access_tokens()
    outcome = writer.apply(action("A1", "reactivate_employee", "Employee", "57", "Dana Reyes",
                                  "Active", False, True), None, lambda: None)
    assert outcome.status == "done"
    assert _record(fake, "Employee", "57")["Active"] is True


class _CrashAfterSending:
    """A writer whose process 'dies' right after the request left (landed or not)."""

    def __init__(self, real: QuickBooksWriter, lands: bool) -> None:
        self.real, self.lands, self.system = real, lands, "quickbooks"

    def apply(self, act, parent_id, on_sent):
        def crash() -> None:
            on_sent()
            if not self.lands:
                raise KeyboardInterrupt
        if self.lands:
            self.real.apply(act, parent_id, on_sent)
            raise KeyboardInterrupt
        return self.real.apply(act, parent_id, crash)


@pytest.mark.parametrize("lands", [True, False])
def test_a_crash_between_sent_and_answered_is_resolved_at_the_next_start(qbo, lands) -> None:
    _, fake, writer = qbo
    act = action("A1", "create_customer", "Customer", None, "Fresh Co", "DisplayName", None,
                 "Fresh Co")
    with pytest.raises(KeyboardInterrupt):
        fixing.apply_plan(plan_of(act), fixing.Writers(quickbooks=_CrashAfterSending(writer,
                                                                                      lands)))
    (run,) = journal.runs()
    assert [e["status"] for e in run.entries] == ["sent"]
    said = fixing.resolve_interrupted(lambda j: fixing.Writers(quickbooks=writer))
    (run,) = journal.runs()
    assert run.entries[0]["status"] == ("done" if lands else "failed")
    assert len(said) == 1
    assert "Fresh Co" in said[0]
    names = [c["DisplayName"] for c in fake.lists["Customer"]]
    assert names.count("Fresh Co") == (1 if lands else 0)  # never sent again
    assert fixing.resolve_interrupted(lambda j: fixing.Writers(quickbooks=writer)) == []


def test_undo_restores_and_refuses_a_record_changed_since(qbo) -> None:
    _, fake, writer = qbo
    before = copy.deepcopy(fake.lists)
    plan = plan_of(
        action("A1", "rename_employee", "Employee", "56", "John Smith", "DisplayName",
               "John Smith", "Jon Smith"),
        action("A2", "reactivate_customer", "Customer", "20", "Office Admin", "Active",
               False, True),
        action("A3", "create_customer", "Customer", None, "New Client", "DisplayName", None,
               "New Client"))
    writers = fixing.Writers(quickbooks=writer)
    run = fixing.apply_plan(plan, writers)
    _record(fake, "Employee", "56")["DisplayName"] = "Jonathan Smith"  # edited by a person
    undone = fixing.undo_run(run, writers)
    assert [(a.kind, o.status) for a, o in undone] == [
        ("deactivate_customer", "done"), ("deactivate_customer", "done"),
        ("rename_employee", "stale")]
    assert "Jon Smith" in undone[2][1].message
    assert _record(fake, "Customer", "20")["Active"] is False
    assert _record(fake, "Employee", "56")["DisplayName"] == "Jonathan Smith"
    new = next(c for c in fake.lists["Customer"] if c["DisplayName"] == "New Client")
    assert new["Active"] is False  # QuickBooks "deletes" by deactivating
    for entity in ("Customer",):
        for old in before[entity]:
            now = _record(fake, entity, old["Id"])
            assert _without(now) == _without(old)


# --- Clockify ----------------------------------------------------------------------------------

@pytest.fixture
def clockify() -> Iterator[tuple[FakeClockify, ClockifyWriter]]:
    with serve() as fake:
        ws = load_sample(fake, sample.sample_dir() / "clockify", KEY)
        yield fake, ClockifyWriter(write_session(), KEY, fake.core_url, ws,
                                   sleep=lambda s: None)


def _space_record(fake: FakeClockify, kind: str, record_id: str) -> dict[str, Any]:
    space = next(iter(fake.spaces.values()))
    return next(r for r in getattr(space, kind) if r["id"] == record_id)


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    spec = json.loads(reference_file("clockify-openapi.json").read_text(encoding="utf-8"))
    return spec


def test_clockify_put_keeps_every_other_field(clockify, spec) -> None:
    fake, writer = clockify
    project_id = "6740a1c2d3e4f5a6b7830027"
    client_id = "6740a1c2d3e4f5a6b782001d"
    project_before = copy.deepcopy(_space_record(fake, "projects", project_id))
    client_before = copy.deepcopy(_space_record(fake, "clients", client_id))
    rename = action("A1", "rename_project", "project", project_id, "Open House Flyer", "name",
                    "Open House Flyer", "Open House Flyers", system="clockify")
    move = action("A2", "rename_client", "client", client_id, "Summit Outdoor Co", "name",
                  "Summit Outdoor Co", "Summit Outdoor Co.", system="clockify")
    assert writer.apply(rename, None, lambda: None).status == "done"
    assert writer.apply(move, None, lambda: None).status == "done"
    project = _space_record(fake, "projects", project_id)
    assert project["name"] == "Open House Flyers"
    assert {k: v for k, v in project.items() if k != "name"} == {
        k: v for k, v in project_before.items() if k != "name"}
    client = _space_record(fake, "clients", client_id)
    assert {k: v for k, v in client.items() if k != "name"} == {
        k: v for k, v in client_before.items() if k != "name"}
    schemas = spec["components"]["schemas"]
    puts = [r for r in fake.requests() if r.method == "PUT"]
    assert len(puts) == 2
    for logged, schema in zip(puts, ("UpdateProjectRequest", "UpdateClientRequestV1"),
                              strict=True):
        jsonschema.Draft4Validator({"$ref": f"#/components/schemas/{schema}",
                                    "components": spec["components"]}).validate(logged.body)
        assert set(logged.body) <= set(schemas[schema]["properties"])


def test_clockify_duplicate_name_fails_with_a_sentence(clockify) -> None:
    fake, writer = clockify
    outcome = writer.apply(action("A1", "rename_client", "client", "6740a1c2d3e4f5a6b782001d",
                                  "Summit Outdoor Co", "name", "Summit Outdoor Co", "Acme Corp",
                                  system="clockify"), None, lambda: None)
    assert outcome.status == "failed"
    assert "Acme Corp" in outcome.message
    assert _space_record(fake, "clients", "6740a1c2d3e4f5a6b782001d")["name"] == \
        "Summit Outdoor Co"


def test_clockify_cut_after_put_is_read_back(clockify) -> None:
    fake, writer = clockify
    fake.drop_after_write = 1
    act = action("A1", "set_project_client", "project", "6740a1c2d3e4f5a6b7830031",
                 "Podcast Editing", "clientId", None, "Acme Corp", system="clockify",
                 after_id="6740a1c2d3e4f5a6b7820011")
    outcome = writer.apply(act, None, lambda: None)
    assert outcome.status == "done"
    assert len([r for r in fake.requests() if r.method == "PUT"]) == 1
    assert _space_record(fake, "projects", "6740a1c2d3e4f5a6b7830031")["clientName"] == \
        "Acme Corp"
