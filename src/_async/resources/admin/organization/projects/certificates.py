"""``client.admin.organization.projects.certificates``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional, Union

from typing_extensions import Unpack

from ......_concurrency import AsyncPaginator
from ......_request import require_path_param
from ......_types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout
from ......types.admin.organization.projects import (
    CertificateActivateParams,
    CertificateActivateResponse,
    CertificateDeactivateParams,
    CertificateDeactivateResponse,
    CertificateListParams,
    CertificateListResponse,
)
from ....._pagination import AsyncConversationCursorPage, AsyncPage
from ...._base import AsyncAPIResource

# Type checkers take the names from the TYPE_CHECKING import only, and so check this module before its views.
if TYPE_CHECKING:
    from ._certificates_views import AsyncCertificatesWithRawResponse, AsyncCertificatesWithStreamingResponse
else:
    from ._certificates_views import AsyncCertificatesWithRawResponse, AsyncCertificatesWithStreamingResponse

__all__ = ["AsyncCertificates", "AsyncCertificatesWithRawResponse", "AsyncCertificatesWithStreamingResponse"]


class AsyncCertificates(AsyncAPIResource):
    """Which organization certificates a project uses."""

    with_raw_response: AsyncCertificatesWithRawResponse
    with_streaming_response: AsyncCertificatesWithStreamingResponse

    def list(
        self,
        project_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[CertificateListParams],
    ) -> AsyncPaginator[CertificateListResponse, AsyncConversationCursorPage[CertificateListResponse]]:
        """List the certificates available to a project, page by page."""
        return self._list(
            f"/organization/projects/{require_path_param('project_id', project_id)}/certificates",
            page=AsyncConversationCursorPage[CertificateListResponse],
            query=params,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    def activate(
        self,
        project_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[CertificateActivateParams],
    ) -> AsyncPaginator[CertificateActivateResponse, AsyncPage[CertificateActivateResponse]]:
        """Turn on certificates for a project."""
        return self._list(
            f"/organization/projects/{require_path_param('project_id', project_id)}/certificates/activate",
            body=params,
            method="post",
            page=AsyncPage[CertificateActivateResponse],
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    def deactivate(
        self,
        project_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[CertificateDeactivateParams],
    ) -> AsyncPaginator[CertificateDeactivateResponse, AsyncPage[CertificateDeactivateResponse]]:
        """Turn off certificates for a project."""
        return self._list(
            f"/organization/projects/{require_path_param('project_id', project_id)}/certificates/deactivate",
            body=params,
            method="post",
            page=AsyncPage[CertificateDeactivateResponse],
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )
