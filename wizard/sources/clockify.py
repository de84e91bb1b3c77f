"""Live Clockify: every read the checks need, and what the command line and the wizard call.

`ClockifyClient` reads one account: its workspaces, members, clients and projects (core lists,
each read page after page) and the Detailed report's entries (`clockify_report`), the
independent lists side by side once the workspace is known. How requests are sent, retried and
kept within Clockify's limits is `clockify_http`.

The key lives in the OS keyring (service `SyncCheckup`, entry `clockify-api-key`, see
`wizard.storage.secrets`); `SYNC_CHECKUP_CLOCKIFY_API_KEY` overrides it and is never stored.
Beside the key, entry `clockify-api-key-region` keeps the data region that accepted it, so that
a run goes straight there instead of asking every region in turn: written when the key is kept
(the connect page checks it, so its region is known) or found elsewhere, deleted with the key.
It names the region and a one-way digest of the key it belongs to, so it is never used for
another key (the environment's, or a key kept later); a region that refuses the key or can't be
reached is asked no more and every region is asked, as without it. It lives in the keyring, not
in settings: nothing derived from a key goes into settings files.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import logging
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import requests

from wizard.core.errors import NoKeyring, SyncCheckupError
from wizard.core.links import CLOCKIFY_WEB
from wizard.core.model import Client, ClockifyData, ClockifySide, Member, Project, TimeEntry
from wizard.sources import clockify_json as cj
from wizard.sources import clockify_report
from wizard.sources.clockify_http import (
    REGIONS,
    WORKERS,
    ClockifyConnection,
    ClockifyProblem,
    Region,
    key_invalid,
    new_session,
    parsed,
)
from wizard.sources.clockify_json import KeyOwner, Workspace
from wizard.sources.paging import PageTally, in_order
from wizard.sources.progress import CancelToken, Progress, no_progress
from wizard.storage import secrets
from wizard.text import _, connection

# what callers take from here, whichever module of the Clockify client defines it
__all__ = ["ENV_API_URL", "ENV_KEY", "ENV_REPORTS_URL", "ENV_WORKSPACE", "KEY_ENTRY", "REGIONS",
           "WORKERS", "ClockifyClient", "ClockifyProblem", "Reached", "Region", "check_key",
           "choose_workspace", "forget_key", "has_stored_key", "keep_key", "list_workspaces",
           "live_client", "new_session", "read_side", "read_workspace", "remembered_region",
           "store_key", "web_url_for"]

log = logging.getLogger(__name__)

KEY_ENTRY = "clockify-api-key"
REGION_ENTRY = "clockify-api-key-region"  # "<region name> <digest of the key>": not a secret
ENV_KEY = "SYNC_CHECKUP_CLOCKIFY_API_KEY"
ENV_WORKSPACE = "SYNC_CHECKUP_CLOCKIFY_WORKSPACE"
ENV_API_URL = "SYNC_CHECKUP_CLOCKIFY_API_URL"
ENV_REPORTS_URL = "SYNC_CHECKUP_CLOCKIFY_REPORTS_URL"


def web_url_for(core_url: str | None, subdomain: str | None = None) -> str | None:
    """The workspace's web app: its subdomain's, else its region's host (global: app.…)."""
    if subdomain:
        return f"https://{subdomain}.clockify.me"
    if not core_url:
        return None
    parts = urlsplit(core_url)
    if parts.hostname == "api.clockify.me":
        return CLOCKIFY_WEB
    return f"{parts.scheme}://{parts.netloc}" if parts.netloc else None


class ClockifyClient(ClockifyConnection):
    """Read-only calls to one Clockify account. Raises `ClockifyProblem` for anything that stops
    the read; its `code` is the connection finding to show."""

    def workspaces(self, role: str | None = None) -> list[Workspace]:
        """The key owner's workspaces; with `role` (OWNER, WORKSPACE_ADMIN) only those where
        the owner has that role (owners are not listed as admins)."""
        params = {"roles": role} if role else None
        return parsed(cj.parse_workspaces, self.get_json("/workspaces", params))

    def admin_workspace_ids(self) -> set[str]:
        """Workspaces where the key's owner is owner or admin."""
        return {w.id for role in ("OWNER", "WORKSPACE_ADMIN") for w in self.workspaces(role)}

    def find_workspace(self, wanted: str | None, explicit: bool = False,
                       owned: Sequence[Workspace] | None = None) -> tuple[Workspace, bool]:
        """The workspace to read and whether the key's owner may read everyone's entries.

        The role lists come first: for an owner (the usual case) the first request answers
        everything, a non-admin needs the full list as well. `owned`: the OWNER list when it
        was read already.
        """
        for role in ("OWNER", "WORKSPACE_ADMIN"):
            spaces = owned if role == "OWNER" and owned is not None else self.workspaces(role)
            for ws in spaces:
                if wanted in (ws.id, ws.name):
                    return ws, True
        return choose_workspace(self.workspaces(), wanted, explicit), False

    def _owner_and_owned(self) -> tuple[KeyOwner, list[Workspace] | None]:
        """The key's owner and, when the region is known or remembered, the workspaces it owns,
        asked side by side: the owned list doesn't depend on the owner's answer, so a read
        saves one round trip and no request (every read asks both). A list asked of a
        remembered region that turns out not to be the key's is dropped (None: asked again)."""
        base = self.core_url or (self.try_first.core_url if self.try_first else None)
        if base is None or self.workers <= 1:
            return self.user(), None

        def owned() -> list[Workspace] | None:
            try:
                answer = self.send("GET", base + "/workspaces", params={"roles": "OWNER"})
                return list(parsed(cj.parse_workspaces, self.decode(answer)))
            except ClockifyProblem:
                return None  # asked again, once the owner's answer says where and why

        owner, spaces = in_order([self.user, owned], 2, self.cancel, self.sessions)
        return owner, spaces if self.core_url == base else None

    def members(self, workspace_id: str, pages: PageTally | None = None) -> list[Member]:
        out: list[Member] = []
        params = {"memberships": "WORKSPACE", "status": "ALL", "include-roles": "false"}
        for rows in self.paged(f"/workspaces/{workspace_id}/users", params, pages):
            out.extend(parsed(cj.parse_members, rows, workspace_id))
        return out

    def clients(self, workspace_id: str, pages: PageTally | None = None) -> list[Client]:
        out: list[Client] = []
        for rows in self.paged(f"/workspaces/{workspace_id}/clients", {}, pages):
            out.extend(parsed(cj.parse_clients, rows))
        return out

    def projects(self, workspace_id: str, clients: Sequence[Client] = (),
                 pages: PageTally | None = None) -> list[Project]:
        """Active and archived projects: `archived` is left out on purpose (reference §4.5)."""
        return self._parse_projects(self._project_pages(workspace_id, pages), clients)

    def _project_pages(self, workspace_id: str, pages: PageTally | None) -> list[list[Any]]:
        return list(self.paged(f"/workspaces/{workspace_id}/projects", {}, pages))

    @staticmethod
    def _parse_projects(raw_pages: Sequence[list[Any]], clients: Sequence[Client]
                        ) -> list[Project]:
        return [p for rows in raw_pages for p in parsed(cj.parse_projects, rows, clients)]

    def detailed_entries(self, workspace_id: str, period: tuple[dt.date, dt.date],
                         time_zone: str | None, only_user: str | None = None,
                         pages: PageTally | None = None) -> list[TimeEntry]:
        """Every entry of the period from the Detailed report, in the owner's zone."""
        return clockify_report.detailed_entries(self, workspace_id, period, time_zone, only_user,
                                                pages or PageTally(no_progress, "Clockify"))

    def read(self, period: tuple[dt.date, dt.date], workspace: str | None = None,
             progress: Progress = no_progress) -> ClockifyData:
        """Everything the checks need, with the fewest requests: the owner and the owned
        workspaces side by side when the region is known, then members, clients, projects and
        entries side by side once the workspace is known."""
        progress(_("Connecting to Clockify"), 0, 0)
        owner, owned = self._owner_and_owned()
        ws, is_admin = self.find_workspace(workspace or owner.active_workspace,
                                           explicit=bool(workspace), owned=owned)
        progress(_("Reading workspace {name}").format(name=ws.name), 0, 0)
        pages = PageTally(progress, "Clockify")

        def members() -> list[Member]:
            try:
                return self.members(ws.id, pages)
            except ClockifyProblem as problem:
                if is_admin or problem.detail_key != "refused":
                    raise
                return [Member(id=owner.id, name=owner.name)]

        def entries() -> list[TimeEntry]:
            return self.detailed_entries(ws.id, period, owner.time_zone,
                                         None if is_admin else owner.id, pages)

        lists: list[Callable[[], Any]] = [members, lambda: self.clients(ws.id, pages),
                                          lambda: self._project_pages(ws.id, pages), entries]
        read_members, clients, project_pages, read_entries = in_order(
            lists, self.workers, self.cancel, self.sessions)
        projects = self._parse_projects(project_pages, clients)
        return ClockifyData(
            workspace_id=ws.id, workspace_name=ws.name, time_zone=owner.time_zone,
            members=tuple(read_members), clients=tuple(clients), projects=tuple(projects),
            entries=tuple(read_entries), features=ws.features, is_admin=is_admin,
            period=period,
            entry_times_local=True,  # the report was asked for in the owner's own zone
            web_url=web_url_for(self.core_url, ws.subdomain))


def choose_workspace(spaces: Sequence[Workspace], wanted: str | None,
                     explicit: bool = False) -> Workspace:
    """The workspace by id or exact name; the first one when nothing is wanted."""
    if wanted:
        for ws in spaces:
            if wanted in (ws.id, ws.name):
                return ws
        if explicit:
            raise SyncCheckupError(connection.clockify_unknown_workspace(
                wanted, [ws.name for ws in spaces]))
    if not spaces:
        raise SyncCheckupError(connection.clockify_unknown_workspace(wanted or "", []))
    return spaces[0]


# --- what the command line and the wizard call --------------------------------------------------

def live_client(api_key: str, session: requests.Session | None = None,
                cancel: CancelToken | None = None) -> ClockifyClient:
    """A client for the wizard's key or one being checked: the live settings' URLs, else the
    region remembered for this key first."""
    core_url = os.environ.get(ENV_API_URL) or None
    return ClockifyClient(session or new_session(), api_key, core_url,
                          os.environ.get(ENV_REPORTS_URL) or None, regions=REGIONS,
                          cancel=cancel,
                          try_first=None if core_url else remembered_region(api_key))


def _stored_key() -> str | None:
    value = secrets.get(KEY_ENTRY, env=ENV_KEY)
    return value.strip() if value and value.strip() else None


def _key_digest(api_key: str) -> str:
    """Which key a remembered region belongs to; one-way (the key can't be had back from it)."""
    return hashlib.sha256(api_key.strip().encode()).hexdigest()[:16]


def remembered_region(api_key: str) -> Region | None:
    """The region remembered for this very key, if any (one of `REGIONS`)."""
    value = secrets.get(REGION_ENTRY, secret=False) or ""
    name, _sep, digest = value.partition(" ")
    if digest != _key_digest(api_key):
        return None
    return next((region for region in REGIONS if region.name == name), None)


def _remember_region(api_key: str, region: Region) -> None:
    """Raises `NoKeyring` when there is none."""
    secrets.put(REGION_ENTRY, f"{region.name} {_key_digest(api_key)}", secret=False)


@dataclass(frozen=True)
class Reached:
    """Where a key was read: its owner (whose key entry it is), the region's API bases, and the
    region when it was detected (None when the URLs were given)."""

    account: str
    core_url: str
    reports_url: str
    region: Region | None = None


def read_workspace(api_key: str | None, workspace: str | None, period: tuple[dt.date, dt.date],
                   progress: Progress, cancel: CancelToken | None, *,
                   core_url: str | None = None, reports_url: str | None = None,
                   try_first: Region | None = None) -> tuple[ClockifySide, Reached | None]:
    """One workspace read with one key (a saved company's, or the live settings'); a connection
    failure becomes the side's problem. `Reached` says where, when the read succeeded. Without
    URLs the region is detected, `try_first` asked first."""
    if not api_key:
        return ClockifySide(source="api", problem=key_invalid().side_problem()), None
    client = ClockifyClient(new_session(), api_key, core_url, reports_url, regions=REGIONS,
                            cancel=cancel, try_first=try_first)
    try:
        data = client.read(period, workspace, progress)
        owner = client.user()
    except ClockifyProblem as problem:
        return ClockifySide(source="api", problem=problem.side_problem()), None
    finally:
        log.info("Clockify: %s requests", client.requests_sent)
        client.session.close()
    reached = Reached(owner.id, client.core_url or "", client.reports_url or "", client.region)
    return ClockifySide(source="api", data=data), reached


def read_side(period: tuple[dt.date, dt.date], progress: Progress,
              cancel: CancelToken) -> ClockifySide:
    """The Clockify side of a run from the live settings or the wizard's stored key; the
    stored key goes straight to its remembered region, and the region found is remembered
    when it was not (a key kept before regions were remembered, or one that moved)."""
    core_url = os.environ.get(ENV_API_URL) or None
    key = _stored_key()
    kept = key if key and not os.environ.get(ENV_KEY) else None  # the keyring's, not the variable's
    first = remembered_region(kept) if kept and not core_url else None
    side, reached = read_workspace(key, os.environ.get(ENV_WORKSPACE) or None, period, progress,
                                   cancel, core_url=core_url,
                                   reports_url=os.environ.get(ENV_REPORTS_URL) or None,
                                   try_first=first)
    found = reached.region if reached is not None else None
    if kept and found is not None and found != first:
        with contextlib.suppress(NoKeyring):
            _remember_region(kept, found)
    return side


def has_stored_key() -> bool:
    """Whether the wizard kept a key in the keyring (the environment variable is not counted)."""
    return bool(secrets.get(KEY_ENTRY))


def store_key(key: str, region: Region | None = None) -> None:
    """Keep the key in the OS keyring, with the region that accepted it when known (a region
    remembered for an earlier key goes); raises `NoKeyring` when there is none."""
    secrets.delete(REGION_ENTRY)
    secrets.put(KEY_ENTRY, key.strip())
    if region is not None:
        _remember_region(key, region)


def forget_key() -> None:
    """Forget the key and the region remembered for it."""
    secrets.delete(KEY_ENTRY)
    secrets.delete(REGION_ENTRY)


def list_workspaces(api_key: str) -> list[Workspace]:
    """The workspaces this key can see (for the connect page); raises `ClockifyProblem`."""
    client = live_client(api_key)
    try:
        client.user()
        return client.workspaces()
    finally:
        client.session.close()


def _checked(api_key: str) -> tuple[str | None, Region | None]:
    """Why Clockify refuses the key (None: it accepts it), and the region that accepted it."""
    if not api_key.strip():
        return str(key_invalid()), None
    client = live_client(api_key)
    try:
        client.user()
    except ClockifyProblem as problem:
        return str(problem), None
    finally:
        client.session.close()
    return None, client.region


def check_key(api_key: str) -> str | None:
    """None when Clockify accepts the key, else the sentence to show next to the key field."""
    return _checked(api_key)[0]


def keep_key(api_key: str) -> str | None:
    """Check the key and, when Clockify accepts it, keep it with the region that accepted it
    (every later run then asks that region alone); else the sentence to show next to the key
    field, and nothing is kept. Raises `NoKeyring` when there is no keyring."""
    problem, region = _checked(api_key)
    if problem is None:
        store_key(api_key, region)
    return problem
