"""Reviews (verdicts) in the corrections file, and the schema.org exports built on them."""
from __future__ import annotations

import shutil
from pathlib import Path

import jsonschema
import pytest
import yaml

from claims import export as ex
from claims.errors import ClaimsError
from claims.pipeline import build
from claims.store import open_db

ROOT = Path(__file__).resolve().parent.parent
AP = next((ROOT / "seeds").glob("002_*.txt"))

RATING = {"type": "object", "required": ["@type", "ratingValue", "bestRating", "worstRating", "alternateName"],
          "properties": {"@type": {"const": "Rating"}, "ratingValue": {"type": "integer", "minimum": 1}}}
ARTICLE = {"type": "object", "required": ["@type", "@id", "headline"]}
PERSON_OR_ORG = {"type": "object", "required": ["@type"],
                 "properties": {"@type": {"enum": ["Person", "Organization"]}},
                 "anyOf": [{"required": ["name"]}, {"required": ["description"]}]}
CLAIM = {"type": "object", "required": ["@type", "@id", "text", "author", "appearance", "firstAppearance"],
         "properties": {"@type": {"const": "Claim"},
                        "author": {"oneOf": [PERSON_OR_ORG, {"type": "array", "minItems": 2, "items": PERSON_OR_ORG}]},
                        "appearance": {"type": "array", "minItems": 1, "items": ARTICLE},
                        "firstAppearance": ARTICLE}}
# what ClaimReview requires (schema.org, and the fact-check markup search engines read)
CLAIMREVIEW = {"type": "object",
               "required": ["@context", "@type", "url", "claimReviewed", "datePublished", "author", "reviewRating",
                            "itemReviewed"],
               "properties": {"@type": {"const": "ClaimReview"}, "url": {"type": "string", "pattern": "^https?://"},
                              "author": {"type": "object", "required": ["@type", "name"],
                                         "properties": {"@type": {"const": "Organization"}}},
                              "reviewRating": RATING, "itemReviewed": CLAIM}}


def _claim(db, article, where, *params):
    return next(db.query(f"select * from claims where article like ? and {where}", [article + "%", *params]))


@pytest.fixture(scope="module")
def reviewed(tmp_path_factory):
    d = tmp_path_factory.mktemp("reviews")
    inputs = d / "in"
    shutil.copytree(ROOT / "seeds", inputs)
    shutil.copy(ROOT / "tests" / "fixtures" / "syndicated" / "003_courier_ap_blinken.txt", inputs)
    db = open_db(d / "claims.db")
    assert build(db, [inputs]).ok
    cusp = _claim(db, "002", "content like ?", "%cusp of any breakthrough%")
    refusal = _claim(db, "002", "kind = 'declined' and content = 'details'")
    two = _claim(db, "000", "source = 'two senior Israeli officials'")
    (d / "corrections.yml").write_text(yaml.safe_dump({
        "organization": "Harbor Fact Desk",
        "rating_scale": {"name": "Harbor five-step", "ratings": ["Wrong", "Misleading", "Needs context",
                                                                 "Mostly right", "Right"]},
        "reviews": [
            {"claim": cusp["id"], "exact": cusp["content"], "prefix": cusp["prefix"], "suffix": cusp["suffix"],
             "rating": "needs context", "url": "https://factdesk.example/checks/vienna", "author": "Jo Doe",
             "date": "2021-05-03", "note": "Talks resumed a week later."},
            {"claim": refusal["id"], "exact": refusal["content"], "rating": "Wrong",
             "url": "https://factdesk.example/checks/details", "date": "2021-05-04"},
            {"claim": two["id"], "exact": two["content"], "rating": "Mostly right", "organization": "Other Desk",
             "url": "https://other.example/plan-b", "date": "2021-09-30"},
            {"claim": "002_9d32781f785c34bc-0000000000", "exact": "words that are in no article", "rating": "Right",
             "url": "https://factdesk.example/checks/none"},
        ]}, sort_keys=False), encoding="utf-8")
    assert build(db, [inputs], force=True).ok  # re-extracted: the reviews are found again
    return d, db, {"cusp": cusp, "refusal": refusal, "two": two}


def test_reviews_table_rows(reviewed):
    d, db, c = reviewed
    common = {"scale": "Harbor five-step", "best_rating": 5, "worst_rating": 1, "file": str(d / "corrections.yml")}
    assert list(db.query("select * from reviews order by id")) == [
        {"id": "review1", "claim": c["cusp"]["id"], "key": c["cusp"]["id"], "exact": c["cusp"]["content"], "rating": "Needs context",
         "rating_value": 3, "url": "https://factdesk.example/checks/vienna", "organization": "Harbor Fact Desk",
         "author": "Jo Doe", "date": "2021-05-03", "note": "Talks resumed a week later.", "matched_by": "id",
         "status": "applied", **common},
        {"id": "review2", "claim": c["refusal"]["id"], "key": c["refusal"]["id"], "exact": "details", "rating": "Wrong",
         "rating_value": 1, "url": "https://factdesk.example/checks/details", "organization": "Harbor Fact Desk",
         "author": None, "date": "2021-05-04", "note": None, "matched_by": "id", "status": "applied", **common},
        {"id": "review3", "claim": c["two"]["id"], "key": c["two"]["id"], "exact": c["two"]["content"],
         "rating": "Mostly right", "rating_value": 4, "url": "https://other.example/plan-b", "organization": "Other Desk",
         "author": None, "date": "2021-09-30", "note": None, "matched_by": "id", "status": "applied", **common},
        {"id": "review4", "claim": None, "key": "002_9d32781f785c34bc-0000000000", "exact": "words that are in no article",
         "rating": "Right", "rating_value": 5, "url": "https://factdesk.example/checks/none",
         "organization": "Harbor Fact Desk", "author": None, "date": None, "note": None, "matched_by": None,
         "status": "unmatched", **common},
    ]


def test_claimreview_only_for_reviewed_claims_that_assert_something(reviewed):
    d, db, c = reviewed
    out = list(ex.claimreview_rows(db))
    for r in out:
        jsonschema.validate(r, CLAIMREVIEW)
    assert [r["itemReviewed"]["@id"] for r in out] == [f"urn:claims:claim:{c['cusp']['id']}",
                                                        f"urn:claims:claim:{c['two']['id']}"]  # no refusal
    cusp, two = out
    assert cusp["claimReviewed"] == c["cusp"]["content"] and cusp["datePublished"] == "2021-05-03"
    assert cusp["author"] == {"@type": "Organization", "name": "Harbor Fact Desk"}
    assert cusp["creator"] == {"@type": "Person", "name": "Jo Doe", "affiliation": cusp["author"]}
    assert cusp["reviewRating"] == {"@type": "Rating", "ratingValue": 3, "bestRating": 5, "worstRating": 1,
                                    "alternateName": "Needs context"}
    claim = cusp["itemReviewed"]
    assert claim["author"] == {"@type": "Person", "@id": "urn:claims:entity:ned-price", "name": "Ned Price"}
    assert [a["@id"] for a in claim["appearance"]] == ["urn:claims:article:002_9d32781f785c34bc",
                                                       "urn:claims:article:003_courier_ap_blinken"]
    assert claim["firstAppearance"]["@id"] == "urn:claims:article:002_9d32781f785c34bc"
    assert claim["datePublished"] == "2021-04-30"  # the claim's first appearance, not the review's date
    # two unnamed officials are two people, not one Person
    assert two["author"] == {"@type": "Organization", "name": "Other Desk"}
    assert len(two["itemReviewed"]["author"]) == 2
    assert all(p["@type"] == "Person" and "two senior Israeli officials" in p["description"]
               for p in two["itemReviewed"]["author"])


def test_claims_jsonld_every_asserting_claim_never_a_refusal(reviewed):
    d, db, c = reviewed
    out = list(ex.claim_jsonld_rows(db))
    for r in out:
        jsonschema.validate(r, CLAIM)
    ids = [r["@id"].removeprefix("urn:claims:claim:") for r in out]
    expected = [r["id"] for r in db.query(
        "select id from claims where status = 'current' and kind not in ('reporter', 'declined') "
        "and coalesce(stance, '') != 'refusal' order by article, start, id")]
    assert ids == expected and len(ids) > 40
    assert c["refusal"]["id"] not in ids and c["cusp"]["id"] in ids
    by_id = dict(zip(ids, out))
    israelis = by_id[next(db.query("select id from claims where source = 'Israeli officials'"))["id"]]["author"]
    assert israelis["@type"] == "Organization" and israelis["description"].startswith("several unnamed people")


def test_reviews_survive_a_new_version(reviewed, tmp_path):
    d, db, c = reviewed
    work = tmp_path / "in"
    work.mkdir()
    shutil.copy(AP, work / AP.name)
    shutil.copy(d / "corrections.yml", tmp_path / "corrections.yml")
    db2 = open_db(tmp_path / "claims.db")
    assert build(db2, [work]).ok
    text = (work / AP.name).read_text(encoding="utf-8")
    lead = "Secretary of State Antony Blinken and other"
    (work / AP.name).write_text(text.replace(lead, "An editor's note was added on Friday.\n\n" + lead, 1), encoding="utf-8")
    assert build(db2, [work]).ok
    row = db2["reviews"].get("review1")
    claim = db2["claims"].get(row["claim"])
    assert row["status"] == "applied" and claim["content"] == c["cusp"]["content"] and claim["article_version"] == 2


def test_a_rating_off_the_scale_is_refused(tmp_path):
    from claims.reviews import load

    f = tmp_path / "corrections.yml"
    f.write_text(yaml.safe_dump({"organization": "X", "reviews": [{"claim": "a-b", "rating": "Pants on fire"}]}))
    with pytest.raises(ClaimsError, match="rating 'Pants on fire' is not on the scale"):
        load(f)


async def test_reviews_in_datasette(reviewed):
    from datasette.app import Datasette

    from claims.publish import PLUGINS, SETTINGS, TEMPLATES, load_metadata

    d, db, c = reviewed
    ds = Datasette(immutables=[str(d / "claims.db")], metadata=load_metadata("claims"), template_dir=str(TEMPLATES),
                   plugins_dir=str(PLUGINS), settings=SETTINGS)
    table = (await ds.client.get("/claims/reviews.json", params={"_shape": "objects"})).json()
    assert {f for f in table["facet_results"]} >= {"rating", "organization"}
    rows = (await ds.client.get("/claims/reviewed_claims.json", params={"_shape": "array"})).json()
    assert [(r["claim"], r["rating"]) for r in rows] == [(c["cusp"]["id"], "Needs context"),
                                                         (c["refusal"]["id"], "Wrong"), (c["two"]["id"], "Mostly right")]
    html = (await ds.client.get(f"/claims/claims/{c['cusp']['id']}")).text
    box = html.split('class="reviews"')[1].split("</section>")[0]
    assert "Needs context" in box and "Harbor Fact Desk" in box and "https://factdesk.example/checks/vienna" in box
