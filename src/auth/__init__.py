"""Workload identity: authenticate a client as a workload (Kubernetes, Azure, GCP) instead of with an API key."""

from ._workload import (
    SubjectTokenProvider,
    SubjectTokenWorkloadIdentity,
    WorkloadIdentity,
    WorkloadIdentityAuth,
    X509WorkloadIdentity,
    azure_managed_identity_token_provider,
    gcp_id_token_provider,
    k8s_service_account_token_provider,
    x509_workload_identity,
)

__all__ = [
    "SubjectTokenProvider",
    "SubjectTokenWorkloadIdentity",
    "WorkloadIdentity",
    "WorkloadIdentityAuth",
    "X509WorkloadIdentity",
    "azure_managed_identity_token_provider",
    "gcp_id_token_provider",
    "k8s_service_account_token_provider",
    "x509_workload_identity",
]
