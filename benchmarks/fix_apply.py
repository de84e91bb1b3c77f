"""How long applying a fix plan takes: 100 actions against the loopback fakes with 100 ms added
to every answer (a far-away service), and the sample company's writable copy (no network).

Each action costs its requests: a re-read before the write, the write itself, and for a creation
a name look-up in the three lists first. Writes go one after another, as the SPEC wants.

    .venv/bin/python benchmarks/fix_apply.py
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("SYNC_CHECKUP_HOME", tempfile.mkdtemp(prefix="sync-checkup-bench-"))

from tests.fakes.clockify_server import load_sample, serve  # noqa: E402
from tests.fakes.intuit_server import CLIENT_ID, CLIENT_SECRET, REALM, FakeIntuit  # noqa: E402
from tests.fakes.quickbooks_server import FakeQuickBooks, customer, person  # noqa: E402
from wizard import fixing  # noqa: E402
from wizard.core.fixes import Action, Plan  # noqa: E402
from wizard.sources import demo, intuit, sample  # noqa: E402
from wizard.sources.writers import ClockifyWriter, QuickBooksWriter, write_session  # noqa: E402

LATENCY = 0.1


def _action(n: int, kind: str, record_type: str, record_id: str | None, field: str,
            before: object, after: object, system: str = "quickbooks") -> Action:
    return Action(id=f"A{n}", kind=kind, system=system, record_type=record_type,
                  record_id=record_id, record_name=str(before or after), field=field,
                  before=before, after=after, finding_code="X", finding_subject=str(after),
                  finding_client=None, finding_key=f"k{n}", selected=True)  # type: ignore[arg-type]


def _plan(actions: list[Action]) -> Plan:
    return Plan(created_at=dt.datetime.now(dt.UTC), sources={}, workspace={"id": "w"},
                company={"id": REALM}, actions=tuple(actions))


def quickbooks_100() -> None:
    with FakeIntuit() as fake_intuit, FakeQuickBooks(fake_intuit) as fake_qbo:
        fake_qbo.lists["Employee"] = [person(i, f"Person {i:03d}") for i in range(60)]
        fake_qbo.lists["Customer"] = [customer(1000 + i, f"Client {i:03d}", active=False)
                                      for i in range(20)]
        fake_qbo.latency = LATENCY
        grant = fake_intuit.issue()
        keys = intuit.AppKeys(CLIENT_ID, CLIENT_SECRET, fake_intuit.discovery_url)
        tokens = intuit.Tokens(REALM, refresh_token=grant.refresh, access_token=grant.access,
                               persist=False, keys_loader=lambda: keys)
        writer = QuickBooksWriter(write_session(), fake_qbo.url, REALM, tokens)
        actions = [_action(i, "rename_employee", "Employee", str(i), "DisplayName",
                           f"Person {i:03d}", f"Person {i:03d} B") for i in range(60)]
        actions += [_action(60 + i, "reactivate_customer", "Customer", str(1000 + i), "Active",
                            False, True) for i in range(20)]
        actions += [_action(80 + i, "create_customer", "Customer", None, "DisplayName", None,
                            f"New Customer {i:03d}") for i in range(20)]
        start = time.perf_counter()
        run = fixing.apply_plan(_plan(actions), fixing.Writers(quickbooks=writer))
        took = time.perf_counter() - start
        done = sum(e["status"] == "done" for e in run.entries)
        print(f"QuickBooks, 100 actions (60 renames, 20 reactivations, 20 creations), "
              f"{LATENCY * 1000:.0f} ms latency: {done} done, {writer.requests_made} requests, "
              f"{took:.1f} s ({took * 10:.0f} ms an action)")


def clockify_100() -> None:
    with serve(latency=LATENCY) as fake:
        ws = load_sample(fake, sample.sample_dir() / "clockify", "Bench" * 8)
        space = fake.spaces[ws]
        for i in range(100):
            space.projects.append({**space.projects[0], "id": f"{i:024x}",
                                   "name": f"Project {i:03d}"})
        writer = ClockifyWriter(write_session(), "Bench" * 8, fake.core_url, ws)
        actions = [_action(i, "rename_project", "project", f"{i:024x}", "name",
                           f"Project {i:03d}", f"Project {i:03d} B", system="clockify")
                   for i in range(100)]
        start = time.perf_counter()
        run = fixing.apply_plan(_plan(actions), fixing.Writers(clockify=writer))
        took = time.perf_counter() - start
        done = sum(e["status"] == "done" for e in run.entries)
        print(f"Clockify, 100 project renames, {LATENCY * 1000:.0f} ms latency: {done} done, "
              f"{writer.requests_made} requests, {took:.1f} s ({took * 10:.0f} ms an action)")


def sample_loop() -> None:
    from wizard.core.checks import default_period, run_checks
    from wizard.core.fixes import plan_for
    from wizard.sources import sample, sample_store

    sample_store.reset()
    result = run_checks(demo.clockify_side(), demo.quickbooks_side(),
                        default_period(sample.sample_info().today), dt.datetime.now(dt.UTC), "b")
    plan = plan_for(result, None, sample.sample_info().realm_id)
    plan = plan.with_selection(a.id for a in plan.actions if a.alternative_to is None)
    writers = fixing.writers_for(plan.sources, plan.workspace.get("id"))
    start = time.perf_counter()
    run = fixing.apply_plan(plan, writers)
    took = time.perf_counter() - start
    fixing.undo_run(run, writers)
    print(f"Sample company, {len(run.entries)} actions on its writable copy: {took:.2f} s")
    sample_store.reset()


if __name__ == "__main__":
    quickbooks_100()
    clockify_100()
    sample_loop()
