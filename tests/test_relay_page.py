"""The sign-in relay page (relay/index.html) as a file: its Content-Security-Policy allows exactly
its own inline script and style, by their hashes, and nothing anywhere else.

Editing the script or the style without updating the policy fails here (and the browser would
refuse to run it: tests/sources/test_intuit_relay_browser.py). `python3 build/relay_csp.py`
updates the hashes.
"""

from __future__ import annotations

import base64
import hashlib
from html.parser import HTMLParser

from tests.fakes.relay_page import PAGE


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self._inside: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag in ("script", "style"):
            self._inside = tag
            (self.scripts if tag == "script" else self.styles).append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == self._inside:
            self._inside = None

    def handle_data(self, data: str) -> None:
        if self._inside == "script":
            self.scripts[-1] += data
        elif self._inside == "style":
            self.styles[-1] += data


def _parse() -> _Page:
    page = _Page()
    page.feed(PAGE.read_text(encoding="utf-8"))
    page.close()
    return page


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def _policy(page: _Page) -> dict[str, list[str]]:
    metas = [a for t, a in page.tags
             if t == "meta" and (a.get("http-equiv") or "").lower() == "content-security-policy"]
    assert len(metas) == 1
    directives = {}
    for part in (metas[0].get("content") or "").split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives


def test_the_policy_allows_exactly_the_pages_own_script_and_style() -> None:
    page = _parse()
    assert len(page.scripts) == 1
    assert len(page.styles) == 1
    policy = _policy(page)
    assert policy == {"default-src": ["'none'"],
                      "script-src": [_sha256(page.scripts[0])],
                      "style-src": [_sha256(page.styles[0])],
                      "img-src": ["data:"],
                      "base-uri": ["'none'"],
                      "form-action": ["'none'"]}, (
        "relay/index.html: its policy does not match its script and style; run "
        "`python3 build/relay_csp.py` after editing them")


def test_the_page_loads_nothing_from_anywhere() -> None:
    page = _parse()
    for tag, attrs in page.tags:
        assert tag not in ("iframe", "object", "embed", "img", "form", "base"), tag
        assert "style" not in attrs, f"inline style attribute on <{tag}> (needs unsafe-hashes)"
        assert not any(name.startswith("on") for name in attrs), f"event attribute on <{tag}>"
        for name in ("src", "href", "action", "srcset", "poster", "data"):
            value = attrs.get(name)
            assert value is None or value.startswith(("data:", "#")), f"<{tag} {name}={value}>"
    assert [t for t, a in page.tags if t == "script" and "src" in a] == []
    assert ("meta", {"name": "referrer", "content": "no-referrer"}) in page.tags


def test_the_script_forwards_only_to_the_loopback_callback() -> None:
    script = _parse().scripts[0]
    assert "location.replace(\"http://127.0.0.1:\" + number + \"/callback?\"" in script
    assert script.count("http") == 1  # no other address anywhere in the script
    for call in ("fetch(", "XMLHttpRequest", "sendBeacon", "WebSocket", "import(", "eval(",
                 "innerHTML", "document.write"):
        assert call not in script, call
    assert "number >= 1 && number <= 65535" in script
