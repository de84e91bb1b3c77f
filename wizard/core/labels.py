"""The kind of each name finding, shared by the wizard's tables and the report, so a screenshot
and a printed report say the same thing (the words are in `wizard.text.status`). Each kind has a
tone; the wizard and the report turn tones into colours and icons (never colour alone).
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Literal

from wizard.core.status import Status

if TYPE_CHECKING:
    from wizard.core.result import Finding

Tone = Literal["good", "near", "bad", "warn", "info", "neutral"]


class Tag(StrEnum):
    """A name row's kind; its word (`wizard.text.status.tag_word`), colour and icon follow
    from it. The values are codes, never shown."""

    MATCHED = "matched"
    NEAR = "near"
    MISSING = "missing"
    INACTIVE = "inactive"
    VENDOR = "vendor"
    WRONG_PARENT = "wrong_parent"
    NOT_SUB = "not_sub"
    ONLY_SUB = "only_sub"
    NAME_TAKEN = "name_taken"
    COLON = "colon"
    CLIENT_FIRST = "client_first"
    PENDING = "pending"
    QBO_ONLY = "qbo_only"
    QBO_ONLY_INACTIVE = "qbo_only_inactive"
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


def tag_for(finding: Finding) -> Tag:
    tag = TAG_OF_CODE.get(finding.code)
    if tag is not None:
        return tag
    return Tag.OK if finding.status in (Status.PASS, Status.INFO) else Tag.PROBLEM


TONE_OF_TAG: dict[Tag, Tone] = {
    Tag.MATCHED: "good", Tag.OK: "good", Tag.NEAR: "near", Tag.MISSING: "bad",
    Tag.INACTIVE: "bad", Tag.VENDOR: "bad", Tag.WRONG_PARENT: "bad", Tag.NOT_SUB: "bad",
    Tag.ONLY_SUB: "warn", Tag.NAME_TAKEN: "bad", Tag.COLON: "bad", Tag.CLIENT_FIRST: "bad",
    Tag.PENDING: "warn", Tag.QBO_ONLY: "neutral", Tag.QBO_ONLY_INACTIVE: "neutral",
    Tag.PROBLEM: "bad",
}
