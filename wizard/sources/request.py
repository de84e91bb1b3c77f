"""What a run is asked to read: which source for each side, the period, and the answers export
files can't give. Built by the wizard's flow and the command line, read by `gather`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from wizard.core.model import SourceKind

if TYPE_CHECKING:
    from wizard.storage.companies import Company


@dataclass(frozen=True)
class Manual:
    """What export files can't tell, as the user answered it (None = not answered)."""

    plan: str | None = None  # an OfferingSku-style name, e.g. "QuickBooks Online Plus"
    payroll: bool | None = None
    closing_date: dt.date | None = None
    closing_date_given: bool = False  # "no closing date" is an answer too


@dataclass(frozen=True)
class Request:
    clockify: SourceKind | None
    quickbooks: SourceKind | None
    period: tuple[dt.date, dt.date]
    clockify_files: tuple[Path, ...] = ()
    qbo_files: tuple[Path, ...] = ()
    manual: Manual = field(default_factory=Manual)
    company: Company | None = None  # a saved company: its own key and sign-in (SPEC §9)
