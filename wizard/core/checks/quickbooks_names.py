"""QuickBooks' employees, vendors and customers indexed by name, built once per run and shared
by the users and customers checks."""

from __future__ import annotations

from operator import attrgetter

from wizard.core import deleted
from wizard.core.model import Customer, NameRecord, QuickBooksData
from wizard.core.names import NameIndex

_display_name = attrgetter("display_name")  # in C: called for every record an index holds


class QuickBooksNames:
    """Indexes over QuickBooks' employees, vendors and customers, built once per run.

    Every name is held without " (deleted)" at every level (SPEC §3.6), whatever the source.
    """

    def __init__(self, qbo: QuickBooksData) -> None:
        employees = deleted.clean_records(qbo.employees or ())
        self.employees = employees
        self.inactive_employees: dict[str, NameRecord] = {}
        for rec in employees:
            if not rec.active:
                self.inactive_employees.setdefault(rec.display_name, rec)
        self.active_employees = NameIndex([r for r in employees if r.active], _display_name)
        self.vendors = deleted.clean_records(qbo.vendors or ())
        self.vendors_by_name: dict[str, NameRecord] = {}
        for rec in self.vendors:
            self.vendors_by_name.setdefault(rec.display_name, rec)
        self.vendor_names = self.vendors_by_name.keys()
        self.employee_names = {r.display_name for r in employees}
        # from files that may leave inactive records out: how to get them (else None)
        self.inactive_customers_how = qbo.unknown.get("inactive_customers")
        self.inactive_employees_how = qbo.unknown.get("inactive_employees")
        customers = deleted.clean_customers(qbo.customers or ())
        self.customers = customers
        self.by_id = {c.id: c for c in customers if c.id}
        self.by_fqn: dict[str, Customer] = {}
        for c in customers:  # an active namesake wins over one that was "(deleted)"
            held = self.by_fqn.get(c.fully_qualified_name)
            if held is None or (c.active and not held.active):
                self.by_fqn[c.fully_qualified_name] = c
        # one pass over the customers (tens of thousands): each one's parent is found once
        self.has_children: set[str] = set()
        self.by_name: dict[str, list[Customer]] = {}
        self._children: dict[str, list[Customer]] = {}
        top: list[Customer] = []
        subs: list[Customer] = []
        for c in customers:
            self.by_name.setdefault(c.display_name, []).append(c)
            parent = self.parent_of(c)
            if parent is None:
                top.append(c)
            else:
                subs.append(c)
                self.has_children.add(parent.fully_qualified_name)
                self._children.setdefault(parent.fully_qualified_name, []).append(c)
        self.all_customers: NameIndex[Customer] = NameIndex(customers, _display_name)
        self.top_level: NameIndex[Customer] = NameIndex(top, _display_name)
        self.sub_customers: NameIndex[Customer] = NameIndex(subs, _display_name)
        self._child_index: dict[str, NameIndex[Customer]] = {}

    def parent_of(self, c: Customer) -> Customer | None:
        if c.parent_id and c.parent_id in self.by_id:
            return self.by_id[c.parent_id]
        path = c.parent_path
        return self.by_fqn.get(path) if path else None

    def children_of(self, parent: Customer) -> NameIndex[Customer]:
        key = parent.fully_qualified_name
        if key not in self._child_index:
            self._child_index[key] = NameIndex(self._children.get(key, ()), _display_name)
        return self._child_index[key]

    def taken_by(self, name: str) -> str | None:
        """Which other kind of QuickBooks record already holds `name`, if any."""
        if name in self.employee_names:
            return "employee"
        if name in self.vendor_names:
            return "vendor"
        return None
