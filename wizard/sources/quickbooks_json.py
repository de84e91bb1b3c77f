"""QuickBooks Online API responses → core records, for live answers and the sample company.

Shapes are in the QuickBooks reference (§5–§8): `QueryResponse` envelopes whose entity key is
missing when nothing matched, `NameValue` lists of strings, customers nested with `ParentRef`
and `FullyQualifiedName`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, NamedTuple

import msgspec

from wizard.core import deleted
from wizard.core.errors import MalformedData
from wizard.core.model import CompanyInfo, Customer, NameRecord, Preferences

WHAT = "QuickBooks"


def _obj(value: Any) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise MalformedData(WHAT)
    return value


def _bool(value: Any) -> bool | None:
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        low = value.strip().lower()
        if low == "true":
            return True
        if low == "false":
            return False
    return None


def name_values(items: Any) -> dict[str, str]:
    out: dict[str, str] = {}
    if not isinstance(items, list):
        return out
    for item in items:
        if isinstance(item, Mapping) and isinstance(item.get("Name"), str):
            value = item.get("Value")
            out[item["Name"]] = value if isinstance(value, str) else str(value)
    return out


def parse_company_info(body: Any) -> CompanyInfo:
    info = _obj(_obj(body).get("CompanyInfo"))
    nv = name_values(info.get("NameValue"))
    # Intuit documents a SubscriptionStatus attribute; samples carry a NameValue: read both.
    status = nv.get("SubscriptionStatus") or info.get("SubscriptionStatus")
    name = info.get("CompanyName")
    return CompanyInfo(
        company_name=name if isinstance(name, str) and name else None,
        offering_sku=nv.get("OfferingSku") or None,
        payroll=_bool(nv.get("PayrollFeature")),
        subscription_status=status if isinstance(status, str) and status else None)


def parse_preferences(body: Any) -> Preferences:
    prefs = _obj(_obj(body).get("Preferences"))
    other = prefs.get("OtherPrefs")
    nv = name_values(other.get("NameValue")) if isinstance(other, Mapping) else {}
    accounting = prefs.get("AccountingInfoPrefs")
    close = None
    if isinstance(accounting, Mapping) and isinstance(accounting.get("BookCloseDate"), str):
        try:
            close = dt.date.fromisoformat(accounting["BookCloseDate"][:10])
        except ValueError as exc:
            raise MalformedData(WHAT) from exc
    return Preferences(time_tracking_enabled=_bool(nv.get("TimeTrackingFeatureEnabled")),
                       book_close_date=close)


def query_rows(body: Any, entity: str) -> list[Mapping[str, Any]]:
    """The rows of one query page; no entity key means no rows."""
    response = _obj(body).get("QueryResponse")
    if response is None:
        raise MalformedData(WHAT)
    rows = _obj(response).get(entity, [])
    if not isinstance(rows, list):
        raise MalformedData(WHAT)
    return [_obj(r) for r in rows]


def query_count(body: Any) -> int:
    """`SELECT COUNT(*)` → `{"QueryResponse": {"totalCount": 42}}`."""
    response = _obj(_obj(body).get("QueryResponse"))
    count = response.get("totalCount")
    if not isinstance(count, int) or isinstance(count, bool) or count < 0:
        raise MalformedData(WHAT)
    return count


def _display_name(row: Mapping[str, Any]) -> str:
    name = row.get("DisplayName")
    if not isinstance(name, str):
        raise MalformedData(WHAT)
    return name


def _active(row: Mapping[str, Any]) -> bool:
    value = _bool(row.get("Active"))
    return True if value is None else value


def parse_name_records(rows: list[Mapping[str, Any]]) -> list[NameRecord]:
    """Employees or vendors; an inactive name's " (deleted)" is stripped (the record inactive)."""
    return [deleted.clean_record(NameRecord(
        id=str(r["Id"]) if r.get("Id") is not None else None, display_name=_display_name(r),
        active=_active(r))) for r in rows]


def parse_customers(rows: list[Mapping[str, Any]]) -> list[Customer]:
    """Customers of query pages; " (deleted)" stripped from the name and from every level of the
    path. The loop of a large company (tens of thousands): records are built in C."""
    return [_customer(r.get("DisplayName"), r.get("Id"), r.get("ParentRef"),
                      r.get("FullyQualifiedName"), r.get("Level"), r.get("Active"),
                      r.get("IsProject")) for r in rows]


def _customer(name: Any, record_id: Any, parent: Any, fqn: Any, level: Any, active: Any,
              is_project: Any) -> Customer:
    """One customer from its row's values, whichever way the row was decoded."""
    if not isinstance(name, str):
        raise MalformedData(WHAT)
    parent_id = parent.get("value") if isinstance(parent, Mapping) else None
    active = _bool(active)
    # tuple.__new__ builds the NamedTuple in C: Customer(…) goes through a Python-level __new__
    return deleted.clean_customer(tuple.__new__(Customer, (
        str(record_id) if record_id is not None else None, name,
        fqn if isinstance(fqn, str) and fqn else name,
        str(parent_id) if parent_id is not None else None,
        level if isinstance(level, int) else (1 if parent_id else 0),
        True if active is None else active, bool(_bool(is_project)), False)))


# --- a page of customers, decoded straight into typed rows -----------------------------------
#
# A large company has tens of thousands of customers, 1000 a page. A plain page (nothing at its
# top but `QueryResponse` and `time`) is decoded by msgspec straight into these structs, which
# skips every field the checks never read, in half the time of decoding it to dictionaries first.
# Any other answer (a fault under any spelling of its key, an error, another encoding, a shape
# these structs refuse) is left to the general way: `answer_of`, `query_rows`, `parse_customers`.
# A row must have a name (a string), as `_customer` demands; its other values keep their JSON
# types (`Any`) and are judged by `_customer` as before. So once a page has decoded, building
# its records can't fail, and its length says whether it was full: the client asks the next
# page before it builds this one's records (`QuickBooksClient.query_all`).

class _CustomerRow(msgspec.Struct, gc=False):
    DisplayName: str
    Id: Any = None
    FullyQualifiedName: Any = None
    ParentRef: Any = None
    Level: Any = None
    Active: Any = None
    IsProject: Any = None


class _CustomerList(msgspec.Struct, gc=False):
    Customer: list[_CustomerRow] = msgspec.field(default_factory=list)


class _CustomerPage(msgspec.Struct, gc=False, forbid_unknown_fields=True):
    QueryResponse: _CustomerList
    time: Any = None


_CUSTOMER_PAGE = msgspec.json.Decoder(_CustomerPage)


class ParsedPage(NamedTuple):
    """A query page of customers decoded into rows (see `decode_customer_page`)."""

    rows: list[_CustomerRow]

    @property
    def records(self) -> list[Customer]:
        """The rows' records, built on each access (about 1 ms for 1000 rows); can't fail."""
        return [_customer(r.DisplayName, r.Id, r.ParentRef, r.FullyQualifiedName, r.Level,
                          r.Active, r.IsProject) for r in self.rows]


def decode_customer_page(raw: bytes) -> ParsedPage | None:
    """A plain page of customers, each with a name, straight from its bytes; None for any other
    answer (a customer without a name too), which is then read the general way."""
    try:
        page = _CUSTOMER_PAGE.decode(raw)
    except (msgspec.DecodeError, msgspec.ValidationError):
        return None
    return ParsedPage(page.QueryResponse.Customer)


# --- faults (reference §10) ----------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Fault:
    """The first error of a QuickBooks fault. `detail` is free text: log `code`, never it."""

    code: str | None
    type: str | None
    message: str | None
    detail: str | None


def _get_ci(obj: Mapping[str, Any], key: str) -> Any:
    """Service faults spell keys `Fault`/`Error`/`Message`, gateway faults `fault`/`error`…"""
    if key in obj:
        return obj[key]
    low = key.lower()
    for k, v in obj.items():
        if isinstance(k, str) and k.lower() == low:
            return v
    return None


def _text(value: Any) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return None


def parse_fault(body: Any) -> Fault | None:
    """The fault in a decoded answer (either shape, any key case), or None if it has none."""
    if not isinstance(body, Mapping):
        return None
    fault = _get_ci(body, "Fault")
    if not isinstance(fault, Mapping):
        return None
    errors = _get_ci(fault, "Error")
    first = errors[0] if isinstance(errors, list) and errors else errors
    first = first if isinstance(first, Mapping) else {}
    return Fault(code=_text(_get_ci(first, "code")), type=_text(_get_ci(fault, "type")),
                 message=_text(_get_ci(first, "Message")), detail=_text(_get_ci(first, "Detail")))
