"""Property tests for what the app parses from outside: QuickBooks answers (any JSON gives the
parser's own type or MalformedData; valid answers are read field for field), faults, and the
address a user pastes after signing in."""

from __future__ import annotations

import datetime as dt
import json
import string
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

import pytest
import requests
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wizard.core import deleted
from wizard.core.errors import MalformedData, SignInFailed
from wizard.core.model import CompanyInfo, Customer, NameRecord, Preferences
from wizard.sources import quickbooks_http
from wizard.sources import quickbooks_json as qj
from wizard.sources.intuit import parse_callback

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                max_size=4),
    max_leaves=20)
KEYS = st.sampled_from(["Fault", "fault", "FAULT", "Error", "error", "code", "Code", "type",
                        "Message", "message", "Detail", "detail", "CompanyInfo", "Preferences",
                        "QueryResponse", "Customer", "Employee", "DisplayName", "Active",
                        "NameValue", "Name", "Value", "ParentRef", "value", "Level",
                        "FullyQualifiedName", "AccountingInfoPrefs", "BookCloseDate",
                        "OtherPrefs", "Id"])
SHAPED = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(KEYS, inner, max_size=5),
    max_leaves=30)


def _all_of(kind: type) -> Callable[[Any], bool]:
    return lambda value: isinstance(value, list) and all(isinstance(v, kind) for v in value)


# each parser, and what it gives back when it does not raise MalformedData
PARSERS: list[tuple[Callable[[Any], Any], Callable[[Any], bool]]] = [
    (qj.parse_company_info, lambda v: isinstance(v, CompanyInfo)),
    (qj.parse_preferences, lambda v: isinstance(v, Preferences)),
    (lambda b: qj.parse_customers(qj.query_rows(b, "Customer")), _all_of(Customer)),
    (lambda b: qj.parse_name_records(qj.query_rows(b, "Employee")), _all_of(NameRecord)),
]


@given(SHAPED | JSON)
def test_quickbooks_parsers_only_ever_say_malformed(body: Any) -> None:
    for parse, gives in PARSERS:
        try:
            parsed = parse(body)
        except MalformedData as exc:
            refusal = exc
        else:
            assert gives(parsed), (parse, parsed)
            if isinstance(parsed, list):
                assert all(isinstance(r.display_name, str) for r in parsed)
            continue
        # the one clear sentence, naming QuickBooks
        assert (refusal.what, str(refusal)) == (
            "QuickBooks", "QuickBooks sent an answer this app can't read.")


# generated data, not timing, is under test: a busy machine must not fail these
VALID = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Valid answers, as QuickBooks sends them: each must be read, field for field.
_names = st.text(alphabet=st.characters(exclude_characters=":", exclude_categories=("Cs",)),
                 min_size=1, max_size=20)


@st.composite
def customer_rows(draw: st.DrawFn) -> list[dict[str, Any]]:
    """Top-level customers, each with sub-customers under it now and then."""
    rows: list[dict[str, Any]] = []
    for i in range(draw(st.integers(0, 5))):
        name, active = draw(_names), draw(st.sampled_from([True, False, "true", "false"]))
        rows.append({"Id": str(i * 10 + 1), "DisplayName": name, "FullyQualifiedName": name,
                     "Active": active, "Job": False})
        for j in range(draw(st.integers(0, 2))):
            sub = draw(_names)
            rows.append({"Id": str(i * 10 + 2 + j), "DisplayName": sub, "Active": True,
                         "FullyQualifiedName": f"{name}:{sub}", "Level": 1, "Job": True,
                         "ParentRef": {"value": str(i * 10 + 1)},
                         "IsProject": draw(st.booleans())})
    return rows


@VALID
@given(customer_rows())
def test_valid_customers_are_read_with_their_parents(rows: list[dict[str, Any]]) -> None:
    body = {"QueryResponse": {"Customer": rows, "startPosition": 1, "maxResults": len(rows)},
            "time": "2026-11-24T10:00:00.000-08:00"}
    customers = qj.parse_customers(qj.query_rows(body, "Customer"))
    assert customers == [Customer(
        id=r["Id"], display_name=r["DisplayName"], fully_qualified_name=r["FullyQualifiedName"],
        parent_id=r["ParentRef"]["value"] if "ParentRef" in r else None,
        level=r.get("Level", 0), active=str(r["Active"]).lower() == "true",
        is_project=r.get("IsProject", False)) for r in rows]


@VALID
@given(name=_names, sku=st.sampled_from(["QuickBooks Online Plus", "QuickBooks Online Advanced",
                                         "QuickBooks Online Essentials"]),
       payroll=st.booleans(), status=st.sampled_from(["PAID", "TRIAL", "SUBSCRIBED"]))
def test_valid_company_info_is_read(name: str, sku: str, payroll: bool, status: str) -> None:
    body = {"CompanyInfo": {"CompanyName": name, "NameValue": [
        {"Name": "OfferingSku", "Value": sku},
        {"Name": "PayrollFeature", "Value": str(payroll).lower()},
        {"Name": "SubscriptionStatus", "Value": status}]}}
    assert qj.parse_company_info(body) == CompanyInfo(name, sku, payroll, status)


@VALID
@given(enabled=st.booleans(), close=st.dates(dt.date(2000, 1, 1), dt.date(2100, 1, 1)) | st.none())
def test_valid_preferences_are_read(enabled: bool, close: dt.date | None) -> None:
    prefs: dict[str, Any] = {"OtherPrefs": {"NameValue": [
        {"Name": "TimeTrackingFeatureEnabled", "Value": str(enabled).lower()}]}}
    if close is not None:
        prefs["AccountingInfoPrefs"] = {"BookCloseDate": close.isoformat()}
    assert qj.parse_preferences({"Preferences": prefs}) == Preferences(enabled, close)


@given(SHAPED | JSON)
def test_fault_parser_never_raises(body: Any) -> None:
    fault = qj.parse_fault(body)
    assert fault is None or all(v is None or isinstance(v, str)
                                for v in (fault.code, fault.type, fault.message, fault.detail))


@given(code=st.from_regex(r"[0-9]{1,6}", fullmatch=True), upper=st.booleans(),
       status_type=st.sampled_from(["AUTHENTICATION", "SERVICE", "ValidationFault"]))
def test_both_fault_shapes_give_the_code(code: str, upper: bool, status_type: str) -> None:
    if upper:
        body = {"Fault": {"Error": [{"Message": "m", "Detail": "d", "code": code}],
                          "type": status_type}}
    else:
        body = {"warnings": None, "fault": {"error": [{"message": "m", "detail": "d",
                                                       "code": code, "element": None}],
                                            "type": status_type}, "time": 1795543500000}
    fault = qj.parse_fault(body)
    assert fault is not None
    assert (fault.code, fault.type) == (code, status_type)


@given(st.lists(st.fixed_dictionaries({
    "Id": st.integers(1, 10_000).map(str),
    "DisplayName": st.text(min_size=1, max_size=20),
    "Active": st.sampled_from([True, False, "true", "false", "True"])}), max_size=20))
def test_name_records_keep_every_row_and_its_activity(rows: list[dict[str, Any]]) -> None:
    records = qj.parse_name_records(qj.query_rows({"QueryResponse": {"Vendor": rows}}, "Vendor"))
    # every row kept, in order; a name's own " (deleted)" is stripped and makes it inactive
    assert [r.display_name for r in records] == [deleted.strip(r["DisplayName"]) for r in rows]
    assert [r.active for r in records] == [str(r["Active"]).lower() == "true"
                                           and not deleted.marked(r["DisplayName"])
                                           for r in rows]
    assert all(r.display_name for r in records)


def test_a_name_that_is_only_the_deleted_suffix_stays_a_name() -> None:
    rows = [{"Id": "1", "DisplayName": " (deleted)", "Active": True},
            {"Id": "2", "DisplayName": "Jon Smith (deleted)", "Active": False}]
    records = qj.parse_name_records(qj.query_rows({"QueryResponse": {"Vendor": rows}}, "Vendor"))
    assert [(r.display_name, r.active) for r in records] == [(" (deleted)", True),
                                                              ("Jon Smith", False)]


VALUE = st.text(alphabet=string.ascii_letters + string.digits + "-_.~", min_size=1, max_size=60)


@given(code=VALUE, state=VALUE, realm=st.from_regex(r"[0-9]{4,19}", fullmatch=True),
       host=st.sampled_from(["https://example.com/intuit/done",
                             "https://developer.intuit.com/v2/OAuth2Playground/RedirectUrl",
                             "http://localhost:8765/callback"]),
       wrap=st.sampled_from(["{}", " {} ", "\n{}\n", "<{}>", '"{}"', "{}#", "{}&extra=1"]),
       bare=st.booleans())
def test_pasted_address_gives_back_what_intuit_sent(code: str, state: str, realm: str,
                                                    host: str, wrap: str, bare: bool) -> None:
    query = urlencode({"code": code, "state": state, "realmId": realm})
    text = wrap.format(query if bare else f"{host}?{query}")
    found = parse_callback(text)
    assert (found["code"], found["state"], found["realmId"]) == (code, state, realm)


@given(st.text(max_size=200))
def test_pasted_garbage_is_one_sentence(text: str) -> None:
    message, found = "", {}
    try:
        found = parse_callback(text)
    except SignInFailed as exc:
        message = str(exc)
    assert message in ("", SignInFailed.UNREADABLE)
    assert not found or "error" in found or {"code", "realmId"} <= set(found)


def test_pasted_cancel_is_recognised() -> None:
    found = parse_callback("https://example.com/done?error=access_denied&state=abc")
    assert found["error"] == "access_denied"


@pytest.mark.parametrize("text", ["", "   ", "https://example.com/done", "code=&realmId=1",
                                  "hello world", "realmId=123"])
def test_pasted_text_without_an_answer(text: str) -> None:
    with pytest.raises(SignInFailed):
        parse_callback(text)


# --- a page of customers read straight from its bytes, or else the general way ------------------

_MALFORMED = "malformed"


def _general(body: Any) -> Any:
    """How the client reads a customers page without the typed decoder."""
    try:
        return qj.parse_customers(qj.query_rows(body, "Customer"))
    except MalformedData:
        return _MALFORMED


def _typed(raw: bytes) -> Any:
    try:
        page = qj.decode_customer_page(raw)
    except MalformedData:
        return _MALFORMED
    return None if page is None else page.records


_page_keys = st.sampled_from(["QueryResponse", "time", "Fault", "fault", "FAULT", "Customer",
                              "startPosition", "maxResults", "DisplayName", "Id", "Active",
                              "ParentRef", "value", "Level", "IsProject", "FullyQualifiedName"])
_PAGE_SHAPED = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_page_keys, inner, max_size=5),
    max_leaves=30)


@VALID
@given(_PAGE_SHAPED | SHAPED | JSON)
def test_a_customers_page_read_straight_from_its_bytes_reads_as_the_general_way(
        body: Any) -> None:
    """Whatever the answer, the typed decoder either leaves it to the general way (None) or
    gives exactly what the general way gives, refusals included; never for a fault."""
    typed = _typed(json.dumps(body).encode())
    if typed is None:
        return
    assert qj.parse_fault(body) is None
    assert typed == _general(body)


@VALID
@given(customer_rows(), st.booleans())
def test_a_plain_page_of_customers_is_read_straight_from_its_bytes(
        rows: list[dict[str, Any]], with_time: bool) -> None:
    body: dict[str, Any] = {"QueryResponse": {"Customer": rows, "startPosition": 1,
                                              "maxResults": len(rows)}}
    if with_time:
        body["time"] = "2026-11-24T10:00:00.000-08:00"
    assert _typed(json.dumps(body).encode()) == _general(body)
    assert qj.decode_customer_page(json.dumps({"QueryResponse": {}}).encode()) == ([],)


@pytest.mark.parametrize("key", ["Fault", "fault", "FAULT", "Error", "warnings"])
def test_an_answer_with_more_than_a_page_at_its_top_is_left_to_the_general_way(key: str) -> None:
    body = {"QueryResponse": {"Customer": [{"Id": "1", "DisplayName": "Acme"}]},
            key: {"Error": [{"code": "3200", "Message": "x"}]}}
    assert qj.decode_customer_page(json.dumps(body).encode()) is None


# --- " (deleted)" at every level (SPEC §3.6, issue 11) -----------------------------------------

def test_api_customers_lose_deleted_at_every_level_and_stay_inactive() -> None:
    rows = [{"Id": "1", "DisplayName": "Contoso", "FullyQualifiedName": "Contoso",
             "Active": True},
            {"Id": "2", "DisplayName": "Trey Research (deleted)", "Active": False, "Job": True,
             "FullyQualifiedName": "Contoso:Trey Research (deleted)", "Level": 1,
             "ParentRef": {"value": "1"}},
            {"Id": "3", "DisplayName": "Phase 2 (deleted)", "Active": False, "Job": True,
             "FullyQualifiedName": "Contoso:Trey Research (deleted):Phase 2 (deleted)",
             "Level": 2, "ParentRef": {"value": "2"}}]
    parsed = qj.parse_customers(rows)
    assert [(c.display_name, c.fully_qualified_name, c.active, c.named_deleted)
            for c in parsed] == [
        ("Contoso", "Contoso", True, False),
        ("Trey Research", "Contoso:Trey Research", False, True),
        ("Phase 2", "Contoso:Trey Research:Phase 2", False, True)]
    employees = qj.parse_name_records([{"Id": "9", "DisplayName": "Ravi Shah (deleted)",
                                        "Active": False}])
    assert [(e.display_name, e.active, e.named_deleted) for e in employees] == [
        ("Ravi Shah", False, True)]


_segment = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters=":"),
                   min_size=1, max_size=12).filter(lambda s: not s.endswith(" (deleted)"))


@given(st.lists(st.tuples(_segment, st.booleans()), min_size=1, max_size=5), st.booleans())
def test_parsed_customer_paths_never_keep_deleted(parts: list[tuple[str, bool]],
                                                  active: bool) -> None:
    path = ":".join(name + (" (deleted)" if dead else "") for name, dead in parts)
    leaf = path.rpartition(":")[2]
    (customer,) = qj.parse_customers([{"Id": "1", "DisplayName": leaf,
                                       "FullyQualifiedName": path, "Active": active}])
    assert customer.fully_qualified_name.split(":") == [name for name, _ in parts]
    assert customer.display_name == parts[-1][0]
    assert customer.active == (active and not parts[-1][1])
    assert customer.named_deleted == parts[-1][1]


# --- the answer's body: msgspec first, requests' decoding for what msgspec refuses ---------------

def _answer(raw: bytes) -> requests.Response:
    response = requests.Response()
    response.status_code = 200
    response.headers["Content-Type"] = "application/json"
    response._content = raw
    return response


def _as_requests_reads_it(raw: bytes) -> Any:
    """How the body was decoded before msgspec (None where requests can't)."""
    try:
        return _answer(raw).json()
    except ValueError:
        return None


def _same(a: Any, b: Any) -> bool:
    return json.dumps(a, sort_keys=True) == json.dumps(b, sort_keys=True)  # NaN == NaN too


_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20)


@given(_json_values, st.sampled_from(["utf-8", "utf-16", "utf-32"]), st.booleans())
def test_an_answer_decodes_as_before(value: Any, encoding: str, ascii_only: bool) -> None:
    raw = json.dumps(value, ensure_ascii=ascii_only).encode(encoding, "surrogatepass")
    answer = quickbooks_http.answer_of(_answer(raw))
    assert _same(answer.body, _as_requests_reads_it(raw))
    if encoding == "utf-8":
        assert _same(answer.body, value)


@given(st.binary(max_size=64))
def test_an_answer_that_is_not_json_decodes_as_before(raw: bytes) -> None:
    answer = quickbooks_http.answer_of(_answer(raw))
    before = _as_requests_reads_it(raw)
    assert _same(answer.body, before)
    assert answer.ok == (before is not None and qj.parse_fault(before) is None)
