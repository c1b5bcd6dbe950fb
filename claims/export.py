"""Export: claims and articles out of the database, in the evaluation contract's fields."""
from __future__ import annotations

import csv
import io
import json
import re
from typing import Iterator, Optional

import sqlite_utils

CLAIM_FIELDS = ["id", "article", "content", "source", "source_name", "cue", "kind", "source_type", "anonymity",
                "parent", "inherited", "start", "end", "entity", "cluster", "act", "stance", "polarity", "channel",
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


# ---------------------------------------------------------------- JSON-LD: ClaimReview, Claim and Web Annotation
# Refusals ('declined', stance 'refusal') assert nothing: they are never exported as claims.

ASSERTS = "claims.kind not in ('reporter', 'declined') and coalesce(claims.stance, '') != 'refusal'"
ORGANIZATION_TYPES = ("organization", "group", "media", "document")
# where the head of an unnamed source's mention ends ('officials familiar with ...', 'a spokesperson for ...')
_HEAD_END = re.compile(r"\s(?:of|for|from|with|in|at|on|who|familiar|involved|briefed|close|knowledgeable)\b", re.I)


def _article_ref(a: dict) -> dict:
    ref = {"@type": "NewsArticle", "@id": a.get("url") or f"urn:claims:article:{a['id']}", "headline": a.get("title"),
           "datePublished": a.get("published"),
           "publisher": {"@type": "Organization", "name": a.get("publisher") or a.get("outlet")},
           "sourceOrganization": {"@type": "Organization", "name": a.get("outlet")}}
    if a.get("url"):
        ref["url"] = a["url"]
    return {k: v for k, v in ref.items() if v is not None}


def _plural(mention: str, count) -> bool:
    """Whether an unnamed source's mention stands for several people: a count above one, or, when the text
    gives none, a plural head noun ('Israeli officials', 'officials familiar with the meeting')."""
    if count is not None:
        return count > 1
    head = _HEAD_END.split(mention, 1)[0]
    return bool(re.search(r"[a-z][^s\W]s\b", head.split()[-1])) if head.split() else False


def _claim_author(c: dict, ent: Optional[dict]):
    """The Claim's author: the resolved entity; else one Person (or Organization) for an unnamed source; a
    list of Persons for a counted group ('two officials'), an Organization for an uncounted one."""
    if ent:
        return {"@type": "Person" if ent["kind"] == "person" else "Organization", "@id": f"urn:claims:entity:{ent['id']}",
                "name": ent["name"]}
    mention = c.get("source") or ""
    described = f"{c.get('anonymity')} {c.get('source_type')} source, as the article describes it: {mention}"
    if c.get("anonymity") == "named" or not mention:
        return {"@type": "Organization" if c.get("source_type") in ORGANIZATION_TYPES else "Person",
                "name": c.get("source_name") or mention or "unknown"}
    if _plural(mention, c.get("count_")):
        if c.get("count_"):
            return [{"@type": "Person", "description": described} for _ in range(int(c["count_"]))]
        return {"@type": "Organization", "description": f"several unnamed people; {described}"}
    return {"@type": "Organization" if c.get("source_type") in ORGANIZATION_TYPES else "Person", "description": described}


class _Claims:
    """What the Claim objects need, read once: articles, entities, clusters."""

    def __init__(self, db: sqlite_utils.Database):
        self.articles = {a["id"]: a for a in db.query("select * from articles")}
        self.entities = {e["id"]: e for e in db.query("select * from entities")} if db["entities"].exists() else {}
        self.members: dict[str, list[dict]] = {}
        for c in db.query("select id, article, cluster, start from claims where cluster is not null"):
            self.members.setdefault(c["cluster"], []).append(c)
        self.clusters = {k["id"]: k for k in db.query("select * from clusters")} if db["clusters"].exists() else {}

    def claim(self, c: dict) -> dict:
        """schema.org Claim: author, appearance (every article of its cluster), firstAppearance."""
        arts = self.articles
        group = sorted(self.members.get(c.get("cluster"), [c]),
                       key=lambda m: (arts[m["article"]].get("published") or "9999", m["article"]))
        first = self.clusters.get(c.get("cluster"), {}).get("first_article") or group[0]["article"]
        out = {"@type": "Claim", "@id": f"urn:claims:claim:{c['id']}", "text": c["content"],
               "author": _claim_author(c, self.entities.get(c.get("entity_"))),
               "datePublished": arts[first].get("published"),
               "appearance": [_article_ref(arts[a]) for a in dict.fromkeys(m["article"] for m in group)],
               "firstAppearance": _article_ref(arts[first])}
        return {k: v for k, v in out.items() if v is not None}


CLAIM_SQL = """select claims.*, sources.entity as entity_, sources.count as count_ from claims
               left join sources on sources.id = claims.source_id where {where}
               order by claims.article, claims.start, claims.id"""


def claim_jsonld_rows(db: sqlite_utils.Database) -> Iterator[dict]:
    """A schema.org Claim for every current attributed claim that asserts something (never a refusal)."""
    ctx = _Claims(db)
    for c in db.query(CLAIM_SQL.format(where=f"coalesce(claims.status, 'current') = 'current' and {ASSERTS}")):
        yield {"@context": "https://schema.org", **ctx.claim(c)}


def claimreview_rows(db: sqlite_utils.Database) -> Iterator[dict]:
    """schema.org ClaimReview for every applied review of the corrections file (claims/reviews.py): the
    reviewer organization as author, the review's url and date, the verdict as reviewRating."""
    if not db["reviews"].exists():
        return
    ctx = _Claims(db)
    claims = {c["id"]: c for c in db.query(CLAIM_SQL.format(
        where=f"claims.id in (select claim from reviews where status = 'applied') and {ASSERTS}"))}
    for r in db.query("select * from reviews where status = 'applied' order by id"):
        c = claims.get(r["claim"])
        if c is None:
            continue
        author = {"@type": "Organization", "name": r["organization"]}
        review = {
            "@context": "https://schema.org", "@type": "ClaimReview", "@id": f"urn:claims:claimreview:{r['id']}:{c['id']}",
            "url": r["url"], "claimReviewed": c["content"], "datePublished": r["date"], "author": author,
            "reviewRating": {"@type": "Rating", "ratingValue": r["rating_value"], "bestRating": r["best_rating"],
                             "worstRating": r["worst_rating"], "alternateName": r["rating"]},
            "itemReviewed": ctx.claim(c),
        }
        if r["author"]:
            review["creator"] = {"@type": "Person", "name": r["author"], "affiliation": author}
        if r["note"]:
            review["reviewBody"] = r["note"]
        yield {k: v for k, v in review.items() if v is not None}


def annotation_rows(db: sqlite_utils.Database) -> Iterator[dict]:
    """A W3C Web Annotation for every claim. The annotated resource is the stored text the offsets point
    into (``urn:sha256:`` of that version); the article's page URL, when known, is its ``scope``."""
    articles = {a["id"]: a for a in db.query("select id, url, sha256, language from articles")}
    for c in db.query("select * from claims order by article, start, id"):
        a = articles[c["article"]]
        target = {
            "source": {"id": f"urn:sha256:{c.get('sha256') or a['sha256']}", "type": "Text", "format": "text/plain",
                       "language": a.get("language") or "en"},
            "selector": [
                {"type": "TextQuoteSelector", "exact": c["content"], "prefix": c.get("prefix") or "",
                 "suffix": c.get("suffix") or ""},
                {"type": "TextPositionSelector", "start": c["start"], "end": c["end"]},
            ],
        }
        if a.get("url"):
            target["scope"] = a["url"]
        yield {
            "@context": "http://www.w3.org/ns/anno.jsonld", "id": f"urn:claims:annotation:{c['id']}", "type": "Annotation",
            "motivation": "describing",
            "body": {"type": "TextualBody", "format": "application/json", "purpose": "describing",
                     "value": json.dumps({k: c.get(k) for k in ("kind", "source", "source_name", "source_type",
                                                                 "anonymity", "cue", "status", "cluster")},
                                         ensure_ascii=False)},
            "target": target,
        }


def write_jsonld(rows: Iterator[dict], out: io.TextIOBase) -> int:
    n = 0
    for r in rows:
        out.write(json.dumps(r, ensure_ascii=False) + "\n")
        n += 1
    return n


JSONLD = {"claimreview": claimreview_rows, "claims-jsonld": claim_jsonld_rows, "annotations": annotation_rows}
