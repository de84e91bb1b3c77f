"""The sample company produces every finding code that can stand together, and every run's JSON
has the shape of SPEC §4."""

from __future__ import annotations

import datetime as dt
import json

import jsonschema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.core.builders import clockify, customers, employee, entry, member, quickbooks, run
from wizard.core.checks import default_period, run_checks
from wizard.core.model import Client, MembershipStatus, Project
from wizard.core.result import CHECK_IDS, Status
from wizard.sources import demo, sample

_STATUS = {"enum": ["pass", "info", "warn", "fail", "not_checked"]}
_NULLABLE_STR = {"type": ["string", "null"]}
_DATE = {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
SPEC_SCHEMA = {
    "type": "object",
    "required": ["tool", "schema", "version", "generated_at", "period", "sources", "checks",
                 "findings", "entries"],
    "properties": {
        "tool": {"const": "sync-checkup"},
        "schema": {"const": 1},
        "version": {"type": "string"},
        "generated_at": {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$"},
        "period": {"type": "object", "required": ["from", "to"],
                   "properties": {"from": _DATE, "to": _DATE}},
        "sources": {"type": "object", "required": ["clockify", "quickbooks"],
                    "properties": {k: {"enum": ["api", "file", "demo", None]}
                                   for k in ("clockify", "quickbooks")}},
        "checks": {"type": "array", "minItems": 5, "maxItems": 5, "items": {
            "type": "object", "required": ["id", "status", "title", "summary"],
            "properties": {"id": {"enum": list(CHECK_IDS)}, "status": _STATUS,
                           "title": {"type": "string", "minLength": 1},
                           "summary": {"type": "string", "minLength": 1}}}},
        "findings": {"type": "array", "items": {
            "type": "object",
            "required": ["code", "check", "status", "subject", "subject_kind", "match",
                         "message", "fix"],
            "properties": {
                "code": {"type": "string", "pattern": "^[A-Z_]+$"},
                "check": {"enum": list(CHECK_IDS)},
                "status": {"enum": ["pass", "info", "warn", "fail"]},
                "subject": {"type": "string"},
                "subject_kind": {"enum": ["user", "client", "project", "plan", "connection"]},
                "subject_id": _NULLABLE_STR, "client": _NULLABLE_STR, "match": _NULLABLE_STR,
                "near_kind": {"enum": [None, "unicode", "whitespace", "case", "punctuation",
                                       "accents", "word_order", "spelling"]},
                "suggestion": _NULLABLE_STR,
                "message": {"type": "string", "minLength": 10},
                "fix": {"type": "string", "minLength": 5}},
            "allOf": [{"if": {"properties": {"subject_kind": {"enum": ["user", "client",
                                                                       "project"]}}},
                       "then": {"required": ["subject_id"]}}]}},
        "entries": {"type": "object",
                    "required": ["total", "will_sync", "wont_sync", "by_reason", "items"],
                    "properties": {
                        "total": {"type": "integer", "minimum": 0},
                        "will_sync": {"type": "integer", "minimum": 0},
                        "wont_sync": {"type": "integer", "minimum": 0},
                        "by_reason": {"type": "object",
                                      "additionalProperties": {"type": "integer"}},
                        "items": {"type": "array", "items": {
                            "type": "object",
                            "required": ["id", "date", "user", "project", "client", "billable",
                                         "hours", "reasons"],
                            "properties": {"id": {"type": "string"}, "date": _DATE,
                                           "billable": {"type": "boolean"},
                                           "hours": {"type": ["number", "null"]},
                                           "reasons": {"type": "array", "minItems": 1}}}}}},
    },
}

ALL_USER_CODES = {"USER_PENDING", "USER_MATCHED", "EMPLOYEE_INACTIVE", "USER_IS_VENDOR",
                  "USER_NEAR_MATCH", "USER_NOT_IN_QBO"}
ALL_CUSTOMER_CODES = {"NAME_HAS_COLON", "PROJECT_CLIENT_UNMATCHED", "CLIENT_MATCHED",
                      "PROJECT_MATCHED", "CUSTOMER_INACTIVE", "PROJECT_WRONG_PARENT",
                      "PROJECT_NOT_SUBCUSTOMER", "PROJECT_IS_SUBCUSTOMER", "CLIENT_NEAR_MATCH",
                      "PROJECT_NEAR_MATCH", "NAME_TAKEN_IN_QBO", "CLIENT_NOT_IN_QBO",
                      "PROJECT_NOT_IN_QBO"}
ALL_REASONS = {"ENTRY_NOT_BILLABLE", "ENTRY_NO_PROJECT", "ENTRY_USER_UNMAPPED",
               "ENTRY_PROJECT_UNMAPPED", "ENTRY_RUNNING", "ENTRY_TOO_LONG", "ENTRY_BOOKS_CLOSED"}


def sample_result():
    info = sample.sample_info()
    return run_checks(demo.clockify_side(), demo.quickbooks_side(), default_period(info.today),
                      dt.datetime(2026, 11, 24, 18, tzinfo=dt.UTC), "0.0-test")


def test_sample_company_shows_every_code_that_can_stand_together() -> None:
    result = sample_result()
    found = {f.code for f in result.findings}
    assert found >= ALL_USER_CODES
    assert found >= ALL_CUSTOMER_CODES
    # one plan verdict, plus the plan codes that can accompany it
    assert {"PLAN_SUPPORTED", "TIME_TRACKING_OFF"} <= found
    # the sample is replayed through the real clients but is never "connected" (SPEC §3.5)
    assert {"CLOCKIFY_SAMPLE", "QBO_SAMPLE"} <= found
    assert not {"CLOCKIFY_CONNECTED", "QBO_CONNECTED"} & found
    assert set(result.entries.by_reason) == ALL_REASONS
    near_kinds = {f.near_kind for f in result.findings if f.near_kind}
    assert near_kinds == {"unicode", "whitespace", "case", "punctuation", "accents",
                          "word_order", "spelling"}


def test_sample_company_has_plenty_of_clean_matches() -> None:
    result = sample_result()
    passes = [f for f in result.findings if f.status is Status.PASS]
    assert len(passes) >= 15
    assert result.entries.will_sync >= result.entries.total // 3
    assert result.exit_code == 1


def test_sample_company_json_has_the_spec_shape() -> None:
    payload = json.loads(json.dumps(sample_result().to_json()))
    jsonschema.validate(payload, SPEC_SCHEMA)
    assert [c["id"] for c in payload["checks"]] == list(CHECK_IDS)
    assert payload["sources"] == {"clockify": "demo", "quickbooks": "demo"}
    for f in payload["findings"]:
        if f["subject_kind"] == "project":
            assert "client" in f


def test_sample_json_has_no_email_addresses() -> None:
    text = json.dumps(sample_result().to_json())
    assert "@" not in text


_name = st.lists(st.sampled_from(["Acme", "Corp", "Jon", "John", "Smith", "Café", "Cafe", ":",
                                  "&", "and", "  ", "O’Brien", "Lee"]),
                 min_size=1, max_size=3).map(" ".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(users=st.lists(st.tuples(st.one_of(st.none(), _name), st.sampled_from(MembershipStatus)),
                      max_size=5),
       employees=st.lists(st.tuples(_name, st.booleans()), max_size=5),
       tree=st.lists(st.tuples(_name, st.one_of(st.none(), _name), st.booleans()), max_size=6),
       projects=st.lists(st.tuples(_name, st.one_of(st.none(), _name)), max_size=6),
       hours=st.lists(st.one_of(st.none(), st.floats(0, 30)), max_size=6))
def test_any_company_gives_spec_shaped_json_and_one_finding_per_subject(
        users, employees, tree, projects, hours) -> None:
    members = [member(n, s) for n, s in users]
    qbo_paths: list[str] = []
    inactive = []
    for leaf, parent, active in tree:
        if ":" in leaf or (parent and ":" in parent):
            continue
        if parent and parent not in qbo_paths:
            qbo_paths.append(parent)
        path = f"{parent}:{leaf}" if parent else leaf
        if path not in qbo_paths:
            qbo_paths.append(path)
            if not active:
                inactive.append(path)
    clients = sorted({c for _, c in projects if c})
    cl = [Client(f"c{i}", n) for i, n in enumerate(clients)]
    ids = {c.name: c.id for c in cl}
    pr = [Project(f"p{i}", n, ids.get(c) if c else None, c) for i, (n, c) in enumerate(projects)]
    entries = [entry(members[i % len(members)] if members else member("X Y"),
                     pr[i % len(pr)] if pr else None, hours=h) for i, h in enumerate(hours)]
    result = run(clockify(members=members, clients=cl, projects=pr, entries=entries),
                 quickbooks(employees=[employee(n, a) for n, a in employees],
                            customer_list=customers(*qbo_paths, inactive=inactive)))
    jsonschema.validate(json.loads(json.dumps(result.to_json())), SPEC_SCHEMA)
    users_found = [f for f in result.findings if f.subject_kind == "user"]
    assert len(users_found) == len(members)
    assert len([f for f in result.findings if f.subject_kind == "project"]) == len(pr)
    for f in result.findings:
        if f.near_kind is not None:
            # a near match never counts as matched, and never pairs identical names
            assert f.status is Status.FAIL
            assert f.suggestion is not None
            assert f.suggestion != f.subject
    assert result.entries.total == len(entries)
