#!/usr/bin/env python3
"""Loopback load test: N concurrent clients for T seconds against canned queries and search.

    .venv/bin/python scripts/loadtest.py [DB] [--clients 50] [--seconds 60]

Starts ``datasette serve -i DB`` itself (the same arguments as ``claims serve``: metadata,
templates, plugins, settings; see claims.publish) on a free port of 127.0.0.1, waits until it
answers, runs the clients (httpx + asyncio), then stops the server it started (by its pid).
Bounded: it stops after --seconds (plus at most --request-timeout for requests in flight) or
--max-requests, whichever comes first. Reports requests/s, p50/p95/p99 latency and errors
(any non-200 answer or failed request); exit 1 on any error. Also counted, as "degraded": search
answers (200) from which Datasette left a default facet or the row count out because it ran over
facet_time_limit_ms / sql_time_limit_ms. Results: bench/out/loadtest.json.
"""
from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import httpx  # noqa: E402

HOST = "127.0.0.1"  # loopback only


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def urls(db_path: Path) -> list[tuple[str, str]]:
    """(label, path): every canned query with plausible parameters, and full-text searches."""
    from bench_db import SEARCH_TERMS, canned_queries, plausible_params

    name = db_path.stem
    out = []
    for q, sql in canned_queries(name).items():
        out.append((f"canned: {q}", f"/{name}/{q}.json?" + urlencode({**plausible_params(db_path, sql), "_shape": "objects"})))
    for term in SEARCH_TERMS:
        out.append(("search: claims", f"/{name}/claims.json?" + urlencode({"_search": term})))
    out.append(("search: articles", f"/{name}/articles.json?" + urlencode({"_search": "nuclear talks"})))
    return out


def cpu_seconds(pid: int):
    """User + system CPU seconds of a process (psutil, from the bench extras), None without psutil."""
    try:
        import psutil
    except ImportError:
        return None
    t = psutil.Process(pid).cpu_times()
    return t.user + t.system


def expected_facets(targets: list[tuple[str, str]]) -> dict[str, set[str]]:
    """label -> the facets metadata.yml gives the table a search URL asks (JSON table pages only)."""
    from claims.publish import load_metadata

    tables = load_metadata().get("databases", {}).get("claims", {}).get("tables", {})
    out = {}
    for label, path in targets:
        name = path.split("?")[0].rsplit("/", 1)[-1]
        if name.endswith(".json") and "_search=" in path:
            out[label] = {f if isinstance(f, str) else next(iter(f.values())) for f in
                          tables.get(name[:-5], {}).get("facets", [])}
    return out


def start_server(db_path: Path, port: int, extra: list[str]) -> tuple[subprocess.Popen, Path]:
    import yaml

    from claims.publish import datasette_args, load_metadata, prepare_for_serving

    prepare_for_serving(db_path)
    with tempfile.NamedTemporaryFile("w", suffix=".yml", delete=False, encoding="utf-8") as f:
        yaml.safe_dump(load_metadata(db_path.stem), f, sort_keys=False, allow_unicode=True)
        meta = Path(f.name)
    args = datasette_args(db_path, meta, host=HOST, port=port, immutable=True) + extra
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    return proc, meta


def stop_server(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


async def wait_ready(base: str, proc: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    async with httpx.AsyncClient(base_url=base) as c:
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                raise SystemExit(f"datasette exited: {proc.stderr.read().decode(errors='replace')[-2000:]}")
            try:
                if (await c.get("/-/versions.json", timeout=2)).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            await asyncio.sleep(0.25)
    raise SystemExit("datasette did not answer in time")


async def load(base: str, targets: list[tuple[str, str]], clients: int, seconds: float, max_requests: int,
               request_timeout: float) -> dict:
    lat: list[float] = []
    by_label: dict[str, list[float]] = defaultdict(list)
    errors: Counter = Counter()
    degraded: Counter = Counter()  # answered 200, but Datasette left a facet or the count out (time limits)
    expect_facets = expected_facets(targets)
    statuses: Counter = Counter()
    counter = itertools.count()
    end = time.monotonic() + seconds
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)

    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=request_timeout) as c:
        async def client(k: int) -> None:
            i = k  # each client starts at a different target, then walks them all
            while time.monotonic() < end:
                n = next(counter)
                if n >= max_requests:
                    return
                label, path = targets[i % len(targets)]
                i += 1
                t0 = time.perf_counter()
                try:
                    r = await c.get(path)
                    statuses[r.status_code] += 1
                    if r.status_code != 200:
                        errors[f"{label}: HTTP {r.status_code}"] += 1
                except httpx.HTTPError as e:
                    errors[f"{label}: {type(e).__name__}"] += 1
                    continue
                ms = (time.perf_counter() - t0) * 1000
                lat.append(ms)
                by_label[label].append(ms)
                if r.status_code == 200 and label in expect_facets:  # a table page: did it skip anything?
                    body = r.json()
                    if not expect_facets[label] <= set(body.get("facet_results") or {}):
                        degraded[f"{label}: facet over facet_time_limit_ms, left out"] += 1
                    if body.get("filtered_table_rows_count") is None:
                        degraded[f"{label}: count over sql_time_limit_ms, left out"] += 1

        t0 = time.perf_counter()
        await asyncio.wait_for(asyncio.gather(*(client(k) for k in range(clients))),
                               timeout=seconds + request_timeout + 5)
        wall = time.perf_counter() - t0

    def q(xs, p):
        xs = sorted(xs)
        return round(xs[min(len(xs) - 1, int(p / 100 * len(xs)))], 1) if xs else None

    done = len(lat) + sum(errors.values())
    return {"clients": clients, "seconds": round(wall, 1), "requests": done, "requests_per_s": round(done / wall, 1),
            "p50_ms": q(lat, 50), "p95_ms": q(lat, 95), "p99_ms": q(lat, 99),
            "mean_ms": round(statistics.mean(lat), 1) if lat else None,
            "errors": sum(errors.values()), "error_kinds": dict(errors), "statuses": dict(statuses),
            "degraded": sum(degraded.values()), "degraded_kinds": dict(degraded),
            "per_endpoint": {k: {"n": len(v), "p50_ms": q(v, 50), "p95_ms": q(v, 95)} for k, v in sorted(by_label.items())}}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("db", type=Path, nargs="?", default=ROOT / "bench" / "out" / "db1m" / "claims.db")
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--max-requests", type=int, default=200_000)
    ap.add_argument("--request-timeout", type=float, default=30)
    ap.add_argument("--setting", nargs=2, action="append", default=[], metavar=("NAME", "VALUE"),
                    help="extra datasette setting for the server (repeatable; default: none, i.e. exactly "
                         "claims.publish.SETTINGS as claims serve uses them)")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "loadtest.json")
    ap.add_argument("--exclude", default=None, metavar="REGEX", help="leave out the URLs whose label matches")
    a = ap.parse_args(argv)
    if not a.db.exists():
        print(f"{a.db}: no such database (run scripts/gen_db.py first)", file=sys.stderr)
        return 2
    import re

    targets = [t for t in urls(a.db) if not (a.exclude and re.search(a.exclude, t[0]))]
    port = free_port()
    from bench_db import PERF_SETTINGS

    settings = {k: ("on" if v is True else "off" if v is False else str(v)) for k, v in PERF_SETTINGS.items()}
    settings.update(dict(a.setting))
    extra = [x for k, v in settings.items() for x in ("--setting", k, v)]
    proc, meta = start_server(a.db, port, extra)
    base = f"http://{HOST}:{port}"
    try:
        asyncio.run(wait_ready(base, proc))
        print(f"datasette pid {proc.pid} on {base}; {a.clients} clients for {a.seconds:.0f} s over {len(targets)} URLs",
              flush=True)
        cpu0, own0, load0 = cpu_seconds(proc.pid), time.process_time(), os.getloadavg()[0]
        res = asyncio.run(load(base, targets, a.clients, a.seconds, a.max_requests, a.request_timeout))
        cpu1, own1, load1 = cpu_seconds(proc.pid), time.process_time(), os.getloadavg()[0]
    finally:
        stop_server(proc)
        meta.unlink(missing_ok=True)
    # CPU time is what other work on the machine does not skew: the server's per request, and the clients'
    if cpu0 is not None and cpu1 is not None:
        res["server_cpu_s"] = round(cpu1 - cpu0, 1)
        res["server_cpu_ms_per_request"] = round(1000 * (cpu1 - cpu0) / max(res["requests"], 1), 1)
    res["client_cpu_s"] = round(own1 - own0, 1)
    res["load_average_1min"] = [round(load0, 2), round(load1, 2)]
    res["cores"] = os.cpu_count()
    res["db"] = str(a.db)
    res["urls"] = [label for label, _ in targets]
    a.out.parent.mkdir(parents=True, exist_ok=True)
    a.out.write_text(json.dumps(res, indent=1))
    print(json.dumps({k: v for k, v in res.items() if k != "per_endpoint"}, indent=1))
    for k, v in res["per_endpoint"].items():
        print(f"  {v['p50_ms']:>8} {v['p95_ms']:>8}  n={v['n']:<6} {k}")
    return 0 if res["errors"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
