"""``client.admin.organization.certificates``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional, Union

from typing_extensions import Unpack

from ....._concurrency import AsyncPaginator
from ....._request import require_path_param
from ....._types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout
from .....types.admin.organization import (
    Certificate,
    CertificateActivateParams,
    CertificateActivateResponse,
    CertificateCreateParams,
    CertificateDeactivateParams,
    CertificateDeactivateResponse,
    CertificateDeleteResponse,
    CertificateListParams,
    CertificateListResponse,
    CertificateRetrieveParams,
    CertificateUpdateParams,
)
from ...._pagination import AsyncConversationCursorPage, AsyncPage
from ..._base import AsyncAPIResource

# Type checkers take the names from the TYPE_CHECKING import only, and so check this module before its views.
if TYPE_CHECKING:
    from ._certificates_views import AsyncCertificatesWithRawResponse, AsyncCertificatesWithStreamingResponse
else:
    from ._certificates_views import AsyncCertificatesWithRawResponse, AsyncCertificatesWithStreamingResponse

__all__ = ["AsyncCertificates", "AsyncCertificatesWithRawResponse", "AsyncCertificatesWithStreamingResponse"]


class AsyncCertificates(AsyncAPIResource):
    """Certificates uploaded to the organization, and which of them are active."""

    with_raw_response: AsyncCertificatesWithRawResponse
    with_streaming_response: AsyncCertificatesWithStreamingResponse

    async def create(
        self,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[CertificateCreateParams],
    ) -> Certificate:
        """Upload a certificate to the organization."""
        return await self._call(
            "post",
            "/organization/certificates",
            body=params,
            cast_to=Certificate,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    async def retrieve(
        self,
        certificate_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[CertificateRetrieveParams],
    ) -> Certificate:
        """Get a certificate; ``include=["content"]`` adds its PEM text."""
        return await self._call(
            "get",
            f"/organization/certificates/{require_path_param('certificate_id', certificate_id)}",
            query=params,
            cast_to=Certificate,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    async def update(
        self,
        certificate_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[CertificateUpdateParams],
    ) -> Certificate:
        """Rename a certificate."""
        return await self._call(
            "post",
            f"/organization/certificates/{require_path_param('certificate_id', certificate_id)}",
            body=params,
            cast_to=Certificate,
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
        **params: Unpack[CertificateListParams],
    ) -> AsyncPaginator[CertificateListResponse, AsyncConversationCursorPage[CertificateListResponse]]:
        """List the organization's certificates, page by page."""
        return self._list(
            "/organization/certificates",
            page=AsyncConversationCursorPage[CertificateListResponse],
            query=params,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    async def delete(
        self,
        certificate_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> CertificateDeleteResponse:
        """Delete a certificate."""
        return await self._call(
            "delete",
            f"/organization/certificates/{require_path_param('certificate_id', certificate_id)}",
            cast_to=CertificateDeleteResponse,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    def activate(
        self,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[CertificateActivateParams],
    ) -> AsyncPaginator[CertificateActivateResponse, AsyncPage[CertificateActivateResponse]]:
        """Activate certificates for the organization; returns the certificates changed."""
        return self._list(
            "/organization/certificates/activate",
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
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        **params: Unpack[CertificateDeactivateParams],
    ) -> AsyncPaginator[CertificateDeactivateResponse, AsyncPage[CertificateDeactivateResponse]]:
        """Deactivate certificates for the organization; returns the certificates changed."""
        return self._list(
            "/organization/certificates/deactivate",
            body=params,
            method="post",
            page=AsyncPage[CertificateDeactivateResponse],
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )
