"""The published workbench, through Datasette's test client: canned queries on the seeds, the row
pages, full-text search and facets, the SQL functions, and escaping of hostile article text."""
from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
import sqlite_utils
from rapidfuzz import fuzz, utils

from claims.publish import PLUGINS, SETTINGS, TEMPLATES, load_metadata

ROOT = Path(__file__).resolve().parent.parent


def make_ds(path: Path):
    from datasette.app import Datasette

    return Datasette(immutables=[str(path)], metadata=load_metadata(path.stem), template_dir=str(TEMPLATES),
                     plugins_dir=str(PLUGINS), settings=SETTINGS)


@pytest.fixture
def ds(seeds_db):
    return make_ds(seeds_db)


def one(db_path, sql, params=()):
    conn = sqlite3.connect(db_path)
    try:
        row = conn.execute(sql, params).fetchone()
    finally:
        conn.close()
    assert row is not None, sql
    return row[0]


async def query(ds, qname, /, **params):
    r = await ds.client.get(f"/claims/{qname}.json", params={"_shape": "array", **params})
    assert r.status_code == 200, r.text[:500]
    return r.json()


# ---------------------------------------------------------------- canned queries


async def check_claims_by_source(ds, db):
    rows = await query(ds, "claims_by_source", name="price")
    assert rows and all("price" in ((r["source"] or "") + (r["source_name"] or "")).lower() for r in rows)
    named = {(r["outlet"], r["source"]) for r in rows}
    assert ("Axios", "State Department spokesman Ned Price") in named
    assert ("The Associated Press", "State Department spokesman Ned Price") in named


async def check_claims_by_source_fuzzy(ds, db):
    rows = await query(ds, "claims_by_source_fuzzy", name="Ned Prize", min_score="")
    assert rows and all(r["score"] >= 85 for r in rows)
    assert {r["outlet"] for r in rows if r["source_name"] == "Ned Price"} == {"Axios", "The Associated Press"}
    assert not any("Moon" in (r["source"] or "") for r in rows)
    # word order does not matter; a higher bar keeps only exact token matches
    assert {r["id"] for r in await query(ds, "claims_by_source_fuzzy", name="price ned", min_score="100")} >= \
        {r["id"] for r in rows if r["source_name"] == "Ned Price"}


async def check_anonymous_share_by_outlet(ds, db):
    rows = {r["outlet"]: r for r in await query(ds, "anonymous_share_by_outlet")}
    assert set(rows) == {"Axios", "The Associated Press"}
    for outlet, r in rows.items():
        total = one(db, "select count(*) from claims c join articles a on a.id = c.article "
                        "where a.outlet = ? and c.kind != 'reporter'", [outlet])
        anon = one(db, "select count(*) from claims c join articles a on a.id = c.article "
                       "where a.outlet = ? and c.kind != 'reporter' and c.anonymity != 'named'", [outlet])
        assert (r["attributed_claims"], r["anonymous"]) == (total, anon)
        assert r["anonymous_pct"] == round(100 * anon / total, 1)


async def check_anonymous_share_by_month(ds, db):
    rows = await query(ds, "anonymous_share_by_month")
    assert [(r["outlet"], r["month"]) for r in rows] == [
        ("Axios", "2021-04"), ("The Associated Press", "2021-04"), ("Axios", "2021-09")]
    sept = rows[-1]
    assert sept["attributed_claims"] == one(db, "select count(*) from claims where kind != 'reporter' "
                                                "and article = '000_0792c3952193b30d'")
    assert 0 < sept["anonymous"] <= sept["attributed_claims"]


async def check_anonymous_without_reason(ds, db):
    rows = await query(ds, "anonymous_without_reason", outlet="")
    sources = {r["source"] for r in rows}
    assert "two senior Israeli officials" in sources
    assert all(r["anonymity"] != "named" for r in rows)
    # the AP story gives a reason for "one of the officials": that claim must not be listed
    assert "one of the officials" not in sources
    assert len(rows) == one(db, "select count(*) from claims c left join sources s on s.id = c.source_id "
                                "where c.kind != 'reporter' and c.anonymity != 'named' "
                                "and coalesce(s.anonymity_reason, '') = ''")
    axios = await query(ds, "anonymous_without_reason", outlet="Axios")
    assert axios and {r["outlet"] for r in axios} == {"Axios"}
    assert await query(ds, "anonymous_without_reason", outlet="No Such Outlet") == []


async def check_most_cited_sources(ds, db):
    rows = await query(ds, "most_cited_sources", min_claims="")
    price = [r for r in rows if r["source"] == "Ned Price"]
    assert price and price[0]["articles"] == 2 and price[0]["outlets"] == 2
    assert [r["claims"] for r in rows] == sorted((r["claims"] for r in rows), reverse=True)
    two = await query(ds, "most_cited_sources", min_claims="2")
    assert two and all(r["claims"] >= 2 for r in two) and len(two) < len(rows)


async def check_claim_across_outlets(ds, db):
    # the seeds are three different stories: no clusters, no pair the matcher scored 45 or more
    claim_id = one(db, "select id from claims where article = '001_ef5535af60425131' "
                       "and source = 'State Department spokesman Ned Price' order by start")
    for s in ("", "0", "45"):
        rows = await query(ds, "claim_across_outlets", claim=claim_id, min_score=s)
        assert [(r["id"], r["matched_by"], r["score"]) for r in rows] == [(claim_id, "this claim", None)]
    assert await query(ds, "claim_across_outlets", claim="no-such-claim", min_score="0") == []


async def check_relay_chains(ds, db):
    rows = await query(ds, "relay_chains", article="")
    paths = {r["relayed_by"] for r in rows}
    assert "an Israeli official → the reporter" in paths  # the words travelled from the claim's source to the reporter
    assert all(r["depth"] >= 1 for r in rows)
    for r in rows:  # every listed claim really has a parent
        assert one(db, "select parent from claims where id = ?", [r["id"]]) is not None
    only = await query(ds, "relay_chains", article="000_0792c3952193b30d")
    assert only and {r["article"] for r in only} == {"000_0792c3952193b30d"}


async def check_declined_by_organization(ds, db):
    rows = {r["organization"]: r for r in await query(ds, "declined_by_organization")}
    assert rows["State Department"]["outlets"] == "The Associated Press"
    assert "declined to comment" in rows["State Department"]["declined"]
    assert any("prime minister" in k for k in rows)


async def check_changed_since_extraction(ds, db):
    assert await query(ds, "changed_since_extraction") == []  # a fresh build is consistent


async def check_article_claims(ds, db):
    rows = await query(ds, "article_claims", article="000_0792c3952193b30d")
    assert "two senior Israeli officials" in {r["source"] for r in rows}
    assert [r["start"] for r in rows] == sorted(r["start"] for r in rows)


async def check_anonymous_reasons(ds, db):
    rows = await query(ds, "anonymous_reasons")
    reasons = {r["source"]: r["anonymity_reason"] for r in rows}
    assert "not authorized" in reasons["one of the officials"]
    assert reasons["two senior Israeli officials"] is None


async def check_source_claims(ds, db):
    rows = await query(ds, "source_claims", entity="ned-price", mention="")
    expected = {r[0] for r in sqlite3.connect(db).execute(
        "select c.id from claims c join sources s on s.id = c.source_id where s.entity = 'ned-price'")}
    assert rows and {r["id"] for r in rows} == expected
    mention = one(db, "select source_id from claims where source = 'two senior Israeli officials'")
    rows = await query(ds, "source_claims", entity="", mention=mention)
    assert rows and {r["source"] for r in rows} == {"two senior Israeli officials"}


async def check_reviewed_claims(ds, db):
    # the seeds have no corrections file, so no reviews (tests/test_reviews.py builds one with reviews)
    assert await query(ds, "reviewed_claims", rating="") == []


async def check_claim_cluster(ds, db):
    # the seeds are three different stories: no claim is in a cluster (see the cluster test below)
    cid = one(db, "select id from claims where source = 'two senior Israeli officials'")
    assert one(db, "select count(*) from claims where cluster is not null") == 0
    assert await query(ds, "claim_cluster", claim=cid) == []


CHECKS = {name[len("check_"):]: fn for name, fn in globals().items() if name.startswith("check_")}


def test_every_canned_query_has_a_check():
    queries = load_metadata()["databases"]["claims"]["queries"]
    assert set(queries) == set(CHECKS)
    for q in queries.values():
        assert q.get("title") and len(q.get("description", "")) > 40


@pytest.mark.parametrize("name", sorted(CHECKS))
async def test_canned_query(ds, seeds_db, name):
    await CHECKS[name](ds, seeds_db)
    page = await ds.client.get(f"/claims/{name}")  # the HTML form renders too
    assert page.status_code == 200


async def test_changed_since_extraction_finds_claims_of_an_edited_article(seeds_db, tmp_path):
    """Re-read one seed article with a word changed: its carried-over claims are listed, no others."""
    from claims.pipeline import build
    from claims.store import open_db

    path = tmp_path / "claims.db"
    shutil.copy(seeds_db, path)
    inputs = tmp_path / "in"
    shutil.copytree(ROOT / "seeds", inputs)
    art = inputs / "002_9d32781f785c34bc.txt"
    text = art.read_text(encoding="utf-8")
    assert "The two-hour meeting" in text
    art.write_text(text.replace("The two-hour meeting", "The three-hour meeting"), encoding="utf-8")
    db = open_db(path)
    assert build(db, [inputs]).ok
    db.close()
    rows = await query(make_ds(path), "changed_since_extraction", article="")
    assert rows and {r["article"] for r in rows} == {"002_9d32781f785c34bc"}
    assert {(r["current_version"], r["previous_version"]) for r in rows} == {(2, 1)}
    assert all(r["previous_sha256"] != r["current_sha256"] for r in rows)
    assert all(r["anchor"] in ("exact", "position", "fuzzy", "orphaned") for r in rows)
    assert len(rows) == one(path, "select count(*) from claims where article = '002_9d32781f785c34bc' "
                                  "and anchor != 'extracted'")


# ---------------------------------------------------------------- SQL functions


async def test_sql_functions(ds):
    sql = ("select fuzz_ratio('Ned Price', 'ned price!') as same, fuzz_ratio('Ned Price', 'Ned Prize') as typo, "
           "fuzz_token_set('Price Ned', 'State Department spokesman Ned Price') as subset, "
           "fuzz_token_set('Ned Price', 'Moon Jae-in') as other, fuzz_ratio(null, 'x') as n1, "
           "fuzz_token_set('x', null) as n2")
    r = await ds.client.get("/claims.json", params={"sql": sql, "_shape": "array"})
    assert r.status_code == 200, r.text
    row = r.json()[0]
    assert row["same"] == 100.0
    assert row["typo"] == round(fuzz.ratio("ned price", "ned prize"), 1) == 88.9
    assert row["subset"] == 100.0
    assert row["other"] < 40
    assert row["n1"] is None and row["n2"] is None


async def test_fuzzy_where_clause_from_the_issue(ds):
    sql = "select distinct source from claims where fuzz_token_set(source, :name) > 85"
    r = await ds.client.get("/claims.json", params={"sql": sql, "name": "ned price", "_shape": "array"})
    sources = {x["source"] for x in r.json()}
    assert "State Department spokesman Ned Price" in sources
    assert all("price" in s.lower() or "ned" in s.lower() for s in sources)


# ---------------------------------------------------------------- pages


async def test_claim_page(ds, seeds_db):
    cid = one(seeds_db, "select id from claims where source = 'two senior Israeli officials'")
    r = await ds.client.get(f"/claims/claims/{cid}")
    assert r.status_code == 200
    html = r.text
    content = one(seeds_db, "select content from claims where id = ?", [cid])
    assert f'id="the-claim">{content[:40]}' in html.replace("“", "“")
    assert '<mark class="source-hl">two senior Israeli officials</mark>' in html
    assert '<mark class="cue-hl">tell me</mark>' in html
    assert "<dt>Outlet</dt><dd>Axios</dd>" in html and "2021-09-22" in html
    assert "none given in the article" in html  # no reason for anonymity in this story
    assert "Claim by two senior Israeli officials" in html
    assert "Not found in any other article" in html  # the seeds are three different stories


async def test_claim_page_reason_chain_and_similar(ds, seeds_db):
    cid = one(seeds_db, "select c.id from claims c join sources s on s.id = c.source_id "
                        "where s.anonymity_reason like '%not authorized%'")
    html = (await ds.client.get(f"/claims/claims/{cid}")).text
    assert "not authorized to discuss" in html
    assert "<dt>Published by</dt><dd>Japan Today</dd>" in html and "Matthew Lee" in html
    child = one(seeds_db, "select c.id from claims c join claims p on p.id = c.parent "
                          "where p.source = 'an Israeli official'")
    html = (await ds.client.get(f"/claims/claims/{child}")).text
    chain = html.split('class="chain">')[1].split("</dd>")[0]
    assert "an Israeli official" in chain and "the reporter" in chain


async def test_claim_page_uses_cluster_column_when_present(seeds_db, tmp_path):
    path = tmp_path / "claims.db"
    shutil.copy(seeds_db, path)
    db = sqlite_utils.Database(path)
    a = one(path, "select id from claims where article = '001_ef5535af60425131' and source_name = 'Ned Price'")
    b = one(path, "select id from claims where article = '002_9d32781f785c34bc' and source_name = 'Ned Price'")
    if "cluster" not in db["claims"].columns_dict:
        db["claims"].add_column("cluster", str)
    if db["clusters"].exists():
        db["clusters"].insert({"id": "k:test", "first_claim": a, "first_article": "001_ef5535af60425131",
                               "first_published": "2021-04-21", "claims": 2, "articles": 2, "outlets": 2,
                               "publishers": 2, "attributions": "[]"})
    db.execute("update claims set cluster = 'k:test' where id in (?, ?)", [a, b])
    db.conn.commit()
    db.close()
    ds = make_ds(path)
    rows = await query(ds, "claim_across_outlets", claim=a, min_score="")
    assert [(r["id"], r["matched_by"]) for r in rows] == [(a, "this claim"), (b, "same claim (cluster)")]
    rows = await query(ds, "claim_cluster", claim=b)
    assert [(r["id"], r["first_appearance"]) for r in rows] == [(a, 1), (b, 0)]
    html = (await ds.client.get(f"/claims/claims/{a}")).text
    others = html.split("The same claim in other articles")[1].split("All fields")[0]
    assert "No claim clusters" not in others
    assert f"/claims/claims/{b}" in others and "The Associated Press" in others
    assert others.count("<tr") == 3  # header, the claim itself, the one clustered claim
    assert others.index(f"/claims/claims/{b}") > others.index("this claim")


async def test_article_page_highlights_every_claim(ds, seeds_db):
    art = "001_ef5535af60425131"
    r = await ds.client.get(f"/claims/articles/{art}")
    assert r.status_code == 200
    html = r.text
    ids = [row[0] for row in sqlite3.connect(seeds_db).execute("select id from claims where article = ?", [art])]
    assert ids
    for cid in ids:
        assert f'href="/claims/claims/{cid}"' in html
    assert 'class="claim-link k-direct a-named"' in html and 'class="claim-link k-declined a-' in html
    assert "Barak Ravid" in html


@pytest.mark.parametrize("path", [
    "/", "/claims", "/claims/claims", "/claims/articles", "/claims/sources", "/claims/regions",
    "/claims/claims_view", "/claims/attributions", "/-/dashboards", "/-/dashboards/claims",
    "/robots.txt",
])
async def test_pages_render(ds, path):
    r = await ds.client.get(path)
    assert r.status_code == 200, r.text[:300]


async def test_search_and_facets(ds):
    r = await ds.client.get("/claims/claims.json", params={"_search": "Vienna", "_shape": "array"})
    rows = r.json()
    assert rows and all("vienna" in (x["content"] + (x["source"] or "")).lower() for x in rows)
    r = await ds.client.get("/claims/articles.json", params={"_search": "Mossad", "_shape": "array"})
    found = r.json()
    assert "002_9d32781f785c34bc" in {x["id"] for x in found} and all("Mossad" in x["text"] for x in found)
    r = await ds.client.get("/claims/articles.json", params={"_search": "Bennett", "_shape": "array"})
    assert [x["id"] for x in r.json()] == ["000_0792c3952193b30d"]
    html = (await ds.client.get("/claims/claims")).text
    assert 'name="_search"' in html  # the search box
    # default facets (metadata.yml): few and cheap on a million claims; any other column is a click away
    r = await ds.client.get("/claims/claims.json", params={"_size": "0"})
    assert set(r.json()["facet_results"]) == {"anonymity"}
    r = await ds.client.get("/claims/claims_view.json", params={"_size": "0"})
    assert set(r.json()["facet_results"]) == {"outlet"}
    cols = ["kind", "source_type", "anonymity", "outlet", "channel", "stance"]
    r = await ds.client.get("/claims/claims_view.json", params={"_facet": cols, "_size": "0"})
    facets = r.json()["facet_results"]
    assert set(facets) == set(cols)  # outlet (default and asked for) once: no "outlet_2"
    assert {v["value"] for v in facets["outlet"]["results"]} == {"Axios", "The Associated Press"}
    assert sum(v["count"] for v in facets["kind"]["results"]) == r.json()["filtered_table_rows_count"]
    html = (await ds.client.get("/claims/claims_view", params={"_facet": cols})).text
    for col in cols:
        assert f'data-column="{col}"' in html
        assert html.count(f'id="facet-{col}"') == 1  # each facet shown (and computed) once


async def test_robots_blocked(ds):
    r = await ds.client.get("/robots.txt")
    assert "Disallow: /" in r.text


# ---------------------------------------------------------------- safety


def test_settings_limit_sql():
    assert SETTINGS["sql_time_limit_ms"] <= 5000 and SETTINGS["max_returned_rows"] <= 1000


def test_serve_is_immutable_after_disable_wal(tmp_path):
    from claims.publish import datasette_args, prepare_for_serving

    path = tmp_path / "claims.db"
    db = sqlite_utils.Database(path)
    db.enable_wal()
    db["t"].insert({"a": 1})
    db.close()
    prepare_for_serving(path)
    assert sqlite_utils.Database(path).journal_mode != "wal"
    args = datasette_args(path, ROOT / "metadata.yml")
    assert args[args.index("-i") + 1] == str(path)
    assert "--plugins-dir" in args and "--template-dir" in args


HOSTILE = """Hostile <script>alert("title")</script> headline

By Eve Mallory

WASHINGTON

The minister's plan <script>alert(1)</script> will fail next week, two officials familiar with <img src=x onerror=alert(2)> the talks told Reuters.

"We will not accept <img src=x onerror=alert(3)> this deal," said State Department spokesman Ned Price on Tuesday.

The <b onmouseover=alert(4)>ministry</b> declined to comment.
"""


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory):
    from claims.pipeline import build
    from claims.store import open_db

    d = tmp_path_factory.mktemp("hostile")
    (d / "in").mkdir()
    (d / "in" / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    path = d / "claims.db"
    db = open_db(path)
    assert build(db, [d / "in"]).ok
    db.close()
    return path


async def test_hostile_text_is_escaped_everywhere(hostile_db):
    ds = make_ds(hostile_db)
    conn = sqlite3.connect(hostile_db)
    claim_ids = [r[0] for r in conn.execute("select id from claims order by start")]
    hostile_claims = [r[0] for r in conn.execute(
        "select id from claims where content like '%<script>%' or content like '%<img%'")]
    conn.close()
    assert claim_ids and hostile_claims, "the hostile article must yield claims carrying the tags"
    pages = [f"/claims/claims/{cid}" for cid in claim_ids] + [
        "/claims/articles/hostile", "/claims/articles", "/claims/claims", "/claims/claims_view",
        "/claims/regions", "/claims/sources", "/claims/attributions",
        "/claims/claims?_search=minister", "/claims/articles?_search=minister",
        "/claims?sql=select+text,title+from+articles", "/claims/article_claims?article=hostile",
    ]
    for page in pages:
        r = await ds.client.get(page)
        assert r.status_code == 200, page
        html = r.text
        for raw in ("<script>alert", "<img src=x", "<b onmouseover", "onerror=alert(2)>"):
            assert raw not in html, f"{raw!r} unescaped on {page}"
    article = (await ds.client.get("/claims/articles/hostile")).text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in article
    assert "&lt;img src=x onerror=alert(2)&gt;" in article
    claim = (await ds.client.get(f"/claims/claims/{hostile_claims[0]}")).text
    assert "&lt;script&gt;" in claim or "&lt;img" in claim


def test_highlight_escapes_and_nests():
    import importlib.util

    spec = importlib.util.spec_from_file_location("claims_workbench", PLUGINS / "claims_workbench.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    text = "ab<i>cd</i>ef"
    out = str(mod.highlight(text, [{"start": 2, "end": 11, "cls": "x"}, {"start": 5, "end": 13, "cls": "y"}]))
    assert out == 'ab<mark class="x">&lt;i&gt;<mark class="y">cd&lt;/i&gt;</mark></mark>ef'
    out = str(mod.highlight("0123456789", [{"start": 12, "end": 14, "tag": "a", "href": '"><script>', "cls": "z"},
                                           {"start": 11, "end": 15, "tag": "a", "href": "u", "title": "<t>"}], base=10))
    assert out == '0<a href="u" title="&lt;t&gt;">1<a class="z" href="&#34;&gt;&lt;script&gt;">23</a>4</a>56789'


async def test_plugins_load_together(ds):
    r = await ds.client.get("/-/plugins.json")
    names = {p["name"] for p in r.json()}
    assert {"datasette-dashboards", "datasette-block-robots", "claims_workbench.py"} <= names
    versions = (await ds.client.get("/-/versions.json")).json()
    assert versions["datasette"]["version"] == "0.65.5"


def test_docs_give_the_publish_command():
    from claims.publish import PUBLISH_INSTALL, publish_command

    readme = (ROOT / "docs" / "datasette.md").read_text(encoding="utf-8")
    section = readme.split("## Publishing", 1)[1]
    flat = " ".join(section.replace("\\\n", " ").split())
    cmd = publish_command()
    for i in range(3, len(cmd), 2):
        assert f"{cmd[i]} {cmd[i + 1]}" in flat.replace("'", ""), cmd[i:i + 2]
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    for pkg in PUBLISH_INSTALL[1:3]:
        assert f'"{pkg}"' in pyproject
