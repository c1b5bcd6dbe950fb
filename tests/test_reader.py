"""Readable pages (issue 13): what a fact-checker sees on the tables, views, row pages and the home page,
through Datasette's test client, on what `make demo` builds (the seeds and the syndicated AP copy) plus an HTML
page with a canonical URL and a batch row whose URL is a javascript: one."""
from __future__ import annotations

import json
import re
import sqlite3
from html import unescape
from pathlib import Path

import pytest

from claims.publish import PLUGINS, SETTINGS, TEMPLATES, load_metadata

ROOT = Path(__file__).resolve().parent.parent
DEMO_INPUTS = ["seeds", "tests/fixtures/syndicated"]  # the Makefile's build target
EVIL_URL = "javascript:alert(document.cookie)"
BATCH_ROW = {"id": "evil-url", "url": EVIL_URL, "outlet": "Example Wire", "published": "2021-05-02",
             "title": "Talks resume", "text": "Talks resume\n\nThe talks will resume next week, a senior Iranian "
             "official told reporters on Sunday.\n"}


@pytest.fixture(scope="module")
def db_path(tmp_path_factory):
    from claims.pipeline import build
    from claims.store import open_db

    d = tmp_path_factory.mktemp("reader")
    (d / "batch.jsonl").write_text(json.dumps(BATCH_ROW) + "\n", encoding="utf-8")
    path = d / "claims.db"
    db = open_db(path)
    rep = build(db, [ROOT / p for p in DEMO_INPUTS] + [ROOT / "tests" / "fixtures" / "html" / "agency_portal.html",
                                                        d / "batch.jsonl"])
    assert rep.ok, rep.problems
    db.close()
    return path


@pytest.fixture
def ds(db_path):
    from datasette.app import Datasette

    return Datasette(immutables=[str(db_path)], metadata=load_metadata("claims"), template_dir=str(TEMPLATES),
                     plugins_dir=str(PLUGINS), settings=SETTINGS)


def rows(db_path, sql, params=()):
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def queries():
    return load_metadata()["databases"]["claims"]["queries"]


async def html(ds, path, **params) -> str:
    r = await ds.client.get(path, params=params or None)
    assert r.status_code == 200, (path, r.text[:300])
    return r.text


def text_of(fragment: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", "", fragment)).split())


async def every_page(ds, path) -> list[dict]:
    """All rows of a table or view in its default order, page after page (10 a page)."""
    out, params = [], {"_size": "10"}
    while True:
        r = await ds.client.get(path + ".json", params=params)
        assert r.status_code == 200, r.text[:300]
        data = r.json()
        out += [dict(zip(data["columns"], row)) for row in data["rows"]]
        if not data.get("next"):
            return out
        params = {"_size": "10", "_next": data["next"]}


# ---------------------------------------------------------------- the claims table and views


@pytest.mark.parametrize("path", ["/claims/claims", "/claims/claims_view"])
async def test_default_sort_is_article_then_position(ds, db_path, path):
    expected = [r[0] for r in rows(db_path, "select id from claims order by article, start, id")]
    assert len(set(r[0] for r in rows(db_path, "select article from claims"))) > 1
    assert [r["id"] for r in await every_page(ds, path)] == expected


# ---------------------------------------------------------------- canned queries


def named_parameters(sql: str) -> list[str]:
    from datasette.utils import derive_named_parameters  # noqa: F401  (the same rule: :name, not in strings)

    return list(dict.fromkeys(re.findall(r"(?<![:\w]):(\w+)", re.sub(r"'[^']*'", "", sql))))


def test_canned_queries_are_written_for_the_reader():
    for name, q in queries().items():
        assert q.get("title") and q["title"][0].isupper(), name
        params = named_parameters(q["sql"])
        if params:
            assert sorted(q.get("params") or []) == sorted(params), f"{name}: declare the parameters in reader order"
        for p in params:
            assert f"({p}" in q["description"], f"{name}: the description says what to give as {p}"
        for internal in ("summary_", "fuzz_", "rowid", "claims_fts"):
            assert internal not in q["description"], f"{name}: {internal} is the developer's word"
    assert queries()["claims_by_source_fuzzy"]["params"] == ["name", "min_score"]


async def test_query_forms_ask_for_parameters_in_the_declared_order(ds):
    for name, q in queries().items():
        if q.get("params"):
            page = await html(ds, f"/claims/{name}")
            asked = re.findall(r'<input type="text" id="qp\d+" name="(\w+)"', page)
            assert asked == q["params"], name


# ---------------------------------------------------------------- anonymity, channels, kinds: words and legends


async def test_relay_chains_have_one_wording(ds, db_path):
    relayed = dict(rows(db_path, "select id, relayed_by from summary_relays"))
    assert "an Israeli official → the reporter" in relayed.values()
    assert any(v.count("→") >= 2 for v in relayed.values())  # a chain of two relays
    for cid, wording in relayed.items():
        page = await html(ds, f"/claims/claims/{cid}")
        assert text_of(re.search(r'<dd class="chain">(.*?)</dd>', page, re.S).group(1)) == wording
        assert wording in text_of(await html(ds, "/claims/relay_chains", article=""))
    direct = rows(db_path, "select id from claims where parent is null and source is not null")[0][0]
    chain = re.search(r'<dd class="chain">(.*?)</dd>', await html(ds, f"/claims/claims/{direct}"), re.S).group(1)
    assert text_of(chain) == "the reporter (no one in between)"
