"""The fix plan (SPEC §8.1): one action per fixable code with its record, before and after; every
other problem left by hand with a reason; creations unticked; parents before children."""

from __future__ import annotations

import dataclasses
import json

import pytest

from tests.core.builders import clockify, customers, employee, finding, member, quickbooks, run
from wizard.core.fixes import actions_for, manual_for, only, plan_for, plan_from_json
from wizard.core.model import Client, NameRecord, Project
from wizard.text.fixes import MANUAL_WHY


def _world():
    qbo_customers = customers("Acme Corp", "Acme Corp:Website", "Beta LLC", "Beta LLC:Logo",
                              "Old Client (deleted)", "Summit Outdoor Co.", "Holder",
                              inactive=["Old Client (deleted)"])
    acme, beta = Client("k1", "Acme Corp"), Client("k2", "Beta LLC")
    clients = [acme, beta, Client("k3", "Old Client"), Client("k4", "Summit Outdoor Co"),
               Client("k5", "Brand New"), Client("k6", "Bad: Name"), Client("k7", "Priya Shah")]
    projects = [Project("p1", "Website", "k1", "Acme Corp"),
                Project("p2", "Logo", "k1", "Acme Corp"),  # lives under Beta in QuickBooks
                Project("p3", "Newsletter", "k1", "Acme Corp"),  # not in QuickBooks
                Project("p4", "Shoot", "k5", "Brand New"),  # client not in QuickBooks either
                Project("p5", "Website", None, None)]  # only a sub-customer of Acme
    members = [member("Jon Smith", member_id="m1"), member("Dana Reyes", member_id="m2"),
               member("Tom Becker", member_id="m3"), member("Cher", member_id="m4"),
               member("Priya Shah", member_id="m5"), member(None, member_id="m6")]
    employees = [employee("John Smith"), employee("Dana Reyes", active=False)]
    vendors = [NameRecord("v1", "Priya Shah")]
    return run(clockify(members, clients, projects),
               quickbooks(employees, vendors, qbo_customers))


@pytest.fixture(scope="module")
def result():
    return _world()


@pytest.fixture(scope="module")
def plan(result):
    return plan_for(result, "w1", "r1")


def _one(plan, result, subject, kind=None):
    f = finding(result, subject, kind)
    return f, actions_for(plan, f.key)


def test_rename_employee(plan, result):
    f, (action,) = _one(plan, result, "Jon Smith")
    assert f.code == "USER_NEAR_MATCH"
    assert (action.kind, action.system, action.record_type) == ("rename_employee", "quickbooks",
                                                                "Employee")
    assert action.record_id == f.match_id
    assert action.record_id
    assert (action.field, action.before, action.after) == ("DisplayName", "John Smith",
                                                           "Jon Smith")
    assert action.selected


def test_reactivate_employee(plan, result):
    f, (action,) = _one(plan, result, "Dana Reyes")
    assert f.code == "EMPLOYEE_INACTIVE"
    assert (action.kind, action.field, action.before, action.after) == (
        "reactivate_employee", "Active", False, True)
    assert action.selected


def test_create_employee_unticked_with_names(plan, result):
    f, (action,) = _one(plan, result, "Tom Becker")
    assert f.code == "USER_NOT_IN_QBO"
    assert action.kind == "create_employee"
    assert not action.selected
    assert (action.given_name, action.family_name, action.after) == ("Tom", "Becker",
                                                                     "Tom Becker")
    assert action.record_id is None


def test_one_word_name_is_by_hand(plan, result):
    f, actions = _one(plan, result, "Cher")
    assert f.code == "USER_NOT_IN_QBO"
    assert actions == ()
    assert manual_for(plan, f.key).why == "ONE_WORD_NAME"


def test_reactivate_customer_drops_deleted_suffix(plan, result):
    f, (action,) = _one(plan, result, "Old Client")
    assert f.code == "CUSTOMER_INACTIVE"
    assert action.kind == "reactivate_customer"
    assert action.selected
    assert action.record_name == "Old Client (deleted)"
    assert action.rename_to == "Old Client"


def test_near_match_renames_in_clockify_with_quickbooks_as_the_alternative(plan, result):
    f, (clockify_side, qbo_side) = _one(plan, result, "Summit Outdoor Co")
    assert f.code == "CLIENT_NEAR_MATCH"
    assert (clockify_side.kind, clockify_side.record_id, clockify_side.before,
            clockify_side.after) == ("rename_client", "k4", "Summit Outdoor Co",
                                     "Summit Outdoor Co.")
    assert clockify_side.selected
    assert (qbo_side.kind, qbo_side.before, qbo_side.after) == (
        "rename_customer", "Summit Outdoor Co.", "Summit Outdoor Co")
    assert qbo_side.alternative_to == clockify_side.id
    assert not qbo_side.selected


def test_colon_name_renamed_to_suggestion_or_by_hand(plan, result):
    f, actions = _one(plan, result, "Bad: Name")
    assert f.code == "NAME_HAS_COLON"
    if f.suggestion is None:
        assert actions == ()
        assert manual_for(plan, f.key).why == "NAME_HAS_COLON"
    else:
        assert actions[0].after == f.suggestion


def test_create_top_level_customer_for_client(plan, result):
    f, (action,) = _one(plan, result, "Brand New")
    assert f.code == "CLIENT_NOT_IN_QBO"
    assert action.kind == "create_customer"
    assert not action.selected
    assert action.parent_id is None
    assert action.parent_action is None


def test_sub_customer_under_existing_parent(plan, result):
    f, (action,) = _one(plan, result, "Newsletter")
    assert f.code == "PROJECT_NOT_IN_QBO"
    acme = finding(result, "Acme Corp", "client")
    assert action.parent_id == acme.match_id
    assert action.parent_name == "Acme Corp"


def test_sub_customer_waits_for_its_new_parent(plan, result):
    f, (action,) = _one(plan, result, "Shoot")
    assert f.code == "PROJECT_CLIENT_UNMATCHED"
    parent = actions_for(plan, finding(result, "Brand New").key)[0]
    assert action.parent_action == parent.id
    assert action.parent_id is None
    order = [a.id for a in plan.actions]
    assert order.index(parent.id) < order.index(action.id)
    # fixing just that project brings its parent along
    assert {a.id for a in only(plan, f.key).actions} == {parent.id, action.id}


def test_wrong_parent_moves_project_to_the_client_named_like_the_parent(plan, result):
    f, (action,) = _one(plan, result, "Logo")
    assert f.code == "PROJECT_WRONG_PARENT"
    assert (action.kind, action.before, action.after, action.before_id, action.after_id) == (
        "set_project_client", "Acme Corp", "Beta LLC", "k1", "k2")
    assert action.selected


def test_project_that_is_only_a_sub_customer_gets_that_client(plan, result):
    f = next(x for x in result.findings if x.subject == "Website" and x.client is None)
    (action,) = actions_for(plan, f.key)
    assert f.code == "PROJECT_IS_SUBCUSTOMER"
    assert (action.before, action.before_id, action.after, action.after_id) == (
        None, None, "Acme Corp", "k1")


@pytest.mark.parametrize("subject", ["Priya Shah", "(no name)"])
def test_codes_left_by_hand_have_no_action_and_a_reason(plan, result, subject):
    problems = [x for x in result.findings if x.subject == subject
                and x.status.value in ("warn", "fail")]
    assert problems
    for f in problems:
        assert actions_for(plan, f.key) == ()
        why = manual_for(plan, f.key).why
        assert why in MANUAL_WHY


def test_every_problem_is_either_planned_or_by_hand(plan, result):
    for f in result.findings:
        if f.status.value not in ("warn", "fail"):
            assert actions_for(plan, f.key) == ()
            assert manual_for(plan, f.key) is None
            continue
        assert bool(actions_for(plan, f.key)) != (manual_for(plan, f.key) is not None), f


def test_files_are_never_changed():
    result = _world()
    files = dataclasses.replace(result, sources={"clockify": "file", "quickbooks": "file"})
    plan = plan_for(files)
    assert plan.actions == ()
    assert {m.why for m in plan.manual} >= {"NOT_LIVE"}


def test_plan_file_round_trip(plan):
    text = json.dumps(plan.to_json({k: k for k in MANUAL_WHY}))
    back = plan_from_json(json.loads(text))
    assert back.actions == plan.actions
    assert back.workspace == {"id": "w1", "name": "Test Workspace"}
    with pytest.raises(ValueError, match="fix plan"):
        plan_from_json({"tool": "sync-checkup", "kind": "something else"})
