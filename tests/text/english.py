"""Finds English words of the app's own in text shown under the pseudo-language.

Every letter of a pseudo-translated sentence is accented, so a plain ASCII word of three or
more letters is either a name from the user's data (the sample company's: allowed), a product
or format name that is the same in every language, a code (upper case), an address, a
command the user types — or a sentence that missed the catalogue.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from typing import Any

WORD = re.compile(r"[A-Za-z][A-Za-z'’]{2,}")
# names that are the same in every language (and format names); upper-case codes pass anyway
SAME_IN_EVERY_LANGUAGE = {"Clockify", "QuickBooks", "Intuit", "Sync", "Checkup", "Online",
                          "Essentials", "Plus", "Advanced", "Simple", "Start", "EasyStart",
                          "Excel", "Python"}


def names_in(result: Any) -> list[str]:
    """Every name from the user's data in a run: what the report and the screen may show as
    it is (subjects, matches, suggestions, QuickBooks lists, facts, entries)."""
    out: list[str] = []
    for f in result.findings:
        out += [f.subject, f.client or "", f.match or "", f.suggestion or ""]
    for table in (result.tables.employees, result.tables.vendors, result.tables.customers):
        out += [name for name, _active in table]
    out += [*result.facts.values(), result.version]
    if result.entries is not None:
        for item in result.entries.items:
            out += [item.user or "", item.client or "", item.project or ""]
    return out


def names_in_json(payload: dict[str, Any]) -> list[str]:
    out: list[str] = []
    for f in payload.get("findings", []):
        out += [str(f.get(k) or "") for k in ("subject", "client", "match", "suggestion")]
    out += [str(v) for v in (payload.get("facts") or {}).values()]
    out.append(str(payload.get("version", "")))
    for item in (payload.get("entries") or {}).get("items", []):
        out += [str(item.get(k) or "") for k in ("user", "client", "project")]
    return out


def sample_company_names() -> list[str]:
    """The sample company's workspace and company names (in sentences, not in JSON fields)."""
    from wizard.sources import demo

    clockify, quickbooks = demo.clockify_side().data, demo.quickbooks_side().data
    return [clockify.workspace_name if clockify else "",
            quickbooks.company.company_name if quickbooks else ""]


def english_words(text: str, names: Iterable[str]) -> list[str]:
    allowed = set(SAME_IN_EVERY_LANGUAGE)
    for name in names:
        allowed.update(WORD.findall(name))
    text = re.sub(r"\S+@\S+|https?://\S+|`[^`]*`", " ", html.unescape(text))
    return sorted({w for w in WORD.findall(text) if w not in allowed and not w.isupper()})
