"""Fact-checkers' reviews (verdicts on claims), kept in the corrections file beside the corrections.

The corrections file (``corrections.yml`` next to the database, or ``claims build --corrections FILE``)
may hold, besides ``corrections:``::

    organization: Harbor Fact Desk          # the default reviewer organization
    rating_scale:                           # optional: the team's own scale, worst rating first
      name: Harbor five-step scale          # default: claims/data/rating_scale.yml
      ratings: [Wrong, Misleading, Needs context, Mostly right, Right]
    reviews:
      - claim: 002_9d32781f785c34bc-1a2b3c4d5e
        exact: "the sides \\"are not on the cusp of any breakthrough.\\""   # found again after re-extraction
        rating: Needs context
        url: https://factdesk.example/checks/vienna-talks
        author: Jo Doe
        date: 2021-05-03
        note: The talks resumed a week later.

Each review becomes a ``reviews`` row on every build, found by claim id or, after re-extraction or
a new version of the article, by its quote (as corrections are). The rating's place on the scale
gives schema.org ``ratingValue`` (worst = 1), ``bestRating`` (the number of ratings) and
``worstRating``; the rating as written is its ``alternateName``.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Optional

import yaml

from .corrections import find_claim
from .errors import ClaimsError
from .models import Review

DEFAULT_SCALE = Path(__file__).resolve().parent / "data" / "rating_scale.yml"


def _read(path: Path) -> dict:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as e:
        raise ClaimsError(f"{path}: cannot read ({e})") from None
    return data if isinstance(data, dict) else {}


def scale(data: dict, path: Path) -> tuple[str, list[str]]:
    """(name, ratings worst first) of the file's rating_scale, else the default scale."""
    spec = data.get("rating_scale") or _read(DEFAULT_SCALE)
    ratings = spec.get("ratings") if isinstance(spec, dict) else None
    if not isinstance(ratings, list) or len(ratings) < 2 or len({str(r).lower() for r in ratings}) != len(ratings):
        raise ClaimsError(f"{path}: rating_scale needs a list of at least two different ratings, worst first")
    return str(spec.get("name") or "rating scale"), [str(r) for r in ratings]


def load(path: Path) -> tuple[list[dict], str, list[str], Optional[str]]:
    """The reviews of the file, its scale (name, ratings) and its default organization."""
    data = _read(path)
    items = data.get("reviews") or []
    if not isinstance(items, list) or not all(isinstance(i, dict) and i.get("claim") for i in items):
        raise ClaimsError(f"{path}: expected 'reviews' to be a list of reviews, each with a 'claim' id")
    name, ratings = scale(data, path)
    lower = [r.lower() for r in ratings]
    for i in items:
        if str(i.get("rating") or "").lower() not in lower:
            raise ClaimsError(f"{path}: review of {i['claim']}: rating {i.get('rating')!r} is not on the scale "
                              f"({', '.join(ratings)})")
        if not (i.get("organization") or data.get("organization")):
            raise ClaimsError(f"{path}: review of {i['claim']}: no organization (give one, or a default 'organization:')")
    return items, name, ratings, data.get("organization")


def _date(value) -> Optional[str]:
    return value.isoformat() if isinstance(value, date) else (str(value) if value is not None else None)


def apply(db, path: Optional[Path]) -> dict:
    """Write the ``reviews`` table from the file's reviews (all rows replaced; idempotent)."""
    rows = []
    if path is not None and Path(path).exists():
        items, name, ratings, org = load(Path(path))
        lower = [r.lower() for r in ratings]
        for n, item in enumerate(items, 1):
            claim, how = find_claim(db, item)
            rating = str(item["rating"])
            rows.append(Review(
                id=f"review{n}", claim=claim["id"] if claim else None, key=str(item["claim"]), exact=item.get("exact"),
                rating=ratings[lower.index(rating.lower())], rating_value=lower.index(rating.lower()) + 1,
                best_rating=len(ratings), worst_rating=1, scale=name, url=item.get("url"),
                organization=str(item.get("organization") or org), author=item.get("author"),
                date=_date(item.get("date")), note=item.get("note"), matched_by=how,
                status="applied" if claim else "unmatched", file=str(path)).row())
    with db.conn:
        db.execute("delete from reviews")
        db["reviews"].insert_all(rows, pk="id")
    return {"reviews": len(rows), "applied": sum(r["status"] == "applied" for r in rows),
            "unmatched": sum(r["status"] == "unmatched" for r in rows)}
