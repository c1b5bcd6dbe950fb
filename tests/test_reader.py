"""Readable pages (issue 13): what a fact-checker sees on the tables, views, row pages and the home page,
through Datasette's test client on what `make demo` builds (the seeds and the syndicated AP copy)."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from claims.publish import PLUGINS, SETTINGS, TEMPLATES, load_metadata

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    from claims.pipeline import build
    from claims.store import open_db

    path = tmp_path_factory.mktemp("reader") / "claims.db"
    db = open_db(path)
    assert build(db, [ROOT / "seeds", ROOT / "tests" / "fixtures" / "syndicated"]).ok
    db.close()
    return path


@pytest.fixture
def ds(demo_db):
    from datasette.app import Datasette

    return Datasette(immutables=[str(demo_db)], metadata=load_metadata("claims"), template_dir=str(TEMPLATES),
                     plugins_dir=str(PLUGINS), settings=SETTINGS)


def rows(db_path, sql, params=()):
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


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
async def test_default_sort_is_article_then_position(ds, demo_db, path):
    expected = [r[0] for r in rows(demo_db, "select id from claims order by article, start, id")]
    assert len(set(r[0] for r in rows(demo_db, "select article from claims"))) > 1
    assert [r["id"] for r in await every_page(ds, path)] == expected
