"""The Intuit app this copy signs in as: its keys from the environment, the user's own (kept in
the keyring by "Use my own Intuit app keys"), or the file the build was published with.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from wizard.core.errors import BadInput, IntuitKeysMissing
from wizard.redact import register_secret
from wizard.resources import resource_path
from wizard.storage import secrets
from wizard.text import _
from wizard.text import signin as texts

log = logging.getLogger(__name__)

ENV_CLIENT_ID = "SYNC_CHECKUP_INTUIT_CLIENT_ID"
ENV_CLIENT_SECRET = "SYNC_CHECKUP_INTUIT_CLIENT_SECRET"
ENV_DISCOVERY_URL = "SYNC_CHECKUP_INTUIT_DISCOVERY_URL"
ENV_REDIRECT_URI = "SYNC_CHECKUP_INTUIT_REDIRECT_URI"

APP_FILE = "intuit_app.json"
DEFAULT_REDIRECT_URI = "http://localhost:8765/callback"

KEY_CLIENT_ID = "intuit-client-id"
KEY_CLIENT_SECRET = "intuit-client-secret"
KEY_ENVIRONMENT = "intuit-environment"
KEY_REDIRECT_URI = "intuit-redirect-uri"


@dataclass(frozen=True)
class AppKeys:
    """The Intuit app this copy signs in as. `environment`: production, sandbox or a discovery
    URL (intuit-oauth fetches any other string as the discovery document)."""

    client_id: str
    client_secret: str = field(repr=False)
    environment: str = "production"
    redirect_uri: str = DEFAULT_REDIRECT_URI
    origin: str = "file"  # env, keyring or file: where the keys came from


def _placeholder(value: Any) -> bool:
    return not isinstance(value, str) or not value.strip() or value.strip().upper().startswith(
        ("YOUR", "<", "REPLACE", "CHANGE"))


def _file_keys() -> dict[str, str]:
    try:
        raw = json.loads(resource_path(APP_FILE).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError):
        log.warning("%s is unreadable; ignoring it", APP_FILE)
        return {}
    return {k: v for k, v in raw.items() if isinstance(v, str)} if isinstance(raw, dict) else {}


def relay_page_address() -> str | None:
    """The https address of the sign-in relay page this build was published with, if any."""
    address = _file_keys().get("relay_page", "").strip()
    return address if address.startswith("https://") else None


def is_loopback_redirect(uri: str) -> bool:
    """A development-keys redirect (`http://localhost:<port>/…`) that a listener on that fixed
    port catches. Intuit never redirects to an IP address, so only `localhost` counts; any other
    redirect is a relay page (the tests serve one on http://127.0.0.1 in place of https)."""
    parts = urlsplit(uri)
    return parts.scheme == "http" and parts.hostname == "localhost"


def load_app_keys() -> AppKeys:
    """Environment variables, else the user's own keys in the keyring, else the build's file."""
    file = _file_keys()
    env_id, env_secret = os.environ.get(ENV_CLIENT_ID), os.environ.get(ENV_CLIENT_SECRET)
    stored_id = secrets.get(KEY_CLIENT_ID, secret=False) if not env_id else None
    if env_id and env_secret:
        register_secret(env_secret)
        keys = AppKeys(env_id, env_secret, file.get("environment") or "production",
                       file.get("redirect_uri") or DEFAULT_REDIRECT_URI, "env")
    elif stored_id and (stored_secret := secrets.get(KEY_CLIENT_SECRET)):
        keys = AppKeys(stored_id, stored_secret,
                       secrets.get(KEY_ENVIRONMENT, secret=False) or "production",
                       secrets.get(KEY_REDIRECT_URI, secret=False) or default_redirect_uri(),
                       "keyring")
    elif not _placeholder(file.get("client_id")) and not _placeholder(file.get("client_secret")):
        register_secret(file["client_secret"])
        keys = AppKeys(file["client_id"], file["client_secret"],
                       file.get("environment") or "production",
                       file.get("redirect_uri") or DEFAULT_REDIRECT_URI, "file")
    else:
        raise IntuitKeysMissing
    overrides: dict[str, str] = {}
    if os.environ.get(ENV_DISCOVERY_URL):
        overrides["environment"] = os.environ[ENV_DISCOVERY_URL]
    if os.environ.get(ENV_REDIRECT_URI):
        overrides["redirect_uri"] = os.environ[ENV_REDIRECT_URI]
    if overrides:
        keys = AppKeys(keys.client_id, keys.client_secret,
                       overrides.get("environment", keys.environment),
                       overrides.get("redirect_uri", keys.redirect_uri), keys.origin)
    return keys


ENVIRONMENTS = ("production", "sandbox")


@dataclass(frozen=True)
class StoredKeys:
    """What the keyring holds of the user's own Intuit app, without the secret itself."""

    client_id: str
    environment: str
    redirect_uri: str
    has_secret: bool


def default_redirect_uri() -> str:
    """The redirect to register on a user's own app: the relay page this build was published
    with, else the development keys' localhost address."""
    return relay_page_address() or DEFAULT_REDIRECT_URI


def stored_app_keys() -> StoredKeys | None:
    """The user's own keys as kept by "Use my own Intuit app keys", or None."""
    client_id = secrets.get(KEY_CLIENT_ID, secret=False)
    if not client_id:
        return None
    return StoredKeys(client_id, secrets.get(KEY_ENVIRONMENT, secret=False) or "production",
                      secrets.get(KEY_REDIRECT_URI, secret=False) or default_redirect_uri(),
                      bool(secrets.get(KEY_CLIENT_SECRET)))


def app_keys_problem(client_id: str, client_secret: str | None, environment: str,
                     redirect_uri: str) -> str | None:
    """The sentence saying what is wrong with keys about to be kept, or None.

    `client_secret` None keeps the secret already stored (there must be one).
    """
    if not client_id.strip():
        return _(texts.KEYS_NEED_ID)
    if client_secret is not None and not client_secret.strip():
        return _(texts.KEYS_NEED_SECRET)
    address = redirect_uri.strip()
    parts = urlsplit(address)
    if not parts.hostname or not (parts.scheme == "https" or is_loopback_redirect(address)):
        return _(texts.KEYS_NEED_ADDRESS)
    if environment == "production" and parts.scheme != "https":
        return _(texts.KEYS_PRODUCTION_NEEDS_HTTPS).format(address=address)
    return None


def store_app_keys(client_id: str, client_secret: str | None, environment: str = "production",
                   redirect_uri: str | None = None) -> None:
    """Keep the user's own Intuit app keys ("Use my own Intuit app keys"); NoKeyring if none.

    `client_secret` None keeps the stored one; `redirect_uri` None: the default for this build.
    """
    env = environment.strip().lower() or "production"
    if env not in ENVIRONMENTS:
        raise ValueError(f"environment must be one of {ENVIRONMENTS}")
    address = (redirect_uri or "").strip() or default_redirect_uri()
    secret = client_secret.strip() if client_secret is not None else None
    if secret is None and not secrets.get(KEY_CLIENT_SECRET):
        secret = ""
    problem = app_keys_problem(client_id, secret, env, address)
    if problem:
        raise BadInput(problem)
    if secret is not None:
        secrets.put(KEY_CLIENT_SECRET, secret)
    secrets.put(KEY_CLIENT_ID, client_id.strip(), secret=False)
    secrets.put(KEY_ENVIRONMENT, env, secret=False)
    secrets.put(KEY_REDIRECT_URI, address, secret=False)
    log.info("the user's own Intuit app keys were saved (%s)", env)


def clear_app_keys() -> None:
    for name in (KEY_CLIENT_ID, KEY_CLIENT_SECRET, KEY_ENVIRONMENT, KEY_REDIRECT_URI):
        secrets.delete(name)
    log.info("the user's own Intuit app keys were removed")
