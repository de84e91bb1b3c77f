"""A fix plan's parts and its file form (SPEC §8.1): each change to one record (`Action`),
each problem left to a person (`Manual`), and the plan that holds them (`Plan`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

SCHEMA = 1
QUICKBOOKS, CLOCKIFY = "quickbooks", "clockify"
CREATIONS = ("create_employee", "create_customer")
Value = str | bool | None


@dataclass(frozen=True, slots=True)
class Action:
    """One change to one record. `before`/`after` are the touched field's values (names, `Active`
    flags, or for a project's client the client names with their ids in `before_id`/`after_id`).
    """

    id: str
    kind: str
    system: str  # quickbooks or clockify
    record_type: str  # Employee, Customer (QuickBooks); client, project (Clockify)
    record_id: str | None  # None: a record this action creates
    record_name: str
    field: str
    before: Value
    after: Value
    finding_code: str
    finding_subject: str
    finding_client: str | None
    finding_key: str
    selected: bool
    parent_id: str | None = None  # a new sub-customer's parent (QuickBooks Id) …
    parent_action: str | None = None  # … or the action of this plan that creates it
    parent_name: str | None = None
    before_id: str | None = None
    after_id: str | None = None
    given_name: str | None = None  # a new employee
    family_name: str | None = None
    rename_to: str | None = None  # a reactivation also drops " (deleted)" from the name
    alternative_to: str | None = None  # the same problem fixed the other way round

    @property
    def creates(self) -> bool:
        return self.kind in CREATIONS

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id, "kind": self.kind, "system": self.system,
            "record": {"type": self.record_type, "id": self.record_id, "name": self.record_name},
            "field": self.field, "before": self.before, "after": self.after,
            "finding": {"code": self.finding_code, "subject": self.finding_subject,
                        "client": self.finding_client, "key": self.finding_key},
            "selected": self.selected}
        optional = {"parent_id": self.parent_id, "parent_action": self.parent_action,
                    "parent_name": self.parent_name, "before_id": self.before_id,
                    "after_id": self.after_id, "given_name": self.given_name,
                    "family_name": self.family_name, "rename_to": self.rename_to,
                    "alternative_to": self.alternative_to}
        out.update({k: v for k, v in optional.items() if v is not None})
        return out

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Action:
        """Raises ValueError when `data` is not an action."""
        try:
            record, finding = data["record"], data["finding"]
            values = {
                "id": _str(data["id"]), "kind": _str(data["kind"]),
                "system": _str(data["system"]), "record_type": _str(record["type"]),
                "record_id": _opt(record.get("id")), "record_name": _str(record["name"]),
                "field": _str(data["field"]), "before": _value(data.get("before")),
                "after": _value(data.get("after")), "finding_code": _str(finding["code"]),
                "finding_subject": _str(finding["subject"]),
                "finding_client": _opt(finding.get("client")),
                "finding_key": _opt(finding.get("key")) or "",
                "selected": data["selected"]}
        except (KeyError, TypeError) as exc:
            raise ValueError("not an action") from exc
        if not isinstance(values["selected"], bool) or values["system"] not in (QUICKBOOKS,
                                                                                CLOCKIFY):
            raise ValueError("not an action")
        extra = {k: _opt(data.get(k)) for k in (
            "parent_id", "parent_action", "parent_name", "before_id", "after_id", "given_name",
            "family_name", "rename_to", "alternative_to")}
        return cls(**values, **extra)  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class Manual:
    """A problem the app leaves to a person, with the reason (a key of `text.fixes.MANUAL_WHY`)."""

    code: str
    subject: str
    client: str | None
    why: str
    finding_key: str

    def to_json(self, why_text: str) -> dict[str, Any]:
        return {"code": self.code, "subject": self.subject, "client": self.client,
                "why": why_text}


@dataclass(frozen=True, slots=True)
class Plan:
    created_at: dt.datetime
    sources: dict[str, str | None]
    workspace: dict[str, str | None]  # {"id", "name"}
    company: dict[str, str | None]
    actions: tuple[Action, ...]
    manual: tuple[Manual, ...] = field(default=())

    @property
    def selected(self) -> tuple[Action, ...]:
        return tuple(a for a in self.actions if a.selected)

    def action(self, action_id: str) -> Action | None:
        return next((a for a in self.actions if a.id == action_id), None)

    def with_selection(self, chosen: Iterable[str]) -> Plan:
        wanted = set(chosen)
        return replace(self, actions=tuple(replace(a, selected=a.id in wanted)
                                           for a in self.actions))

    def to_json(self, why: Mapping[str, str]) -> dict[str, Any]:
        return {"tool": "sync-checkup", "schema": SCHEMA, "kind": "fix-plan",
                "created_at": _iso(self.created_at), "sources": dict(self.sources),
                "workspace": dict(self.workspace), "company": dict(self.company),
                "actions": [a.to_json() for a in self.actions],
                "manual": [m.to_json(why.get(m.why, m.why)) for m in self.manual]}


def plan_from_json(data: Any) -> Plan:
    """A plan file back; raises ValueError when it isn't one."""
    if not isinstance(data, Mapping) or data.get("tool") != "sync-checkup" \
            or data.get("kind") != "fix-plan" or data.get("schema") != SCHEMA:
        raise ValueError("not a fix plan")
    raw_actions = data.get("actions")
    if not isinstance(raw_actions, list):
        raise ValueError("no actions")
    actions = tuple(Action.from_json(a) for a in raw_actions if isinstance(a, Mapping))
    if len(actions) != len(raw_actions) or len({a.id for a in actions}) != len(actions):
        raise ValueError("bad actions")
    try:
        created = dt.datetime.fromisoformat(str(data.get("created_at")).replace("Z", "+00:00"))
    except ValueError as exc:
        raise ValueError("bad time") from exc

    def side(name: str) -> dict[str, str | None]:
        raw = data.get(name)
        if not isinstance(raw, Mapping):
            raise ValueError(f"no {name}")
        return {"id": _opt(raw.get("id")), "name": _opt(raw.get("name"))}

    raw_sources = data.get("sources")
    sources = {str(k): _opt(v) for k, v in raw_sources.items()} \
        if isinstance(raw_sources, Mapping) else {}
    manual = tuple(Manual(code=_str(m.get("code")), subject=_str(m.get("subject")),
                          client=_opt(m.get("client")), why=_str(m.get("why")), finding_key="")
                   for m in data.get("manual") or [] if isinstance(m, Mapping))
    return Plan(created_at=created, sources=sources, workspace=side("workspace"),
                company=side("company"), actions=actions, manual=manual)


def _str(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError("not text")
    return value


def _opt(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _value(value: Any) -> Value:
    return value if isinstance(value, str | bool) or value is None else str(value)


def _iso(when: dt.datetime) -> str:
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return when.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
