"""Secrets and e-mail addresses taken out of text before it leaves the app.

Everything that writes text somewhere a person may read it — the log, run history, the fix
journal, the support report, the clipboard — passes it through `scrub`. Keys and tokens are
registered here the moment they are read (`register_secret`), so an exact secret is caught even
where no pattern would know it.

A leaf: it imports nothing of the app, so storage (which scrubs history and journals) sits
below logging, and every layer above may use it.
"""

from __future__ import annotations

import re

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
_ALLOWED_EMAIL = "support@clockify.me"
_BEARER = re.compile(r"(?i)(bearer|basic)\s+[\w.~+/=-]+")
_SECRETISH = re.compile(
    r"(?i)((?:api[-_]?key|x-api-key|token|secret|password|refresh_token|access_token|code)"
    r"[\"']?\s*[:=]\s*[\"']?)[^\s\"'&,}]+")
_LONG_TOKEN = re.compile(r"\b[A-Za-z0-9_\-]{32,}\b")
# export file names such as Clockify_Time_Report_Detailed_10_01_2026-10_31_2026: whole words
# and short numbers joined by _ or -, which no key or token looks like
_WORD = r"(?:[A-Z]?[a-z]{1,14}|[A-Z]{2,4}|\d{1,4})"
_WORDS = re.compile(rf"[A-Z]?[a-z]{{1,14}}(?:[_\-]{_WORD}){{3,}}")
_registered_secrets: set[str] = set()


def register_secret(value: str | None) -> None:
    """Make sure this exact value is never written out (keys, tokens, client secret)."""
    if value and len(value) >= 6:
        _registered_secrets.add(value)


def scrub(text: str) -> str:
    """Remove secrets and e-mail addresses from text bound for a log, report or clipboard."""
    for secret in sorted(_registered_secrets, key=len, reverse=True):
        text = text.replace(secret, "[secret]")
    text = _BEARER.sub(r"\1 [secret]", text)
    text = _SECRETISH.sub(r"\1[secret]", text)
    text = _EMAIL.sub(lambda m: m.group(0) if m.group(0).lower() == _ALLOWED_EMAIL
                      else "[e-mail]", text)
    return _LONG_TOKEN.sub(lambda m: m.group(0) if re.fullmatch(r"[0-9a-f]{24}", m.group(0))
                           or _WORDS.fullmatch(m.group(0)) or _is_intuit_tid(m)
                           else "[secret]", text)


def scrub_tree(value: object) -> object:
    """Every string in a JSON-like tree scrubbed (dicts and lists walked)."""
    if isinstance(value, str):
        return scrub(value)
    if isinstance(value, dict):
        return {k: scrub_tree(v) for k, v in value.items()}
    if isinstance(value, list):
        return [scrub_tree(v) for v in value]
    return value


def _is_intuit_tid(match: re.Match[str]) -> bool:
    """Intuit's transaction id (`intuit_tid 1-66e8…`) is what its support asks for: keep it."""
    return match.string[max(0, match.start() - 11):match.start()] in ("intuit_tid ",
                                                                      "intuit_tid=")
