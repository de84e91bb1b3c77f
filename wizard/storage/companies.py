"""Saved companies (SPEC §9): a Clockify workspace and a QuickBooks company under a name the user
picks.

What is kept where:
- the settings file `companies.json` in the config folder: names, ids, the services' addresses
  (region) — never a key or token;
- the keyring: one Clockify API key per Clockify account (`clockify:<account id>:api-key`, shared
  by every company whose workspace that key reads) and one QuickBooks sign-in per company
  (`qbo:<realm>:refresh-token`, `…:access-token`, `…:company`, the same entries Sign in with
  Intuit writes);
- the run history of each company in a folder of its own (`history/companies/<id>`).

Removing a company removes its history, its QuickBooks sign-in and its Clockify key, each unless
another saved company still uses it.

The keyring module is imported only where a secret is touched: the window counts the saved
companies before its first paint.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
import re
import secrets as random_ids
import shutil
import threading
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

from wizard.core.errors import SyncCheckupError
from wizard.storage import paths
from wizard.storage.atomic import write_atomically
from wizard.text.companies import message

log = logging.getLogger(__name__)

SETTINGS_FILE = "companies.json"
_LOCK = threading.Lock()  # load → change → write happens under it


class CompanyProblem(SyncCheckupError):
    """A saved-company request that can't be done (name taken, not found, unreadable settings)."""


@dataclass(frozen=True)
class Company:
    """One saved company. Nothing here is secret."""

    name: str
    id: str  # stable and file-name safe: names the company's history folder
    clockify_account: str  # the Clockify user id that owns the key (the key's keyring entry)
    workspace_id: str
    workspace_name: str
    clockify_api_url: str  # core API base of the workspace's data region
    clockify_reports_url: str
    realm_id: str
    qbo_company_name: str
    qbo_api_url: str
    added_at: str = ""

    @classmethod
    def from_json(cls, raw: Any) -> Company:
        if not isinstance(raw, dict):
            raise TypeError("a company is an object")
        values = {f.name: raw.get(f.name, "") for f in fields(cls)}
        for key, value in values.items():
            if not isinstance(value, str):
                raise TypeError(f"{key} is not text")
        if not values["name"] or not values["id"] or not _SAFE_ID.fullmatch(values["id"]):
            raise ValueError("a company needs a name and a plain id")
        return cls(**values)

    def to_json(self) -> dict[str, str]:
        return asdict(self)


_SAFE_ID = re.compile(r"[a-z0-9-]{1,64}")


def clockify_key_entry(account: str) -> str:
    return f"clockify:{account}:api-key"


def settings_path() -> Path:
    return paths.config_dir() / SETTINGS_FILE


def history_folder(company: Company) -> Path:
    return paths.data_dir() / "history" / "companies" / company.id


def load() -> list[Company]:
    """Every saved company, in the order they were added. A missing file is no company; an
    unreadable one raises `CompanyProblem` rather than being silently overwritten later."""
    path = settings_path()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return []
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        log.warning("the companies file can't be read (%s)", type(exc).__name__)
        raise CompanyProblem(message("settings_unreadable", path=str(path))) from None
    items = raw.get("companies", []) if isinstance(raw, dict) else []
    out: list[Company] = []
    for item in items if isinstance(items, list) else []:
        try:
            out.append(Company.from_json(item))
        except (TypeError, ValueError) as exc:
            log.warning("skipping an unreadable saved company (%s)", exc)
    return out


def _write(companies: list[Company]) -> None:
    body = {"schema": 1, "companies": [c.to_json() for c in companies]}
    write_atomically(settings_path(),
                     json.dumps(body, ensure_ascii=False, indent=1).encode("utf-8"))


def find(name: str) -> Company:
    """The company saved under exactly `name`; `CompanyProblem` naming the saved ones if none."""
    companies = load()
    for company in companies:
        if company.name == name:
            return company
    if not companies:
        raise CompanyProblem(message("none_saved", name=name))
    raise CompanyProblem(message("not_found", name=name,
                                 names=", ".join(f"“{c.name}”" for c in companies)))


def new_id() -> str:
    return random_ids.token_hex(8)


def add(company: Company, clockify_key: str, qbo_refresh_token: str | None,
        qbo_access_token: str | None, qbo_expires_at: float | None) -> None:
    """Keep a company: its secrets in the keyring first (raises `NoKeyring`, nothing saved), then
    its entry in the settings file. A name already saved raises `CompanyProblem`."""
    from wizard.storage import secrets  # keyring loads only when a secret is touched

    name = company.name.strip()
    if not name:
        raise CompanyProblem(message("name_empty"))
    with _LOCK:
        companies = load()
        if any(c.name == name for c in companies):
            raise CompanyProblem(message("name_taken", name=name))
        secrets.put(clockify_key_entry(company.clockify_account), clockify_key.strip())
        if qbo_refresh_token:
            secrets.put(secrets.qbo_refresh_entry(company.realm_id), qbo_refresh_token)
        if qbo_access_token:
            expires = qbo_expires_at if qbo_expires_at is not None else (
                dt.datetime.now(dt.UTC).timestamp() + 3600)
            secrets.put(secrets.qbo_access_entry(company.realm_id),
                        json.dumps({"token": qbo_access_token, "expires_at": expires}))
        if company.qbo_company_name:
            secrets.put(secrets.qbo_company_entry(company.realm_id), company.qbo_company_name,
                        secret=False)
        stamp = company.added_at or dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        companies.append(Company(**{**company.to_json(), "name": name, "added_at": stamp}))
        _write(companies)


def remove(name: str) -> Company:
    """Forget a company: its entry, its history, and its secrets unless another saved company
    still uses them (the same Clockify account, the same QuickBooks company)."""
    from wizard.storage import secrets  # keyring: see the module's docstring

    with _LOCK:
        company = find(name)
        rest = [c for c in load() if c.id != company.id]
        _write(rest)
    if not any(c.clockify_account == company.clockify_account for c in rest):
        secrets.delete(clockify_key_entry(company.clockify_account))
    if not any(c.realm_id == company.realm_id for c in rest):
        for entry in (secrets.qbo_refresh_entry(company.realm_id),
                      secrets.qbo_access_entry(company.realm_id),
                      secrets.qbo_company_entry(company.realm_id)):
            secrets.delete(entry)
        if secrets.get(secrets.QBO_CURRENT_REALM, secret=False) == company.realm_id:
            secrets.delete(secrets.QBO_CURRENT_REALM)
    folder = history_folder(company)
    with contextlib.suppress(FileNotFoundError):
        shutil.rmtree(folder)
    return company


def clockify_key(company: Company) -> str | None:
    """The API key that reads this company's workspace (None when it is gone from the keyring)."""
    from wizard.storage import secrets  # keyring: see the module's docstring

    value = secrets.get(clockify_key_entry(company.clockify_account))
    return value.strip() if value and value.strip() else None
