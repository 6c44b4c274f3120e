"""The ``*_and_poll`` helpers: start a server-side job, then ask for it until it settles.

Between polls the helpers wait as :func:`openai._helpers.polling.poll_delay` says: the caller's
``poll_interval_ms``, else the server's ``openai-poll-after-ms`` header, else one second. A job is
polled until its status leaves the in-progress states, however long the server takes;
``files.wait_for_processing`` alone has a deadline (``max_wait_seconds``), as it always had.

Wiring (one line each in the resource classes):

- ``vector_stores.files``: ``poll``, ``create_and_poll``, ``upload``, ``upload_and_poll``
- ``vector_stores.file_batches``: ``poll``, ``create_and_poll``, ``upload_and_poll``
- ``beta.threads.runs``: ``poll``, ``create_and_poll``, ``submit_tool_outputs_and_poll``
- ``beta.threads``: ``create_and_run_poll``
- ``files``: ``wait_for_processing``
- ``videos``: ``poll``, ``create_and_poll``
"""

from __future__ import annotations

import functools
import time
from typing import TYPE_CHECKING, Any, Callable, Dict, Iterable, List, Optional, Sequence, Union

from typing_extensions import Unpack

from ..._concurrency import async_sleep
from ..._helpers.polling import (
    DEFAULT_POLL_INTERVAL_MS,
    FILE_DONE_STATUSES,
    RUN_PENDING_STATUSES,
    poll_delay,
    poll_headers,
)
from ..._types import NOT_GIVEN, Body, FileTypes, Headers, NotGiven, Query, Timeout
from ...types.beta.thread_create_and_run_params import ThreadCreateAndRunParamsBase
from ...types.beta.threads.run import Run
from ...types.beta.threads.run_create_params import RunCreateParamsBase
from ...types.beta.threads.run_submit_tool_outputs_params import ToolOutput
from ...types.file_chunking_strategy_param import FileChunkingStrategyParam
from ...types.file_object import FileObject
from ...types.vector_stores.file_batch_create_params import FileBatchCreateParams
from ...types.vector_stores.file_create_params import FileCreateParams
from ...types.vector_stores.vector_store_file import VectorStoreFile
from ...types.vector_stores.vector_store_file_batch import VectorStoreFileBatch
from ...types.video import Video
from ...types.video_create_params import VideoCreateParams

if TYPE_CHECKING:
    # Annotations only: the resource modules import this one to wire the helpers in.
    from ..resources import files as top_level_files
    from ..resources import videos as video_resources
    from ..resources.beta.threads import runs as thread_runs
    from ..resources.beta.threads import threads as thread_resources
    from ..resources.vector_stores import file_batches as vector_store_file_batches
    from ..resources.vector_stores import files as vector_store_files

__all__ = [
    "create_and_poll_video",
    "poll_video",
    "create_and_poll_file_batch",
    "create_and_poll_run",
    "create_and_poll_vector_store_file",
    "create_and_run_poll",
    "poll_file_batch",
    "poll_run",
    "poll_vector_store_file",
    "submit_tool_outputs_and_poll",
    "upload_and_poll_file_batch",
    "upload_and_poll_vector_store_file",
    "upload_vector_store_file",
    "wait_for_processing",
]

Attributes = Optional[Dict[str, Union[str, float, bool]]]


async def _poll(
    retrieve: Callable[..., Any],
    options: RequestOptions,
    *,
    pending: Callable[[Any], bool],
    poll_interval_ms: Union[int, float, NotGiven],
    default_ms: float = DEFAULT_POLL_INTERVAL_MS,
    give_up: Optional[Callable[[], None]] = None,
    announce_interval: bool = True,
) -> Any:
    """Call ``retrieve`` (a raw view's method, to see the headers) with ``options`` until ``pending``
    says the object has settled; return it.

    ``give_up``, when given, is called before each wait and raises once the caller's time is over;
    ``announce_interval`` says whether the caller's interval is told to the API in a header.
    """
    headers: Headers = poll_headers(options.extra_headers, poll_interval_ms if announce_interval else NOT_GIVEN)
    while True:
        raw = await retrieve(**options.with_headers(headers))
        result = raw.parse()
        if not pending(result):
            return result
        if give_up is not None:
            give_up()
        await async_sleep(poll_delay(raw.headers, poll_interval_ms, default_ms=default_ms))


def _file_pending(item: Any) -> bool:
    return getattr(item, "status", None) == "in_progress"


def _run_pending(run: Any) -> bool:
    return getattr(run, "status", None) in RUN_PENDING_STATUSES


class RequestOptions:
    """The per-call options a helper was given, passed on to each request it makes."""

    def __init__(
        self,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> None:
        self.extra_headers = extra_headers
        self.extra_query = extra_query
        self.extra_body = extra_body
        self.timeout = timeout

    def kwargs(self) -> Dict[str, Any]:
        return self.with_headers(self.extra_headers)

    def with_headers(self, headers: Optional[Headers]) -> Dict[str, Any]:
        return {
            "extra_headers": headers,
            "extra_query": self.extra_query,
            "extra_body": self.extra_body,
            "timeout": self.timeout,
        }


async def _upload(resource: Any, file: FileTypes, options: Optional[RequestOptions] = None) -> FileObject:
    """Upload one file for use with file search (purpose ``assistants``)."""
    from ..resources.files import AsyncFiles

    uploaded: FileObject = await AsyncFiles(resource._client).create(
        file=file, purpose="assistants", **(options or RequestOptions()).kwargs()
    )
    return uploaded


# vector_stores.files


async def poll_vector_store_file(
    resource: vector_store_files.AsyncFiles,
    file_id: str,
    *,
    vector_store_id: str,
    poll_interval_ms: Union[int, NotGiven] = NOT_GIVEN,
) -> VectorStoreFile:
    """Wait until a vector store file is no longer ``in_progress`` and return it."""
    return await _poll_vector_store_file(resource, file_id, vector_store_id, poll_interval_ms, RequestOptions())


async def _poll_vector_store_file(
    resource: vector_store_files.AsyncFiles,
    file_id: str,
    vector_store_id: str,
    poll_interval_ms: Union[int, NotGiven],
    options: RequestOptions,
) -> VectorStoreFile:
    retrieve = functools.partial(resource.with_raw_response.retrieve, file_id, vector_store_id=vector_store_id)
    result: VectorStoreFile = await _poll(retrieve, options, pending=_file_pending, poll_interval_ms=poll_interval_ms)
    return result


def _file_params(
    file_id: str, attributes: Union[Attributes, NotGiven], chunking_strategy: Union[FileChunkingStrategyParam, NotGiven]
) -> FileCreateParams:
    params: FileCreateParams = {"file_id": file_id}
    if not isinstance(attributes, NotGiven):
        params["attributes"] = attributes
    if not isinstance(chunking_strategy, NotGiven):
        params["chunking_strategy"] = chunking_strategy
    return params


async def create_and_poll_vector_store_file(
    resource: vector_store_files.AsyncFiles,
    file_id: str,
    *,
    vector_store_id: str,
    attributes: Union[Attributes, NotGiven] = NOT_GIVEN,
    poll_interval_ms: Union[int, NotGiven] = NOT_GIVEN,
    chunking_strategy: Union[FileChunkingStrategyParam, NotGiven] = NOT_GIVEN,
    extra_headers: Optional[Headers] = None,
    extra_query: Optional[Query] = None,
    extra_body: Optional[Body] = None,
    timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
) -> VectorStoreFile:
    """Attach an uploaded file to a vector store and wait until it is processed.

    ``extra_*`` and ``timeout`` apply to every request the helper makes.
    """
    options = RequestOptions(extra_headers, extra_query, extra_body, timeout)
    await resource.create(vector_store_id, **_file_params(file_id, attributes, chunking_strategy), **options.kwargs())
    return await _poll_vector_store_file(resource, file_id, vector_store_id, poll_interval_ms, options)


async def upload_vector_store_file(
    resource: vector_store_files.AsyncFiles,
    *,
    vector_store_id: str,
    file: FileTypes,
    attributes: Union[Attributes, NotGiven] = NOT_GIVEN,
    chunking_strategy: Union[FileChunkingStrategyParam, NotGiven] = NOT_GIVEN,
) -> VectorStoreFile:
    """Upload a file and attach it to a vector store, without waiting for it to be processed."""
    uploaded = await _upload(resource, file)
    return await resource.create(vector_store_id, **_file_params(uploaded.id, attributes, chunking_strategy))


async def upload_and_poll_vector_store_file(
    resource: vector_store_files.AsyncFiles,
    *,
    vector_store_id: str,
    file: FileTypes,
    attributes: Union[Attributes, NotGiven] = NOT_GIVEN,
    poll_interval_ms: Union[int, NotGiven] = NOT_GIVEN,
    chunking_strategy: Union[FileChunkingStrategyParam, NotGiven] = NOT_GIVEN,
    extra_headers: Optional[Headers] = None,
    extra_query: Optional[Query] = None,
    extra_body: Optional[Body] = None,
    timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
) -> VectorStoreFile:
    """Upload a file, attach it to a vector store, and wait until it is processed.

    ``extra_*`` and ``timeout`` apply to every request the helper makes, the upload included.
    """
    options = RequestOptions(extra_headers, extra_query, extra_body, timeout)
    uploaded = await _upload(resource, file, options)
    return await create_and_poll_vector_store_file(
        resource,
        uploaded.id,
        vector_store_id=vector_store_id,
        attributes=attributes,
        poll_interval_ms=poll_interval_ms,
        chunking_strategy=chunking_strategy,
        **options.kwargs(),
    )


# vector_stores.file_batches


async def poll_file_batch(
    resource: vector_store_file_batches.AsyncFileBatches,
    batch_id: str,
    *,
    vector_store_id: str,
    poll_interval_ms: Union[int, NotGiven] = NOT_GIVEN,
) -> VectorStoreFileBatch:
    """Wait until a file batch is no longer ``in_progress`` and return it."""
    return await _poll_file_batch(resource, batch_id, vector_store_id, poll_interval_ms, RequestOptions())


async def _poll_file_batch(
    resource: vector_store_file_batches.AsyncFileBatches,
    batch_id: str,
    vector_store_id: str,
    poll_interval_ms: Union[int, NotGiven],
    options: RequestOptions,
) -> VectorStoreFileBatch:
    retrieve = functools.partial(resource.with_raw_response.retrieve, batch_id, vector_store_id=vector_store_id)
    result: VectorStoreFileBatch = await _poll(
        retrieve, options, pending=_file_pending, poll_interval_ms=poll_interval_ms
    )
    return result


async def create_and_poll_file_batch(
    resource: vector_store_file_batches.AsyncFileBatches,
    vector_store_id: str,
    *,
    poll_interval_ms: Union[int, NotGiven] = NOT_GIVEN,
    extra_headers: Optional[Headers] = None,
    extra_query: Optional[Query] = None,
    extra_body: Optional[Body] = None,
    timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    **params: Unpack[FileBatchCreateParams],
) -> VectorStoreFileBatch:
    """Attach a batch of uploaded files to a vector store and wait until the batch is processed.

    ``extra_*`` and ``timeout`` apply to every request the helper makes.
    """
    options = RequestOptions(extra_headers, extra_query, extra_body, timeout)
    batch = await resource.create(vector_store_id, **options.kwargs(), **params)
    return await _poll_file_batch(resource, batch.id, vector_store_id, poll_interval_ms, options)


async def upload_and_poll_file_batch(
    resource: vector_store_file_batches.AsyncFileBatches,
    vector_store_id: str,
    *,
    files: Iterable[FileTypes],
    max_concurrency: int = 5,
    file_ids: Sequence[str] = (),
    poll_interval_ms: Union[int, NotGiven] = NOT_GIVEN,
    chunking_strategy: Union[FileChunkingStrategyParam, NotGiven] = NOT_GIVEN,
    extra_headers: Optional[Headers] = None,
    extra_query: Optional[Query] = None,
    extra_body: Optional[Body] = None,
    timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
) -> VectorStoreFileBatch:
    """Upload files, attach them (and ``file_ids``, already uploaded) as one batch, and wait for it.

    The files are uploaded one after another; ``max_concurrency`` is accepted for compatibility.
    ``extra_*`` and ``timeout`` apply to every request the helper makes, the uploads included.
    """
    options = RequestOptions(extra_headers, extra_query, extra_body, timeout)
    if max_concurrency < 1:
        raise ValueError(f"max_concurrency must be at least 1, got {max_concurrency}")
    uploaded_ids: List[str] = [(await _upload(resource, file, options)).id for file in files]
    all_ids = [*file_ids, *uploaded_ids]
    if not all_ids:
        raise ValueError("Nothing to attach: pass files to upload, file_ids, or both")
    params: FileBatchCreateParams = {"file_ids": all_ids}
    if not isinstance(chunking_strategy, NotGiven):
        params["chunking_strategy"] = chunking_strategy
    return await create_and_poll_file_batch(
        resource, vector_store_id, poll_interval_ms=poll_interval_ms, **options.kwargs(), **params
    )


# beta.threads.runs and beta.threads


async def poll_run(
    resource: thread_runs.AsyncRuns,
    run_id: str,
    thread_id: str,
    extra_headers: Optional[Headers] = None,
    extra_query: Optional[Query] = None,
    extra_body: Optional[Body] = None,
    timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    poll_interval_ms: Union[int, NotGiven] = NOT_GIVEN,
) -> Run:
    """Wait until a run leaves ``queued`` / ``in_progress`` / ``cancelling`` and return it.

    A run that ``requires_action`` is returned too: it waits for the caller's tool outputs.
    """
    options = RequestOptions(extra_headers, extra_query, extra_body, timeout)
    return await _poll_run(resource, run_id, thread_id, poll_interval_ms, options)


async def _poll_run(
    resource: thread_runs.AsyncRuns,
    run_id: str,
    thread_id: str,
    poll_interval_ms: Union[int, NotGiven],
    options: RequestOptions,
) -> Run:
    retrieve = functools.partial(resource.with_raw_response.retrieve, run_id, thread_id=thread_id)
    result: Run = await _poll(retrieve, options, pending=_run_pending, poll_interval_ms=poll_interval_ms)
    return result


async def create_and_poll_run(
    resource: thread_runs.AsyncRuns,
    *,
    thread_id: str,
    poll_interval_ms: Union[int, NotGiven] = NOT_GIVEN,
    extra_headers: Optional[Headers] = None,
    extra_query: Optional[Query] = None,
    extra_body: Optional[Body] = None,
    timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    **params: Unpack[RunCreateParamsBase],
) -> Run:
    """Start a run of an assistant on a thread and wait until it finishes or needs tool outputs."""
    options = RequestOptions(extra_headers, extra_query, extra_body, timeout)
    run = await resource.create(thread_id, **options.kwargs(), **params)
    return await _poll_run(resource, run.id, thread_id, poll_interval_ms, options)


async def submit_tool_outputs_and_poll(
    resource: thread_runs.AsyncRuns,
    *,
    tool_outputs: Iterable[ToolOutput],
    run_id: str,
    thread_id: str,
    poll_interval_ms: Union[int, NotGiven] = NOT_GIVEN,
    extra_headers: Optional[Headers] = None,
    extra_query: Optional[Query] = None,
    extra_body: Optional[Body] = None,
    timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
) -> Run:
    """Send the outputs of the tool calls a run asked for, and wait until it finishes or asks again."""
    options = RequestOptions(extra_headers, extra_query, extra_body, timeout)
    run = await resource.submit_tool_outputs(run_id, thread_id=thread_id, tool_outputs=tool_outputs, **options.kwargs())
    return await _poll_run(resource, run.id, thread_id, poll_interval_ms, options)


async def create_and_run_poll(
    resource: thread_resources.AsyncThreads,
    *,
    poll_interval_ms: Union[int, NotGiven] = NOT_GIVEN,
    extra_headers: Optional[Headers] = None,
    extra_query: Optional[Query] = None,
    extra_body: Optional[Body] = None,
    timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    **params: Unpack[ThreadCreateAndRunParamsBase],
) -> Run:
    """Create a thread, start a run on it, and wait until the run finishes or needs tool outputs."""
    options = RequestOptions(extra_headers, extra_query, extra_body, timeout)
    run = await resource.create_and_run(**options.kwargs(), **params)
    return await _poll_run(resource.runs, run.id, run.thread_id, poll_interval_ms, options)


# videos

#: A video job in one of these states is still being made.
VIDEO_PENDING_STATUSES = frozenset({"queued", "in_progress"})


def _video_pending(video: Any) -> bool:
    return getattr(video, "status", None) in VIDEO_PENDING_STATUSES


async def poll_video(
    resource: video_resources.AsyncVideos,
    video_id: str,
    *,
    poll_interval_ms: Union[int, NotGiven] = NOT_GIVEN,
) -> Video:
    """Wait until a video job is no longer queued or in progress and return it (``completed`` or ``failed``)."""
    return await _poll_video(resource, video_id, poll_interval_ms, RequestOptions())


async def _poll_video(
    resource: video_resources.AsyncVideos,
    video_id: str,
    poll_interval_ms: Union[int, NotGiven],
    options: RequestOptions,
) -> Video:
    retrieve = functools.partial(resource.with_raw_response.retrieve, video_id)
    result: Video = await _poll(retrieve, options, pending=_video_pending, poll_interval_ms=poll_interval_ms)
    return result


async def create_and_poll_video(
    resource: video_resources.AsyncVideos,
    *,
    poll_interval_ms: Union[int, NotGiven] = NOT_GIVEN,
    extra_headers: Optional[Headers] = None,
    extra_query: Optional[Query] = None,
    extra_body: Optional[Body] = None,
    timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    **params: Unpack[VideoCreateParams],
) -> Video:
    """Start a video job and wait until it is completed or has failed.

    ``extra_*`` and ``timeout`` apply to every request the helper makes.
    """
    options = RequestOptions(extra_headers, extra_query, extra_body, timeout)
    video = await resource.create(**options.kwargs(), **params)
    return await _poll_video(resource, video.id, poll_interval_ms, options)


# files


async def wait_for_processing(
    resource: top_level_files.AsyncFiles,
    id: str,
    *,
    poll_interval: Union[float, NotGiven] = NOT_GIVEN,
    max_wait_seconds: float = 30 * 60,
) -> FileObject:
    """Wait until an uploaded file is ``processed`` (or ``error`` / ``deleted``) and return it.

    Polls every ``poll_interval`` seconds (default: the server's ``openai-poll-after-ms`` hint, else 5 s)
    and raises RuntimeError once ``max_wait_seconds`` have passed.
    """
    interval_ms: Union[float, NotGiven] = NOT_GIVEN if isinstance(poll_interval, NotGiven) else poll_interval * 1000
    started = time.monotonic()

    def give_up() -> None:
        if time.monotonic() - started > max_wait_seconds:
            raise RuntimeError(
                f"Giving up on waiting for file {id} to finish processing after {max_wait_seconds} seconds."
            )

    result: FileObject = await _poll(
        functools.partial(resource.with_raw_response.retrieve, id),
        RequestOptions(),
        pending=_file_processing,
        poll_interval_ms=interval_ms,
        default_ms=5000,
        give_up=give_up,
        announce_interval=False,
    )
    return result


def _file_processing(file: Any) -> bool:
    return getattr(file, "status", None) not in FILE_DONE_STATUSES
