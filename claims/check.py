"""``claims check DB``: verify a claims database.

Checks, each fault one line naming the row:
- SQLite's own integrity (``pragma quick_check``) and foreign keys (``pragma foreign_key_check``);
- every claim's anchor: ``articles.text[start:end] == claims.content`` (and the cue at ``cue_start``), in
  the version of the text the claim points into (``claims.sha256``: an orphaned claim's text is gone from
  the current version and its anchor points into the one kept in ``article_versions``); a cue a
  fact-checker corrected is their wording, not a place in the text, and is not compared;
- every source mention's and region's offsets the same way (a mention only orphaned claims still cite is
  compared with the version they point into);
- article ``sha256`` against its stored text (anchors are tied to it);
- full-text search in sync: the FTS index holds one entry per row (``*_fts_docsize``) and a
  sample of rows is found again by a MATCH on words of their own text.
Articles are read one at a time, so memory stays bounded on large databases.
"""
from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from .errors import DatabaseError
from .ingest import sha256_text

MAX_FAULTS_PER_KIND = 50
TABLES = ["articles", "regions", "sources", "claims", "problems", "runs"]


@dataclass
class CheckResult:
    path: str
    faults: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    checked: dict[str, int] = field(default_factory=dict)
    suppressed: int = 0

    @property
    def ok(self) -> bool:
        return not self.faults

    def summary(self) -> str:
        counts = ", ".join(f"{v} {k}" for k, v in self.counts.items())
        verdict = "clean" if self.ok else f"{len(self.faults) + self.suppressed} faults"
        return f"{self.path}: {verdict} ({counts}; {self.checked.get('anchors', 0)} offsets checked)"


class _Faults:
    def __init__(self, res: CheckResult):
        self.res = res
        self.per_kind: dict[str, int] = {}

    def add(self, kind: str, msg: str) -> None:
        n = self.per_kind.get(kind, 0) + 1
        self.per_kind[kind] = n
        if n <= MAX_FAULTS_PER_KIND:
            self.res.faults.append(msg)
        else:
            self.res.suppressed += 1


def _tables(conn) -> set[str]:
    return {r[0] for r in conn.execute("select name from sqlite_master where type in ('table', 'view')")}


def _fts_words(s: str, n: int = 3) -> list[str]:
    ws = [w for w in re.findall(r"[A-Za-z]{4,}", s or "")]
    return sorted(set(ws), key=lambda w: (-len(w), w))[:n]


def _at(text, start, end, want) -> bool:
    return text is not None and isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(text) \
        and text[start:end] == want


class _Versions:
    """The texts of one article's versions by sha256: the current one, and those in article_versions (read
    only when a claim points into one)."""

    def __init__(self, conn, article: str, text: str, sha: str, archived: bool):
        self.conn, self.article, self.current, self.sha, self.archived = conn, article, text, sha, archived
        self.kept: dict[str, str] | None = None

    def text(self, sha256) -> tuple[str | None, str]:
        if sha256 is None or sha256 == self.sha:
            return self.current, f"article {self.article}"
        if self.kept is None:
            self.kept = dict(self.conn.execute("select sha256, text from article_versions where article = ?",
                                               [self.article])) if self.archived else {}
        return self.kept.get(sha256), f"article {self.article} (the version with sha256 {sha256[:12]})"


def check_db(path: str | Path, *, sample: int = 50) -> CheckResult:
    p = Path(path)
    if not p.exists():
        raise DatabaseError(f"{p}: no such database")
    try:
        conn = sqlite3.connect(f"file:{p}?mode=ro", uri=True)
        conn.execute("select count(*) from sqlite_master").fetchone()
    except sqlite3.DatabaseError as e:
        raise DatabaseError(f"{p}: not a SQLite database ({e})") from None
    res = CheckResult(str(p))
    f = _Faults(res)
    try:
        _check(conn, res, f, sample)
    except sqlite3.DatabaseError as e:
        f.add("sqlite", f"database error while checking: {e}")
    finally:
        conn.close()
    return res


def _check(conn, res: CheckResult, f: _Faults, sample: int) -> None:
    tables = _tables(conn)
    missing = [t for t in ("articles", "claims", "sources", "regions", "runs") if t not in tables]
    for t in missing:
        f.add("schema", f"table {t} is missing: not a claims database")
    if missing:
        return
    for t in TABLES:
        if t in tables:
            res.counts[t] = conn.execute(f"select count(*) from [{t}]").fetchone()[0]

    for (msg,) in conn.execute("pragma quick_check"):
        if msg != "ok":
            f.add("integrity", f"sqlite integrity: {msg}")
    for table, rowid, parent, fkid in conn.execute("pragma foreign_key_check"):
        col = None
        try:
            fks = conn.execute(f"pragma foreign_key_list([{table}])").fetchall()
            col = next((r[3] for r in fks if r[0] == fkid), None)
            row = conn.execute(f"select id, [{col}] from [{table}] where rowid = ?", [rowid]).fetchone() if col else None
        except sqlite3.DatabaseError:
            row = None
        what = f"{table} {row[0]}" if row else f"{table} rowid {rowid}"
        ref = f" ({col} = {row[1]!r})" if row else ""
        f.add("fk", f"foreign key: {what}{ref} points to no row of {parent}")

    anchors = 0
    orphan_claims = conn.execute("select count(*) from claims where article not in (select id from articles)").fetchone()[0]
    if orphan_claims:
        f.add("orphan", f"{orphan_claims} claims belong to no stored article")
    corrected_cues = set()
    if "corrections" in tables:
        corrected_cues = {r[0] for r in conn.execute(
            "select claim from corrections where field = 'cue' and status = 'applied' and claim is not null")}
    for art_id, text, sha in conn.execute("select id, text, sha256 from articles order by id"):
        text = text or ""
        if sha and sha256_text(text) != sha:
            f.add("sha", f"article {art_id}: sha256 does not match its stored text")
        versions = _Versions(conn, art_id, text, sha, "article_versions" in tables)
        for cid, content, start, end, cue, cue_start, csha in conn.execute(
                "select id, content, start, [end], cue, cue_start, sha256 from claims where article = ?", [art_id]):
            anchors += 1
            vtext, where = versions.text(csha)
            if vtext is None:
                f.add("anchor", f"claim {cid}: points into version sha256 {csha[:12]} of article {art_id}, which is not stored")
                continue
            if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(vtext)):
                f.add("anchor", f"claim {cid}: offsets {start}:{end} outside {where} ({len(vtext)} characters)")
            elif vtext[start:end] != content:
                f.add("anchor", f"claim {cid}: text[{start}:{end}] of {where} is not its content "
                                f"({vtext[start:end][:40]!r} != {(content or '')[:40]!r})")
            if cue and cue_start is not None and cid not in corrected_cues and vtext[cue_start:cue_start + len(cue)] != cue:
                f.add("anchor", f"claim {cid}: cue {cue!r} not at offset {cue_start} of {where}")
        for sid, stext, start, end in conn.execute(
                "select id, text, start, [end] from sources where article = ?", [art_id]):
            anchors += 1
            cited_in = [r[0] for r in conn.execute(
                "select distinct sha256 from claims where source_id = ? and sha256 is not null", [sid])]
            if not any(_at(vt, start, end, stext) for vt in
                       [text] + [versions.text(v)[0] for v in cited_in if v != sha]):
                f.add("anchor", f"source {sid}: text[{start}:{end}] of article {art_id} is not the mention {(stext or '')[:40]!r}")
        for rid, rtext, start, end in conn.execute(
                "select id, text, start, [end] from regions where article = ?", [art_id]):
            anchors += 1
            if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(text)) \
                    or text[start:end] != rtext:
                f.add("anchor", f"region {rid}: text[{start}:{end}] of article {art_id} is not the region's text")
    res.checked["anchors"] = anchors

    for table, col in (("claims", "content"), ("articles", "title")):
        fts = f"{table}_fts"
        if fts not in tables:
            f.add("fts", f"{fts} is missing: full-text search not set up")
            continue
        n_rows = res.counts[table]
        if f"{fts}_docsize" in tables:
            n_idx = conn.execute(f"select count(*) from [{fts}_docsize]").fetchone()[0]
            if n_idx != n_rows:
                f.add("fts", f"{fts} out of sync: {n_idx} rows indexed, {n_rows} in {table}")
        rows = conn.execute(f"select rowid, [{col}], {'text' if table == 'articles' else col} from [{table}] "
                            f"where [{col}] is not null order by random() limit ?", [sample]).fetchall()
        missed = 0
        for rowid, value, extra in rows:
            ws = _fts_words(value) or _fts_words(extra)
            if not ws:
                continue
            q = " ".join(f'"{w}"' for w in ws)
            hit = conn.execute(f"select 1 from [{fts}] where [{fts}] match ? and rowid = ?", [q, rowid]).fetchone()
            if hit is None:
                missed += 1
                if missed <= 3:
                    f.add("fts", f"{fts} out of sync: {table} rowid {rowid} not found searching {q}")
        res.checked[f"{fts} sample"] = len(rows)
