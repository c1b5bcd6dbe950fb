"""Readable pages (issue 13): what a fact-checker sees on the tables, views, row pages and the home page,
through Datasette's test client, on what `make demo` builds (the seeds and the syndicated AP copy) plus an HTML
page with a canonical URL and a batch row whose URL is a javascript: one."""
from __future__ import annotations

import json
import re
import sqlite3
from html import unescape
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest

from claims import models
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


def workbench():
    return load_metadata()["plugins"]["claims-workbench"]


def queries():
    return load_metadata()["databases"]["claims"]["queries"]


async def html(ds, path, **params) -> str:
    r = await ds.client.get(path, params=params or None)
    assert r.status_code == 200, (path, r.text[:300])
    return r.text


def text_of(fragment: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", "", fragment)).split())


def hrefs(page: str) -> list[str]:
    return [unescape(h) for h in re.findall(r'href="([^"]*)"', page)]


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


def test_make_demo_builds_what_these_tests_read():
    build = re.search(r"^build:.*\n\t(.*)$", (ROOT / "Makefile").read_text(encoding="utf-8"), re.M).group(1)
    assert build.split()[-len(DEMO_INPUTS):] == DEMO_INPUTS


def test_the_demo_has_the_cross_outlet_features(db_path):
    clusters = rows(db_path, "select count(*), max(outlets), max(publishers) from clusters")[0]
    assert clusters[0] >= 10 and clusters[2] >= 2  # the AP story on two sites
    assert rows(db_path, "select count(*) from claim_links where method = 'syndication'")[0][0] >= 10


# ---------------------------------------------------------------- the claims table and views


@pytest.mark.parametrize("path", ["/claims/claims", "/claims/claims_view"])
async def test_default_sort_is_article_then_position(ds, db_path, path):
    expected = [r[0] for r in rows(db_path, "select id from claims order by article, start, id")]
    assert len(set(r[0] for r in rows(db_path, "select article from claims"))) > 1
    assert [r["id"] for r in await every_page(ds, path)] == expected


async def test_column_descriptions_fold_into_details_and_header_tooltips(ds):
    page = await html(ds, "/claims/claims")
    assert 'class="column-descriptions"' not in page  # Datasette's wall of every column's description
    notes = re.search(r'<details class="column-notes">(.*?)</details>', page, re.S)
    assert notes, "the column descriptions, folded"
    described = load_metadata()["databases"]["claims"]["tables"]["claims"]["columns"]
    text = text_of(notes.group(1))
    for column, description in described.items():
        assert text_of(description) in text, column
    for value in workbench()["values"]["anonymity"].values():  # the legend of a coded column
        assert text_of(value["help"]) in text
    th = re.search(r'<th [^>]*class="col-content"[^>]*>', page).group(0)
    assert f'title="{described["content"]}"' in unescape(th) or described["content"] in unescape(th)


def columns_shown(page: str) -> list[str]:
    return re.findall(r'<th [^>]*class="col-([\w-]+)"', page)


async def test_technical_columns_are_hidden_until_asked_for(ds):
    technical = workbench()["technical_columns"]["claims"]
    assert {"sha256", "prefix", "suffix", "anchor", "anchor_score", "reading_order"} <= set(technical)
    page = await html(ds, "/claims/claims")
    shown = columns_shown(page)
    assert "content" in shown and "source" in shown and "anonymity" in shown
    assert not set(shown) & set(technical)
    assert not re.search(r'<td class="col-(?:sha256|prefix|suffix|anchor)\b', page)
    # one click away, and the search form carries the choice along
    link = re.search(r'<p class="technical-columns">.*?<a href="([^"]+)">show every column</a>', page, re.S)
    every = await html(ds, unescape(link.group(1)))
    assert set(technical) <= set(columns_shown(every))
    assert '<input type="hidden" name="_columns" value="all">' in every
    searched = await html(ds, "/claims/claims", _search="Vienna", _columns="all")
    assert "sha256" in columns_shown(searched)
    # Datasette's own choice of columns is obeyed as asked
    assert set(columns_shown(await html(ds, "/claims/claims", _nocol="kind"))) >= {"sha256", "prefix"}
    assert columns_shown(await html(ds, "/claims/claims", _col="content")) == ["id", "content"]
    # the data is whole: JSON and CSV are not pages for reading
    data = (await ds.client.get("/claims/claims.json", params={"_size": "1"})).json()
    assert set(technical) <= set(data["columns"])


async def test_views_hide_their_technical_columns_and_link_ids(ds, db_path):
    page = await html(ds, "/claims/claims_view")
    shown = columns_shown(page)
    assert "rowid" not in shown and "reading_order" not in shown and "content" in shown
    first = rows(db_path, "select id, article from claims order by article, start")[0]
    assert f'<a href="/claims/claims/{first[0]}">{first[0]}</a>' in page
    assert f'<a href="/claims/articles/{first[1]}">{first[1]}</a>' in page


# ---------------------------------------------------------------- sources: entity pages, the source's other claims


async def test_entity_page_lists_every_claim_in_every_article(ds, db_path):
    claims = rows(db_path, "select c.id, c.article from claims c join sources s on s.id = c.source_id "
                           "where s.entity = 'ned-price'")
    assert len({a for _, a in claims}) >= 3
    page = await html(ds, "/claims/entities/ned-price")
    assert "<h1" in page and "Ned Price</h1>" in page
    links = hrefs(page)
    for cid, article in claims:
        assert f"/claims/claims/{cid}" in links
        assert f"/claims/articles/{article}" in links
    assert f"{len(claims)} in {len({a for _, a in claims})} articles" in text_of(page)
    # reached from every claim of the entity, and from the sources table
    for cid, _ in claims:
        assert '<a class="entity" href="/claims/entities/ned-price">Ned Price</a>' in await html(ds, f"/claims/claims/{cid}")
    assert '<a href="/claims/entities/ned-price">Ned Price</a>' in await html(ds, "/claims/sources", entity="ned-price")


async def test_every_claim_with_a_source_links_to_the_sources_other_claims(ds, db_path):
    claims = rows(db_path, "select id from claims where source_id is not null")
    assert len(claims) > 50
    for (cid,) in claims:
        page = await html(ds, f"/claims/claims/{cid}")
        href = unescape(re.search(r'<a class="source-claims" href="([^"]+)"', page).group(1))
        path, params = urlsplit(href).path, dict(parse_qsl(urlsplit(href).query, keep_blank_values=True))
        assert path == "/claims/source_claims"
        got = (await ds.client.get(path + ".json", params={**params, "_shape": "array"})).json()
        assert cid in {r["id"] for r in got}, cid


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


@pytest.mark.parametrize("table", ["claims", "articles"])
async def test_row_pages_offer_their_queries_filled_in(ds, db_path, table):
    offered = workbench()["page_queries"][table]
    assert offered and all(e["query"] in queries() for e in offered)
    if table == "claims":
        row_id = rows(db_path, "select c.id from claims c join sources s on s.id = c.source_id "
                               "where s.entity = 'ned-price' and c.article like '002%'")[0][0]
    else:
        row_id = "002_9d32781f785c34bc"
    page = await html(ds, f"/claims/{table}/{row_id}")
    for entry in offered:
        link = re.search(rf'<a class="query-{entry["query"]}" href="([^"]+)"', page)
        assert link, entry["query"]
        href = unescape(link.group(1))
        args = dict(parse_qsl(urlsplit(href).query, keep_blank_values=True))
        assert list(args) == queries()[entry["query"]].get("params", list(args))
        assert all(args[p] for p in list(entry.get("fill", {})) + list(entry.get("set", {}))), (entry, args)
        form = await html(ds, href)  # the form, filled in, and its answer
        for p, v in args.items():
            assert f'name="{p}" value="{v}"' in unescape(form), (entry["query"], p)
    if table == "claims":
        across = dict(parse_qsl(urlsplit(unescape(re.search(
            r'<a class="query-claim_across_outlets" href="([^"]+)"', page).group(1))).query))
        assert across["claim"] == row_id
        who = dict(parse_qsl(urlsplit(unescape(re.search(
            r'<a class="query-claims_by_source_fuzzy" href="([^"]+)"', page).group(1))).query))
        assert who["name"] == "Ned Price"


# ---------------------------------------------------------------- anonymity, channels, kinds: words and legends


def test_every_coded_value_has_words():
    values = workbench()["values"]
    for column, enum in (("anonymity", models.Anonymity), ("act", models.Act), ("channel", models.Channel),
                         ("kind", models.Kind), ("stance", models.Stance)):
        assert list(values[column]) == [e.value for e in enum], column
        assert all(w["label"] and len(w["help"]) > 15 for w in values[column].values()), column


async def test_claim_page_says_anonymity_and_channel_in_words(ds, db_path):
    cid = rows(db_path, "select id from claims where source = 'two senior Israeli officials'")[0][0]
    page = await html(ds, f"/claims/claims/{cid}")
    words = workbench()["values"]
    described, told = words["anonymity"]["described"], words["channel"]["told_this_outlet"]
    anonymity = text_of(re.search(r'<dd class="anonymity">(.*?)</dd>', page, re.S).group(1))
    assert anonymity == f"{described['label']} {text_of(described['help'])}"
    assert f'<span class="coded" title="{told["help"]}">{told["label"]}</span>' in unescape(page)
    assert "told_this_outlet" not in page  # not even in the row's fields


async def test_tables_show_coded_values_in_words_with_their_meaning(ds):
    page = unescape(await html(ds, "/claims/claims_view", channel="told_this_outlet"))
    told = workbench()["values"]["channel"]["told_this_outlet"]
    cells = re.findall(r'<td class="col-channel type-str">(.*?)</td>', page)
    assert cells and set(cells) == {f'<span class="coded" title="{told["help"]}">{told["label"]}</span>'}
    canned = unescape(await html(ds, "/claims/anonymous_without_reason", outlet=""))
    spans = {f'<span class="coded" title="{w["help"]}">{w["label"]}</span>'
             for w in workbench()["values"]["anonymity"].values()}
    cells = re.findall(r'<td class="col-anonymity">(.*?)</td>', canned)  # a canned query's cells too
    assert cells and set(cells) <= spans


async def test_article_page_colours_claims_by_kind_or_by_anonymity(ds, db_path):
    art = "000_0792c3952193b30d"
    by_kind = await html(ds, f"/claims/articles/{art}")
    assert 'class="article-text by-kind"' in by_kind
    by_anon = await html(ds, f"/claims/articles/{art}", colour="anonymity")
    assert 'class="article-text by-anonymity"' in by_anon
    legend = re.search(r'<p class="legend legend-anonymity">(.*?)</p>', by_anon, re.S).group(1)
    for value, w in workbench()["values"]["anonymity"].items():
        assert f'<span class="a-{value}" title="{w["help"]}">{w["label"]}</span>' in unescape(legend)
    for cid, anonymity in rows(db_path, "select id, anonymity from claims where article = ?", [art]):
        assert re.search(rf'<a class="claim-link k-\w+ a-{anonymity or "none"}" href="/claims/claims/{cid}"', by_anon)
    assert 'href="?colour=kind"' in by_anon and 'href="?colour=anonymity"' in by_kind


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


# ---------------------------------------------------------------- the home page, row pages' footers, URLs


async def test_home_page_leads_with_the_readers_tables_and_the_charts(ds):
    page = await html(ds, "/")
    lead = re.search(r'<ul class="start-here">(.*?)</ul>', page, re.S)
    assert lead and page.index('class="start-here"') < page.index('class="all-tables"')
    got = re.findall(r'<a href="([^"]+)">', lead.group(1))
    assert got == ["/claims/claims", "/claims/attributions", "/claims/articles", "/claims/entities",
                   "/-/dashboards/claims", "/claims#queries"]
    for path in got[:-1]:
        assert (await ds.client.get(path)).status_code == 200
    database = await html(ds, "/claims")
    assert 'class="start-here"' in database and 'id="queries"' in database


async def test_summary_tables_are_hidden(ds, db_path):
    summaries = {m.__table__ for m in models.SUMMARY_MODELS}
    for path in ("/", "/claims"):
        page = await html(ds, path)
        assert not any(f">{name}<" in page for name in summaries), path
    every = await html(ds, "/claims", _show_hidden="1")
    assert all(f">{name}<" in every for name in summaries)
    assert (await ds.client.get("/claims/summary_sources")).status_code == 200  # still there


async def test_article_url_is_a_link_only_when_it_is_a_web_address(ds, db_path):
    url = rows(db_path, "select url from articles where id = 'agency_portal'")[0][0]
    assert url.startswith("https://")
    cid = rows(db_path, "select id from claims where article = 'agency_portal' and source is not null")[0][0]
    for page in (await html(ds, f"/claims/claims/{cid}"), await html(ds, "/claims/articles/agency_portal")):
        assert f'<a href="{url}" rel="nofollow noopener">{url}</a>' in page
    evil = rows(db_path, "select id from claims where article = 'evil-url'")
    assert evil
    for page in (await html(ds, f"/claims/claims/{evil[0][0]}"), await html(ds, "/claims/articles/evil-url")):
        assert '<dd class="url">javascript:alert(document.cookie)</dd>' in page
        assert not any(h.lower().startswith("javascript:") for h in hrefs(page))


@pytest.mark.parametrize("path", ["/claims/claims/{claim}", "/claims/articles/002_9d32781f785c34bc",
                                  "/claims/entities/ned-price"])
async def test_all_fields_footer_is_folded(ds, db_path, path):
    claim = rows(db_path, "select id from claims where article like '002%' order by start")[0][0]
    page = await html(ds, path.format(claim=claim))
    footer = re.search(r'<details class="all-fields"( open)?>\s*<summary>All fields', page)
    assert footer and footer.group(1) is None
    assert page.count("<h2>All fields</h2>") == 0
