#!/usr/bin/env python3
"""Benchmark: the full-size hostile corpus and the seeds in one `claims build`, within a budget.

Makes the corpus with scripts/gen_hostile.py (--scale full: a 10 MB single line, 16,000 quote marks,
5,000 quoted paragraphs, a 50,000-sentence article and 80 other hostile inputs), builds it with the
seeds into a fresh database in one `claims build` (a child process, default settings), samples the
resident memory of that process and all its children (psutil, every 0.1 s) and takes the kernel's own peak of
its largest process when that is higher (a spike between two samples), then runs `claims check`.
It checks the outcome against the generator's manifest (every good article stored, every bad one named
with its reason, no traceback) and the budget of issue 14: under 5 minutes, peak under 1.5 GB.
Results go to bench/out/hostile.json; the exit status is 1 when anything is over budget or wrong.

    .venv/bin/python scripts/bench_hostile.py            # or --scale small, --keep to keep the corpus
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import resource
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
BUDGET_SECONDS = 300
BUDGET_BYTES = int(1.5 * 2**30)
CLAIMS = [sys.executable, "-c", "from claims.cli import cli; cli()"]


def tree_rss(proc: psutil.Process) -> int:
    total = 0
    for p in [proc, *proc.children(recursive=True)]:
        try:
            total += p.memory_info().rss
        except psutil.Error:
            pass
    return total


def run_sampled(cmd: list[str]) -> tuple[subprocess.CompletedProcess, float, int]:
    """Run cmd; return (completed, wall seconds, peak RSS in bytes): the larger of the process tree's RSS sampled
    every 0.1 s and the kernel's own peak for the largest single process (``ru_maxrss``), which no short spike
    between two samples escapes."""
    start = time.perf_counter()
    child = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    proc = psutil.Process(child.pid)
    peak = [0]
    done = threading.Event()

    def sample():
        while not done.is_set():
            try:
                peak[0] = max(peak[0], tree_rss(proc))
            except psutil.Error:
                pass
            done.wait(0.1)

    t = threading.Thread(target=sample, daemon=True)
    t.start()
    out, err = child.communicate()
    done.set()
    t.join()
    wall = time.perf_counter() - start
    kernel_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024  # (Linux counts in KiB)
    return subprocess.CompletedProcess(cmd, child.returncode, out, err), wall, max(peak[0], kernel_peak)


def check_outcome(manifest: dict, corpus: Path, stderr: str, stored_ids: set[str]) -> list[str]:
    """What differs from the manifest (an empty list when every input went as expected)."""
    wrong = []
    if "Traceback" in stderr or "internal error" in stderr:
        wrong.append("a traceback or an internal error in the output")
    prefix = f"skipped: {corpus}/"
    skipped = {}
    for line in stderr.splitlines():
        if line.startswith(prefix):
            name, _, reason = line[len(prefix):].partition(": ")
            skipped[name] = reason
    for name, (what, why) in sorted(manifest.items()):
        if what == "refused" and why not in skipped.get(name, ""):
            wrong.append(f"{name}: expected refused ({why}), got {skipped.get(name, 'not refused')!r}")
        if what == "stored" and why not in stored_ids:
            wrong.append(f"{name}: expected stored as {why!r}, got {skipped.get(name, 'not stored')!r}")
    return wrong


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--scale", choices=["full", "small"], default="full")
    ap.add_argument("--keep", action="store_true", help="keep the corpus and the database in bench/out/")
    args = ap.parse_args(argv)
    spec = importlib.util.spec_from_file_location("gen_hostile", ROOT / "scripts" / "gen_hostile.py")
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)

    OUT.mkdir(parents=True, exist_ok=True)
    corpus, db = OUT / "hostile", OUT / "hostile.db"
    for p in (db, Path(f"{db}.lock")):
        p.unlink(missing_ok=True)
    t0 = time.perf_counter()
    manifest = gen.generate(corpus, args.scale)
    made = time.perf_counter() - t0
    size = sum(p.stat().st_size for p in corpus.rglob("*") if p.is_file() and not p.is_symlink()
               and p.name != "over_the_size_limit.txt")
    print(f"corpus: {len(manifest)} inputs, {size / 2**20:.1f} MB, made in {made:.1f} s", flush=True)

    build, wall, peak = run_sampled([*CLAIMS, "build", str(db), str(corpus), str(ROOT / "seeds"), "--quiet"])
    summary = next((line for line in build.stderr.splitlines() if line.startswith("run ")), "")
    skipped = [line for line in build.stderr.splitlines() if line.startswith("skipped: ")]
    check = subprocess.run([*CLAIMS, "check", str(db)], capture_output=True, text=True)
    import sqlite3

    conn = sqlite3.connect(db)
    ids = {r[0] for r in conn.execute("select id from articles")}
    counts = {t: conn.execute(f"select count(*) from {t}").fetchone()[0] for t in ("articles", "claims", "problems")}
    conn.close()
    wrong = check_outcome(manifest, corpus, build.stderr, ids)
    result = {
        "scale": args.scale, "inputs": len(manifest), "corpus_mb": round(size / 2**20, 1),
        "seeds": len(list((ROOT / "seeds").glob("*.txt"))), "exit_status": build.returncode, "summary": summary,
        "wall_seconds": round(wall, 1), "peak_rss_mb": round(peak / 2**20), "stored": counts["articles"],
        "skipped": len(skipped), "claims": counts["claims"], "check": check.stdout.strip().splitlines()[-1:],
        "check_exit_status": check.returncode, "wrong": wrong, "skipped_lines": skipped,
        "budget": {"seconds": BUDGET_SECONDS, "peak_mb": BUDGET_BYTES // 2**20},
        "machine": {"cpus": os.cpu_count(), "load_average": [round(x, 2) for x in os.getloadavg()]},
    }
    (OUT / "hostile.json").write_text(json.dumps(result, indent=1, ensure_ascii=False))
    print(summary)
    print(f"wall {wall:.1f} s (budget {BUDGET_SECONDS} s), peak RSS {peak / 2**20:.0f} MB (budget "
          f"{BUDGET_BYTES / 2**20:.0f} MB), {counts['articles']} articles stored, {len(skipped)} inputs skipped, "
          f"check: {' '.join(result['check'])}")
    for w in wrong:
        print("WRONG:", w)
    if not args.keep:
        shutil.rmtree(corpus, ignore_errors=True)
        db.unlink(missing_ok=True)
    ok = not wrong and check.returncode == 0 and build.returncode == 1 and wall < BUDGET_SECONDS and peak < BUDGET_BYTES
    print("within budget and as expected" if ok else "FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
