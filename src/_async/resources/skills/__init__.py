"""``client.skills``: skills, their versions and their zip bundles."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Optional, Union

from typing_extensions import Unpack

from ...._concurrency import AsyncPaginator
from ...._request import require_path_param
from ...._types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout
from ....types import DeletedSkill, Skill, SkillCreateParams, SkillListParams, SkillUpdateParams
from ..._pagination import AsyncCursorPage
from .._base import AsyncAPIResource

if TYPE_CHECKING:
    from .content import AsyncContent
    from .versions import AsyncVersions

# Type checkers take the names from the TYPE_CHECKING import only, and so check this module before its views.
if TYPE_CHECKING:
    from ._views import AsyncSkillsWithRawResponse, AsyncSkillsWithStreamingResponse
else:
    from ._views import AsyncSkillsWithRawResponse, AsyncSkillsWithStreamingResponse

__all__ = ["AsyncSkills", "AsyncSkillsWithRawResponse", "AsyncSkillsWithStreamingResponse"]


class AsyncSkills(AsyncAPIResource):
    """Skills: uploaded bundles of instructions and files that a model can load."""

    with_raw_response: AsyncSkillsWithRawResponse
    with_streaming_response: AsyncSkillsWithStreamingResponse

    @functools.cached_property
    def content(self) -> AsyncContent:
        """The zip bundle of a skill's default version."""
        from .content import AsyncContent

        return AsyncContent(self._client)

    @functools.cached_property
    def versions(self) -> AsyncVersions:
        """The versions of a skill."""
        from .versions import AsyncVersions

        return AsyncVersions(self._client)

    async def create(
        self,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[SkillCreateParams],
    ) -> Skill:
        """Create a skill from uploaded files or one zip file."""
        return await self._call(
            "post",
            "/skills",
            body=params,
            multipart=True,
            cast_to=Skill,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    async def retrieve(
        self,
        skill_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> Skill:
        """Get a skill."""
        return await self._call(
            "get",
            f"/skills/{require_path_param('skill_id', skill_id)}",
            cast_to=Skill,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    async def update(
        self,
        skill_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[SkillUpdateParams],
    ) -> Skill:
        """Choose which version of a skill is its default."""
        return await self._call(
            "post",
            f"/skills/{require_path_param('skill_id', skill_id)}",
            body=params,
            cast_to=Skill,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    def list(
        self,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[SkillListParams],
    ) -> AsyncPaginator[Skill, AsyncCursorPage[Skill]]:
        """List skills, page by page."""
        return self._list(
            "/skills",
            page=AsyncCursorPage[Skill],
            query=params,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    async def delete(
        self,
        skill_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> DeletedSkill:
        """Delete a skill and all of its versions."""
        return await self._call(
            "delete",
            f"/skills/{require_path_param('skill_id', skill_id)}",
            cast_to=DeletedSkill,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )
