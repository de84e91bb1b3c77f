"""intuit-oauth, with a timeout and without leaking its request.

intuit-oauth sets no timeout and fetches its discovery document in the constructor, so the
client is a `TimedAuthClient` and is only built on a worker thread (`SignIn.start`, refreshes).
`AuthClientError` keeps the request that carried the client secret and refresh token: only its
status, parsed `error` and `intuit_tid` are ever logged.
"""

from __future__ import annotations

import json
import logging
from typing import Any

import requests
from intuitlib.client import AuthClient
from intuitlib.exceptions import AuthClientError

from wizard.core.errors import QboUnreachable
from wizard.sources.intuit.app_keys import AppKeys

log = logging.getLogger(__name__)

HTTP_TIMEOUT_S = 30


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
