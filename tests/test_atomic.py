"""Nothing lost: atomic builds (kill, SIGTERM, crash), idempotent incremental builds, `claims check`."""
from __future__ import annotations

import hashlib
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from claims.check import check_db
from claims.cli import cli
from claims.pipeline import build_atomic

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def _digest(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


def _tables(db: Path, skip=("runs",)) -> dict:
    conn = sqlite3.connect(db)
    names = [r[0] for r in conn.execute("select name from sqlite_master where type = 'table' and name not like '%_fts_%' order by name")]
    out = {n: sorted(map(repr, conn.execute(f"select * from [{n}]"))) for n in names if n not in skip}
    conn.close()
    return out


@pytest.fixture(scope="module")
def base_db(tmp_path_factory):
    p = tmp_path_factory.mktemp("base") / "claims.db"
    rep = build_atomic(p, [SEEDS])
    assert rep.ok and rep.articles == 3
    return p


def _many_inputs(d: Path, n: int = 150) -> Path:
    d.mkdir()
    for i in range(n):
        (d / f"a{i:03}.txt").write_text(
            f"Council approves plan number {i}\n\nThe council approved plan number {i} on Monday, the mayor said in a "
            f"statement, adding that work would begin in {i % 12 + 1} weeks.\n\n“This is a good day for the city,” "
            f"council member Ann Lee {i} told reporters after the vote.\n")
    return d


SCRIPT = """
import sys
from claims.pipeline import build_atomic
build_atomic(sys.argv[1], [sys.argv[2]], progress=lambda item: print("done", item.name, flush=True))
print("finished", flush=True)
"""


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM])
def test_killed_build_leaves_previous_db(tmp_path, base_db, sig):
    db = tmp_path / "claims.db"
    shutil.copy(base_db, db)
    before, before_rows = _digest(db), _tables(db, skip=())
    inputs = _many_inputs(tmp_path / "in")
    proc = subprocess.Popen([sys.executable, "-c", SCRIPT, str(db), str(inputs)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, cwd=ROOT)
    seen = 0
    for line in proc.stdout:
        seen += line.startswith("done")
        if seen >= 5:
            break
    assert seen >= 5, proc.stderr.read()
    assert list(tmp_path.glob("claims.db.tmp-*")), "the build writes to a temporary copy"
    proc.send_signal(sig)
    rest = proc.stdout.read()
    proc.wait(timeout=60)
    assert "finished" not in rest and proc.returncode != 0
    assert _digest(db) == before and _tables(db, skip=()) == before_rows
    assert check_db(db).ok
    if sig == signal.SIGTERM:  # cleaned up by the builder itself
        assert not list(tmp_path.glob("claims.db.tmp-*"))
    else:  # a killed build's leftovers are removed by the next build
        assert list(tmp_path.glob("claims.db.tmp-*"))
        build_atomic(db, [SEEDS])
        assert not list(tmp_path.glob("claims.db.tmp-*"))


def test_crash_mid_write_leaves_previous_db(tmp_path, base_db, monkeypatch):
    import claims.pipeline as pl

    db = tmp_path / "claims.db"
    shutil.copy(base_db, db)
    before = _digest(db)
    calls = []

    def boom(*a, **k):
        calls.append(1)
        if len(calls) == 2:
            raise MemoryError("simulated crash while writing")
        return real(*a, **k)

    real = pl.write_article
    monkeypatch.setattr(pl, "write_article", boom)
    monkeypatch.setattr(pl, "_record_problem", lambda *a, **k: (_ for _ in ()).throw(a[-1]))
    with pytest.raises(MemoryError):
        build_atomic(db, [_many_inputs(tmp_path / "in", 4)])
    assert _digest(db) == before and not list(tmp_path.glob("claims.db.tmp-*"))


def test_build_twice_changes_nothing_and_skips_unchanged(tmp_path, base_db):
    db = tmp_path / "claims.db"
    shutil.copy(base_db, db)
    before = _tables(db)
    rep = build_atomic(db, [SEEDS])
    assert (rep.articles, rep.unchanged, rep.claims) == (0, 3, 0)
    assert _tables(db) == before
    # a changed article is re-extracted, the others are not
    d = tmp_path / "seeds"
    shutil.copytree(SEEDS, d)
    f = sorted(d.glob("*.txt"))[0]
    f.write_text(f.read_text() + "\nThe spokesman said the talks would continue next month in Vienna.\n")
    rep = build_atomic(db, [d])
    assert (rep.articles, rep.unchanged) == (1, 2)
    assert check_db(db).ok


def test_engine_version_change_reextracts(tmp_path, base_db):
    db = tmp_path / "claims.db"
    shutil.copy(base_db, db)
    conn = sqlite3.connect(db)
    conn.execute("update runs set version = '0.0.1'")  # an older engine
    conn.commit()
    conn.close()
    rep = build_atomic(db, [SEEDS])
    assert (rep.articles, rep.unchanged) == (3, 0)


def test_check_clean_and_corrupted(tmp_path, base_db):
    res = CliRunner().invoke(cli, ["check", str(base_db)])
    assert res.exit_code == 0 and "clean" in res.output and "3 articles" in res.output
    db = tmp_path / "bad.db"
    shutil.copy(base_db, db)
    conn = sqlite3.connect(db)
    cid, start = conn.execute("select id, start from claims where kind != 'reporter' limit 1").fetchone()
    conn.execute("update claims set start = start + 1 where id = ?", [cid])
    sid = conn.execute("select id from sources limit 1").fetchone()[0]
    conn.execute("update sources set text = 'nobody at all' where id = ?", [sid])
    conn.execute("insert into claims_fts(claims_fts, rowid, content, source, source_name, cue) "
                 "select 'delete', rowid, content, source, source_name, cue from claims where rowid = 1")
    conn.execute("pragma foreign_keys = off")
    conn.execute("insert into regions (id, article, role, start, [end], text) values ('ghost:r0', 'ghost', 'body', 0, 1, 'x')")
    conn.commit()
    conn.close()
    res = CliRunner().invoke(cli, ["check", str(db)])
    assert res.exit_code == 1
    out = res.output
    assert f"claim {cid}: text[{start + 1}:" in out
    assert f"source {sid}:" in out
    assert "claims_fts out of sync: " in out
    assert "foreign key: regions ghost:r0 (article = 'ghost') points to no row of articles" in out
    assert "faults" in out.splitlines()[-1]


def test_check_rejects_non_database(tmp_path):
    p = tmp_path / "x.db"
    p.write_bytes(b"not a database at all" * 100)
    res = CliRunner().invoke(cli, ["check", str(p)])
    assert res.exit_code != 0 and "not a SQLite database" in res.output


def test_build_exit_status(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("The mayor said on Monday that the bridge would reopen next week after repairs were finished.\n")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    r = CliRunner()
    assert r.invoke(cli, ["build", "-q", str(tmp_path / "a.db"), str(good)]).exit_code == 0
    res = r.invoke(cli, ["build", "-q", str(tmp_path / "b.db"), str(good), str(bad)])
    assert res.exit_code == 1 and f"skipped: {bad}: empty file" in res.output
    res = r.invoke(cli, ["build", "-q", str(tmp_path / "c.db"), str(bad)])
    assert res.exit_code == 2 and "0 articles stored" in res.output
