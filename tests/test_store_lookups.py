"""Writing an article, and the link stage after it, look rows up by index, also in a fresh database.

A build fills a new database article by article and makes the indexes for Datasette (store.INDEXES) only at
the end; a lookup by article or by source with no index read the whole table once per article, so the time
of a build grew with the square of its articles. These tests read SQLite's query plans, not the clock."""
from __future__ import annotations

import re

from claims.ingest import ingest_text
from claims.pipeline import extract
from claims.resolve import type_from_other_articles
from claims.store import INDEXES, LOOKUP_INDEXES, ensure_db_shape, open_db, start_run, write_article

TEXTS = {
    "ledger-1": ("Harlan County will close two schools, Mayor Dana Morrow said on Monday.\n\n"
                 '"We have no other choice," Morrow told the Ledger.\n\n'
                 "Two county officials, who asked not to be named, said the vote could come next week."),
    "ledger-2": ("Ray Lowell, the county's budget director, said the schools cost too much to run.\n\n"
                 "Lowell added that the state would not help."),
}

LOOKED_UP = ("regions", "sources", "entity_links", "claims")


def full_scans(db, sql: str) -> list[str]:
    """The whole-table reads of LOOKED_UP tables in the plan of one statement."""
    plan = db.execute("explain query plan " + sql).fetchall()
    return [row[-1] for row in plan if re.match(rf"SCAN ({'|'.join(LOOKED_UP)})\b", row[-1])]


def traced_write(db, article_id: str) -> list[str]:
    ing = ingest_text(article_id, TEXTS[article_id])
    ex = extract(ing)
    statements: list[str] = []
    db.conn.set_trace_callback(statements.append)
    try:
        write_article(db, ing.article, ing.regions, ex.sources, ex.claims)
    finally:
        db.conn.set_trace_callback(None)
    return [s for s in statements if re.match(r"\s*(select|update|delete)\b", s, re.I)]


def test_lookup_indexes_are_among_the_indexes():
    for table, idx_list in LOOKUP_INDEXES.items():
        assert all(cols in INDEXES[table] for cols in idx_list), table


def test_a_fresh_database_has_the_lookup_indexes_before_the_first_article(tmp_path):
    db = open_db(tmp_path / "c.db")
    start_run(db, model="m", config={}, started="now")
    for table, idx_list in LOOKUP_INDEXES.items():
        assert {tuple(i.columns) for i in db[table].indexes} >= {tuple(c) for c in idx_list}, table


def test_writing_articles_into_a_fresh_database_reads_no_whole_table(tmp_path):
    db = open_db(tmp_path / "c.db")
    start_run(db, model="m", config={}, started="now")
    first = traced_write(db, "ledger-1")
    again = traced_write(db, "ledger-1")  # the same article again: its old rows are looked up and replaced
    second = traced_write(db, "ledger-2")
    assert first and again and second
    scans = {s: full_scans(db, s) for s in first + again + second}
    assert {s: v for s, v in scans.items() if v} == {}
    assert db.execute("select count(*) from claims").fetchone()[0] > 0


def test_typing_from_other_articles_updates_claims_by_index(tmp_path):
    db = open_db(tmp_path / "c.db")
    start_run(db, model="m", config={}, started="now")
    for article_id in TEXTS:
        traced_write(db, article_id)
    statements: list[str] = []
    db.conn.set_trace_callback(statements.append)
    try:
        type_from_other_articles(db)
    finally:
        db.conn.set_trace_callback(None)
    updates = [s for s in statements if re.match(r"\s*update claims\b", s, re.I)]
    assert all(full_scans(db, s) == [] for s in updates)
    ensure_db_shape(db)  # the rest of INDEXES comes at the end, alongside the lookup indexes
    names = {i.name for i in db["claims"].indexes}
    assert "idx_claims_source_id" in names and "idx_claims_article" in names
