"""The wizard with both sides live (Clockify = api, QuickBooks = api) against the loopback fakes
serving the sample company: the Names page must say what it says for the demo, and connections
dropped mid-load must end in one sentence on the page, with nothing lost and Re-check recovering.

The key is typed into the Welcome page and saved through the real key check (an in-memory
keyring keeps it); QuickBooks tokens come from the environment variables support uses.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

import keyring
import pytest
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QWizard

from tests.fakes.clockify_server import FakeClockify, load_sample, serve
from tests.fakes.intuit_server import CLIENT_ID, CLIENT_SECRET, REALM, FakeIntuit, MemoryKeyring
from tests.fakes.quickbooks_server import FakeQuickBooks, serve_sample
from tests.ui.conftest import make_window
from wizard.core.fixes import actions_for, plan_for
from wizard.core.result import Status
from wizard.flow import Load, Page
from wizard.sources import clockify, intuit, quickbooks, sample
from wizard.ui.rows import NameColumn

pytestmark = pytest.mark.gui

KEY = "Qw7e" * 12


@dataclass
class Fakes:
    clockify: FakeClockify
    intuit: FakeIntuit
    quickbooks: FakeQuickBooks


@pytest.fixture
def fakes(monkeypatch: pytest.MonkeyPatch) -> Iterator[Fakes]:
    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    with serve() as fake_clockify, FakeIntuit() as fake_intuit, \
            FakeQuickBooks(fake_intuit) as fake_qbo:
        load_sample(fake_clockify, sample.sample_dir() / "clockify", KEY)
        serve_sample(fake_qbo)
        grant = fake_intuit.issue()
        for name, value in ((clockify.ENV_API_URL, fake_clockify.core_url),
                            (clockify.ENV_REPORTS_URL, fake_clockify.reports_url),
                            (intuit.ENV_CLIENT_ID, CLIENT_ID),
                            (intuit.ENV_CLIENT_SECRET, CLIENT_SECRET),
                            (intuit.ENV_DISCOVERY_URL, fake_intuit.discovery_url),
                            (intuit.ENV_REALM, REALM), (intuit.ENV_ACCESS, grant.access),
                            (quickbooks.ENV_API_URL, fake_qbo.url)):
            monkeypatch.setenv(name, value)
        # no real waiting between retries: the faults are what is tested, not the back-off
        monkeypatch.setattr(clockify, "new_session",
                            functools.partial(clockify.new_session, backoff=0.0))
        monkeypatch.setattr(quickbooks, "SLEEP", lambda seconds: None)
        yield Fakes(fake_clockify, fake_intuit, fake_qbo)
    keyring.set_keyring(previous)


def _live_window(qtbot, caplog):  # type: ignore[no-untyped-def]
    """The wizard with both sides live: key saved through the Welcome page, QuickBooks from the
    environment."""
    caplog.set_level(logging.INFO, logger="wizard.ui.workers")
    window = make_window(qtbot, sample=False)
    qtbot.waitUntil(lambda: "keyring lookup finished" in caplog.text, timeout=20_000)
    welcome = window.pages[Page.WELCOME]
    box = welcome.clockify
    box.group.button(0).click()
    welcome.quickbooks.group.button(0).click()
    qtbot.keyClicks(box.key_edit, KEY)
    qtbot.mouseClick(box.key_save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Checking" not in box.key_message.text.text(), timeout=20_000)
    assert window.session.flow.choices.clockify_key_stored, box.key_message.text.text()
    assert "accepted" in box.key_message.text.text()
    assert box.key_edit.text() == ""  # the key left the field
    window.session.flow.choices.qbo_signed_in = True  # tokens from the environment
    welcome.show_choices()
    return window


def _next(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    button = window.button(QWizard.WizardButton.NextButton)
    assert button.isEnabled(), window.session.flow.blocked(Page(window.currentId()))
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _finished(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: window.session.flow.load is not Load.BUSY
                    and not window.session.busy, timeout=60_000)


def _names_statuses(window) -> dict[str, list[tuple[str, str]]]:  # type: ignore[no-untyped-def]
    names = window.pages[Page.NAMES]
    out = {}
    for label, table in (("users", names.users), ("customers", names.customers)):
        model = table.model
        out[label] = sorted(
            (str(model.index(r, NameColumn.CLOCKIFY).data()),
             str(model.index(r, NameColumn.STATUS).data()))
            for r in range(model.rowCount()))
    return out


def _demo_statuses(qtbot) -> dict[str, list[tuple[str, str]]]:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, prebuild=False)
    _next(qtbot, window)
    _finished(qtbot, window)
    statuses = _names_statuses(window)
    window.shutdown()
    return statuses


def test_live_walk_shows_the_same_names_statuses_as_the_demo(qtbot, caplog, fakes) -> None:  # type: ignore[no-untyped-def]
    expected = _demo_statuses(qtbot)
    assert ("Jon Smith", "Near match") in expected["users"]

    window = _live_window(qtbot, caplog)
    _next(qtbot, window)
    _finished(qtbot, window)
    flow = window.session.flow
    assert flow.load is Load.READY, flow.error
    assert flow.result.sources == {"clockify": "api", "quickbooks": "api"}
    codes = {f.code for f in flow.result.findings if f.check == "connection"}
    assert codes == {"CLOCKIFY_CONNECTED", "QBO_CONNECTED"}
    for page in (Page.NAMES, Page.RESYNC, Page.RECONNECT, Page.ENTRIES, Page.SUMMARY):
        _next(qtbot, window)
        assert window.currentId() == page
    assert _names_statuses(window) == expected
    assert fakes.clockify.requests("reports")  # the entries came from the fake's report API
    assert any("Employee" in q for q in fakes.quickbooks.queries)


def test_dropped_connections_mid_load_are_one_sentence_and_recheck_recovers(  # type: ignore[no-untyped-def]
        qtbot, caplog, fakes) -> None:
    window = _live_window(qtbot, caplog)
    # the user and workspace answer; every report request then drops without an answer
    fakes.clockify.fail("drop", path="reports", times=50)
    _next(qtbot, window)
    _finished(qtbot, window)
    flow = window.session.flow
    assert flow.load is Load.READY  # a connection failure is a diagnosis, not a crash
    unreachable = [f for f in flow.result.findings if f.code == "CLOCKIFY_UNREACHABLE"]
    assert len(unreachable) == 1
    plan = window.pages[Page.PLAN]
    assert plan.load_message.isVisible()
    sentence = plan.load_message.text.text()
    assert sentence == unreachable[0].message
    for technical in ("HTTP", "Traceback", "{"):
        assert technical not in sentence
    assert plan.header.icon.accessibleName() == "Status: Warning"  # QuickBooks still read
    # nothing lost: Next and Back still work, and the choices are kept
    _next(qtbot, window)
    assert window.currentId() == Page.NAMES
    assert window.pages[Page.NAMES].load_message.text.text() == sentence
    assert flow.result.check("users").status is Status.NOT_CHECKED
    qtbot.mouseClick(window.button(QWizard.WizardButton.BackButton), Qt.MouseButton.LeftButton)
    assert window.currentId() == Page.PLAN
    assert flow.choices.clockify == "api"
    assert flow.choices.clockify_key_stored

    fakes.clockify.faults.clear()  # the service is healthy again
    qtbot.mouseClick(plan.loadbar.recheck, Qt.MouseButton.LeftButton)
    _finished(qtbot, window)
    assert flow.load is Load.READY
    assert not plan.load_message.isVisible()
    assert flow.result.check("users").status is Status.FAIL  # checked again, with data
    assert "CLOCKIFY_CONNECTED" in {f.code for f in flow.result.findings}


class UrlCatcher(QObject):
    """Takes the place of the browser: every address the app asks to open lands here."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    @Slot(QUrl)
    def take(self, url: QUrl) -> None:
        self.urls.append(url.toString())


@pytest.fixture
def browser() -> Iterator[UrlCatcher]:
    catcher = UrlCatcher()
    for scheme in ("http", "https"):
        QDesktopServices.setUrlHandler(scheme, catcher, "take")
    yield catcher
    for scheme in ("http", "https"):
        QDesktopServices.unsetUrlHandler(scheme)


def _click(qtbot, button) -> None:  # type: ignore[no-untyped-def]
    assert button.isEnabled(), button.toolTip()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_every_problem_card_copies_the_name_and_opens_the_record(  # type: ignore[no-untyped-def]
        qtbot, caplog, fakes, browser) -> None:
    window = _live_window(qtbot, caplog)
    _next(qtbot, window)
    _finished(qtbot, window)
    for _page in (Page.NAMES, Page.RESYNC, Page.RECONNECT, Page.ENTRIES, Page.SUMMARY):
        _next(qtbot, window)
    customers = {c["FullyQualifiedName"]: c["Id"] for c in fakes.quickbooks.lists["Customer"]}
    vendors = {v["DisplayName"]: v["Id"] for v in fakes.quickbooks.lists["Vendor"]}
    web = clockify.web_url_for(fakes.clockify.core_url)
    clipboard = QGuiApplication.clipboard()
    company = window.session.flow.result.facts["company"]
    plan = plan_for(window.session.flow.result)
    for page in (Page.SUMMARY, Page.RESYNC):
        cards = window.pages[page].problems.cards
        assert len(cards) > 10
        for card in cards:
            f, bar = card.finding, card.actions
            assert not card.message.text().endswith("…")
            if f.subject_kind not in ("user", "client", "project"):
                continue
            if f.code != "USER_PENDING":
                _click(qtbot, bar.copy_name)
                name = clipboard.text()
                assert name == (f.suggestion or f.subject if f.subject_kind != "user"
                                else f.subject)
                assert f"“{name}”" in card.heading.text() + f.message + f.fix
            if f.subject_kind == "project":
                _click(qtbot, bar.open_clockify)
                assert browser.urls[-1] == f"{web}/projects/{f.subject_id}/edit"
            if f.match and f.subject_kind != "user":
                _click(qtbot, bar.open_quickbooks)
                query = parse_qs(urlsplit(browser.urls[-1]).query)
                assert query["nameId"] == [customers[f.match]], f
                # names the company the browser must have open
                assert f"“{company}”" in bar.open_quickbooks.toolTip()
            if f.code == "USER_IS_VENDOR":
                _click(qtbot, bar.open_quickbooks)
                assert browser.urls[-1].endswith(f"vendordetail?nameId={vendors[f.subject]}")
            assert bar.fix.isEnabled() == bool(actions_for(plan, f.key))
            assert bar.fix.toolTip()
    # the detail pane on the Names page offers the same
    names = window.pages[Page.NAMES]
    assert names.select("Open House Flyer")
    _click(qtbot, names.actions.copy_name)
    assert clipboard.text() == "Open House Flyers"
    _click(qtbot, names.actions.open_quickbooks)
    assert parse_qs(urlsplit(browser.urls[-1]).query)["nameId"] \
        == [customers["Oak & Stone Realty:Open House Flyers"]]
    assert len(browser.urls) > 30  # every card's pages were opened, on both pages
    # the entries that won't sync: their page is Clockify's Detailed report for the period
    entries = window.pages[Page.ENTRIES]
    _click(qtbot, entries.open_report)
    report = urlsplit(browser.urls[-1])
    assert f"{report.scheme}://{report.netloc}" == web
    assert report.path == "/reports/detailed"
    start, end = window.session.flow.result.period
    assert parse_qs(report.query) == {"start": [f"{start.isoformat()}T00:00:00.000Z"],
                                      "end": [f"{end.isoformat()}T23:59:59.999Z"]}
