"""Extraction on several cores: a process pool over ``extraction.extract_together``.

``parallel_extract_stage(pairs, workers)`` is a drop-in replacement for
``pipeline.extract_stage``: it takes the (item, ingested) pairs from the read stage and yields
(item, ingested, extraction-or-exception) triples **in input order**, so the single writer
stores exactly what a one-worker build stores.

* Each worker process loads spaCy once (pool initializer) and extracts chunks of articles.
* Memory stays bounded for any corpus size: the input is pulled lazily and at most
  ``max_in_flight`` chunks are submitted and not yet written; results are yielded as soon as
  the oldest chunk is done.
* Exceptions raised by ``extract`` travel back with their type and message (typed errors of
  ``claims.errors`` do not pickle by themselves), so problems are reported as in-process ones.
"""
from __future__ import annotations

import importlib
import multiprocessing as mp
import os
import pickle
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Iterable, Iterator, Optional

DEFAULT_CHUNK = 4  # articles per task: amortises inter-process traffic, keeps latency low


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


# ---------------------------------------------------------------- worker side


def _init_worker() -> None:
    from .collector import tune_worker
    from .segment import load_nlp

    load_nlp()
    tune_worker()


def _pack_error(e: BaseException) -> tuple:
    try:
        pickle.loads(pickle.dumps(e))
        return ("pickled", e)
    except Exception:
        cls = type(e)
        attrs = {k: v for k, v in getattr(e, "__dict__", {}).items() if _picklable(v)}
        return ("rebuilt", cls.__module__, cls.__qualname__, str(e), attrs)


def _picklable(v) -> bool:
    try:
        pickle.dumps(v)
        return True
    except Exception:
        return False


def unpack_error(packed: tuple) -> Exception:
    if packed[0] == "pickled":
        return packed[1]
    _, module, qualname, message, attrs = packed
    try:
        obj = importlib.import_module(module)
        for part in qualname.split("."):
            obj = getattr(obj, part)
        e = obj.__new__(obj)
        Exception.__init__(e, message)
        e.__dict__.update(attrs)
        return e
    except Exception:
        return RuntimeError(message)


def extract_chunk(ings: list, article_timeout: Optional[float] = None) -> list[tuple]:
    """Extract each ingested article, each step within the time budget (in a process's main thread; see
    claims.budget), the chunk's articles sharing the model's steps (claims.extraction.extract_together);
    ('ok', claims, sources, notes) or ('error', packed exception)."""
    from .extraction import extract_together

    out = []
    for _, _, ex in extract_together(((None, ing) for ing in ings), article_timeout,
                                     name=lambda _, ing: ing.article.path or ing.article.id):
        if isinstance(ex, Exception):
            out.append(("error", _pack_error(ex)))
        else:
            out.append(("ok", ex.claims, ex.sources, ex.notes))
    return out


# ---------------------------------------------------------------- parent side


def _chunks(pairs: Iterable, size: int) -> Iterator[list]:
    buf: list = []
    for p in pairs:
        buf.append(p)
        if len(buf) >= size:
            yield buf
            buf = []
    if buf:
        yield buf


def rebuild(ing, result: tuple):
    """The parent-side value of one worker result: an Extraction or an exception."""
    from .extraction import Extraction

    if result[0] == "ok":
        _, claims, sources, notes = result
        return Extraction(ing, claims, sources, notes)
    return unpack_error(result[1])


def parallel_extract_stage(pairs: Iterable, workers: int, *, chunk: int = DEFAULT_CHUNK,
                           max_in_flight: Optional[int] = None, start_method: Optional[str] = None,
                           article_timeout: Optional[float] = None) -> Iterator[tuple]:
    """Like ``pipeline.extract_stage``, on ``workers`` processes, yielding in input order."""
    if workers <= 1:
        from .pipeline import extract_stage

        yield from extract_stage(pairs, article_timeout)
        return
    max_in_flight = max_in_flight or workers * 3
    # spawn: workers start clean (no inherited threads, locks or open SQLite handles) on every platform
    ctx = mp.get_context(start_method or "spawn")
    inflight: deque[tuple[list, Future]] = deque()
    with ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_init_worker) as pool:
        try:
            for block in _chunks(pairs, chunk):
                inflight.append((block, pool.submit(extract_chunk, [ing for _, ing in block], article_timeout)))
                while len(inflight) >= max_in_flight:
                    yield from _drain_one(inflight)
            while inflight:
                yield from _drain_one(inflight)
        finally:
            for _, fut in inflight:
                fut.cancel()


def _drain_one(inflight: deque) -> Iterator[tuple]:
    block, fut = inflight.popleft()
    try:
        results = fut.result()
    except Exception as e:  # the worker died (killed, out of memory): report every article of the chunk
        results = [("error", _pack_error(RuntimeError(f"extraction worker failed: {type(e).__name__}: {e}")))] * len(block)
    for (item, ing), res in zip(block, results):
        yield item, ing, rebuild(ing, res)


# ---------------------------------------------------------------- checking that builds agree

VOLATILE = {"run", "ingested_at"}  # differ between two builds of the same inputs by design


def comparable_rows(db, tables=("articles", "sources", "claims", "regions")) -> dict[str, list[tuple]]:
    """Rows of the content tables in primary-key order, without run ids and timestamps."""
    out = {}
    for t in tables:
        if not db[t].exists():
            continue
        cols = [c for c in db[t].columns_dict if c not in VOLATILE]
        sql = f"select {', '.join(f'[{c}]' for c in cols)} from [{t}] order by {', '.join(f'[{c}]' for c in db[t].pks)}"
        out[t] = [tuple(r) for r in db.execute(sql).fetchall()]
    return out
