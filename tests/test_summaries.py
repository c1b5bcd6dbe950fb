"""Summary tables and the rewritten canned queries give the same answers as the original queries over the
base tables.

The canned queries that aggregated over every claim (or called rapidfuzz on every claim) now read the
summary tables that ``store.ensure_db_shape`` rebuilds after every build (``store.SUMMARIES``), or narrow
their candidates before scoring. Each is checked here against the query it replaced, kept below as it was
(plus a tie-breaker in ORDER BY where the old order left ties to chance), run on the base tables: whole rows
compared, in order. Databases: the seed build, and a small synthetic one (scripts/gen_db.py) with relay
chains, clusters, unknown outlets and dates, unnamed sources without anonymity and names differing only
in case added.
"""
from __future__ import annotations

import functools
import json
import random
import shutil
import sqlite3
import sys
from pathlib import Path

import pytest
import sqlite_utils
from rapidfuzz import fuzz, utils

from claims import models, store
from claims.publish import PLUGINS, SETTINGS, TEMPLATES, load_metadata

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PLUGINS))
sys.path.insert(0, str(ROOT / "scripts"))

import claims_workbench  # noqa: E402  (the Datasette plugin: SQL functions)

# The canned queries as they were before the summary tables (metadata.yml at 859a364), ties broken.
ORIGINAL = {
    "claims_by_source": """
select c.id, a.outlet, a.published, c.source, c.source_name, c.source_type, c.anonymity, c.cue, c.kind, c.content
from claims c join articles a on a.id = c.article
where c.kind != 'reporter'
  and (lower(coalesce(c.source, '')) like '%' || lower(:name) || '%'
       or lower(coalesce(c.source_name, '')) like '%' || lower(:name) || '%')
order by a.published, c.article, c.start, c.id""",
    "anonymous_share_by_outlet": """
select a.outlet,
       count(*) as attributed_claims,
       sum(c.anonymity != 'named') as anonymous,
       round(100.0 * sum(c.anonymity != 'named') / count(*), 1) as anonymous_pct
from claims c join articles a on a.id = c.article
where c.kind not in ('reporter')
group by a.outlet
order by anonymous_pct desc, a.outlet""",
    "claims_by_source_fuzzy": """
select c.id, a.outlet, a.published, c.source, c.source_name, c.source_type, c.anonymity, c.cue, c.kind,
       max(coalesce(fuzz_token_set(c.source, :name), 0), coalesce(fuzz_token_set(c.source_name, :name), 0)) as score,
       c.content
from claims c join articles a on a.id = c.article
where c.kind != 'reporter'
  and max(coalesce(fuzz_token_set(c.source, :name), 0), coalesce(fuzz_token_set(c.source_name, :name), 0))
      >= cast(coalesce(nullif(:min_score, ''), 85) as real)
order by score desc, a.published, c.article, c.start, c.id""",
    "anonymous_share_by_month": """
select a.outlet, substr(a.published, 1, 7) as month,
       count(*) as attributed_claims,
       sum(c.anonymity != 'named') as anonymous,
       round(100.0 * sum(c.anonymity != 'named') / count(*), 1) as anonymous_pct
from claims c join articles a on a.id = c.article
where c.kind != 'reporter'
group by a.outlet, month
order by month, a.outlet""",
    "most_cited_sources": """
select coalesce(c.source_name, c.source) as source,
       min(c.source_type) as source_type,
       min(c.anonymity) as anonymity,
       count(*) as claims,
       count(distinct c.article) as articles,
       count(distinct a.outlet) as outlets,
       group_concat(distinct a.outlet) as outlet_names
from claims c join articles a on a.id = c.article
where c.kind != 'reporter' and coalesce(c.source_name, c.source) is not null
group by case when c.anonymity = 'named' or c.source_name is not null  -- unnamed sources: one per article
              then lower(coalesce(c.source_name, c.source)) else c.article || ':' || lower(c.source) end
having count(*) >= cast(coalesce(nullif(:min_claims, ''), 1) as integer)
order by claims desc, articles desc, source""",
    "relay_chains": """
with recursive up(id, cur, depth, path) as (
  select c.id, c.parent, 1, coalesce((select source from claims where id = c.parent), '?')
  from claims c
  where c.parent is not null
  union all
  select up.id, p.parent, up.depth + 1, up.path || ' → ' || coalesce((select source from claims where id = p.parent), '?')
  from up join claims p on p.id = up.cur
  where p.parent is not null and up.depth < 10
)
select a.outlet, c.article, up.depth, up.path || ' → the reporter' as relayed_by, c.source, c.kind, c.cue, c.content, c.id
from up join claims c on c.id = up.id join articles a on a.id = c.article join claims t on t.id = up.cur
where t.parent is null
  and (coalesce(:article, '') = '' or c.article = :article)
order by c.article, up.cur, up.depth, c.start, c.id""",
    "changed_since_extraction": """
select c.id, c.article, a.outlet, c.status, c.anchor, c.anchor_score,
       a.version as current_version, prev.version as previous_version,
       prev.sha256 as previous_sha256, a.sha256 as current_sha256, a.ingested_at as changed_at,
       c.content
from claims c
  join articles a on a.id = c.article
  left join article_versions prev on prev.article = a.id and prev.version = a.version - 1
where (coalesce(c.anchor, 'extracted') != 'extracted'
       or c.status = 'orphaned'
       or coalesce(c.sha256, a.sha256) != a.sha256)
  and (coalesce(:article, '') = '' or c.article = :article)
order by c.article, c.start, c.id""",
    "declined_by_organization": """
select coalesce(c.source_name, c.source) as organization,
       count(*) as refusals,
       count(distinct c.article) as articles,
       group_concat(distinct a.outlet) as outlets,
       group_concat(c.cue || ' ' || c.content, ' | ') as declined
from claims c join articles a on a.id = c.article
where c.kind = 'declined' or c.stance = 'refusal'
group by case when c.anonymity = 'named' or c.source_name is not null  -- unnamed sources: one per article
              then lower(coalesce(c.source_name, c.source)) else c.article || ':' || lower(c.source) end
order by refusals desc, organization""",
}

NAMES = ["price", "PRICE", "Ned Prize", "price ned", "Ned", "ned price!", "State Department spokesman Ned Price",
         "Nedprice", "israeli officials", "senior official", "Jansen", "jansen weiss", "Antony Blinken", "blinkin",
         "a", "o'", "%", "_", "", "!!", "zzz", "Zoë", "Israeli prime minister's office", "officials familiar"]
SCORES = ["", "0", "-5", "40", "60", "85", "90", "99.95", "100", "101", "abc"]


def make_ds(path: Path):
    from datasette.app import Datasette

    return Datasette(immutables=[str(path)], metadata=load_metadata(path.stem), template_dir=str(TEMPLATES),
                     plugins_dir=str(PLUGINS), settings=SETTINGS)


async def canned(ds, qname: str, /, **params) -> list[dict]:
    r = await ds.client.get(f"/claims/{qname}.json", params={"_shape": "array", **params})
    assert r.status_code == 200, r.text[:500]
    return r.json()


def run_sql(path: Path, sql: str, params: dict) -> list[dict]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    claims_workbench.register_functions(conn)
    try:
        return [dict(r) for r in conn.execute(sql, params)]
    finally:
        conn.close()


@functools.lru_cache(maxsize=None)
def canned_sql(qname: str) -> str:
    return load_metadata()["databases"]["claims"]["queries"][qname]["sql"]


def original(path: Path, qname: str, /, *, truncate: bool = True, **params) -> list[dict]:
    rows = json.loads(json.dumps(run_sql(path, ORIGINAL[qname], params)))  # as Datasette's JSON carries them
    return rows[:SETTINGS["max_returned_rows"]] if truncate else rows


async def same(ds, path: Path, qname: str, /, **params) -> list[dict]:
    got = await canned(ds, qname, **params)
    want = original(path, qname, **params)
    assert got == want, (qname, params)
    return got


# ---------------------------------------------------------------- databases


@pytest.fixture(scope="module")
def synth_db(tmp_path_factory) -> Path:
    """scripts/gen_db.py at 120 articles / 2,400 claims (with relay chains), then the cases it does not make."""
    from gen_db import generate

    path = tmp_path_factory.mktemp("synth") / "claims.db"
    generate(path, 120, 2400, seed=5, progress=False)
    db = store.open_db(path)
    ids = [r["id"] for r in db.query("select id from articles order by id")]
    db.execute("update articles set outlet = null where id in (?, ?)", ids[:2])
    db.execute("update articles set published = null where id in (?, ?)", [ids[1], ids[2]])
    db.execute("update claims set anonymity = null where kind != 'reporter' and rowid % 97 = 0")
    # the same person in another case: grouped together by most_cited_sources and declined_by_organization
    db.execute("update claims set source_name = lower(source_name) where source_name is not null and rowid % 13 = 0")
    # relay chains: in every third article, claim 2 relays claim 3, which relays claim 4 (depth 1 and 2)
    for aid in ids[::3]:
        c = [r["id"] for r in db.query("select id from claims where article = ? order by start", [aid])]
        db.execute("update claims set parent = ? where id = ?", [c[2], c[3]])
        db.execute("update claims set parent = ? where id = ?", [c[3], c[4]])
    # a cluster of three claims in three articles (the build's cluster stage does not run here)
    members = [r["id"] for r in db.query("select min(id) as id from claims where kind != 'reporter' "
                                         "group by article order by article limit 3")]
    db["clusters"].insert(models.Cluster(id=f"k:{members[0]}", first_claim=members[0], first_article=ids[0],
                                         claims=3, articles=3, outlets=3, publishers=3).row())
    db.execute(f"update claims set cluster = ? where id in ({', '.join('?' * len(members))})",
               [f"k:{members[0]}", *members])
    # claims carried over to a new version of their article: re-anchored, orphaned, anchored in the old text
    changed = [r["id"] for r in db.query("select id from claims where rowid % 50 = 7")]
    for i, cid in enumerate(changed):
        values = [{"anchor": "exact"}, {"anchor": "fuzzy", "anchor_score": 91.5}, {"status": "orphaned"},
                  {"sha256": "0" * 64}, {"anchor": None}][i % 5]
        db["claims"].update(cid, values)
    db.conn.commit()
    store.ensure_db_shape(db)  # summaries follow the changes
    db.close()
    return path


@pytest.fixture(scope="module")
def synth_ds(synth_db):
    return make_ds(synth_db)


@pytest.fixture
def seeds_ds(seeds_db):
    return make_ds(seeds_db)


def test_every_summary_has_a_model_and_its_sql(synth_db):
    assert set(store.SUMMARIES) == {m.__table__ for m in models.SUMMARY_MODELS}
    db = sqlite_utils.Database(synth_db)
    for m in models.SUMMARY_MODELS:
        assert db[m.__table__].count > 0, m.__table__
    assert {r[0] for r in db.execute("select distinct depth from summary_relays")} == {1, 2}


def test_summaries_are_rebuilt_idempotently(synth_db, tmp_path):
    path = tmp_path / "claims.db"
    shutil.copy(synth_db, path)
    db = store.open_db(path)
    before = {m.__table__: list(db.query(f"select * from [{m.__table__}]")) for m in models.SUMMARY_MODELS}
    store.ensure_db_shape(db)
    assert before == {m.__table__: list(db.query(f"select * from [{m.__table__}]")) for m in models.SUMMARY_MODELS}
    # a change to the claims shows in the summaries after the next ensure_db_shape
    db.execute("update claims set anonymity = 'named' where kind != 'reporter'")
    db.conn.commit()
    store.ensure_db_shape(db)
    assert db.execute("select count(*) from summary_anonymity where anonymity != 'named'").fetchone()[0] == 0


# ---------------------------------------------------------------- summary-backed canned queries


@pytest.mark.parametrize("which", ["seeds", "synth"])
async def test_aggregates_equal_the_base_table_queries(which, seeds_db, synth_db):
    path = seeds_db if which == "seeds" else synth_db
    ds = make_ds(path)
    assert await same(ds, path, "anonymous_share_by_outlet")
    assert await same(ds, path, "anonymous_share_by_month")
    assert await same(ds, path, "declined_by_organization")
    for m in ["", "1", "2", "3", "5", "abc", "100000"]:
        await same(ds, path, "most_cited_sources", min_claims=m)
    articles = [r[0] for r in sqlite3.connect(path).execute("select distinct article from claims order by 1")]
    assert await same(ds, path, "relay_chains", article="")
    for a in articles[:4] + ["no-such-article"]:
        await same(ds, path, "relay_chains", article=a)
    assert await same(ds, path, "changed_since_extraction", article="") or which == "seeds"
    for a in articles[:8]:
        await same(ds, path, "changed_since_extraction", article=a)


@pytest.mark.parametrize("which", ["seeds", "synth"])
def test_anonymity_chart_equals_the_base_table_query(which, seeds_db, synth_db):
    path = seeds_db if which == "seeds" else synth_db
    chart = load_metadata()["plugins"]["datasette-dashboards"]["claims"]["charts"]["anonymity-by-outlet"]["query"]
    assert "summary_anonymity" in chart
    before = ("select a.outlet, c.anonymity, count(*) as claims from claims c join articles a on a.id = c.article "
              "where c.kind != 'reporter' group by a.outlet, c.anonymity order by a.outlet")
    key = lambda r: (str(r["outlet"]), str(r["anonymity"]))  # noqa: E731  (the chart orders by outlet only)
    assert sorted(run_sql(path, chart, {}), key=key) == sorted(run_sql(path, before, {}), key=key)


@pytest.mark.parametrize("which", ["seeds", "synth"])
async def test_source_searches_equal_the_full_scans(which, seeds_db, synth_db):
    path = seeds_db if which == "seeds" else synth_db
    ds = make_ds(path)
    conn = sqlite3.connect(path)
    names = NAMES + [r[0] for r in conn.execute(
        "select source from claims where source is not null group by source order by count(*) desc limit 5")]
    conn.close()
    for name in names:
        await same(ds, path, "claims_by_source", name=name)
        for s in SCORES if which == "seeds" else (["", "0", "40", "100"] if name in NAMES[:8] else ["85"]):
            await same(ds, path, "claims_by_source_fuzzy", name=name, min_score=s)


# claim_across_outlets reads the pairs the build scored (claim_links): tests/test_matcher.py


# ---------------------------------------------------------------- the keys of the fuzzy narrowing


def _random_names(rng: random.Random, n: int) -> list[str]:
    alphabet = "aeiou bcdfgklmnprst  -'.,ÉéöØßİ1 2"
    words = ["ned", "price", "prize", "official", "israeli", "the", "of", "spokesman", "a", "x"]
    out = []
    for _ in range(n):
        if rng.random() < 0.5:
            out.append(" ".join(rng.choice(words) for _ in range(rng.randint(0, 4))))
        else:
            out.append("".join(rng.choice(alphabet) for _ in range(rng.randint(0, 24))))
    return out


def test_no_shared_word_bounds_the_score():
    """What claims_by_source_fuzzy relies on: two strings sharing no word (fuzz_words) score at most
    100 * (1 - |l1 - l2| / (l1 + l2)), l being the length of fuzz_norm."""
    rng = random.Random(7)
    names = _random_names(rng, 400)
    checked = 0
    for a in names:
        for b in rng.sample(names, 60):
            wa, wb = set(json.loads(store.fuzz_words(a))), set(json.loads(store.fuzz_words(b)))
            if wa & wb:
                continue
            la, lb = len(store.fuzz_norm(a)), len(store.fuzz_norm(b))
            bound = 0 if la + lb == 0 else 100 * (1 - abs(la - lb) / (la + lb))
            assert fuzz.token_set_ratio(a, b, processor=utils.default_process) <= bound + 1e-9, (a, b)
            # the SQL function rounds to 0.1: the query widens the bound by 0.1
            assert claims_workbench.fuzz_token_set(a, b) <= bound + 0.05 + 1e-9, (a, b)
            checked += 1
    assert checked > 5000


def test_store_and_plugin_keys_agree():
    for s in _random_names(random.Random(1), 300) + [None, "", "  ", "Ned PRICE, Ned", "Zoë Ørsted-İnce"]:
        assert store.fuzz_words(s) == claims_workbench.fuzz_words(s)
        assert store.fuzz_norm(s) == claims_workbench.fuzz_norm(s)


def test_serving_a_database_built_before_the_summaries_adds_them(seeds_db, tmp_path):
    from claims.publish import prepare_for_serving

    path = tmp_path / "claims.db"
    shutil.copy(seeds_db, path)
    db = sqlite_utils.Database(path)
    for name in store.SUMMARIES:
        db[name].drop()
    db.close()
    prepare_for_serving(path)
    db = sqlite_utils.Database(path)
    assert all(db[name].exists() for name in store.SUMMARIES) and db["summary_sources"].count > 0
