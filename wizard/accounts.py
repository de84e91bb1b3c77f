"""The account steps of the wizard as plain Python: which source call runs is decided here, and
the pages only run these as background jobs and show what comes back.

Each job has the worker's shape `job(..., progress, cancel) -> value` (bind the leading
arguments with `functools.partial`); they do network, keyring or file work, so they never run
on the GUI thread, and they touch no widget. Expected problems come back as values or as
`SyncCheckupError` sentences; anything else goes to the one unexpected-error path.

The source modules are imported inside each job on purpose: the keyring, HTTP, Intuit and
spreadsheet libraries behind them load after the first paint, when the first job runs. The
Welcome page imports this module itself only then (at its first job), not before it is painted.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from wizard.text import _

if TYPE_CHECKING:
    from wizard.sources.files import FileInfo
    from wizard.sources.intuit import SignIn, StoredKeys
    from wizard.sources.progress import CancelToken, Progress
    from wizard.sources.quickbooks import ConnectionState

log = logging.getLogger(__name__)

SIGN_IN_WAIT_S = 300  # how long a started sign-in waits for the browser's answer


@dataclass(frozen=True)
class StoredLogins:
    """What this computer's password store already holds."""

    clockify_key: bool
    quickbooks_sign_in: bool


def look_up_logins(progress: Progress, cancel: CancelToken) -> StoredLogins:
    """Whether a Clockify key and an Intuit sign-in are stored (a keyring can be slow to ask);
    a missing or locked keyring reads as "not stored"."""
    del progress, cancel
    key = login = False
    try:
        from wizard.sources import clockify
        key = clockify.has_stored_key()
    except Exception:
        log.info("no stored Clockify key could be read", exc_info=True)
    try:
        from wizard.sources import quickbooks
        login = quickbooks.has_stored_login()
    except Exception:
        log.info("no stored QuickBooks sign-in could be read", exc_info=True)
    return StoredLogins(key, login)


def keep_clockify_key(key: str, progress: Progress, cancel: CancelToken) -> str | None:
    """Ask Clockify whether the key works, and keep it in the password store only if it does
    (with its data region, so that runs ask that region alone); returns why it was refused, or
    None when it was kept."""
    del progress, cancel
    from wizard.sources import clockify
    return clockify.keep_key(key)


@dataclass(frozen=True)
class StartedSignIn:
    """A sign-in waiting for the browser: the address to open, and the sign-in to finish."""

    sign_in: SignIn
    address: str

    @property
    def listening(self) -> bool:
        """Whether this app catches the browser's answer itself (else the address is pasted)."""
        return self.sign_in.listening


def start_sign_in(progress: Progress, cancel: CancelToken) -> StartedSignIn:
    """Begin "Sign in with Intuit": the app keys, the authorisation address, the listener."""
    del progress, cancel
    from wizard.sources.intuit import SignIn
    sign_in = SignIn()
    return StartedSignIn(sign_in, sign_in.start())


def wait_for_sign_in(sign_in: SignIn, progress: Progress, cancel: CancelToken) -> str:
    """Wait for the browser's answer (Cancel stops the wait); the QuickBooks company's id."""
    del progress
    return str(sign_in.wait(SIGN_IN_WAIT_S, cancel))


def finish_sign_in(sign_in: SignIn, address: str, progress: Progress,
                   cancel: CancelToken) -> str:
    """Finish with the address the browser ended on, pasted by the person."""
    del progress, cancel
    return str(sign_in.complete_from_pasted(address))


def close_sign_in(sign_in: SignIn) -> None:
    """Stop a sign-in's listener; closing one that already ended is harmless."""
    try:
        sign_in.close()
    except Exception:
        log.info("closing the sign-in failed", exc_info=True)


def identify_files(paths: Sequence[Path], progress: Progress,
                   cancel: CancelToken) -> list[FileInfo]:
    """What each export file is and which side it belongs to."""
    from wizard.sources import files as exports
    infos = []
    for i, path in enumerate(paths):
        cancel.raise_if_cancelled()
        progress(_("Reading {name}").format(name=path.name), i, len(paths))
        infos.append(exports.identify(path))
    return infos


@dataclass(frozen=True)
class SortedFiles:
    """Export files given to their side, and a sentence for each one that can't be used."""

    clockify: tuple[Path, ...]
    quickbooks: tuple[Path, ...]
    problems: tuple[str, ...]


def sort_files(infos: Sequence[FileInfo], clockify: Sequence[Path],
               quickbooks: Sequence[Path]) -> SortedFiles:
    """Add each identified file to its side's files (once); the rest become problems."""
    sides = {"clockify": list(clockify), "quickbooks": list(quickbooks)}
    problems = []
    for info in infos:
        target = sides.get(info.side or "")
        if info.problem or target is None:
            problems.append(info.problem or _("{name} wasn't recognised.").format(
                name=info.path.name))
            continue
        if info.path not in target:
            target.append(info.path)
    return SortedFiles(tuple(sides["clockify"]), tuple(sides["quickbooks"]), tuple(problems))


@dataclass(frozen=True)
class OwnAppKeys:
    """The person's own Intuit app keys as kept (None: none), and the addresses the keys dialog
    offers: the default redirect, and whether this build has a relay page."""

    stored: StoredKeys | None
    default_redirect: str
    has_relay_page: bool


def look_up_own_app_keys(progress: Progress, cancel: CancelToken) -> OwnAppKeys:
    del progress, cancel
    from wizard.sources import intuit
    return OwnAppKeys(intuit.stored_app_keys(), intuit.default_redirect_uri(),
                      bool(intuit.relay_page_address()))


def keep_own_app_keys(client_id: str, secret: str | None, environment: str, redirect: str,
                      progress: Progress, cancel: CancelToken) -> StoredKeys | None:
    """Keep the keys in the password store (secret None: keep the one stored); what is kept."""
    del progress, cancel
    from wizard.sources import intuit
    intuit.store_app_keys(client_id, secret, environment, redirect)
    return intuit.stored_app_keys()


def forget_own_app_keys(progress: Progress, cancel: CancelToken) -> None:
    del progress, cancel
    from wizard.sources import intuit
    intuit.clear_app_keys()


def quickbooks_connection(progress: Progress, cancel: CancelToken) -> ConnectionState:
    """This app's own QuickBooks connection, from the keyring or the environment (no network)."""
    del progress, cancel
    from wizard.sources import quickbooks
    return quickbooks.connection_state()


def disconnect_quickbooks(progress: Progress, cancel: CancelToken) -> str:
    """Revoke the sign-in at Intuit and forget it here; a sentence saying what happened."""
    del progress, cancel
    from wizard.sources import quickbooks
    return quickbooks.disconnect()

