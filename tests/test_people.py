"""Who a source is, as an entity of its article: mention chains, the fullest description, gender and
pronouns, media, experts and officials (claims/people.py, descriptors.py, chains.py, gender.py), and
the type an entity takes from other articles (claims/resolve.py). Sentences written for these tests."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from claims.gender import first_name_gender, honorific_gender, is_first_name
from claims.ingest import ingest_text
from claims.people import find_people
from claims.pipeline import build, extract
from claims.store import open_db

ROOT = Path(__file__).resolve().parent.parent
TITLE = "A headline for a test story about something\n\n"


def sources_of(body: str) -> list:
    x = extract(ingest_text("t", TITLE + body + "\n"))
    return [c for c in x.claims if c.kind != "reporter"], x.sources


def by_source(claims) -> dict:
    return {c.source: (c.source_type, c.anonymity, c.source_name) for c in claims}


def people_of(text: str):
    import re
    sents = [(m.start(), m.end()) for m in re.finditer(r"[^.!?\n]+[.!?]?", text)]
    return {p.name: p for p in find_people(text, sents, []).persons}


def test_every_mention_takes_the_fullest_description():
    claims, sources = sources_of(
        "Republican presidential candidate Dana Whitcombe spoke in Ohio on Monday. "
        "Whitcombe said the tariffs would protect factory jobs. "
        "Ms. Whitcombe told reporters that her rivals had no plan. "
        "She added that the state would decide the race.")
    got = by_source(claims)
    assert got["Whitcombe"] == got["Ms. Whitcombe"] == got["She"] == ("official", "named", "Dana Whitcombe")
    forms = {s.text: s.form for s in sources}
    assert (forms["Whitcombe"], forms["Ms. Whitcombe"], forms["She"]) == ("surname", "honorific", "pronoun")
    assert {s.described_as for s in sources if s.name == "Dana Whitcombe"} == {"Republican presidential candidate"}


@pytest.mark.parametrize("text, name, source_type, role", [
    ("Sen. Lydia Marsh (D-Ore.) voted against the bill.", "Lydia Marsh", "official", None),
    ("Rep. Owen Talbot, R-Idaho, voted for it.", "Owen Talbot", "official", None),
    ("Paul Okonjo, a fellow at the Halvorsen Institute, wrote the study.", "Paul Okonjo", "expert", "fellow"),
    ("Maria Ellery, president of the Center for Fiscal Studies, disagreed.", "Maria Ellery", "expert", "president"),
    ("Fox News host Dan Pryor interviewed him.", "Dan Pryor", "media", "host"),
    ("Kate Mills argued in a column on Sunday that the race was over.", "Kate Mills", "media", "journalist"),
    ("Republican strategist Ana Ruiz was unimpressed.", "Ana Ruiz", "expert", "strategist"),
    ("Clinton campaign strategist Joe Bell was unimpressed.", "Joe Bell", "official", "strategist"),
    ("Tess Harlan, the former secretary of state, was in Ohio.", "Tess Harlan", "official", "secretary of state"),
    ("Bruno Adair, a CNN commentator and former White House adviser, was on air.", "Bruno Adair", "media", "commentator"),
    ("Lena Fisk, the daughter of Gov. Karl Fisk, was there.", "Lena Fisk", "individual", "daughter"),
    ("Nadim Rahal was elected mayor of Springfield last year.", "Nadim Rahal", "official", "mayor"),
    ("Curtis Boone, who heads the Marlow Institute, was there.", "Curtis Boone", "expert", "head"),
    ("Gwen Ortiz, who covered City Hall for 20 years, retired.", "Gwen Ortiz", "media", "journalist"),
    ("Mr. Lowell King, a retired farmer, was there.", "Lowell King", "individual", "farmer"),
    # named with the outlet they work at: the outlet's journalist
    ("Karen Lowell of the Harlan Times wrote about the levy.", "Karen Lowell", "media", "journalist"),
    ("Jenna Brannock of Bloomberg News was in the room.", "Jenna Brannock", "media", "journalist"),
    ("Dana Morrow from CNN asked about the levy.", "Dana Morrow", "media", "journalist"),
])
def test_what_a_person_is(text, name, source_type, role):
    p = people_of(text)[name]
    assert p.profile is not None and p.profile.source_type == source_type
    if role:
        assert p.profile.role == role


@pytest.mark.parametrize("text, name", [
    ("Dana Morrow of Times Square Partners was in the room.", "Dana Morrow"),  # a firm named after a place
    ("Dana Morrow of the Register of Deeds office was in the room.", "Dana Morrow"),  # an office, not the paper
    ("Dana Morrow of Harlan County was in the room.", "Dana Morrow"),
])
def test_a_name_with_no_outlet_after_it_is_no_journalist(text, name):
    p = people_of(text)[name]
    assert p.profile is None or p.profile.source_type != "media"


def test_a_journalist_named_with_the_outlet_is_a_media_source():
    claims, _ = sources_of("Paul Brannock of The New York Times argued that the levy was doomed. "
                           "Brannock said the county would raise it anyway.")
    got = by_source(claims)
    assert got["Paul Brannock of The New York Times"] == got["Brannock"] == ("media", "named", "Paul Brannock")


def test_a_description_of_someone_else_is_not_theirs():
    people = people_of("Sen. Ted Marlow told Donald Brandt that the vote was close. Maya Lind, 45, Marlow's aide, agreed.")
    assert people["Donald Brandt"].profile is None  # 'Sen.' is Marlow's title
    assert people["Ted Marlow"].profile.how in ("title", "possession")


@pytest.mark.parametrize("body, source, expected", [
    # an honorific is never a title: 'Mr. King' is no king
    ("Edward King, a retired farmer from Iowa, spoke at the meeting. Mr. King said the new rules would ruin small farms.",
     "Mr. King", ("individual", "named", "Edward King")),
    # a role back-reference is the person named with that role
    ("Gov. Karen Voss signed the budget on Monday. The governor said the cuts were painful but necessary.",
     "The governor", ("official", "named", "Karen Voss")),
])
def test_a_later_mention_is_the_person_named(body, source, expected):
    claims, _ = sources_of(body)
    assert by_source(claims)[source] == expected


def test_a_pronoun_agrees_in_gender():
    claims, _ = sources_of("Sen. Tom Albright met Gov. Karen Voss in the capital on Monday. "
                           "She said the talks had gone well. He said a deal was close.")
    got = by_source(claims)
    assert got["She"][2] == "Karen Voss" and got["He"][2] == "Tom Albright"


def test_a_pronoun_with_no_one_to_agree_with_stays_unresolved():
    claims, _ = sources_of("Gov. Karen Voss signed the budget on Monday. He said the cuts were unfair.")
    c = next(c for c in claims if c.source == "He")
    assert c.source_name is None and c.anonymity != "named"


def test_a_long_quotation_does_not_hide_its_speaker():
    claims, _ = sources_of(
        'Rosa Delgado, a dairy farmer, met the candidate in 1990. '
        '"He saved the farm. He called my mother. He paid the debt. He never asked for anything. '
        'He never told anyone," she said.')
    assert by_source(claims)["she"][2] == "Rosa Delgado"




def test_both_of_two_people_named():
    claims, _ = sources_of("Sen. Tom Albright met Gov. Karen Voss in the capital on Monday. "
                           "Both leaders said a deal was close.")
    st, anon, name = by_source(claims)["Both leaders"]
    assert (st, anon) == ("official", "named") and "Karen Voss" in name and "Tom Albright" in name


def test_media_by_name_and_documents_by_issuer():
    claims, _ = sources_of("The Denver Post reported that the mayor would resign. "
                           "A police report said the car had been stolen. "
                           "A Gallup poll found that most voters were undecided.")
    got = by_source(claims)
    assert got["The Denver Post"][:2] == ("media", "named")
    assert got["A police report"][:2] == ("document", "described")
    assert got["A Gallup poll"][:2] == ("document", "named")


def test_first_names_and_honorifics_give_gender():
    assert (first_name_gender("Margaret"), first_name_gender("Robert"), first_name_gender("Robin")) == ("f", "m", None)
    assert is_first_name("Hillary") and not is_first_name("Xqzt")
    assert (honorific_gender("Mrs."), honorific_gender("Mr"), honorific_gender("Dr.")) == ("f", "m", None)


def test_a_person_takes_the_type_other_articles_give(tmp_path):
    (tmp_path / "a.txt").write_text(TITLE + "Republican nominee Carl Denton said on Monday that taxes would fall.\n")
    (tmp_path / "b.txt").write_text(TITLE + "Carl Denton spoke in Texas. Denton said the border was open.\n")
    (tmp_path / "c.txt").write_text(TITLE + "Mia Stroud spoke in Texas. Stroud said the border was open.\n")
    db = open_db(tmp_path / "x.db")
    assert build(db, [tmp_path]).ok
    row = db.execute("select c.source_type, s.described_as, s.described_in from claims c join sources s on s.id = c.source_id "
                     "where c.article = 'b' and c.source = 'Denton'").fetchone()
    assert tuple(row) == ("official", "Republican nominee", "a")
    stroud = db.execute("select source_type from claims where article = 'c' and source = 'Stroud'").fetchone()
    assert tuple(stroud) == ("individual",)  # no other article says what she is


POLNEAR = Path(os.environ.get("POLNEAR", ROOT / "corpora" / "polnear")) / "data" / "train"
LABELS = ROOT / "eval" / "polnear_train_sources.jsonl"


@pytest.mark.slow
@pytest.mark.skipif(not (POLNEAR / "text").is_dir(),
                    reason="PolNeAR train split not here (git-ignored corpora/polnear, or set POLNEAR): CI has no corpus")
def test_source_labels_of_the_polnear_train_split(tmp_path):
    from claims import brat
    from claims import evaluate as ev
    from claims import export as ex

    labels = [json.loads(line) for line in LABELS.read_text().splitlines() if line.strip()]
    articles = sorted({lab["article"] for lab in labels})
    db = open_db(tmp_path / "p.db")
    assert build(db, [POLNEAR / "text" / f"{a}.txt" for a in articles]).ok
    gold, _ = brat.load_gold(POLNEAR / "attributions")
    gold = [g for g in gold if ev.article_key(g["article"]) in set(articles)]
    res = ev.score(gold, list(ex.claim_rows(db)), outermost_only=True)
    s = ev.score_sources(labels, res)
    print(f"\n{s['paired']} paired; source_type {s['source_type']}; anonymity {s['anonymity']}")
    # floors a little under the figures of the branch's last measurement (a regression guard)
    assert s["paired"] >= 170
    assert s["source_type"]["accuracy"] >= 0.84 and s["anonymity"]["accuracy"] >= 0.88


async def test_the_claim_page_shows_the_mention_and_the_entitys_description(seeds_db):
    import sqlite3

    from .test_datasette import make_ds

    conn = sqlite3.connect(seeds_db)
    cid, st = conn.execute("select c.id, c.source_type from claims c join sources s on s.id = c.source_id "
                           "where c.source = 'He' and s.name = 'Ned Price'").fetchone()
    conn.close()
    html = (await make_ds(seeds_db).client.get(f"/claims/claims/{cid}")).text
    assert st == "spokesperson" and f"<dt>Type</dt><dd>{st}</dd>" in html
    assert "<dt>Mention</dt><dd>pronoun of Ned Price</dd>" in html
    assert '<dd class="described-as">State Department spokesman' in html


@pytest.mark.parametrize("text, name, source_type, former", [
    ("As a CNN senior political correspondent and host of a podcast, Rob Yates has become a critic.", "Rob Yates", "media",
     False),
    ("Ian Holt, President Carla Mendes's former top adviser, disagreed.", "Ian Holt", "official", True),
    ("Brett Lane, chief strategist for Jo Rand's campaign four years ago, disagreed.", "Brett Lane", "expert", True),
    ("Top Republican donor Saul Brenner met the candidate.", "Saul Brenner", "individual", False),
])
def test_what_a_person_is_from_harder_descriptions(text, name, source_type, former):
    p = people_of(text)[name]
    assert (p.profile.source_type, p.profile.former) == (source_type, former)


def test_a_word_the_article_writes_in_lower_case_is_no_first_name():
    people = people_of("Top Donor Brenner Backs Mendes In Close Race\n\nThe donor, Saul Brenner, said he was pleased. "
                       "Brenner said the race was close.")
    assert "Donor Brenner" not in people and "Saul Brenner" in people


def test_first_person_outside_a_quotation_is_the_reporter():
    claims, _ = sources_of("I asked the mayor about the budget. I think the city cannot afford the stadium.")
    c = next(c for c in claims if c.source == "I")
    assert (c.source_type, c.anonymity) == ("reporter", None)


def test_shares_and_causes_of_unnamed_pluralities():
    claims, _ = sources_of("Thirty-seven percent said the economy was the top issue. "
                           "Conservative activists said the bill went too far. Voters said they were tired.")
    got = by_source(claims)
    assert got["Thirty-seven percent"][:2] == ("group", "bare")
    assert got["Conservative activists"][:2] == ("group", "described")
    assert got["Voters"][:2] == ("group", "bare")


def test_antecedents_never_go_round_in_a_circle(seeds_db):
    import sqlite3

    conn = sqlite3.connect(seeds_db)
    ante = dict(conn.execute("select id, antecedent from sources"))
    conn.close()
    for start in ante:
        seen, a = set(), start
        while a in ante and a not in seen:
            seen.add(a)
            a = ante[a]
        assert a not in seen, f"{start} refers back to itself through {sorted(seen)}"


def test_a_role_named_by_its_place_is_identifiable_though_the_name_is_known():
    claims, _ = sources_of("Iran's president says a deal is close. President Hassan Rouhani spoke in Tehran on Monday.")
    assert by_source(claims)["Iran's president"] == ("official", "identifiable", "Hassan Rouhani")


def test_a_campaign_is_an_organization_and_plural_roles_take_their_type():
    claims, _ = sources_of("Hillary Clinton spoke in Ohio on Monday. The Clinton campaign said the ad was false. "
                           "Hillary Clinton’s campaign said it would respond. Candidates said the debate was unfair. "
                           "Reporters said the room was full.")
    got = by_source(claims)
    assert got["The Clinton campaign"][0] == got["Hillary Clinton’s campaign"][0] == "organization"
    # holders of an office are described (the story says which race); a plural trade with no more is bare
    assert got["Candidates"][:2] == ("official", "described") and got["Reporters"][:2] == ("media", "bare")


def test_a_pronoun_can_refer_to_a_source_named_in_a_way_the_registry_does_not_read():
    claims, _ = sources_of('South Korean President Moon Jae-in urged President Biden to resume talks. "I hope that Biden '
                           'will succeed," Moon told reporters. "We are ready to talk at any time," he said.')
    assert by_source(claims)["he"][2] in ("Moon", "Moon Jae-in")  # not Biden, named before him
