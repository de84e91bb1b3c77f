"""A loopback fake of the QuickBooks Online Accounting API (the parts Sync Checkup uses).

`companyinfo`, `preferences` and a `query` endpoint that really parses the statement: entity,
`WHERE` conditions on `Active` (without one, only active rows come back, as in QuickBooks),
`STARTPOSITION`, `MAXRESULTS` (≤ 1000), and `SELECT COUNT(*)` answered with `totalCount`. A
`latency` (seconds) delays every answer, as a far-away service would. Bearer tokens are checked
against a `FakeIntuit` (or a fixed set). Every answer carries an `intuit_tid` header. Faults can
be queued: 401, 403, 429, 500, garbage, drop — each in the shape the real service uses.

Writes (SPEC §8): `GET <entity>/<Id>` reads one record and `POST <entity>` creates or updates one
under the rules of `wizard.sources.service_rules` (SyncToken 5010, names unique across the three
lists 6240, no colons, Job with ParentRef, sparse vs full update). `drop_after_write` closes the
connection after a write was applied, without answering (a cut after the request left).

`keep_answers` (benchmarks) encodes each read's answer once and sends the same bytes to the
same request after that, as the Clockify fake does with its report pages: the fake's own JSON
work must not be what a benchmark times. Only for lists that don't change between reads (a
write forgets every kept answer; a list changed in place would not be seen).
"""

from __future__ import annotations

import json
import re
import secrets
import threading
import time
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from tests.fakes.intuit_server import REALM, FakeIntuit
from tests.fakes.loopback import FakeHandler, LoopbackServer
from wizard.sources.service_rules import QuickBooksBook

_QUERY = re.compile(
    r"^\s*SELECT\s+(?P<what>\*|COUNT\(\s*\*\s*\))\s+FROM\s+(?P<entity>\w+)"
    r"(?:\s+WHERE\s+(?P<where>.+?))?"
    r"(?:\s+ORDERBY\s+(?P<order>\w+)(?:\s+(?:ASC|DESC))?)?"
    r"(?:\s+STARTPOSITION\s+(?P<start>\d+))?"
    r"(?:\s+MAXRESULTS\s+(?P<max>\d+))?\s*$", re.IGNORECASE | re.DOTALL)
_ACTIVE_IN = re.compile(r"^Active\s+IN\s*\(\s*(true|false)\s*(?:,\s*(true|false)\s*)?\)$", re.I)
_ACTIVE_EQ = re.compile(r"^Active\s*=\s*(true|false)$", re.I)


def company_info(name: str = "Brightside Studio LLC", sku: str = "QuickBooks Online Plus",
                 payroll: str = "false", status: str = "PAID") -> dict[str, Any]:
    return {"CompanyInfo": {
        "Id": "1", "CompanyName": name, "Country": "US",
        "NameValue": [{"Name": "OfferingSku", "Value": sku},
                      {"Name": "PayrollFeature", "Value": payroll},
                      {"Name": "SubscriptionStatus", "Value": status},
                      {"Name": "NeoEnabled", "Value": "true"}]},
        "time": "2026-11-24T10:00:00.123-08:00"}


def preferences(time_tracking: str = "true", close: str | None = "2026-09-30") -> dict[str, Any]:
    accounting: dict[str, Any] = {"FirstMonthOfFiscalYear": "January"}
    if close:
        accounting["BookCloseDate"] = close
    return {"Preferences": {
        "Id": "1", "AccountingInfoPrefs": accounting,
        "TimeTrackingPrefs": {"UseServices": True, "BillCustomers": True},
        "OtherPrefs": {"NameValue": [{"Name": "TimeTrackingFeatureEnabled",
                                      "Value": time_tracking}]}},
        "time": "2026-11-24T10:00:01.456-08:00"}


def person(i: int, name: str, active: bool = True) -> dict[str, Any]:
    return {"Id": str(i), "SyncToken": "0", "DisplayName": name, "Active": active,
            "PrintOnCheckName": name}


def customer(i: int, name: str, parent: dict[str, Any] | None = None,
             active: bool = True) -> dict[str, Any]:
    row: dict[str, Any] = {"Id": str(i), "SyncToken": "0", "DisplayName": name, "Active": active,
                           "IsProject": False}
    if parent is None:
        row |= {"FullyQualifiedName": name, "Job": False}
    else:
        row |= {"FullyQualifiedName": f"{parent['FullyQualifiedName']}:{name}", "Job": True,
                "ParentRef": {"value": parent["Id"]},
                "Level": parent["FullyQualifiedName"].count(":") + 1}
    return row


def small_company() -> dict[str, list[dict[str, Any]]]:
    acme = customer(1, "Acme Corp")
    return {
        "Employee": [person(55, "Maria Lopez"), person(56, "John Smith"),
                     person(57, "Dana Reyes", active=False)],
        "Vendor": [person(70, "Priya Natarajan")],
        "Customer": [acme, customer(12, "Website Redesign", acme),
                     customer(20, "Office Admin", active=False)],
    }


def serve_sample(fake: FakeQuickBooks) -> dict[str, list[dict[str, Any]]]:
    """Serve the sample company's stored QuickBooks answers; its lists come back."""
    from wizard.sources import sample

    folder = sample.sample_dir() / "quickbooks"

    def read(name: str) -> Any:
        return json.loads((folder / name).read_text(encoding="utf-8"))

    fake.company = read("companyinfo.json")
    fake.prefs = read("preferences.json")
    fake.lists = {"Employee": read("employees.json")["QueryResponse"]["Employee"],
                  "Vendor": read("vendors.json")["QueryResponse"]["Vendor"],
                  "Customer": read("customers.json")["QueryResponse"]["Customer"]}
    return fake.lists


class FakeQuickBooks(LoopbackServer):
    """`with FakeQuickBooks(intuit) as qbo:`; point the app at `qbo.url`."""

    def __init__(self, intuit: FakeIntuit | None = None, realm: str = REALM,
                 lists: dict[str, list[dict[str, Any]]] | None = None,
                 tokens: set[str] | None = None, latency: float = 0.0) -> None:
        self.intuit = intuit
        self.latency = latency  # seconds added to every answer (benchmarks, concurrency tests)
        self.realm = realm
        self.lists = lists if lists is not None else small_company()
        self.company = company_info()
        self.prefs = preferences()
        self.tokens = tokens or set()
        self.faults: list[str] = []  # "401", "403", "429", "500", "garbage", "drop", "fault200"
        self.retry_after: str | None = None
        self.queries: list[str] = []
        self.requests: list[str] = []
        self.tids: list[str] = []
        self.auth_headers: list[str] = []
        self.writes: list[tuple[str, dict[str, Any]]] = []  # (entity, body) of every POST
        self.drop_after_write = 0  # how many coming writes are applied, then cut unanswered
        self.keep_answers = False  # benchmarks: see the module's docstring
        self._kept: dict[str, tuple[int, bytes]] = {}  # request path and query → status, body
        self._lock = threading.Lock()
        super().__init__(_Handler)

    @property
    def book(self) -> QuickBooksBook:
        return QuickBooksBook(self.lists)

    def fail(self, *kinds: str) -> None:
        with self._lock:
            self.faults.extend(kinds)

    def _next_fault(self) -> str | None:
        with self._lock:
            return self.faults.pop(0) if self.faults else None

    def token_ok(self, token: str) -> bool:
        if token in self.tokens:
            return True
        return self.intuit is not None and self.intuit.access_ok(token, self.realm)

    def query(self, statement: str) -> tuple[int, dict[str, Any]]:
        self.queries.append(statement)
        found = _QUERY.match(statement)
        if not found:
            return 400, _service_fault("4000", "Error parsing query")
        entity = found["entity"]
        if "displayname" in (found["where"] or "").lower():
            return self.book.select(statement)
        rows = self.lists.get(entity)
        if rows is None:
            return 400, _service_fault("4001", "Invalid query")
        allowed = {True}  # QuickBooks leaves inactive rows out unless asked
        if found["where"]:
            for cond in re.split(r"\s+AND\s+", found["where"].strip(), flags=re.I):
                m_in, m_eq = _ACTIVE_IN.match(cond.strip()), _ACTIVE_EQ.match(cond.strip())
                if m_in:
                    allowed = {v.lower() == "true" for v in m_in.groups() if v}
                elif m_eq:
                    allowed = {m_eq[1].lower() == "true"}
                else:
                    return 400, _service_fault("4001", "Unsupported condition in fake")
        start = int(found["start"] or 1)
        size = int(found["max"] or 100)
        if size > 1000 or start < 1:
            return 400, _service_fault("4001", "MAXRESULTS above 1000 or STARTPOSITION below 1")
        matching = [r for r in rows if r.get("Active", True) in allowed]
        if found["what"] != "*":
            return 200, {"QueryResponse": {"totalCount": len(matching)},
                         "time": "2026-11-24T10:00:02.001-08:00"}
        chosen = matching[start - 1:start - 1 + size]
        response: dict[str, Any] = {}
        if chosen:
            response = {entity: chosen, "startPosition": start, "maxResults": len(chosen)}
        return 200, {"QueryResponse": response, "time": "2026-11-24T10:00:02.001-08:00"}


def _service_fault(code: str, message: str) -> dict[str, Any]:
    return {"Fault": {"Error": [{"Message": message, "Detail": message, "code": code}],
                      "type": "ValidationFault"}, "time": "2026-11-24T10:05:00.000-08:00"}


def _gateway_fault(status: int, code: str, kind: str, message: str) -> dict[str, Any]:
    return {"warnings": None, "intuitObject": None,
            "fault": {"error": [{"message": f"message={message}; errorCode=00{code}; "
                                            f"statusCode={status}", "detail": message,
                                 "code": code, "element": None}], "type": kind},
            "report": None, "queryResponse": None, "time": 1795543500000}


class _Handler(FakeHandler):
    fake: FakeQuickBooks

    def _send(self, status: int, body: bytes, headers: dict[str, str] | None = None) -> None:
        tid = f"1-{secrets.token_hex(4)}-{secrets.token_hex(12)}"  # as long as a real one
        self.fake.tids.append(tid)
        self.send_response(status)
        self.send_header("intuit_tid", tid)
        self.send_header("Content-Type", "application/json")
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _json(self, status: int, body: dict[str, Any], headers: dict[str, str] | None = None
              ) -> None:
        self._send(status, json.dumps(body).encode(), headers)

    def do_GET(self) -> None:
        self._serve("GET")

    def do_POST(self) -> None:
        self._serve("POST")

    def _serve(self, method: str) -> None:
        fake = self.fake
        parts = urlsplit(self.path)
        query = dict(parse_qsl(parts.query))
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        fake.requests.append(parts.path)
        if fake.latency:
            time.sleep(fake.latency)
        fault = fake._next_fault()
        if fault == "drop":
            self.close_connection = True
            self.connection.close()
            return
        if fault == "garbage":
            self._send(200, b"<html>Service temporarily unavailable</html>",
                       {"Content-Type": "text/html"})
            return
        if fault == "500":
            self._send(500, b"")
            return
        if fault == "429":
            self._json(429, _gateway_fault(429, "3001", "SERVICE", "ThrottleExceeded"),
                       {"Retry-After": fake.retry_after} if fake.retry_after else None)
            return
        if fault == "403":
            self._json(403, _gateway_fault(403, "3100", "SERVICE",
                                           "ApplicationAuthorizationFailed"))
            return
        auth = self.headers.get("Authorization", "")
        fake.auth_headers.append(auth)
        token = auth.removeprefix("Bearer ")
        if fault == "401" or not auth.startswith("Bearer ") or not fake.token_ok(token):
            self._json(401, _gateway_fault(401, "3200", "AUTHENTICATION", "AuthenticationFailed"))
            return
        if self.headers.get("Accept") != "application/json" or query.get("minorversion") != "75":
            self._json(400, _service_fault("4000", "fake wants JSON and minorversion 75"))
            return
        base = f"/v3/company/{fake.realm}/"
        if not parts.path.startswith(base):
            self._json(403, _gateway_fault(403, "3100", "SERVICE",
                                           "ApplicationAuthorizationFailed"))
            return
        resource = parts.path[len(base):]
        if method == "POST":
            fake._kept.clear()
            self._write(resource, raw)
            return
        kept = fake._kept.get(self.path) if fake.keep_answers and fault is None else None
        if kept is not None:
            self._send(*kept)
            return
        one = re.fullmatch(r"(customer|employee|vendor)/(\d+)", resource)
        if fault == "fault200":
            self._json(200, _service_fault("610", "Object Not Found"))
        elif resource == f"companyinfo/{fake.realm}":
            self._json(200, fake.company)
        elif resource == "preferences":
            self._json(200, fake.prefs)
        elif resource == "query":
            status, body = fake.query(query.get("query", ""))
            if fake.keep_answers:
                fake._kept[self.path] = (status, json.dumps(body).encode())
                self._send(*fake._kept[self.path])
                return
            self._json(status, body)
        elif one:
            self._json(*fake.book.read(one[1].capitalize(), one[2]))
        else:
            self._json(400, _service_fault("610", "Object Not Found"))

    def _write(self, resource: str, raw: bytes) -> None:
        fake = self.fake
        entity = {"customer": "Customer", "employee": "Employee"}.get(resource)
        if self.headers.get("Content-Type", "").split(";")[0] != "application/json" \
                or entity is None:
            self._json(400, _service_fault("2010", "Request has invalid or unsupported property"))
            return
        try:
            body = json.loads(raw)
        except ValueError:
            self._json(400, _service_fault("2010", "Request has invalid or unsupported property"))
            return
        with fake._lock:
            fake.writes.append((entity, body))
            status, answer = fake.book.post(entity, body)
            drop = status == 200 and fake.drop_after_write > 0
            if drop:
                fake.drop_after_write -= 1
        if drop:
            self.close_connection = True
            self.connection.close()
            return
        self._json(status, answer)

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: requests carry tokens in headers only, but keep the output clean anyway."""
