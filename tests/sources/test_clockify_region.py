"""The data region remembered for the wizard's own Clockify key: a run goes straight to it, a
region that refuses the key or can't be reached is corrected, and it never outlives, outlasts
or crosses over to another key. Loopback fakes stand in for the regions; the keyring tests use
the real Secret Service (tests/conftest.py `real_keyring`)."""

from __future__ import annotations

import datetime as dt
import os
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import keyring.backend
import pytest

from tests.fakes.clockify_server import FakeClockify, Space, serve, synthetic
from wizard.sources import clockify
from wizard.sources.clockify import ClockifyClient, Region, new_session
from wizard.sources.progress import CancelToken
from wizard.storage import secrets

KEY = "Rg7w" * 12  # 48 characters, like a real key
OTHER_KEY = "Pq2z" * 12
PERIOD = (dt.date(2026, 10, 26), dt.date(2026, 11, 24))


@dataclass
class World:
    """Three regions' fakes; the key's workspace lives in the last one (apse2)."""

    fakes: list[FakeClockify]
    regions: list[Region]
    space: Space

    def region(self, name: str) -> Region:
        return next(r for r in self.regions if r.name == name)

    def fake(self, name: str) -> FakeClockify:
        return next(f for f in self.fakes if f.region == name)

    def asked(self) -> dict[str, list[str]]:
        """The paths each region was asked since the last call (and forget them)."""
        out = {f.region: [r.path.rsplit("/", 1)[-1] for r in f.requests()] for f in self.fakes}
        for fake in self.fakes:
            fake.log.clear()
        return out


def region_of(fake: FakeClockify) -> Region:
    return Region(fake.region, fake.core_url, fake.reports_url)


@pytest.fixture
def world(monkeypatch: pytest.MonkeyPatch) -> Iterator[World]:
    """`clockify.REGIONS` pointed at the fakes, and quick retries for a region that is down."""
    with serve() as world, serve("euc1") as euc1, serve("apse2") as apse2:
        space = synthetic(apse2, KEY, entries=30)
        regions = [region_of(f) for f in (world, euc1, apse2)]
        monkeypatch.setattr(clockify, "REGIONS", regions)
        monkeypatch.setattr(clockify, "new_session",
                            lambda: new_session(backoff=0.01, retries=1, budget=2.0))
        yield World([world, euc1, apse2], regions, space)


def run() -> clockify.ClockifySide:
    side = clockify.read_side(PERIOD, lambda m, d, t: None, CancelToken())
    assert side.problem is None, side.problem
    assert side.data is not None
    assert side.data.entries is not None
    assert len(side.data.entries) == 30
    return side


def cold_requests(world: World) -> int:
    """What a read with a new key costs: every region asked in turn, then the read."""
    client = ClockifyClient(new_session(), KEY, regions=world.regions, min_interval=0)
    client.read(PERIOD)
    client.session.close()
    world.asked()
    return client.requests_sent


# --- the connection, without a keyring ----------------------------------------------------------

def test_the_region_tried_first_is_asked_alone(world: World) -> None:
    cold = cold_requests(world)
    client = ClockifyClient(new_session(), KEY, regions=world.regions, min_interval=0,
                            try_first=world.region("apse2"))
    client.read(PERIOD)
    asked = world.asked()
    assert asked["global"] == asked["euc1"] == []
    assert asked["apse2"].count("user") == 1
    assert client.requests_sent == cold - 2  # the two regions asked before it, no longer
    assert client.region == world.region("apse2")


def test_a_region_tried_first_that_refuses_the_key_falls_back_to_every_region(
        world: World) -> None:
    cold = cold_requests(world)
    client = ClockifyClient(new_session(), KEY, regions=world.regions, min_interval=0,
                            try_first=world.region("euc1"))
    client.read(PERIOD)
    asked = world.asked()
    # asked first (with the owned workspaces beside it), and not again
    assert sorted(asked["euc1"]) == ["user", "workspaces"]
    assert asked["global"] == ["user"]
    assert client.requests_sent == cold + 1  # the owned list asked of the wrong region
    assert client.region == world.region("apse2")


def test_the_owner_and_the_owned_workspaces_are_asked_side_by_side(
        world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    """With the region known (remembered or given), `GET /user` and the owned workspaces are
    in flight together: one round trip less, and the same requests."""
    cold = cold_requests(world)
    both = threading.Barrier(2, timeout=10)  # broken (the test fails) if one waits for the other
    real_send = ClockifyClient.send

    def send(self: ClockifyClient, method: str, url: str, **kwargs: object) -> object:
        if url.endswith(("/user", "/workspaces")):
            both.wait()
        return real_send(self, method, url, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(ClockifyClient, "send", send)
    for given in ({"try_first": world.region("apse2")},
                  {"core_url": world.fake("apse2").core_url,
                   "reports_url": world.fake("apse2").reports_url}):
        client = ClockifyClient(new_session(), KEY, regions=world.regions, min_interval=0,
                                **given)  # type: ignore[arg-type]
        data = client.read(PERIOD)
        assert data.workspace_id == world.space.raw["id"]
        assert data.is_admin
        assert client.requests_sent == cold - 2
        assert world.asked()["apse2"].count("workspaces") == 1


def test_a_key_refused_everywhere_is_still_invalid(world: World) -> None:
    client = ClockifyClient(new_session(), OTHER_KEY, regions=world.regions, min_interval=0,
                            try_first=world.region("apse2"))
    with pytest.raises(clockify.ClockifyProblem) as info:
        client.user()
    assert info.value.code == "CLOCKIFY_KEY_INVALID"
    assert {name: len(paths) for name, paths in world.asked().items()} == {
        "global": 1, "euc1": 1, "apse2": 1}


# --- the wizard's own key, in the real keyring ----------------------------------------------------

@pytest.mark.keyring
def test_a_kept_key_goes_straight_to_its_region(
        real_keyring: keyring.backend.KeyringBackend, world: World) -> None:
    del real_keyring
    cold = cold_requests(world)
    assert clockify.keep_key(KEY) is None  # the connect page: every region asked in turn
    assert world.asked() == {"global": ["user"], "euc1": ["user"], "apse2": ["user"]}
    assert clockify.remembered_region(KEY) == world.region("apse2")
    for _ in range(2):  # every run after it
        run()
        asked = world.asked()
        assert asked["global"] == asked["euc1"] == []
        assert len(asked["apse2"]) == cold - 2
    assert clockify.check_key(KEY) is None  # checking the kept key again: one request
    assert world.asked() == {"global": [], "euc1": [], "apse2": ["user"]}


@pytest.mark.keyring
def test_a_region_that_refuses_the_key_is_corrected(
        real_keyring: keyring.backend.KeyringBackend, world: World) -> None:
    del real_keyring
    cold = cold_requests(world)
    clockify.store_key(KEY, world.region("euc1"))  # remembered wrongly (or the key moved)
    run()
    asked = world.asked()
    # the remembered region first (and the owned workspaces beside it), then every other one
    assert sorted(asked["euc1"]) == ["user", "workspaces"]
    assert asked["global"] == ["user"]
    assert sum(len(paths) for paths in asked.values()) == cold + 1
    assert clockify.remembered_region(KEY) == world.region("apse2")
    run()
    asked = world.asked()
    assert asked["global"] == asked["euc1"] == []
    assert len(asked["apse2"]) == cold - 2


@pytest.mark.keyring
def test_a_region_out_of_reach_is_corrected(
        real_keyring: keyring.backend.KeyringBackend, world: World,
        monkeypatch: pytest.MonkeyPatch) -> None:
    del real_keyring
    dead = FakeClockify("euw2").start()
    gone = region_of(dead)
    dead.stop()
    monkeypatch.setattr(clockify, "REGIONS", [*world.regions[:2], gone, world.regions[2]])
    clockify.store_key(KEY, gone)
    assert clockify.remembered_region(KEY) == gone
    run()
    assert clockify.remembered_region(KEY) == world.region("apse2")
    world.asked()
    run()
    asked = world.asked()
    assert asked["global"] == asked["euc1"] == []


@pytest.mark.keyring
def test_forgetting_the_key_forgets_its_region(
        real_keyring: keyring.backend.KeyringBackend, world: World) -> None:
    del real_keyring
    assert clockify.keep_key(KEY) is None
    assert secrets.get(clockify.REGION_ENTRY, secret=False)
    clockify.forget_key()
    assert not clockify.has_stored_key()
    assert secrets.get(clockify.REGION_ENTRY, secret=False) is None
    clockify.store_key(KEY)  # the same key kept again, without a check: no region known
    assert clockify.remembered_region(KEY) is None
    world.asked()
    run()
    assert world.asked()["global"] == ["user"]  # detected as for a new key, and remembered
    assert clockify.remembered_region(KEY) == world.region("apse2")


@pytest.mark.keyring
def test_a_region_never_goes_to_another_key(
        real_keyring: keyring.backend.KeyringBackend, world: World,
        monkeypatch: pytest.MonkeyPatch) -> None:
    del real_keyring
    synthetic(world.fake("euc1"), OTHER_KEY, entries=30, seed=2)
    assert clockify.keep_key(KEY) is None
    assert clockify.remembered_region(OTHER_KEY) is None
    # the environment's key: asked for as always, and nothing about it is written
    monkeypatch.setenv(clockify.ENV_KEY, OTHER_KEY)
    world.asked()
    run()
    assert world.asked()["global"] == ["user"]
    assert clockify.remembered_region(KEY) == world.region("apse2")
    assert clockify.remembered_region(OTHER_KEY) is None
    # the environment's addresses win over a remembered region
    monkeypatch.delenv(clockify.ENV_KEY)
    monkeypatch.setenv(clockify.ENV_API_URL, world.fake("apse2").core_url)
    monkeypatch.setenv(clockify.ENV_REPORTS_URL, world.fake("apse2").reports_url)
    run()
    monkeypatch.delenv(clockify.ENV_API_URL)
    monkeypatch.delenv(clockify.ENV_REPORTS_URL)
    # a new key kept in place of the old one starts without a region
    clockify.store_key(OTHER_KEY)
    assert clockify.remembered_region(OTHER_KEY) is None
    assert clockify.remembered_region(KEY) is None


@pytest.mark.keyring
def test_nothing_from_the_key_lands_in_settings(
        real_keyring: keyring.backend.KeyringBackend, world: World) -> None:
    del real_keyring
    assert clockify.keep_key(KEY) is None
    run()
    remembered = secrets.get(clockify.REGION_ENTRY, secret=False)
    assert remembered is not None
    assert KEY not in remembered
    name, digest = remembered.split(" ")
    assert name == "apse2"
    assert len(digest) == 16
    home = Path(os.environ["SYNC_CHECKUP_HOME"])  # settings, logs, history (tests/conftest.py)
    written = [p for p in home.rglob("*") if p.is_file()]
    for path in written:
        text = path.read_bytes()
        assert KEY.encode() not in text, path
        assert digest.encode() not in text, path
        assert b"apse2" not in text, path


@pytest.mark.keyring
def test_the_fix_writer_goes_straight_to_the_kept_key_s_region(
        real_keyring: keyring.backend.KeyringBackend, world: World) -> None:
    """Fix it for me finds where to write as a run does: the kept key's region, asked alone."""
    from wizard import fixing

    del real_keyring
    assert clockify.keep_key(KEY) is None
    world.asked()
    writer = fixing._live_clockify(world.space.raw["id"])
    assert writer is not None
    assert world.asked() == {"global": [], "euc1": [], "apse2": ["user"]}
