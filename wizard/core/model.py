"""Both sides' data as the checks see it, whatever the source (API, export files, sample company).

Plain, immutable records: sources build them, the checks read them, nothing else changes them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Final, Literal, NamedTuple

SourceKind = Literal["api", "file", "demo"]


# --- Clockify -------------------------------------------------------------------------------

class MembershipStatus(StrEnum):
    ACTIVE = "ACTIVE"
    PENDING = "PENDING"
    DECLINED = "DECLINED"
    INACTIVE = "INACTIVE"  # deactivated in this workspace
    UNKNOWN = "UNKNOWN"


@dataclass(frozen=True, slots=True)
class Member:
    """A Clockify workspace member. `name` is None for an invitee who never signed up."""

    id: str | None
    name: str | None
    membership_status: MembershipStatus = MembershipStatus.ACTIVE
    # account status: ACTIVE, NOT_REGISTERED, PENDING_EMAIL_VERIFICATION, LIMITED…
    account_status: str | None = None

    @property
    def is_pending(self) -> bool:
        return (
            not self.name
            or self.membership_status in (MembershipStatus.PENDING, MembershipStatus.DECLINED)
            or self.account_status in ("NOT_REGISTERED", "PENDING_EMAIL_VERIFICATION")
        )

    @property
    def is_deactivated(self) -> bool:
        return self.membership_status is MembershipStatus.INACTIVE


@dataclass(frozen=True, slots=True)
class Client:
    id: str | None
    name: str
    archived: bool = False


class Project(NamedTuple):
    """A Clockify project; `client_name` is None when the project has no client. A NamedTuple
    like `TimeEntry` and `Customer`: a large workspace has thousands."""

    id: str | None
    name: str
    client_id: str | None = None
    client_name: str | None = None
    archived: bool = False

    @property
    def key(self) -> str:
        return project_key(self.id, self.client_name, self.name)


def project_key(project_id: str | None, client_name: str | None, name: str | None) -> str:
    """Identity of a project: its id, or (from files without ids) its client and name."""
    if project_id:
        return project_id
    return f"\x1f{client_name or ''}\x1f{name or ''}"


def client_key(client_id: str | None, name: str | None) -> str:
    return client_id or f"\x1f{name or ''}"


class TimeEntry(NamedTuple):
    """One Clockify time entry. `end` and `duration_s` are None while the timer runs;
    `duration_s` is set only when `end` is (it may be None when `end` is set: the source didn't
    give it, and it is then `end - start`).

    A NamedTuple rather than a dataclass: a large workspace has hundreds of thousands of
    entries, and tuples are built several times faster.
    """

    id: str
    user_id: str | None
    user_name: str | None
    project_id: str | None
    project_name: str | None
    client_id: str | None
    client_name: str | None
    billable: bool
    start: dt.datetime  # aware
    end: dt.datetime | None
    duration_s: int | None

    @property
    def has_project(self) -> bool:
        return bool(self.project_id or self.project_name)

    @property
    def project_key(self) -> str:
        return project_key(self.project_id, self.client_name, self.project_name)


# A TimeEntry's fields by position, for the checks' loops over a large company's hundreds of
# thousands of entries: a NamedTuple's attribute is a descriptor call, its index a C fast path.
# (Literal, so that type checkers know each field's type; a test holds them to `_fields`.)
AT_ID: Final = 0
AT_USER_ID: Final = 1
AT_USER_NAME: Final = 2
AT_PROJECT_ID: Final = 3
AT_PROJECT_NAME: Final = 4
AT_CLIENT_ID: Final = 5
AT_CLIENT_NAME: Final = 6
AT_BILLABLE: Final = 7
AT_START: Final = 8
AT_END: Final = 9
AT_DURATION_S: Final = 10


@dataclass(frozen=True, slots=True)
class ClockifyData:
    workspace_id: str | None
    workspace_name: str | None
    time_zone: str | None  # the key owner's profile zone (IANA); None = UTC
    members: tuple[Member, ...]
    clients: tuple[Client, ...]
    projects: tuple[Project, ...]
    entries: tuple[TimeEntry, ...] | None  # None = entries were not loaded
    features: frozenset[str] | None = None  # None = unknown (files)
    is_admin: bool | None = None  # None = unknown (files)
    period: tuple[dt.date, dt.date] | None = None  # what the entries cover, when known
    # every entry's start carries the key owner's own offset (the Detailed report's times do)
    entry_times_local: bool = False
    web_url: str | None = None  # the workspace's web app (region or subdomain); None: no web page


# --- QuickBooks Online -------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class NameRecord:
    """A QuickBooks Employee or Vendor."""

    id: str | None
    display_name: str
    active: bool = True
    named_deleted: bool = False  # QuickBooks' name carried " (deleted)" (stripped here)


class Customer(NamedTuple):
    """A QuickBooks customer; sub-customers have a parent and `Parent:Child` full names.

    A NamedTuple rather than a dataclass, like `TimeEntry`: a large company has tens of
    thousands of customers, and a frozen dataclass is built several times slower.
    """

    id: str | None
    display_name: str
    fully_qualified_name: str
    parent_id: str | None = None
    level: int = 0
    active: bool = True
    is_project: bool = False
    named_deleted: bool = False  # QuickBooks' name carried " (deleted)" (stripped here)

    @property
    def parent_path(self) -> str | None:
        """The parent's fully qualified name, derived from this one's."""
        head, sep, _ = self.fully_qualified_name.rpartition(":")
        return head if sep else None


@dataclass(frozen=True, slots=True)
class CompanyInfo:
    company_name: str | None = None
    offering_sku: str | None = None  # e.g. "QuickBooks Online Plus"
    payroll: bool | None = None  # None = unknown
    subscription_status: str | None = None


@dataclass(frozen=True, slots=True)
class Preferences:
    time_tracking_enabled: bool | None = None  # None = not stated, never "off"
    book_close_date: dt.date | None = None


@dataclass(frozen=True, slots=True)
class QuickBooksData:
    company: CompanyInfo
    preferences: Preferences
    employees: tuple[NameRecord, ...] | None  # None = not available from this source
    vendors: tuple[NameRecord, ...] | None
    customers: tuple[Customer, ...] | None
    # what files could not tell: e.g. {"plan": "…sentence…"}; live and demo leave it empty
    unknown: dict[str, str] = field(default_factory=dict)
    web_url: str | None = None  # the company's web app (production or sandbox); None: no web page


# --- How each side was reached -----------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class SideProblem:
    """Why a side could not be read: a connection finding code plus a sentence for a bookkeeper."""

    code: str  # CLOCKIFY_KEY_INVALID, CLOCKIFY_UNREACHABLE, QBO_UNREACHABLE, QBO_RECONNECT_NEEDED
    detail: str


@dataclass(frozen=True, slots=True)
class ClockifySide:
    source: SourceKind | None
    data: ClockifyData | None = None
    problem: SideProblem | None = None


@dataclass(frozen=True, slots=True)
class QuickBooksSide:
    source: SourceKind | None
    data: QuickBooksData | None = None
    problem: SideProblem | None = None
