"""Nothing is lost: ids that collide, two builds at once, a write that fails half-way, a full disk, an edited
article and corrected cues under `claims check`, corrections that no longer match (issue 14)."""
from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from claims.check import check_db
from claims.cli import cli
from claims.errors import BuildLocked, ClaimsError
from claims.pipeline import build_atomic

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
AP = next(SEEDS.glob("002_*.txt"))


def _article(i: int, who: str = "the mayor") -> str:
    return (f"Council approves plan number {i}\n\nThe council approved plan number {i} on Monday, {who} said in a "
            f"statement, adding that work would begin in {i % 12 + 1} weeks.\n\n“This is a good day for the city,” "
            f"council member Ann Lee told reporters after vote number {i}.\n")


def _built(tmp_path: Path, n: int = 1) -> tuple[Path, Path]:
    """A folder with one article (one.txt) and a database built from it: (folder, database)."""
    d = tmp_path / "in"
    d.mkdir()
    (d / "one.txt").write_text(_article(n))
    db = tmp_path / "claims.db"
    build_atomic(db, [d])
    return d, db


def _rows(db: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def test_inputs_sharing_an_id_are_refused_not_overwritten(tmp_path):
    """a/x.txt and b/x.txt (and a JSONL id twice): the build said '2 stored', the database held one, claims
    were orphaned and `check` found 32 faults."""
    d = tmp_path / "in"
    (d / "a").mkdir(parents=True)
    (d / "b").mkdir()
    (d / "a" / "x.txt").write_text(_article(1))
    (d / "b" / "x.txt").write_text(_article(2))
    (d / "rows.jsonl").write_text("\n".join(json.dumps({"id": "r1", "text": _article(i)}) for i in (3, 4)) + "\n")
    db = tmp_path / "claims.db"
    rep = build_atomic(db, [d])
    assert rep.articles == 2
    assert rep.problems == [  # a folder's files before its subfolders
        (f"{d / 'rows.jsonl'}:row 2", f"{d / 'rows.jsonl'}:row 2: article id 'r1' is already taken by {d / 'rows.jsonl'}:row 1 "
                                      "in this build (ids come from file names, and from a batch row's id or url: rename one, or give it another id)"),
        (str(d / "b" / "x.txt"), f"{d / 'b' / 'x.txt'}: article id 'x' is already taken by {d / 'a' / 'x.txt'} in this "
                                 "build (ids come from file names, and from a batch row's id or url: rename one, or give it another id)"),
    ]
    assert _rows(db, "select id, path from articles order by id") == [("r1", f"{d / 'rows.jsonl'}:row 1"), ("x", str(d / "a" / "x.txt"))]
    assert _rows(db, "select count(*) from claims where status != 'current'") == [(0,)]
    res = check_db(db)
    assert res.faults == []


def test_a_failed_article_write_leaves_nothing_behind(tmp_path, monkeypatch):
    """A failure half-way through an article's write left its row without claims, and later builds skipped
    it as unchanged. One article's rows are written in one transaction."""
    import sqlite_utils.db

    d = tmp_path / "in"
    d.mkdir()
    (d / "one.txt").write_text(_article(1))
    db = tmp_path / "claims.db"
    real = sqlite_utils.db.Table.upsert_all

    def fail_on_claims(self, *a, **k):
        if self.name == "claims":
            raise sqlite3.OperationalError("simulated failure while writing claims")
        return real(self, *a, **k)

    monkeypatch.setattr(sqlite_utils.db.Table, "upsert_all", fail_on_claims)
    rep = build_atomic(db, [d])
    assert rep.articles == 0 and len(rep.problems) == 1 and "simulated failure" in rep.problems[0][1]
    for table in ("articles", "regions", "sources", "claims"):
        assert _rows(db, f"select count(*) from {table}") == [(0,)], table
    monkeypatch.undo()
    rep = build_atomic(db, [d])  # not skipped as unchanged: extracted and stored in full
    assert (rep.articles, rep.unchanged, rep.problems) == (1, 0, [])
    assert _rows(db, "select count(*) from claims")[0][0] == rep.claims > 0


def test_a_second_build_stops_while_one_runs(tmp_path):
    from claims.lock import build_lock

    d, db = _built(tmp_path)
    before = db.read_bytes()
    (d / "two.txt").write_text(_article(2))
    with build_lock(db):  # a build that is running
        with pytest.raises(BuildLocked, match=rf"^{db}: another build of this database is running \(process \d+, lock "
                                              rf"{db}.lock\); wait for it to finish, or build with --wait SECONDS$"):
            build_atomic(db, [d])
        res = CliRunner().invoke(cli, ["build", str(db), str(d)])
        assert res.exit_code == 3 and res.output.count("\n") == 1 and "another build of this database is running" in res.output
    assert db.read_bytes() == before


def test_two_builds_at_once_keep_both(tmp_path):
    """Two builds at once: the last to finish replaced the other's work (and said '... stored', rc 0).
    With --wait, the second waits for the first and builds on what it stored."""
    db = tmp_path / "claims.db"
    ins = []
    for k in range(2):
        d = tmp_path / f"in{k}"
        d.mkdir()
        for i in range(3):
            (d / f"b{k}_{i}.txt").write_text(_article(10 * k + i, who=f"spokesperson number {k}"))
        ins.append(d)
    cmd = [sys.executable, "-c", "from claims.cli import cli; cli()", "build", str(db)]
    procs = [subprocess.Popen(cmd + [str(d), "--wait", "120"], stderr=subprocess.PIPE, text=True) for d in ins]
    outs = [p.communicate(timeout=300)[1] for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outs
    assert _rows(db, "select id from articles order by id") == [(f"b{k}_{i}",) for k in range(2) for i in range(3)]
    assert check_db(db).faults == []


def test_disk_full_is_one_line_and_the_database_is_kept(tmp_path, monkeypatch):
    """No space left on the device printed a raw traceback. (Simulated with SQLite's page limit, which fails
    exactly like a full disk: SQLITE_FULL, 'database or disk is full'.)"""
    import claims.store

    d, db = _built(tmp_path)
    before = db.read_bytes()
    shutil.copy(AP, d / AP.name)
    real_open = claims.store.open_db

    def tiny_disk(path, **kw):
        conn = real_open(path, **kw)
        pages = conn.execute("pragma page_count").fetchone()[0]
        conn.execute(f"pragma max_page_count = {pages + 3}")
        return conn

    monkeypatch.setattr(claims.store, "open_db", tiny_disk)
    res = CliRunner().invoke(cli, ["build", str(db), str(d)])
    assert res.exit_code == 3, res.output
    assert res.output.startswith(f"Error: {db}: no space left on the device while building; {db} is left as it was")
    assert res.output.count("\n") == 1 and "Traceback" not in res.output
    assert db.read_bytes() == before and list(tmp_path.glob("claims.db.tmp-*")) == []


def test_check_is_clean_after_an_edit_and_a_corrected_cue(tmp_path):
    """`claims check` compared orphaned claims (and the mentions only they cite) with the current text instead
    of the version they point into, and a corrected cue with the text: both failed after legitimate work."""
    d = tmp_path / "in"
    d.mkdir()
    art = d / AP.name
    shutil.copy(AP, art)
    db = tmp_path / "claims.db"
    build_atomic(db, [d])
    claims = {r[0]: r for r in _rows(db, "select id, content, cue, kind, prefix, suffix from claims")}
    said = next(r for r in claims.values() if r[2] == "said" and r[3] != "reporter")
    (tmp_path / "corrections.yml").write_text(yaml.safe_dump({"corrections": [
        {"claim": said[0], "exact": said[1], "prefix": said[4], "suffix": said[5], "set": {"cue": "told reporters"}}]}))
    # an edit that removes a paragraph with attributed claims (their text is gone: orphaned)
    text = art.read_text(encoding="utf-8")
    gone = next(p for p in text.split("\n") if "cusp" in p)
    art.write_text(text.replace(gone + "\n", ""), encoding="utf-8")
    rep = build_atomic(db, [d])
    assert rep.problems == []
    assert _rows(db, f"select cue from claims where id = '{said[0]}'") == [("told reporters",)]
    orphaned = _rows(db, "select count(*) from claims where status = 'orphaned'")[0][0]
    assert orphaned >= 1
    res = check_db(db)
    assert res.faults == [], res.faults


def test_corrections_refuse_values_outside_the_vocabulary(tmp_path):
    d, db = _built(tmp_path)
    cid, content = _rows(db, "select id, content from claims where kind != 'reporter' limit 1")[0]
    before = db.read_bytes()
    bad = tmp_path / "bad.yml"
    bad.write_text(yaml.safe_dump({"corrections": [{"claim": cid, "exact": content, "set": {"anonymity": "secret"}}]}))
    with pytest.raises(ClaimsError, match=rf"^{bad}: correction 1 \(claim {cid}\): 'secret' is not a anonymity "
                                          r"\(one of: bare, described, identifiable, named, vague\)$"):
        build_atomic(db, [d], corrections=bad)
    assert db.read_bytes() == before


def test_a_correction_that_no_longer_matches_is_said(tmp_path):
    """A not_a_claim correction whose claim's text changed lapsed silently (the claim counted again)."""
    d = tmp_path / "in"
    d.mkdir()
    art = d / "one.txt"
    art.write_text(_article(1))
    db = tmp_path / "claims.db"
    build_atomic(db, [d])
    cid, content = _rows(db, "select id, content from claims where content like '%good day%'")[0]
    (tmp_path / "corrections.yml").write_text(yaml.safe_dump({"corrections": [{"claim": cid, "exact": content, "not_a_claim": True}]}))
    rep = build_atomic(db, [d], force=True)
    assert rep.warnings == [] and _rows(db, f"select status from claims where id = '{cid}'") == [("rejected",)]
    art.write_text(_article(1).replace("a good day for the city", "a great day for all of the city"))
    res = CliRunner().invoke(cli, ["build", str(db), str(d)])
    assert res.exit_code == 0
    assert f"warning: {tmp_path / 'corrections.yml'}: correction 1 (not_a_claim of claim {cid}) matches only an orphaned claim " \
           "(its text is gone or changed): it no longer applies\n" in res.output
