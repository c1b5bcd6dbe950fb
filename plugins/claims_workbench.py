"""Datasette plugin for the claims workbench (loaded with ``--plugins-dir plugins``).

* SQL functions ``fuzz_ratio(a, b)`` and ``fuzz_token_set(a, b)`` (rapidfuzz, 0-100, case and
  punctuation folded; NULL when either argument is NULL or longer than 10,000 characters), e.g.
  ``where fuzz_token_set(source, :name) > 85``; ``fuzz_token_set_each(query, pairs, min_score)``, the
  same score for many texts in one call; and ``fuzz_words(text)`` / ``fuzz_norm(text)``, the words
  those compare (JSON array / space-joined), with which the canned queries narrow candidates.
* Each connection memory-maps the (read-only) database file (``pragma mmap_size``), and a facet asked
  for twice (in metadata.yml and in ``?_facet=``) is computed once.
* Template functions for the claim, article and entity row pages (``templates/row.html`` and its
  partials): ``claim_context``, ``article_context`` and ``entity_context`` gather the rows, and the
  highlighted text is built here by slicing the article text and escaping every piece with markupsafe.
  Nothing drawn from an article is ever marked safe unescaped, and only http(s) URLs become links.
* The reader's side, configured in metadata.yml under ``plugins: claims-workbench`` (data, not code):
  ``values``, the words for coded values (anonymity, channel, kind, stance: a label in the cells, the
  meaning as tooltip and in legends); ``technical_columns``, hidden on a table page until the reader
  asks for every column; ``start_here``, what the home and database pages lead with; ``page_queries``,
  the canned queries offered, filled in, on claim and article pages.
"""
from __future__ import annotations

import json
import time
from typing import Any, Optional
from urllib.parse import urlencode, urlsplit

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


async def _same_claim_elsewhere(datasette, database: str, claim: dict) -> dict:
    """The canned query claim_across_outlets (metadata.yml) for this claim: the claim itself first, then the
    claims the build joined to it, then similar claims the matcher scored from ``SIMILAR_SHOWN`` up."""
    db = datasette.get_database(database)
    q = await datasette.get_canned_query(database, "claim_across_outlets", None)
    if q is None:
        return {"rows": [], "url": None}
    rows = await _rows(db, q["sql"], {"claim": claim["id"], "min_score": SIMILAR_SHOWN})
    url = datasette.urls.database(database) + "/claim_across_outlets?" + urlencode({"claim": claim["id"], "min_score": SIMILAR_SHOWN})
    return {"rows": rows, "url": url}


SIMILAR_SHOWN = 45


def _tilde(value: str) -> str:
    from datasette.utils import tilde_encode

    return tilde_encode(value)


# ---------------------------------------------------------------- the reader's words and pages (metadata.yml)

CONFIG = "claims-workbench"


def _config(datasette, key: str) -> Any:
    return (datasette.plugin_config(CONFIG) or {}).get(key) or {}


def value_words(datasette) -> dict[str, dict[str, dict]]:
    """column -> value -> {label, help}: the reader's words for coded values."""
    return _config(datasette, "values")


def coded(datasette, column: str, value: Any) -> Optional[Markup]:
    """A coded value in the reader's words, its meaning as tooltip; None when the column or value has none."""
    words = value_words(datasette).get(column, {}).get(value) if isinstance(value, str) else None
    if not words:
        return None
    return Markup('<span class="coded" title="{}">{}</span>').format(words["help"], words["label"])


def legend(datasette, column: str) -> list[dict]:
    """The values of a coded column, in order, each with value, label and help."""
    return [{"value": v, **w} for v, w in value_words(datasette).get(column, {}).items()]


def web_link(url: Any) -> Optional[str]:
    """The URL when it is one a page may link to (http or https), else None: a javascript: or data: URL in an
    article's metadata stays text."""
    if not isinstance(url, str):
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def page_queries(datasette, database: str, table: str, fields: dict) -> list[dict]:
    """The canned queries metadata.yml offers on this table's row pages, each with its form's URL filled in from
    ``fields`` (parameters in the query's order) and its title."""
    queries = datasette.metadata("queries", database=database, fallback=False) or {}
    out = []
    for entry in _config(datasette, "page_queries").get(table, []):
        q = queries.get(entry["query"])
        if not isinstance(q, dict):
            continue
        values = {**{p: fields.get(f) for p, f in (entry.get("fill") or {}).items()}, **(entry.get("set") or {})}
        params = q.get("params") or list(values)
        args = {p: "" if values.get(p) is None else values[p] for p in params}
        out.append({"name": entry["query"], "title": q.get("title") or entry["query"], "args": args,
                    "url": datasette.urls.database(database) + "/" + entry["query"] + "?" + urlencode(args)})
    return out


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
        others = await _same_claim_elsewhere(datasette, database, claim)
        for r in others["rows"]:
            r["url"] = datasette.urls.row(database, "claims", _tilde(r["id"]))
        entity = None
        if source and source.get("entity"):
            entity = (await _rows(db, "select * from entities where id = ?", [source["entity"]]) or [None])[0]
        reviews = await _rows(db, "select * from reviews where claim = ? and status = 'applied' order by rowid",
                              [claim["id"]]) if "reviews" in await db.table_names() else []
        base = datasette.urls.database(database)
        fields = {**claim, "entity": entity["id"] if entity else None, "outlet": article["outlet"] if article else None,
                  "who": (entity["name"] if entity else None) or claim.get("source_name") or claim.get("source")}
        if entity:
            source_claims_url = base + "/source_claims?" + urlencode({"entity": entity["id"], "mention": ""})
        elif claim.get("source_id"):
            source_claims_url = base + "/source_claims?" + urlencode({"entity": "", "mention": claim["source_id"]})
        else:
            source_claims_url = None
        return {
            "claim": claim, "article": article, "source": source, "context": context, "entity": entity,
            "reviews": reviews, "source_claims_url": source_claims_url,
            "chain": chain, "relayed": relayed, "others": others,
            "words": value_words(datasette), "article_href": web_link(article["url"]) if article else None,
            "entity_url": datasette.urls.row(database, "entities", _tilde(entity["id"])) if entity else None,
            "queries": page_queries(datasette, database, "claims", fields),
            "article_url": datasette.urls.row(database, "articles", _tilde(claim["article"])),
            "source_url": datasette.urls.row(database, "sources", _tilde(claim["source_id"])) if claim.get("source_id") else None,
        }

    return claim_context


COLOURS = ("kind", "anonymity")


def make_article_context(datasette):
    async def article_context(database: str, article_id: str, colour: Optional[str] = None) -> Optional[dict]:
        """The article with every claim a link, coloured by ``colour``: 'kind' (the default) or 'anonymity'."""
        db = datasette.get_database(database)
        got = await _rows(db, "select * from articles where id = ?", [article_id])
        if not got:
            return None
        article = got[0]
        colour = colour if colour in COLOURS else COLOURS[0]
        words = value_words(datasette)
        claims = await _rows(db, "select id, kind, start, end, source, source_type, anonymity, cue from claims "
                                 "where article = ? order by start, end desc", [article_id])
        spans = []
        for c in claims:
            kind = words.get("kind", {}).get(c["kind"], {}).get("label", c["kind"])
            anon = words.get("anonymity", {}).get(c["anonymity"], {}).get("label", c["anonymity"]) if c["anonymity"] else None
            label = f"{kind}: {c['source'] or 'the reporter'}" + (f" ({c['source_type'] or '-'}, {anon})" if anon else "")
            spans.append({"start": c["start"], "end": c["end"], "tag": "a",
                          "cls": f"claim-link {KIND_CLASS.get(c['kind'], '')} a-{c['anonymity'] or 'none'}",
                          "title": label, "href": datasette.urls.row(database, "claims", _tilde(c["id"]))})
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
                "kind_class": KIND_CLASS, "colour": colour, "colours": COLOURS, "words": words,
                "legend": [dict(e, cls=(KIND_CLASS.get(e["value"], "") if colour == "kind" else "a-" + e["value"]))
                           for e in legend(datasette, colour)],
                "href": web_link(article["url"]),
                "queries": page_queries(datasette, database, "articles", article)}

    return article_context


def make_entity_context(datasette):
    async def entity_context(database: str, entity_id: str) -> Optional[dict]:
        """The entity and all its claims in every article: the canned query source_claims, grouped by article."""
        db = datasette.get_database(database)
        got = await _rows(db, "select * from entities where id = ?", [entity_id])
        q = await datasette.get_canned_query(database, "source_claims", None)
        if not got or q is None:
            return None
        entity = got[0]
        articles: dict[str, dict] = {}
        for r in await _rows(db, q["sql"], {"entity": entity_id, "mention": ""}):
            r["url"] = datasette.urls.row(database, "claims", _tilde(r["id"]))
            a = articles.setdefault(r["article"], {"id": r["article"], "claims": [], "title": r.get("article_title"),
                                                   "outlet": r["outlet"], "published": r["published"],
                                                   "url": datasette.urls.row(database, "articles", _tilde(r["article"]))})
            a["claims"].append(r)
        for key in ("aliases", "titles"):
            try:
                entity[key] = json.loads(entity.get(key) or "[]")
            except ValueError:
                entity[key] = []
        return {"entity": entity, "articles": list(articles.values()),
                "claims": sum(len(a["claims"]) for a in articles.values()), "words": value_words(datasette),
                "query_url": datasette.urls.database(database) + "/source_claims?" + urlencode({"entity": entity_id, "mention": ""})}

    return entity_context


# ---------------------------------------------------------------- ids link to their rows, on every page

ID_COLUMNS = {"claim": "claims", "first_claim": "claims", "parent": "claims", "other": "claims", "top": "claims",
              "article": "articles", "first_article": "articles", "source_id": "sources", "mention": "sources",
              "antecedent": "sources", "entity": "entities", "cluster": "clusters"}


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    """A claim, article, source mention, entity or cluster id, in any table, view or canned query, is a link
    to its row (the 'id' column of claims_view and attributions, and of canned queries, is a claim); a coded
    value (anonymity, channel, kind, stance) is shown in the reader's words, its meaning as tooltip."""
    if not isinstance(value, str) or not value or database is None:
        return None
    words = coded(datasette, column, value)
    if words is not None:
        return words
    target = ID_COLUMNS.get(column)
    if column == "id" and table in (None, "claims_view", "attributions", "summary_relays", "summary_changed"):
        keys = row.keys() if hasattr(row, "keys") else []
        if table is not None or "content" in keys:
            target = "claims"
    if target is None or (table == target and column == "id"):
        return None
    href = datasette.urls.row(database, target, _tilde(value))
    return Markup('<a href="{}">{}</a>').format(href, value)


# ---------------------------------------------------------------- table pages for the reader
# A table page shows the columns' descriptions folded (<details>, with the legend of coded values; each header
# has its description as tooltip) instead of Datasette's list of every column, and hides the table's technical
# columns (metadata.yml) until the reader asks for all of them (?_columns=all, which Datasette ignores and its
# forms carry along); asking for columns the Datasette way (?_col=, ?_nocol=) shows exactly those.

ALL_COLUMNS = "_columns"


async def table_page_vars(datasette, database: str, table: str, request) -> dict:
    from datasette.utils import path_with_removed_args, path_with_replaced_args

    meta = dict(datasette.table_metadata(database, table) or {})
    descriptions = meta.pop("columns", None) or {}
    datasette.update_with_inherited_metadata(meta)
    notes = [{"name": c, "description": d, "legend": legend(datasette, c)} for c, d in descriptions.items()]
    db = datasette.get_database(database)
    columns = await db.table_columns(table)
    configured = [c for c in _config(datasette, "technical_columns").get(table, []) if c in columns]
    explicit = any(k in request.args for k in ("_col", "_nocol", ALL_COLUMNS))
    technical = {
        "columns": configured,
        "hidden": [] if explicit else configured,
        "all_url": path_with_replaced_args(request, {ALL_COLUMNS: "all"}),
        "reader_url": path_with_removed_args(request, {ALL_COLUMNS, "_col", "_nocol"}),
    } if configured else None
    return {"metadata": meta, "column_notes": notes, "technical": technical}


def start_here(datasette, database: str, tables: set[str]) -> list[dict]:
    """What the home and database pages lead with (metadata.yml), for a claims database: its tables that exist,
    the charts, the canned queries."""
    if "claims" not in tables:
        return []
    out = []
    for entry in _config(datasette, "start_here"):
        if "table" in entry:
            if entry["table"] in tables:
                out.append({"label": entry.get("label") or entry["table"], "about": entry["about"],
                            "url": datasette.urls.table(database, entry["table"])})
        elif entry["path"].startswith("#"):
            out.append({"label": entry["label"], "about": entry["about"], "url": datasette.urls.database(database) + entry["path"]})
        else:
            out.append({"label": entry["label"], "about": entry["about"], "url": datasette.urls.path(entry["path"])})
    return out


@hookimpl
def extra_template_vars(datasette, template, database, table, request):
    if template.startswith("row"):
        return {
            "claim_context": make_claim_context(datasette),
            "article_context": make_article_context(datasette),
            "entity_context": make_entity_context(datasette),
            "kind_class": KIND_CLASS,
        }
    if template == "table.html" and database and table:
        return table_page_vars(datasette, database, table, request)
    if template in ("index.html", "database.html"):
        async def lead(name: str) -> list[dict]:
            db = datasette.get_database(name)
            return start_here(datasette, name, set(await db.table_names()) | set(await db.view_names()))

        return {"start_here": lead}
    return {}
