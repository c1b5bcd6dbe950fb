"""Export: claims and articles out of the database, in the evaluation contract's fields."""
from __future__ import annotations

import csv
import io
import json
from typing import Iterator

import sqlite_utils

CLAIM_FIELDS = ["id", "article", "content", "source", "source_name", "cue", "kind", "source_type", "anonymity",
                "parent", "inherited", "start", "end", "entity", "cluster", "stance", "polarity", "channel",
                "recipient", "rule", "sentence", "paragraph"]
ARTICLE_FIELDS = ["id", "title", "outlet", "publisher", "byline", "published", "url", "section", "dateline",
                  "sha256", "version", "path"]


def claim_rows(db: sqlite_utils.Database) -> Iterator[dict]:
    cols = set(db["claims"].columns_dict)
    src_cols = set(db["sources"].columns_dict) if db["sources"].exists() else set()
    entity = "sources.entity" if "entity" in src_cols else "null"
    cluster = "claims.cluster" if "cluster" in cols else "null"
    sql = f"""
      select claims.*, {entity} as entity_, {cluster} as cluster_
      from claims left join sources on sources.id = claims.source_id
      order by claims.article, claims.start, claims.id"""
    for row in db.query(sql):
        row["entity"], row["cluster"] = row.pop("entity_"), row.pop("cluster_")
        row["inherited"] = bool(row.get("inherited"))
        yield {k: row.get(k) for k in CLAIM_FIELDS}


def article_rows(db: sqlite_utils.Database) -> Iterator[dict]:
    for row in db.query("select * from articles order by id"):
        yield {k: row.get(k) for k in ARTICLE_FIELDS}


def write(rows: Iterator[dict], fields: list[str], fmt: str, out: io.TextIOBase) -> int:
    n = 0
    if fmt == "csv":
        w = csv.DictWriter(out, fieldnames=fields, extrasaction="ignore")
        w.writeheader()
        for r in rows:
            w.writerow(r)
            n += 1
    else:
        for r in rows:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
            n += 1
    return n
