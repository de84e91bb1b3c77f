"""The command line of saved companies (SPEC §9): `companies list|add|remove`, and `check` with
`--company NAME` or `--all-companies`.

`companies add` reads both sides with the live settings (SPEC §4) and keeps them; everything
else needs no environment. Exit status of the checks: the worst over the companies.
"""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

from wizard.cli.check import result_json, result_text
from wizard.cli.common import EXIT_CANNOT_RUN, EXIT_OK, period_of, print_json, write
from wizard.text import _
from wizard.text.companies import message


def add_parsers(sub: Any) -> None:
    group = sub.add_parser("companies", help=_("list, add or remove saved companies"),
                           description=_("Saved companies: a Clockify workspace and a QuickBooks "
                                         "company under a name you pick."))
    what = group.add_subparsers(dest="companies_command", required=True,
                                parser_class=type(group))
    listing = what.add_parser("list", help=_("list the saved companies"))
    listing.add_argument("--json", action="store_true", help=_("print the list as JSON"))
    add = what.add_parser("add", help=_("check the live settings ({variables}), then keep them "
                                        "as a company").format(variables="SYNC_CHECKUP_*"))
    add.add_argument("name", metavar="NAME")
    remove = what.add_parser("remove", help=_("forget a company, its sign-ins and its history"))
    remove.add_argument("name", metavar="NAME")


def add_check_options(check: argparse.ArgumentParser) -> None:
    which = check.add_mutually_exclusive_group()
    which.add_argument("--company", metavar="NAME", help=_("check one saved company"))
    which.add_argument("--all-companies", action="store_true",
                       help=_("check every saved company, two at a time"))


def run_companies(args: argparse.Namespace) -> int:
    """A `CompanyProblem` (one sentence) goes up to `cli.main`, which prints it (exit 2)."""
    if args.companies_command == "list":
        return _list(args.json)
    if args.companies_command == "add":
        return _add(args.name)
    return _remove(args.name)


def _list(as_json: bool) -> int:
    from wizard.storage import companies, history

    saved = companies.load()
    rows = []
    for company in saved:
        last, _change = history.latest_two(companies.history_folder(company))
        rows.append({"name": company.name, "workspace": company.workspace_name,
                     "workspace_id": company.workspace_id,
                     "quickbooks_company": company.qbo_company_name,
                     "realm_id": company.realm_id,
                     "last_checked": last.generated_at.strftime("%Y-%m-%dT%H:%M:%SZ")
                     if last is not None else None})
    if as_json:
        print_json({"tool": "sync-checkup", "schema": 1, "companies": rows})
        return EXIT_OK
    if not rows:
        write(message("no_companies") + "\n")
        return EXIT_OK
    for row in rows:
        write(message("list_line", name=row["name"], workspace=row["workspace"],
                      company=row["quickbooks_company"],
                      when=row["last_checked"] or _("never")) + "\n")
    return EXIT_OK


def _add(name: str) -> int:
    from wizard.company_checks import add_from_environment

    run = add_from_environment(name)
    write(message("added", name=run.company.name, workspace=run.company.workspace_name,
                  company=run.company.qbo_company_name) + "\n")
    return EXIT_OK


def _remove(name: str) -> int:
    from wizard.storage import companies

    company = companies.remove(name)
    write(message("removed", name=company.name) + "\n")
    return EXIT_OK


def run_company_check(args: argparse.Namespace) -> int:
    """`check --company NAME` or `check --all-companies`."""
    from wizard.company_checks import check_all, check_company
    from wizard.storage import companies
    from wizard.storage.companies import CompanyProblem

    if args.demo or args.clockify_file or args.qbo_file:
        raise CompanyProblem(message("company_and_sources"))
    checked = period_of(args, dt.date.today())
    if args.company is not None:
        run = check_company(companies.find(args.company), checked)
        if args.report:
            from wizard.report import write_report
            write_report(run.result, args.report, run.comparison)
        if args.json:
            print_json(result_json(run.result, run.comparison))
        else:
            write(_company_text(run))
        return run.result.exit_code
    saved = companies.load()
    if not saved:
        raise CompanyProblem(message("check_all_needs_companies"))
    runs = check_all(saved, checked)
    if args.report:
        from wizard.report import write_overview
        write_overview(runs, args.report)
    if args.json:
        print_json({"tool": "sync-checkup", "schema": 1,
                    "companies": [{"name": r.company.name, **result_json(r.result, r.comparison)}
                                  for r in runs]})
    else:
        write("\n".join(_company_text(r, heading=True) for r in runs))
    worst = max((r.result.exit_code for r in runs), default=EXIT_OK)
    return worst if len(runs) == len(saved) else EXIT_CANNOT_RUN


def _company_text(run: Any, heading: bool = False) -> str:
    text = result_text(run.result, run.comparison)
    if heading:
        text = f"=== {run.company.name} ===\n" + text
    return text
