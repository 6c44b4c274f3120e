"""Conformance of both clients to the OpenAPI spec, judged by the spec's own mock server."""
