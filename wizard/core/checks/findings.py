"""What each check gives back, and the one way its findings are made."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

import msgspec

from wizard.core.link_types import WebPlaces
from wizard.core.links import Target, for_target
from wizard.core.model import Customer, NameRecord
from wizard.core.result import Finding, Status
from wizard.text import checks as say
from wizard.text import findings as texts


@dataclass(frozen=True, slots=True)
class CheckOutput:
    status: Status
    summary: str
    findings: tuple[Finding, ...] = ()


def count_statuses(findings: Iterable[Finding]) -> Counter[Status]:
    return Counter(f.status for f in findings)


def needs(what: str) -> CheckOutput:
    """A check that could not run; `what`: clockify, quickbooks, employees, customers or
    entries."""
    return CheckOutput(Status.NOT_CHECKED, say.needs(what))


class Subject(msgspec.Struct, frozen=True, gc=False):
    """What one finding is about (a plan, a user, a client, a project, a connection); it makes
    every finding about it, so each check names its subject once. A Struct, as `Finding` is:
    there is one per client and project, tens of thousands on a large company."""

    check: str
    kind: str  # plan, user, client, project, connection
    name: str
    id: str | None = None
    client: str | None = None  # projects with a client
    deactivated: bool = False  # users: deactivated in Clockify
    archived: bool = False  # clients and projects: archived in Clockify
    # where the records live on the web: each finding is made with its links (SPEC §4) rather
    # than made again with them afterwards (tens of thousands on a large company); None leaves
    # them to the run
    places: WebPlaces | None = None

    def finding(self, code: str, status: Status, text: texts.Text, *, match: str | None = None,
                near_kind: str | None = None, suggestion: str | None = None,
                match_id: str | None = None, match_type: str | None = None) -> Finding:
        links = None if self.places is None else for_target(
            Target(self.kind, code, self.id, match_type, match_id), self.places)
        return Finding(code=code, check=self.check, status=status, subject=self.name,
                       subject_kind=self.kind, message=text.message, fix=text.fix,
                       subject_id=self.id, client=self.client, match=match,
                       near_kind=near_kind, suggestion=suggestion,
                       deactivated=self.deactivated, archived=self.archived,
                       match_id=match_id, match_type=match_type, links=links)


def marked(finding: Finding, record: NameRecord | Customer) -> Finding:
    """Say that the inactive record `match` names was called "… (deleted)" in QuickBooks:
    `match` names it without the suffix, and reactivating it drops the suffix too."""
    return msgspec.structs.replace(finding, match_named_deleted=True) if record.named_deleted \
        else finding
