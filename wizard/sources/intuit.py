"""Sign in with Intuit and the QuickBooks tokens: intuit-oauth, the loopback redirect, the keyring.

Why it looks like this (QuickBooks reference §2–§3):
- intuit-oauth sets no timeout and fetches its discovery document in the constructor, so the
  client is a `TimedAuthClient` and is only built on a worker thread (`SignIn.start`, refreshes).
- Refresh tokens rotate: the new one goes to the keyring before anything else happens, and only
  one refresh runs at a time (parallel refreshes would invalidate each other).
- `AuthClientError` keeps the request that carried the client secret and refresh token: only its
  status, parsed `error` and `intuit_tid` are ever logged.
- Development keys may redirect to `http://localhost:<port>/callback` (caught by a one-shot
  listener on that fixed port). Production keys need an https address: the sign-in relay page
  (SPEC §10, relay/index.html). For it, each sign-in listens on the IPv4 loopback on a free port
  and puts that port at the head of `state` (`<port>.<random>`); the page forwards the browser to
  `http://127.0.0.1:<port>/callback`. Where that can't happen, the user pastes the address the
  browser landed on (`complete_from_pasted`), the relay page's or the forwarded one.
"""

from __future__ import annotations

import contextlib
import html
import http.server
import json
import logging
import os
import secrets as pysecrets
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol
from urllib.parse import parse_qsl, urlsplit

import requests
from intuitlib.client import AuthClient
from intuitlib.enums import Scopes
from intuitlib.exceptions import AuthClientError

from wizard.core.errors import (
    BadInput,
    Cancelled,
    IntuitKeysMissing,
    NoKeyring,
    QboReconnectNeeded,
    QboUnreachable,
    SignInFailed,
)
from wizard.redact import register_secret
from wizard.resources import resource_path
from wizard.storage import secrets
from wizard.text import N_, _
from wizard.text import signin as texts

log = logging.getLogger(__name__)

ENV_CLIENT_ID = "SYNC_CHECKUP_INTUIT_CLIENT_ID"
ENV_CLIENT_SECRET = "SYNC_CHECKUP_INTUIT_CLIENT_SECRET"
ENV_DISCOVERY_URL = "SYNC_CHECKUP_INTUIT_DISCOVERY_URL"
ENV_REDIRECT_URI = "SYNC_CHECKUP_INTUIT_REDIRECT_URI"
ENV_REALM = "SYNC_CHECKUP_QBO_REALM_ID"
ENV_ACCESS = "SYNC_CHECKUP_QBO_ACCESS_TOKEN"
ENV_REFRESH = "SYNC_CHECKUP_QBO_REFRESH_TOKEN"

APP_FILE = "intuit_app.json"
DEFAULT_REDIRECT_URI = "http://localhost:8765/callback"
RELAY_CALLBACK_PATH = "/callback"  # where the relay page sends the browser on the loopback
HTTP_TIMEOUT_S = 30
EXPIRY_MARGIN_S = 120  # refresh a little before Intuit's hour is up

KEY_REALM = secrets.QBO_CURRENT_REALM
KEY_CLIENT_ID = "intuit-client-id"
KEY_CLIENT_SECRET = "intuit-client-secret"
KEY_ENVIRONMENT = "intuit-environment"
KEY_REDIRECT_URI = "intuit-redirect-uri"


key_refresh = secrets.qbo_refresh_entry
key_access = secrets.qbo_access_entry
key_company = secrets.qbo_company_entry


# --- the Intuit app's keys -----------------------------------------------------------------------

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


# --- intuit-oauth, with a timeout and without leaking its request ------------------------------

class TimedAuthClient(AuthClient):  # type: ignore[misc]
    """intuit-oauth never sets a timeout; every call here (discovery included) gets one."""

    timeout_s: float = HTTP_TIMEOUT_S

    def request(self, method: str | bytes, url: str | bytes, *args: Any,
                **kwargs: Any) -> requests.Response:
        kwargs.setdefault("timeout", self.timeout_s)
        return super().request(method, url, *args, **kwargs)


def oauth_error(exc: AuthClientError) -> str | None:
    """The `error` member of a failed token call's body (`invalid_grant`…), or None."""
    try:
        body = json.loads(exc.content or b"")
    except (ValueError, TypeError):
        return None
    error = body.get("error") if isinstance(body, dict) else None
    return error if isinstance(error, str) else None


def log_auth_error(what: str, exc: AuthClientError) -> None:
    """Status, parsed `error` and `intuit_tid` only: the exception holds the secret's request."""
    log.warning("%s failed: HTTP %s, error=%s, intuit_tid=%s", what, exc.status_code,
                oauth_error(exc), exc.intuit_tid)


def make_auth_client(keys: AppKeys, *, refresh_token: str | None = None,
                     access_token: str | None = None, realm_id: str | None = None,
                     redirect_uri: str | None = None) -> TimedAuthClient:
    """Build the client (fetches the discovery document: call it off the GUI thread)."""
    try:
        return TimedAuthClient(keys.client_id, keys.client_secret,
                               redirect_uri or keys.redirect_uri, keys.environment,
                               access_token=access_token, refresh_token=refresh_token,
                               realm_id=realm_id)
    except AuthClientError as exc:
        log_auth_error("fetching Intuit's discovery document", exc)
        raise QboUnreachable from None
    except (requests.RequestException, KeyError, ValueError) as exc:
        log.warning("fetching Intuit's discovery document failed: %s", type(exc).__name__)
        raise QboUnreachable from None


# --- tokens --------------------------------------------------------------------------------------

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
            expires = self._clock() + _seconds(getattr(client, "expires_in", None))
            # The old refresh token may already be dead: the new one is kept before anything else.
            self._refresh_token = new_refresh or self._refresh_token
            if self.persist:
                save_tokens(self.realm_id, self._refresh_token, new_access, expires)
            self._access_token, self._expires_at = new_access, expires
            self.refreshes += 1
            log.info("QuickBooks sign-in refreshed")
            return new_access


def _seconds(value: Any) -> float:
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


# --- the callback --------------------------------------------------------------------------------

CALLBACK_KEYS = ("code", "state", "realmId", "error")


def parse_callback(text: str) -> dict[str, str]:
    """`code`, `state`, `realmId`, `error` from a pasted address or bare query, leniently.

    Accepts the whole URL, the part after `?`, surrounding spaces, quotes or angle brackets, and
    any case of the parameter names. Raises SignInFailed if no code and no error is in it.
    """
    cleaned = "".join(text.split()) if isinstance(text, str) else ""
    cleaned = cleaned.strip("\"'<>")
    if "?" in cleaned:
        cleaned = cleaned.split("?", 1)[1]
    elif "://" in cleaned:
        cleaned = urlsplit(cleaned).fragment
    cleaned = cleaned.replace("#", "&").lstrip("&")
    wanted = {k.lower(): k for k in CALLBACK_KEYS}
    wanted["realm_id"] = "realmId"
    found: dict[str, str] = {}
    for name, value in parse_qsl(cleaned, keep_blank_values=False):
        key = wanted.get(name.strip().lower())
        if key and key not in found and value.strip():
            found[key] = value.strip()
    if "error" not in found and not ("code" in found and "realmId" in found):
        raise SignInFailed(SignInFailed.UNREADABLE)
    return found


class _Listener(http.server.HTTPServer):
    """One loopback socket; the first request to the callback path ends its job."""

    allow_reuse_address = False

    def __init__(self, address: tuple[str, int], family: socket.AddressFamily, path: str,
                 on_params: Callable[[dict[str, str]], None],
                 state_ok: Callable[[str], bool]) -> None:
        self.address_family = family
        self.callback_path = path
        self.on_params = on_params
        self.state_ok = state_ok
        super().__init__(address, _CallbackHandler)


# What the browser shows once the answer reached the app: the relay page's look, nothing loaded
# from anywhere (the empty icon keeps the browser from asking this one-shot listener for one).
_ANSWER_PAGE = """<!doctype html><html lang=en><meta charset=utf-8>
<meta name=viewport content="width=device-width, initial-scale=1"><link rel=icon href="data:,">
<title>Sync Checkup</title><style>
body {{ margin: 0; background: #eef1f5; color: #1d2330;
  font: 17px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }}
header {{ padding: 18px 20px; color: #fff; font-size: 20px; font-weight: 600;
  background: linear-gradient(135deg, #2f80ed, #1b4fa8); }}
main {{ max-width: 40em; margin: 24px auto; padding: 4px 22px 12px; background: #fff;
  border: 1px solid #c9d1dc; border-radius: 12px; }}
h1 {{ font-size: 24px; line-height: 1.3; }} p {{ color: #4b5566; }}
</style><header>Sync Checkup</header><main><h1>{title}</h1><p>{text}</p></main></html>
"""


class _CallbackHandler(http.server.BaseHTTPRequestHandler):
    server: _Listener

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        if parts.path != self.server.callback_path:
            self.send_error(404)
            return
        params = dict(parse_qsl(parts.query))
        done = "code" in params or "error" in params
        accepted = done and self.server.state_ok(params.get("state", ""))
        if not done:
            title, text = _(texts.CALLBACK_TITLE_IDLE), _(texts.CALLBACK_BODY_IDLE)
        elif accepted:
            title, text = _(texts.CALLBACK_TITLE_DONE), _(texts.CALLBACK_BODY_DONE)
        else:
            title, text = _(texts.CALLBACK_TITLE_REFUSED), _(texts.CALLBACK_BODY_REFUSED)
        body = _ANSWER_PAGE.format(title=html.escape(title), text=html.escape(text)).encode()
        self.send_response(200 if accepted else 400)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(body)
        if done:
            self.server.on_params(params)

    def log_message(self, format: str, *args: Any) -> None:
        """The query carries the authorisation code: never logged."""


class SignIn:
    """One "Sign in with Intuit": start → (wait | complete_from_pasted) → close.

    `start()` and the completion calls do network I/O: run them off the GUI thread. After a
    successful completion the refresh token, access token and current company are in the keyring
    and `tokens` is ready to use.

    The listener: for a development-keys redirect (`http://localhost:<port>/…`) on that fixed
    port, IPv4 and IPv6; for any other redirect (the relay page) on the IPv4 loopback on a free
    port, which `state` then starts with. Either way it takes one answer and stops.
    """

    def __init__(self, keys: AppKeys | None = None, *, redirect_uri: str | None = None,
                 listen: bool = True) -> None:
        self._keys = keys
        self._redirect_uri = redirect_uri
        self._listen = listen
        self._state: str | None = None
        self._client: TimedAuthClient | None = None
        self._servers: list[_Listener] = []
        self._threads: list[threading.Thread] = []
        self._params: dict[str, str] | None = None
        self._arrived = threading.Event()
        self._closed = threading.Event()
        self._used = False
        self.tokens: Tokens | None = None

    @property
    def redirect_uri(self) -> str:
        keys = self._keys
        return self._redirect_uri or (keys.redirect_uri if keys else DEFAULT_REDIRECT_URI)

    @property
    def listening(self) -> bool:
        """Whether the loopback listener is catching the redirect (else: paste the address)."""
        return bool(self._servers)

    @property
    def listener_port(self) -> int | None:
        """The IPv4 loopback port the answer is expected on, while listening."""
        ports = [s.server_address[1] for s in self._servers
                 if s.address_family == socket.AF_INET]
        return int(ports[0]) if ports else None

    def start(self) -> str:
        """The authorisation URL to open in the browser; starts the listener when it can."""
        if self._keys is None:
            self._keys = load_app_keys()
        self._client = make_auth_client(self._keys, redirect_uri=self.redirect_uri)
        port = self._start_listener() if self._listen else None
        token = pysecrets.token_urlsafe(32)
        # the relay page reads the port from here; a token_urlsafe value never holds a dot
        self._state = f"{port}.{token}" if port else token
        url: str = self._client.get_authorization_url([Scopes.ACCOUNTING],
                                                      state_token=self._state)
        return url

    def _start_listener(self) -> int | None:
        """Listen for the browser's answer; the IPv4 port, or None (then: paste the address)."""
        if is_loopback_redirect(self.redirect_uri):
            parts = urlsplit(self.redirect_uri)
            port, path = parts.port or 80, parts.path or "/"
            addresses = (("127.0.0.1", socket.AF_INET), ("::1", socket.AF_INET6))
        else:
            port, path = 0, RELAY_CALLBACK_PATH  # any free port: the state carries it
            addresses = (("127.0.0.1", socket.AF_INET),)
        for host, family in addresses:
            try:
                server = _Listener((host, port), family, path, self._on_params,
                                   self._state_matches)
            except OSError as exc:
                log.info("loopback listener on %s port %s unavailable: %s", host, port,
                         type(exc).__name__)
                continue
            port = port or server.server_address[1]
            server.timeout = 0.5
            thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.2},
                                      name=f"intuit-callback-{host}", daemon=True)
            thread.start()
            self._servers.append(server)
            self._threads.append(thread)
        if self.listener_port is None:
            # IPv4 is what "localhost" needs most; without it, the paste fallback is safer.
            self._stop_listener()
            log.info("port %s is busy: the sign-in falls back to pasting the address", port)
        return self.listener_port

    def _state_matches(self, state: str) -> bool:
        """Constant-time comparison with the state this sign-in sent."""
        expected = self._state
        return expected is not None and pysecrets.compare_digest(state.encode(),
                                                                 expected.encode())

    def _on_params(self, params: dict[str, str]) -> None:
        if not self._arrived.is_set():
            self._params = params
            self._arrived.set()
        # single use: stop listening from another thread (shutdown would deadlock in here)
        threading.Thread(target=self._stop_listener, daemon=True).start()

    def _stop_listener(self) -> None:
        servers, self._servers = self._servers, []
        for server in servers:
            server.shutdown()
            server.server_close()

    def wait(self, timeout_s: float = 300, cancel: Any = None) -> str:
        """Block until the browser comes back to the listener; the company's realm id.

        Ends with Cancelled when `cancel` is cancelled or the sign-in is closed meanwhile (for
        instance because the pasted address finished it), SignInFailed after `timeout_s`.
        """
        if self._client is None:
            raise RuntimeError("start() first")
        deadline = time.monotonic() + timeout_s
        while not self._arrived.wait(0.2):
            if self._closed.is_set() or (cancel is not None
                                         and getattr(cancel, "cancelled", False)):
                self.close()
                raise Cancelled
            if time.monotonic() > deadline:
                self.close()
                raise SignInFailed(SignInFailed.TIMED_OUT)
        assert self._params is not None
        return self._finish(self._params)

    def complete_from_pasted(self, text: str) -> str:
        """Finish with the address the browser landed on: the relay page's, the forwarded
        `http://127.0.0.1:<port>/callback?…` one, or a development redirect's."""
        if self._client is None:
            raise RuntimeError("start() first")
        return self._finish(parse_callback(text))

    def _finish(self, params: dict[str, str]) -> str:
        assert self._client is not None
        assert self._state is not None
        if self._used:
            raise SignInFailed(SignInFailed.REJECTED)
        if not self._state_matches(params.get("state") or ""):
            log.warning("Intuit sign-in answer with a wrong state was refused")
            raise SignInFailed(SignInFailed.FORGED)
        error = params.get("error")
        if error:
            log.info("Intuit sign-in ended with error=%s", error[:40])
            self._used = True
            self.close()
            raise SignInFailed(SignInFailed.CANCELLED if error == "access_denied"
                               else SignInFailed.DENIED)
        code, realm = params.get("code"), params.get("realmId")
        if not code or not realm:
            raise SignInFailed(SignInFailed.UNREADABLE)
        register_secret(code)
        self._used = True
        self._stop_listener()
        try:
            self._client.get_bearer_token(code, realm_id=realm)
        except AuthClientError as exc:
            log_auth_error("exchanging the Intuit sign-in code", exc)
            if oauth_error(exc) == "invalid_client" or exc.status_code == 401:
                raise SignInFailed(SignInFailed.BAD_KEYS) from None
            if exc.status_code == 400:
                raise SignInFailed(SignInFailed.REJECTED) from None
            raise QboUnreachable(QboUnreachable.SERVER) from None
        except requests.RequestException as exc:
            log.warning("exchanging the Intuit sign-in code failed: %s", type(exc).__name__)
            raise QboUnreachable from None
        refresh, access = self._client.refresh_token, self._client.access_token
        if not isinstance(refresh, str) or not refresh or not isinstance(access, str):
            raise QboUnreachable(QboUnreachable.GARBLED)
        register_secret(refresh)
        register_secret(access)
        expires = time.time() + _seconds(getattr(self._client, "expires_in", None))
        try:
            save_tokens(realm, refresh, access, expires)
            secrets.put(KEY_REALM, realm, secret=False)
        except NoKeyring:
            self._revoke_quietly(refresh)
            raise
        self.tokens = Tokens(realm, refresh_token=refresh, access_token=access,
                             expires_at=expires, keys_loader=lambda: self._keys)  # type: ignore
        log.info("signed in to QuickBooks")
        return realm

    def _revoke_quietly(self, token: str) -> None:
        """Nothing can be kept: don't leave a live sign-in behind at Intuit either."""
        assert self._client is not None
        try:
            self._client.revoke(token=token)
        except (AuthClientError, requests.RequestException):
            log.warning("could not revoke the sign-in that could not be stored")

    def close(self) -> None:
        self._closed.set()
        self._stop_listener()
        if self._client is not None:
            self._client.close()
