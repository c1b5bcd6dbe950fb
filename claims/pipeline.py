"""Pipeline: inputs -> ingest -> segment -> attribution -> sources -> store, one article at a time.

Data flows one way. ``extract(ingested)`` is pure (text in, rows out) so it can run in worker
processes; ``build(db, inputs)`` is the single writer.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional

from . import __version__
from .attribution import find_claims
from .errors import ClaimsError, InputError
from .ingest import DEFAULT_MAX_BYTES, Ingested, now_iso, read_file
from .models import Claim, Problem, SourceMention
from .segment import MODEL, pair_quotes, parse_units, units_for
from .sources import describe_sources
from .store import ensure_db_shape, finish_run, start_run, stored_sha, write_article, write_problem

TEXT_SUFFIXES = {".txt", ".text", ".md"}


@dataclass
class Extraction:
    ingested: Ingested
    claims: list[Claim]
    sources: list[SourceMention]
    notes: list[str] = field(default_factory=list)


def extract(ing: Ingested, *, prefilter: bool = True) -> Extraction:
    """Claims and source mentions of one ingested article (no database involved)."""
    art = ing.article
    regions = ing.body_regions()
    quotes, notes = pair_quotes(art.text, regions)
    units = units_for(art.text, regions, quotes)
    docs = parse_units(units, art.id, prefilter=prefilter)
    cands = find_claims(docs, art)
    claims, sources = describe_sources(cands, docs, art)
    return Extraction(ing, claims, sources, notes)


@dataclass
class Item:
    """One input to read: a file, or a row of a batch file (issue: batches add more kinds)."""

    name: str
    path: Optional[Path] = None
    position: int = 0


def iter_input_files(inputs: Iterable[str | Path]) -> Iterator[Path]:
    """Files named, and the text files inside folders named, recursively, in sorted order."""
    for inp in inputs:
        p = Path(inp)
        if p.is_dir():
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for f in sorted(files):
                    fp = Path(root) / f
                    if not f.startswith(".") and fp.suffix.lower() in TEXT_SUFFIXES:
                        yield fp
        else:
            yield p


def iter_items(inputs: Iterable[str | Path]) -> Iterator[Item]:
    for n, p in enumerate(iter_input_files(inputs)):
        yield Item(name=str(p), path=p, position=n)


def read_item(item: Item, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Ingested:
    """Ingest one input. Raises an InputError naming the input when it cannot be read."""
    if item.path is None or not item.path.exists():
        raise InputError(item.name, "no such file")
    if item.path.is_dir():
        raise InputError(item.name, "is a directory")
    return read_file(item.path, max_bytes=max_bytes)


@dataclass
class BuildReport:
    run: int
    articles: int = 0
    unchanged: int = 0
    claims: int = 0
    problems: list[tuple[str, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def _record_problem(db, rep: BuildReport, run_id: int, item: Item, e: Exception) -> None:
    if isinstance(e, InputError):
        msg = str(e)
    elif isinstance(e, ClaimsError):
        msg = f"{item.name}: {e}"
    else:  # a bug in extraction must not cost the rest of the batch
        msg = f"{item.name}: internal error while extracting ({type(e).__name__}: {e})"
    rep.problems.append((item.name, msg))
    write_problem(db, Problem(id=f"{run_id}:{item.position}", run=run_id, path=item.name, problem=msg,
                              error=type(e).__name__))


def read_stage(db, items: Iterable[Item], rep: BuildReport, run_id: int, *, max_bytes: int, force: bool,
               inputs_meta: list, progress=None) -> Iterator[tuple[Item, Ingested]]:
    """Ingest each item; report bad ones; skip duplicates and unchanged articles."""
    seen: dict[str, str] = {}
    for item in items:
        try:
            ing = read_item(item, max_bytes=max_bytes)
            sha = ing.article.sha256
            inputs_meta.append({"path": item.name, "sha256": sha})
            if sha in seen:
                raise InputError(item.name, f"duplicate of {seen[sha]} (same text), skipped")
            seen[sha] = item.name
            if not force and stored_sha(db, ing.article.id) == sha:
                rep.unchanged += 1
                if progress:
                    progress(item)
                continue
        except Exception as e:
            _record_problem(db, rep, run_id, item, e)
            if progress:
                progress(item)
            continue
        yield item, ing


def extract_stage(pairs: Iterable[tuple[Item, Ingested]]) -> Iterator[tuple[Item, Ingested, Extraction | Exception]]:
    """Extract claims from each ingested article (in this process)."""
    for item, ing in pairs:
        try:
            yield item, ing, extract(ing)
        except Exception as e:  # reported by the write stage
            yield item, ing, e


def write_stage(db, results, rep: BuildReport, run_id: int, progress=None) -> None:
    for item, ing, ex in results:
        try:
            if isinstance(ex, Exception):
                raise ex
            ing.article.run = run_id
            for c in ex.claims:
                c.run = run_id
            rep.claims += write_article(db, ing.article, ing.regions, ex.sources, ex.claims)
            rep.articles += 1
        except Exception as e:
            _record_problem(db, rep, run_id, item, e)
        finally:
            if progress:
                progress(item)


def build(db, inputs: Iterable[str | Path], *, max_bytes: int = DEFAULT_MAX_BYTES, force: bool = False,
          progress: Optional[Callable[[Item], None]] = None) -> BuildReport:
    """Read every input into the database. One bad input is reported and skipped, never fatal.

    Stages: iter_items (what to read) -> read_stage (ingest, dedupe, skip unchanged) ->
    extract_stage (claims; the expensive part) -> write_stage (the single writer).
    """
    started = now_iso()
    run_id = start_run(db, model=MODEL, config={"max_bytes": max_bytes, "prefilter": True, "force": force},
                       started=started)
    rep = BuildReport(run=run_id)
    inputs_meta: list[dict] = []
    pairs = read_stage(db, iter_items(inputs), rep, run_id, max_bytes=max_bytes, force=force,
                       inputs_meta=inputs_meta, progress=progress)
    write_stage(db, extract_stage(pairs), rep, run_id, progress=progress)
    ensure_db_shape(db)
    finish_run(db, run_id, ended=now_iso(), articles=rep.articles, unchanged=rep.unchanged, claims=rep.claims,
               skipped=len(rep.problems), inputs=inputs_meta)
    return rep


def version_string() -> str:
    return f"claims {__version__}"
