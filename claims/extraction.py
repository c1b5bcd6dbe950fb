"""Extraction: one ingested article in, its claims and source mentions out (no database involved).

``extract(ingested)`` runs the steps for one article. ``extract_together(pairs)`` runs them for a stream of
articles, in order, with the two model steps (the parse, and the entity recognizer where sources stand)
shared by a few consecutive articles: the model works faster on a few large batches than on many small ones,
and what each article gets is the same. The steps of an article:

1. ``plan``: quote pairing, units, and what of them to parse in full (the prefilter);
2. the parse of those pieces (``segment.parse_pieces``), shared;
3. ``read_claims``: the Docs of the units, the attribution rules, and where the entity recognizer is needed;
4. the entity recognizer on those windows (``segment.recognise_entities``), shared;
5. ``describe``: sources described and resolved in the article, the rows to store.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Iterator, Optional

from spacy.tokens import Doc, Span

from .attribution import entity_windows, find_claims
from .budget import time_budget
from .ingest import Ingested
from .models import Claim, SourceMention
from .segment import ParsePlan, docs_of, pair_quotes, parse_pieces, plan_parse, recognise_entities, units_for
from .sources import describe_sources

# The articles that share the model's steps together have at most this many characters to parse in full (one
# parse batch, segment.BATCH_CHARS) and are at most this many; an article with more to parse goes alone.
TOGETHER_CHARS = 100_000
TOGETHER_ARTICLES = 64


@dataclass
class Extraction:
    ingested: Ingested
    claims: list[Claim]
    sources: list[SourceMention]
    notes: list[str] = field(default_factory=list)


def plan(ing: Ingested, *, prefilter: bool = True) -> tuple[ParsePlan, list[str]]:
    """Step 1: what of the article to parse in full, and the notes of quote pairing."""
    art = ing.article
    regions = ing.body_regions()
    quotes, notes = pair_quotes(art.text, regions)
    return plan_parse(units_for(art.text, regions, quotes), art.id, prefilter=prefilter), notes


def read_claims(ing: Ingested, parse_plan: ParsePlan, parsed: list[Doc], *, prefilter: bool = True
                ) -> tuple[list[Doc], list, list[Span]]:
    """Step 3: the article's Docs, its claim candidates, and the windows the entity recognizer reads (none
    without the prefilter: the full pipeline has found the entities already)."""
    docs = docs_of(parse_plan, parsed)
    cands = find_claims(docs, ing.article)
    return docs, cands, entity_windows(docs, cands) if prefilter else []


def describe(ing: Ingested, docs: list[Doc], cands: list, notes: list[str]) -> Extraction:
    """Step 5: the claims and source mentions to store."""
    claims, sources = describe_sources(cands, docs, ing.article)
    return Extraction(ing, claims, sources, notes)


def parse_article(ing: Ingested, *, prefilter: bool = True) -> tuple[list[Doc], list[str]]:
    """The parsed Docs of one article as the rules read them (with the prefilter, entities come later, only
    where a source stands), and the notes of quote pairing."""
    parse_plan, notes = plan(ing, prefilter=prefilter)
    return docs_of(parse_plan, parse_pieces([parse_plan], entities=not prefilter)[0]), notes


def extract(ing: Ingested, *, prefilter: bool = True) -> Extraction:
    """Claims and source mentions of one ingested article (no database involved)."""
    parse_plan, notes = plan(ing, prefilter=prefilter)
    parsed = parse_pieces([parse_plan], entities=not prefilter)[0]
    docs, cands, windows = read_claims(ing, parse_plan, parsed, prefilter=prefilter)
    recognise_entities(windows)
    return describe(ing, docs, cands, notes)


@dataclass
class _Work:
    """One article on its way through the steps: ``result`` is its Extraction, or the exception that stopped it."""

    key: Any
    ing: Ingested
    name: str
    plan: Optional[ParsePlan] = None
    notes: list[str] = field(default_factory=list)
    parsed: Optional[list[Doc]] = None
    docs: Optional[list[Doc]] = None
    cands: Optional[list] = None
    windows: Optional[list[Span]] = None
    result: Any = None
    spent: float = 0.0  # seconds of the article's time budget its steps have taken


def _left(work: _Work, timeout: Optional[float]) -> Optional[float]:
    return None if not timeout else timeout - work.spent


def _step(work: _Work, timeout: Optional[float], fn: Callable[[], Any]) -> bool:
    """Run one step of one article within what is left of its time budget; on an exception, it is the
    article's result."""
    t = time.monotonic()
    try:
        with time_budget(timeout, work.name, "extracting", left=_left(work, timeout)):
            fn()
        return True
    except Exception as e:  # reported by the write stage (its traceback, which holds the article's
        work.result = e.with_traceback(None)  # units and Docs in a reference cycle, is not)
        return False
    finally:
        work.spent += time.monotonic() - t


def _shared(works: list[_Work], timeout: Optional[float], fn: Callable[[list[_Work]], None],
            alone: Callable[[_Work], None]) -> list[_Work]:
    """A model step for several articles at once, within what is left of the budget of the one with least
    left, its time charged to each; if it fails, each article takes the step alone, within its own budget (so
    one article's fault or slowness stays its own). The articles still going."""
    if len(works) > 1:
        t = time.monotonic()
        left = min(timeout - w.spent for w in works) if timeout else None
        try:
            with time_budget(timeout, works[0].name, "extracting", left=left):
                fn(works)
        except Exception:
            pass
        else:
            for w in works:
                w.spent += time.monotonic() - t
            return works
    return [w for w in works if _step(w, timeout, lambda w=w: alone(w))]


def _finish(works: list[_Work], timeout: Optional[float], prefilter: bool) -> None:
    """Steps 2 to 5 for articles that are planned."""

    def parse_all(ws: list[_Work]) -> None:
        for w, parsed in zip(ws, parse_pieces([w.plan for w in ws], entities=not prefilter)):
            w.parsed = parsed

    def parse_one(w: _Work) -> None:
        w.parsed = parse_pieces([w.plan], entities=not prefilter)[0]

    def read(w: _Work) -> None:
        w.docs, w.cands, w.windows = read_claims(w.ing, w.plan, w.parsed, prefilter=prefilter)
        w.parsed = None

    going = _shared(works, timeout, parse_all, parse_one)
    going = [w for w in going if _step(w, timeout, lambda w=w: read(w))]
    going = _shared(going, timeout, lambda ws: recognise_entities([s for w in ws for s in w.windows]),
                    lambda w: recognise_entities(w.windows))
    for w in going:
        def finish(w: _Work = w) -> None:
            w.result = describe(w.ing, w.docs, w.cands, w.notes)
        if not _step(w, timeout, finish):
            continue
        w.docs = w.cands = w.windows = None


def extract_together(pairs: Iterable[tuple[Any, Ingested]], article_timeout: Optional[float] = None, *,
                     prefilter: bool = True, name: Callable[[Any, Ingested], str] = lambda key, ing: str(key)
                     ) -> Iterator[tuple[Any, Ingested, Extraction | Exception]]:
    """(key, ingested, extraction or exception) for each (key, ingested) pair, in input order; what each
    article gets is what ``extract`` gives it. The steps of an article together take at most ``article_timeout``
    seconds (claims.budget): a shared step is charged to each of its articles, and runs within what is left of
    the budget of the one with least left (if it fails, each article takes it again alone, so one article's
    slowness is never charged to another). ``name`` names an article in its errors."""
    group: list[_Work] = []
    chars = 0

    def flush() -> Iterator[tuple[Any, Ingested, Extraction | Exception]]:
        nonlocal group, chars
        _finish([w for w in group if w.result is None], article_timeout, prefilter)
        for w in group:
            yield w.key, w.ing, w.result
        group, chars = [], 0

    for key, ing in pairs:
        w = _Work(key, ing, name(key, ing))

        def plan_it(w: _Work = w) -> None:
            w.plan, w.notes = plan(w.ing, prefilter=prefilter)

        planned = _step(w, article_timeout, plan_it)
        n = w.plan.chars if planned else 0
        if group and (chars + n > TOGETHER_CHARS or len(group) >= TOGETHER_ARTICLES):
            yield from flush()
        group.append(w)
        chars += n
    yield from flush()
