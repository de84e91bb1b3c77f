"""Checking saved companies (SPEC §9), shared by the command line and the All companies page.

`add_from_environment` reads both sides from the live settings (SPEC §4) and keeps them as a
company only when both were read. `check_company` runs every check on one saved company with its
own key and sign-in, and records the run in that company's history. `check_all` runs two
companies at a time; two companies that share a Clockify workspace or a QuickBooks company never
run at the same time, so each service's per-workspace and per-company limits hold (every client
is itself sequential and paced).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from wizard import __version__
from wizard.core.checks import default_period, run_checks
from wizard.core.compare import Comparison
from wizard.core.errors import Cancelled
from wizard.core.result import RunResult, Status
from wizard.sources import clockify, gather, intuit, quickbooks
from wizard.sources.progress import CancelToken, Progress, no_progress
from wizard.storage import companies, history
from wizard.storage.companies import Company, CompanyProblem
from wizard.text import _
from wizard.text.changes import changes_summary
from wizard.text.checks import check_titles
from wizard.text.companies import message, problems

log = logging.getLogger(__name__)

AT_A_TIME = 2


@dataclass(frozen=True)
class CompanyRun:
    company: Company
    result: RunResult
    comparison: Comparison | None


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def default_company_period() -> tuple[dt.date, dt.date]:
    return default_period(dt.date.today())


def add_from_environment(name: str, period: tuple[dt.date, dt.date] | None = None,
                         progress: Progress = no_progress) -> CompanyRun:
    """Read both sides with the live settings; keep them as `name` when both were read.

    Raises `CompanyProblem` with one sentence when a setting is missing, the name is taken, or a
    side could not be read (nothing is kept then).
    """
    name = name.strip()
    if not name:
        raise CompanyProblem(message("name_empty"))
    if any(c.name == name for c in companies.load()):
        raise CompanyProblem(message("name_taken", name=name))
    key = (os.environ.get(clockify.ENV_KEY) or "").strip()
    if not key:
        raise CompanyProblem(message("add_needs_clockify"))
    tokens = intuit.Tokens.from_env()
    if tokens is None:
        raise CompanyProblem(message("add_needs_quickbooks"))
    period = period or default_company_period()
    side, reached = clockify.read_workspace(
        key, os.environ.get(clockify.ENV_WORKSPACE) or None, period, progress, None,
        core_url=os.environ.get(clockify.ENV_API_URL) or None,
        reports_url=os.environ.get(clockify.ENV_REPORTS_URL) or None)
    if side.problem is not None or side.data is None or reached is None:
        reason = side.problem.detail if side.problem is not None else ""
        raise CompanyProblem(message("add_clockify_failed", reason=reason))
    base = quickbooks.api_url()
    qbo_side = quickbooks.read_company(lambda: tokens, lambda: base, progress)
    if qbo_side.problem is not None or qbo_side.data is None:
        reason = qbo_side.problem.detail if qbo_side.problem is not None else ""
        raise CompanyProblem(message("add_quickbooks_failed", reason=reason))
    company = Company(
        name=name, id=companies.new_id(), clockify_account=reached.account,
        workspace_id=side.data.workspace_id, workspace_name=side.data.workspace_name,
        clockify_api_url=reached.core_url, clockify_reports_url=reached.reports_url,
        realm_id=tokens.realm_id, qbo_company_name=qbo_side.data.company.company_name or "",
        qbo_api_url=base)
    refresh, access, expires = tokens.current()
    companies.add(company, key, refresh, access, expires)
    saved = companies.find(name)
    result = run_checks(side, qbo_side, period, _now(), __version__)
    comparison = history.record(result, folder=companies.history_folder(saved))
    return CompanyRun(saved, result, comparison)


def check_company(company: Company, period: tuple[dt.date, dt.date] | None = None,
                  progress: Progress = no_progress,
                  cancel: CancelToken | None = None) -> CompanyRun:
    """Every check on one saved company, with its own key and sign-in; kept in its history.
    Needs no environment: a missing key or an expired sign-in is that company's finding."""
    period = period or default_company_period()
    cancel = cancel or CancelToken()
    request = gather.Request(clockify="api", quickbooks="api", period=period, company=company)
    side = gather.read_clockify(request, progress, cancel)
    cancel.raise_if_cancelled()
    qbo_side = gather.read_quickbooks(request, progress, cancel)
    cancel.raise_if_cancelled()
    result = run_checks(side, qbo_side, period, _now(), __version__)
    comparison = history.record(result, folder=companies.history_folder(company))
    return CompanyRun(company, result, comparison)


# on_progress(company, message, done, total); on_done(company, run or None when cancelled/failed)
CompanyProgress = Callable[[Company, str, int, int], None]
CompanyDone = Callable[[Company, "CompanyRun | None"], None]


def _no_company_progress(company: Company, text: str, done: int, total: int) -> None:
    del company, text, done, total


def _no_done(company: Company, run: CompanyRun | None) -> None:
    del company, run


def check_all(chosen: Sequence[Company], period: tuple[dt.date, dt.date] | None = None, *,
              on_progress: CompanyProgress = _no_company_progress,
              on_done: CompanyDone = _no_done, cancel: CancelToken | None = None,
              at_a_time: int = AT_A_TIME) -> list[CompanyRun]:
    """Check every company, `at_a_time` at once; the runs in the order given (a company left
    out by Cancel or stopped by an internal error has no run)."""
    period = period or default_company_period()
    cancel = cancel or CancelToken()
    pending = list(chosen)
    busy: list[Company] = []
    runs: dict[str, CompanyRun] = {}
    changed = threading.Condition()

    def clashes(company: Company) -> bool:
        return any(b.workspace_id == company.workspace_id or b.realm_id == company.realm_id
                   for b in busy)

    def take() -> Company | None:
        with changed:
            while True:
                if cancel.cancelled or not pending:
                    return None
                for company in pending:
                    if not clashes(company):
                        pending.remove(company)
                        busy.append(company)
                        return company
                changed.wait(0.25)  # Cancel sets no condition: look again soon

    def worker() -> None:
        while (company := take()) is not None:
            run: CompanyRun | None = None
            try:
                run = check_company(
                    company, period,
                    lambda text, done, total, c=company: on_progress(c, text, done, total),
                    cancel)
                runs[company.id] = run
            except Cancelled:
                pass
            except Exception:  # one company's internal error must not stop the others
                log.exception("checking a saved company stopped")
            finally:
                with changed:
                    busy.remove(company)
                    changed.notify_all()
                on_done(company, run)

    threads = [threading.Thread(target=worker, name=f"company-check-{i}", daemon=True)
               for i in range(max(1, min(at_a_time, len(pending))))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for company in pending:  # left by Cancel
        on_done(company, None)
    return [runs[c.id] for c in chosen if c.id in runs]


@dataclass(frozen=True)
class CompanyRow:
    """What the All companies page shows of one company, from its saved history (no network)."""

    name: str
    last_checked: dt.datetime | None
    statuses: dict[str, Status]  # check id → status of the last run
    problems: int | None
    comparison: Comparison | None

    @property
    def last_checked_text(self) -> str:
        if self.last_checked is None:
            return _("Never checked")
        return self.last_checked.astimezone().strftime("%Y-%m-%d %H:%M")

    @property
    def problems_text(self) -> str:
        return "" if self.problems is None else problems(self.problems)

    @property
    def changes_text(self) -> str:
        if self.last_checked is None:
            return ""
        if self.comparison is None:
            return message("first_run")
        return changes_summary(*self.comparison.counts,
                               check_titles(self.comparison.not_compared))


def overview_row(company: Company) -> CompanyRow:
    folder = companies.history_folder(company)
    record = history.latest_record(folder)
    if record is None:
        return CompanyRow(company.name, None, {}, None, None)
    _last, comparison = history.latest_two(folder)
    statuses: dict[str, Status] = {}
    for check in record.get("checks", []):
        with contextlib.suppress(KeyError, TypeError, ValueError):
            statuses[str(check["id"])] = Status(check["status"])
    findings = record.get("findings", [])
    count = sum(1 for f in findings if isinstance(f, dict) and f.get("status") in ("warn", "fail"))
    when = None
    with contextlib.suppress(TypeError, ValueError):
        when = dt.datetime.strptime(str(record.get("generated_at")),
                                    "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.UTC)
    return CompanyRow(company.name, when, statuses, count, comparison)


def save_current(name: str, result: RunResult) -> Company:
    """Keep the wizard's live connection — its stored Clockify key and its current QuickBooks
    sign-in — as a company named `name`, with this run as the start of its history. Asks
    Clockify who owns the key (the key's keyring entry is per account): call it on a worker."""
    from wizard.storage import secrets

    key = (secrets.get(clockify.KEY_ENTRY, env=clockify.ENV_KEY) or "").strip()
    realm = intuit.current_realm()
    workspace_id = result.facts.get("workspace_id")
    if not key or not realm or not workspace_id or result.sources.get("clockify") != "api" \
            or result.sources.get("quickbooks") != "api":
        raise CompanyProblem(message("save_needs_live"))
    client = clockify.live_client(key)
    try:
        owner = client.user()
    except clockify.ClockifyProblem as problem:
        raise CompanyProblem(message("add_clockify_failed", reason=str(problem))) from None
    finally:
        client.session.close()
    company = Company(
        name=name.strip(), id=companies.new_id(), clockify_account=owner.id,
        workspace_id=workspace_id, workspace_name=result.facts.get("workspace", ""),
        clockify_api_url=client.core_url or "", clockify_reports_url=client.reports_url or "",
        realm_id=realm, qbo_company_name=result.facts.get("company", ""),
        qbo_api_url=quickbooks.api_url())
    companies.add(company, key, None, None, None)  # the sign-in's entries are already per realm
    saved = companies.find(company.name)
    try:
        history.save(result, companies.history_folder(saved))
    except OSError as exc:
        log.warning("could not start the company's history: %s", exc.strerror or exc)
    return saved
