"""Bulk work beyond one machine: a ``ray.data.Dataset`` of requests run by a pool of Ray actors.

Ray does the distribution: :func:`run_on_ray` maps the dataset's batches over an actor pool
(``map_batches`` with an :class:`~ray.data.ActorPoolStrategy`), each actor holding one
:class:`~openai.AsyncOpenAI` client on its own event loop and sending its batch with the direct
runner's :func:`~openai.bulk.send_one`, a bounded number at a time. The rate budget is not per
actor: it lives in one named actor (:func:`rate_budget`) that every client's
:class:`RayRateLimiter` asks before each request, so the whole cluster stays under one
account's limits. The driver writes each result to the output as it streams back, in the same
format as the other paths, and a run started again skips the custom_ids already there.

Needs the ``ray`` extra: ``pip install 'openai[ray]'``. Call ``ray.init(...)`` first to choose the
cluster (otherwise Ray starts a local one).
"""

from __future__ import annotations

import asyncio
import itertools
import json
import os
import pathlib
import time
from typing import TYPE_CHECKING, Any, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple, Union

from .._rate_limit import BudgetKey, RateLimiter, Reservation
from ._jsonl import (
    BulkRequest,
    BulkResult,
    ResultWriter,
    error_result,
    parse_request_line,
    parse_result_line,
    prepare_output,
    read_input,
)
from ._progress import BulkSummary, Progress, make_progress

if TYPE_CHECKING:
    from .._async._client import AsyncOpenAI

__all__ = [
    "BUDGET_ACTOR_NAME",
    "BudgetKeeper",
    "RayRateLimiter",
    "client_options_of",
    "rate_budget",
    "requests_dataset",
    "run_on_ray",
]

#: The name the cluster-wide rate budget actor is registered under (in the job's namespace).
BUDGET_ACTOR_NAME = "openai-bulk-rate-budget"
_INSTALL_HINT = "the Ray path of openai.bulk needs Ray: pip install 'openai[ray]'"
# Options of AsyncOpenAI that can travel to the actors as plain values.
_CLIENT_OPTIONS = frozenset(
    {"api_key", "organization", "project", "base_url", "timeout", "max_retries", "default_headers", "default_query"}
)


def _ray() -> Any:
    try:
        import ray  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        raise ImportError(_INSTALL_HINT) from None
    return ray


class BudgetKeeper:
    """The state of the cluster's rate budget: one :class:`RateLimiter`, inside one Ray actor.

    Reservations stay here, under an id the caller holds, so that a 429's retry count and the
    settled flag live with the budget rather than in copies that crossed the network.
    """

    def __init__(self, **limiter_options: Any) -> None:
        self._limiter = RateLimiter(**limiter_options)
        self._held: Dict[int, Reservation] = {}
        self._ids = itertools.count(1)

    def reserve(self, key: Tuple[str, str, Optional[str]], tokens: int, attempt: int = 0) -> Tuple[int, float, bool]:
        """Claim a request and ``tokens``: ``(reservation id, delay, claimed)``.

        ``attempt`` counts the 429s the same request already had (see :meth:`RateLimiter.reserve`).
        """
        reservation = self._limiter.reserve(BudgetKey(*key), tokens, attempt=attempt)
        if not reservation.claimed:
            return 0, reservation.delay, False
        rid = next(self._ids)
        self._held[rid] = reservation
        return rid, reservation.delay, True

    def hold(self, rid: int) -> float:
        """How much longer the holder of ``rid`` must wait (a 429 since may hold the budget)."""
        reservation = self._held.get(rid)
        return 0.0 if reservation is None else self._limiter.hold(reservation)

    def release(self, rid: int) -> None:
        """Give back a reservation whose request was never sent."""
        reservation = self._held.pop(rid, None)
        if reservation is not None:
            self._limiter.release(reservation)

    def settle(self, rid: int, status_code: Optional[int], headers: Dict[str, str]) -> bool:
        """Learn from a response; True when it was a 429 the caller should wait out and send again."""
        reservation = self._held.pop(rid, None)
        if reservation is None:
            return False
        return self._limiter.settle(reservation, status_code, headers)

    def rate_limited(self) -> int:
        """The 429s the budget has seen."""
        return self._limiter.rate_limited()

    def limits(self, key: Tuple[str, str, Optional[str]]) -> Tuple[Optional[float], Optional[float]]:
        """The request and token rates per second assumed for ``key``."""
        return self._limiter.limits(BudgetKey(*key))


class _RemoteReservation(Reservation):
    __slots__ = ("rid",)
    rid: int


class RayRateLimiter(RateLimiter):
    """A :class:`RateLimiter` whose budget is kept by a :class:`BudgetKeeper` actor, shared cluster-wide.

    Pass it as ``AsyncOpenAI(rate_limiter=...)`` on any node; token estimates are made locally,
    admission and learning from the headers happen in the actor. The client calls a limiter
    synchronously, so each admission waits for one round trip to the actor (about a millisecond on
    one machine); a response's headers are sent without waiting unless it is a 429.
    """

    def __init__(self, budget: Any, **estimate_options: Any) -> None:
        super().__init__(**estimate_options)
        self._budget = budget

    def __reduce__(self) -> Any:
        return (RayRateLimiter, (self._budget,))

    def reserve(self, key: BudgetKey, tokens: int, *, now: Optional[float] = None, attempt: int = 0) -> Reservation:
        ray = _ray()
        rid, delay, claimed = ray.get(self._budget.reserve.remote(tuple(key), tokens, attempt))
        reservation = _RemoteReservation(key, tokens, delay, probe=False, claimed=claimed)
        reservation.rid = rid
        reservation.attempt = attempt
        return reservation

    def hold(self, reservation: Reservation, *, now: Optional[float] = None) -> float:
        rid = getattr(reservation, "rid", 0)
        return float(_ray().get(self._budget.hold.remote(rid))) if rid else 0.0

    def release(self, reservation: Reservation) -> None:
        if reservation.settled:
            return
        reservation.settled = True
        rid = getattr(reservation, "rid", 0)
        if rid:
            # Not waited for: a caller's calls reach the actor in the order they were made.
            self._budget.release.remote(rid)

    def settle(
        self,
        reservation: Reservation,
        status_code: Optional[int],
        headers: Mapping[str, str],
        *,
        now: Optional[float] = None,
    ) -> bool:
        if reservation.settled:
            return False
        reservation.settled = True
        rid = getattr(reservation, "rid", 0)
        if not rid:
            return False
        wanted = {name: value for name, value in headers.items() if _rate_header(name)}
        answer = self._budget.settle.remote(rid, status_code, wanted)
        if status_code != 429:
            # Only a 429 has something to answer; the next reserve from here is queued behind this
            # call (one caller's calls run in order), so the budget has learnt from it by then.
            return False
        return bool(_ray().get(answer))

    def rate_limited(self, key: Optional[BudgetKey] = None) -> int:
        return int(_ray().get(self._budget.rate_limited.remote()))

    def limits(self, key: BudgetKey) -> Tuple[Optional[float], Optional[float]]:
        result: Tuple[Optional[float], Optional[float]] = _ray().get(self._budget.limits.remote(tuple(key)))
        return result


def _rate_header(name: str) -> bool:
    lowered = name.lower()
    return lowered.startswith("x-ratelimit-") or lowered in ("retry-after", "retry-after-ms", "x-should-retry")


def rate_budget(name: str = BUDGET_ACTOR_NAME, *, namespace: Optional[str] = None, **limiter_options: Any) -> Any:
    """The named budget actor of the cluster, created on first use (``limiter_options`` then apply).

    It asks for no CPU, so it never takes a slot the workers need. Every run that uses the same
    ``name`` (and namespace) draws on the same budget.
    """
    ray = _ray()
    keeper = ray.remote(num_cpus=0, max_concurrency=1)(BudgetKeeper)
    return keeper.options(name=name, namespace=namespace, get_if_exists=True).remote(**limiter_options)


def requests_dataset(requests: Iterable[BulkRequest], *, rows_per_block: int = 64) -> Any:
    """A ``ray.data.Dataset`` with one row per request: ``custom_id`` and ``request`` (its input line).

    The rows are cut into blocks of ``rows_per_block``: Ray hands blocks to the actors, so one
    block would keep all but one actor idle.
    """
    ray = _ray()
    if isinstance(rows_per_block, bool) or not isinstance(rows_per_block, int) or rows_per_block < 1:
        raise ValueError(f"rows_per_block must be a positive int, got {rows_per_block!r}")
    rows = [{"custom_id": request.custom_id, "request": request.to_line()} for request in requests]
    blocks = max(1, min(10_000, -(-len(rows) // rows_per_block)))
    return ray.data.from_items(rows, override_num_blocks=blocks)


def _plain(value: Any) -> Any:
    """Values from a dataset row as JSON types (Ray hands lists back as numpy arrays)."""
    if hasattr(value, "tolist") and not isinstance(value, (str, bytes)):
        value = value.tolist()
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    return value


def _row_request(row: Mapping[str, Any]) -> Union[BulkRequest, BulkResult]:
    """The request a dataset row asks for, or the error result saying why it cannot be sent."""
    raw_id = row.get("custom_id")
    custom_id = str(raw_id) if raw_id is not None and str(raw_id) else "<missing custom_id>"
    try:
        text = row.get("request")
        if text is None:
            body = row.get("body")
            if isinstance(body, (str, bytes)):
                body = json.loads(body)
            line = {"custom_id": raw_id, "method": row.get("method"), "url": row.get("url"), "body": _plain(body)}
            text = json.dumps(_plain(line))
        elif isinstance(text, bytes):
            text = text.decode("utf-8")
        return parse_request_line(str(text))
    except (ValueError, TypeError) as exc:
        placeholder = BulkRequest(custom_id=custom_id, method="POST", url="/", body={})
        return error_result(placeholder, code="invalid_input", message=f"the dataset row is not a valid request: {exc}")


class _Worker:
    """One actor of the pool: an event loop and one async client, kept from batch to batch."""

    def __init__(self, client_options: Dict[str, Any], budget: Any, max_concurrency: int) -> None:
        from .._async._client import AsyncOpenAI

        self._loop = asyncio.new_event_loop()
        limiter = RayRateLimiter(budget) if budget is not None else None
        self._client = AsyncOpenAI(**client_options, rate_limiter=limiter)
        self._max_concurrency = max_concurrency

    def __call__(self, batch: Dict[str, Any]) -> Dict[str, List[str]]:
        columns = list(batch)
        size = len(batch[columns[0]]) if columns else 0
        rows = [{name: batch[name][index] for name in columns} for index in range(size)]
        results = self._loop.run_until_complete(self._send(rows))
        return {"custom_id": [result.custom_id for result in results], "result": [r.to_line() for r in results]}

    async def _send(self, rows: Sequence[Mapping[str, Any]]) -> List[BulkResult]:
        from ._runner import send_one

        gate = asyncio.Semaphore(self._max_concurrency)

        async def one(row: Mapping[str, Any]) -> BulkResult:
            request = _row_request(row)
            if isinstance(request, BulkResult):
                return request
            async with gate:
                return await send_one(self._client, request)

        return list(await asyncio.gather(*(one(row) for row in rows)))

    def __del__(self) -> None:
        loop = getattr(self, "_loop", None)
        if loop is not None and not loop.is_closed():
            try:
                loop.run_until_complete(self._client.close())
            except Exception:
                pass  # the actor is going away; nothing is left to tell
            finally:
                loop.close()


def _client_options(options: Optional[Mapping[str, Any]]) -> Dict[str, Any]:
    given = dict(options or {})
    unknown = sorted(set(given) - _CLIENT_OPTIONS)
    if unknown:
        raise ValueError(
            f"client_options cannot carry {', '.join(unknown)}; allowed: {', '.join(sorted(_CLIENT_OPTIONS))}"
        )
    if "base_url" in given:
        given["base_url"] = str(given["base_url"])
    given.setdefault("api_key", os.environ.get("OPENAI_API_KEY"))
    if not given["api_key"]:
        raise ValueError("client_options needs an api_key (or OPENAI_API_KEY in the driver's environment)")
    return given


def client_options_of(client: AsyncOpenAI) -> Dict[str, Any]:
    """The options of ``client`` that the actors rebuild their own clients from."""
    return {
        "api_key": client.api_key,
        "organization": client.organization,
        "project": client.project,
        "base_url": str(client.base_url),
        "max_retries": client.max_retries,
        "timeout": client.timeout,
    }


def run_on_ray(
    requests: Union[str, os.PathLike[str], Iterable[BulkRequest], Any],
    output: Union[str, os.PathLike[str]],
    *,
    client_options: Optional[Mapping[str, Any]] = None,
    concurrency: int = 2,
    max_concurrency: int = 16,
    batch_size: int = 64,
    num_cpus: float = 0.25,
    budget: Any = None,
    rate_limited: bool = True,
    limiter_options: Optional[Mapping[str, Any]] = None,
    progress: Union[Progress, bool, None] = True,
) -> BulkSummary:
    """Run ``requests`` on the Ray cluster, writing each result to ``output`` as it comes back.

    ``requests`` is a ``ray.data.Dataset`` (rows with ``custom_id`` and ``request``, the input line,
    as :func:`requests_dataset` makes; or rows with ``custom_id``, ``method``, ``url``, ``body``), a
    JSONL input file, or :class:`BulkRequest` objects. A file or objects are validated whole before
    anything is sent; a dataset row that is not a valid request is recorded as an ``invalid_input``
    error. custom_ids already in ``output`` are not sent again, and each appears once in it.

    ``client_options`` are the :class:`~openai.AsyncOpenAI` options each actor builds its client
    with (``api_key``, ``base_url``, ``organization``, ``project``, ``timeout``, ``max_retries``,
    ``default_headers``, ``default_query``); the key travels to the actors with them.
    ``concurrency`` actors each send up to ``max_concurrency`` requests at once, taking
    ``batch_size`` rows at a time and asking Ray for ``num_cpus`` each. Every actor draws on the
    one budget actor ``budget`` (default: :func:`rate_budget` with ``limiter_options``), unless
    ``rate_limited`` is False.
    """
    ray = _ray()
    for name, value in (("concurrency", concurrency), ("max_concurrency", max_concurrency), ("batch_size", batch_size)):
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise ValueError(f"{name} must be a positive int, got {value!r}")
    if not num_cpus >= 0:
        raise ValueError(f"num_cpus must be >= 0, got {num_cpus!r}")
    options = _client_options(client_options)
    path = pathlib.Path(output)
    state = prepare_output(path)
    finished = set(state.finished)

    if isinstance(requests, (str, os.PathLike)):
        requests = read_input(requests)
    pool = concurrency
    if isinstance(requests, ray.data.Dataset):
        # Counted before filtering, where Ray can often answer from metadata without a pass.
        total, skipped = requests.count(), len(finished)
        dataset = requests
        if finished:
            done = frozenset(finished)
            dataset = dataset.filter(lambda row: str(row.get("custom_id")) not in done)
    else:
        from ._batch import _check_requests

        listed = _check_requests(requests)
        todo = [request for request in listed if request.custom_id not in finished]
        total, skipped = len(listed), len(listed) - len(todo)
        if not todo:
            return BulkSummary(total=total, skipped=skipped, output=path)
        dataset = requests_dataset(todo, rows_per_block=batch_size)
        # Ray gives each actor whole blocks: more actors than blocks would only sit idle.
        pool = min(concurrency, -(-len(todo) // batch_size))

    if rate_limited and budget is None:
        budget = rate_budget(**dict(limiter_options or {}))
    worker_args = {
        "client_options": options,
        "budget": budget if rate_limited else None,
        "max_concurrency": max_concurrency,
    }
    results = dataset.map_batches(
        _Worker,
        fn_constructor_kwargs=worker_args,
        compute=ray.data.ActorPoolStrategy(size=pool),
        batch_size=batch_size,
        num_cpus=num_cpus,
        batch_format="numpy",
    )
    summary = BulkSummary(total=total, skipped=skipped, output=path)
    reporter = make_progress(progress) if isinstance(progress, bool) else progress
    seen_429 = _rate_limited(ray, budget)
    started = time.monotonic()
    if reporter is not None:
        reporter.start(summary.total, summary.skipped)
    try:
        with ResultWriter(path) as writer:
            for batch in results.iter_batches(batch_size=None, batch_format="numpy"):
                for line in batch["result"]:
                    result = parse_result_line(str(line))
                    if result.custom_id in finished:
                        continue
                    finished.add(result.custom_id)
                    writer.write(result)
                    summary.record(result)
                    if reporter is not None:
                        reporter.update(result)
    finally:
        summary.elapsed = time.monotonic() - started
        summary.rate_limited = _rate_limited(ray, budget) - seen_429
        if reporter is not None:
            reporter.close()
    return summary


def _rate_limited(ray: Any, budget: Any) -> int:
    if budget is None:
        return 0
    return int(ray.get(budget.rate_limited.remote()))
