"""The web pages a finding or a listed entry carries, and where each side's web app is.

Plain values, below both `result` (which holds them) and `links` (which builds them from a
finding), so neither of those has to import the other.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import msgspec


class Links(msgspec.Struct, frozen=True, gc=False):
    """One finding's (or entry's) web pages: None where no page is known or the side has none.
    A Struct, as `Finding` is: a large company's run makes one per finding."""

    clockify: str | None = None
    quickbooks: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"clockify": self.clockify, "quickbooks": self.quickbooks}


NO_LINKS = Links()


@dataclass(frozen=True, slots=True)
class WebPlaces:
    """Where each side's web app is, as the sources found it (None: files or the sample)."""

    clockify: str | None = None  # e.g. https://app.clockify.me, https://euc1.clockify.me
    workspace_id: str | None = None
    quickbooks: str | None = None  # e.g. https://app.qbo.intuit.com
