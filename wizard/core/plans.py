"""QuickBooks Online plan names and subscription states (SPEC §3.1, reference §6)."""

from __future__ import annotations

import re
from enum import Enum

from wizard.text import _


class PlanVerdict(Enum):
    SUPPORTED = "supported"
    UNSUPPORTED = "unsupported"
    ADVANCED = "advanced"
    UNKNOWN = "unknown"


_PREFIX = re.compile(r"^\s*(intuit\s+)?(quickbooks|qbo)(\s+online)?\s*", re.IGNORECASE)

# (pattern on the plan name without the "QuickBooks Online" prefix, verdict, display name)
_PLANS: tuple[tuple[re.Pattern[str], PlanVerdict, str], ...] = (
    (re.compile(r"self[\s-]*employed", re.I), PlanVerdict.UNSUPPORTED, "Self-Employed"),
    (re.compile(r"simple\s*start", re.I), PlanVerdict.UNSUPPORTED, "Simple Start"),
    (re.compile(r"easy\s*start", re.I), PlanVerdict.UNSUPPORTED, "EasyStart"),
    (re.compile(r"ledger", re.I), PlanVerdict.UNSUPPORTED, "Ledger"),
    (re.compile(r"solopreneur", re.I), PlanVerdict.UNSUPPORTED, "Solopreneur"),
    (re.compile(r"advanced", re.I), PlanVerdict.ADVANCED, "Advanced"),
    (re.compile(r"essentials", re.I), PlanVerdict.SUPPORTED, "Essentials"),
    (re.compile(r"plus", re.I), PlanVerdict.SUPPORTED, "Plus"),
)

# the names `check --plan` accepts, as the user would type them
PLAN_CHOICES = ("simple start", "easystart", "essentials", "plus", "advanced")

_ACTIVE = {"PAID", "SUBSCRIBED", "TRIAL", "TRIALOPTIN", "ACTIVE"}
_INACTIVE = {"EXPIRED", "SUSPENDED", "RESTRICTED", "CANCELED", "CANCELLED", "READONLY",
             "READ_ONLY", "INACTIVE", "DELETED", "CLOSED"}


def classify_plan(raw: str | None) -> tuple[PlanVerdict, str]:
    """The verdict for a plan name and how to show it; unknown names never raise."""
    if raw is None or not raw.strip():
        return PlanVerdict.UNKNOWN, _("QuickBooks plan not known")
    rest = _PREFIX.sub("", raw).strip()
    for pattern, verdict, display in _PLANS:
        if pattern.search(rest):
            return verdict, f"QuickBooks Online {display}"
    return PlanVerdict.UNKNOWN, raw.strip()


def plan_from_choice(text: str) -> str | None:
    """The OfferingSku-style name for what a user typed (`--plan`), or None if unrecognised."""
    verdict, display = classify_plan(text)
    if verdict is PlanVerdict.UNKNOWN:
        return None
    return display


def subscription_active(status: str | None) -> bool | None:
    """True/False for known states, None for anything else (never a failure)."""
    if status is None:
        return None
    key = status.strip().upper().replace(" ", "_").replace("-", "_")
    if key in _ACTIVE:
        return True
    if key in _INACTIVE:
        return False
    return None
