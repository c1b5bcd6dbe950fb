#!/usr/bin/env python3
"""Latency of the published database through Datasette (in process, no network).

    .venv/bin/python scripts/gen_db.py          # bench/out/db1m/claims.db, 1M claims
    .venv/bin/python scripts/bench_db.py [DB] [--repeat 20]

Datasette is set up as ``claims serve`` sets it up (claims.publish: metadata.yml, templates,
plugins, settings; the file opened immutable, as with ``-i``). Measured, each ``--repeat`` times
after one warm-up request: every canned query in metadata.yml (whatever is there when this runs;
parameters get plausible values taken from the database), the claims table page with its facets
(HTML and JSON), a full-text search and a faceted search. Prints p50/p95 in ms, and the median CPU
time per request (every thread of the process; other work on the machine does not skew it); exit 1
when any request fails or any p95 is over --target ms. Results also go to bench/out/bench_db.json.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import re
import sqlite3
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PARAM = re.compile(r"(?<![:\w]):(\w+)")
# Settings served on top of claims.publish.SETTINGS: none. What a benchmark needs (suggest_facets off)
# is in SETTINGS itself, so what is measured is what `claims serve` serves. Kept for experiments.
PERF_SETTINGS: dict = {}

SEARCH_TERMS = ["nuclear talks", "sanctions", "enrichment uranium", "ceasefire", "hostages negotiations", "Blinken",
                "senior official", "oil prices"]


def canned_queries(db_name: str = "claims") -> dict[str, str]:
    from claims.publish import load_metadata

    meta = load_metadata(db_name)
    q = meta.get("databases", {}).get(db_name, {}).get("queries", {}) or {}
    return {k: (v["sql"] if isinstance(v, dict) else v) for k, v in q.items()}


def plausible_params(db_path: Path, sql: str) -> dict[str, str]:
    """A value for each :param, taken from the database where a column of that name exists."""
    con = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    out: dict[str, str] = {}
    mid = con.execute("select count(*) from claims").fetchone()[0] // 3  # a row from the middle, not the first
    try:
        for p in dict.fromkeys(PARAM.findall(sql)):
            v = None
            if p in ("min_score",):
                v = "85"
            elif p.startswith("min_"):
                v = "3"
            elif p in ("name", "source", "source_name"):
                v = con.execute("select source_name from claims where source_name is not null "
                                "limit 1 offset ?", [mid // 4]).fetchone()[0].split()[-1]
            elif p in ("article",):
                v = con.execute("select article from claims where source_id is not null limit 1 offset ?", [mid]).fetchone()[0]
            elif p in ("claim",):
                v = con.execute("select id from claims where kind != 'reporter' limit 1 offset ?", [mid * 2]).fetchone()[0]
            elif p in ("outlet", "publisher"):
                v = con.execute(f"select {p} from articles where {p} is not null limit 1").fetchone()[0]
            elif p in ("q", "query", "search", "text", "term"):
                v = "nuclear talks"
            elif p in ("since", "from", "start_date", "after"):
                v = "2020-01-01"
            elif p in ("until", "to", "end_date", "before"):
                v = "2021-12-31"
            else:
                for table in ("claims", "sources", "articles"):
                    cols = [r[1] for r in con.execute(f"pragma table_info([{table}])")]
                    if p in cols:
                        row = con.execute(f"select [{p}] from [{table}] where [{p}] is not null limit 1 offset 1000").fetchone()
                        v = str(row[0]) if row else ""
                        break
            out[p] = "" if v is None else str(v)
    finally:
        con.close()
    return out


def make_datasette(db_path: Path, keep_publish: bool = False):
    """Datasette as ``claims serve`` runs it, plus PERF_SETTINGS (unless keep_publish: publish.SETTINGS win)."""
    from datasette.app import Datasette

    from claims.publish import PLUGINS, SETTINGS, TEMPLATES, load_metadata

    kw = {}
    if TEMPLATES.exists():
        kw["template_dir"] = str(TEMPLATES)
    if PLUGINS.exists() and any(PLUGINS.glob("*.py")):
        kw["plugins_dir"] = str(PLUGINS)
    return Datasette(immutables=[str(db_path)], metadata=load_metadata(db_path.stem),
                     settings={**PERF_SETTINGS, **SETTINGS} if keep_publish else {**SETTINGS, **PERF_SETTINGS}, **kw)


def endpoints(db_path: Path) -> list[tuple[str, str]]:
    name = db_path.stem
    eps: list[tuple[str, str]] = []
    for q, sql in canned_queries(name).items():
        params = plausible_params(db_path, sql)
        eps.append((f"canned: {q}", f"/{name}/{q}.json?" + urlencode({**params, "_shape": "objects"})))
    eps.append(("facet page (claims table, HTML)", f"/{name}/claims"))
    eps.append(("facet page (claims table, JSON)", f"/{name}/claims.json?_facet=kind&_facet=source_type&_facet=anonymity"))
    eps.append(("full-text search (claims)", f"/{name}/claims.json?" + urlencode({"_search": "nuclear talks"})))
    eps.append(("full-text search + facet (HTML)", f"/{name}/claims?" + urlencode({"_search": "sanctions", "_facet": "kind"})))
    eps.append(("full-text search (articles)", f"/{name}/articles.json?" + urlencode({"_search": "enrichment uranium"})))
    return eps


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    k = min(len(xs) - 1, max(0, int(round(p / 100 * len(xs) + 0.5)) - 1))
    return xs[k]


async def run(db_path: Path, repeat: int, keep_publish: bool = False) -> list[dict]:
    ds = make_datasette(db_path, keep_publish)
    await ds.invoke_startup()
    rows = []
    for label, path in endpoints(db_path):
        times, cpu, errors, status = [], [], 0, None
        r = await ds.client.get(path)  # warm-up (page cache, prepared statements)
        for _ in range(repeat):
            t0, c0 = time.perf_counter(), time.process_time()  # CPU of every thread: not skewed by other work
            r = await ds.client.get(path)
            times.append((time.perf_counter() - t0) * 1000)
            cpu.append((time.process_time() - c0) * 1000)
            status = r.status_code
            if r.status_code != 200:
                errors += 1
        n_rows = None
        if path.split("?")[0].endswith(".json") and r.status_code == 200:
            body = r.json()
            n_rows = len(body.get("rows", [])) if isinstance(body, dict) else len(body)
        rows.append({"endpoint": label, "path": path, "status": status, "errors": errors, "rows": n_rows,
                     "p50_ms": round(statistics.median(times), 1), "p95_ms": round(pct(times, 95), 1),
                     "max_ms": round(max(times), 1), "cpu_p50_ms": round(statistics.median(cpu), 1)})
        print(f"{rows[-1]['p50_ms']:8.1f} {rows[-1]['p95_ms']:8.1f} {rows[-1]['cpu_p50_ms']:8.1f}  {status}  {label}",
              flush=True)
    return rows


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("db", type=Path, nargs="?", default=ROOT / "bench" / "out" / "db1m" / "claims.db")
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("--target", type=float, default=200.0, help="p95 target in ms")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "bench_db.json")
    ap.add_argument("--publish-settings-only", action="store_true",
                    help="serve with claims.publish.SETTINGS alone (facet suggestions as they are there)")
    a = ap.parse_args(argv)
    if not a.db.exists():
        print(f"{a.db}: no such database (run scripts/gen_db.py first)", file=sys.stderr)
        return 2
    con = sqlite3.connect(f"file:{a.db}?mode=ro", uri=True)
    counts = {t: con.execute(f"select count(*) from [{t}]").fetchone()[0] for t in ("articles", "claims", "sources")}
    con.close()
    print(f"{a.db}: {a.db.stat().st_size / 2**20:.0f} MB, {counts}")
    print("  p50 ms   p95 ms   cpu ms  status  endpoint   (cpu: median CPU time of the process per request)")
    rows = asyncio.run(run(a.db, a.repeat, a.publish_settings_only))
    a.out.parent.mkdir(parents=True, exist_ok=True)
    a.out.write_text(json.dumps({"db": str(a.db), "mb": round(a.db.stat().st_size / 2**20, 1), "counts": counts,
                                 "repeat": a.repeat, "results": rows}, indent=1))
    bad = [r for r in rows if r["errors"] or r["p95_ms"] >= a.target]
    for r in bad:
        print(f"OVER TARGET or FAILED: {r['endpoint']} (p95 {r['p95_ms']} ms, status {r['status']})")
    print("OK" if not bad else f"{len(bad)} endpoints over {a.target} ms or failing")
    return 0 if not bad else 1


if __name__ == "__main__":
    sys.exit(main())
