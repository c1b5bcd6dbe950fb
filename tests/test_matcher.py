"""The same-claim matcher (claims/match.py), measured on the labelled pairs, and what the workbench shows of it."""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from claims import match
from claims.pipeline import build
from claims.store import open_db

ROOT = Path(__file__).resolve().parent.parent
PAIRS = ROOT / "tests" / "fixtures" / "pairs" / "same_claim.jsonl"


def load_pairs() -> list[dict]:
    return [json.loads(line) for line in PAIRS.read_text(encoding="utf-8").splitlines()]


def test_pair_set_size_and_composition():
    pairs = load_pairs()
    groups = Counter((p["group"], p["same"]) for p in pairs)
    assert len(pairs) >= 150
    assert groups[("syndicated", True)] >= 10 and groups[("fixture_negative", False)] >= 10  # from the fixtures
    assert groups[("edited", True)] >= 20 and groups[("other_outlet", True)] >= 40  # written for the project
    assert groups[("hard_negative", False)] >= 40 and groups[("refusal", False)] >= 8 and groups[("short", False)] >= 3


def test_precision_and_recall_at_the_default_threshold():
    pairs = load_pairs()
    m = match.measure(pairs)
    print(f"\n{m.pairs} pairs, threshold {m.threshold}: precision {m.precision:.3f} recall {m.recall:.3f}")
    assert m.precision >= 0.95 and m.recall >= 0.80


def test_refusals_and_short_contents_never_match():
    pairs = [p for p in load_pairs() if p["group"] in ("refusal", "short")]
    assert pairs and set(match.pair_scores(pairs)) == {0.0}


TOPIC = "its talks with the Marlow County water authority"
LONGER = ("the Marlow County water authority will raise household rates by 12 percent starting in March, "
          "the county board said after its talks with the authority")


def test_a_subset_does_not_score_100():
    """The issue's case: a short text inside a longer claim shares all its words; token-set ratio scored it 100.
    Word weights here are those of the pair set."""
    texts = [match.read(p[k]["text"]) for p in load_pairs() for k in ("a", "b")]
    topic, longer = match.read(TOPIC), match.read(LONGER)
    w = match.Weights.of(texts + [topic, longer])
    from rapidfuzz import fuzz, utils

    assert fuzz.token_set_ratio(TOPIC, LONGER, processor=utils.default_process) == 100
    assert match.score(topic, longer, w) < 70  # length-aware: the long claim's other words count against it


@pytest.fixture(scope="module")
def cross(tmp_path_factory):
    from datasette.app import Datasette

    from claims.publish import PLUGINS, SETTINGS, TEMPLATES, load_metadata

    path = tmp_path_factory.mktemp("matcher") / "claims.db"
    db = open_db(path)
    assert build(db, [ROOT / "seeds", ROOT / "tests" / "fixtures" / "syndicated"]).ok
    ds = Datasette(immutables=[str(path)], metadata=load_metadata("claims"), template_dir=str(TEMPLATES),
                   plugins_dir=str(PLUGINS), settings=SETTINGS)
    return db, ds


async def across(ds, claim, min_score):
    r = await ds.client.get("/claims/claim_across_outlets.json",
                            params={"claim": claim, "min_score": min_score, "_shape": "array"})
    assert r.status_code == 200, r.text[:300]
    return r.json()


async def test_a_refusal_topic_is_offered_nowhere(cross):
    """'its talks with the Biden administration' (a refusal) was offered as the same as any longer claim
    containing those words, at 91-95."""
    db, ds = cross
    cid = next(db.query("select id from claims where content = 'its talks with the Biden administration'"))["id"]
    rows = await across(ds, cid, "0")
    assert [(r["id"], r["matched_by"]) for r in rows] == [(cid, "this claim")]
    assert list(db.query("select * from claim_links where ? in (claim, other)", [cid])) == []


async def test_claim_across_outlets_lists_the_claim_first_then_its_cluster_then_similar(cross):
    db, ds = cross
    cid = next(db.query("select id from claims where article like '002%' and content like '%cusp of any%'"))["id"]
    twin = next(db.query("select id from claims where article like '003%' and content like '%cusp of any%'"))["id"]
    rows = await across(ds, cid, "45")
    assert [(r["id"], r["matched_by"]) for r in rows][:2] == [(cid, "this claim"), (twin, "same claim (cluster)")]
    assert rows[1]["score"] >= match.THRESHOLD
    similar = [r for r in rows if r["matched_by"] == "similar wording"]
    assert all(match.THRESHOLD > r["score"] >= 45 for r in similar)
    assert [r["score"] for r in similar] == sorted((r["score"] for r in similar), reverse=True)
    # the stored scores are the matcher's
    texts = {r["id"]: r for r in db.query("select c.id, c.content, c.kind, c.stance, s.entity from claims c "
                                            "left join sources s on s.id = c.source_id where c.status = 'current'")}
    weights = match.Weights.of(match.read(t["content"], kind=t["kind"], stance=t["stance"], entity=t["entity"])
                               for t in texts.values())
    for r in rows[1:]:
        a, b = (texts[x] for x in (cid, r["id"]))
        assert r["score"] == match.score(match.read(a["content"], kind=a["kind"], stance=a["stance"], entity=a["entity"]),
                                         match.read(b["content"], kind=b["kind"], stance=b["stance"], entity=b["entity"]),
                                         weights)


def test_word_weights_follow_every_claim_added_and_totals_given_change_no_score():
    a = match.read("The county will close the Harlan bridge for repairs in May")
    b = match.read("The Harlan bridge will close for repairs in May, the county says")
    c = match.read("Ray Lowell will run the new library in Harlan County")
    w = match.Weights.of([a, b])
    before = w.idf(match.stem("bridge"))
    w.add(c)  # one more claim without the word: it is rarer, and weighs more
    assert w.idf(match.stem("bridge")) > before
    assert w.idf(match.stem("bridge")) == match.Weights.of([a, b, c]).idf(match.stem("bridge"))
    assert match.score(a, b, w, (w.total(a), w.total(b))) == match.score(a, b, w) > 0
