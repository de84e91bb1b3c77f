"""QuickBooks' ` (deleted)` suffix (SPEC §3.6): inactive names may carry it, at every level of the
customer hierarchy, in the API and in exports. Records are compared and named without it, and a
record that carries it is inactive whatever else its source says.

Pure and idempotent: the QuickBooks client applies it while parsing, and the checks apply it
again to whatever source they are given (export files, the sample company).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from wizard.core.model import Customer, NameRecord

SUFFIX = " (deleted)"


def marked(name: str) -> bool:
    """Whether `name` carries the suffix after a name of its own (" (deleted)" alone is a name)."""
    return len(name) > len(SUFFIX) and name.endswith(SUFFIX)


def strip(name: str) -> str:
    """The name without one trailing ` (deleted)`."""
    return name[: -len(SUFFIX)] if marked(name) else name


def strip_path(fully_qualified_name: str) -> str:
    """`Parent (deleted):Child (deleted)` → `Parent:Child`: each level of the path."""
    return ":".join(strip(part) for part in fully_qualified_name.split(":"))


def clean_record(record: NameRecord) -> NameRecord:
    if not marked(record.display_name):
        return record
    return dataclasses.replace(record, display_name=strip(record.display_name), active=False,
                               named_deleted=True)


def clean_records(records: Iterable[NameRecord]) -> tuple[NameRecord, ...]:
    return tuple(clean_record(r) for r in records)


def clean_customer(customer: Customer) -> Customer:
    if SUFFIX not in customer.fully_qualified_name and SUFFIX not in customer.display_name:
        return customer  # most: no name carries it (two C searches, no split, no call)
    own = marked(customer.display_name) or marked(customer.fully_qualified_name)
    path = strip_path(customer.fully_qualified_name)
    if not own and path == customer.fully_qualified_name:
        return customer
    return customer._replace(
        display_name=strip(customer.display_name), fully_qualified_name=path,
        active=customer.active and not own, named_deleted=customer.named_deleted or own)


def clean_customers(customers: Iterable[Customer]) -> tuple[Customer, ...]:
    return tuple(clean_customer(c) for c in customers)
