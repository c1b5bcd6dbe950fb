"""Ingest of the plain-text seed articles: metadata right, furniture never body."""
from __future__ import annotations

import pytest

from claims.errors import BinaryInput, EmptyInput, EncodingProblem, NoBody, TooLarge
from claims.ingest import decode_bytes, ingest_text, read_file

from .conftest import SEEDS

EXPECTED = {
    "000_0792c3952193b30d": dict(title='Scoop: U.S. and Israel held secret talks on Iran "plan B"', published="2021-09-22",
                                 byline=None, outlet="Axios", publisher=None, section="World"),
    "001_ef5535af60425131": dict(title="Behind the scenes: U.S.-Israel tensions build as Iran talks progress",
                                 published="2021-04-21", byline="Barak Ravid", outlet="Axios", publisher=None),
    "002_9d32781f785c34bc": dict(title="Blinken meets Israeli spy chief as Iran talks continue", published="2021-04-30",
                                 byline="Matthew Lee", outlet="The Associated Press", publisher="Japan Today",
                                 dateline="WASHINGTON"),
}
FURNITURE = {
    "000_0792c3952193b30d": ["Photo: Sarahbeth Maney/Pool/Getty Images", "Go deeper"],
    "001_ef5535af60425131": ["3 min read"],
    "002_9d32781f785c34bc": ["Newsletter Signup Register / Login", "Forgot password?", "(Leah Millis/Pool via AP)",
                             "Use your Facebook account to login", "The Kitchari Cleanse", "Copyright 2021 The Associated Press",
                             "0 Comments"],
}


@pytest.mark.parametrize("stem", sorted(EXPECTED))
def test_seed_metadata(stem):
    a = read_file(SEEDS / f"{stem}.txt").article
    for k, v in EXPECTED[stem].items():
        assert getattr(a, k) == v, k
    assert a.id == stem


@pytest.mark.parametrize("stem", sorted(FURNITURE))
def test_furniture_is_not_body(stem):
    ing = read_file(SEEDS / f"{stem}.txt")
    body = [r for r in ing.body_regions()]
    for bit in FURNITURE[stem]:
        assert not any(bit in r.text for r in body), bit
        assert any(bit in r.text for r in ing.regions if r.role in ("furniture", "caption", "header")), bit


def test_regions_slice_back_to_text():
    for p in SEEDS.glob("*.txt"):
        ing = read_file(p)
        for r in ing.regions:
            assert ing.article.text[r.start:r.end] == r.text


def test_section_labels_are_regions_of_their_own():
    ing = read_file(SEEDS / "000_0792c3952193b30d.txt")
    labels = [r.text for r in ing.regions if r.role == "label"]
    assert "Why it matters:" in labels and "Driving the news:" in labels
    assert not any(r.text.startswith("Why it matters") for r in ing.body_regions())


def test_decode_errors_name_the_file():
    with pytest.raises(EmptyInput, match="x.txt"):
        decode_bytes(b"  \n ", "x.txt")
    with pytest.raises(BinaryInput, match="x.bin"):
        decode_bytes(b"\x00\x01\x02abc" * 10, "x.bin")
    with pytest.raises(TooLarge, match="limit"):
        decode_bytes(b"a" * 100, "big.txt", max_bytes=10)


def test_cp1252_is_decoded_and_said_so():
    text, note = decode_bytes("The minister said “no” to the café plan.".encode("cp1252"), "w.txt")
    assert "“no”" in text and "café" in text
    assert note and "cp1252" in note


def test_no_body():
    with pytest.raises(NoBody):
        ingest_text("x", "Login\nSign up\n")


@pytest.mark.parametrize("first, title", [
    ("Poll: Candidates hold narrow leads in the state.", "Poll: Candidates hold narrow leads in the state."),
    ("Is the governor winning the race?", "Is the governor winning the race?"),
    # a first paragraph of two sentences, or one too long for a headline, is the story's
    ("The mayor spoke on Monday. She said little.", None),
    ("The mayor of the city spoke on Monday at a crowded meeting of the council about the budget, the schools, "
     "the roads and the new stadium.", None),
])
def test_a_short_first_line_with_a_full_stop_is_the_title(first, title):
    ing = ingest_text("t", first + "\n\nThe council met for three hours and voted on the budget in the end.\n\n"
                           "The vote was seven to two, with the mayor voting against it.\n")
    assert ing.article.title == title
    roles = [r.role for r in ing.regions]
    assert roles[0] == ("title" if title else "body") and roles.count("body") == (2 if title else 3)


DIGEST = """Polls of the week: a levy vote divides Harlan County

Our roundup of the week's polling and analysis.

-A new survey shows the levy 12 points behind in Harlan County. [Ledger]
-Dana Morrow thinks the county will vote the levy down by a wide margin. [Brannock Review]
-Share this digest with a friend [Share]

Local officials also answered the poll's critics, including Rep. Ray Lowell (D-Ky.):

"The numbers will move before the vote," he wrote.
"""


def test_a_digest_item_signed_with_a_source_tag_is_body():
    ing = ingest_text("digest", DIGEST)
    body = " ".join(r.text for r in ing.body_regions())
    assert "A new survey shows the levy 12 points behind" in body
    assert "Dana Morrow thinks the county will vote the levy down" in body
    # a line that opens a quotation with a colon after a bracket is prose too
    assert "including Rep. Ray Lowell (D-Ky.):" in body
    # page furniture with a tag is still furniture
    assert "Share this digest" not in body


def test_a_digest_item_holds_its_claims():
    from claims.pipeline import extract

    claims = [c for c in extract(ingest_text("digest", DIGEST)).claims if c.kind != "reporter"]
    got = {(c.source, c.cue, c.content) for c in claims}
    assert ("Dana Morrow", "thinks", "the county will vote the levy down by a wide margin") in got
    assert ("A new survey", "shows", "the levy 12 points behind in Harlan County") in got
