"""Datasette plugin: what one request may cost, and what a browser or spreadsheet may do with an answer.

Loaded with ``--plugins-dir plugins`` next to claims_workbench.py (and, like it, without the claims package):

* **One value** may be at most ``max(16 MiB, twice the largest article text, run inputs or config
  stored)`` long (SQLite's SQLITE_LIMIT_LENGTH): ``select hex(zeroblob(100000000))`` is refused
  ("string or blob too big") instead of allocating 1.3 GB. The largest stored value is read once per
  database file, so every stored row can still be read.
* **One query's rows** may hold at most 64 MiB of text and blobs; past that the query stops with an
  error saying so (``max_returned_rows`` bounds the rows, this bounds what they hold).
* **CSV**: a cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a leading
  ``'``, so a spreadsheet shows it instead of running it as a formula.
* **Headers** on every response: Content-Security-Policy (scripts, styles, images and requests from this
  site only; no framing by other sites; the dashboards' charts, which compile their specifications into
  functions, may also evaluate code), X-Frame-Options DENY, X-Content-Type-Options nosniff,
  Referrer-Policy.
* **CSV streaming** (``?_stream=on``, every row of a table) is off (``allow_csv_stream``), and the parameter is
  dropped: a CSV is one page, at most ``max_returned_rows`` rows, like any other answer.
* **Search**: a search of only quote marks (a lone ``"``) finds nothing instead of answering 400.
* **A rebuilt database** is reopened: ``claims build`` replaces the file (a new inode), which open
  connections would never see; when the file behind a database changes, the next request opens it anew.
"""
from __future__ import annotations

import csv
import os
import sqlite3
import weakref

from datasette import hookimpl

MIN_VALUE_BYTES = 16 * 2**20
MAX_RESULT_BYTES = 64 * 2**20
# the columns that may hold the largest values of a claims database (every other text is a piece of an article)
LARGE_COLUMNS = [("articles", "text"), ("article_versions", "text"), ("runs", "inputs"), ("runs", "config")]

_limits: dict[tuple, int] = {}


def _file_key(path: str) -> tuple:
    st = os.stat(path)
    return (path, st.st_ino, st.st_mtime_ns, st.st_size)


def value_limit(conn: sqlite3.Connection, path: str | None) -> int:
    """The longest value a query on this database may make: twice the longest stored (at least 16 MiB)."""
    if not path:
        return MIN_VALUE_BYTES
    key = _file_key(path)
    if key not in _limits:
        tables = {r[0] for r in conn.execute("select name from sqlite_master where type = 'table'")}
        largest = 0
        for table, column in LARGE_COLUMNS:
            if table in tables and column in {r[1] for r in conn.execute(f"pragma table_info([{table}])")}:
                largest = max(largest, conn.execute(f"select max(length(cast([{column}] as blob))) from [{table}]")
                              .fetchone()[0] or 0)
        _limits[key] = max(MIN_VALUE_BYTES, 2 * largest)
    return _limits[key]


class ResultTooLarge(sqlite3.OperationalError):
    pass


def _bounded_rows(limit: int):
    """A row factory (sqlite3.Row, as Datasette sets) that stops a cursor once its rows hold over ``limit``."""
    held: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()

    def factory(cursor, row):
        n = held.get(cursor, 0) + sum(len(v) for v in row if isinstance(v, (str, bytes)))
        held[cursor] = n
        if n > limit:
            raise ResultTooLarge(f"the result holds over {limit // 2**20} MB of text: ask for fewer rows or columns")
        return sqlite3.Row(cursor, row)

    return factory


@hookimpl
def prepare_connection(conn, database, datasette):
    db = datasette.databases.get(database)
    path = getattr(db, "path", None) if db is not None and not getattr(db, "is_memory", False) else None
    if hasattr(conn, "setlimit"):  # Python 3.11+
        conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, value_limit(conn, path))
    conn.row_factory = _bounded_rows(MAX_RESULT_BYTES)


# ---------------------------------------------------------------- CSV: no formulas

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value):
    """A cell as a spreadsheet should show it: text starting like a formula gets a leading apostrophe."""
    return "'" + value if isinstance(value, str) and value.startswith(FORMULA_START) else value


class _SafeWriter:
    def __init__(self, writer):
        self.writer = writer

    def writerow(self, row):
        return self.writer.writerow([csv_safe(v) for v in row])


class _SafeCsv:
    """Stands in for the csv module in Datasette's CSV view: the same writer, formula cells escaped."""

    def __getattr__(self, name):
        return getattr(csv, name)

    @staticmethod
    def writer(f, *args, **kwargs):
        return _SafeWriter(csv.writer(f, *args, **kwargs))


# ---------------------------------------------------------------- search: a lone quote mark


def _safe_escape_fts(escape):
    def escape_fts(query):
        return escape(query) or '""'  # only quote marks: a phrase of nothing, which matches nothing

    escape_fts.safe = True
    return escape_fts


def _patch() -> None:
    from datasette import sql_functions
    from datasette.views import base

    if not isinstance(base.csv, _SafeCsv):
        base.csv = _SafeCsv()
    if not getattr(sql_functions.escape_fts, "safe", False):
        sql_functions.escape_fts = _safe_escape_fts(sql_functions.escape_fts)


_patch()

# ---------------------------------------------------------------- headers, and reopening a rebuilt file

CSP = ("default-src 'self'; script-src 'self' 'unsafe-inline'{eval}; style-src 'self' 'unsafe-inline'; "
       "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
       "frame-ancestors 'none'")
HEADERS = [(b"x-frame-options", b"DENY"), (b"x-content-type-options", b"nosniff"),
           (b"referrer-policy", b"strict-origin-when-cross-origin")]


def security_headers(path: str) -> list[tuple[bytes, bytes]]:
    evals = " 'unsafe-eval'" if path.startswith("/-/dashboards") else ""
    return [(b"content-security-policy", CSP.format(eval=evals).encode())] + HEADERS


def reopen_changed(datasette) -> None:
    """Replace each file database whose file changed since it was opened with a fresh Database (new hash,
    counts and connections). Datasette keeps one connection per SQL thread and database name: those are
    dropped (every database's; they reconnect on their next query), and the old ones closed once any query
    still running on them is over (twice the time limit)."""
    import asyncio
    import threading

    from datasette import database as dsdb

    opened = datasette.__dict__.setdefault("_claims_opened", {})
    stale = []
    for name, db in list(datasette.databases.items()):
        if db.is_memory or not db.path:
            continue
        try:
            key = _file_key(db.path)
        except OSError:
            continue
        if opened.setdefault(name, (db, key))[0] is not db:
            opened[name] = (db, key)
        elif opened[name][1] != key:
            fresh = dsdb.Database(datasette, path=db.path, is_mutable=db.is_mutable)
            fresh.name, fresh.route = db.name, db.route
            datasette.databases = {**datasette.databases, name: fresh}
            opened[name] = (fresh, key)
            stale.append(db)
    if stale:
        dsdb.connections = threading.local()
        later = 2 * (datasette.setting("sql_time_limit_ms") or 1000) / 1000 + 1
        for db in stale:
            asyncio.get_running_loop().call_later(later, db.close)


def _without_stream(query_string: bytes) -> bytes:
    from urllib.parse import parse_qsl, urlencode

    pairs = parse_qsl(query_string.decode("latin-1"), keep_blank_values=True)
    return urlencode([(k, v) for k, v in pairs if k != "_stream"]).encode("latin-1")


@hookimpl
def asgi_wrapper(datasette):
    def wrap(app):
        async def guarded(scope, receive, send):
            if scope.get("type") != "http":
                return await app(scope, receive, send)
            reopen_changed(datasette)
            extra = security_headers(scope.get("path", ""))
            if b"_stream" in scope.get("query_string", b""):  # a CSV is one page (allow_csv_stream is off)
                scope = {**scope, "query_string": _without_stream(scope["query_string"])}

            async def send_with_headers(message):
                if message["type"] == "http.response.start":
                    names = {k.lower() for k, _ in message.get("headers", [])}
                    message = {**message, "headers": list(message.get("headers", []))
                               + [(k, v) for k, v in extra if k not in names]}
                await send(message)

            await app(scope, receive, send_with_headers)

        return guarded

    return wrap
