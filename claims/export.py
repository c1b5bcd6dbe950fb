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
      {"where coalesce(claims.status, 'current') = 'current'" if "status" in cols else ""}
      order by claims.article, claims.start, claims.id"""
    for row in db.query(sql):
        row["entity"], row["cluster"] = row.pop("entity_"), row.pop("cluster_")
        row["inherited"] = bool(row.get("inherited"))
        yield {k: row.get(k) for k in CLAIM_FIELDS}


def article_rows(db: sqlite_utils.Database) -> Iterator[dict]:
    for row in db.query("select * from articles order by id"):
        yield {k: row.get(k) for k in ARTICLE_FIELDS}


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value):
    """A CSV cell as a spreadsheet should show it: text starting like a formula (=, +, -, @, tab, carriage
    return) gets a leading apostrophe, so it is shown, never run. (plugins/claims_guard.py does the same
    for Datasette's CSV; JSONL is always exact.)"""
    return "'" + value if isinstance(value, str) and value.startswith(FORMULA_START) else value


def write(rows: Iterator[dict], fields: list[str], fmt: str, out: io.TextIOBase) -> int:
    n = 0
    if fmt == "csv":
        w = csv.DictWriter(out, fieldnames=fields, extrasaction="ignore")
        w.writeheader()
        for r in rows:
            w.writerow({k: csv_safe(v) for k, v in r.items()})
            n += 1
    else:
        for r in rows:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
            n += 1
    return n


# ---------------------------------------------------------------- JSON-LD: ClaimReview and Web Annotation


def _article_ref(a: dict) -> dict:
    ref = {"@type": "NewsArticle", "@id": a.get("url") or f"urn:claims:article:{a['id']}", "headline": a.get("title"),
           "datePublished": a.get("published"),
           "publisher": {"@type": "Organization", "name": a.get("publisher") or a.get("outlet")},
           "sourceOrganization": {"@type": "Organization", "name": a.get("outlet")}}
    if a.get("url"):
        ref["url"] = a["url"]
    return {k: v for k, v in ref.items() if v is not None}


def claimreview_rows(db: sqlite_utils.Database) -> Iterator[dict]:
    """schema.org ClaimReview (with its Claim) for every current attributed claim.

    The Claim's author is the resolved source (its entity, else the mention as written);
    appearance lists every article of the claim's cluster, firstAppearance the earliest.
    """
    articles = {a["id"]: a for a in db.query("select * from articles")}
    entities = {e["id"]: e for e in db.query("select * from entities")} if db["entities"].exists() else {}
    members: dict[str, list[dict]] = {}
    for c in db.query("select id, article, cluster, start from claims where cluster is not null"):
        members.setdefault(c["cluster"], []).append(c)
    clusters = {k["id"]: k for k in db.query("select * from clusters")} if db["clusters"].exists() else {}
    sql = """select claims.*, sources.entity as entity_ from claims left join sources on sources.id = claims.source_id
             where coalesce(claims.status, 'current') = 'current' and claims.kind != 'reporter'
             order by claims.article, claims.start, claims.id"""
    for c in db.query(sql):
        ent = entities.get(c["entity_"])
        if ent:
            author = {"@type": "Person" if ent["kind"] == "person" else "Organization", "@id": f"urn:claims:entity:{ent['id']}",
                      "name": ent["name"]}
        else:
            author = {"@type": "Person" if c.get("source_type") not in ("organization", "group", "media", "document")
                      else "Organization", "name": c.get("source_name") or c.get("source") or "unknown",
                      "description": f"{c.get('anonymity')} {c.get('source_type')} source"}
        group = sorted(members.get(c.get("cluster"), [c]), key=lambda m: (articles[m["article"]].get("published") or "9999",
                                                                            m["article"]))
        first = clusters.get(c.get("cluster"), {}).get("first_article") or group[0]["article"]
        yield {
            "@context": "https://schema.org", "@type": "ClaimReview", "@id": f"urn:claims:claimreview:{c['id']}",
            "claimReviewed": c["content"], "datePublished": articles[c["article"]].get("published"),
            "author": {"@type": "Organization", "name": "claims"},
            "itemReviewed": {
                "@type": "Claim", "@id": f"urn:claims:claim:{c['id']}", "author": author,
                "appearance": [_article_ref(articles[a]) for a in dict.fromkeys(m["article"] for m in group)],
                "firstAppearance": _article_ref(articles[first]),
            },
        }


def annotation_rows(db: sqlite_utils.Database) -> Iterator[dict]:
    """A W3C Web Annotation for every claim, anchored by TextQuoteSelector and TextPositionSelector."""
    articles = {a["id"]: a for a in db.query("select id, url, sha256, version from articles")}
    for c in db.query("select * from claims order by article, start, id"):
        a = articles[c["article"]]
        sha = c.get("sha256") or a["sha256"]
        yield {
            "@context": "http://www.w3.org/ns/anno.jsonld", "id": f"urn:claims:annotation:{c['id']}", "type": "Annotation",
            "motivation": "describing",
            "body": {"type": "TextualBody", "format": "application/json", "purpose": "describing",
                     "value": json.dumps({k: c.get(k) for k in ("kind", "source", "source_name", "source_type",
                                                                 "anonymity", "cue", "status", "cluster")},
                                         ensure_ascii=False)},
            "target": {
                "source": a.get("url") or f"urn:claims:article:{a['id']}",
                "state": {"type": "HttpRequestState", "value": f"sha256={sha}"},  # the text version the selectors point into
                "selector": [
                    {"type": "TextQuoteSelector", "exact": c["content"], "prefix": c.get("prefix") or "",
                     "suffix": c.get("suffix") or ""},
                    {"type": "TextPositionSelector", "start": c["start"], "end": c["end"]},
                ],
            },
        }


def write_jsonld(rows: Iterator[dict], out: io.TextIOBase) -> int:
    n = 0
    for r in rows:
        out.write(json.dumps(r, ensure_ascii=False) + "\n")
        n += 1
    return n
