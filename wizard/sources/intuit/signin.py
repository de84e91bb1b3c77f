"""One "Sign in with Intuit", from the authorisation address to tokens in the keyring.

Development keys may redirect to `http://localhost:<port>/callback` (caught by a one-shot
listener on that fixed port). Production keys need an https address: the sign-in relay page
(SPEC §10, relay/index.html). For it, each sign-in listens on the IPv4 loopback on a free port
and puts that port at the head of `state` (`<port>.<random>`); the page forwards the browser to
`http://127.0.0.1:<port>/callback`. Where that can't happen, the user pastes the address the
browser landed on (`complete_from_pasted`), the relay page's or the forwarded one.
"""

from __future__ import annotations

import logging
import secrets as pysecrets
import socket
import threading
import time
from typing import Any
from urllib.parse import urlsplit

import requests
from intuitlib.enums import Scopes
from intuitlib.exceptions import AuthClientError

from wizard.core.errors import Cancelled, NoKeyring, QboUnreachable, SignInFailed
from wizard.redact import register_secret
from wizard.sources.intuit.app_keys import (
    DEFAULT_REDIRECT_URI,
    AppKeys,
    is_loopback_redirect,
    load_app_keys,
)
from wizard.sources.intuit.callback import RELAY_CALLBACK_PATH, Listener, parse_callback
from wizard.sources.intuit.oauth import (
    TimedAuthClient,
    log_auth_error,
    make_auth_client,
    oauth_error,
)
from wizard.sources.intuit.tokens import KEY_REALM, Tokens, save_tokens, seconds_or_an_hour
from wizard.storage import secrets

log = logging.getLogger(__name__)

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
        self._servers: list[Listener] = []
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
                server = Listener((host, port), family, path, self._on_params,
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
        expires = time.time() + seconds_or_an_hour(getattr(self._client, "expires_in", None))
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
