"""Pipeline: inputs -> ingest -> segment -> attribution -> sources -> store.

Data flows one way. Extraction (``claims.extraction``: ``extract(ingested)`` for one article,
``extract_together`` for a stream, a few consecutive articles sharing the model's steps) is pure (text
in, rows out) so it can run in worker processes; ``build(db, inputs)`` is the single writer, one article
at a time.
"""
from __future__ import annotations

import gc
import json
import os
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional

from . import __version__
from .attribution.learned import gate_identity
from .batches import iter_rows, read_row, read_stdin
from .budget import DEFAULT_ARTICLE_TIMEOUT, time_budget
from .collector import build_collector
from .errors import ClaimsError, DiskFull, DuplicateId, DuplicateInput, InputError
from .ingest import DEFAULT_MAX_BYTES, Ingested, now_iso, read_file
from .models import Problem
from .provenance import link_stage
from .extraction import Extraction, extract, extract_together, parse_article  # noqa: F401 (the stage's steps)
from .segment import MODEL
from .store import ensure_db_shape, finish_run, start_run, stored_sha, write_article, write_problem

# What an unchanged article (same sha256) must also share with its stored copy to be skipped:
# the package version and the spaCy model that extracted it (runs.version, runs.model).
ENGINE = (__version__, MODEL)


def engine() -> tuple:
    """What an unchanged article must also share with its stored copy to be skipped: the package version, the
    spaCy model and the learned cue gate (claims.attribution.learned.gate_identity) that extracted it."""
    return (*ENGINE, gate_identity())

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm"}
BATCH_SUFFIXES = {".jsonl", ".csv"}
INPUT_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | BATCH_SUFFIXES


@dataclass
class Item:
    """One input to read: a file, a row of a batch file (JSONL or CSV), or standard input.

    A batch row carries its fields in ``data`` (id, text or html, url, outlet, published, title,
    byline ...); a row that could not be parsed carries the ``error`` to report instead.
    """

    name: str
    path: Optional[Path] = None
    position: int = 0
    kind: str = "file"  # file, row or stdin
    row: Optional[int] = None
    data: Optional[dict] = None
    error: Optional[InputError] = None


def iter_input_files(inputs: Iterable[str | Path]) -> Iterator[Path]:
    """Files named, and the readable files inside folders named, recursively, in sorted order."""
    for inp in inputs:
        p = Path(inp)
        if str(inp) == "-":
            yield p
        elif p.is_dir():
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for f in sorted(files):
                    fp = Path(root) / f
                    if not f.startswith(".") and fp.suffix.lower() in INPUT_SUFFIXES:
                        yield fp
        else:
            yield p


def iter_items(inputs: Iterable[str | Path], max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Item]:
    """Every article to read: files, each row of batch files (claims.batches), standard input ('-')."""
    n = 0
    for p in iter_input_files(inputs):
        shown = printable_path(p)
        if shown != str(p):  # a file name that is not UTF-8 can be neither stored nor shown as it is
            yield Item(name=shown, path=p, position=n,
                       error=InputError(shown, "the file name is not UTF-8 (rename the file)"))
            n += 1
        elif str(p) == "-":
            yield Item(name="<stdin>", path=None, position=n, kind="stdin")
            n += 1
        elif p.suffix.lower() in BATCH_SUFFIXES and p.is_file():
            for row_no, data, err in iter_rows(p, max_bytes):  # row 0: the file as a whole
                yield Item(name=f"{p}:row {row_no}" if row_no else str(p), path=p, position=n, kind="row", row=row_no,
                           data=data, error=err)
                n += 1
        else:
            yield Item(name=str(p), path=p, position=n)
            n += 1


def printable_path(p: Path) -> str:
    """The path as text: bytes of a name that is not UTF-8 shown as \\xNN."""
    return os.fsencode(p).decode("utf-8", "backslashreplace")


def read_item(item: Item, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Ingested:
    """Ingest one input. Raises an InputError naming the input when it cannot be read."""
    if item.error is not None:
        raise item.error
    if item.kind == "row":
        return read_row(item.path, item.row, item.data or {}, max_bytes=max_bytes)
    if item.kind == "stdin":
        return read_stdin(max_bytes=max_bytes)
    if item.path is None:
        raise InputError(item.name, "no such file")
    if item.path.suffix.lower() in HTML_SUFFIXES:
        from .html import read_html_file

        return read_html_file(item.path, max_bytes=max_bytes)
    return read_file(item.path, max_bytes=max_bytes)


@dataclass
class BuildReport:
    run: int
    articles: int = 0
    unchanged: int = 0
    claims: int = 0
    problems: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

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
               inputs_meta: list, progress=None, article_timeout: Optional[float] = None) -> Iterator[tuple[Item, Ingested]]:
    """Ingest each item; report bad ones; skip duplicates and unchanged articles. Two inputs of one build
    with the same article id (a/x.txt and b/x.txt, a JSONL id twice) would overwrite each other: the
    second is refused, naming the first."""
    seen: dict[str, str] = {}
    ids: dict[str, str] = {}
    current = engine()
    for item in items:
        try:
            with time_budget(article_timeout, item.name, "reading"):
                ing = read_item(item, max_bytes=max_bytes)
            sha = ing.article.sha256
            inputs_meta.append({"path": item.name, "sha256": sha})
            if sha in seen:
                raise DuplicateInput(item.name, f"duplicate of {seen[sha]} (same text, sha256 {sha[:12]}), skipped")
            seen[sha] = item.name
            if ing.article.id in ids:
                raise DuplicateId(item.name, f"article id {ing.article.id!r} is already taken by {ids[ing.article.id]} in "
                                             f"this build (ids come from file names, and from a batch row's id or url: "
                                             f"rename one, or give it another id)")
            ids[ing.article.id] = item.name
            if not force and stored_sha(db, ing.article.id) == sha and stored_engine(db, ing.article.id) == current:
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


def unmatched_corrections(db) -> list[str]:
    """One line for each correction that no longer applies to the current text: it found no claim, or only
    a claim whose text is gone from the article (orphaned), so what it corrected counts again as extracted.
    Said, not silent."""
    if not db["corrections"].exists():
        return []
    rows = db.query("select k.*, c.status as claim_status from corrections k left join claims c on c.id = k.claim "
                    "where k.status = 'unmatched' or c.status = 'orphaned' order by cast(k.id as integer), k.id")
    return [f"{r['file']}: correction {r['id'].split(':')[0]} ({r['field']} of claim {r['key']}) "
            + ("matches no claim now" if r["status"] == "unmatched" else "matches only an orphaned claim")
            + " (its text is gone or changed): it no longer applies" for r in rows]


def disk_full(e: BaseException) -> bool:
    import errno
    import sqlite3

    if isinstance(e, sqlite3.OperationalError):
        return getattr(e, "sqlite_errorcode", None) == 13 or "disk is full" in str(e)  # SQLITE_FULL
    return isinstance(e, OSError) and e.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC))


def stored_engine(db, article_id: str) -> Optional[tuple]:
    """(version, model, cue gate) of the run that stored this article id, or None."""
    if not db["articles"].exists() or not db["runs"].exists():
        return None
    row = db.execute("select runs.version, runs.model, runs.config from articles join runs on runs.id = articles.run "
                     "where articles.id = ?", [article_id]).fetchone()
    if not row:
        return None
    try:
        gate = json.loads(row[2] or "{}").get("cue_gate")
    except (ValueError, AttributeError):
        gate = None
    # runs.model is 'name' or 'name package-version': an unchanged engine is the same name, and the
    # same installed package version when one was recorded.
    name, _, pkg = (row[1] or "").partition(" ")
    if name == MODEL and (not pkg or pkg == _model_package_version()):
        return (row[0], MODEL, gate)
    return (row[0], row[1], gate)


def _model_package_version() -> str:
    from importlib import metadata

    for dist in (MODEL, MODEL.replace("_", "-")):
        try:
            return metadata.version(dist)
        except metadata.PackageNotFoundError:
            continue
    return ""


def extract_stage(pairs: Iterable[tuple[Item, Ingested]], article_timeout: Optional[float] = None, *,
                  prefilter: bool = True) -> Iterator[tuple[Item, Ingested, Extraction | Exception]]:
    """Extract claims from each ingested article (in this process), each step within the time budget, a few
    consecutive articles sharing the model's steps (claims.extraction.extract_together)."""
    for item, ing, ex in extract_together(pairs, article_timeout, prefilter=prefilter, name=lambda item, ing: item.name):
        yield item, ing, ex
        ing = ex = None  # not kept while the next article is read and extracted


def write_stage(db, results, rep: BuildReport, run_id: int, progress=None) -> None:
    for item, ing, ex in results:
        big = len(ing.article.text) > BIG_ARTICLE_CHARS
        try:
            if isinstance(ex, Exception):
                raise ex
            ing.article.run = run_id
            for c in ex.claims:
                c.run = run_id
            rep.claims += write_article(db, ing.article, ing.regions, ex.sources, ex.claims)
            rep.articles += 1
        except Exception as e:
            if disk_full(e):  # not this article's fault: every next one would fail the same way
                raise
            _record_problem(db, rep, run_id, item, e)
        finally:
            if progress:
                progress(item)
        ing = ex = None  # not kept while the next article is read and extracted
        if big:  # its Docs and claims are garbage now: return the memory before the next article takes its own
            release_memory()


def release_memory() -> None:
    """After a very big article: garbage collected, and the freed heap handed back to the system (glibc's
    malloc_trim, where there is one), so that the next article, and the stages after the last, start low."""
    import ctypes
    import ctypes.util

    gc.collect()
    try:
        ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass


# An article longer than this (in characters) is followed by a garbage collection, stored or not, so that
# two such articles never hold memory at once; ordinary articles (a few thousand characters) skip its cost.
BIG_ARTICLE_CHARS = 500_000


def build(db, inputs: Iterable[str | Path], *, max_bytes: int = DEFAULT_MAX_BYTES, force: bool = False,
          progress: Optional[Callable[[Item], None]] = None, workers: int = 1,
          scheduler: Optional[str] = None, corrections: Optional[str | Path] = None,
          article_timeout: Optional[float] = DEFAULT_ARTICLE_TIMEOUT) -> BuildReport:
    """Read every input into the database. One bad input is reported and skipped, never fatal.

    Reading an article, and extracting its claims, may each take at most ``article_timeout``
    seconds (None or 0: no limit); an article over it is reported and skipped (claims.budget).

    Stages: iter_items (what to read) -> read_stage (ingest, dedupe, skip unchanged) ->
    extract_stage (claims; the expensive part) -> write_stage (the single writer). The garbage
    collector runs less often meanwhile (claims.collector).
    """
    with build_collector():
        return _build(db, inputs, max_bytes=max_bytes, force=force, progress=progress, workers=workers,
                      scheduler=scheduler, corrections=corrections, article_timeout=article_timeout)


def _build(db, inputs: Iterable[str | Path], *, max_bytes: int, force: bool, progress: Optional[Callable[[Item], None]],
           workers: int, scheduler: Optional[str], corrections: Optional[str | Path],
           article_timeout: Optional[float]) -> BuildReport:
    started = now_iso()
    gate = gate_identity()  # a bad CLAIMS_CUE_GATE stops the build here, once, naming the file
    run_id = start_run(db, model=MODEL, config={"max_bytes": max_bytes, "prefilter": True, "force": force,
                                                "article_timeout": article_timeout, "cue_gate": gate}, started=started)
    rep = BuildReport(run=run_id)
    inputs_meta: list[dict] = []
    pairs = read_stage(db, iter_items(inputs, max_bytes), rep, run_id, max_bytes=max_bytes, force=force,
                       inputs_meta=inputs_meta, progress=progress, article_timeout=article_timeout)
    if scheduler is not None:  # a Dask cluster (claims.distributed); "local" starts a LocalCluster
        from .distributed import dask_extract_stage

        results = dask_extract_stage(pairs, scheduler)
    elif workers > 1:  # a process pool on this machine (claims.parallel), same order as one worker
        from .parallel import parallel_extract_stage

        results = parallel_extract_stage(pairs, workers, article_timeout=article_timeout)
    else:
        results = extract_stage(pairs, article_timeout)
    write_stage(db, results, rep, run_id, progress=progress)
    link_stage(db, run_id, corrections=corrections)  # entities, corrections, clusters (claims/provenance.py)
    rep.warnings += unmatched_corrections(db)
    ensure_db_shape(db)
    finish_run(db, run_id, ended=now_iso(), articles=rep.articles, unchanged=rep.unchanged, claims=rep.claims,
               skipped=len(rep.problems), inputs=inputs_meta)
    return rep


# ---------------------------------------------------------------- atomic builds


class BuildInterrupted(BaseException):
    """Raised in the builder when SIGTERM (or SIGHUP) arrives: unwinds like KeyboardInterrupt."""

    def __init__(self, signum: int):
        self.signum = signum
        super().__init__(f"interrupted by signal {signum}")


TMP_MARK = ".tmp-"


def _tmp_pid(p: Path) -> Optional[int]:
    try:
        return int(p.name.rsplit(TMP_MARK, 1)[1].split("-")[0])
    except (IndexError, ValueError):
        return None


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def clean_stale_tmp(db_path: Path) -> list[Path]:
    """Remove temporary build files of DB left by builds that were killed (their process is gone)."""
    removed = []
    for p in db_path.parent.glob(db_path.name + TMP_MARK + "*"):
        pid = _tmp_pid(p)
        if pid is not None and pid != os.getpid() and not _pid_alive(pid):
            try:
                p.unlink()
                removed.append(p)
            except OSError:
                pass
    return removed


def _copy_db(src: Path, dst: Path) -> None:
    """Copy a SQLite database with the backup API (consistent even when WAL holds recent writes)."""
    import sqlite3

    from .errors import DatabaseError

    try:
        s = sqlite3.connect(str(src))
        s.execute("select count(*) from sqlite_master").fetchone()
    except sqlite3.DatabaseError as e:
        raise DatabaseError(f"{src}: not a SQLite database ({e})") from None
    try:
        d = sqlite3.connect(str(dst))
        try:
            s.backup(d)
            d.execute("pragma journal_mode = delete")
        finally:
            d.close()
    except sqlite3.DatabaseError as e:
        raise DatabaseError(f"{src}: cannot copy database ({e})") from None
    finally:
        s.close()


def build_atomic(db_path: str | Path, inputs: Iterable[str | Path], *, wait: float = 0,
                 on_wait: Optional[Callable[[str], None]] = None, **kwargs) -> BuildReport:
    """``build`` into a temporary copy of DB next to it, then move it onto DB in one step.

    A build that fails, is interrupted (SIGINT, SIGTERM) or is killed leaves DB exactly as it was:
    the work happens in ``DB.tmp-PID-XXXX``, removed on failure (and, after SIGKILL, by the next
    build). One build of DB at a time (claims.lock): while another holds the lock, stop with
    BuildLocked, or wait up to ``wait`` seconds. No space left on the device is DiskFull, and any
    other failure to write is a DatabaseError, each in one line. Keyword arguments go to ``build``.
    """
    from .errors import DatabaseError
    from .lock import build_lock

    db_path = Path(db_path)
    if db_path.is_dir():
        raise DatabaseError(f"{db_path}: is a directory, not a database file")
    try:
        db_path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise DatabaseError(f"{db_path.parent}: cannot create the folder ({e.strerror})") from None
    with build_lock(db_path, wait, on_wait):
        try:
            return _build_atomic(db_path, inputs, **kwargs)
        except (OSError, sqlite3.DatabaseError) as e:
            if disk_full(e):
                raise DiskFull(f"{db_path}: no space left on the device while building; {db_path} is left as it "
                               f"was ({e})") from None
            raise DatabaseError(f"{db_path}: the build failed and {db_path} is left as it was "
                                f"({type(e).__name__}: {e})") from None


def _build_atomic(db_path: Path, inputs: Iterable[str | Path], **kwargs) -> BuildReport:
    import signal
    import tempfile
    import threading

    from .store import open_db

    clean_stale_tmp(db_path)
    fd, tmp_name = tempfile.mkstemp(prefix=f"{db_path.name}{TMP_MARK}{os.getpid()}-", dir=db_path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    handlers = {}

    def _raise(signum, frame):
        raise BuildInterrupted(signum)

    if threading.current_thread() is threading.main_thread():
        for sig in (signal.SIGTERM, getattr(signal, "SIGHUP", None)):
            if sig is not None:
                handlers[sig] = signal.signal(sig, _raise)
    db = None
    try:
        if db_path.exists() and db_path.stat().st_size > 0:
            _copy_db(db_path, tmp)
        else:
            tmp.unlink()
        db = open_db(tmp)
        # The copy is private until os.replace: a crash only loses the copy, so SQLite need not
        # fsync every transaction; the finished file is fsynced once before it replaces DB.
        db.execute("pragma synchronous = off")
        rep = build(db, inputs, **kwargs)
        db.conn.commit()
        db.execute("pragma journal_mode = delete")
        db.close()
        db = None
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        for side in ("-wal", "-shm", "-journal"):  # stale files of the old database must not apply to the new one
            stale = Path(str(db_path) + side)
            if stale.exists():
                stale.unlink()
        os.replace(tmp, db_path)
        return rep
    except BaseException:
        if db is not None:
            try:
                db.close()
            except Exception:
                pass
        for side in ("", "-journal", "-wal", "-shm"):
            try:
                Path(str(tmp) + side).unlink()
            except OSError:
                pass
        raise
    finally:
        for sig, h in handlers.items():
            signal.signal(sig, h)


def version_string() -> str:
    return f"claims {__version__}"
