"""Every request the client sends is an operation of Clockify's published OpenAPI description
(path, method, parameter names, request body), and the fake's answers fit its schemas, prepared
as the reference says (§11: enum wrappers unwrapped, `features` a list of strings, nulls dropped).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

import jsonschema
import pytest

from tests.conftest import reference_file
from tests.fakes.clockify_server import Logged, load_sample, serve, synthetic
from wizard.sources import sample
from wizard.sources.clockify import ClockifyClient, Region, new_session

KEY = "Sp3c" * 12
PERIOD = (dt.date(2026, 9, 1), dt.date(2026, 11, 24))


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    spec = json.loads(reference_file("clockify-openapi.json").read_text(encoding="utf-8"))
    schemas = spec["components"]["schemas"]
    for name, schema in list(schemas.items()):
        if schema.get("type") == "object" and "oneOf" in schema:
            enums = [x for x in schema["oneOf"] if "enum" in x]
            schemas[name] = enums[0] if enums else {"type": "string"}
    schemas["WorkspaceDtoV1"]["properties"]["features"] = {"type": "array",
                                                           "items": schemas["Feature"]}
    return spec


def drop_nulls(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: drop_nulls(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [drop_nulls(v) for v in value]
    return value


def spec_path(path: str) -> str:
    """A fake's URL path → the spec's (`/api/v1/…` core, `/v1/…` or `/report/v1/…` reports)."""
    for prefix in ("/api", "/report"):
        if path.startswith(prefix + "/v1/"):
            return path[len(prefix):]
    return path


def operation(spec: dict[str, Any], logged: Logged) -> tuple[str, dict[str, Any]]:
    path = spec_path(logged.path)
    for template, item in spec["paths"].items():
        pattern = re.sub(r"\\\{[^/]+?\\\}", "[^/]+", re.escape(template))
        if re.fullmatch(pattern, path) and logged.method.lower() in item:
            return template, item[logged.method.lower()]
    raise AssertionError(f"{logged.method} {path} is not an operation of the published spec")


def validate(spec: dict[str, Any], schema: dict[str, Any], value: Any) -> None:
    validator = jsonschema.Draft4Validator({**schema, "components": spec["components"]})
    validator.validate(drop_nulls(value))


@pytest.fixture(scope="module")
def traffic() -> list[Logged]:
    """The requests of several full reads: an owner, an admin, a non-admin, the Free plan's
    report split, and a key of another region."""

    with serve() as world, serve("euc1") as euc1:
        load_sample(world, sample.sample_dir() / "clockify", KEY)
        synthetic(world, "admin-key-" + "a" * 30, role="WORKSPACE_ADMIN", members=20,
                  entries=30, seed=2)
        synthetic(world, "member-key-" + "m" * 30, role="MEMBER", entries=30, seed=3)
        synthetic(euc1, "euc1-key-" + "e" * 30, entries=40, seed=4)
        world.max_report_days = 31
        regions = [Region("global", world.core_url, world.reports_url),
                   Region("euc1", euc1.core_url, euc1.reports_url)]
        for key in (KEY, "admin-key-" + "a" * 30, "member-key-" + "m" * 30,
                    "euc1-key-" + "e" * 30):
            client = ClockifyClient(new_session(backoff=0.01), key, regions=regions,
                                    min_interval=0)
            data = client.read(PERIOD)
            assert data.entries is not None
        logged = world.log + euc1.log
    return logged


def test_every_request_is_a_published_operation(spec: dict[str, Any],
                                                traffic: list[Logged]) -> None:
    seen = set()
    for logged in traffic:
        template, op = operation(spec, logged)
        seen.add(op["operationId"])
        params = {p["name"]: p for p in op.get("parameters", []) if p["in"] == "query"}
        assert set(logged.query) <= set(params), (template, set(logged.query) - set(params))
        required = {n for n, p in params.items() if p.get("required")}
        assert required <= set(logged.query), (template, required - set(logged.query))
        if logged.method == "POST":
            schema = op["requestBody"]["content"]["application/json"]["schema"]
            validate(spec, schema, logged.body)
    assert seen == {"getLoggedUser", "getWorkspacesOfUser", "getUsersOfWorkspace", "getClients",
                    "getProjects", "generateDetailedReport"}


def test_the_fakes_answers_fit_the_published_schemas(spec: dict[str, Any],
                                                     traffic: list[Logged]) -> None:
    checked = 0
    for logged in traffic:
        if logged.status != 200:
            assert set(logged.response) == {"message", "code"}
            assert isinstance(logged.response["code"], int)
            continue
        _, op = operation(spec, logged)
        content = op["responses"]["200"]["content"]
        schema = next(iter(content.values()))["schema"]
        validate(spec, schema, logged.response)
        checked += 1
    assert checked >= 20


def test_a_wrong_answer_would_be_caught(spec: dict[str, Any]) -> None:
    """The preparation must not make the schemas accept anything."""
    _, op = operation(spec, Logged("GET", "/api/v1/user", {}, None, 200, None, {}))
    schema = op["responses"]["200"]["content"]["application/json"]["schema"]
    with pytest.raises(jsonschema.ValidationError):
        validate(spec, schema, {"id": 5, "status": "ACTIVE"})
    with pytest.raises(jsonschema.ValidationError):
        validate(spec, schema, {"id": "u", "status": "NOT_A_STATUS"})
