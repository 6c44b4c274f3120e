"""``/files``: multipart upload, listing, retrieval, deletion and raw content."""

from __future__ import annotations

from typing import Any, Dict, List, Optional

from ._multipart import FormPart, boundary_of, parse_form
from ._reply import ApiError, Reply, json_reply, missing_parameter
from ._routes import Call, Route, find
from ._store import Store

__all__ = ["PURPOSES", "ROUTES", "add_file"]

JSONObject = Dict[str, Any]

PURPOSES = frozenset({"assistants", "batch", "fine-tune", "vision", "user_data", "evals"})


def _form(call: Call) -> Dict[str, FormPart]:
    boundary = boundary_of(call.request.headers.get("content-type", ""))
    if boundary is None:
        raise ApiError(400, "Uploads must be sent as multipart/form-data with a boundary.")
    try:
        return parse_form(boundary, call.request.body)
    except ValueError as error:
        raise ApiError(400, f"Could not parse the multipart body: {error}.") from None


def _create(call: Call) -> Reply:
    form = _form(call)
    upload = form.get("file")
    if upload is None:
        raise missing_parameter("file")
    purpose_field = form.get("purpose")
    if purpose_field is None:
        raise missing_parameter("purpose")
    purpose = purpose_field.text()
    if purpose not in PURPOSES:
        raise ApiError(400, f"Invalid value for 'purpose': {purpose!r}.", param="purpose")
    if purpose == "batch":
        # Imported here: the batch routes build on this module's add_file.
        from ._batches import check_input_size

        check_input_size(call.store, len(upload.data))
    expires_in = None
    seconds = form.get("expires_after[seconds]")
    if seconds is not None:
        if not seconds.text().isdigit():
            raise ApiError(400, "'expires_after[seconds]' must be an integer.", param="expires_after")
        expires_in = int(seconds.text())
    return json_reply(add_file(call.store, upload.data, upload.filename or "upload", purpose, expires_in=expires_in))


def add_file(store: Store, data: bytes, filename: str, purpose: str, *, expires_in: Optional[int] = None) -> JSONObject:
    """Store ``data`` as a new file and return its file object."""
    file_id = store.new_id("file")
    created = store.now()
    store.files[file_id] = {
        "id": file_id,
        "object": "file",
        "bytes": len(data),
        "created_at": created,
        "expires_at": None if expires_in is None else created + expires_in,
        "filename": filename,
        "purpose": purpose,
        "status": "processed",
        "status_details": None,
    }
    store.file_contents[file_id] = data
    return store.files[file_id]


def _list(call: Call) -> Reply:
    items = list(call.store.files.values())
    purpose = call.query.get("purpose")
    if purpose:
        items = [item for item in items if item["purpose"] == purpose]
    return json_reply(call.page(call.ordered(items, "desc"), 10_000, 10_000))


def _retrieve(call: Call) -> Reply:
    return json_reply(find(call.store.files, call.params["file_id"], "file", "file_id"))


def _delete(call: Call) -> Reply:
    file_id = call.params["file_id"]
    find(call.store.files, file_id, "file", "file_id")
    del call.store.files[file_id]
    call.store.file_contents.pop(file_id, None)
    return json_reply({"id": file_id, "object": "file", "deleted": True})


def _content(call: Call) -> Reply:
    file_id = call.params["file_id"]
    find(call.store.files, file_id, "file", "file_id")
    return Reply(200, call.store.file_contents[file_id], content_type="application/octet-stream")


ROUTES: List[Route] = [
    ("POST", "/files", _create),
    ("GET", "/files", _list),
    ("GET", "/files/{file_id}", _retrieve),
    ("DELETE", "/files/{file_id}", _delete),
    ("GET", "/files/{file_id}/content", _content),
]
