"""Before/after between two runs, finding by finding (SPEC §7): fixed, new, still failing.

This is the one comparison: the wizard's Re-check (every page), the summary page, the command
line's JSON and text, and the report all use it. Pure: works on snapshots that come either from
a fresh `RunResult` or from a saved run's JSON. A check that was `not_checked` in either run is
"not compared" and contributes nothing to fixed, new or still, so a run without QuickBooks never
claims that a name problem was fixed.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from wizard.core.link_types import Links
from wizard.core.result import CHECK_IDS, Finding, RunResult, Status


class Change(StrEnum):
    FIXED = "fixed"
    NEW = "new"
    STILL_FAILING = "still_failing"


@dataclass(frozen=True, slots=True)
class Snapshot:
    """What a comparison needs of a run; built from a result or from a saved run."""

    run_id: str
    generated_at: dt.datetime
    sources: dict[str, str | None]
    checked: frozenset[str]  # ids of the checks that actually ran
    findings: tuple[Finding, ...]
    wont_sync: int | None = None  # entries that won't sync, when entries were checked
    facts: dict[str, str] = field(default_factory=dict)

    @property
    def identity(self) -> tuple[Any, ...]:
        """Which data a run looked at: the same sources, workspace and company."""
        return (tuple(sorted((k, v or "") for k, v in self.sources.items())),
                self.facts.get("workspace"), self.facts.get("company"))

    def same_data_as(self, other: Snapshot) -> bool:
        """Whether two runs looked at the same workspace and company from the same sources.

        A side that couldn't be read (unreachable, key refused) names no workspace or company:
        it matches the other run's, so a Re-check with QuickBooks down is still compared
        (its QuickBooks checks then land in `not_compared`) instead of looking like a first
        run.
        """
        mine, theirs = self.identity, other.identity
        if mine[0] != theirs[0]:
            return False
        return all(a is None or b is None or a == b for a, b in zip(mine[1:], theirs[1:],
                                                                       strict=True))


@dataclass(frozen=True, slots=True)
class ChangedFinding:
    change: Change
    key: str
    before: Finding | None
    after: Finding | None

    @property
    def finding(self) -> Finding:
        """The most recent version of the finding (the old one when it was fixed)."""
        found = self.after if self.after is not None else self.before
        assert found is not None
        return found

    @property
    def problem(self) -> Finding:
        """The finding as a problem: the old one when it was fixed, else the current one."""
        found = self.before if self.change is Change.FIXED else self.after
        assert found is not None
        return found

    @property
    def code_changed(self) -> bool:
        return (self.before is not None and self.after is not None
                and self.before.code != self.after.code)


@dataclass(frozen=True, slots=True)
class Comparison:
    previous_run_id: str
    previous_at: dt.datetime
    fixed: tuple[ChangedFinding, ...]
    new: tuple[ChangedFinding, ...]
    still_failing: tuple[ChangedFinding, ...]
    wont_sync_before: int | None = None
    wont_sync_after: int | None = None
    not_compared: tuple[str, ...] = ()  # check ids that didn't run both times

    @property
    def counts(self) -> tuple[int, int, int]:
        """How many fixed, new and still failing."""
        return len(self.fixed), len(self.new), len(self.still_failing)

    @property
    def unchanged(self) -> bool:
        return not self.fixed and not self.new

    def only(self, checks: Collection[str]) -> Comparison:
        """The same comparison limited to some checks (a wizard page shows its own)."""
        def keep(changes: tuple[ChangedFinding, ...]) -> tuple[ChangedFinding, ...]:
            return tuple(c for c in changes if c.finding.check in checks)
        entries = "entries" in checks
        return dataclasses.replace(
            self, fixed=keep(self.fixed), new=keep(self.new),
            still_failing=keep(self.still_failing),
            wont_sync_before=self.wont_sync_before if entries else None,
            wont_sync_after=self.wont_sync_after if entries else None,
            not_compared=tuple(c for c in self.not_compared if c in checks))

    def to_json(self) -> dict[str, Any]:
        """The `changes` object of SPEC §4."""
        def items(changes: tuple[ChangedFinding, ...]) -> list[dict[str, Any]]:
            return [{"code": c.problem.code, "subject": c.problem.subject,
                     "subject_kind": c.problem.subject_kind, "client": c.problem.client}
                    for c in changes]
        return {"previous_run": self.previous_run_id,
                "previous_at": _iso(self.previous_at),
                "fixed": items(self.fixed), "new": items(self.new),
                "still": items(self.still_failing),
                "not_compared": list(self.not_compared)}


def _iso(when: dt.datetime) -> str:
    return when.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def run_id(result: RunResult) -> str:
    """A short id to quote to support: stable for one result, different for another run.

    The exact time goes in (the JSON gives it to the second), so two runs of the same data
    within one second are still two runs. The findings go in one by one rather than the whole
    result through one `json.dumps`: that single C call over a large company's entries held the
    GIL on the worker for most of a second and froze the window (benchmarks/gui_heartbeat.py:
    848 ms worst gap with it, 100 ms without, on the commit that brought it in).
    """
    digest = hashlib.sha256()
    head: list[object] = [
        result.version, result.generated_at.isoformat(),
        [d.isoformat() for d in result.period],
        sorted((k, v or "") for k, v in result.sources.items()),
        sorted(result.facts.items()),
        [(c.id, str(c.status), c.summary) for c in result.checks]]
    if result.entries is not None:
        head.append([result.entries.total, result.entries.wont_sync])
    digest.update(json.dumps(head, ensure_ascii=False).encode("utf-8"))
    for f in result.findings:
        digest.update("\x1f".join((f.check, f.code, str(f.status), f.subject_kind, f.subject,
                                   f.client or "", f.match or "", f.message)).encode("utf-8"))
        digest.update(b"\x1e")
    alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # no 0/O, 1/I: easy to read out on the phone
    number = int.from_bytes(digest.digest()[:5], "big")
    chars = "".join(alphabet[(number >> (5 * i)) & 31] for i in range(8))
    return f"{chars[:4]}-{chars[4:]}"


def snapshot(result: RunResult) -> Snapshot:
    checked = frozenset(c.id for c in result.checks if c.status is not Status.NOT_CHECKED)
    when = result.generated_at
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return Snapshot(run_id=run_id(result), generated_at=when,
                    sources=dict(result.sources), checked=checked, findings=result.findings,
                    wont_sync=result.entries.wont_sync if result.entries is not None else None,
                    facts=dict(result.facts))


def _text(data: Mapping[str, Any], key: str) -> str | None:
    value = data.get(key)
    return value if isinstance(value, str) else None


def finding_from_json(data: Mapping[str, Any]) -> Finding:
    """A finding back from its JSON form; raises ValueError when it isn't one."""
    code, check, subject = _text(data, "code"), _text(data, "check"), _text(data, "subject")
    if not code or not check or subject is None:
        raise ValueError("not a finding")
    try:
        status = Status(str(data.get("status")))
    except ValueError:
        raise ValueError("unknown status") from None
    return Finding(code=code, check=check, status=status, subject=subject,
                   subject_kind=_text(data, "subject_kind") or "", message=_text(data, "message")
                   or "", fix=_text(data, "fix") or "", subject_id=_text(data, "subject_id"),
                   client=_text(data, "client"), match=_text(data, "match"),
                   near_kind=_text(data, "near_kind"), suggestion=_text(data, "suggestion"),
                   match_id=_text(data, "match_id"),
                   match_type=_text(data, "match_type"), links=_links(data.get("links")))


def _links(value: Any) -> Links | None:
    """A finding's `links` back from JSON (SPEC §4); None when the run had none."""
    if not isinstance(value, Mapping):
        return None
    return Links(clockify=_text(value, "clockify"), quickbooks=_text(value, "quickbooks"))


def snapshot_from_json(data: Mapping[str, Any]) -> Snapshot:
    """A saved run back as a snapshot; raises ValueError when the data isn't a saved run."""
    if not isinstance(data, Mapping) or data.get("tool") != "sync-checkup":
        raise ValueError("not a Sync Checkup run")
    stamp = _text(data, "generated_at")
    if stamp is None:
        raise ValueError("no time")
    generated = dt.datetime.fromisoformat(stamp)  # reads a trailing Z since Python 3.11
    if generated.tzinfo is None:
        generated = generated.replace(tzinfo=dt.UTC)
    raw_sources = data.get("sources")
    sources = {str(k): (v if isinstance(v, str) else None)
               for k, v in (raw_sources.items() if isinstance(raw_sources, Mapping) else ())}
    raw_checks = data.get("checks")
    checked = frozenset(
        c["id"] for c in (raw_checks if isinstance(raw_checks, list) else ())
        if isinstance(c, Mapping) and isinstance(c.get("id"), str)
        and c.get("status") != Status.NOT_CHECKED.value)
    raw_findings = data.get("findings")
    if not isinstance(raw_findings, list):
        raise ValueError("no findings")
    findings = tuple(finding_from_json(f) for f in raw_findings if isinstance(f, Mapping))
    entries = data.get("entries")
    wont = entries.get("wont_sync") if isinstance(entries, Mapping) else None
    raw_facts = data.get("facts")
    facts = {str(k): v for k, v in raw_facts.items() if isinstance(v, str)} \
        if isinstance(raw_facts, Mapping) else {}
    return Snapshot(run_id=_text(data, "run_id") or "", generated_at=generated, sources=sources,
                    checked=checked, findings=findings,
                    wont_sync=wont if isinstance(wont, int) and "entries" in checked else None,
                    facts=facts)


def compare(before: Snapshot, after: Snapshot) -> Comparison:
    """Finding by finding, by `Finding.key`; only checks that ran both times are compared."""
    both = before.checked & after.checked
    old = {f.key: f for f in before.findings if f.check in both}
    new = {f.key: f for f in after.findings if f.check in both}
    fixed: list[ChangedFinding] = []
    appeared: list[ChangedFinding] = []
    still: list[ChangedFinding] = []
    for key, was in old.items():
        later = new.get(key)
        if was.status.is_problem and (later is None or not later.status.is_problem):
            fixed.append(ChangedFinding(Change.FIXED, key, was, later))
    for key, now in new.items():
        if not now.status.is_problem:
            continue
        earlier = old.get(key)
        if earlier is None or not earlier.status.is_problem:
            appeared.append(ChangedFinding(Change.NEW, key, earlier, now))
        else:
            still.append(ChangedFinding(Change.STILL_FAILING, key, earlier, now))
    # every check that was not_checked (or missing) in either run, in the usual order
    not_compared = [c for c in CHECK_IDS if c not in both]
    not_compared += sorted((before.checked | after.checked) - both - set(CHECK_IDS))
    # the won't-sync count includes the mapping reasons: only comparable when names ran too
    entries_compared = {"entries", "users", "customers"} <= both
    return Comparison(
        previous_run_id=before.run_id, previous_at=before.generated_at,
        fixed=tuple(fixed), new=tuple(appeared), still_failing=tuple(still),
        wont_sync_before=before.wont_sync if entries_compared else None,
        wont_sync_after=after.wont_sync if entries_compared else None,
        not_compared=tuple(not_compared))
