"""The same claim across articles (claims/cluster.py) and the claim_cluster canned query."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from claims.pipeline import build
from claims.store import open_db

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def cross_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("cluster") / "claims.db"
    db = open_db(path)
    rep = build(db, [ROOT / "seeds", ROOT / "tests" / "fixtures" / "syndicated"])
    assert rep.ok, rep.problems
    return db


def test_every_ap_claim_clusters_with_its_syndicated_twin(cross_db):
    twin_text = cross_db["articles"].get("003_courier_ap_blinken")["text"]
    ap = list(cross_db.query("select * from claims where article like '002%' and kind != 'reporter' or "
                             "(article like '002%' and paragraph > 0)"))
    body = [c for c in ap if c["content"] in twin_text and c["kind"] != "declined"]  # refusals are never matched
    assert len(body) >= 10
    for c in body:
        assert c["cluster"], c["content"]
        twins = list(cross_db.query("select * from claims where cluster = ? and article = '003_courier_ap_blinken'",
                                    [c["cluster"]]))
        assert any(t["content"] == c["content"] for t in twins), c["content"]
        k = cross_db["clusters"].get(c["cluster"])
        assert k["first_article"].startswith("002") and k["outlets"] == 1 and k["publishers"] == 2
    links = list(cross_db.query("select * from claim_links"))
    assert links and all(l["scorer"] and (l["score"] >= l["threshold"]) == (l["method"] != "below_threshold")
                         for l in links)
    refusals = [c["id"] for c in ap if c["kind"] == "declined"]
    assert refusals and not [l for l in links if {l["claim"], l["other"]} & set(refusals)]


def test_blocking_compares_few_pairs(cross_db):
    import json
    stages = json.loads(cross_db.execute("select config from runs order by id desc").fetchone()[0])["stages"]
    st = stages["cluster"]
    print(f"\ncluster: {st['pairs_compared']} pairs compared of {st['all_pairs']} ({st['seconds']} s)")
    assert 0 < st["pairs_compared"] < st["all_pairs"] / 10


def test_claim_cluster_query(cross_db):
    meta = yaml.safe_load((ROOT / "metadata.yml").read_text())
    sql = meta["databases"]["claims"]["queries"]["claim_cluster"]["sql"]
    cid = cross_db.execute("select id from claims where cluster is not null and article like '002%' "
                           "and kind != 'reporter' limit 1").fetchone()[0]
    rows = list(cross_db.query(sql, {"claim": cid}))
    assert {r["publisher"] for r in rows} >= {"Japan Today", "Harbor Valley Courier"}
    assert {"outlet", "published", "source", "anonymity", "cue"} <= set(rows[0])


def test_clusters_are_idempotent(cross_db):
    from claims.cluster import cluster
    before = list(cross_db.query("select * from clusters order by id")), list(cross_db.query("select * from claim_links order by id"))
    cluster(cross_db)
    assert before == (list(cross_db.query("select * from clusters order by id")), list(cross_db.query("select * from claim_links order by id")))
