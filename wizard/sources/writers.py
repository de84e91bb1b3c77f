"""The only writes Sync Checkup makes (SPEC §8.2): one action at a time, against the record as it
is at that moment.

Each write first reads its record again and refuses to go when it is no longer as planned
(`stale`). QuickBooks customers change by sparse update, employees by full update of the record
as read; Clockify clients and projects by `PUT` of the whole record as read with one field
changed (a `PUT` replaces). A 401 refreshes the QuickBooks token once and a 429 is waited out,
as reads do (neither applied anything). A write that may have landed — the connection broke after
the request left, a 5xx, an unreadable answer — is never simply sent again: the record is read
back (a creation is looked up by name) to learn whether it did.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from wizard.core.errors import QboReconnectNeeded
from wizard.core.fixes import Action
from wizard.sources import intuit
from wizard.sources import quickbooks_json as qj
from wizard.sources.quickbooks_http import TIMEOUT_S, answer_of, bearer, company_url, with_version
from wizard.sources.service_rules import CLIENT_FIELDS, quote
from wizard.text import _
from wizard.text import fixes as T

log = logging.getLogger(__name__)

BACKOFF_S = (1.0, 2.0, 4.0, 8.0)
SLEEP: Callable[[float], None] = time.sleep

OnSent = Callable[[], None]


@dataclass(frozen=True)
class Outcome:
    """What became of one action: done, stale or failed, with the sentence to show."""

    status: str
    message: str
    new_id: str | None = None


class _Uncertain(Exception):
    """The request left and no clear answer came back: it may have landed."""


class _Refused(Exception):
    def __init__(self, status: int, body: Any) -> None:
        super().__init__(status)
        self.status = status
        self.body = body


def _fmt(sentence: str, **names: Any) -> str:
    return _(sentence).format(**names)


def stale_changed(name: str) -> Outcome:
    return Outcome("stale", _fmt(T.STALE_CHANGED, name=name))


def stale_gone(name: str) -> Outcome:
    return Outcome("stale", _fmt(T.STALE_GONE, name=name))


def not_landed(name: str) -> Outcome:
    return Outcome("failed", _fmt(T.FAILED_NOT_LANDED, name=name))


def _system(system: str) -> str:
    return _(T.SYSTEM[system])


def write_session() -> requests.Session:
    """A session that retries only failed connects (a request that never left); a write that may
    have reached the service is never retried by the transport."""
    retry = Retry(total=2, connect=2, read=0, status=0, other=0, backoff_factor=0.5,
                  raise_on_status=False)
    session = requests.Session()
    session.mount("https://", HTTPAdapter(max_retries=retry))
    session.mount("http://", HTTPAdapter(max_retries=retry))
    return session


# --- QuickBooks --------------------------------------------------------------------------------

class QuickBooksWriter:
    system = "quickbooks"

    def __init__(self, session: requests.Session, base_url: str, realm_id: str,
                 tokens: intuit.TokenSource, sleep: Callable[[float], None] | None = None
                 ) -> None:
        self.session = session
        self.base_url = base_url.rstrip("/")
        self.realm_id = realm_id
        self.tokens = tokens
        self._sleep = sleep if sleep is not None else (lambda s: SLEEP(s))
        self.requests_made = 0

    def _call(self, method: str, resource: str, body: Any = None,
              params: dict[str, str] | None = None) -> tuple[int, Any]:
        url = company_url(self.base_url, self.realm_id, resource)
        query = with_version(params)
        refreshed = False
        waits = 0
        failures = 0
        while True:
            token = self.tokens.access_token()
            self.requests_made += 1
            try:
                response = self.session.request(method, url, params=query, json=body,
                                                headers=bearer(token), timeout=TIMEOUT_S)
            except requests.RequestException as exc:
                log.warning("QuickBooks %s %s: %s", method, resource.split("?")[0],
                            type(exc).__name__)
                if method == "POST":
                    raise _Uncertain from None
                failures += 1
                if failures > 2:
                    raise _Uncertain from None
                self._sleep(float(failures))
                continue
            reply = answer_of(response)
            status, answer, code = reply.status, reply.body, reply.code
            if reply.ok:
                return status, answer
            log.warning("QuickBooks %s %s: HTTP %s, fault code %s, intuit_tid %s", method,
                        resource.split("/")[0], status, code, reply.tid)
            if status == 401:
                if refreshed:
                    raise QboReconnectNeeded(QboReconnectNeeded.EXPIRED)
                refreshed = True
                self.tokens.refresh(token)
                continue
            if status == 429 or code == "3001":
                if waits >= len(BACKOFF_S):
                    raise _Refused(status, answer)
                self._sleep(BACKOFF_S[waits])
                waits += 1
                continue
            if status >= 500 or (status == 200 and answer is None):
                raise _Uncertain
            raise _Refused(status, answer)

    def read(self, entity: str, record_id: str) -> dict[str, Any] | None:
        """The record as it is now; None when it is gone (610)."""
        try:
            _status, body = self._call("GET", f"{entity.lower()}/{record_id}")
        except _Refused:
            return None
        rec = body.get(entity) if isinstance(body, dict) else None
        return rec if isinstance(rec, dict) else None

    def holder(self, name: str) -> tuple[str, dict[str, Any]] | None:
        """Who holds a display name (customers, vendors, employees; inactive ones too)."""
        for entity in ("Customer", "Vendor", "Employee"):
            statement = (f"SELECT * FROM {entity} WHERE DisplayName = {quote(name)} "
                         "AND Active IN (true, false)")
            try:
                _status, body = self._call("GET", "query", params={"query": statement})
                rows = qj.query_rows(body, entity)
            except Exception:  # noqa: BLE001 - an unreadable look-up proves nothing
                log.warning("QuickBooks: the name look-up for %s failed", entity)
                continue
            for row in rows:
                if isinstance(row, dict) and row.get("DisplayName") == name:
                    return entity, row
        return None

    def _holder_sentence(self, name: str) -> str:
        held = self.holder(name)
        if held is None:
            return _fmt(T.FAILED_NAME_HELD_UNKNOWN, name=name)
        return _fmt(T.FAILED_NAME_HELD, name=name, holder=_(T.HOLDER[held[0]]),
                    holder_name=str(held[1].get("DisplayName", name)))

    # -- one action --

    def apply(self, action: Action, parent_id: str | None, on_sent: OnSent) -> Outcome:
        entity = action.record_type
        name = action.record_name
        if action.creates:
            return self._create(action, parent_id, on_sent)
        assert action.record_id is not None
        current = self.read(entity, action.record_id)
        if current is None:
            return stale_gone(name)
        if current.get(action.field) != action.before:
            return stale_changed(name)
        if action.kind.startswith("deactivate") \
                and current.get("DisplayName") != action.record_name:
            return stale_changed(name)
        changes: dict[str, Any] = {action.field: action.after}
        if action.rename_to is not None:
            changes["DisplayName"] = action.rename_to
        if entity == "Employee":  # full update: the whole record as read, changed
            body = {**current, **changes, "sparse": False}
        else:
            body = {"Id": current["Id"], "SyncToken": current.get("SyncToken"), "sparse": True,
                    **changes}
        on_sent()
        try:
            _status, answer = self._call("POST", entity.lower(), body)
        except _Uncertain:
            after = self.read(entity, action.record_id)
            if after is not None and all(after.get(k) == v for k, v in changes.items()):
                return Outcome("done", _(T.DONE))
            return not_landed(name)
        except _Refused as refused:
            return self._refused(refused, action, str(changes.get("DisplayName", name)))
        del answer
        return Outcome("done", _(T.DONE))

    def _create(self, action: Action, parent_id: str | None, on_sent: OnSent) -> Outcome:
        name = str(action.after)
        if self.holder(name) is not None:
            return Outcome("stale", _fmt(T.STALE_NAME_TAKEN, name=name))
        body: dict[str, Any] = {"DisplayName": name}
        if action.record_type == "Employee":
            body |= {"GivenName": action.given_name, "FamilyName": action.family_name}
        elif parent_id is not None:
            body |= {"Job": True, "ParentRef": {"value": parent_id}}
        on_sent()
        try:
            _status, answer = self._call("POST", action.record_type.lower(), body)
        except _Uncertain:
            found = self.holder(name)
            if found is not None and found[0] == action.record_type:
                return Outcome("done", _(T.DONE), str(found[1].get("Id")))
            return not_landed(name)
        except _Refused as refused:
            return self._refused(refused, action, name)
        rec = answer.get(action.record_type) if isinstance(answer, dict) else None
        return Outcome("done", _(T.DONE), str(rec.get("Id")) if isinstance(rec, dict) else None)

    def _refused(self, refused: _Refused, action: Action, name: str) -> Outcome:
        fault = qj.parse_fault(refused.body)
        code = fault.code if fault else None
        if code == "5010":
            return stale_changed(action.record_name)
        if code == "610":
            return stale_gone(action.record_name)
        if code == "6240":
            return Outcome("failed", self._holder_sentence(name))
        if refused.status == 403:
            return Outcome("failed", _fmt(T.FAILED_NOT_ALLOWED, system=_system(self.system),
                                          name=action.record_name))
        return Outcome("failed", _fmt(T.FAILED_REFUSED, system=_system(self.system),
                                      name=action.record_name))

    def landed(self, action: Action, new_id: str | None) -> tuple[bool, str | None]:
        """After an interruption: did this action's change arrive?"""
        if action.creates:
            found = self.holder(str(action.after))
            if found is not None and found[0] == action.record_type:
                return True, str(found[1].get("Id"))
            return False, None
        assert action.record_id is not None
        rec = self.read(action.record_type, action.record_id)
        ok = rec is not None and rec.get(action.field) == action.after and (
            action.rename_to is None or rec.get("DisplayName") == action.rename_to)
        return ok, None


# --- Clockify ----------------------------------------------------------------------------------

PROJECT_BODY = ("name", "clientId", "billable", "color", "note", "archived")


def client_body(rec: dict[str, Any]) -> dict[str, Any]:
    """`UpdateClientRequestV1` from a client as read (nulls left out: the API has none)."""
    return {k: rec[k] for k in CLIENT_FIELDS if rec.get(k) is not None}


def project_body(rec: dict[str, Any]) -> dict[str, Any]:
    """`UpdateProjectRequest` from a project as read: `public` is sent as `isPublic`, rates as
    `{amount}`."""
    body = {k: rec[k] for k in PROJECT_BODY if rec.get(k) is not None}
    body["clientId"] = rec.get("clientId") or ""
    body["isPublic"] = bool(rec.get("public"))
    for key in ("hourlyRate", "costRate"):
        rate = rec.get(key)
        if isinstance(rate, dict) and isinstance(rate.get("amount"), int):
            body[key] = {"amount": rate["amount"]}
    return body


@dataclass
class ClockifyWriter:
    session: requests.Session
    api_key: str
    core_url: str
    workspace_id: str
    sleep: Callable[[float], None] | None = None
    requests_made: int = field(default=0)
    system = "clockify"

    def _call(self, method: str, path: str, body: Any = None) -> tuple[int, Any]:
        url = f"{self.core_url.rstrip('/')}/workspaces/{self.workspace_id}/{path}"
        headers = {"X-Api-Key": self.api_key, "Accept": "application/json"}
        failures = 0
        for wait in (*BACKOFF_S, None):
            self.requests_made += 1
            try:
                response = self.session.request(method, url, json=body, headers=headers,
                                                timeout=TIMEOUT_S, allow_redirects=False)
            except requests.RequestException as exc:
                log.warning("Clockify %s %s: %s", method, path.split("/")[0],
                            type(exc).__name__)
                failures += 1
                if method == "PUT" or failures > 2:
                    raise _Uncertain from None
                (self.sleep or SLEEP)(float(failures))
                continue
            try:
                answer = response.json()
            except ValueError:
                answer = None
            status = response.status_code
            if status == 200 and answer is not None:
                return status, answer
            log.warning("Clockify %s %s: HTTP %s", method, path.split("/")[0], status)
            if status == 429 and wait is not None:
                (self.sleep or SLEEP)(wait)
                continue
            if status >= 500 or status == 200:
                raise _Uncertain
            raise _Refused(status, answer)
        raise _Refused(429, None)

    def read(self, kind: str, record_id: str) -> dict[str, Any] | None:
        try:
            _status, body = self._call("GET", f"{kind}s/{record_id}")
        except _Refused:
            return None
        return body if isinstance(body, dict) else None

    @staticmethod
    def _value(action: Action, rec: dict[str, Any], which: str) -> Any:
        if action.field == "clientId":
            return rec.get("clientId") or None
        return rec.get(action.field)

    def apply(self, action: Action, parent_id: str | None, on_sent: OnSent) -> Outcome:
        del parent_id
        kind, name = action.record_type, action.record_name
        assert action.record_id is not None
        current = self.read(kind, action.record_id)
        if current is None:
            return stale_gone(name)
        want_before = action.before_id if action.field == "clientId" else action.before
        want_after = action.after_id if action.field == "clientId" else action.after
        if self._value(action, current, "before") != want_before:
            return stale_changed(name)
        body = client_body(current) if kind == "client" else project_body(current)
        body[action.field] = want_after if want_after is not None else ""
        on_sent()
        try:
            self._call("PUT", f"{kind}s/{action.record_id}", body)
        except _Uncertain:
            ok, _none = self.landed(action, None)
            return Outcome("done", _(T.DONE)) if ok else not_landed(name)
        except _Refused as refused:
            message = refused.body.get("message", "") if isinstance(refused.body, dict) else ""
            log.warning("Clockify refused a change: HTTP %s", refused.status)
            if refused.status in (401, 403):
                return Outcome("failed", _fmt(T.FAILED_NOT_ALLOWED, system=_system(self.system),
                                              name=name))
            if "already exists" in str(message):  # the one wire fact Clockify gives for it
                return Outcome("failed", _fmt(T.FAILED_DUPLICATE_CLOCKIFY,
                                              name=str(action.after)))
            if "doesn't belong" in str(message):
                return stale_gone(name)
            return Outcome("failed", _fmt(T.FAILED_REFUSED, system=_system(self.system),
                                          name=name))
        return Outcome("done", _(T.DONE))

    def landed(self, action: Action, new_id: str | None) -> tuple[bool, str | None]:
        del new_id
        assert action.record_id is not None
        rec = self.read(action.record_type, action.record_id)
        want = action.after_id if action.field == "clientId" else action.after
        return rec is not None and self._value(action, rec, "after") == want, None
