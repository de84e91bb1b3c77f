"""Secrets live only in the OS keyring (service `SyncCheckup`), or in the documented environment
variables, which override and are never written anywhere.

Entries, by name: `clockify-api-key`, and `clockify-api-key-region` beside it (the data region
that accepted that key and a one-way digest of the key, written and deleted with it, see
`wizard.sources.clockify`); `clockify:<account>:api-key` (a saved company's, see
`wizard.storage.companies`); `intuit-client-id`, `intuit-client-secret`;
`qbo-current-realm`; `qbo:<realm>:refresh-token`, `qbo:<realm>:access-token` (JSON
`{"token", "expires_at"}`, epoch seconds); `qbo:<realm>:company` (the company's name, shown on the
Reconnect page); `intuit-environment`, `intuit-redirect-uri` (go with the user's own app keys).
Realm ids, company names, the Clockify region and the Intuit environment are not secrets: read
them with `get(..., secret=False)` so the log scrubber doesn't blank them out of reports.
No plaintext fallback: a machine without a usable keyring gets `NoKeyring`, and nothing is saved.
"""

from __future__ import annotations

import logging
import os

import keyring
import keyring.backend
import keyring.errors

from wizard.core.errors import NoKeyring
from wizard.redact import register_secret

log = logging.getLogger(__name__)

SERVICE = "SyncCheckup"
QBO_CURRENT_REALM = "qbo-current-realm"


def qbo_refresh_entry(realm: str) -> str:
    return f"qbo:{realm}:refresh-token"


def qbo_access_entry(realm: str) -> str:
    return f"qbo:{realm}:access-token"


def qbo_company_entry(realm: str) -> str:
    return f"qbo:{realm}:company"


def _backend_usable() -> bool:
    backend = keyring.get_keyring()
    name = f"{type(backend).__module__}.{type(backend).__name__}"
    if any(name.endswith(bad) for bad in ("fail.Keyring", "null.Keyring")):
        return False
    if type(backend).__name__ == "ChainerBackend":
        return bool(getattr(backend, "backends", []))
    # "plaintext" backends (keyrings.alt) would write secrets to disk: refuse them.
    return "plaintext" not in name.lower() and "file" not in type(backend).__module__.lower()


def available() -> bool:
    try:
        return _backend_usable()
    except Exception:  # any backend failure means "not usable"
        log.warning("keyring backend check failed", exc_info=True)
        return False


def get(name: str, env: str | None = None, *, secret: bool = True) -> str | None:
    """The secret from the environment variable `env` if set, else from the keyring."""
    if env and os.environ.get(env):
        value = os.environ[env]
        if secret:
            register_secret(value)
        return value
    if not available():
        return None
    try:
        value = keyring.get_password(SERVICE, name)
    except keyring.errors.KeyringError:
        log.warning("reading %s from the keyring failed", name)
        return None
    if secret:
        register_secret(value)
    return value


def put(name: str, value: str, *, secret: bool = True) -> None:
    """Store a secret; raises NoKeyring when no usable keyring exists (nothing is written)."""
    if secret:
        register_secret(value)
    if not available():
        raise NoKeyring
    try:
        keyring.set_password(SERVICE, name, value)
    except keyring.errors.KeyringError as exc:
        log.warning("writing %s to the keyring failed: %s", name, type(exc).__name__)
        raise NoKeyring from None


def delete(name: str) -> None:
    if not available():
        return
    try:
        keyring.delete_password(SERVICE, name)
    except keyring.errors.PasswordDeleteError:
        pass
    except keyring.errors.KeyringError:
        log.warning("deleting %s from the keyring failed", name)
