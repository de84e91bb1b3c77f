"""Where the browser comes back after "Sign in with Intuit": a one-shot loopback listener that
shows a calm page and hands over the answer, and the lenient reading of a pasted address.
"""

from __future__ import annotations

import html
import http.server
import socket
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from wizard.core.errors import SignInFailed
from wizard.text import _
from wizard.text import signin as texts

RELAY_CALLBACK_PATH = "/callback"  # where the relay page sends the browser on the loopback
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


class Listener(http.server.HTTPServer):
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
    server: Listener

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
