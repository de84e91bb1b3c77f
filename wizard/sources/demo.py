"""The built-in sample company, stored as the JSON both APIs return, read by the same parsers."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from wizard.core.model import ClockifyData, ClockifySide, QuickBooksData, QuickBooksSide
from wizard.resources import resource_path
from wizard.sources import clockify_json as cj
from wizard.sources import quickbooks_json as qj


@dataclass(frozen=True, slots=True)
class SampleInfo:
    name: str
    today: dt.date
    realm_id: str
    workspace_id: str
    time_zone: str


def sample_dir() -> Path:
    return resource_path("sample")


def _load(*parts: str) -> Any:
    return json.loads(sample_dir().joinpath(*parts).read_text(encoding="utf-8"))


def sample_info() -> SampleInfo:
    raw = _load("sample.json")
    return SampleInfo(name=raw["name"], today=dt.date.fromisoformat(raw["today"]),
                      realm_id=raw["realm_id"], workspace_id=raw["workspace_id"],
                      time_zone=raw["time_zone"])


def load_clockify() -> ClockifyData:
    owner = cj.parse_user(_load("clockify", "user.json"))
    workspaces = cj.parse_workspaces(_load("clockify", "workspaces.json"))
    ws = next(w for w in workspaces if w.id == owner.active_workspace)
    admin_ids = {w.id for w in cj.parse_workspaces(_load("clockify", "workspaces-owner.json"))}
    clients = cj.parse_clients(_load("clockify", "clients.json"))
    return ClockifyData(
        workspace_id=ws.id, workspace_name=ws.name, time_zone=owner.time_zone,
        members=tuple(cj.parse_members(_load("clockify", "users.json"), ws.id)),
        clients=tuple(clients),
        projects=tuple(cj.parse_projects(_load("clockify", "projects.json"), clients)),
        entries=tuple(cj.parse_report_entries(_load("clockify", "detailed-report.json"))),
        features=ws.features, is_admin=ws.id in admin_ids)


def load_quickbooks() -> QuickBooksData:
    return QuickBooksData(
        company=qj.parse_company_info(_load("quickbooks", "companyinfo.json")),
        preferences=qj.parse_preferences(_load("quickbooks", "preferences.json")),
        employees=tuple(qj.parse_name_records(
            qj.query_rows(_load("quickbooks", "employees.json"), "Employee"))),
        vendors=tuple(qj.parse_name_records(
            qj.query_rows(_load("quickbooks", "vendors.json"), "Vendor"))),
        customers=tuple(qj.parse_customers(
            qj.query_rows(_load("quickbooks", "customers.json"), "Customer"))))


def clockify_side() -> ClockifySide:
    return ClockifySide(source="demo", data=load_clockify())


def quickbooks_side() -> QuickBooksSide:
    return QuickBooksSide(source="demo", data=load_quickbooks())
