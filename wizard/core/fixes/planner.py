"""Planning a fix (SPEC §8.2 step 1): from a finished check, the changes the app can make
itself, and the problems that stay a fix by hand with the reason. Pure: nothing is read or
written here; the plan only names records by the ids the check saw."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from wizard.core.fixes.plan import CLOCKIFY, QUICKBOOKS, Action, Manual, Plan
from wizard.core.result import Finding, RunResult

DELETED_SUFFIX = " (deleted)"
LIVE_SOURCES = ("api", "demo")  # a file can't be changed from here


def _strip_deleted(name: str) -> str:
    return name[: -len(DELETED_SUFFIX)] if name.endswith(DELETED_SUFFIX) else name


def _qbo_name(name: str, f: Finding) -> str:
    """The record's name as QuickBooks holds it: findings name a "(deleted)" record without the
    suffix (SPEC §3.6) and say so in `match_named_deleted`."""
    return name + DELETED_SUFFIX if f.match_named_deleted and not name.endswith(DELETED_SUFFIX) \
        else name


def _leaf(fqn: str) -> str:
    return fqn.rpartition(":")[2]


def _parent_leaf(fqn: str) -> str | None:
    head, sep, _tail = fqn.rpartition(":")
    return _leaf(head) if sep else None


class _Planner:
    def __init__(self, result: RunResult) -> None:
        self.result = result
        self.actions: list[Action] = []
        self.manual: list[Manual] = []
        self.qbo_live = result.sources.get("quickbooks") in LIVE_SOURCES
        self.clockify_live = result.sources.get("clockify") in LIVE_SOURCES
        findings = result.findings
        self.clients = {f.subject: f for f in findings if f.subject_kind == "client"}
        tables = result.tables
        self.taken = ({n for n, _a in tables.employees} | {n for n, _a in tables.vendors}
                      | {_leaf(n) for n, _a in tables.customers})
        self.created_customer: dict[str, str] = {}  # client name → the action creating it

    def next_id(self) -> str:
        return f"A{len(self.actions) + 1}"

    def add(self, finding: Finding, **values: Any) -> Action:
        action = Action(id=self.next_id(), finding_code=finding.code,
                        finding_subject=finding.subject, finding_client=finding.client,
                        finding_key=finding.key, **values)
        self.actions.append(action)
        return action

    def by_hand(self, finding: Finding, why: str) -> None:
        self.manual.append(Manual(finding.code, finding.subject, finding.client, why,
                                  finding.key))

    def plan(self, finding: Finding) -> None:
        code = finding.code
        if finding.check == "plan":
            return self.by_hand(finding, "PLAN")
        if finding.check == "connection":
            return self.by_hand(finding, "CONNECTION")
        handler = getattr(self, "_" + code.lower(), None)
        if handler is None:
            return self.by_hand(finding, code if code in _WHY_KEYS else "OTHER")
        why: str | None = handler(finding)
        if why is not None:
            self.by_hand(finding, why)
        return None

    # -- QuickBooks side --

    def _qbo(self, finding: Finding, need_id: bool = True) -> str | None:
        if not self.qbo_live:
            return "NOT_LIVE"
        if need_id and not finding.match_id:
            return "NO_RECORD_ID"
        return None

    def _user_near_match(self, f: Finding) -> str | None:
        if (why := self._qbo(f)) is not None:
            return why
        if ":" in f.subject:
            return "NAME_HAS_COLON"
        self.add(f, kind="rename_employee", system=QUICKBOOKS, record_type="Employee",
                 record_id=f.match_id, record_name=f.match or "", field="DisplayName",
                 before=f.match, after=f.subject, selected=True)
        return None

    def _employee_inactive(self, f: Finding) -> str | None:
        if (why := self._qbo(f)) is not None:
            return why
        name = _qbo_name(f.match or f.subject, f)
        self.add(f, kind="reactivate_employee", system=QUICKBOOKS, record_type="Employee",
                 record_id=f.match_id, record_name=name, field="Active", before=False,
                 after=True, selected=True,
                 rename_to=_strip_deleted(name) if name.endswith(DELETED_SUFFIX) else None)
        return None

    def _user_not_in_qbo(self, f: Finding) -> str | None:
        if (why := self._qbo(f, need_id=False)) is not None:
            return why
        words = f.subject.split()
        if len(words) < 2:
            return "ONE_WORD_NAME"
        if ":" in f.subject:
            return "NAME_HAS_COLON"
        if f.subject in self.taken:
            return "NAME_HELD"
        self.add(f, kind="create_employee", system=QUICKBOOKS, record_type="Employee",
                 record_id=None, record_name=f.subject, field="DisplayName", before=None,
                 after=f.subject, selected=False, given_name=" ".join(words[:-1]),
                 family_name=words[-1])
        return None

    def _customer_inactive(self, f: Finding) -> str | None:
        if (why := self._qbo(f)) is not None:
            return why
        name = _qbo_name(_leaf(f.match or f.subject), f)
        self.add(f, kind="reactivate_customer", system=QUICKBOOKS, record_type="Customer",
                 record_id=f.match_id, record_name=name, field="Active", before=False,
                 after=True, selected=True,
                 rename_to=_strip_deleted(name) if name.endswith(DELETED_SUFFIX) else None)
        return None

    def _create_customer(self, f: Finding, parent_id: str | None, parent_action: str | None,
                         parent_name: str | None) -> str | None:
        if (why := self._qbo(f, need_id=False)) is not None:
            return why
        if ":" in f.subject:
            return "NAME_HAS_COLON"
        if f.subject in self.taken:
            return "NAME_HELD"
        action = self.add(f, kind="create_customer", system=QUICKBOOKS, record_type="Customer",
                          record_id=None, record_name=f.subject, field="DisplayName",
                          before=None, after=f.subject, selected=False, parent_id=parent_id,
                          parent_action=parent_action, parent_name=parent_name)
        if f.subject_kind == "client":
            self.created_customer[f.subject] = action.id
        self.taken.add(f.subject)
        return None

    def _client_not_in_qbo(self, f: Finding) -> str | None:
        if f.match is not None:  # the name is a sub-customer somewhere: QuickBooks holds it
            return "NAME_HELD" if self.qbo_live else "NOT_LIVE"
        return self._create_customer(f, None, None, None)

    def _project_not_in_qbo(self, f: Finding) -> str | None:
        if not f.client:
            return self._create_customer(f, None, None, None)
        parent = self.clients.get(f.client)
        if parent is None or parent.code != "CLIENT_MATCHED" or not parent.match_id:
            return "PARENT_UNKNOWN" if self.qbo_live else "NOT_LIVE"
        return self._create_customer(f, parent.match_id, None, parent.match or f.client)

    def _project_client_unmatched(self, f: Finding) -> str | None:
        """Its client is being added by this plan: the project becomes its sub-customer, after."""
        creating = self.created_customer.get(f.client or "")
        if creating is None:
            return "PROJECT_CLIENT_UNMATCHED"
        return self._create_customer(f, None, creating, f.client)

    # -- Clockify side (with the QuickBooks rename as the alternative for near matches) --

    def _rename_in_clockify(self, f: Finding, target: str | None) -> Action | str:
        if not self.clockify_live:
            return "NOT_LIVE"
        if not f.subject_id:
            return "NO_RECORD_ID"
        if not target:
            return "NO_SUGGESTION"
        kind = "rename_client" if f.subject_kind == "client" else "rename_project"
        return self.add(f, kind=kind, system=CLOCKIFY, record_type=f.subject_kind,
                        record_id=f.subject_id, record_name=f.subject, field="name",
                        before=f.subject, after=target, selected=True)

    def _near_match(self, f: Finding) -> str | None:
        first = self._rename_in_clockify(f, f.suggestion)
        if self.qbo_live and f.match_id and f.match and ":" not in f.subject:
            leaf = _leaf(f.match)
            self.add(f, kind="rename_customer", system=QUICKBOOKS, record_type="Customer",
                     record_id=f.match_id, record_name=leaf, field="DisplayName", before=leaf,
                     after=f.subject, selected=isinstance(first, str),
                     alternative_to=first.id if isinstance(first, Action) else None)
            return None
        return first if isinstance(first, str) else None

    _client_near_match = _near_match
    _project_near_match = _near_match

    def _name_has_colon(self, f: Finding) -> str | None:
        done = self._rename_in_clockify(f, f.suggestion)
        if isinstance(done, str):
            return "NAME_HAS_COLON" if done == "NO_SUGGESTION" else done
        return None

    def _set_client(self, f: Finding, parent_leaf: str | None) -> str | None:
        if not self.clockify_live:
            return "NOT_LIVE"
        target = self.clients.get(parent_leaf or "")
        if target is None or not target.subject_id:
            return "NO_SUCH_CLIENT"
        if not f.subject_id:
            return "NO_RECORD_ID"
        current = self.clients.get(f.client or "") if f.client else None
        if f.client and (current is None or not current.subject_id):
            return "NO_RECORD_ID"
        self.add(f, kind="set_project_client", system=CLOCKIFY, record_type="project",
                 record_id=f.subject_id, record_name=f.subject, field="clientId",
                 before=f.client, after=target.subject,
                 before_id=current.subject_id if current else None, after_id=target.subject_id,
                 selected=True)
        return None

    def _project_is_subcustomer(self, f: Finding) -> str | None:
        return self._set_client(f, f.suggestion or (_parent_leaf(f.match) if f.match else None))

    def _project_wrong_parent(self, f: Finding) -> str | None:
        return self._set_client(f, _parent_leaf(f.match) if f.match else None)


_WHY_KEYS = ("USER_PENDING", "USER_IS_VENDOR", "NAME_TAKEN_IN_QBO", "PROJECT_CLIENT_UNMATCHED",
             "PROJECT_NOT_SUBCUSTOMER")


def _ordered(actions: list[Action]) -> list[Action]:
    """Parents first: a creation that waits for another comes after it (stable otherwise)."""
    placed: list[Action] = []
    seen: set[str] = set()
    pending = list(actions)
    while pending:
        rest = []
        for action in pending:
            if action.parent_action is None or action.parent_action in seen:
                placed.append(action)
                seen.add(action.id)
            else:
                rest.append(action)
        if len(rest) == len(pending):  # a parent that isn't in the plan: keep them, last
            placed.extend(rest)
            break
        pending = rest
    return placed


def plan_for(result: RunResult, workspace_id: str | None = None,
             company_id: str | None = None) -> Plan:
    """Every change that would fix a problem of `result`, and what stays by hand."""
    planner = _Planner(result)
    problems = [f for f in result.findings if f.status.value in ("warn", "fail")]
    # clients before projects, so a project can wait for its client's new customer
    for finding in sorted(problems, key=lambda f: f.subject_kind != "client"):
        planner.plan(finding)
    if result.entries is not None and result.entries.by_reason:
        planner.manual.append(Manual("ENTRIES", "", None, "ENTRIES", "entries"))
    facts = result.facts
    return Plan(created_at=result.generated_at, sources=dict(result.sources),
                workspace={"id": workspace_id or facts.get("workspace_id"),
                           "name": facts.get("workspace")},
                company={"id": company_id, "name": facts.get("company")},
                actions=tuple(_ordered(planner.actions)), manual=tuple(planner.manual))


def action_line(action: Action) -> str:
    """What the action does, in one whole sentence from the catalogue."""
    from wizard.text import fixes as text

    kind = action.kind
    if kind == "create_customer" and (action.parent_id or action.parent_action):
        kind = "create_sub_customer"
    return text.kind_line(kind, before=str(action.before or ""), after=str(action.after or ""),
                          name=action.record_name, parent=action.parent_name or "")


def actions_for(plan: Plan, finding_key: str) -> tuple[Action, ...]:
    """The actions that fix one finding (none: it stays a fix by hand, see `manual_for`)."""
    return tuple(a for a in plan.actions if a.finding_key == finding_key)


def manual_for(plan: Plan, finding_key: str) -> Manual | None:
    return next((m for m in plan.manual if m.finding_key == finding_key), None)


def only(plan: Plan, finding_key: str) -> Plan:
    """The plan for one problem: its actions (and the parents they wait for)."""
    chosen = {a.id for a in actions_for(plan, finding_key)}
    for action in plan.actions:
        if action.id in chosen and action.parent_action:
            chosen.add(action.parent_action)
    return replace(plan, actions=tuple(a for a in plan.actions if a.id in chosen),
                   manual=tuple(m for m in plan.manual if m.finding_key == finding_key))
