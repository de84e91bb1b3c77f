"""A real firm's size, for looking at the wizard as such a firm sees it (issue 20): 70 members,
130 clients and projects, 1,200 QuickBooks customers and 78 name problems.

The firm is written as the JSON both APIs would send and read back by the live Clockify and
QuickBooks clients through the replay session (as the sample company is), so it takes the real
parsing path. Its sides are "live" ones with web addresses, so the problems carry links.

    python benchmarks/firm_company.py                    # the firm's counts and problem count
    python benchmarks/firm_company.py --screenshots DIR  # a PNG of every page, on the firm
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import tempfile
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from wizard.core.model import ClockifySide, QuickBooksSide
from wizard.sources.clockify import ClockifyClient
from wizard.sources.demo import _clockify_routes
from wizard.sources.intuit import FixedToken
from wizard.sources.quickbooks import PAGE_SIZE, QuickBooksClient, query_statement
from wizard.sources.quickbooks_http import MINOR_VERSION
from wizard.sources.replay import Route, replay_session

TODAY = dt.date(2026, 11, 24)
PERIOD = (TODAY - dt.timedelta(days=29), TODAY)
WORKSPACE = "6750a1c2d3e4f5a6b7c80001"
REALM = "9341466666666666"
CORE_URL = "https://api.clockify.me/api/v1"
REPORTS_URL = "https://reports.api.clockify.me/v1"
QBO_URL = "https://quickbooks.api.intuit.com"

FIRST = ["Olivia", "Liam", "Emma", "Noah", "Ava", "Elijah", "Sophia", "James", "Isabella",
         "Lucas", "Mia", "Mason", "Amelia", "Ethan", "Harper", "Logan", "Evelyn", "Aiden",
         "Abigail", "Jackson", "Emily", "Sebastian", "Ella", "Mateo", "Chloe", "Renée", "Søren",
         "Priya", "Thanh", "Aisha", "Kenji", "Fatima", "Ingrid", "Tomás", "Nadia"]
LAST = ["Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis",
        "Rodriguez", "Martinez", "Hernandez", "Lopez", "Wilson", "Anderson", "Thomas", "Taylor",
        "Moore", "Martin", "Lee", "Perez", "Thompson", "White", "Harris", "Clark", "Lewis",
        "Robinson", "Nguyen", "Kowalski", "Okafor", "Haddad", "Novak", "Silva", "Chen"]
FIRMS = ["Acme", "Harbor", "Summit", "Maple", "Pine", "River", "Oak", "Stone", "Bright",
         "Green", "North", "Blue", "Fern", "Lake", "Golden", "Silver", "Cedar", "Valley",
         "Iron", "Coastal", "Urban", "Willow", "Aspen", "Birch", "Canyon", "Delta", "Ember",
         "Falcon", "Granite", "Horizon", "Juniper", "Keystone", "Lumen", "Meadow", "Nimbus",
         "Orchard", "Prairie", "Quarry", "Redwood", "Sage", "Tidal", "Upland", "Vista"]
KINDS = ["Dental", "Realty", "Cafe", "Tutoring", "Library", "Outdoor", "Law Group", "Bakery",
         "Studio", "Clinic", "Fitness", "Motors", "Partners", "Labs", "Florist", "Print Shop"]
JOBS = ["Website Redesign", "Brand Refresh", "Annual Report", "Social Media", "Newsletter",
        "Spring Campaign", "Logo Design", "Listing Photos", "Catalog Shoot", "Trade Show",
        "SEO Retainer", "Podcast Editing", "Holiday Cards", "Menu Design", "Signage",
        "Packaging", "Video Edit", "Photo Shoot", "Print Ads", "Email Campaign"]


def _near(name: str, n: int) -> str:
    """A spelling of `name` that is close but not identical (case, space, punctuation)."""
    return [name.lower(), name.replace(" ", "  ", 1), name + ".", name.upper()][n % 4]


def _ids(prefix: str) -> callable:  # type: ignore[valid-type]
    counter = iter(range(1, 10**6))
    return lambda: f"{prefix}{next(counter):08x}"


def write_firm(folder: Path) -> dict[str, int]:
    """The firm's API answers under `folder`/clockify and `folder`/quickbooks; its counts."""
    cid, qid = _ids("6750a1c2d3e4f5a6"), iter(range(100, 10**6))
    (folder / "clockify").mkdir(parents=True, exist_ok=True)
    (folder / "quickbooks").mkdir(parents=True, exist_ok=True)

    # 70 members: 58 identical to an employee; 6 near, 3 missing, 1 vendor, 1 inactive, 1 invited
    people = [f"{FIRST[i % len(FIRST)]} {LAST[(i * 7) % len(LAST)]}" for i in range(70)]
    members, employees, vendors = [], [], []
    for i, name in enumerate(people):
        uid = cid()
        status, clockify_name = "ACTIVE", name
        if i < 58:
            employees.append({"Id": str(next(qid)), "DisplayName": name, "Active": True})
        elif i < 64:
            employees.append({"Id": str(next(qid)), "DisplayName": name, "Active": True})
            clockify_name = _near(name, i)
        elif i < 67:
            clockify_name = f"{name} Quill"  # nobody in QuickBooks
        elif i == 67:
            vendors.append({"Id": str(next(qid)), "DisplayName": name, "Active": True})
        elif i == 68:
            employees.append({"Id": str(next(qid)), "DisplayName": name, "Active": False})
        else:
            status = "PENDING"
        members.append({"id": uid, "name": clockify_name, "status": "ACTIVE",
                        "settings": {"timeZone": "America/Chicago"},
                        "memberships": [{"userId": uid, "targetId": WORKSPACE,
                                         "membershipType": "WORKSPACE",
                                         "membershipStatus": status}]})
    vendors += [{"Id": str(next(qid)), "DisplayName": f"{FIRMS[i % len(FIRMS)]} Supply {i}",
                 "Active": True} for i in range(30)]

    # 40 clients: 28 matched, 8 near (their 16 projects wait for the client), 4 missing;
    # 90 projects: 16 under near clients, 4 under missing ones, and under matched clients
    # 35 matched, 20 near, 9 missing, 4 inactive in QuickBooks, 2 with a colon
    customers: list[dict[str, object]] = []
    clients, projects = [], []

    def customer(name: str, parent: dict[str, object] | None = None,
                 active: bool = True) -> dict[str, object]:
        row: dict[str, object] = {
            "Id": str(next(qid)), "DisplayName": name, "Active": active, "Job": parent is not None,
            "FullyQualifiedName": f"{parent['FullyQualifiedName']}:{name}" if parent else name}
        if parent is not None:
            row["ParentRef"] = {"value": parent["Id"]}
            row["Level"] = 1
        customers.append(row)
        return row

    project_plan = (["near"] * 20 + ["missing"] * 9 + ["inactive"] * 4 + ["colon"] * 2
                    + ["matched"] * 35)
    for c in range(40):
        firm = f"{FIRMS[c % len(FIRMS)]} {KINDS[c % len(KINDS)]}"
        client_id = cid()
        if c < 28:
            kind, parent, shown = "matched", customer(firm), firm
        elif c < 36:
            kind, parent, shown = "near", customer(firm), _near(firm, c)
        else:
            kind, parent, shown = "missing", None, f"{firm} Holdings"
        clients.append({"id": client_id, "name": shown, "archived": False})
        count = 2 if kind == "near" else (1 if kind == "missing" else (3 if c < 14 else 2))
        for j in range(count):
            job = JOBS[(c * 3 + j) % len(JOBS)]
            what = project_plan.pop() if kind == "matched" else "any"
            name = job
            if parent is not None and what in ("matched", "near", "any"):
                customer(job, parent)
            if what == "near":
                name = _near(job, c + j)
            elif what == "missing":
                name = f"{job} Phase {j + 2}"
            elif what == "inactive":
                customer(job, parent, active=False)
            elif what == "colon":
                name = f"Q{j + 1}: {job}"
            projects.append({"id": cid(), "name": name, "clientId": client_id,
                             "clientName": shown, "archived": False, "billable": True})
    # the rest of QuickBooks' 1,200 customers: clients of the firm's other work, with jobs
    other = 0
    while len(customers) < 1200:
        parent = customer(f"{FIRMS[other % len(FIRMS)]} {KINDS[(other // 3) % len(KINDS)]} "
                          f"{other + 1}")
        for j in range(other % 3):
            if len(customers) < 1200:
                customer(JOBS[(other + j) % len(JOBS)], parent)
        other += 1

    # 600 entries over the period, every member on a few projects
    entries = []
    for n in range(600):
        member = members[n % len(members)]
        project = projects[(n * 7) % len(projects)]
        day = PERIOD[0] + dt.timedelta(days=n % 30)
        start = dt.datetime.combine(day, dt.time(9 + n % 8), dt.timezone(dt.timedelta(hours=-6)))
        minutes = 30 + 15 * (n % 6)
        entries.append({"_id": cid(), "description": "Work", "userId": member["id"],
                        "userName": member["name"], "billable": n % 11 != 0,
                        "projectId": project["id"], "projectName": project["name"],
                        "clientId": project["clientId"], "clientName": project["clientName"],
                        "tags": [], "timeInterval": {
                            "start": start.isoformat(),
                            "end": (start + dt.timedelta(minutes=minutes)).isoformat(),
                            "duration": minutes * 60}})

    owner = members[0]
    workspace = {"id": WORKSPACE, "name": "Northwind Creative Partners",
                 "features": ["TIME_TRACKING", "QUICKBOOKS_INTEGRATION"],
                 "subdomain": {"enabled": False, "name": None}}
    _dump(folder / "clockify" / "user.json",
          {"id": owner["id"], "name": owner["name"], "activeWorkspace": WORKSPACE,
           "settings": {"timeZone": "America/Chicago"}})
    _dump(folder / "clockify" / "workspaces-owner.json", [workspace])
    _dump(folder / "clockify" / "workspaces.json", [workspace])
    _dump(folder / "clockify" / "users.json", members)
    _dump(folder / "clockify" / "clients.json", clients)
    _dump(folder / "clockify" / "projects.json", projects)
    _dump(folder / "clockify" / "detailed-report.json",
          {"totals": [{"_id": "", "entriesCount": len(entries)}], "timeentries": entries})
    _dump(folder / "quickbooks" / "companyinfo.json", {"CompanyInfo": {
        "CompanyName": "Northwind Creative Partners", "NameValue": [
            {"Name": "OfferingSku", "Value": "QuickBooks Online Plus"},
            {"Name": "PayrollFeature", "Value": "false"},
            {"Name": "SubscriptionStatus", "Value": "PAID"}]}})
    _dump(folder / "quickbooks" / "preferences.json", {"Preferences": {
        "TimeTrackingPrefs": {"UseServices": True},
        "AccountingInfoPrefs": {"BookCloseDate": "2026-10-31"}}})
    for entity, rows in (("Employee", employees), ("Vendor", vendors), ("Customer", customers)):
        for page, start in enumerate(range(0, max(len(rows), 1), PAGE_SIZE), 1):
            chunk = rows[start:start + PAGE_SIZE]
            _dump(folder / "quickbooks" / f"{entity.lower()}-{page}.json",
                  {"QueryResponse": {entity: chunk, "startPosition": start + 1,
                                     "maxResults": len(chunk)}})
    return {"members": len(members), "clients": len(clients), "projects": len(projects),
            "customers": len(customers), "employees": len(employees), "vendors": len(vendors),
            "entries": len(entries)}


def _dump(path: Path, value: object) -> None:
    path.write_text(json.dumps(value, ensure_ascii=False), encoding="utf-8")


def read_firm(folder: Path) -> tuple[ClockifySide, QuickBooksSide]:
    """Both sides through the live clients, replaying the answers written by `write_firm`."""
    # Clockify answers exactly as for the sample company, from this folder's files
    clockify_routes = _clockify_routes()
    base = rf"/v3/company/{REALM}"
    qbo_routes = [Route("GET", rf"{base}/companyinfo/{REALM}", "companyinfo.json"),
                  Route("GET", base + "/preferences", "preferences.json")]
    for entity in ("Employee", "Vendor", "Customer"):
        pages = sorted((folder / "quickbooks").glob(f"{entity.lower()}-*.json"))
        for page, path in enumerate(pages):
            qbo_routes.append(Route("GET", base + "/query", path.name, query={
                "query": query_statement(entity, 1 + page * PAGE_SIZE),
                "minorversion": MINOR_VERSION}))
        # the client asks once more after a full last page: an empty answer ends the list
        qbo_routes.append(Route("GET", base + "/query", body=json.dumps(
            {"QueryResponse": {}}).encode(), query={
                "query": query_statement(entity, 1 + len(pages) * PAGE_SIZE),
                "minorversion": MINOR_VERSION}))
    clockify = ClockifyClient(replay_session(folder / "clockify", clockify_routes),
                              "firm-company", CORE_URL, REPORTS_URL, min_interval=0)
    quickbooks = QuickBooksClient(replay_session(folder / "quickbooks", qbo_routes), QBO_URL,
                                  REALM, FixedToken(REALM))
    return (ClockifySide(source="api", data=clockify.read(PERIOD)),
            QuickBooksSide(source="api", data=quickbooks.read()))


def firm_sides() -> tuple[ClockifySide, QuickBooksSide]:
    with tempfile.TemporaryDirectory(prefix="sync-checkup-firm-") as tmp:
        write_firm(Path(tmp))
        return read_firm(Path(tmp))


def _screenshots(folder: Path) -> int:
    """Every page of the wizard on the firm, as PNGs (offscreen unless a display is set)."""
    import os
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from wizard.flow import Flow, Page
    from wizard.ui.app import make_app
    from wizard.ui.jobs import Readers
    from wizard.ui.wizard_window import WizardWindow

    clockify, quickbooks = firm_sides()
    app = make_app()
    flow = Flow(TODAY)
    readers = Readers(clockify=lambda request, progress, cancel: clockify,
                      quickbooks=lambda request, progress, cancel: quickbooks)
    window = WizardWindow(flow, readers=readers)
    flow.choices.use_sample()  # any complete choice: the readers give the firm either way
    window.pages[Page.WELCOME].show_choices()  # type: ignore[attr-defined]
    window.resize(1280, 860)
    window.show()
    saved: list[Path] = []

    def finished(files: list[Path]) -> None:
        saved.extend(files)
        app.exit(0)

    window.save_screenshots(folder, finished)
    app.exec()
    window.shutdown()
    for path in saved:
        path.rename(path.with_name(f"firm-{path.name}"))
    return 0 if len(saved) == len(Page) else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--screenshots", type=Path, metavar="DIR")
    args = parser.parse_args()
    if args.screenshots:
        return _screenshots(args.screenshots)
    from wizard.core.checks import run_checks
    from wizard.core.result import Status
    with tempfile.TemporaryDirectory(prefix="sync-checkup-firm-") as tmp:
        counts = write_firm(Path(tmp))
        clockify, quickbooks = read_firm(Path(tmp))
    result = run_checks(clockify, quickbooks, PERIOD, dt.datetime.now(dt.UTC), "firm")
    names = [f for f in result.findings if f.check in ("users", "customers")]
    problems = [f for f in names if f.status in (Status.FAIL, Status.WARN)]
    for key, value in counts.items():
        sys.stdout.write(f"{key}: {value:,}\n")
    sys.stdout.write(f"name problems: {len(problems)} of {len(names)} names\n")
    codes: dict[str, int] = {}
    for f in problems:
        codes[f.code] = codes.get(f.code, 0) + 1
    for code, n in sorted(codes.items()):
        sys.stdout.write(f"  {code}: {n}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
