"""The hostile corpus (scripts/gen_hostile.py, small scale) with the seeds, in one batch through the CLI:
every good article stored, every bad input named with its reason, no traceback, `claims check` clean.

The full-size corpus (a 10 MB line, 16,000 quote marks, 5,000 quoted paragraphs, a 50,000-sentence
article) and its time and memory budget are the benchmark's: scripts/bench_hostile.py."""
from __future__ import annotations

import importlib.util
import sqlite3
import subprocess
import sys
from pathlib import Path

from claims.check import check_db

ROOT = Path(__file__).resolve().parent.parent


def _generator():
    spec = importlib.util.spec_from_file_location("gen_hostile", ROOT / "scripts" / "gen_hostile.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_hostile_corpus_in_one_batch(tmp_path):
    corpus = tmp_path / "hostile"
    manifest = _generator().generate(corpus, "small")
    assert len(manifest) >= 60
    db = tmp_path / "claims.db"
    proc = subprocess.run([sys.executable, "-c", "from claims.cli import cli; cli()", "build", str(db), str(corpus),
                           str(ROOT / "seeds")], capture_output=True, text=True, timeout=600)
    assert proc.returncode == 1, proc.stderr[-3000:]
    assert "Traceback" not in proc.stderr and "internal error" not in proc.stderr, proc.stderr[-3000:]
    prefix = f"skipped: {corpus}/"
    skipped = {}
    for line in proc.stderr.splitlines():
        if line.startswith("skipped: "):
            assert line.startswith(prefix), line
            name, _, reason = line[len(prefix):].partition(": ")
            skipped[name] = reason
    refused = {name: why for name, (what, why) in manifest.items() if what == "refused"}
    assert set(skipped) == set(refused)
    for name, why in refused.items():
        assert why in skipped[name], (name, skipped[name])
    conn = sqlite3.connect(db)
    ids = {r[0] for r in conn.execute("select id from articles")}
    conn.close()
    stored = {why for what, why in manifest.values() if what == "stored"}
    seeds = {p.stem for p in (ROOT / "seeds").glob("*.txt")}
    assert ids == stored | seeds
    res = check_db(db)
    assert res.faults == [], res.faults
