"""How QuickBooks and Clockify treat the writes "fix it for me" sends, as functions on records.

The writable copy of the sample company answers writes through these rules (so the sample proves
the real write path, SPEC §8.2), and the loopback fakes in the tests use the same ones. They
follow the references (`quickbooks.md` §9, §13; `clockify.md` §13):

QuickBooks: `SyncToken` must be the record's current one (else 5010); `DisplayName` is unique
across customers, vendors and employees, inactive ones included (6240, the detail naming the
holder's Id); no `:`, tab or newline in names; `Job` and `ParentRef` go together (6150); a
missing or inactive record is 610; a sparse update changes only the fields sent, a full update
replaces the record with the body (a field left out is gone); `FullyQualifiedName` and `Level`
are recomputed, for children too.

Clockify: `PUT` replaces the client or project with the body (a field left out is lost, only the
read-only fields survive); names are unique among the workspace's clients, and among a client's
projects; an unknown id is refused.
"""

from __future__ import annotations

import copy
import re
from typing import Any

Answer = tuple[int, Any]  # HTTP status, JSON body

_TIME = "2026-11-24T10:00:00.000-08:00"
NAME_FIELDS = ("DisplayName", "GivenName", "MiddleName", "FamilyName", "Title", "Suffix",
               "PrintOnCheckName", "CompanyName")
_READ_ONLY = ("Id", "FullyQualifiedName", "Level", "MetaData", "domain")


def service_fault(code: str, message: str, detail: str | None = None) -> dict[str, Any]:
    return {"Fault": {"Error": [{"Message": message, "Detail": detail or message, "code": code,
                                 "element": ""}], "type": "ValidationFault"}, "time": _TIME}


# --- QuickBooks --------------------------------------------------------------------------------

class QuickBooksBook:
    """The name lists of one company (`{"Employee": [...], "Vendor": [...], "Customer": [...]}`,
    the records as the API returns them), changed in place by `post`."""

    def __init__(self, lists: dict[str, list[dict[str, Any]]]) -> None:
        self.lists = lists

    def _find(self, entity: str, record_id: str) -> dict[str, Any] | None:
        return next((r for r in self.lists.get(entity, []) if str(r.get("Id")) == record_id),
                    None)

    def holder(self, name: str, besides: dict[str, Any] | None = None
               ) -> tuple[str, dict[str, Any]] | None:
        """Who holds a display name: (entity, record), inactive records included."""
        for entity in ("Customer", "Vendor", "Employee"):
            for rec in self.lists.get(entity, []):
                if rec is not besides and rec.get("DisplayName") == name:
                    return entity, rec
        return None

    def read(self, entity: str, record_id: str) -> Answer:
        rec = self._find(entity, record_id)
        if rec is None:
            return 400, service_fault("610", "Object Not Found",
                                      f"Object Not Found : Something you're trying to use has "
                                      f"been made inactive. Check the fields with accounts, "
                                      f"customers, items, vendors or employees. Id={record_id}")
        return 200, {entity: copy.deepcopy(rec), "time": _TIME}

    def select(self, statement: str) -> Answer:
        """`SELECT * FROM Entity [WHERE cond AND …] [STARTPOSITION n] [MAXRESULTS m]` with the
        conditions `Active IN (…)`, `Active = …` and `DisplayName = '…'`."""
        found = _QUERY.match(statement)
        if not found or found["entity"] not in self.lists:
            return 400, service_fault("4000", "Error parsing query")
        rows = self.lists[found["entity"]]
        allowed = {True}
        name: str | None = None
        for cond in _split_and(found["where"] or ""):
            m_in, m_eq, m_name = _ACTIVE_IN.match(cond), _ACTIVE_EQ.match(cond), \
                _NAME_EQ.match(cond)
            if m_in:
                allowed = {v.lower() == "true" for v in m_in.groups() if v}
            elif m_eq:
                allowed = {m_eq[1].lower() == "true"}
            elif m_name:
                name = unquote(m_name[1])
            else:
                return 400, service_fault("4001", "Invalid query")
        start, size = int(found["start"] or 1), int(found["max"] or 100)
        if size > 1000 or start < 1:
            return 400, service_fault("4001", "MAXRESULTS above 1000 or STARTPOSITION below 1")
        chosen = [r for r in rows if r.get("Active", True) in allowed
                  and (name is None or r.get("DisplayName") == name)][start - 1:start - 1 + size]
        response: dict[str, Any] = {}
        if chosen:
            response = {found["entity"]: copy.deepcopy(chosen), "startPosition": start,
                        "maxResults": len(chosen)}
        return 200, {"QueryResponse": response, "time": _TIME}

    def post(self, entity: str, body: Any) -> Answer:
        """A create (no `Id`) or an update (sparse or full) of a Customer or Employee."""
        if entity not in ("Customer", "Employee", "Vendor") or not isinstance(body, dict):
            return 400, service_fault("2010", "Request has invalid or unsupported property")
        if "Id" in body:
            current = self._find(entity, str(body["Id"]))
            if current is None:
                return self.read(entity, str(body["Id"]))
            if str(body.get("SyncToken")) != str(current.get("SyncToken")):
                return 400, service_fault(
                    "5010", "Stale Object Error",
                    f"Stale Object Error : You and {body.get('Id')} were working on this at the "
                    "same time. Try again.")
            if body.get("sparse") is True:
                record = {**copy.deepcopy(current),
                          **{k: v for k, v in body.items() if k not in ("sparse", "SyncToken")}}
            else:
                record = {k: v for k, v in copy.deepcopy(body).items() if k != "sparse"}
                for key in _READ_ONLY:
                    if key in current:
                        record[key] = copy.deepcopy(current[key])
            record["SyncToken"] = str(int(str(current.get("SyncToken") or 0)) + 1)
        else:
            current = None
            record = {k: v for k, v in copy.deepcopy(body).items() if k != "sparse"}
            record.setdefault("Active", True)
            if entity == "Customer":
                record.setdefault("Job", False)
            if entity == "Employee" and not (record.get("GivenName") or record.get("FamilyName")):
                return 400, service_fault("6000", "A business validation error has occurred",
                                          "Employee needs a given name or a family name.")
        problem = self._validate(entity, record, current)
        if problem is not None:
            return problem
        record["sparse"] = False
        record.setdefault("domain", "QBO")
        meta = dict(record.get("MetaData") or {"CreateTime": _TIME})
        meta["LastUpdatedTime"] = _TIME
        record["MetaData"] = meta
        if current is None:
            record["Id"] = str(1 + max((int(r["Id"]) for rows in self.lists.values()
                                        for r in rows if str(r.get("Id", "")).isdigit()),
                                       default=0))
            record["SyncToken"] = "0"
            record.setdefault("PrintOnCheckName", record.get("DisplayName"))
            self.lists.setdefault(entity, []).append(record)
        else:
            current.clear()
            current.update(record)
            record = current
        if entity == "Customer":
            self._recompute_names()
        return 200, {entity: copy.deepcopy(record), "time": _TIME}

    def _validate(self, entity: str, record: dict[str, Any],
                  current: dict[str, Any] | None) -> Answer | None:
        name = record.get("DisplayName")
        if not isinstance(name, str) or not name.strip():
            return 400, service_fault("2020", "Required param missing, need to supply the "
                                              "required value for the API",
                                      "Required parameter DisplayName is missing")
        for key in NAME_FIELDS:
            value = record.get(key)
            if isinstance(value, str) and any(ch in value for ch in ":\t\n"):
                return 400, service_fault("6000", "A business validation error has occurred",
                                          f"{key} can't contain a colon, tab or newline.")
        if len(name) > 500:
            return 400, service_fault("6000", "A business validation error has occurred",
                                      "DisplayName is longer than 500 characters.")
        held = self.holder(name, besides=current)
        if held is not None:
            return 400, service_fault(
                "6240", "Duplicate Name Exists Error",
                "The name supplied already exists. : Another customer, vendor or employee is "
                f"already using this name. Please use a different name. Id={held[1].get('Id')}")
        if entity == "Customer":
            job = record.get("Job") is True
            parent = record.get("ParentRef")
            if job != bool(parent):
                return 400, service_fault("6150", "ParentRef Required",
                                          "Job and ParentRef go together.")
            if parent:
                parent_id = str(parent.get("value") if isinstance(parent, dict) else "")
                parent_rec = self._find("Customer", parent_id)
                if parent_rec is None or not parent_rec.get("Active", True):
                    return self.read("Customer", parent_id) if parent_rec is None else (
                        400, service_fault("610", "Object Not Found",
                                           f"Object Not Found : the parent is inactive. "
                                           f"Id={parent_id}"))
                if str(parent_rec.get("FullyQualifiedName", "")).count(":") >= 4:
                    return 400, service_fault("6000", "A business validation error has "
                                                      "occurred", "Too many sub-levels.")
        return None

    def _recompute_names(self) -> None:
        by_id = {str(c.get("Id")): c for c in self.lists.get("Customer", [])}

        def path(c: dict[str, Any], depth: int = 0) -> list[str]:
            parent = c.get("ParentRef")
            parent_id = str(parent.get("value")) if isinstance(parent, dict) else None
            if parent_id and parent_id in by_id and depth < 6:
                return [*path(by_id[parent_id], depth + 1), str(c.get("DisplayName"))]
            return [str(c.get("DisplayName"))]

        for c in by_id.values():
            names = path(c)
            c["FullyQualifiedName"] = ":".join(names)
            if len(names) > 1:
                c["Level"] = len(names) - 1
            else:
                c.pop("Level", None)


_QUERY = re.compile(
    r"^\s*SELECT\s+\*\s+FROM\s+(?P<entity>\w+)"
    r"(?:\s+WHERE\s+(?P<where>.+?))?"
    r"(?:\s+STARTPOSITION\s+(?P<start>\d+))?"
    r"(?:\s+MAXRESULTS\s+(?P<max>\d+))?\s*$", re.IGNORECASE | re.DOTALL)
_ACTIVE_IN = re.compile(r"^Active\s+IN\s*\(\s*(true|false)\s*(?:,\s*(true|false)\s*)?\)$", re.I)
_ACTIVE_EQ = re.compile(r"^Active\s*=\s*(true|false)$", re.I)
_NAME_EQ = re.compile(r"^DisplayName\s*=\s*'((?:[^'\\]|\\.)*)'$", re.I | re.S)


_TOKEN = re.compile(r"'(?:[^'\\]|\\.)*'|\s+AND\s+|[^'\s]+|\s+|'", re.I | re.S)


def _split_and(where: str) -> list[str]:
    """The conditions of a WHERE clause, not splitting inside quoted names."""
    parts = [""]
    for token in _TOKEN.finditer(where):
        text = token.group()
        if re.fullmatch(r"\s+AND\s+", text, re.I):
            parts.append("")
        else:
            parts[-1] += text
    return [p.strip() for p in parts if p.strip()]


def quote(name: str) -> str:
    """A name as a query literal: backslash before `\\` and `'`."""
    return "'" + name.replace("\\", "\\\\").replace("'", "\\'") + "'"


def unquote(literal: str) -> str:
    return re.sub(r"\\(.)", r"\1", literal)


# --- Clockify ----------------------------------------------------------------------------------

CLIENT_FIELDS = ("name", "address", "note", "email", "ccEmails", "currencyId", "archived")
PROJECT_FIELDS = ("name", "clientId", "isPublic", "billable", "color", "note", "archived",
                  "hourlyRate", "costRate")


def _clockify_error(status: int, message: str, code: int = 501) -> Answer:
    return status, {"message": message, "code": code}


class ClockifyBook:
    """The clients and projects of one workspace (as the API returns them), changed in place."""

    def __init__(self, workspace_id: str, clients: list[dict[str, Any]],
                 projects: list[dict[str, Any]], currency: str = "USD") -> None:
        self.workspace_id = workspace_id
        self.clients = clients
        self.projects = projects
        self.currency = currency

    def _find(self, rows: list[dict[str, Any]], record_id: str) -> dict[str, Any] | None:
        return next((r for r in rows if r.get("id") == record_id), None)

    def read(self, kind: str, record_id: str) -> Answer:
        rec = self._find(self.clients if kind == "clients" else self.projects, record_id)
        if rec is None:
            what = "Client" if kind == "clients" else "Project"
            return _clockify_error(400, f"{what} doesn't belong to Workspace")
        return 200, copy.deepcopy(rec)

    def put(self, kind: str, record_id: str, body: Any) -> Answer:
        if not isinstance(body, dict):
            return _clockify_error(400, "Request body is missing")
        status, current = self.read(kind, record_id)
        if status != 200:
            return status, current
        name = body.get("name")
        if not isinstance(name, str) or not name.strip():
            return _clockify_error(400, "name: must not be blank")
        if kind == "clients":
            return self._put_client(record_id, body, name)
        return self._put_project(record_id, body, name)

    def _put_client(self, record_id: str, body: dict[str, Any], name: str) -> Answer:
        if any(c.get("id") != record_id and _same(c.get("name"), name) for c in self.clients):
            return _clockify_error(400, f"Client with name '{name}' already exists")
        current = self._find(self.clients, record_id)
        assert current is not None
        record: dict[str, Any] = {"id": record_id, "workspaceId": self.workspace_id}
        for key in CLIENT_FIELDS:
            record[key] = copy.deepcopy(body.get(key, False if key == "archived" else None))
        record["currencyCode"] = current.get("currencyCode") if body.get("currencyId") == \
            current.get("currencyId") else None
        current.clear()
        current.update(record)
        for project in self.projects:
            if project.get("clientId") == record_id:
                project["clientName"] = name
        return 200, copy.deepcopy(current)

    def _put_project(self, record_id: str, body: dict[str, Any], name: str) -> Answer:
        client_id = body.get("clientId") or ""
        client = self._find(self.clients, client_id) if client_id else None
        if client_id and client is None:
            return _clockify_error(400, "Client doesn't belong to Workspace")
        if any(p.get("id") != record_id and _same(p.get("name"), name)
               and (p.get("clientId") or "") == client_id for p in self.projects):
            return _clockify_error(400, f"Project with name '{name}' already exists for "
                                        "this client")
        color = body.get("color")
        if color is not None and not re.fullmatch(r"#[0-9a-fA-F]{6}", str(color)):
            return _clockify_error(400, "color: must match ^#(?:[0-9a-fA-F]{6}){1}$")
        current = self._find(self.projects, record_id)
        assert current is not None
        kept = {k: copy.deepcopy(v) for k, v in current.items()
                if k not in (*PROJECT_FIELDS, "public", "clientName")}
        record: dict[str, Any] = {**kept, "id": record_id, "workspaceId": self.workspace_id,
                                  "name": name, "clientId": client_id,
                                  "clientName": client.get("name", "") if client else "",
                                  "public": body.get("isPublic", False) is True,
                                  "billable": body.get("billable", False) is True,
                                  "archived": body.get("archived", False) is True,
                                  "color": color, "note": body.get("note"),
                                  "hourlyRate": _rate(body.get("hourlyRate"), self.currency),
                                  "costRate": _rate(body.get("costRate"), self.currency)}
        current.clear()
        current.update(record)
        return 200, copy.deepcopy(current)


def _same(a: Any, b: str) -> bool:
    return isinstance(a, str) and a.strip().casefold() == b.strip().casefold()


def _rate(value: Any, currency: str) -> dict[str, Any] | None:
    if not isinstance(value, dict) or not isinstance(value.get("amount"), int):
        return None
    return {"amount": value["amount"], "currency": currency}
