"""The same claim across articles: syndicated copies and other outlets, as clusters of claims.

Run at the end of every build; recomputes ``clusters``, ``claim_links`` and ``claims.cluster``
from the current claims (idempotent).

1. Read each claim as the matcher sees it (``claims.match.read``: stemmed content words, numbers,
   names, negation; refusals and very short contents are never matched) and weigh words by their
   document frequency over all current claims (``claims.match.Weights``).
2. Block: each claim's rarest content tokens (at most ``KEYS_PER_CLAIM`` tokens of 4+ characters
   whose document frequency is at most ``MAX_BLOCK``; names and numbers are the usual keys).
   Only claims of different articles published within ``DATE_WINDOW_DAYS`` of each other are
   candidates.
3. Each candidate pair is scored once with ``claims.match.score`` (0-100). A pair at
   ``claims.match.THRESHOLD`` or above is linked: ``syndication`` (same outlet: wire copy on two
   sites) or ``same_claim`` (another outlet). A pair from ``SIMILAR_FLOOR`` up to the threshold is
   kept as ``below_threshold`` (no cluster), so the ``claim_across_outlets`` query can list similar
   claims that no cluster joined. Union-find joins linked claims into clusters; each cluster records
   its first appearance (earliest published article), its articles, outlets and sites, and how each
   article attributes the claim.
"""
from __future__ import annotations

import json
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple, Optional

from rapidfuzz import utils

from . import match
from .resolve import UnionFind

SIMILAR_FLOOR = 45.0
KEYS_PER_CLAIM = 3
MAX_BLOCK = 50
DATE_WINDOW_DAYS = 7
SCORER = "claims.match.score (IDF-weighted overlap of words, numbers and names; word order; contradictions; source entity)"
STOP = set("""that this with from have will been were they their there which what when would could should about
into after before over than them also said says told some more most other only such very said""".split())


@dataclass
class ClusterStats:
    claims: int = 0
    blocks: int = 0
    pairs_compared: int = 0
    candidate_pairs: int = 0
    all_pairs: int = 0
    links: int = 0
    clusters: int = 0
    seconds: float = 0.0

    def as_dict(self) -> dict:
        d = dict(self.__dict__)
        d["seconds"] = round(self.seconds, 4)
        return d


def normalize(text: str) -> str:
    return " ".join(sorted(utils.default_process(text).split()))


def _day(s: Optional[str]) -> Optional[int]:
    try:
        return date.fromisoformat(str(s)[:10]).toordinal() if s else None
    except ValueError:
        return None


class _Claim(NamedTuple):
    """What clustering keeps of a matchable claim (not its content: memory grows with the claims kept)."""

    id: str
    article: str
    start: int
    source: Optional[str]
    anonymity: Optional[str]
    cue: Optional[str]
    outlet: Optional[str]
    publisher: Optional[str]
    published: Optional[str]


def cluster(db) -> ClusterStats:
    t0 = time.perf_counter()
    stats = ClusterStats()
    # One pass over the claims: word weights over every claim; for the matchable ones only, what blocking,
    # scoring and the cluster rows need (memory grows with the matchable claims, not with every claim's text)
    weights = match.Weights()
    rows: list[_Claim] = []
    texts: list[match.Text] = []
    toks: list[frozenset] = []
    cursor = db.conn.execute("""
        select c.id, c.article, c.content, c.start, c.source, c.anonymity, c.cue, c.kind, c.stance,
               s.entity, a.outlet, a.publisher, a.published
        from claims c join articles a on a.id = c.article left join sources s on s.id = c.source_id
        where coalesce(c.status, 'current') = 'current'
        order by c.article, c.start, c.id""")
    for cid, article, content, start, source, anonymity, cue, kind, stance, entity, outlet, publisher, published in cursor:
        stats.claims += 1
        text = match.read(content, kind=kind, stance=stance, entity=entity)
        weights.add(text)
        norm = normalize(content)
        if not norm or not text.matchable:
            continue
        rows.append(_Claim(cid, article, start, source, anonymity, cue, outlet, publisher, published))
        texts.append(text)
        words = norm.split()
        toks.append(frozenset(t for t in words if len(t) >= 4 and t not in STOP) or frozenset(words))
    keep = range(len(rows))
    per_article = Counter(r.article for r in rows)
    n = len(rows)
    stats.all_pairs = (n * (n - 1) - sum(k * (k - 1) for k in per_article.values())) // 2

    df = Counter(t for i in keep for t in toks[i])
    blocks: dict[str, list[int]] = defaultdict(list)
    for i in keep:
        rare = sorted((t for t in toks[i] if 2 <= df[t] <= MAX_BLOCK), key=lambda t: (df[t], t))[:KEYS_PER_CLAIM]
        for t in rare:
            blocks[t].append(i)
    toks.clear()  # (what blocking needed; the scores read the texts)
    df.clear()
    days = {i: _day(rows[i].published) for i in keep}

    def candidate(i: int, j: int) -> bool:
        if rows[i].article == rows[j].article:
            return False
        di, dj = days[i], days[j]
        return di is None or dj is None or abs(di - dj) <= DATE_WINDOW_DAYS

    totals = [weights.total(t) for t in texts]
    scored: dict[tuple[int, int], tuple[float, str]] = {}
    for key in sorted(blocks):
        members = blocks[key]
        if len({rows[i].article for i in members}) < 2:
            continue
        stats.blocks += 1
        for a in range(len(members)):
            for b in range(a + 1, len(members)):
                i, j = sorted((members[a], members[b]))
                if (i, j) in scored or not candidate(i, j):
                    continue
                scored[(i, j)] = (match.score(texts[i], texts[j], weights, (totals[i], totals[j])), key)
        stats.pairs_compared += len(members) * (len(members) - 1) // 2
    stats.candidate_pairs = len(scored)

    uf = UnionFind()
    links = []
    for (i, j), (score, key) in sorted(scored.items()):
        if score < SIMILAR_FLOOR:
            continue
        same_outlet = rows[i].outlet and rows[i].outlet == rows[j].outlet
        method = ("syndication" if same_outlet else "same_claim") if score >= match.THRESHOLD else "below_threshold"
        if method != "below_threshold":
            uf.union(i, j)
        links.append((i, j, score, match.THRESHOLD, method, key))

    groups: dict[int, list[int]] = defaultdict(list)
    for x in list(uf.parent):
        groups[uf.find(x)].append(x)

    def first_key(i: int):
        d = days.get(i)
        return (d is None, d or 0, rows[i].article, rows[i].start)

    cluster_rows, claim_cluster = [], {}
    for root, members in groups.items():
        members = sorted(set(members), key=first_key)
        first = members[0]
        cid = f"k:{rows[first].id}"
        attributions = [{k: getattr(rows[i], k) for k in ("article", "outlet", "publisher", "published", "source",
                                                          "anonymity", "cue")} | {"claim": rows[i].id} for i in members]
        cluster_rows.append({
            "id": cid, "first_claim": rows[first].id, "first_article": rows[first].article,
            "first_published": rows[first].published, "claims": len(members),
            "articles": len({rows[i].article for i in members}),
            "outlets": len({rows[i].outlet or rows[i].article for i in members}),
            "publishers": len({rows[i].publisher or rows[i].outlet or rows[i].article for i in members}),
            "attributions": json.dumps(attributions, ensure_ascii=False, sort_keys=True)})
        for i in members:
            claim_cluster[rows[i].id] = cid
    link_rows = []
    for i, j, score, thr, method, key in links:
        a, b = sorted((rows[i].id, rows[j].id))
        link_rows.append({"id": f"{a}|{b}", "claim": a, "other": b, "cluster": claim_cluster.get(a) if method != "below_threshold" else None, "score": score,
                          "threshold": float(thr), "scorer": SCORER, "method": method, "block": key})
    with db.atomic():
        db.execute("update claims set cluster = null where cluster is not null")
        db.execute("delete from claim_links")
        db.execute("delete from clusters")
        db["clusters"].insert_all(sorted(cluster_rows, key=lambda r: r["id"]), pk="id")
        db["claim_links"].insert_all(sorted(link_rows, key=lambda r: r["id"]), pk="id")
        db.conn.executemany("update claims set cluster = ? where id = ?", [(c, i) for i, c in claim_cluster.items()])
    stats.links = sum(r["method"] != "below_threshold" for r in link_rows)
    stats.clusters = len(cluster_rows)
    stats.seconds = time.perf_counter() - t0
    return stats

