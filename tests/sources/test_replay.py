"""The replay transport answers from files by route, through a real `requests.Session`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import requests

from wizard.sources.replay import NoRoute, Route, replay_session


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "user.json").write_text('{"name": "Zoë"}', encoding="utf-8")
    (tmp_path / "owner.json").write_text('[{"id": "w1"}]', encoding="utf-8")
    (tmp_path / "admin.json").write_text('[]', encoding="utf-8")
    (tmp_path / "clients-w1.json").write_text('[{"id": "c1"}]', encoding="utf-8")
    (tmp_path / "page.json").write_text('{"rows": [1, 2]}', encoding="utf-8")
    return tmp_path


ROUTES = [
    Route("GET", r"/api/v1/user", "user.json"),
    Route("GET", r"/api/v1/workspaces", "owner.json", query={"roles": "OWNER"}),
    Route("GET", r"/api/v1/workspaces", "admin.json", query={"roles": "WORKSPACE_ADMIN"}),
    Route("GET", r"/api/v1/workspaces/(?P<ws>\w+)/clients", "clients-{ws}.json"),
    Route("POST", r"/v1/report", "page.json", headers={"Last-Page": "true"}, json={"page": 1}),
    Route("POST", r"/v1/report", status=400, body=b'{"message": "too far", "code": 400}'),
]


def test_answers_by_path_query_and_body(folder: Path) -> None:
    session = replay_session(folder, ROUTES)
    assert session.get("https://api.example/api/v1/user").json() == {"name": "Zoë"}
    owner = session.get("https://api.example/api/v1/workspaces", params={"roles": "OWNER"})
    admin = session.get("http://other.example/api/v1/workspaces?roles=WORKSPACE_ADMIN")
    assert owner.json() == [{"id": "w1"}]
    assert admin.json() == []
    assert session.get("https://x/api/v1/workspaces/w1/clients").json() == [{"id": "c1"}]
    first = session.post("https://r.example/v1/report", json={"page": 1, "pageSize": 1000})
    assert first.status_code == 200
    assert first.headers["last-page"] == "true"
    assert first.json() == {"rows": [1, 2]}
    second = session.post("https://r.example/v1/report", json={"page": 2})
    assert second.status_code == 400
    assert not second.ok
    assert json.loads(second.text)["code"] == 400
    adapter = session.get_adapter("https://x")
    assert [s.status for s in adapter.served] == [200, 200, 200, 200, 200, 400]  # type: ignore[attr-defined]


def test_unknown_request_is_a_route_table_mistake(folder: Path) -> None:
    session = replay_session(folder, ROUTES)
    with pytest.raises(NoRoute, match="DELETE /api/v1/user"):
        session.delete("https://api.example/api/v1/user")
    with pytest.raises(NoRoute):
        session.get("https://api.example/api/v1/workspaces", params={"roles": "GUEST"})


def test_raise_for_status_and_encoding(folder: Path) -> None:
    session = replay_session(folder, ROUTES)
    response = session.post("https://r.example/v1/report", data="not json")
    with pytest.raises(requests.HTTPError, match="400"):
        response.raise_for_status()
    assert session.get("https://a/api/v1/user").text == '{"name": "Zoë"}'
