"""One request cannot stall or swell the server, and answers are safe to open (issue 14): the fuzzy SQL
functions are bounded and keep to the time limit, one value and one result are bounded, CSV cells cannot
be formulas, CSV streaming keeps the row cap, security headers, a lone quote mark searched, a rebuilt
database seen without a restart. Through Datasette's test client, in process (no network)."""
from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import sqlite_utils

from claims.publish import PLUGINS, SETTINGS, TEMPLATES, load_metadata

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def make_ds(path: Path, **settings):
    from datasette.app import Datasette

    return Datasette(immutables=[str(path)], metadata=load_metadata(path.stem), template_dir=str(TEMPLATES),
                     plugins_dir=str(PLUGINS), settings={**SETTINGS, **settings})


async def sql(ds, q: str, db: str = "claims"):
    return await ds.client.get(f"/{db}.json", params={"sql": q, "_shape": "array"})


async def test_fuzzy_functions_are_bounded(seeds_db):
    """fuzz_ratio of two 1,000,000-character strings took 29 s, every other request waiting."""
    ds = make_ds(seeds_db)
    r = await sql(ds, "select fuzz_ratio(hex(randomblob(50000)), hex(randomblob(50000))) as a, "
                      "fuzz_token_set(hex(randomblob(50000)), 'x') as b, fuzz_words(hex(randomblob(50000))) as c, "
                      "fuzz_ratio('Ned Price', 'ned PRICE') as d")
    assert r.status_code == 200 and r.json() == [{"a": None, "b": None, "c": None, "d": 100.0}]


def test_fuzz_token_set_each_stops_at_its_deadline():
    import importlib.util
    import time

    spec = importlib.util.spec_from_file_location("claims_workbench", PLUGINS / "claims_workbench.py")
    wb = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(wb)
    stopped = []
    pairs = '[["a", "Ned Price"], ["b", "Moon Jae-in"]]'
    assert wb.fuzz_token_set_each("ned price", pairs, 90) == '[["a", 100.0]]'
    assert wb.fuzz_token_set_each("ned price", pairs, 90, deadline=time.perf_counter() - 1,
                                  interrupt=lambda: stopped.append(1)) is None
    assert stopped == [1]


async def test_one_call_of_fuzz_token_set_each_keeps_to_the_time_limit(seeds_db):
    """One call scoring 1,000 texts of 9,800 characters against another costs seconds (about 2.6 s here);
    building its arguments costs about a tenth of a second. With a time limit of 0.7 s the query must be
    stopped inside the call, which SQLite's progress handler alone cannot do."""
    ds = make_ds(seeds_db, sql_time_limit_ms=700)
    q = ("with recursive r(i) as (select 1 union all select i + 1 from r where i < 1000) "
         "select fuzz_token_set_each(replace(hex(randomblob(4900)), 'A', ' '), (select json_group_array(json_array(i, "
         "replace(hex(randomblob(4900)), 'A', ' '))) from r), 50) as x")
    r = await sql(ds, q)
    assert r.status_code == 400 and "SQL query took too long" in r.text


async def test_one_value_and_one_result_are_bounded(seeds_db):
    """select hex(zeroblob(100000000)) made the server allocate 1.3 GB."""
    ds = make_ds(seeds_db)
    r = await sql(ds, "select length(hex(zeroblob(20000000))) as n")
    assert r.status_code == 400 and r.json()["error"] == "string or blob too big"
    r = await sql(ds, "with recursive r(i) as (select 1 union all select i + 1 from r where i < 200) "
                      "select i, hex(zeroblob(400000)) as h from r")
    assert r.status_code == 400
    assert r.json()["error"] == "the result holds over 64 MB of text: ask for fewer rows or columns"
    r = await sql(ds, "select id, length(text) as n from articles order by n desc limit 1")  # every stored row reads
    assert r.status_code == 200 and r.json()[0]["n"] > 1000


def test_the_value_limit_follows_the_largest_stored_text(tmp_path):
    import importlib.util

    spec = importlib.util.spec_from_file_location("claims_guard", PLUGINS / "claims_guard.py")
    guard = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(guard)
    p = tmp_path / "big.db"
    db = sqlite_utils.Database(p)
    db["articles"].insert({"id": "a", "text": "x" * (9 * 2**20)})
    db.close()
    conn = sqlite3.connect(p)
    assert guard.value_limit(conn, str(p)) == 18 * 2**20
    conn.close()


def _formula_db(tmp_path: Path) -> Path:
    p = tmp_path / "claims.db"
    db = sqlite_utils.Database(p)
    db["notes"].insert_all([{"id": i, "text": t} for i, t in enumerate(
        ["=HYPERLINK(\"http://x.example\",\"click\")", "+1+2", "-3", "@SUM(A1)", "\tTab", "plain", "a=b"])], pk="id")
    db["numbers"].insert_all([{"id": i, "n": -i} for i in range(1500)], pk="id")
    db.close()
    return p


async def test_csv_cells_are_never_formulas(tmp_path):
    ds = make_ds(_formula_db(tmp_path))
    r = await ds.client.get("/claims/notes.csv")
    assert r.status_code == 200
    assert r.text.splitlines()[1:] == ["0,\"'=HYPERLINK(\"\"http://x.example\"\",\"\"click\"\")\"", "1,'+1+2", "2,'-3",
                                       "3,'@SUM(A1)", "4,'\tTab", "5,plain", "6,a=b"]
    r = await ds.client.get("/claims/numbers.csv?_size=3")  # numbers are numbers, not text
    assert r.text.splitlines()[1:] == ["0,0", "1,-1", "2,-2"]


def test_claims_export_csv_escapes_formulas():
    import io

    from claims.export import write

    out = io.StringIO()
    write(iter([{"a": "=1+2", "b": "fine"}, {"a": "-x", "b": 3}]), ["a", "b"], "csv", out)
    assert out.getvalue().splitlines() == ["a,b", "'=1+2,fine", "'-x,3"]


async def test_csv_stream_keeps_the_row_cap(tmp_path):
    """/claims.csv?_stream=on sent every row, past max_returned_rows."""
    ds = make_ds(_formula_db(tmp_path))
    r = await ds.client.get("/claims/numbers.csv?_stream=on&_size=max")
    assert r.status_code == 200
    assert len(r.text.splitlines()) == 1 + SETTINGS["max_returned_rows"]


async def test_security_headers(seeds_db):
    ds = make_ds(seeds_db)
    for path in ("/claims/claims", "/claims/claims.json", "/-/dashboards/claims"):
        r = await ds.client.get(path)
        assert r.headers["x-frame-options"] == "DENY" and r.headers["x-content-type-options"] == "nosniff", path
        csp = r.headers["content-security-policy"]
        assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp and "object-src 'none'" in csp
        assert ("'unsafe-eval'" in csp) == path.startswith("/-/dashboards"), path


async def test_a_lone_quote_mark_is_searched_not_an_error(seeds_db):
    ds = make_ds(seeds_db)
    for q in ('"', '""', '" "'):
        r = await ds.client.get("/claims/claims.json", params={"_search": q, "_shape": "array"})
        assert r.status_code == 200 and r.json() == [], q
    r = await ds.client.get("/claims/claims.json", params={"_search": '"Ned Price', "_shape": "array"})
    assert r.status_code == 200 and r.json()


async def test_a_rebuilt_database_is_shown_without_a_restart(tmp_path):
    from claims.pipeline import build_atomic

    d = tmp_path / "in"
    d.mkdir()
    shutil.copy(SEEDS[0], d)
    db = tmp_path / "claims.db"
    build_atomic(db, [d])
    ds = make_ds(db)
    count = "select count(*) as n from articles"
    assert (await sql(ds, count)).json() == [{"n": 1}]
    assert (await ds.client.get("/claims/articles.json?_shape=array")).status_code == 200
    shutil.copy(SEEDS[1], d)
    build_atomic(db, [d])  # replaces the file
    assert (await sql(ds, count)).json() == [{"n": 2}]
    r = await ds.client.get("/claims/articles.json", params={"_shape": "array"})
    assert len(r.json()) == 2
