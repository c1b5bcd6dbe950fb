"""Extraction measured on the seeds with the project's own evaluation, and checked against the referee."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from claims import evaluate as ev
from claims import export as ex
from claims.store import open_db

from .conftest import GOLD, SHARED


@pytest.fixture(scope="module")
def exported(seeds_db, tmp_path_factory):
    db = open_db(seeds_db, create=False)
    d = tmp_path_factory.mktemp("export")
    claims, articles = d / "claims.jsonl", d / "articles.jsonl"
    with open(claims, "w") as f:
        ex.write(ex.claim_rows(db), ex.CLAIM_FIELDS, "jsonl", f)
    with open(articles, "w") as f:
        ex.write(ex.article_rows(db), ex.ARTICLE_FIELDS, "jsonl", f)
    return claims, articles


def test_seed_f1_and_score(exported):
    claims, articles = exported
    gold = ev.load_jsonl(GOLD)
    res = ev.score(gold, ev.load_jsonl(claims))
    meta = ev.score_articles(gold, ev.load_jsonl(articles))
    print(ev.report(res, show_errors=True))
    assert res.f1 >= 0.95
    assert res.score >= 0.90
    assert res.fp_boilerplate == 0
    assert all(meta[f"{k}_acc"] == 1.0 for k in ("title", "published", "byline", "outlet"))


@pytest.mark.skipif(not (SHARED / "eval" / "score.py").exists(), reason="the referee scorer lives only in this workplace")
def test_agrees_with_referee(exported):
    claims, articles = exported
    out = subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), "--gold", str(GOLD), "--pred", str(claims),
                          "--articles", str(articles), "--json"], capture_output=True, text=True, check=True)
    theirs = json.loads(out.stdout)
    ours = ev.score(ev.load_jsonl(GOLD), ev.load_jsonl(claims)).as_dict()
    ours["article_metadata"] = {k: v for k, v in ev.score_articles(ev.load_jsonl(GOLD), ev.load_jsonl(articles)).items() if k != "errors"}
    theirs["article_metadata"] = {k: v for k, v in theirs["article_metadata"].items() if k != "errors"}
    # every figure the referee prints, equal; ours adds content_f1 (and, on brat gold, breakdowns)
    assert set(theirs) <= set(ours)
    assert {k: ours[k] for k in theirs} == theirs


def test_offsets_slice_back(seed_extractions):
    for stem, x in seed_extractions.items():
        text = x.ingested.article.text
        for c in x.claims:
            assert text[c.start:c.end] == c.content
        for s in x.sources:
            assert text[s.start:s.end] == s.text


def test_no_claim_from_furniture(seed_extractions):
    for stem, x in seed_extractions.items():
        body = [(r.start, r.end) for r in x.ingested.body_regions()]
        for c in x.claims:
            assert any(s <= c.start and c.end <= e for s, e in body), (stem, c.content)


def _find(x, needle):
    return [c for c in x.claims if needle in c.content]


def test_told_me_recipient_is_channel_not_content(seed_extractions):
    x = seed_extractions["000_0792c3952193b30d"]
    (c,) = [c for c in _find(x, "held secret talks on Iran last week") if c.kind != "reporter"]
    assert c.source == "two senior Israeli officials"
    assert c.cue == "tell me" and c.channel == "told_this_outlet"
    assert "tell me" not in c.content
    assert (c.source_type, c.anonymity) == ("official", "described")


def test_nested_attribution_has_parent(seed_extractions):
    x = seed_extractions["000_0792c3952193b30d"]
    outer = [c for c in x.claims if c.source == "an Israeli official"][0]
    inner = [c for c in x.claims if c.source == "The U.S. side"]
    assert inner and all(c.parent == outer.id for c in inner)


def test_surname_and_pronoun_resolve_to_full_name(seed_extractions):
    x = seed_extractions["002_9d32781f785c34bc"]
    price = [c for c in x.claims if c.source in ("Price", "He")]
    assert price and all(c.source_name == "Ned Price" and c.source_type == "spokesperson" for c in price)


def test_declined_is_about_the_source(seed_extractions):
    x = seed_extractions["002_9d32781f785c34bc"]
    d = [c for c in x.claims if c.kind == "declined"]
    assert {c.source for c in d} == {"The State Department", "He"}
    assert all(c.stance == "refusal" for c in d)


def test_anonymity_reason_is_linked(seed_extractions):
    x = seed_extractions["002_9d32781f785c34bc"]
    s = [s for s in x.sources if s.text == "officials familiar with the meeting"][0]
    assert s.anonymity == "vague"
    assert s.anonymity_reason.startswith("The officials were not authorized")


def test_scare_quotes_are_not_speech(seed_extractions):
    x = seed_extractions["000_0792c3952193b30d"]
    c = [c for c in _find(x, "plan B") if c.kind != "reporter" and c.source == "The Israeli side"][0]
    assert c.kind == "indirect"
