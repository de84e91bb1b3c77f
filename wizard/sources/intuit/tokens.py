"""One QuickBooks company's sign-in: the access token it reads with, refreshed one at a time, and
the keyring entries it lives in.

Refresh tokens rotate: the new one goes to the keyring before anything else happens, and only
one refresh runs at a time (parallel refreshes would invalidate each other).
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import threading
import time
from collections.abc import Callable
from typing import Any, Protocol

import requests
from intuitlib.exceptions import AuthClientError

from wizard.core.errors import IntuitKeysMissing, NoKeyring, QboReconnectNeeded, QboUnreachable
from wizard.redact import register_secret
from wizard.sources.intuit.app_keys import AppKeys, load_app_keys
from wizard.sources.intuit.oauth import log_auth_error, make_auth_client
from wizard.storage import secrets
from wizard.text import N_, _

log = logging.getLogger(__name__)

ENV_REALM = "SYNC_CHECKUP_QBO_REALM_ID"
ENV_ACCESS = "SYNC_CHECKUP_QBO_ACCESS_TOKEN"
ENV_REFRESH = "SYNC_CHECKUP_QBO_REFRESH_TOKEN"

EXPIRY_MARGIN_S = 120  # refresh a little before Intuit's hour is up

KEY_REALM = secrets.QBO_CURRENT_REALM
key_refresh = secrets.qbo_refresh_entry
key_access = secrets.qbo_access_entry
key_company = secrets.qbo_company_entry


class TokenSource(Protocol):
    """What the QuickBooks client needs: a bearer token, and a way to get a fresh one."""

    realm_id: str

    def access_token(self) -> str: ...

    def refresh(self, rejected: str | None = None) -> str: ...


class FixedToken:
    """A token that never changes (the sample company's replayed answers)."""

    def __init__(self, realm_id: str, token: str = "sample-access-token") -> None:
        self.realm_id = realm_id
        self._token = token

    def access_token(self) -> str:
        return self._token

    def refresh(self, rejected: str | None = None) -> str:
        raise QboReconnectNeeded(QboReconnectNeeded.EXPIRED)


class Tokens:
    """One company's sign-in. Gives a usable access token; refreshes one at a time.

    `persist` is False for tokens from environment variables: those are never written anywhere.
    """

    def __init__(self, realm_id: str, *, refresh_token: str | None, access_token: str | None = None,
                 expires_at: float | None = None, persist: bool = True,
                 keys_loader: Callable[[], AppKeys] = load_app_keys,
                 clock: Callable[[], float] = time.time) -> None:
        self.realm_id = realm_id
        self._refresh_token = refresh_token
        self._access_token = access_token
        self._expires_at = expires_at
        self.persist = persist
        self._keys_loader = keys_loader
        self._clock = clock
        self._lock = threading.Lock()
        self.refreshes = 0  # how many refreshes this object made (tests, benchmarks)
        register_secret(refresh_token)
        register_secret(access_token)

    @classmethod
    def from_keyring(cls, realm_id: str | None = None, **kwargs: Any) -> Tokens:
        """The stored sign-in of `realm_id` (default: the current company)."""
        realm = realm_id or secrets.get(KEY_REALM, secret=False)
        if not realm:
            raise QboReconnectNeeded(QboReconnectNeeded.NOT_SIGNED_IN)
        refresh_token = secrets.get(key_refresh(realm))
        access, expires = None, None
        raw = secrets.get(key_access(realm))
        if raw:
            try:
                stored = json.loads(raw)
                access, expires = str(stored["token"]), float(stored["expires_at"])
                register_secret(access)
            except (ValueError, KeyError, TypeError):
                log.warning("the stored access token is unreadable; a refresh will replace it")
        if not refresh_token and not access:  # an access token alone serves until it expires
            raise QboReconnectNeeded(QboReconnectNeeded.NOT_SIGNED_IN)
        return cls(realm, refresh_token=refresh_token, access_token=access, expires_at=expires,
                   **kwargs)

    @classmethod
    def from_env(cls, **kwargs: Any) -> Tokens | None:
        """Tokens given by SYNC_CHECKUP_QBO_* variables (SPEC §4), or None if none are set."""
        access = os.environ.get(ENV_ACCESS) or None
        refresh = os.environ.get(ENV_REFRESH) or None
        if not access and not refresh:
            return None
        realm = os.environ.get(ENV_REALM) or secrets.get(KEY_REALM, secret=False)
        if not realm:
            raise QboReconnectNeeded(N_(
                "The QuickBooks company id is missing: set `SYNC_CHECKUP_QBO_REALM_ID` too."))
        return cls(realm, refresh_token=refresh, access_token=access, expires_at=None,
                   persist=False, **kwargs)

    @property
    def expires_at(self) -> float | None:
        return self._expires_at

    def current(self) -> tuple[str | None, str | None, float | None]:
        """(refresh token, access token, expiry) as they are now, e.g. to keep them for a
        saved company after a read that may have refreshed them."""
        with self._lock:
            return self._refresh_token, self._access_token, self._expires_at

    def _fresh(self) -> bool:
        if not self._access_token:
            return False
        return self._expires_at is None or self._expires_at - EXPIRY_MARGIN_S > self._clock()

    def access_token(self) -> str:
        with self._lock:
            if self._fresh():
                return self._access_token  # type: ignore[return-value]
            rejected = self._access_token
        return self.refresh(rejected)

    def refresh(self, rejected: str | None = None) -> str:
        """A new access token. If another thread already replaced `rejected`, use that one."""
        with self._lock:
            if self._access_token and self._access_token != rejected and self._fresh():
                return self._access_token
            if not self._refresh_token:
                raise QboReconnectNeeded(QboReconnectNeeded.EXPIRED)
            client = make_auth_client(self._keys_loader(), refresh_token=self._refresh_token,
                                      realm_id=self.realm_id)
            try:
                client.refresh(refresh_token=self._refresh_token)
            except AuthClientError as exc:
                log_auth_error("refreshing the QuickBooks sign-in", exc)
                if exc.status_code in (400, 401, 403):
                    raise QboReconnectNeeded(QboReconnectNeeded.EXPIRED) from None
                raise QboUnreachable(QboUnreachable.SERVER) from None
            except requests.RequestException as exc:
                log.warning("refreshing the QuickBooks sign-in failed: %s", type(exc).__name__)
                raise QboUnreachable from None
            finally:
                client.close()
            new_refresh, new_access = client.refresh_token, client.access_token
            if not isinstance(new_access, str) or not new_access:
                raise QboUnreachable(QboUnreachable.GARBLED)
            register_secret(new_refresh)
            register_secret(new_access)
            expires = self._clock() + seconds_or_an_hour(getattr(client, "expires_in", None))
            # The old refresh token may already be dead: the new one is kept before anything else.
            self._refresh_token = new_refresh or self._refresh_token
            if self.persist:
                save_tokens(self.realm_id, self._refresh_token, new_access, expires)
            self._access_token, self._expires_at = new_access, expires
            self.refreshes += 1
            log.info("QuickBooks sign-in refreshed")
            return new_access


def seconds_or_an_hour(value: Any) -> float:
    """A token's `expires_in` as seconds; Intuit's usual hour when it is missing or garbled."""
    try:
        return max(0.0, float(value))
    except (TypeError, ValueError):
        return 3600.0


def save_tokens(realm: str, refresh_token: str | None, access_token: str,
                expires_at: float) -> None:
    """Refresh token first (it may be the only live one), then the access token."""
    if refresh_token:
        try:
            secrets.put(key_refresh(realm), refresh_token)
        except NoKeyring:
            log.error("could not keep the renewed QuickBooks sign-in in the keyring")
            raise
    with contextlib.suppress(NoKeyring):
        secrets.put(key_access(realm), json.dumps({"token": access_token,
                                                    "expires_at": expires_at}))


def current_realm() -> str | None:
    return secrets.get(KEY_REALM, secret=False)


def forget(realm: str) -> None:
    """Delete every keyring entry of this company's sign-in."""
    for name in (key_refresh(realm), key_access(realm), key_company(realm)):
        secrets.delete(name)
    if secrets.get(KEY_REALM, secret=False) == realm:
        secrets.delete(KEY_REALM)


def revoke_and_forget(realm: str | None = None) -> str:
    """Disconnect: revoke at Intuit, then delete from the keyring even if revoking failed."""
    realm = realm or current_realm()
    if not realm:
        return _("This app was not connected to QuickBooks; there was nothing to disconnect.")
    token = secrets.get(key_refresh(realm))
    revoked = False
    if token:
        try:
            client = make_auth_client(load_app_keys(), refresh_token=token, realm_id=realm)
            try:
                revoked = bool(client.revoke(token=token))
            finally:
                client.close()
        except AuthClientError as exc:
            log_auth_error("revoking the QuickBooks sign-in", exc)
        except (QboUnreachable, IntuitKeysMissing, requests.RequestException, ValueError) as exc:
            log.warning("revoking the QuickBooks sign-in failed: %s", type(exc).__name__)
    forget(realm)
    if revoked or not token:
        return _("Disconnected from QuickBooks, and the sign-in was removed from this computer.")
    return _("The sign-in was removed from this computer, but Intuit could not confirm the "
             "disconnection; to be sure, remove Sync Checkup under Apps in QuickBooks.")
