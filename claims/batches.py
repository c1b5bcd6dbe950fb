"""Batches (JSONL, CSV: one article a row) and standard input.

A batch file is streamed row by row, and each row is read on its own: a row that is malformed, not
UTF-8 or over the size limit is refused with its number ('file:row N'), the rows around it are read.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Iterator, Optional

from .errors import EmptyInput, EncodingProblem, InputError, MalformedInput, TooLarge
from .ingest import DEFAULT_MAX_BYTES, Ingested

BATCH_FIELDS = ("id", "text", "html", "url", "outlet", "publisher", "published", "title", "byline", "language")


class _Lines:
    """The lines of a batch file, decoded one at a time (a line that is not UTF-8 costs that line, not
    the file: undecodable bytes become lone surrogates, which the row check finds), each at most
    ``limit`` bytes: a longer line raises LineTooLong once, its rest is skipped, and reading goes on."""

    def __init__(self, fh, limit: int):
        self.fh, self.limit, self.first = fh, limit, True

    def __iter__(self):
        return self

    def __next__(self) -> str:
        raw = self.fh.readline(self.limit + 1) if self.limit else self.fh.readline()
        if not raw:
            raise StopIteration
        if self.first:
            self.first = False
            raw = raw.removeprefix(b"\xef\xbb\xbf")
        if self.limit and len(raw) > self.limit and not raw.endswith(b"\n"):
            while (more := self.fh.readline(1 << 20)) and not more.endswith(b"\n"):
                pass
            raise LineTooLong()
        return raw.decode("utf-8", errors="surrogateescape")


class LineTooLong(Exception):
    pass


RE_UNDECODED = re.compile("[\udc80-\udcff]")
RE_SURROGATE = re.compile("[\ud800-\udfff]")


def _going_on(source, errors: type[Exception] | tuple = ()):
    """The items of ``source``; a line too long (or one of ``errors``) comes as the exception itself,
    and reading goes on with the next line."""
    while True:
        try:
            yield next(source)
        except StopIteration:
            return
        except (LineTooLong, *(errors if isinstance(errors, tuple) else (errors,))) as e:
            yield e


def _too_long(path: Path, row: int, max_bytes: int) -> TooLarge:
    return TooLarge(f"{path}:row {row}", f"line over the size limit of {max_bytes:,} bytes (raise it with --max-bytes)")


def _not_utf8(values) -> Optional[str]:
    for v in values:
        m = RE_UNDECODED.search(v)
        if m:
            return f"not UTF-8 (byte 0x{ord(m.group(0)) - 0xdc00:02x} in the row)"
    return None


def iter_rows(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[tuple[int, Optional[dict], Optional[InputError]]]:
    """(row number, fields, error) for each row of a JSONL or CSV batch, streamed (bounded memory).

    Rows are numbered from 1 (for CSV: data rows after the header). A row that cannot be parsed
    comes with an InputError naming 'file:row N' instead of fields; a row that is not UTF-8 or longer
    than ``max_bytes`` costs only that row. Row 0 is the file as a whole (cannot be read, no rows).
    """
    import csv
    import json

    from .ingest import os_problem

    try:
        fh = open(path, "rb")
    except OSError as e:
        yield 0, None, InputError(str(path), os_problem(path, e))
        return
    with fh:
        lines = _Lines(fh, max_bytes)
        if path.suffix.lower() == ".jsonl":
            row = 0
            for line in _going_on(lines):
                if isinstance(line, LineTooLong):
                    row += 1
                    yield row, None, _too_long(path, row, max_bytes)
                    continue
                if not line.strip():
                    continue
                row += 1
                bad = _not_utf8([line])
                if bad:
                    yield row, None, EncodingProblem(f"{path}:row {row}", bad)
                    continue
                try:
                    data = json.loads(line)
                except ValueError as e:
                    yield row, None, MalformedInput(f"{path}:row {row}", f"malformed JSON line ({e.msg}, column {e.colno})")
                    continue
                except RecursionError:
                    yield row, None, MalformedInput(f"{path}:row {row}", "JSON nested too deeply")
                    continue
                if not isinstance(data, dict):
                    yield row, None, MalformedInput(f"{path}:row {row}", "JSON line is not an object")
                    continue
                if any(isinstance(v, str) and RE_SURROGATE.search(v) for v in [*data, *data.values()]):
                    yield row, None, EncodingProblem(f"{path}:row {row}", "not valid Unicode (a lone surrogate, such as "
                                                                           "\\ud800, in a field)")
                    continue
                yield row, data, None
            if row == 0:
                yield 0, None, EmptyInput(str(path), "no rows (an empty JSONL batch)")
            return
        csv.field_size_limit(max_bytes or 2**31 - 1)
        reader = csv.reader(lines)
        try:
            header = next(reader, None)
        except (csv.Error, LineTooLong) as e:
            yield 0, None, MalformedInput(str(path), f"malformed CSV header ({e or 'line over the size limit'})")
            return
        if not header:
            yield 0, None, EmptyInput(str(path), "empty CSV file (no header row)")
            return
        if _not_utf8(header):
            yield 0, None, EncodingProblem(str(path), f"CSV header row is {_not_utf8(header)}")
            return
        header = [h.strip().lower() for h in header]
        row = 0
        for values in _going_on(reader, csv.Error):
            if isinstance(values, LineTooLong):
                row += 1
                yield row, None, _too_long(path, row, max_bytes)
                continue
            if isinstance(values, csv.Error):
                row += 1
                yield row, None, MalformedInput(f"{path}:row {row}", f"malformed CSV ({values})")
                continue
            if not any(v.strip() for v in values):
                continue
            row += 1
            bad = _not_utf8(values)
            if bad:
                yield row, None, EncodingProblem(f"{path}:row {row}", bad)
                continue
            if len(values) != len(header):
                yield row, None, MalformedInput(
                    f"{path}:row {row}", f"{len(values)} columns where the header has {len(header)}")
                continue
            yield row, dict(zip(header, values)), None
        if row == 0:
            yield 0, None, EmptyInput(str(path), "a header row but no data rows (an empty CSV batch)")


def read_row(path: Path, row: int, data: dict, *, max_bytes: int) -> Ingested:
    """Ingest one batch row: its text (or html) with the row's fields as metadata hints."""
    import re
    import unicodedata

    from .ingest import ingest_text

    name = f"{path}:row {row}"
    data = {str(k).strip().lower(): v for k, v in data.items()}
    body = data.get("text") or data.get("html")
    if not isinstance(body, str) or not body.strip():
        raise MalformedInput(name, "no text or html column (or it is empty)")
    if max_bytes and len(body.encode("utf-8")) > max_bytes:
        raise TooLarge(name, f"text of {len(body.encode('utf-8')):,} bytes is over the size limit of {max_bytes:,} bytes (raise it with --max-bytes)")
    raw_id = data.get("id") or data.get("url") or f"{path.stem}-{row}"
    art_id = re.sub(r"\s+", "_", str(raw_id).strip())
    hints = {k: (str(data[k]) if data.get(k) is not None else None)
             for k in ("title", "outlet", "publisher", "published", "url", "byline", "language")}
    if not data.get("text"):
        from .html import ingest_html

        return ingest_html(art_id, body, name, hints=hints)
    text = unicodedata.normalize("NFC", body.replace("\r\n", "\n").replace("\r", "\n"))
    return ingest_text(art_id, text, name, hints=hints, fmt="batch")


def read_stdin(*, max_bytes: int) -> Ingested:
    """Standard input: one article, plain text (or HTML when it starts like a page)."""
    import sys
    import unicodedata

    from .ingest import decode_bytes, ingest_text, sha256_text

    stream = getattr(sys.stdin, "buffer", None)
    data = stream.read(max_bytes + 1 if max_bytes else -1) if stream is not None else sys.stdin.read().encode("utf-8")
    text, note = decode_bytes(data, "<stdin>", max_bytes)
    text = unicodedata.normalize("NFC", text)
    art_id = "stdin-" + sha256_text(text)[:16]
    if text.lstrip()[:200].lower().startswith(("<!doctype html", "<html")):
        from .html import ingest_html

        return ingest_html(art_id, text, "<stdin>", encoding_note=note)
    return ingest_text(art_id, text, "<stdin>", encoding_note=note)
