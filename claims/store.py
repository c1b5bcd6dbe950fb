"""Store: the SQLite database, written with sqlite-utils.

Tables come from the pydantic models (``models.TABLE_MODELS``). Everything else about the
database's shape (indexes, full-text search, views, and the SQL of the summary tables) is declared
as data below and applied by ``ensure_db_shape(db)``, which is idempotent and runs at the end of
every build.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Iterable, Optional

import sqlite_utils

from . import __version__
from .errors import DatabaseError
from .models import (TABLE_MODELS, Article, Claim, Problem, Region, Run, SourceMention, generated_columns, not_null_columns,
                     table_columns)

# ---------------------------------------------------------------- shape, as data

INDEXES: dict[str, list[list[str]]] = {
    "articles": [["outlet"], ["publisher"], ["published"], ["sha256"], ["run"]],
    "regions": [["article"], ["role"]],
    "sources": [["article"], ["source_type"], ["anonymity"], ["entity"], ["name"], ["antecedent"]],
    "claims": [["article"], ["kind"], ["source_type"], ["anonymity"], ["source_id"], ["parent"], ["run"],
               ["stance"], ["channel"], ["article", "start"],
               # the claims table page and claims_view sort by it (metadata.yml): no full sort of every claim
               ["reading_order"],
               # covering index of the per-outlet anonymity aggregates: 1M claims read from the index, not the table
               ["article", "kind", "anonymity"],
               # the fuzzy and substring source searches join matching names back to their claims;
               # claim_across_outlets and claim_cluster look claims up by cluster
               ["source"], ["source_name"], ["cluster"]],
    "problems": [["run"]],
    # a source mention's entity link: deleting a mention checks its links (the foreign key)
    "entity_links": [["mention"]],
    # claim_across_outlets reads a claim's scored pairs from both ends
    "claim_links": [["claim"], ["other"]],
    "summary_anonymity": [["month", "outlet"]],
    "summary_source_names": [["norm_len"]],
    "summary_relays": [["article", "top", "depth", "start"]],
    "summary_changed": [["article", "start"]],
}

# The indexes that every article's write looks its old rows up by (regions, sources and claims of an article;
# the rows that point at a source mention it deletes, for the foreign keys), and the link stage a source's
# claims by: made with the tables, not at the end of the build with the rest of INDEXES, so that a build into
# a fresh database does not read whole tables once per article (the time of a build would grow with the
# square of its articles). The same indexes as in INDEXES, by the same names.
LOOKUP_INDEXES: dict[str, list[list[str]]] = {
    "regions": [["article"]],
    "sources": [["article"], ["antecedent"]],
    "entity_links": [["mention"]],
    "claims": [["article"], ["source_id"]],
}

FTS: dict[str, list[str]] = {
    "claims": ["content", "source", "source_name", "cue"],
    "articles": ["title", "text", "byline", "outlet"],
}

VIEWS: dict[str, str] = {
    # One claim with its source mention and article, for reading, in reading order (article, then position). rowid is the claim's: the
    # full-text index of claims (claims_fts) finds the view's rows by it (metadata.yml: fts_pk).
    "claims_view": """
select
  claims.rowid as rowid, claims.id, claims.article, articles.title as article_title, articles.outlet, articles.publisher,
  articles.published, claims.kind, claims.content, claims.source, claims.source_name,
  claims.source_type, claims.anonymity, sources.count, sources.affiliation, sources.role,
  sources.knowledge_basis, sources.anonymity_reason, claims.cue, claims.act, claims.stance, claims.channel,
  claims.recipient, claims.parent, claims.inherited, claims.rule, claims.start, claims.end, claims.reading_order
from claims
  join articles on articles.id = claims.article
  left join sources on sources.id = claims.source_id
order by claims.reading_order
""",
    # Attributed claims only (no reporter sentences).
    "attributions": """
select * from claims_view where kind != 'reporter'
""",
}

# Summary tables (models.SUMMARY_MODELS): name -> the SELECT that fills it, in build order. ensure_db_shape
# deletes every row and inserts this query's rows again (one transaction per table), so a summary always
# matches the claims after a build; rows are inserted in the query's order, so ids are row numbers. The
# canned queries in metadata.yml that aggregate over every claim read these (tests/test_summaries.py
# checks each against the same question asked of the base tables).
# One source across claims: a named one by its resolved name, case-insensitively, in every article; an unnamed
# one ('The U.S. side', 'a senior official') only within its article, since two articles' unnamed officials
# are not known to be the same people.
SOURCE_KEY = ("case when c.anonymity = 'named' or c.source_name is not null "
              "then lower(coalesce(c.source_name, c.source)) else c.article || ':' || lower(c.source) end")

SUMMARIES: dict[str, str] = {
    # anonymous_share_by_outlet, anonymous_share_by_month (and the anonymity-by-outlet chart)
    "summary_anonymity": """
select a.outlet, substr(a.published, 1, 7) as month, c.anonymity, count(*) as claims
from claims c join articles a on a.id = c.article
where c.kind != 'reporter'
group by a.outlet, month, c.anonymity
order by month, a.outlet, c.anonymity
""",
    # most_cited_sources (the HAVING on the number of claims is the canned query's WHERE)
    "summary_sources": """
select coalesce(c.source_name, c.source) as source,
       min(c.source_type) as source_type,
       min(c.anonymity) as anonymity,
       count(*) as claims,
       count(distinct c.article) as articles,
       count(distinct a.outlet) as outlets,
       group_concat(distinct a.outlet) as outlet_names
from claims c join articles a on a.id = c.article
where c.kind != 'reporter' and coalesce(c.source_name, c.source) is not null
group by {source_key}
order by claims desc, articles desc, source
""".format(source_key=SOURCE_KEY),
    # declined_by_organization
    "summary_refusals": """
select coalesce(c.source_name, c.source) as organization,
       count(*) as refusals,
       count(distinct c.article) as articles,
       group_concat(distinct a.outlet) as outlets,
       group_concat(c.cue || ' ' || c.content, ' | ') as declined
from claims c join articles a on a.id = c.article
where c.kind = 'declined' or c.stance = 'refusal'
group by {source_key}
order by refusals desc, organization
""".format(source_key=SOURCE_KEY),
    # relay_chains: each relayed claim with the sources its words went through, in the order they travelled, ending
    # with the reporter ('an Israeli official → the reporter'): the wording of the claim page's "Relayed by" too.
    # Walked up from the claim to the outermost claim of its chain (parent null), at most 10 relays.
    "summary_relays": """
with recursive up(id, cur, depth, path) as (
  select c.id, p.id, 1, coalesce(p.source, '?')
  from claims c join claims p on p.id = c.parent
  union all
  select up.id, g.id, up.depth + 1, up.path || ' → ' || coalesce(g.source, '?')
  from up join claims p on p.id = up.cur join claims g on g.id = p.parent
  where up.depth < 10
)
select up.id, c.article, up.cur as top, up.depth, up.path || ' → the reporter' as relayed_by, c.start
from up join claims c on c.id = up.id join claims t on t.id = up.cur
where t.parent is null
order by c.article, top, up.depth, c.start, up.id
""",
    # changed_since_extraction
    "summary_changed": """
select c.id, c.article, c.start
from claims c join articles a on a.id = c.article
where coalesce(c.anchor, 'extracted') != 'extracted'
   or c.status = 'orphaned'
   or coalesce(c.sha256, a.sha256) != a.sha256
order by c.article, c.start, c.id
""",
    # claims_by_source_fuzzy and claims_by_source: score each distinct name once, not every claim
    "summary_source_names": """
select name, fuzz_norm(name) as norm, length(fuzz_norm(name)) as norm_len,
       sum(as_source) as as_source, sum(as_resolved) as as_resolved
from (select source as name, 1 as as_source, 0 as as_resolved from claims
      where kind != 'reporter' and source is not null
      union all
      select source_name, 0, 1 from claims where kind != 'reporter' and source_name is not null)
group by name
order by name
""",
    "summary_source_words": """
select distinct w.value as word, n.id as name_id
from summary_source_names n, json_each(fuzz_words(n.name)) w
order by word, name_id
""",
}


# ---------------------------------------------------------------- fuzzy-matching keys
# The same two SQL functions are registered by plugins/claims_workbench.py for the canned queries
# (tests/test_summaries.py checks that both give the same answers).


def fuzz_word_list(text) -> Optional[list[str]]:
    """The distinct words of ``text`` as rapidfuzz's token_set_ratio sees them (default_process), sorted."""
    if text is None:
        return None
    from rapidfuzz import utils

    return sorted(set(utils.default_process(str(text)).split()))


def fuzz_words(text) -> Optional[str]:
    """SQL ``fuzz_words(text)``: fuzz_word_list as a JSON array."""
    words = fuzz_word_list(text)
    return None if words is None else json.dumps(words, ensure_ascii=False)


def fuzz_norm(text) -> Optional[str]:
    """SQL ``fuzz_norm(text)``: the distinct words joined by spaces (what token_set_ratio compares when
    two strings share no word)."""
    words = fuzz_word_list(text)
    return None if words is None else " ".join(words)


WRITE_ORDER = ["runs", "entities", "clusters", "articles", "article_versions", "regions", "sources", "entity_links",
               "claims", "claim_links", "corrections", "reviews", "problems"]
TABLES = {m.__table__: m for m in TABLE_MODELS}


def open_db(path: str | Path, *, create: bool = True) -> sqlite_utils.Database:
    """Open (and if needed create) a claims database, with foreign keys enforced."""
    p = Path(path)
    if not create and not p.exists():
        raise DatabaseError(f"{p}: no such database")
    if p.exists() and p.is_dir():
        raise DatabaseError(f"{p}: is a directory, not a database file")
    try:
        db = sqlite_utils.Database(p)
        db.execute("pragma foreign_keys = on")
        db.execute("select count(*) from sqlite_master").fetchone()
    except Exception as e:  # sqlite3.DatabaseError: file is not a database
        raise DatabaseError(f"{p}: not a SQLite database ({e})") from None
    return db


def ensure_tables(db: sqlite_utils.Database, names: Iterable[str] = WRITE_ORDER) -> None:
    for name in names:
        model = TABLES[name]
        cols = table_columns(model)
        fks = [(col, other, other_col) for col, (other, other_col) in model.__fks__.items()]
        table = db[name]
        if not table.exists():
            pks = model.__pk__ if isinstance(model.__pk__, tuple) else (model.__pk__,)
            table.create(cols, pk=model.__pk__, not_null=not_null_columns(model) - set(pks),
                         foreign_keys=fks)
        else:
            missing = {c: t for c, t in cols.items() if c not in table.columns_dict}
            for c, t in missing.items():
                table.add_column(c, t)
        # generated columns (models.Claim.__generated__): pragma table_info, hence columns_dict, leaves them out
        present = {r[1] for r in db.execute(f"pragma table_xinfo([{name}])")}
        for c, definition in generated_columns(model).items():
            if c not in present:
                db.execute(f"alter table [{name}] add column [{c}] {definition}")
        ensure_indexes(db, name, LOOKUP_INDEXES.get(name, []))


def ensure_indexes(db: sqlite_utils.Database, table: str, idx_list: list[list[str]]) -> None:
    """Create the indexes of ``table`` that are missing (by columns; sqlite-utils names them)."""
    if not idx_list:
        return
    existing = {tuple(i.columns) for i in db[table].indexes}
    for cols in idx_list:
        if tuple(cols) not in existing:
            db[table].create_index(cols, if_not_exists=True)


def ensure_summaries(db: sqlite_utils.Database) -> None:
    """Fill every summary table again from the base tables (SUMMARIES). Idempotent."""
    ensure_tables(db, SUMMARIES)
    db.register_function(fuzz_words, deterministic=True, replace=True)
    db.register_function(fuzz_norm, deterministic=True, replace=True)
    for name, sql in SUMMARIES.items():
        model = TABLES[name]
        # an integer id is the rowid: left out, it numbers the rows in the query's order
        cols = [c for c, f in model.model_fields.items() if not (c == model.__pk__ == "id" and f.annotation is int)]
        got = [d[0] for d in db.execute(f"select * from ({sql.strip()}) limit 0").description]
        if got != cols:
            raise DatabaseError(f"SUMMARIES[{name!r}] selects {got}, the model has {cols}")
        with db.atomic():
            db.execute(f"delete from [{name}]")
            db.execute(f"insert into [{name}] ({', '.join(f'[{c}]' for c in cols)}) {sql.strip()}")


def ensure_db_shape(db: sqlite_utils.Database) -> None:
    """Create missing tables and columns, (re)build indexes, FTS and views, then fill the summary tables
    again (after the indexes, so they are computed as the canned queries they replace would be). Idempotent."""
    ensure_tables(db)
    ensure_tables(db, SUMMARIES)
    for table, idx_list in INDEXES.items():
        ensure_indexes(db, table, idx_list)
    for table, cols in FTS.items():
        t = db[table]
        fts_name = f"{table}_fts"
        current = db[fts_name].columns_dict if db[fts_name].exists() else {}
        if not db[fts_name].exists() or set(current) != set(cols):
            t.enable_fts(cols, tokenize="porter", create_triggers=True, replace=True)
            t.rebuild_fts()
    for name, sql in VIEWS.items():
        db.create_view(name, sql.strip(), replace=True)
    ensure_summaries(db)


# ---------------------------------------------------------------- writing


def start_run(db: sqlite_utils.Database, *, model: str, config: dict, started: str) -> int:
    ensure_tables(db)
    last = db.execute("select max(id) from runs").fetchone()[0] or 0
    run = Run(id=last + 1, version=__version__, model=model, config=config, started=started)
    db["runs"].insert(run.row())
    return run.id


def finish_run(db: sqlite_utils.Database, run_id: int, **counts) -> None:
    values = {k: (json.dumps(v, sort_keys=True) if isinstance(v, (list, dict)) else v) for k, v in counts.items()}
    db["runs"].update(run_id, values)


def stored_sha(db: sqlite_utils.Database, article_id: str) -> Optional[str]:
    if not db["articles"].exists():
        return None
    row = db.execute("select sha256 from articles where id = ?", [article_id]).fetchone()
    return row[0] if row else None


def _parents_first(claims: list[Claim]) -> list[Claim]:
    ids = {c.id for c in claims}
    done: set[str] = set()
    out: list[Claim] = []
    pending = list(claims)
    while pending:
        rest = []
        for c in pending:
            if c.parent is None or c.parent in done or c.parent not in ids:
                out.append(c)
                done.add(c.id)
            else:
                rest.append(c)
        if len(rest) == len(pending):  # a cycle: break it rather than lose claims
            for c in rest:
                c.parent = None
            out.extend(rest)
            break
        pending = rest
    return out


def _archive_version(db: sqlite_utils.Database, old: dict) -> None:
    """Keep a stored article version in article_versions before it is replaced (idempotent)."""
    db["article_versions"].insert({
        "id": f"{old['id']}@v{old.get('version') or 1}", "article": old["id"], "version": old.get("version") or 1,
        "sha256": old["sha256"], "title": old.get("title"), "text": old["text"], "ingested_at": old["ingested_at"],
        "run": old.get("run")}, pk="id", ignore=True)


def write_article(db: sqlite_utils.Database, article: Article, regions: Iterable[Region],
                  sources: Iterable[SourceMention], claims: Iterable[Claim]) -> int:
    """Store a (new version of an) article with its regions, source mentions and claims, in one transaction.

    Versioning (claims/provenance.py): a changed text archives the stored version in
    ``article_versions`` and gets the next version number; the claims already stored are
    re-anchored in the new text, new extractions inherit the ids of the claims they overlap,
    and stored claims that no extraction took over are kept as ``superseded`` or ``orphaned``.
    No claim is deleted. Returns the number of claims extracted from this version.
    """
    from .provenance import anchor_claims, reconcile

    claims = list(claims)
    sources = sorted(sources, key=lambda s: (s.antecedent is not None, s.start))
    with db.atomic():
        old = next(db.query("select * from articles where id = ?", [article.id]), None)
        if old is not None and old["sha256"] != article.sha256:
            _archive_version(db, old)
            article.version = (old.get("version") or 1) + 1
        elif old is not None:
            article.version = old.get("version") or 1
        anchor_claims(claims, article.text, article.sha256, article.version)
        kept: list[dict] = []
        if old is not None:
            stored = list(db.query("select * from claims where article = ?", [article.id]))
            kept = reconcile(stored, claims, article.text, article.sha256, article.version)
        claims = _parents_first(claims)
        new_source_ids = [s.id for s in sources]
        db.execute("delete from entity_links where mention in (select id from sources where article = ?)", [article.id])
        db["articles"].upsert(article.row(), pk="id")
        db.execute("delete from regions where article = ?", [article.id])
        db["regions"].insert_all((r.row() for r in regions), batch_size=500)
        db.execute("update sources set antecedent = null where article = ?", [article.id])
        db["sources"].upsert_all((s.row() for s in sources), pk="id", batch_size=500)
        db["claims"].upsert_all((c.row() for c in claims), pk="id", batch_size=500)
        for row in kept:
            db["claims"].update(row["id"], {k: row[k] for k in ("start", "end", "status", "anchor", "anchor_score",
                                                               "sha256", "article_version", "prefix", "suffix")})
        # source mentions of the old version that no claim points at any more
        marks = ",".join("?" for _ in new_source_ids) or "''"
        db.execute(f"""delete from sources where article = ? and id not in ({marks})
                       and not exists (select 1 from claims where claims.source_id = sources.id)""",
                   [article.id, *new_source_ids])
    return len(claims)


def write_problem(db: sqlite_utils.Database, problem: Problem) -> None:
    db["problems"].upsert(problem.row(), pk="id")
