"""What a run found, and its JSON form (SPEC §4)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import msgspec

from wizard.core.link_types import NO_LINKS, Links, WebPlaces

# a check's status lives below the result types (the window's first paint needs only it); the
# names stay importable from here
from wizard.core.status import CHECK_IDS as CHECK_IDS
from wizard.core.status import Status as Status
from wizard.core.status import worst as worst

SCHEMA = 1


class Finding(msgspec.Struct, frozen=True, gc=False):
    """One subject's verdict from one check. Immutable; a msgspec Struct rather than a frozen
    dataclass because a large company makes tens of thousands of them in one run, and a Struct
    is built in C (a tenth of the dataclass's 5 µs). It holds no reference cycles, so the
    cyclic collector need not track it (`gc=False`). Copy one with `msgspec.structs.replace`."""

    code: str
    check: str
    status: Status
    subject: str
    subject_kind: str  # user, client, project, plan, connection
    message: str
    fix: str
    subject_id: str | None = None
    client: str | None = None  # projects with a client
    match: str | None = None
    near_kind: str | None = None
    suggestion: str | None = None
    deactivated: bool = False  # users: deactivated in Clockify
    archived: bool = False  # clients and projects: archived in Clockify
    # the QuickBooks record `match` names (employee or customer Id), for acting on it
    match_id: str | None = None
    match_named_deleted: bool = False  # QuickBooks calls that record "<match> (deleted)"
    # what kind of QuickBooks record it names where that is not the usual one (an employee for
    # users, a customer for clients and projects): "vendor", or the holder of a taken name
    match_type: str | None = None
    links: Links | None = None  # the web pages where it is fixed (SPEC §4)

    @property
    def key(self) -> str:
        """Identity of the subject across runs, for before/after comparison."""
        ident = self.subject_id or f"{self.client or ''}\x1f{self.subject}"
        return f"{self.check}\x1f{self.subject_kind}\x1f{ident}"

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "code": self.code, "check": self.check, "status": self.status.value,
            "subject": self.subject, "subject_kind": self.subject_kind,
        }
        if self.subject_kind in ("user", "client", "project"):
            out["subject_id"] = self.subject_id
            out["match_id"] = self.match_id
            out["match_type"] = self.match_type
        if self.subject_kind == "project":
            out["client"] = self.client
        out["match"] = self.match
        out["near_kind"] = self.near_kind
        out["suggestion"] = self.suggestion
        out["message"] = self.message
        out["fix"] = self.fix
        out["links"] = (self.links or NO_LINKS).to_json()
        return out


@dataclass(frozen=True, slots=True)
class CheckResult:
    id: str
    status: Status
    title: str
    summary: str

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "status": self.status.value, "title": self.title,
                "summary": self.summary}


class EntryItem(msgspec.Struct, frozen=True, gc=False):
    """A time entry that won't sync, with every reason. A Struct, as `Finding` is: a large company
    has over a hundred thousand in one run, and a Struct is built in C in half the time of a
    NamedTuple (which copies a tuple made for it) and isn't tracked by the cyclic collector. Copy
    one with `msgspec.structs.replace`."""

    id: str
    date: dt.date
    user: str | None
    project: str | None
    client: str | None
    billable: bool
    hours: float | None
    reasons: tuple[str, ...]
    links: Links | None = None  # one shared object: the Detailed report for the period

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "date": self.date.isoformat(), "user": self.user,
                "project": self.project, "client": self.client, "billable": self.billable,
                "hours": self.hours, "reasons": list(self.reasons),
                "links": (self.links or NO_LINKS).to_json()}


@dataclass(frozen=True, slots=True)
class EntriesSummary:
    total: int
    will_sync: int
    items: tuple[EntryItem, ...]
    by_reason: dict[str, int] = field(default_factory=dict)
    # reasons that could not be checked (their QuickBooks data was missing): `will_sync` then
    # counts entries with no problem found so far, not entries known to sync
    reasons_not_checked: tuple[str, ...] = ()

    @property
    def wont_sync(self) -> int:
        return self.total - self.will_sync

    @property
    def sync_known(self) -> bool:
        """Whether users and projects were both checked, so `will_sync` may be called that."""
        return not {"ENTRY_USER_UNMAPPED", "ENTRY_PROJECT_UNMAPPED"} & set(
            self.reasons_not_checked)

    @classmethod
    def from_items(cls, total: int, items: tuple[EntryItem, ...]) -> EntriesSummary:
        counts: Counter[str] = Counter()
        for item in items:
            counts.update(item.reasons)
        return cls(total=total, will_sync=total - len(items), items=items, by_reason=dict(counts))

    def to_json(self) -> dict[str, Any]:
        return {"total": self.total, "will_sync": self.will_sync, "wont_sync": self.wont_sync,
                "by_reason": dict(self.by_reason),
                "reasons_not_checked": list(self.reasons_not_checked),
                "items": [i.to_json() for i in self.items]}


@dataclass(frozen=True, slots=True)
class Tables:
    """Both sides' lists, for the side-by-side tables of the wizard and the report."""

    employees: tuple[tuple[str, bool], ...] = ()  # (display name, active)
    vendors: tuple[tuple[str, bool], ...] = ()
    customers: tuple[tuple[str, bool], ...] = ()  # (fully qualified name, active)


@dataclass(frozen=True, slots=True)
class RunResult:
    version: str
    generated_at: dt.datetime
    period: tuple[dt.date, dt.date]
    sources: dict[str, str | None]
    checks: tuple[CheckResult, ...]
    findings: tuple[Finding, ...]
    entries: EntriesSummary | None
    facts: dict[str, str] = field(default_factory=dict)  # plan, payroll, company, workspace…
    tables: Tables = field(default_factory=Tables)
    places: WebPlaces = field(default_factory=WebPlaces)  # each side's web app, when it has one

    def check(self, check_id: str) -> CheckResult:
        return next(c for c in self.checks if c.id == check_id)

    def findings_for(self, check_id: str) -> list[Finding]:
        return [f for f in self.findings if f.check == check_id]

    @property
    def exit_code(self) -> int:
        return 1 if any(c.status is Status.FAIL for c in self.checks) else 0

    def to_json(self) -> dict[str, Any]:
        # null when no entries were read: the entries check is not_checked then (SPEC §4)
        entries = self.entries.to_json() if self.entries is not None else None
        return {
            "tool": "sync-checkup", "schema": SCHEMA, "version": self.version,
            "generated_at": self.generated_at.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "period": {"from": self.period[0].isoformat(), "to": self.period[1].isoformat()},
            "sources": dict(self.sources),
            "checks": [c.to_json() for c in self.checks],
            "findings": [f.to_json() for f in self.findings],
            "entries": entries,
        }
