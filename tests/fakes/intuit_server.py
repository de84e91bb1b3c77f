"""A loopback fake of Intuit's OAuth server, for the real intuit-oauth and a real browser.

Serves the discovery document, an authorise page that redirects straight to the app's callback
(as if the user had signed in and picked a company), the token endpoint (authorisation code and
refresh grants, rotating refresh tokens, `invalid_grant`) and revoke. Token answers carry no
`id_token`: intuit-oauth would try to validate it against a JWKS.

Also `MemoryKeyring`: a stand-in OS keyring for the tests that are not about the keyring itself.
"""

from __future__ import annotations

import base64
import itertools
import json
import secrets
import threading
import time
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

import keyring.backend
import keyring.errors

from tests.fakes.loopback import FakeHandler, LoopbackServer

CLIENT_ID = "fake-client-id-0001"
CLIENT_SECRET = "fake-client-secret-5b8f0c1d9e"
REALM = "9130350000000001"


@dataclass
class Grant:
    realm: str
    refresh: str
    access: str
    access_expires: float
    superseded: set[str] = field(default_factory=set)


class FakeIntuit(LoopbackServer):
    """Start with `with FakeIntuit() as intuit:`; `intuit.discovery_url` goes to the app.

    Knobs: `redirect_uris` (registered), `deny` (the user clicks Cancel), `realm` (the company
    picked), `access_lifetime`, `old_refresh_valid` (False: a superseded refresh token dies at
    once — stricter than Intuit's ~24 h), `fail_token` (HTTP status for the next token calls),
    `fail_revoke`.
    """

    def __init__(self, redirect_uris: tuple[str, ...] = ()) -> None:
        self.redirect_uris = set(redirect_uris)
        self.client_id = CLIENT_ID
        self.client_secret = CLIENT_SECRET
        self.realm = REALM
        self.deny = False
        self.access_lifetime = 3600
        self.old_refresh_valid = False
        self.fail_token: list[int] = []
        self.fail_revoke = False
        self.codes: dict[str, tuple[str, str]] = {}  # code -> (realm, redirect_uri)
        self.grants: list[Grant] = []
        self.revoked: list[str] = []
        self.calls: list[str] = []  # grant types / endpoints, in order
        self._counter = itertools.count(1)
        self._lock = threading.Lock()
        super().__init__(_Handler)

    @property
    def discovery_url(self) -> str:
        return f"{self.url}/.well-known/openid_configuration"

    # --- tokens, as the QuickBooks fake asks about them ---
    def new_tokens(self, realm: str) -> Grant:
        n = next(self._counter)
        grant = Grant(realm=realm, refresh=f"AB11fakeRefresh{n:04d}{secrets.token_hex(12)}",
                      access=f"eyJfakeAccess{n:04d}.{secrets.token_hex(16)}",
                      access_expires=time.time() + self.access_lifetime)
        self.grants.append(grant)
        return grant

    def issue(self, realm: str | None = None) -> Grant:
        """Tokens as if someone had signed in earlier (for env-variable and keyring tests)."""
        with self._lock:
            return self.new_tokens(realm or self.realm)

    def access_ok(self, token: str, realm: str) -> bool:
        with self._lock:
            return any(g.access == token and g.realm == realm and g.access_expires > time.time()
                       for g in self.grants)

    def expire_access_tokens(self) -> None:
        with self._lock:
            for g in self.grants:
                g.access_expires = 0

    def live_refresh_tokens(self) -> list[str]:
        return [g.refresh for g in self.grants]

    # --- endpoints ---
    def discovery(self) -> dict[str, str]:
        return {"issuer": "https://oauth.platform.intuit.com/op/v1",
                "authorization_endpoint": f"{self.url}/connect/oauth2",
                "token_endpoint": f"{self.url}/oauth2/v1/tokens/bearer",
                "revocation_endpoint": f"{self.url}/v2/oauth2/tokens/revoke",
                "userinfo_endpoint": f"{self.url}/v1/openid_connect/userinfo",
                "jwks_uri": f"{self.url}/op/v1/jwks"}

    def authorise(self, query: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        redirect = query.get("redirect_uri", "")
        if (query.get("client_id") != self.client_id or redirect not in self.redirect_uris
                or query.get("response_type") != "code"
                or "com.intuit.quickbooks.accounting" not in query.get("scope", "").split()):
            return 400, {"Content-Type": "text/html"}, b"<h1>invalid request</h1>"
        params = {"state": query.get("state", "")}
        if self.deny:
            params["error"] = "access_denied"
        else:
            code = f"fakecode{secrets.token_hex(10)}"
            with self._lock:
                self.codes[code] = (self.realm, redirect)
            params |= {"code": code, "realmId": self.realm}
        return 302, {"Location": f"{redirect}?{urlencode(params)}"}, b""

    def token(self, headers: Any, form: dict[str, str]) -> tuple[int, dict[str, Any]]:
        self.calls.append(form.get("grant_type", "?"))
        if self.fail_token:
            return self.fail_token.pop(0), {"error": "server_error"}
        expected = base64.b64encode(f"{self.client_id}:{self.client_secret}".encode()).decode()
        if headers.get("Authorization") != f"Basic {expected}":
            return 401, {"error": "invalid_client"}
        with self._lock:
            if form.get("grant_type") == "authorization_code":
                found = self.codes.pop(form.get("code", ""), None)
                if found is None or found[1] != form.get("redirect_uri"):
                    return 400, {"error": "invalid_grant"}
                grant = self.new_tokens(found[0])
            elif form.get("grant_type") == "refresh_token":
                old = form.get("refresh_token", "")
                current = [g for g in self.grants if g.refresh == old]
                stale = [g for g in self.grants if old in g.superseded]
                if current:
                    grant = current[0]
                elif stale and self.old_refresh_valid:
                    grant = stale[0]
                else:
                    return 400, {"error": "invalid_grant"}
                # rotation: a new refresh token every time, the old one superseded
                n = next(self._counter)
                grant.superseded.add(grant.refresh)
                grant.refresh = f"AB11fakeRefresh{n:04d}{secrets.token_hex(12)}"
                grant.access = f"eyJfakeAccess{n:04d}.{secrets.token_hex(16)}"
                grant.access_expires = time.time() + self.access_lifetime
            else:
                return 400, {"error": "unsupported_grant_type"}
            return 200, {"token_type": "bearer", "access_token": grant.access,
                         "expires_in": self.access_lifetime, "refresh_token": grant.refresh,
                         "x_refresh_token_expires_in": 8726400}

    def revoke(self, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        self.calls.append("revoke")
        if self.fail_revoke:
            return 503, {"error": "temporarily_unavailable"}
        token = body.get("token")
        with self._lock:
            keep = [g for g in self.grants if token not in (g.refresh, g.access)]
            if len(keep) == len(self.grants):
                return 400, {"error": "invalid_token"}
            self.grants = keep
            self.revoked.append(str(token))
        return 200, {}


class _Handler(FakeHandler):
    fake: FakeIntuit

    def _send(self, status: int, body: bytes, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("intuit_tid", f"1-fake-{secrets.token_hex(6)}")
        for k, v in (headers or {"Content-Type": "application/json"}).items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _body(self) -> bytes:
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        if parts.path == "/.well-known/openid_configuration":
            self._send(200, json.dumps(self.fake.discovery()).encode())
        elif parts.path == "/connect/oauth2":
            status, headers, body = self.fake.authorise(dict(parse_qsl(parts.query)))
            self._send(status, body, headers)
        else:
            self._send(404, b"{}")

    def do_POST(self) -> None:
        parts = urlsplit(self.path)
        raw = self._body()
        if parts.path == "/oauth2/v1/tokens/bearer":
            status, answer = self.fake.token(self.headers, dict(parse_qsl(raw.decode())))
        elif parts.path == "/v2/oauth2/tokens/revoke":
            try:
                body = json.loads(raw or b"{}")
            except ValueError:
                body = {}
            status, answer = self.fake.revoke(body if isinstance(body, dict) else {})
        else:
            status, answer = 404, {}
        self._send(status, json.dumps(answer).encode())

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the test output must not carry codes or tokens."""


class MemoryKeyring(keyring.backend.KeyringBackend):
    """An in-process keyring, so tests that aren't about the keyring never touch a real one."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.store.pop((service, username), None) is None:
            raise keyring.errors.PasswordDeleteError(username)
