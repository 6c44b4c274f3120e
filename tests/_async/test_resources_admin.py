"""``client.admin``: what goes on the wire for a sample of the admin calls, and what comes back.

Each test mocks the HTTP layer with respx (httpx transport), so it checks the resource methods and
not the network. The conformance suite runs every call against the spec's mock server.
"""

from __future__ import annotations

import inspect
import json
from pathlib import Path
from typing import Any, AsyncIterator, Dict, List

import httpx
import pytest
import respx

from openai._async._pagination import AsyncPage
from openai._async.resources.admin import AsyncAdmin
from openai._signatures import takes_params as takes_params_typeddict
from openai.types.admin.organization import (
    AdminAPIKey,
    AdminAPIKeyCreateResponse,
    AuditLogListResponse,
    CertificateActivateResponse,
    Group,
    OrganizationDataRetention,
    OrganizationSpendLimitDeleted,
    UsageCostsResponse,
)
from openai.types.admin.organization.groups import RoleRetrieveResponse
from tests._transports import make_async_client

BASE_URL = "http://127.0.0.1:1/v1"
RESOURCE_TYPES = Path(__file__).resolve().parents[2] / "codegen" / "resource_types.json"


@pytest.fixture
async def admin() -> AsyncIterator[AsyncAdmin]:
    async with make_async_client("httpx", BASE_URL, max_retries=0) as client:
        yield AsyncAdmin(client)


def sent(route: respx.Route, index: int = 0) -> httpx.Request:
    request: httpx.Request = route.calls[index].request
    return request


def json_body(request: httpx.Request) -> Any:
    assert request.headers["content-type"].startswith("application/json")
    return json.loads(request.content)


def api_key(key_id: str) -> Dict[str, Any]:
    return {
        "object": "organization.admin_api_key",
        "id": key_id,
        "name": "ci",
        "redacted_value": "sk-admin-...xyz",
        "created_at": 1711471533,
        "owner": {"type": "user", "id": "user_1"},
    }


def audit_event(event_id: str) -> Dict[str, Any]:
    return {"id": event_id, "type": "project.created", "effective_at": 1711471533}


def group(group_id: str) -> Dict[str, Any]:
    return {"id": group_id, "name": "eng", "created_at": 1711471533, "is_scim_managed": False, "group_type": "group"}


def certificate(cert_id: str) -> Dict[str, Any]:
    return {
        "object": "organization.certificate",
        "id": cert_id,
        "name": "edge",
        "created_at": 1711471533,
        "certificate_details": {"valid_at": 1711471533, "expires_at": 1811471533},
        "active": True,
    }


async def test_create_sends_a_json_body_and_parses_the_model(admin: AsyncAdmin) -> None:
    with respx.mock(base_url=BASE_URL, assert_all_called=True) as mock:
        route = mock.post("/organization/admin_api_keys").respond(200, json={**api_key("key_1"), "value": "sk-admin-1"})
        created = await admin.organization.admin_api_keys.create(name="ci")

    request = sent(route)
    assert request.method == "POST"
    assert request.url.path == "/v1/organization/admin_api_keys"
    assert json_body(request) == {"name": "ci"}
    assert isinstance(created, AdminAPIKeyCreateResponse)
    assert created.value == "sk-admin-1"
    assert created.owner.id == "user_1"


async def test_nested_calls_take_the_parent_id_by_keyword_and_put_it_first(admin: AsyncAdmin) -> None:
    with respx.mock(base_url=BASE_URL, assert_all_called=True) as mock:
        get_role = mock.get("/organization/groups/grp_1/roles/role_1").respond(
            200, json={"object": "group.role", "group": group("grp_1"), "role": {"id": "role_1"}}
        )
        drop_role = mock.delete("/organization/users/user_1/roles/role_2").respond(
            200, json={"object": "user.role.deleted", "deleted": True}
        )
        role = await admin.organization.groups.roles.retrieve("role_1", group_id="grp_1")
        dropped = await admin.organization.users.roles.delete("role_2", user_id="user_1")

    assert sent(get_role).method == "GET"
    assert isinstance(role, RoleRetrieveResponse)
    assert sent(drop_role).method == "DELETE"
    assert dropped.deleted is True


async def test_an_empty_path_argument_is_refused_before_any_request(admin: AsyncAdmin) -> None:
    with respx.mock(base_url=BASE_URL, assert_all_called=False) as mock:
        route = mock.route().respond(500)
        with pytest.raises(ValueError, match="group_id"):
            await admin.organization.groups.users.delete("user_1", group_id="")
        with pytest.raises(ValueError, match="certificate_id"):
            await admin.organization.certificates.retrieve("")
    assert not route.called


async def test_params_of_a_get_call_go_in_the_query_string(admin: AsyncAdmin) -> None:
    with respx.mock(base_url=BASE_URL, assert_all_called=True) as mock:
        route = mock.get("/organization/certificates/cert_1").respond(200, json=certificate("cert_1"))
        cert = await admin.organization.certificates.retrieve("cert_1", include=["content"])

    request = sent(route)
    assert request.url.params.get_list("include[]") == ["content"]
    assert request.content == b""
    assert cert.id == "cert_1"


async def test_activate_posts_ids_and_returns_one_whole_page(admin: AsyncAdmin) -> None:
    with respx.mock(base_url=BASE_URL, assert_all_called=True) as mock:
        route = mock.post("/organization/certificates/activate").respond(
            200, json={"object": "organization.certificate.activation", "data": [certificate("c1"), certificate("c2")]}
        )
        page = await admin.organization.certificates.activate(certificate_ids=["c1", "c2"])

    assert json_body(sent(route)) == {"certificate_ids": ["c1", "c2"]}
    assert isinstance(page, AsyncPage)
    assert [item.id for item in page.data] == ["c1", "c2"]
    assert all(isinstance(item, CertificateActivateResponse) for item in page.data)
    assert not page.has_next_page()


async def test_audit_log_list_walks_pages_by_last_id_and_keeps_its_filters(admin: AsyncAdmin) -> None:
    pages: List[Dict[str, Any]] = [
        {"object": "list", "data": [audit_event("e1"), audit_event("e2")], "has_more": True, "last_id": "e2"},
        {"object": "list", "data": [audit_event("e3")], "has_more": False, "last_id": "e3"},
    ]
    with respx.mock(base_url=BASE_URL, assert_all_called=True) as mock:
        route = mock.get("/organization/audit_logs").mock(side_effect=[httpx.Response(200, json=p) for p in pages])
        events = [
            event
            async for event in admin.organization.audit_logs.list(
                project_ids=["proj_1", "proj_2"], effective_at={"gte": 1700000000}, limit=2
            )
        ]

    assert [event.id for event in events] == ["e1", "e2", "e3"]
    assert all(isinstance(event, AuditLogListResponse) for event in events)
    assert route.call_count == 2
    first, second = sent(route, 0).url.params, sent(route, 1).url.params
    assert first.get_list("project_ids[]") == ["proj_1", "proj_2"]
    assert first["effective_at[gte]"] == "1700000000"
    assert "after" not in first
    assert second["after"] == "e2"
    assert second.get_list("project_ids[]") == ["proj_1", "proj_2"]
    assert second["limit"] == "2"


async def test_group_list_walks_pages_by_the_next_cursor(admin: AsyncAdmin) -> None:
    pages: List[Dict[str, Any]] = [
        {"object": "list", "data": [group("g1")], "has_more": True, "next": "cursor_2"},
        {"object": "list", "data": [group("g2")], "has_more": False, "next": None},
    ]
    with respx.mock(base_url=BASE_URL, assert_all_called=True) as mock:
        route = mock.get("/organization/groups").mock(side_effect=[httpx.Response(200, json=p) for p in pages])
        groups = [item async for item in admin.organization.groups.list(order="asc")]

    assert [item.id for item in groups] == ["g1", "g2"]
    assert all(isinstance(item, Group) for item in groups)
    assert sent(route, 1).url.params["after"] == "cursor_2"
    assert sent(route, 1).url.params["order"] == "asc"


async def test_admin_api_key_list_walks_pages_by_the_last_item_id(admin: AsyncAdmin) -> None:
    pages: List[Dict[str, Any]] = [
        {"object": "list", "data": [api_key("k1"), api_key("k2")], "has_more": True, "last_id": "k2"},
        {"object": "list", "data": [api_key("k3")], "has_more": False, "last_id": "k3"},
    ]
    with respx.mock(base_url=BASE_URL, assert_all_called=True) as mock:
        route = mock.get("/organization/admin_api_keys").mock(side_effect=[httpx.Response(200, json=p) for p in pages])
        first_page = await admin.organization.admin_api_keys.list(limit=2)
        assert first_page.has_next_page()
        keys = [key async for key in first_page]

    assert [key.id for key in keys] == ["k1", "k2", "k3"]
    assert all(isinstance(key, AdminAPIKey) for key in keys)
    assert sent(route, 1).url.params["after"] == "k2"


async def test_usage_costs_is_under_organization_costs_and_parses_buckets(admin: AsyncAdmin) -> None:
    bucket = {
        "object": "bucket",
        "start_time": 1730419200,
        "end_time": 1730505600,
        "results": [
            {"object": "organization.costs.result", "amount": {"value": 0.06, "currency": "usd"}, "project_id": "p1"}
        ],
    }
    with respx.mock(base_url=BASE_URL, assert_all_called=True) as mock:
        route = mock.get("/organization/costs").respond(
            200, json={"object": "page", "data": [bucket], "has_more": False, "next_page": None}
        )
        costs = await admin.organization.usage.costs(start_time=1730419200, group_by=["project_id"], limit=7)

    params = sent(route).url.params
    assert params["start_time"] == "1730419200"
    assert params.get_list("group_by[]") == ["project_id"]
    assert params["limit"] == "7"
    assert isinstance(costs, UsageCostsResponse)
    assert costs.data[0].start_time == 1730419200
    assert costs.has_more is False


async def test_organization_wide_settings_take_no_id(admin: AsyncAdmin) -> None:
    retention = {"object": "organization.data_retention", "type": "zero_data_retention"}
    with respx.mock(base_url=BASE_URL, assert_all_called=True) as mock:
        get_retention = mock.get("/organization/data_retention").respond(200, json=retention)
        set_retention = mock.post("/organization/data_retention").respond(200, json=retention)
        drop_limit = mock.delete("/organization/spend_limit").respond(
            200, json={"object": "organization.spend_limit.deleted", "deleted": True}
        )
        current = await admin.organization.data_retention.retrieve()
        updated = await admin.organization.data_retention.update(retention_type="zero_data_retention")
        dropped = await admin.organization.spend_limit.delete()

    assert sent(get_retention).url.query == b""
    assert isinstance(current, OrganizationDataRetention) and current.type == "zero_data_retention"
    assert json_body(sent(set_retention)) == {"retention_type": "zero_data_retention"}
    assert isinstance(updated, OrganizationDataRetention)
    assert sent(drop_limit).method == "DELETE"
    assert isinstance(dropped, OrganizationSpendLimitDeleted) and dropped.deleted is True


def admin_calls() -> List[Dict[str, Any]]:
    calls: List[Dict[str, Any]] = json.loads(RESOURCE_TYPES.read_text())["calls"]
    return [
        call
        for call in calls
        if call["call"].startswith("client.admin.")
        and not call["call"].startswith("client.admin.organization.projects.")
    ]


def test_every_admin_call_exists_with_its_arguments() -> None:
    calls = admin_calls()
    # The organization-level admin calls; projects are covered by their own resource's tests.
    assert len(calls) == 63
    admin = AsyncAdmin(client=None)  # type: ignore[arg-type]  # only attribute lookups, no requests
    for call in calls:
        target: Any = admin
        for name in call["call"].split(".")[2:]:
            target = getattr(target, name)
        args = [arg.strip() for arg in call["args"].split(",") if arg.strip()]
        star = args.index("*") if "*" in args else len(args)
        positional = [arg for arg in args[:star] if arg != "**params"]
        keyword = [arg for arg in args[star + 1 :] if arg != "**params"]
        parameters = inspect.signature(target).parameters.values()
        kinds: Dict[str, List[str]] = {"POSITIONAL_OR_KEYWORD": [], "KEYWORD_ONLY": [], "VAR_KEYWORD": []}
        for parameter in parameters:
            kinds[parameter.kind.name].append(parameter.name)
        assert kinds["POSITIONAL_OR_KEYWORD"] == positional, call["call"]
        options = ["extra_headers", "extra_query", "extra_body", "timeout"]
        # `**params` as written shows its keys one by one, between the explicit keywords and the options.
        assert kinds["KEYWORD_ONLY"][: len(keyword)] == keyword, call["call"]
        assert kinds["KEYWORD_ONLY"][-len(options) :] == options, call["call"]
        assert kinds["VAR_KEYWORD"] == [], call["call"]
        assert takes_params_typeddict(target) is ("**params" in args), call["call"]
