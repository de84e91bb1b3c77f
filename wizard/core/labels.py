"""The status word of each name finding, shared by the wizard's tables and the report, so a
screenshot and a printed report say the same thing. Each word has a tone; the wizard and the
report turn tones into colours and icons (never colour alone).
"""

from __future__ import annotations

from enum import StrEnum
from typing import Literal

from wizard.core.result import Finding, Status

Tone = Literal["good", "near", "bad", "warn", "info", "neutral"]


class Tag(StrEnum):
    """The word shown next to a row's icon; colour and icon follow from it."""

    MATCHED = "matched"
    NEAR = "near match"
    MISSING = "missing"
    INACTIVE = "inactive"
    VENDOR = "vendor"
    WRONG_PARENT = "wrong parent"
    NOT_SUB = "not a sub-customer"
    ONLY_SUB = "only a sub-customer"
    NAME_TAKEN = "name taken"
    COLON = "colon in name"
    CLIENT_FIRST = "fix client first"
    PENDING = "invite pending"
    QBO_ONLY = "only in QuickBooks"
    PROBLEM = "problem"
    OK = "ok"


TAG_OF_CODE: dict[str, Tag] = {
    "USER_MATCHED": Tag.MATCHED, "CLIENT_MATCHED": Tag.MATCHED, "PROJECT_MATCHED": Tag.MATCHED,
    "USER_NEAR_MATCH": Tag.NEAR, "CLIENT_NEAR_MATCH": Tag.NEAR, "PROJECT_NEAR_MATCH": Tag.NEAR,
    "USER_NOT_IN_QBO": Tag.MISSING, "CLIENT_NOT_IN_QBO": Tag.MISSING,
    "PROJECT_NOT_IN_QBO": Tag.MISSING,
    "EMPLOYEE_INACTIVE": Tag.INACTIVE, "CUSTOMER_INACTIVE": Tag.INACTIVE,
    "USER_IS_VENDOR": Tag.VENDOR,
    "PROJECT_WRONG_PARENT": Tag.WRONG_PARENT,
    "PROJECT_NOT_SUBCUSTOMER": Tag.NOT_SUB,
    "PROJECT_IS_SUBCUSTOMER": Tag.ONLY_SUB,
    "NAME_TAKEN_IN_QBO": Tag.NAME_TAKEN,
    "NAME_HAS_COLON": Tag.COLON,
    "PROJECT_CLIENT_UNMATCHED": Tag.CLIENT_FIRST,
    "USER_PENDING": Tag.PENDING,
}

# what the legend says about each word
TAG_MEANING: dict[Tag, str] = {
    Tag.MATCHED: "identical on both sides",
    Tag.NEAR: "close, but not identical — shown with the difference highlighted",
    Tag.MISSING: "not in QuickBooks",
    Tag.INACTIVE: "exists in QuickBooks but is inactive",
    Tag.VENDOR: "set up in QuickBooks as a vendor, not an employee",
    Tag.WRONG_PARENT: "the sub-customer is under another customer",
    Tag.NOT_SUB: "in QuickBooks a customer of its own, not a sub-customer",
    Tag.ONLY_SUB: "in QuickBooks only a sub-customer",
    Tag.NAME_TAKEN: "the name is used by an employee or vendor",
    Tag.COLON: "the name has a colon, which QuickBooks forbids",
    Tag.CLIENT_FIRST: "its client doesn't match yet",
    Tag.PENDING: "hasn't accepted the Clockify invitation",
    Tag.QBO_ONLY: "only in QuickBooks (no Clockify name uses it)",
}


def tag_for(finding: Finding) -> Tag:
    tag = TAG_OF_CODE.get(finding.code)
    if tag is not None:
        return tag
    return Tag.OK if finding.status in (Status.PASS, Status.INFO) else Tag.PROBLEM


TONE_OF_TAG: dict[Tag, Tone] = {
    Tag.MATCHED: "good", Tag.OK: "good", Tag.NEAR: "near", Tag.MISSING: "bad",
    Tag.INACTIVE: "bad", Tag.VENDOR: "bad", Tag.WRONG_PARENT: "bad", Tag.NOT_SUB: "bad",
    Tag.ONLY_SUB: "warn", Tag.NAME_TAKEN: "bad", Tag.COLON: "bad", Tag.CLIENT_FIRST: "bad",
    Tag.PENDING: "warn", Tag.QBO_ONLY: "neutral", Tag.PROBLEM: "bad",
}
