"""``client.skills.versions``."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Optional, Union

from typing_extensions import Unpack

from ...._concurrency import AsyncPaginator
from ...._request import require_path_param
from ...._types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout
from ....types.skills import DeletedSkillVersion, SkillVersion, VersionCreateParams, VersionListParams
from ..._pagination import AsyncCursorPage
from .._base import AsyncAPIResource
from .version_content import AsyncContent

# Type checkers take the names from the TYPE_CHECKING import only, and so check this module before its views.
if TYPE_CHECKING:
    from ._versions_views import AsyncVersionsWithRawResponse, AsyncVersionsWithStreamingResponse
else:
    from ._versions_views import AsyncVersionsWithRawResponse, AsyncVersionsWithStreamingResponse

__all__ = ["AsyncVersions", "AsyncVersionsWithRawResponse", "AsyncVersionsWithStreamingResponse"]


class AsyncVersions(AsyncAPIResource):
    """The versions of a skill: each upload of its files is a new version."""

    with_raw_response: AsyncVersionsWithRawResponse
    with_streaming_response: AsyncVersionsWithStreamingResponse

    @functools.cached_property
    def content(self) -> AsyncContent:
        """The zip bundle of one version."""
        return AsyncContent(self._client)

    async def create(
        self,
        skill_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[VersionCreateParams],
    ) -> SkillVersion:
        """Upload a new version of a skill, optionally making it the default."""
        return await self._call(
            "post",
            f"/skills/{require_path_param('skill_id', skill_id)}/versions",
            body=params,
            multipart=True,
            cast_to=SkillVersion,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    async def retrieve(
        self,
        version: str,
        *,
        skill_id: str,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> SkillVersion:
        """Get one version of a skill."""
        return await self._call(
            "get",
            f"/skills/{require_path_param('skill_id', skill_id)}/versions/{require_path_param('version', version)}",
            cast_to=SkillVersion,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    def list(
        self,
        skill_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[VersionListParams],
    ) -> AsyncPaginator[SkillVersion, AsyncCursorPage[SkillVersion]]:
        """List the versions of a skill, page by page."""
        return self._list(
            f"/skills/{require_path_param('skill_id', skill_id)}/versions",
            page=AsyncCursorPage[SkillVersion],
            query=params,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    async def delete(
        self,
        version: str,
        *,
        skill_id: str,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> DeletedSkillVersion:
        """Delete one version of a skill."""
        return await self._call(
            "delete",
            f"/skills/{require_path_param('skill_id', skill_id)}/versions/{require_path_param('version', version)}",
            cast_to=DeletedSkillVersion,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )
