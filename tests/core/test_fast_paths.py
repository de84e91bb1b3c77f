"""Shortcuts the checks take for speed on a large company, each held to the plain rule it
replaces, on generated data: the used project/client keys, the " (deleted)" clean-up of a
customer, the local days of the period, and the positions the checks read an entry's fields at."""

from __future__ import annotations

import datetime as dt

from hypothesis import example, given
from hypothesis import strategies as st

from wizard.core import deleted
from wizard.core.checks.customers import used_keys
from wizard.core.checks.periods import entries_in_period
from wizard.core.model import Customer, TimeEntry, client_key, project_key

DAY = dt.date(2026, 11, 2)
START = dt.datetime(2026, 11, 2, 9, tzinfo=dt.UTC)

_ids = st.sampled_from([None, "", "p1", "p2", "c1", "c2"])
_names = st.sampled_from([None, "", "Acme", "Acme Ltd", "Web", "Web (deleted)"])


@st.composite
def _entries(draw: st.DrawFn) -> list[tuple[TimeEntry, dt.date]]:
    rows = draw(st.lists(st.tuples(_ids, _names, _ids, _names), max_size=25))
    return [(TimeEntry(f"e{i}", None, None, project_id, project_name, client_id, client_name,
                       True, START, None, None), DAY)
            for i, (project_id, project_name, client_id, client_name) in enumerate(rows)]


def _used_keys_plainly(in_period: list[tuple[TimeEntry, dt.date]]
                       ) -> tuple[set[str | None], set[str | None]]:
    projects: set[str | None] = set()
    clients: set[str | None] = set()
    for e, _ in in_period:
        projects.add(e.project_id)
        clients.add(e.client_id)
        if not (e.project_id and e.client_id):  # no ids: named, as export files name them
            if e.project_name:
                projects.add(project_key(None, e.client_name, e.project_name))
            if e.client_name:
                clients.add(client_key(None, e.client_name))
    projects.discard(None)
    clients.discard(None)
    return projects, clients


@given(_entries())
def test_used_keys_are_the_plain_rule(in_period: list[tuple[TimeEntry, dt.date]]) -> None:
    assert used_keys([e for e, _ in in_period]) == _used_keys_plainly(in_period)


_level = st.sampled_from(["Acme", "Acme (deleted)", " (deleted)", "Web", "Web (deleted) x",
                          "(deleted)", "Job (deleted) (deleted)"])


def _clean_plainly(c: Customer) -> Customer:
    own = deleted.marked(c.display_name) or deleted.marked(c.fully_qualified_name)
    path = ":".join(deleted.strip(part) for part in c.fully_qualified_name.split(":"))
    if not own and path == c.fully_qualified_name:
        return c
    return c._replace(display_name=deleted.strip(c.display_name), fully_qualified_name=path,
                      active=c.active and not own, named_deleted=c.named_deleted or own)


@given(st.lists(_level, min_size=1, max_size=4), st.one_of(st.none(), _level), st.booleans(),
       st.booleans())
@example(["Acme"], "Acme (deleted)", True, False)  # only the display name carries it (files)
def test_clean_customer_is_the_plain_rule(levels: list[str], display: str | None,
                                          active: bool, named_deleted: bool) -> None:
    """`display`: None for the usual last level of the path, else a name of its own (files)."""
    customer = Customer("1", levels[-1] if display is None else display, ":".join(levels),
                        active=active, named_deleted=named_deleted)
    assert deleted.clean_customer(customer) == _clean_plainly(customer)


@given(st.lists(st.tuples(st.datetimes(min_value=dt.datetime(2026, 10, 25),
                                       max_value=dt.datetime(2026, 11, 10)),
                          st.integers(min_value=-12 * 60, max_value=14 * 60)), max_size=30))
def test_days_of_local_starts_are_each_starts_own_date(
        starts: list[tuple[dt.datetime, int]]) -> None:
    """The Detailed report's starts carry the owner's offset: an entry's day is its start's own
    date, whatever the offset (one shared date object per day, by ordinal)."""
    entries = [TimeEntry(f"e{i}", None, None, None, None, None, None, True,
                         naive.replace(tzinfo=dt.timezone(dt.timedelta(minutes=offset))),
                         None, None)
               for i, (naive, offset) in enumerate(starts)]
    period = (dt.date(2026, 10, 28), dt.date(2026, 11, 3))
    got = entries_in_period(entries, dt.UTC, period, already_local=True)
    plainly = [(e, e.start.date()) for e in entries if period[0] <= e.start.date() <= period[1]]
    assert list(zip(got.entries, got.days, strict=True)) == plainly


def test_the_checks_read_each_entry_field_at_its_position() -> None:
    from wizard.core import model
    positions = {name: getattr(model, "AT_" + name.upper()) for name in TimeEntry._fields}
    assert positions == {name: i for i, name in enumerate(TimeEntry._fields)}
