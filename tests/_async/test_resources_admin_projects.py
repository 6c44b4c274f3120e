"""``client.admin.organization.projects``: what goes on the wire and what comes back, against respx mocks.

Every call in codegen/resource_types.json under this resource is made once (method, path, return type);
a few are checked in detail: JSON bodies, query strings, keyword-only path parameters and pagination.
"""

from __future__ import annotations

import importlib
import inspect
import json
from pathlib import Path
from typing import Any, AsyncIterator

import httpx
import pytest
import respx

from openai._async._pagination import AsyncConversationCursorPage, AsyncNextCursorPage, AsyncPage
from openai._async.resources.admin.organization.projects import AsyncProjects
from openai._signatures import takes_params as takes_params_typeddict
from openai.types.admin.organization import Project
from openai.types.admin.organization.projects import (
    CertificateActivateResponse,
    ProjectGroup,
    ProjectRateLimit,
    ProjectUser,
)
from openai.types.admin.organization.projects.users import RoleDeleteResponse
from tests._placeholders import required_placeholders
from tests._transports import make_async_client

BASE_URL = "http://127.0.0.1:1/v1"
PREFIX = "client.admin.organization.projects."
RESOURCE_TYPES = Path(__file__).resolve().parents[2] / "codegen" / "resource_types.json"
PAGE_CLASSES: dict[str, Any] = {
    "SyncPage": AsyncPage,
    "SyncConversationCursorPage": AsyncConversationCursorPage,
    "SyncNextCursorPage": AsyncNextCursorPage,
}


def project_calls() -> list[dict[str, Any]]:
    calls = json.loads(RESOURCE_TYPES.read_text(encoding="utf-8"))["calls"]
    return [call for call in calls if call["call"].startswith(PREFIX)]


CALLS = project_calls()


@pytest.fixture
async def projects() -> AsyncIterator[AsyncProjects]:
    async with make_async_client("httpx", BASE_URL, max_retries=0) as client:
        yield AsyncProjects(client)


def resolve(projects: AsyncProjects, call: str) -> Any:
    target: Any = projects
    for name in call.removeprefix(PREFIX).split("."):
        target = getattr(target, name)
    return target


def body_of(request: httpx.Request) -> Any:
    return json.loads(request.content)


def test_the_table_lists_every_call() -> None:
    # The count in the brief; a regenerated table that drops or adds calls must be looked at.
    assert len(CALLS) == 56


@pytest.mark.parametrize("call", CALLS, ids=[call["call"].removeprefix(PREFIX) for call in CALLS])
async def test_every_call_hits_its_operation(projects: AsyncProjects, call: dict[str, Any]) -> None:
    method = resolve(projects, call["call"])
    # Positional and keyword-only path arguments exactly as the official interface writes them.
    written = [arg.strip() for arg in call["args"].split(",")]
    positional = written[: written.index("*")] if "*" in written else [a for a in written if a != "**params"]
    keyword_only = written[written.index("*") + 1 :] if "*" in written else []
    keyword_only = [arg for arg in keyword_only if arg != "**params"]
    parameters = inspect.signature(method).parameters.values()
    assert [p.name for p in parameters if p.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD] == positional
    assert [p.name for p in parameters if p.kind is inspect.Parameter.KEYWORD_ONLY][: len(keyword_only)] == (
        keyword_only
    )
    # `**params` as written; the signature shows its keys one by one.
    assert takes_params_typeddict(method) == ("**params" in written)

    values = {name: f"{name}-1" for name in call["path_params"]}
    path = call["path"].format(**values)
    reply = {"object": "list", "data": [{"id": "item-1"}]} if call["result"] == "page" else {"id": "x-1"}
    with respx.mock(base_url=BASE_URL, assert_all_called=True) as mock:
        route = mock.route(method=call["http_method"], path=path).respond(json=reply)
        result = await method(
            *[values[name] for name in positional],
            **{name: values[name] for name in keyword_only},
            **required_placeholders(method, keyword_only),
        )
    assert route.call_count == 1
    if call["result"] == "page":
        assert isinstance(result, PAGE_CLASSES[call["page"]["kind"]])
        item = call["page"]["item"]
        item_type = getattr(importlib.import_module(item["module"]), item["name"])
        assert [type(entry) for entry in result.data] == [item_type]
    else:
        returns = call["returns"]
        assert isinstance(result, getattr(importlib.import_module(returns["module"]), returns["name"]))
    sent = route.calls.last.request
    if call["body"] is None:
        assert sent.content == b""
    else:
        assert sent.headers["content-type"] == "application/json"


async def test_create_sends_json_and_parses_the_project(projects: AsyncProjects) -> None:
    with respx.mock(base_url=BASE_URL) as mock:
        route = mock.post("/organization/projects").respond(
            json={"id": "proj_1", "object": "organization.project", "name": "Alpha", "status": "active"}
        )
        project = await projects.create(name="Alpha", geography="EU")
    assert body_of(route.calls.last.request) == {"name": "Alpha", "geography": "EU"}
    assert isinstance(project, Project)
    assert (project.id, project.name, project.status) == ("proj_1", "Alpha", "active")


async def test_nested_call_puts_keyword_path_params_in_path_order(projects: AsyncProjects) -> None:
    with respx.mock(base_url=BASE_URL) as mock:
        route = mock.delete("/projects/proj_1/users/user_2/roles/role_3").respond(
            json={"object": "user.role.deleted", "deleted": True}
        )
        deleted = await projects.users.roles.delete("role_3", project_id="proj_1", user_id="user_2")
    assert route.called
    assert isinstance(deleted, RoleDeleteResponse)
    assert deleted.deleted is True
    with pytest.raises(TypeError):
        await projects.users.roles.delete("role_3", "proj_1", "user_2")  # type: ignore[misc]


async def test_update_with_body_and_two_path_params(projects: AsyncProjects) -> None:
    with respx.mock(base_url=BASE_URL) as mock:
        route = mock.post("/organization/projects/proj_1/users/user_2").respond(
            json={"id": "user_2", "object": "organization.project.user", "role": "owner"}
        )
        user = await projects.users.update("user_2", project_id="proj_1", role="owner")
    assert body_of(route.calls.last.request) == {"role": "owner"}
    assert isinstance(user, ProjectUser)
    assert user.role == "owner"


async def test_get_with_params_sends_a_query_string(projects: AsyncProjects) -> None:
    with respx.mock(base_url=BASE_URL) as mock:
        route = mock.get("/organization/projects/proj_1/groups/grp_1").respond(
            json={"object": "project.group", "project_id": "proj_1", "group_id": "grp_1"}
        )
        group = await projects.groups.retrieve("grp_1", project_id="proj_1", group_type="tenant_group")
    request = route.calls.last.request
    assert dict(request.url.params) == {"group_type": "tenant_group"}
    assert request.content == b""
    assert isinstance(group, ProjectGroup)
    assert group.group_id == "grp_1"


async def test_empty_path_param_is_refused_before_any_request(projects: AsyncProjects) -> None:
    with respx.mock(base_url=BASE_URL, assert_all_called=False) as mock:
        route = mock.route().respond(json={})
        with pytest.raises(ValueError, match="project_id"):
            await projects.spend_limit.retrieve("")
        with pytest.raises(ValueError, match="service_account_id"):
            await projects.service_accounts.api_keys.create("", project_id="proj_1", name="k")
    assert not route.called


async def test_list_walks_last_id_pages_keeping_the_filters(projects: AsyncProjects) -> None:
    def reply(request: httpx.Request) -> httpx.Response:
        if "after" not in request.url.params:
            return httpx.Response(
                200,
                json={
                    "object": "list",
                    "data": [{"id": "proj_1"}, {"id": "proj_2"}],
                    "first_id": "proj_1",
                    "last_id": "proj_2",
                    "has_more": True,
                },
            )
        return httpx.Response(
            200,
            json={"object": "list", "data": [{"id": "proj_3"}], "last_id": "proj_3", "has_more": False},
        )

    with respx.mock(base_url=BASE_URL) as mock:
        route = mock.get("/organization/projects").mock(side_effect=reply)
        ids = [project.id async for project in projects.list(limit=2, include_archived=True)]
    assert ids == ["proj_1", "proj_2", "proj_3"]
    first, second = (call.request.url.params for call in route.calls)
    assert dict(first) == {"limit": "2", "include_archived": "true"}
    assert dict(second) == {"limit": "2", "include_archived": "true", "after": "proj_2"}


async def test_roles_list_follows_the_next_cursor(projects: AsyncProjects) -> None:
    def reply(request: httpx.Request) -> httpx.Response:
        if request.url.params.get("after") == "cursor-2":
            return httpx.Response(
                200, json={"object": "list", "data": [{"id": "role_3"}], "has_more": False, "next": None}
            )
        return httpx.Response(
            200,
            json={"object": "list", "data": [{"id": "role_1"}, {"id": "role_2"}], "has_more": True, "next": "cursor-2"},
        )

    with respx.mock(base_url=BASE_URL) as mock:
        route = mock.get("/projects/proj_1/roles").mock(side_effect=reply)
        first = await projects.roles.list("proj_1", order="asc")
        assert isinstance(first, AsyncNextCursorPage)
        assert first.has_next_page()
        ids = [role.id async for role in first]
    assert ids == ["role_1", "role_2", "role_3"]
    assert [dict(call.request.url.params) for call in route.calls] == [
        {"order": "asc"},
        {"order": "asc", "after": "cursor-2"},
    ]


async def test_rate_limits_pages_are_typed(projects: AsyncProjects) -> None:
    def reply(request: httpx.Request) -> httpx.Response:
        after = request.url.params.get("after")
        item = {"id": "rl_2" if after else "rl_1", "object": "project.rate_limit", "model": "gpt-x"}
        return httpx.Response(
            200, json={"object": "list", "data": [item], "last_id": item["id"], "has_more": after is None}
        )

    with respx.mock(base_url=BASE_URL) as mock:
        mock.get("/organization/projects/proj_1/rate_limits").mock(side_effect=reply)
        limits = [limit async for limit in projects.rate_limits.list_rate_limits("proj_1")]
    assert [limit.id for limit in limits] == ["rl_1", "rl_2"]
    assert all(isinstance(limit, ProjectRateLimit) for limit in limits)


async def test_certificate_activation_posts_ids_and_returns_a_page(projects: AsyncProjects) -> None:
    with respx.mock(base_url=BASE_URL) as mock:
        route = mock.post("/organization/projects/proj_1/certificates/activate").respond(
            json={"object": "organization.project.certificate.activation", "data": [{"id": "cert_1"}]}
        )
        page = await projects.certificates.activate("proj_1", certificate_ids=["cert_1", "cert_2"])
    assert body_of(route.calls.last.request) == {"certificate_ids": ["cert_1", "cert_2"]}
    assert isinstance(page, AsyncPage)
    assert [type(item) for item in page.data] == [CertificateActivateResponse]
    assert not page.has_next_page()


async def test_sub_resources_are_cached(projects: AsyncProjects) -> None:
    assert projects.users is projects.users
    assert projects.users.roles is projects.users.roles
    assert projects.groups.roles is not projects.users.roles


async def test_raw_response_view_reaches_nested_calls(projects: AsyncProjects) -> None:
    with respx.mock(base_url=BASE_URL) as mock:
        mock.get("/organization/projects/proj_1/spend_limit").respond(
            json={"object": "project.spend_limit", "threshold_amount": 5}, headers={"x-request-id": "req_9"}
        )
        raw = await projects.with_raw_response.spend_limit.retrieve("proj_1")
    assert raw.headers["x-request-id"] == "req_9"
    assert raw.parse().threshold_amount == 5
