"""A quotation whose speaker is named on the line under it, after a dash ('- Jane Doe.'): the line is body, not page
furniture, and it attributes the quotation (claims/ingest.py _signs_quotation, attribution/quotations.py
speaker_line). Sentences written for these tests."""
from __future__ import annotations

import pytest

from claims.ingest import ingest_text
from claims.pipeline import extract

LEAD = "A headline for a test story about the levy\n\nThe board met on Monday to talk about the levy and the budget.\n\n"
QUOTE = '"The levy will fail and the county knows it, whatever the board says this week."\n\n'
AFTER = "\n\nThe claim is an old one. It has been made since 2012.\n"


def claims_of(body: str):
    x = extract(ingest_text("t", LEAD + body))
    return [c for c in x.claims if c.kind != "reporter"], x.ingested


@pytest.mark.parametrize("line, source", [
    ("- Dana Morrow.", "Dana Morrow"),
    ("—Commissioner Dana Morrow", "Commissioner Dana Morrow"),
    ("-Dana Morrow, speaking in Harlan County.", "Dana Morrow"),
    ("- Morrow.", "Morrow"),
])
def test_a_dash_and_a_name_under_a_quotation_sign_it(line, source):
    claims, ing = claims_of(QUOTE + line + AFTER)
    got = [(c.rule, c.kind, c.source, c.content) for c in claims]
    assert got == [("quote:block", "direct", source,
                    "The levy will fail and the county knows it, whatever the board says this week.")]
    name = line.lstrip("-—– ")
    assert any(r.text == name and r.role in ("body", "bullet") for r in ing.regions)


def test_a_dash_and_a_name_under_a_sentence_of_the_reporter_are_a_sign_off():
    claims, ing = claims_of("The board said the levy would fail this week.\n\n- Dana Morrow.\n")
    assert [(c.source, c.content) for c in claims] == [("The board", "the levy would fail this week")]
    assert [r.role for r in ing.regions if r.text == "Dana Morrow."] == ["furniture"]
