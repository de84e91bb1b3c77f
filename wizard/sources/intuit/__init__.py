"""Sign in with Intuit and the QuickBooks tokens: intuit-oauth, the loopback redirect, the keyring.

By job (QuickBooks reference §2–§3), each module saying why it looks as it does:
- `app_keys`: the Intuit app this copy signs in as (environment, the user's own, the build's);
- `oauth`: intuit-oauth with a timeout, its failures logged without the request they carry;
- `tokens`: a company's sign-in, refreshed one at a time, kept in the keyring;
- `callback`: the one-shot loopback listener the browser comes back to, and pasted addresses;
- `signin`: one "Sign in with Intuit", from the authorisation address to stored tokens.

This package's names are what the rest of the app uses (`intuit.SignIn`, `intuit.Tokens`…).
"""

from __future__ import annotations

from wizard.sources.intuit.app_keys import (
    APP_FILE,
    DEFAULT_REDIRECT_URI,
    ENV_CLIENT_ID,
    ENV_CLIENT_SECRET,
    ENV_DISCOVERY_URL,
    ENV_REDIRECT_URI,
    ENVIRONMENTS,
    KEY_CLIENT_ID,
    KEY_CLIENT_SECRET,
    KEY_ENVIRONMENT,
    KEY_REDIRECT_URI,
    AppKeys,
    StoredKeys,
    app_keys_problem,
    clear_app_keys,
    default_redirect_uri,
    is_loopback_redirect,
    load_app_keys,
    relay_page_address,
    store_app_keys,
    stored_app_keys,
)
from wizard.sources.intuit.callback import CALLBACK_KEYS, RELAY_CALLBACK_PATH, parse_callback
from wizard.sources.intuit.oauth import TimedAuthClient, make_auth_client, oauth_error
from wizard.sources.intuit.signin import SignIn
from wizard.sources.intuit.tokens import (
    ENV_ACCESS,
    ENV_REALM,
    ENV_REFRESH,
    KEY_REALM,
    FixedToken,
    Tokens,
    TokenSource,
    current_realm,
    forget,
    key_access,
    key_company,
    key_refresh,
    revoke_and_forget,
    save_tokens,
)

__all__ = [
    "APP_FILE", "CALLBACK_KEYS", "DEFAULT_REDIRECT_URI", "ENVIRONMENTS", "ENV_ACCESS",
    "ENV_CLIENT_ID", "ENV_CLIENT_SECRET", "ENV_DISCOVERY_URL", "ENV_REALM", "ENV_REDIRECT_URI",
    "ENV_REFRESH", "KEY_CLIENT_ID", "KEY_CLIENT_SECRET", "KEY_ENVIRONMENT", "KEY_REALM",
    "KEY_REDIRECT_URI", "RELAY_CALLBACK_PATH", "AppKeys", "FixedToken", "SignIn", "StoredKeys",
    "TimedAuthClient", "TokenSource", "Tokens", "app_keys_problem", "clear_app_keys",
    "current_realm", "default_redirect_uri", "forget", "is_loopback_redirect", "key_access",
    "key_company", "key_refresh", "load_app_keys", "make_auth_client", "oauth_error",
    "parse_callback", "relay_page_address", "revoke_and_forget", "save_tokens",
    "store_app_keys", "stored_app_keys",
]
