"""The customers check (SPEC §3.3): each Clockify client a QuickBooks customer and each project
a sub-customer of it (or a customer, without a client), of exactly the same name."""

from __future__ import annotations

from collections.abc import Callable

from wizard.core.checks.findings import CheckOutput, Subject, count_statuses, marked
from wizard.core.checks.quickbooks_names import QuickBooksNames
from wizard.core.link_types import WebPlaces
from wizard.core.model import (
    AT_CLIENT_ID,
    AT_CLIENT_NAME,
    AT_PROJECT_ID,
    AT_PROJECT_NAME,
    Client,
    Customer,
    Project,
    TimeEntry,
    client_key,
    project_key,
)
from wizard.core.names import NameIndex, NearMatch
from wizard.core.result import Finding, Status, worst
from wizard.text import checks as say
from wizard.text import findings as texts


def _prefer_active(c: Customer) -> bool:
    return c.active


def _best(candidates: list[Customer]) -> Customer:
    """Active before inactive, shallower before deeper."""
    return min(candidates, key=lambda c: (not c.active, c.level))


def _colon_counterpart(name: str, candidates: NameIndex[Customer]) -> str | None:
    """The QuickBooks name a colon-named client or project was most likely meant to be:
    "Q4: Ads" → "Q4 Ads" (a colon can't be in a QuickBooks name, so it is never identical)."""
    without = " ".join(name.replace(":", " ").split())
    if candidates.exact(without):
        return without
    near = candidates.near(without, prefer=_prefer_active)
    return near.name if near is not None else None


def _near(subject: Subject, code: str, text: texts.Text, near: NearMatch[Customer]) -> Finding:
    """A QuickBooks customer named almost the same as the client or project."""
    return subject.finding(code, Status.FAIL, text, match=near.record.fully_qualified_name,
                           near_kind=near.kind.value, suggestion=near.name,
                           match_id=near.record.id)


def _namesake(subject: Subject, best: Customer, code: str,
              matched: Callable[[str], texts.Text]) -> Finding:
    """The finding for a QuickBooks customer of exactly the subject's name (the best of its
    namesakes): matched (`code`, `matched` of its full name) when active, else inactive."""
    fqn = best.fully_qualified_name
    if best.active:
        return subject.finding(code, Status.PASS, matched(fqn), match=fqn, match_id=best.id)
    return marked(subject.finding("CUSTOMER_INACTIVE", Status.FAIL,
                                  texts.customer_inactive(subject.kind, subject.name,
                                                          subject.client or None, fqn),
                                  match=fqn, match_id=best.id), best)


def _client_finding(client: Client, names: QuickBooksNames,
                    places: WebPlaces | None) -> tuple[Finding, Customer | None]:
    """The client's finding, and the QuickBooks parent it maps to when matched."""
    name = client.name
    subject = Subject(check="customers", kind="client", name=name, id=client.id,
                      archived=client.archived, places=places)

    if ":" in name:
        existing = _colon_counterpart(name, names.all_customers)
        return subject.finding("NAME_HAS_COLON", Status.FAIL,
                               texts.name_has_colon("client", name, None, existing),
                               suggestion=existing), None
    same = names.by_name.get(name, [])
    parents = [c for c in same if names.parent_of(c) is None
               or c.fully_qualified_name in names.has_children]
    if parents:
        best = _best(parents)
        return _namesake(subject, best, "CLIENT_MATCHED",
                         lambda fqn: texts.client_matched(name, fqn)), \
            best if best.active else None
    near = names.all_customers.near(name, prefer=_prefer_active)
    if near is not None and near.name not in names.by_name.get(name, ()):
        return _near(subject, "CLIENT_NEAR_MATCH",
                     texts.near_match("client", name, None, near.record.fully_qualified_name,
                                      near.name, near.kind), near), None
    taken = names.taken_by(name)
    if taken is not None:
        return subject.finding("NAME_TAKEN_IN_QBO", Status.FAIL,
                               texts.name_taken("client", name, None, taken),
                               match_type=taken), None
    leaf_of = None
    if same:
        parent = names.parent_of(same[0])
        leaf_of = parent.fully_qualified_name if parent else None
    how = names.inactive_customers_how
    return subject.finding("CLIENT_NOT_IN_QBO", Status.FAIL,
                           texts.not_in_qbo("client", name, None, leaf_of)
                           if how is None or leaf_of
                           else texts.not_in_file("client", name, None, how),
                           match=same[0].fully_qualified_name if same else None), None


def _project_finding(project: Project, parent: Customer | None,
                     names: QuickBooksNames, places: WebPlaces | None) -> Finding:
    """`parent`: the QuickBooks customer the project's client maps to, when it matched."""
    name, client = project.name, project.client_name
    subject = Subject(check="customers", kind="project", name=name, id=project.id,
                      client=client, archived=project.archived, places=places)

    if ":" in name:
        candidates = names.children_of(parent) if client and parent is not None else (
            None if client else names.top_level)
        existing = _colon_counterpart(name, candidates) if candidates is not None else None
        return subject.finding("NAME_HAS_COLON", Status.FAIL,
                               texts.name_has_colon("project", name, client, existing),
                               suggestion=existing)
    if client:
        if parent is None:
            return subject.finding("PROJECT_CLIENT_UNMATCHED", Status.FAIL,
                                   texts.project_client_unmatched(name, client))
        children = names.children_of(parent)
        direct = children.exact(name)  # inactive children included
        if direct:
            return _namesake(subject, _best(list(direct)), "PROJECT_MATCHED",
                             lambda fqn: texts.project_matched(name, client, fqn))
        # only unmatched projects get here, so looking through every namesake is affordable
        elsewhere = names.sub_customers.exact(name)
        if elsewhere:
            other = _best(elsewhere)
            other_parent = names.parent_of(other)
            assert other_parent is not None
            return subject.finding("PROJECT_WRONG_PARENT", Status.FAIL,
                                   texts.project_wrong_parent(
                                       name, client, other.fully_qualified_name,
                                       other_parent.fully_qualified_name),
                                   match=other.fully_qualified_name, match_id=other.id)
        top = names.top_level.exact(name)
        if top:
            return subject.finding("PROJECT_NOT_SUBCUSTOMER", Status.FAIL,
                                   texts.project_not_subcustomer(name, client),
                                   match=top[0].fully_qualified_name, match_id=top[0].id)
        near = children.near(name, prefer=_prefer_active)
    else:
        top = names.top_level.exact(name)
        if top:
            return _namesake(subject, _best(top), "PROJECT_MATCHED",
                             lambda fqn: texts.project_matched(name, None, fqn))
        subs = names.sub_customers.exact(name)
        if subs:
            sub = _best(subs)
            sub_parent = names.parent_of(sub)
            parent_name = sub_parent.display_name if sub_parent else (sub.parent_path or "")
            return subject.finding("PROJECT_IS_SUBCUSTOMER", Status.WARN,
                                   texts.project_is_subcustomer(
                                       name, sub.fully_qualified_name, parent_name),
                                   match=sub.fully_qualified_name, suggestion=parent_name,
                                   match_id=sub.id)
        near = names.top_level.near(name, prefer=_prefer_active)
    if near is not None:
        return _near(subject, "PROJECT_NEAR_MATCH",
                     texts.near_match("project", name, client, near.record.fully_qualified_name,
                                      near.name, near.kind), near)
    taken = names.taken_by(name)
    if taken is not None:
        return subject.finding("NAME_TAKEN_IN_QBO", Status.FAIL,
                               texts.name_taken("project", name, client, taken),
                               match_type=taken)
    how = names.inactive_customers_how
    return subject.finding("PROJECT_NOT_IN_QBO", Status.FAIL,
                           texts.not_in_qbo("project", name, client) if how is None
                           else texts.not_in_file("project", name, client, how))


def used_keys(entries: list[TimeEntry]) -> tuple[set[str | None], set[str | None]]:
    """The keys of the projects and of the clients these entries (the period's) are for."""
    # One Python-level pass on purpose: one C call over 250,000 entries (set(map(…)))
    # holds the GIL throughout and froze the wizard's window for ~100 ms
    # (benchmarks/gui_heartbeat.py); bytecode lets the GUI thread in every millisecond.
    # Two set additions per entry and no tuple: building and hashing a 4-tuple per entry
    # cost 350 ms against 200 ms on the large benchmark company.
    used_projects: set[str | None] = set()
    used_clients: set[str | None] = set()
    add_project, add_client = used_projects.add, used_clients.add
    named: set[tuple[str | None, str | None]] = set()  # entries without both ids
    for e in entries:
        project_id, client_id = e[AT_PROJECT_ID], e[AT_CLIENT_ID]
        add_project(project_id)
        add_client(client_id)
        if not (project_id and client_id):
            named.add((e[AT_PROJECT_NAME], e[AT_CLIENT_NAME]))
    # sources without ids (export files) name them: key those by name too
    for project_name, client_name in named:
        if project_name:
            used_projects.add(project_key(None, client_name, project_name))
        if client_name:
            used_clients.add(client_key(None, client_name))
    used_projects.discard(None)
    used_clients.discard(None)
    return used_projects, used_clients


def check_customers(clients: tuple[Client, ...], projects: tuple[Project, ...],
                    names: QuickBooksNames, used_projects: set[str | None] | None,
                    used_clients: set[str | None] | None,
                    places: WebPlaces | None = None) -> CheckOutput:
    """`used_*` are the keys with entries in the period, or None when entries weren't loaded;
    `places`: where the records live on the web, for each finding's links."""
    findings: list[Finding] = []
    skipped = 0
    client_result: dict[str, tuple[Finding, Customer | None]] = {}
    client_by_name: dict[str, tuple[Finding, Customer | None]] = {}

    def client_used(c: Client) -> bool:
        return used_clients is None or client_key(c.id, c.name) in used_clients \
            or f"\x1f{c.name}" in used_clients

    def project_used(p: Project) -> bool:
        return used_projects is None or p.key in used_projects \
            or project_key(None, p.client_name, p.name) in used_projects

    for client in clients:
        result = _client_finding(client, names, places)
        client_result[client_key(client.id, client.name)] = result
        client_by_name.setdefault(client.name, result)
        if client.archived and not client_used(client):
            skipped += 1
            continue
        findings.append(result[0])
    for project in projects:
        if project.archived and not project_used(project):
            skipped += 1
            continue
        cf: tuple[Finding, Customer | None] | None = None
        if project.client_name:
            cf = client_result.get(client_key(project.client_id, project.client_name)) \
                or client_by_name.get(project.client_name)
            if cf is None:  # a client missing from the client list: judge it by its name
                cf = _client_finding(Client(project.client_id, project.client_name), names,
                                     places)
                client_by_name[project.client_name] = cf
        findings.append(_project_finding(project, cf[1] if cf else None, names, places))
    counts = count_statuses(findings)
    matched = sum(1 for f in findings if f.code in ("CLIENT_MATCHED", "PROJECT_MATCHED"))
    summary = say.customers(matched, len(findings), counts[Status.FAIL], skipped)
    return CheckOutput(worst([f.status for f in findings]), summary, tuple(findings))
