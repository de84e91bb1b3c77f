"""Puts the hashes of relay/index.html's inline script and style into its Content-Security-Policy.

Run it after editing the page's <script> or <style> (tests/test_relay_page.py fails until
the policy matches):
    python3 build/relay_csp.py
Only the standard library: the page has no build step, this only keeps its policy honest.
"""

from __future__ import annotations

import base64
import hashlib
import re
import sys
from pathlib import Path

PAGE = Path(__file__).resolve().parent.parent / "relay" / "index.html"


def digest(text: str) -> str:
    """A CSP source for an inline element's exact text."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def main() -> int:
    html = PAGE.read_text(encoding="utf-8")
    sources = {}
    for tag in ("script", "style"):
        bodies = re.findall(rf"<{tag}>(.*?)</{tag}>", html, flags=re.DOTALL)
        if len(bodies) != 1:
            raise SystemExit(f"{PAGE} must hold exactly one inline <{tag}>, found {len(bodies)}")
        sources[tag] = digest(bodies[0])
    updated = re.sub(r"script-src '[^;]*';", f"script-src {sources['script']};", html, count=1)
    updated = re.sub(r"style-src '[^;]*';", f"style-src {sources['style']};", updated, count=1)
    if updated != html:
        PAGE.write_text(updated, encoding="utf-8")
    print(f"script-src {sources['script']}; style-src {sources['style']}")  # noqa: T201
    return 0


if __name__ == "__main__":
    sys.exit(main())
