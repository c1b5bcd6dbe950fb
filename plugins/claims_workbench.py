"""Datasette plugin for the claims workbench (loaded with ``--plugins-dir plugins``).

* SQL functions ``fuzz_ratio(a, b)`` and ``fuzz_token_set(a, b)`` (rapidfuzz, 0-100, case and
  punctuation folded; NULL when either argument is NULL or longer than 10,000 characters), e.g.
  ``where fuzz_token_set(source, :name) > 85``; ``fuzz_token_set_each(query, pairs, min_score)``, the
  same score for many texts in one call; and ``fuzz_words(text)`` / ``fuzz_norm(text)``, the words
  those compare (JSON array / space-joined), with which the canned queries narrow candidates.
* Each connection memory-maps the (read-only) database file (``pragma mmap_size``), and a facet asked
  for twice (in metadata.yml and in ``?_facet=``) is computed once.
* Template functions for the claim and article row pages (``templates/row-claims-*.html``):
  ``claim_context(database, claim_id)`` and ``article_context(database, article_id)`` gather the
  rows, and the highlighted text is built here by slicing the article text and escaping every
  piece with markupsafe. Nothing drawn from an article is ever marked safe unescaped.
"""
from __future__ import annotations

import json
import time
from typing import Any, Optional

from datasette import hookimpl
from markupsafe import Markup, escape
from rapidfuzz import fuzz, utils

# ---------------------------------------------------------------- SQL functions


# Longer texts are not scored (NULL): comparing two strings costs up to the product of their lengths, and
# one call is never interrupted by the SQL time limit (two 1,000,000-character strings took 29 s, all
# other requests waiting). At this length a call costs a few milliseconds.
MAX_FUZZ_CHARS = 10_000


def _bounded(text: Any) -> Optional[str]:
    text = None if text is None else str(text)
    return text if text is not None and len(text) <= MAX_FUZZ_CHARS else None


def _score(scorer, a: Any, b: Any) -> Optional[float]:
    a, b = _bounded(a), _bounded(b)
    if a is None or b is None:
        return None
    return round(scorer(a, b, processor=utils.default_process), 1)


def fuzz_ratio(a: Any, b: Any) -> Optional[float]:
    return _score(fuzz.ratio, a, b)


def fuzz_token_set(a: Any, b: Any) -> Optional[float]:
    return _score(fuzz.token_set_ratio, a, b)


def fuzz_token_set_each(query: Any, pairs: Any, min_score: Any = None, *, deadline: Optional[float] = None,
                        interrupt=None) -> Optional[str]:
    """Score many texts against one in a single call: ``pairs`` is a JSON array of ``[key, text]`` (as
    ``json_group_array(json_array(id, text))`` builds it); returns a JSON array of ``[key, score]``, the
    score being fuzz_token_set(text, query), for the texts scoring at least ``min_score`` (all when NULL).
    One call instead of one per row: under load, every call of a Python SQL function waits for the GIL.
    Past ``deadline`` (time.perf_counter) it stops and calls ``interrupt`` (the connection's): SQLite then
    ends the query as its time limit does, which one long call would otherwise escape."""
    if query is None or pairs is None:
        return None
    out = []
    for i, (key, text) in enumerate(json.loads(pairs)):
        if deadline is not None and i % 64 == 0 and time.perf_counter() > deadline:
            if interrupt is not None:
                interrupt()
            return None
        score = fuzz_token_set(text, query)
        if score is not None and (min_score is None or score >= min_score):
            out.append([key, score])
    return json.dumps(out)


# Keys for narrowing fuzzy searches (the same functions as claims.store's, which fill the summary tables
# with them at build time; this file is loaded without the claims package, so they are repeated here).


def _words(text: Any) -> Optional[list[str]]:
    text = _bounded(text)
    return None if text is None else sorted(set(utils.default_process(text).split()))


def fuzz_words(text: Any) -> Optional[str]:
    """The distinct words of ``text`` as fuzz_token_set sees them (lower case, alphanumeric), sorted, as JSON."""
    words = _words(text)
    return None if words is None else json.dumps(words, ensure_ascii=False)


def fuzz_norm(text: Any) -> Optional[str]:
    """Those words joined by spaces: what fuzz_token_set compares when two strings share no word."""
    words = _words(text)
    return None if words is None else " ".join(words)


# Memory-map the database file (read-only serving): a row fetched by rowid, as every search, count and
# facet over full-text matches does, then costs a memory read instead of a read() call per page.
# Measured on 1M claims: counting 24k search matches 44 -> 27 ms. Capped by SQLite at its compile-time maximum.
MMAP_SIZE = 2**31


def register_functions(conn, time_limit_ms: Optional[int] = None) -> None:
    """The SQL functions on one connection; fuzz_token_set_each stops its query past ``time_limit_ms``."""
    conn.create_function("fuzz_ratio", 2, fuzz_ratio, deterministic=True)
    conn.create_function("fuzz_token_set", 2, fuzz_token_set, deterministic=True)
    conn.create_function("fuzz_words", 1, fuzz_words, deterministic=True)
    conn.create_function("fuzz_norm", 1, fuzz_norm, deterministic=True)
    limit = (time_limit_ms or 0) / 1000

    def each(query, pairs, min_score):  # one call may not outlast the time limit of the whole query
        return fuzz_token_set_each(query, pairs, min_score, deadline=time.perf_counter() + limit if limit else None,
                                   interrupt=conn.interrupt)

    conn.create_function("fuzz_token_set_each", 3, each, deterministic=True)


@hookimpl
def prepare_connection(conn, datasette):
    register_functions(conn, datasette.setting("sql_time_limit_ms"))
    conn.execute(f"pragma mmap_size = {MMAP_SIZE}")


# ---------------------------------------------------------------- facets: each one once
# Datasette 0.65 computes a facet twice when it is both in metadata.yml and asked for with ?_facet= (a search
# page whose facet link was followed, "Facet by this" on a default facet): the second is a full extra count
# (about 60 ms on 1M claims, more on a large search) and shows up as "kind_2". Keep the first of each.


def _facet_configs_once(load):
    def load_facet_configs(request, table_metadata):
        configs = load(request, table_metadata)
        for facet_type, items in configs.items():
            seen: set[str] = set()
            kept = []
            for item in items:
                key = json.dumps(item["config"], sort_keys=True)
                if key not in seen:
                    seen.add(key)
                    kept.append(item)
            configs[facet_type] = kept
        return configs

    load_facet_configs.once = True
    return load_facet_configs


def _patch_facets() -> None:
    from datasette import facets

    if not getattr(facets.load_facet_configs, "once", False):
        facets.load_facet_configs = _facet_configs_once(facets.load_facet_configs)


_patch_facets()


# ---------------------------------------------------------------- highlighting

KIND_CLASS = {
    "direct": "k-direct", "indirect": "k-indirect", "mixed": "k-mixed",
    "according_to": "k-according", "declined": "k-declined", "reporter": "k-reporter",
}


def highlight(text: str, spans: list[dict], base: int = 0) -> Markup:
    """``text`` (which starts at offset ``base`` of the article) with each span wrapped in a tag.

    Each span: ``start``, ``end`` (article offsets), ``tag`` ('mark' or 'a'), ``cls``, ``href``,
    ``title``. Overlapping spans are nested only when the later lies inside the earlier; a span
    crossing another is cut at the boundary. Every piece of text and every attribute is escaped.
    """
    text = text or ""
    n = len(text)
    events: list[tuple[int, int, int, dict]] = []  # (pos, order, -length, span)
    clean = []
    for s in spans:
        a, b = max(int(s["start"]) - base, 0), min(int(s["end"]) - base, n)
        if a < b:
            clean.append(dict(s, a=a, b=b))
    clean.sort(key=lambda s: (s["a"], -(s["b"] - s["a"])))
    out: list[str] = []
    pos = 0
    stack: list[dict] = []

    def open_tag(s: dict) -> str:
        attrs = ""
        if s.get("cls"):
            attrs += Markup(' class="{}"').format(s["cls"])
        if s.get("href"):
            attrs += Markup(' href="{}"').format(s["href"])
        if s.get("title"):
            attrs += Markup(' title="{}"').format(s["title"])
        if s.get("id"):
            attrs += Markup(' id="{}"').format(s["id"])
        return Markup("<{}{}>").format(Markup(s.get("tag", "mark")), Markup(attrs))

    def close_tag(s: dict) -> str:
        return Markup("</{}>").format(Markup(s.get("tag", "mark")))

    i = 0
    while pos < n or stack:
        # next boundary: end of the innermost open span or start of the next span
        nxt_start = clean[i]["a"] if i < len(clean) else n
        nxt_end = stack[-1]["b"] if stack else n
        stop = min(nxt_start, nxt_end, n)
        if stop > pos:
            out.append(escape(text[pos:stop]))
            pos = stop
        if stack and stack[-1]["b"] <= pos:
            out.append(close_tag(stack.pop()))
            continue
        if i < len(clean) and clean[i]["a"] <= pos:
            s = clean[i]
            i += 1
            if stack and s["b"] > stack[-1]["b"]:
                s = dict(s, b=stack[-1]["b"])  # crossing span: cut it at the enclosing end
            if s["b"] > pos:
                out.append(open_tag(s))
                stack.append(s)
            continue
        if pos >= n:
            while stack:
                out.append(close_tag(stack.pop()))
            break
    return Markup("").join(out)


# ---------------------------------------------------------------- data for the row pages


async def _rows(db, sql: str, params=None) -> list[dict]:
    res = await db.execute(sql, params or [])
    return [dict(r) for r in res.rows]


async def _columns(db, table: str) -> set[str]:
    return {r["name"] for r in await _rows(db, f"pragma table_info([{table}])")}


async def _relay_chain(db, claim: dict) -> list[dict]:
    """The claims that relay this one, innermost first (claims.parent chain)."""
    chain, seen, parent = [], {claim["id"]}, claim.get("parent")
    while parent and parent not in seen and len(chain) < 20:
        seen.add(parent)
        got = await _rows(db, "select id, source, source_type, anonymity, cue, kind, parent from claims where id = ?", [parent])
        if not got:
            break
        chain.append(got[0])
        parent = got[0]["parent"]
    return chain


async def _same_claim_elsewhere(datasette, db, claim: dict) -> dict:
    """Other articles carrying this claim: by ``claims.cluster`` when that column exists, else by
    fuzzy similarity of the content (token-set ratio >= 60) among other articles' claims."""
    cols = await _columns(db, "claims")
    select = ("select c.id, c.article, c.kind, c.source, c.source_type, c.anonymity, c.cue, c.content, "
              "a.outlet, a.publisher, a.published, a.title from claims c join articles a on a.id = c.article ")
    if "cluster" in cols:
        if claim.get("cluster") is None:
            return {"method": "cluster", "rows": []}
        rows = await _rows(db, select + "where c.cluster = ? and c.article != ? order by a.published, a.outlet",
                           [claim["cluster"], claim["article"]])
        return {"method": "cluster", "rows": rows}
    if claim.get("kind") == "reporter":
        cands = await _rows(db, select + "where c.article != ?", [claim["article"]])
    else:
        cands = await _rows(db, select + "where c.article != ? and c.kind != 'reporter'", [claim["article"]])
    scored = []
    for r in cands:
        s = fuzz.token_set_ratio(claim["content"], r["content"], processor=utils.default_process)
        if s >= 60:
            r["score"] = round(s, 1)
            scored.append(r)
    scored.sort(key=lambda r: -r["score"])
    return {"method": "similarity", "rows": scored[:10]}


def _tilde(value: str) -> str:
    from datasette.utils import tilde_encode

    return tilde_encode(value)


def _paragraph(regions: list[dict], start: int, end: int) -> Optional[dict]:
    inside = [r for r in regions if r["start"] <= start and r["end"] >= end]
    if inside:
        return min(inside, key=lambda r: r["end"] - r["start"])
    touching = [r for r in regions if r["start"] < end and r["end"] > start]
    return touching[0] if touching else None


def make_claim_context(datasette):
    async def claim_context(database: str, claim_id: str) -> Optional[dict]:
        db = datasette.get_database(database)
        got = await _rows(db, "select * from claims where id = ?", [claim_id])
        if not got:
            return None
        claim = got[0]
        article = (await _rows(db, "select id, title, outlet, publisher, byline, published, url, text, sha256, run, version "
                                   "from articles where id = ?", [claim["article"]]) or [None])[0]
        source = None
        if claim.get("source_id"):
            source = (await _rows(db, "select * from sources where id = ?", [claim["source_id"]]) or [None])[0]
        regions = await _rows(db, "select id, role, start, end from regions where article = ? order by start", [claim["article"]])
        context = None
        if article:
            text = article["text"]
            para = _paragraph(regions, claim["start"], claim["end"])
            a, b = (para["start"], para["end"]) if para else (max(claim["start"] - 300, 0), min(claim["end"] + 300, len(text)))
            a, b = min(a, claim["start"]), max(b, claim["end"])
            spans = [{"start": claim["start"], "end": claim["end"], "tag": "mark",
                      "cls": "claim-hl " + KIND_CLASS.get(claim["kind"], ""), "id": "the-claim"}]
            if source and source["start"] is not None and a <= source["start"] < b:
                spans.append({"start": source["start"], "end": source["end"], "tag": "mark", "cls": "source-hl"})
            if claim.get("cue") and claim.get("cue_start") is not None and a <= claim["cue_start"] < b:
                spans.append({"start": claim["cue_start"], "end": claim["cue_start"] + len(claim["cue"]),
                              "tag": "mark", "cls": "cue-hl"})
            context = {"html": highlight(text[a:b], spans, base=a), "start": a, "end": b,
                       "region": para["id"] if para else None, "role": para["role"] if para else None}
        chain = await _relay_chain(db, claim)
        relayed = await _rows(db, "select id, source, kind, cue, content from claims where parent = ? order by start", [claim["id"]])
        for r in chain + relayed:
            r["url"] = datasette.urls.row(database, "claims", _tilde(r["id"]))
        others = await _same_claim_elsewhere(datasette, db, claim)
        for r in others["rows"]:
            r["url"] = datasette.urls.row(database, "claims", _tilde(r["id"]))
        return {
            "claim": claim, "article": article, "source": source, "context": context,
            "chain": chain, "relayed": relayed, "others": others,
            "article_url": datasette.urls.row(database, "articles", _tilde(claim["article"])),
            "source_url": datasette.urls.row(database, "sources", _tilde(claim["source_id"])) if claim.get("source_id") else None,
        }

    return claim_context


def make_article_context(datasette):
    async def article_context(database: str, article_id: str) -> Optional[dict]:
        db = datasette.get_database(database)
        got = await _rows(db, "select * from articles where id = ?", [article_id])
        if not got:
            return None
        article = got[0]
        claims = await _rows(db, "select id, kind, start, end, source, source_type, anonymity, cue from claims "
                                 "where article = ? order by start, end desc", [article_id])
        spans = []
        for c in claims:
            label = f"{c['kind']}: {c['source'] or 'the reporter'} ({c['source_type'] or '-'}, {c['anonymity'] or '-'})"
            spans.append({"start": c["start"], "end": c["end"], "tag": "a",
                          "cls": "claim-link " + KIND_CLASS.get(c["kind"], ""), "title": label,
                          "href": datasette.urls.row(database, "claims", _tilde(c["id"]))})
        text = article["text"] or ""
        regions = await _rows(db, "select id, role, start, end from regions where article = ? order by start", [article_id])
        paragraphs = []
        pos = 0
        for r in regions:
            if r["start"] < pos:
                continue
            paragraphs.append({"role": r["role"], "html": highlight(text[r["start"]:r["end"]], spans, base=r["start"])})
            pos = r["end"]
        if not regions:
            paragraphs = [{"role": "body", "html": highlight(text, spans)}]
        kinds: dict[str, int] = {}
        for c in claims:
            kinds[c["kind"]] = kinds.get(c["kind"], 0) + 1
        return {"article": article, "claims": claims, "paragraphs": paragraphs, "kinds": kinds,
                "kind_class": KIND_CLASS}

    return article_context


@hookimpl
def extra_template_vars(datasette, template):
    if not template.startswith("row-"):
        return {}
    return {
        "claim_context": make_claim_context(datasette),
        "article_context": make_article_context(datasette),
        "kind_class": KIND_CLASS,
    }
