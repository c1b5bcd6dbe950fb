"""Anchors, article versions, re-anchoring, corrections and the JSON-LD exports."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import yaml

from claims import export as ex
from claims.pipeline import build
from claims.provenance import reanchor
from claims.store import open_db

ROOT = Path(__file__).resolve().parent.parent
AP = next((ROOT / "seeds").glob("002_*.txt"))
PRICE = 'the sides "are not on the cusp of any breakthrough.”'


def _build(db, d, **kw):
    rep = build(db, [d], **kw)
    assert rep.ok, rep.problems
    return rep


def test_anchors_point_into_the_text(seeds_db):
    db = open_db(seeds_db)
    arts = {a["id"]: a for a in db.query("select * from articles")}
    for c in db.query("select * from claims"):
        text = arts[c["article"]]["text"]
        assert text[c["start"]:c["end"]] == c["content"]
        assert c["prefix"] == text[max(0, c["start"] - 32):c["start"]] and c["suffix"] == text[c["end"]:c["end"] + 32]
        assert c["sha256"] == arts[c["article"]]["sha256"] and c["run"] is not None


def test_reanchor_methods():
    text = "Intro. The minister said the plan to revive the nuclear deal was dead. Outro."
    q = "the plan to revive the nuclear deal was dead"
    s = text.index(q)
    assert reanchor(q, "minister said ", ". Outro.", s, s + len(q), text).method == "position"
    moved = reanchor(q, "minister said ", ". Outro.", s, s + len(q), "New lead. " + text)
    assert moved.method == "exact" and moved.start == s + 10
    a = reanchor(q, "minister said ", ". Outro.", s, s + len(q), text.replace("deal was dead", "deal is dead"))
    assert a.method == "fuzzy" and a.score >= 80
    assert reanchor(q, "", "", s, s + len(q), "Something else entirely, no plan here.") is None


def test_new_version_reanchors_orphans_and_keeps_corrections(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    art = d / AP.name
    shutil.copy(AP, art)
    db_path = tmp_path / "claims.db"
    db = open_db(db_path)
    _build(db, d)
    aid = AP.stem
    claims0 = {c["id"]: c for c in db.query("select * from claims where article = ?", [aid])}
    price = next(c for c in claims0.values() if "cusp" in c["content"])
    other = next(c for c in claims0.values() if c["kind"] != "reporter" and "cusp" not in c["content"]
                 and c["source_type"] != "document")
    (tmp_path / "corrections.yml").write_text(yaml.safe_dump({"corrections": [
        {"claim": other["id"], "exact": other["content"], "prefix": other["prefix"], "suffix": other["suffix"],
         "set": {"source_type": "document"}, "author": "tester", "note": "a readout"},
        {"claim": price["id"], "exact": price["content"], "not_a_claim": True},
    ]}), encoding="utf-8")
    _build(db, d, force=True)  # a rebuild re-extracts: corrections must come back
    assert db["claims"].get(other["id"])["source_type"] == "document"
    assert db["claims"].get(price["id"])["status"] == "rejected"
    assert {r["status"] for r in db.query("select * from corrections")} == {"applied"}

    # a new version: a paragraph added on top (every offset shifts) and the Price sentence removed
    text = art.read_text(encoding="utf-8")
    sentence = next(s for s in text.split("\n") if "cusp" in s)
    lead = "Secretary of State Antony Blinken and other"
    text = text.replace(sentence + "\n", "").replace(lead, "An editor's note was added to this story on Friday.\n\n" + lead, 1)
    art.write_text(text, encoding="utf-8")
    _build(db, d)
    a = db["articles"].get(aid)
    assert a["version"] == 2 and db["article_versions"].get(f"{aid}@v1")["sha256"] == claims0[price["id"]]["sha256"]
    after = {c["id"]: c for c in db.query("select * from claims where article = ?", [aid])}
    assert set(claims0) <= set(after)  # nothing deleted
    orphan = after[price["id"]]
    assert orphan["status"] == "orphaned" and orphan["sha256"] != a["sha256"]
    moved = [c for i, c in after.items() if i in claims0 and c["status"] == "current"]
    assert len(moved) >= len(claims0) - 3
    for c in moved:
        assert a["text"][c["start"]:c["end"]] == c["content"] and c["sha256"] == a["sha256"]
        assert c["anchor"] in ("position", "exact", "fuzzy")
    assert sum(c["start"] != claims0[c["id"]]["start"] and c["anchor"] == "exact" for c in moved) >= 10
    assert after[other["id"]]["source_type"] == "document"  # the correction survived the new version
    # exports leave orphaned and rejected claims out
    assert price["id"] not in {r["id"] for r in ex.claim_rows(db)}


CLAIM = {"type": "object", "required": ["@context", "@type", "text", "author", "appearance", "firstAppearance"],
         "properties": {"@type": {"const": "Claim"},
                        "author": {"type": ["object", "array"]},
                        "appearance": {"type": "array", "minItems": 1,
                                       "items": {"type": "object", "required": ["@type", "headline"]}},
                        "firstAppearance": {"type": "object", "required": ["@type"]}}}
SELECTOR = {"oneOf": [
    {"type": "object", "required": ["type", "exact", "prefix", "suffix"], "properties": {"type": {"const": "TextQuoteSelector"}}},
    {"type": "object", "required": ["type", "start", "end"], "properties": {"type": {"const": "TextPositionSelector"},
                                                                             "start": {"type": "integer"}}}]}
ANNOTATION = {"type": "object", "required": ["@context", "id", "type", "target"],
              "properties": {"@context": {"const": "http://www.w3.org/ns/anno.jsonld"}, "type": {"const": "Annotation"},
                             "target": {"type": "object", "required": ["source", "selector"],
                                        "properties": {"selector": {"type": "array", "minItems": 2, "items": SELECTOR}}}}}


def test_jsonld_exports_validate(tmp_path):
    db = open_db(tmp_path / "x.db")
    _build(db, ROOT / "seeds")
    _build(db, ROOT / "tests" / "fixtures" / "syndicated")
    claims = list(ex.claim_jsonld_rows(db))
    assert claims
    for r in claims:
        jsonschema.validate(r, CLAIM)
    price = [r for r in claims if isinstance(r["author"], dict) and r["author"].get("name") == "Ned Price"]
    assert price and any(len(r["appearance"]) == 2 for r in price)
    assert all(r["firstAppearance"]["@id"].endswith("002_9d32781f785c34bc") for r in price if len(r["appearance"]) == 2)
    notes = list(ex.annotation_rows(db))
    for n in notes:
        jsonschema.validate(n, ANNOTATION)
    json.dumps(notes)
