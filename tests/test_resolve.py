"""Source resolution across articles (claims/resolve.py)."""
from __future__ import annotations

import time
from pathlib import Path

import pytest

from claims.models import Article, SourceMention
from claims.pipeline import build
from claims.resolve import THRESHOLD, resolve
from claims.store import ensure_db_shape, open_db

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def cross_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("cross") / "claims.db"
    db = open_db(path)
    rep = build(db, [ROOT / "seeds", ROOT / "tests" / "fixtures" / "syndicated"])
    assert rep.ok, rep.problems
    return db


def test_ned_price_is_one_entity_across_articles(cross_db):
    rows = list(cross_db.query("""select s.article, s.text, s.entity, l.method, l.score from sources s
                                  left join entity_links l on l.mention = s.id
                                  where s.name like '%Price%' or s.text in ('Price', 'State Department spokesman Ned Price')"""))
    assert {r["article"][:3] for r in rows} >= {"001", "002", "003"}
    assert {r["entity"] for r in rows} == {"ned-price"}
    assert all(r["method"] and r["score"] >= THRESHOLD for r in rows)
    ent = cross_db["entities"].get("ned-price")
    assert ent["kind"] == "person" and "Price" in ent["aliases"] and "State Department spokesman" in ent["titles"]


def test_unnamed_sources_never_resolve(cross_db):
    rows = list(cross_db.query("select * from sources where anonymity != 'named' and entity is not null"))
    assert rows == []
    assert cross_db.execute("select count(*) from entity_links").fetchone()[0] == \
        cross_db.execute("select count(*) from sources where entity is not null").fetchone()[0]


def _db(tmp_path, mentions):
    db = open_db(tmp_path / "r.db")
    ensure_db_shape(db)
    arts = sorted({m[0] for m in mentions})
    for a in arts:
        db["articles"].insert(Article(id=a, sha256="0", text="x", ingested_at="2021").row())
    for n, (art, text, name, st, anon) in enumerate(mentions):
        db["sources"].insert(SourceMention(id=f"{art}:s{n}", article=art, text=text, start=n, end=n + 1, source_type=st,
                                           anonymity=anon, name=name).row())
    return db


def test_names_titles_and_organizations(tmp_path):
    db = _db(tmp_path, [
        ("a", "Jake Sullivan", "Jake Sullivan", "official", "named"),
        ("b", "President Joe Biden's national security adviser Jake Sullivan", "Jake Sullivan", "official", "named"),
        ("a", "the State Department", "the State Department", "organization", "named"),
        ("b", "State Department", "State Department", "organization", "named"),
        ("a", "Israeli national security adviser Meir Ben-Shabbat", "Meir Ben-Shabbat", "official", "named"),
        ("b", "Ben-Shabbat", "Ben-Shabbat", "official", "named"),
        ("c", "Ned Price", "Ned Price", "spokesperson", "named"),
        ("c", "Jake Sulivan", "Jake Sulivan", "official", "named"),       # a typo: fuzzy
        ("c", "a senior official", None, "official", "described"),        # unnamed: never
        ("c", "A senior Netanyahu aide", "Netanyahu", "official", "named"),  # the name is someone else's
        ("d", "Price", "Price", "unknown", "named"),
        ("d", "Bob Price", "Bob Price", "individual", "named"),
    ])
    resolve(db)
    ent = {r["text"]: r["entity"] for r in db.query("select text, entity from sources")}
    assert ent["Jake Sullivan"] == ent["President Joe Biden's national security adviser Jake Sullivan"] == ent["Jake Sulivan"]
    assert ent["the State Department"] == ent["State Department"] != ent["Jake Sullivan"]
    assert ent["Israeli national security adviser Meir Ben-Shabbat"] == ent["Ben-Shabbat"]
    assert ent["a senior official"] is None and ent["A senior Netanyahu aide"] is None
    assert ent["Ned Price"] != ent["Bob Price"] and ent["Price"] == ent["Bob Price"]  # in its own article: Bob
    fuzzy = db["entity_links"].get("c:s7")
    assert fuzzy["method"] == "fuzzy" and THRESHOLD <= fuzzy["score"] < 100 and fuzzy["threshold"] == THRESHOLD
    titles = db["entities"].get(ent["Jake Sullivan"])["titles"]
    assert "President Joe Biden's national security adviser" in titles


def test_resolution_is_idempotent_and_fast(tmp_path):
    syl = ["ka", "lo", "mir", "ten", "sha", "vod", "rel", "bun", "pi", "zor", "gam", "dre", "hul", "nes"]
    firsts = ["Anna", "Omar", "Li", "Maria", "John", "Yossi", "Aisha", "Pedro", "Ivan", "Grace"]
    names = [f"{firsts[i % 10]} {(syl[i % 14] + syl[(i // 14) % 14] + syl[(i // 196) % 14]).title()}" for i in range(3000)]
    db = _db(tmp_path, [(f"art{i % 300}", n, n, "official", "named") for i, n in enumerate(names)])
    t0 = time.perf_counter()
    stats = resolve(db)
    dt = time.perf_counter() - t0
    first = list(db.query("select * from entity_links order by id")), list(db.query("select * from entities order by id"))
    resolve(db)
    assert first == (list(db.query("select * from entity_links order by id")), list(db.query("select * from entities order by id")))
    assert stats.mentions == 3000 and stats.pairs_compared < stats.all_pairs / 20
    print(f"\nresolve: {stats.mentions / dt:.0f} mentions/s, {stats.pairs_compared} pairs compared of {stats.all_pairs}")
    assert dt < 10


def test_a_surname_read_as_an_organization_is_the_person(tmp_path):
    # 'Morrow said', typed as an organization in one article, where the collection names Dana Morrow in full
    # in three others and says what she is in two of them
    db = _db(tmp_path, [
        ("a", "Gov. Dana Morrow", "Dana Morrow", "official", "named"),
        ("b", "Dana Morrow", "Dana Morrow", "official", "named"),
        ("c", "Dana Morrow", "Dana Morrow", "individual", "named"),
        ("d", "Morrow", "Morrow", "organization", "named"),
        # 'Ledger' is no one's surname here; 'Lowell' is two people's: both stay organizations
        ("d", "Ledger", "Ledger", "organization", "named"),
        ("a", "Ray Lowell", "Ray Lowell", "official", "named"),
        ("b", "Jo Lowell", "Jo Lowell", "official", "named"),
        ("c", "Ann Lowell", "Ann Lowell", "expert", "named"),
        ("d", "Lowell", "Lowell", "organization", "named"),
        ("e", "Kim Morrow", "Kim Morrow", "individual", "named"),  # another Morrow, named far less often
        ("d", "The House", "The House", "organization", "named"),  # 'Jo House' below: still the chamber
        ("a", "Jo House", "Jo House", "official", "named"),
        ("b", "Jo House", "Jo House", "official", "named"),
    ])
    db.execute("update sources set described_as = 'Gov.' where id in ('a:s0', 'b:s1')")
    resolve(db)
    rows = {r["id"]: r for r in db.query("select s.id, s.text, s.entity, s.source_type, s.described_in, l.method "
                                         "from sources s left join entity_links l on l.mention = s.id")}
    morrow = rows["d:s3"]
    assert (morrow["entity"], morrow["method"]) == (rows["a:s0"]["entity"], "surname_of_person")
    assert (morrow["source_type"], morrow["described_in"]) == ("official", "a")
    assert rows["d:s4"]["source_type"] == rows["d:s8"]["source_type"] == rows["d:s10"]["source_type"] == "organization"
    assert rows["d:s8"]["entity"] not in (rows[i]["entity"] for i in ("a:s5", "b:s6", "c:s7"))
    # recomputed from scratch, the same
    first = sorted(db.query("select id, entity, source_type from sources"), key=lambda r: r["id"])
    resolve(db)
    assert sorted(db.query("select id, entity, source_type from sources"), key=lambda r: r["id"]) == first


def test_a_one_word_organization_named_as_often_as_the_person_stays_one(tmp_path):
    # 'Brannock' the firm, in as many articles as Jo Brannock the person: not taken for her
    db = _db(tmp_path, [
        ("a", "Jo Brannock", "Jo Brannock", "official", "named"),
        ("b", "Jo Brannock", "Jo Brannock", "official", "named"),
        ("c", "Brannock", "Brannock", "organization", "named"),
        ("d", "Brannock", "Brannock", "organization", "named"),
    ])
    resolve(db)
    assert {r["source_type"] for r in db.query("select source_type from sources where text = 'Brannock'")} == {"organization"}
