"""A large company as the raw API payloads both services would send, for benchmarks.

Default size (issue 2): 2,000 users, 30,000 customers and sub-customers, 8,000 projects,
250,000 time entries; `scale` shrinks or grows every count. About 9 in 10 names match
exactly; the rest are typos, reordered names or missing, as in a real messy company.

    build_payloads(folder, scale=1.0) -> Manifest   writes the pages as JSON files
    parse_sides(manifest) -> (ClockifySide, QuickBooksSide)   through the real parsers
    build_sides(scale=1.0) -> (ClockifySide, QuickBooksSide, period)   both, in a temp folder
"""

from __future__ import annotations

import datetime as dt
import json
import random
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import requests

from wizard.core import links
from wizard.core.model import ClockifyData, ClockifySide, QuickBooksData, QuickBooksSide
from wizard.sources import clockify_json as cj
from wizard.sources import quickbooks_json as qj
from wizard.sources.clockify_report import entries_of
from wizard.sources.quickbooks_http import answer_of

FIRST = ["Olivia", "Liam", "Emma", "Noah", "Ava", "Elijah", "Sophia", "James", "Isabella",
         "Lucas", "Mia", "Mason", "Amelia", "Ethan", "Harper", "Logan", "Evelyn", "Aiden",
         "Abigail", "Jackson", "Emily", "Sebastian", "Ella", "Mateo", "Chloe", "Zoë", "José",
         "Renée", "Søren", "Priya", "Thanh", "Aisha", "Kenji", "Fatima", "Mateus", "Ingrid"]
LAST = ["Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis",
        "Rodriguez", "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson",
        "Thomas", "Taylor", "Moore", "Jackson", "Martin", "Lee", "Perez", "Thompson", "White",
        "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson", "O'Connor", "Nguyen",
        "Kowalski", "Müller", "Okafor", "Haddad", "Novak", "Silva", "Bergström", "Chen"]
WORDS = ["Acme", "Harbor", "Summit", "Maple", "Pine", "River", "Oak", "Stone", "Bright",
         "Path", "Green", "Leaf", "North", "Wind", "Blue", "Fern", "Lake", "Side", "Golden",
         "Gate", "Silver", "Peak", "Cedar", "Valley", "Iron", "Bridge", "Coastal", "Urban"]
KINDS = ["Dental", "Realty", "Cafe", "Tutoring", "Library", "Outdoor Co.", "Law Group",
         "Bakery", "Studio", "Clinic", "Fitness", "Motors", "Partners", "& Sons", "Labs"]
JOBS = ["Website Redesign", "Brand Refresh", "Annual Report", "Social Media", "Newsletter",
        "Spring Campaign", "Logo Design", "Listing Photos", "Catalog Shoot", "Trade Show",
        "SEO Retainer", "Podcast Editing", "Holiday Cards", "Menu Design", "Signage",
        "Packaging", "Video Edit", "Photo Shoot", "Print Ads", "Email Campaign"]

PAGE = 1000
ZONE = "America/Chicago"
TODAY = dt.date(2026, 11, 24)


@dataclass
class Manifest:
    folder: Path
    clockify: dict[str, list[Path]] = field(default_factory=dict)
    quickbooks: dict[str, list[Path]] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)

    def all_files(self) -> list[Path]:
        return [p for group in (self.clockify, self.quickbooks) for ps in group.values()
                for p in ps]


def _typo(rng: random.Random, name: str) -> str:
    roll = rng.random()
    if roll < 0.3 and " " in name:
        first, _, rest = name.partition(" ")
        return f"{rest}, {first}"
    if roll < 0.5:
        return name.lower()
    if roll < 0.7:
        return name.replace(" ", "  ", 1)
    i = rng.randrange(1, max(2, len(name) - 1))
    return name[:i] + name[i + 1:]  # drop a letter


def _write_pages(folder: Path, stem: str, rows: list, wrap) -> list[Path]:
    paths = []
    for n, start in enumerate(range(0, max(len(rows), 1), PAGE)):
        path = folder / f"{stem}-{n + 1:04d}.json"
        path.write_text(json.dumps(wrap(rows[start:start + PAGE])), encoding="utf-8")
        paths.append(path)
    return paths


def build_payloads(folder: Path, scale: float = 1.0, seed: int = 7) -> Manifest:
    rng = random.Random(seed)
    n_users, n_customers = int(2000 * scale), int(30000 * scale)
    n_projects, n_entries = int(8000 * scale), int(250000 * scale)
    ws = "6740a1c2d3e4f5a6b7c80001"
    man = Manifest(folder)
    ids = iter(range(1, 10**9))

    def oid() -> str:
        return f"{next(ids):024x}"

    # people
    people = sorted({f"{rng.choice(FIRST)} {rng.choice(LAST)} {i}" for i in range(n_users)})
    users, employees = [], []
    for i, name in enumerate(people):
        uid = oid()
        roll = rng.random()
        clockify_name = name if roll < 0.9 else (_typo(rng, name) if roll < 0.96 else name + "x")
        users.append({"id": uid, "email": f"user{i}@example.test", "name": clockify_name,
                      "status": "ACTIVE", "settings": {"timeZone": ZONE},
                      "memberships": [{"userId": uid, "targetId": ws,
                                       "membershipType": "WORKSPACE",
                                       "membershipStatus": "ACTIVE"}]})
        if roll < 0.98:
            employees.append({"Id": str(i + 1), "DisplayName": name, "Active": rng.random() > 0.02})
    vendors = [{"Id": str(10**6 + i), "DisplayName": f"{rng.choice(WORDS)} Supply {i}",
                "Active": True} for i in range(int(500 * scale))]

    # customers: top-level firms with jobs under them
    customers, tops = [], []
    while len(customers) < n_customers:
        top_name = f"{rng.choice(WORDS)} {rng.choice(WORDS)} {rng.choice(KINDS)} {len(tops)}"
        top_id = str(2 * 10**6 + len(customers))
        customers.append({"Id": top_id, "DisplayName": top_name, "FullyQualifiedName": top_name,
                          "Job": False, "Active": rng.random() > 0.03})
        jobs = rng.sample(JOBS, rng.randint(2, 6))
        tops.append((top_name, jobs))
        for job in jobs:
            if len(customers) >= n_customers:
                break
            customers.append({"Id": str(2 * 10**6 + len(customers)), "DisplayName": job,
                              "FullyQualifiedName": f"{top_name}:{job}", "Job": True,
                              "ParentRef": {"value": top_id}, "Level": 1,
                              "Active": rng.random() > 0.03})

    # Clockify clients and projects, mostly mirroring the customers
    clients, projects = [], []
    client_ids: dict[str, str] = {}
    while len(projects) < n_projects:
        top_name, jobs = tops[len(clients) % len(tops)]
        roll = rng.random()
        cname = top_name if roll < 0.9 else (_typo(rng, top_name) if roll < 0.96
                                             else top_name + " Ltd")
        if cname in client_ids:
            cname = f"{cname} {len(clients)}"
        cid = oid()
        client_ids[cname] = cid
        clients.append({"id": cid, "name": cname, "archived": rng.random() < 0.05})
        for job in jobs:
            if len(projects) >= n_projects:
                break
            pname = job if rng.random() < 0.9 else _typo(rng, job)
            projects.append({"id": oid(), "name": pname, "clientId": cid, "clientName": cname,
                             "archived": False})

    # entries, in the report's shape
    start_day = TODAY - dt.timedelta(days=29)
    offset = "-06:00"
    rows = []
    for i in range(n_entries):
        user = users[i % len(users)]
        project = projects[rng.randrange(len(projects))] if rng.random() > 0.02 else None
        day = start_day + dt.timedelta(days=rng.randrange(30))
        minutes = rng.choice([15, 30, 45, 60, 90, 120, 240])
        start = f"{day.isoformat()}T{rng.randrange(7, 17):02d}:{rng.choice(['00', '30'])}:00"
        end_dt = dt.datetime.fromisoformat(start) + dt.timedelta(minutes=minutes)
        rows.append({"_id": oid(), "description": "Work", "userId": user["id"],
                     "userName": user["name"], "userEmail": user["email"],
                     "billable": rng.random() > 0.1,
                     "projectId": project["id"] if project else None,
                     "projectName": project["name"] if project else "",
                     "clientId": project["clientId"] if project else "",
                     "clientName": project["clientName"] if project else "",
                     "taskId": None, "tagIds": None, "tags": [], "isLocked": False,
                     "amount": 0, "rate": 9500, "customFields": [],
                     "timeInterval": {"start": start + offset,
                                      "end": end_dt.isoformat() + offset,
                                      "duration": minutes * 60}})

    man.clockify["user"] = [folder / "user.json"]
    (folder / "user.json").write_text(json.dumps(
        {"id": users[0]["id"], "name": users[0]["name"], "activeWorkspace": ws,
         "settings": {"timeZone": ZONE}}))
    man.clockify["workspaces"] = [folder / "workspaces.json"]
    (folder / "workspaces.json").write_text(json.dumps(
        [{"id": ws, "name": "Large Co", "features": ["QUICKBOOKS_INTEGRATION"]}]))
    man.clockify["members"] = _write_pages(folder, "members", users, lambda r: r)
    man.clockify["clients"] = _write_pages(folder, "clients", clients, lambda r: r)
    man.clockify["projects"] = _write_pages(folder, "projects", projects, lambda r: r)
    man.clockify["report"] = _write_pages(
        folder, "report", rows,
        lambda r: {"totals": [{"_id": "", "entriesCount": n_entries}], "timeentries": r})
    man.quickbooks["companyinfo"] = [folder / "companyinfo.json"]
    (folder / "companyinfo.json").write_text(json.dumps({"CompanyInfo": {
        "CompanyName": "Large Co", "NameValue": [
            {"Name": "OfferingSku", "Value": "QuickBooks Online Plus"},
            {"Name": "PayrollFeature", "Value": "false"},
            {"Name": "SubscriptionStatus", "Value": "PAID"}]}}))
    man.quickbooks["preferences"] = [folder / "preferences.json"]
    (folder / "preferences.json").write_text(json.dumps({"Preferences": {
        "AccountingInfoPrefs": {"BookCloseDate": "2026-10-31"}}}))
    for entity, rows_ in (("Employee", employees), ("Vendor", vendors), ("Customer", customers)):
        man.quickbooks[entity] = _write_pages(
            folder, entity.lower(), rows_,
            lambda r, e=entity: {"QueryResponse": {e: r, "startPosition": 1,
                                                   "maxResults": len(r)}})
    man.counts = {"users": len(users), "customers": len(customers), "projects": len(projects),
                  "clients": len(clients), "entries": n_entries, "employees": len(employees),
                  "vendors": len(vendors)}
    return man


def _load(path: Path):
    return json.loads(path.read_bytes())


def quickbooks_customers(paths: list[Path]) -> list:
    """Pages of customers read as the live client reads them: straight from their bytes
    (`decode_customer_page`), else the general way."""
    out = []
    for path in paths:
        page = qj.decode_customer_page(path.read_bytes())
        out.extend(page.records if page is not None
                   else qj.parse_customers(qj.query_rows(quickbooks_body(path), "Customer")))
    return out


def quickbooks_body(path: Path):
    """A QuickBooks page's body decoded as the live client decodes an answer (`answer_of`)."""
    response = requests.Response()
    response.status_code = 200
    response.headers["Content-Type"] = "application/json"
    response._content = path.read_bytes()
    return answer_of(response).body


def parse_sides(man: Manifest) -> tuple[ClockifySide, QuickBooksSide]:
    """Raw pages → sides, page by page, through the same parsers as live answers."""
    owner = cj.parse_user(_load(man.clockify["user"][0]))
    ws = cj.parse_workspaces(_load(man.clockify["workspaces"][0]))[0]
    members = [m for p in man.clockify["members"] for m in cj.parse_members(_load(p), ws.id)]
    clients = [c for p in man.clockify["clients"] for c in cj.parse_clients(_load(p))]
    projects = [x for p in man.clockify["projects"]
                for x in cj.parse_projects(_load(p), clients)]
    names = cj.ReadNames()  # one per read, as the live client does
    # each entry once and in id order, as the live client puts them
    entries = entries_of(cj.decode_report_page(p.read_bytes(), names)
                         for p in man.clockify["report"])
    clockify = ClockifySide(source="api", data=ClockifyData(
        workspace_id=ws.id, workspace_name=ws.name, time_zone=owner.time_zone,
        members=tuple(members), clients=tuple(clients), projects=tuple(projects),
        entries=tuple(entries), features=ws.features, is_admin=True,
        entry_times_local=True,  # as the live client: the report was asked in that zone
        web_url=links.CLOCKIFY_WEB))  # and, as live, a web app: every finding gets its links

    def rows(entity: str):
        return [r for p in man.quickbooks[entity]
                for r in qj.query_rows(quickbooks_body(p), entity)]

    quickbooks = QuickBooksSide(source="api", data=QuickBooksData(
        company=qj.parse_company_info(quickbooks_body(man.quickbooks["companyinfo"][0])),
        preferences=qj.parse_preferences(quickbooks_body(man.quickbooks["preferences"][0])),
        employees=tuple(qj.parse_name_records(rows("Employee"))),
        vendors=tuple(qj.parse_name_records(rows("Vendor"))),
        customers=tuple(quickbooks_customers(man.quickbooks["Customer"])),
        web_url=links.QUICKBOOKS_WEB))
    return clockify, quickbooks


def build_sides(scale: float = 1.0) -> tuple[ClockifySide, QuickBooksSide,
                                             tuple[dt.date, dt.date]]:
    with tempfile.TemporaryDirectory(prefix="sync-checkup-large-") as tmp:
        man = build_payloads(Path(tmp), scale)
        clockify, quickbooks = parse_sides(man)
    return clockify, quickbooks, (TODAY - dt.timedelta(days=29), TODAY)
