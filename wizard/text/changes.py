"""What changed between two runs (SPEC §7), in the Summary and Resync pages, the report and the
command line."""

from __future__ import annotations

import html

from wizard.text import _, _n

# --- what changed between two runs (SPEC §7) ----------------------------------------------------

def changes_line(fixed: int, new: int, still: int) -> str:
    """What changed, as three short sentences: "1 problem fixed. 2 new problems. 5 problems
    still to fix."."""
    return " ".join((
        _n("{count} problem fixed.", "{count} problems fixed.", fixed).format(count=fixed),
        _n("{count} new problem.", "{count} new problems.", new).format(count=new),
        _n("{count} problem still to fix.", "{count} problems still to fix.", still).format(
            count=still)))


def not_compared_line(titles: list[str]) -> str:
    """Checks that didn't run in one of the two runs: why they are left out of the counts."""
    return _n("Not compared: {names} (it could not be checked in one of the two runs, so "
              "nothing in it is counted as fixed or new).",
              "Not compared: {names} (they could not be checked in one of the two runs, so "
              "nothing in them is counted as fixed or new).", len(titles)).format(
        names=", ".join(titles))


def changes_summary(fixed: int, new: int, still: int, not_compared: list[str]) -> str:
    """The counts, then which checks were left out of them (by their titles), if any."""
    text = changes_line(fixed, new, still)
    return f"{text} {not_compared_line(not_compared)}" if not_compared else text


def since_previous_run(fixed: int, new: int, still: int, not_compared: list[str]) -> str:
    """The command line after a check, against the previous stored run of the same workspace
    and company."""
    return _("Since the previous run: {changes}").format(
        changes=changes_summary(fixed, new, still, not_compared))


def report_since_previous_run(when: str, run: str, fixed: int, new: int, still: int) -> str:
    """The support report and its plain-text summary: the previous run by its time and id,
    then the counts."""
    return _("Since the previous run ({when}, run {run}): {fixed} fixed, {new} new, {still} "
             "still failing.").format(when=when, run=run, fixed=fixed, new=new, still=still)


def since_recheck(fixed: int, new: int, still: int, not_compared: list[str]) -> str:
    return _("Since the Re-check: {changes}").format(
        changes=changes_summary(fixed, new, still, not_compared))


def resync_todo(problems: int) -> str:
    if not problems:
        return _("All names match: nothing to resync.")
    return _n("{count} name problem to fix; after fixing it, resync in Clockify and click "
              "Re-check.",
              "{count} name problems to fix; after fixing them, resync in Clockify and click "
              "Re-check.", problems).format(count=problems)


def resync_no_recheck_html(problems: int) -> str:
    """The Resync page before any Re-check in this session (rich text)."""
    return _n("<b>{count} name problem to fix</b> (details on the Names page). No Re-check in "
              "this session yet: fix it, resync in Clockify, then click Re-check.",
              "<b>{count} name problems to fix</b> (details on the Names page). No Re-check in "
              "this session yet: fix them, resync in Clockify, then click Re-check.",
              problems).format(count=problems)


def since_last_check_html(fixed: int, new: int, still: int, not_compared: list[str]) -> str:
    """The Resync page after a Re-check (rich text)."""
    return _("<b>Since the last check:</b> {changes}").format(
        changes=html.escape(changes_summary(fixed, new, still, not_compared)))


def first_run_html(problems: int) -> str:
    """The Summary page when the history has no earlier run of this workspace and company."""
    return _n("<b>{count} thing to fix</b>, listed below with its fix. This is the first run "
              "for this workspace and company on this computer: run the checkup again after "
              "fixing things to see what changed.",
              "<b>{count} things to fix</b>, listed below with their fixes. This is the first "
              "run for this workspace and company on this computer: run the checkup again after "
              "fixing things to see what changed.", problems).format(count=problems)


def since_last_run_html(when: str, fixed: int, new: int, still: int,
                        not_compared: list[str]) -> str:
    """The Summary page against the previous stored run (rich text)."""
    return _("<b>Since the last run ({when}):</b> {changes}").format(
        when=html.escape(when), changes=html.escape(changes_summary(fixed, new, still,
                                                                      not_compared)))
