"""The account steps the Welcome and Reconnect pages run as jobs, without Qt: the real source
modules against the loopback fake Clockify, an in-memory keyring, and real export files."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest

from tests.fakes.clockify_server import FakeClockify, serve, synthetic
from tests.fakes.intuit_server import MemoryKeyring
from wizard import accounts
from wizard.sources import clockify
from wizard.sources.progress import CancelToken

KEY = "Zx9c" * 12
EXPORTS = Path(__file__).parent / "sources" / "fixtures" / "exports"


def _no_progress(message: str, done: int, total: int) -> None:
    del message, done, total


@pytest.fixture
def fake_clockify(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeClockify]:
    with serve() as fake:
        synthetic(fake, KEY, entries=1)
        monkeypatch.setenv(clockify.ENV_API_URL, fake.core_url)
        monkeypatch.setenv(clockify.ENV_REPORTS_URL, fake.reports_url)
        yield fake


def test_a_refused_key_is_not_kept_and_an_accepted_one_is(
        memory_keyring: MemoryKeyring, fake_clockify: FakeClockify) -> None:
    del fake_clockify
    nothing = accounts.look_up_logins(_no_progress, CancelToken())
    assert nothing == accounts.StoredLogins(clockify_key=False, quickbooks_sign_in=False)

    problem = accounts.keep_clockify_key("not-a-key-at-all", _no_progress, CancelToken())
    assert problem  # a sentence saying why
    assert "not-a-key-at-all" not in problem
    assert not accounts.look_up_logins(_no_progress, CancelToken()).clockify_key

    assert accounts.keep_clockify_key(KEY, _no_progress, CancelToken()) is None
    assert accounts.look_up_logins(_no_progress, CancelToken()).clockify_key
    assert KEY in memory_keyring.store.values()


def test_without_a_usable_keyring_nothing_reads_as_stored() -> None:
    from keyring.backends import fail
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        found = accounts.look_up_logins(_no_progress, CancelToken())
    finally:
        keyring.set_keyring(previous)
    assert found == accounts.StoredLogins(clockify_key=False, quickbooks_sign_in=False)


def test_files_are_identified_and_each_goes_to_its_side_once() -> None:
    team = EXPORTS / "clockify_team.csv"
    employees = EXPORTS / "qbo_employees.csv"
    statement = EXPORTS / "bank_statement.csv"
    seen: list[tuple[int, int]] = []
    infos = accounts.identify_files([team, employees, statement],
                                    lambda _m, done, total: seen.append((done, total)),
                                    CancelToken())
    assert [i.path for i in infos] == [team, employees, statement]
    assert seen == [(0, 3), (1, 3), (2, 3)]

    already = EXPORTS / "clockify_projects.csv"
    files = accounts.sort_files(infos, (already, team), ())
    assert files.clockify == (already, team)  # the team export was open already: kept once
    assert files.quickbooks == (employees,)
    assert len(files.problems) == 1
    assert "bank_statement.csv" in files.problems[0]


def test_identifying_stops_when_cancelled() -> None:
    from wizard.core.errors import Cancelled
    cancel = CancelToken()
    cancel.cancel()
    with pytest.raises(Cancelled):
        accounts.identify_files([EXPORTS / "clockify_team.csv"], _no_progress, cancel)


def test_the_quickbooks_connection_without_a_sign_in(memory_keyring: MemoryKeyring) -> None:
    del memory_keyring
    state = accounts.quickbooks_connection(_no_progress, CancelToken())
    assert not state.connected
    assert state.sentence == "Not connected to QuickBooks."
