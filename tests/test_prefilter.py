"""The prefilter: only candidate sentences get the full parse, entities only where a source can be
named, and none of it changes what is extracted from the seeds and fixtures."""
from __future__ import annotations

from pathlib import Path

import pytest

from claims.attribution import entity_windows, find_claims, has_cue_hint
from claims.ingest import ingest_text
from claims.pipeline import Item, extract, read_item
from claims.segment import Unit, load_nlp, pair_quotes, parse_units, plan_unit, recognise_entities, units_for

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.mark.parametrize("text,expected", [
    ("The minister said the talks would resume.", True),
    ("Officials declined to comment.", True),
    ("She did not return calls seeking comment.", True),
    ("He could not be reached on Sunday.", True),
    ("The report states that 40 people died.", True),
    ("The leaders agreed that the deal was dead.", True),
    ("According to the ministry, 40 people died.", True),
    ("Prices rose 3 percent, per the Labor Department.", True),
    ("Secretary of State Antony Blinken arrived in Cairo on Monday.", False),
    ("The United States and its allies met in Geneva.", False),
    ("A return to the deal would unsettle its neighbours.", False),
    ("The leaders agreed to meet again in March.", True),
    ("Iranian assertiveness unsettles the region's counterparts.", False),
    ("The Washington Post is based in Washington.", False),
    ("The bridge opened after years of delay.", False),
])
def test_cue_hint(text, expected):
    assert has_cue_hint(text) is expected


def _units(body: str) -> list[Unit]:
    ing = ingest_text("t", "A headline for a test story\n\n" + body + "\n")
    art, regions = ing.article, ing.body_regions()
    quotes, _ = pair_quotes(art.text, regions)
    return [u for u in units_for(art.text, regions, quotes) if u.region.role == "body" and u.text in body]


def test_plan_parses_only_candidate_sentences():
    body = ("The bridge opened on Monday after years of delay. Traffic was heavy all day. "
            "The mayor said it was a great day for the city. Cars crawled along the river.")
    [unit] = _units(body)
    plan = plan_unit(unit)
    assert [(unit.text[a:b].strip(), full) for a, b, full in plan] == [
        ("The bridge opened on Monday after years of delay. Traffic was heavy all day.", False),
        ("The mayor said it was a great day for the city.", True),
        ("Cars crawled along the river.", False),
    ]
    assert plan[0][0] == 0 and plan[-1][1] == len(unit.text)
    assert all(b == a2 for (_, b, _), (a2, _, _) in zip(plan, plan[1:]))
    assert plan_unit(unit, prefilter=False) == [(0, len(unit.text), True)]


def test_plan_keeps_a_dash_signature_with_its_quote():
    [unit] = _units('"This rule is long overdue." —Commissioner Jane Doe')
    assert plan_unit(unit) == [(0, len(unit.text), True)]


def test_plan_joins_a_candidate_cut_after_an_abbreviation():
    # the cheap sentencizer ends a sentence at '(I-Vt.)'; the lower-case piece goes on from it
    body = ("Traffic was heavy all day. Sen. Jane Doe (I-Vt.) defended the bill, saying the system works.")
    [unit] = _units(body)
    plan = plan_unit(unit)
    assert [(unit.text[a:b].strip(), full) for a, b, full in plan] == [
        ("Traffic was heavy all day.", False),
        ("Sen. Jane Doe (I-Vt.) defended the bill, saying the system works.", True),
    ]
    x = extract(ingest_text("t", "A headline for a test story\n\n" + body + "\n"))
    assert [(c.source, c.cue, c.content) for c in x.claims if c.kind != "reporter"][-1] == (
        "Sen. Jane Doe", "saying", "the system works")


def test_plan_skips_units_without_cues():
    [unit] = _units("The bridge opened on Monday after years of delay.")
    assert plan_unit(unit) is None


def test_joined_doc_keeps_text_sentences_and_parse_where_it_was_parsed():
    body = ("The bridge opened on Monday after years of delay. "
            "The mayor said it was a great day. Traffic was heavy.")
    [unit] = _units(body)
    [doc] = parse_units([unit], "t")
    assert doc.text == unit.text
    assert [s.text for s in doc.sents] == ["The bridge opened on Monday after years of delay.",
                                           "The mayor said it was a great day.", "Traffic was heavy."]
    said = next(t for t in doc if t.text == "said")
    assert (said.lemma_, said.pos_, said.dep_) == ("say", "VERB", "ROOT")
    bridge = next(t for t in doc if t.text == "bridge")
    assert (bridge.pos_, bridge.dep_, bridge.head.text) == ("", "dep", "The")
    assert doc._.parsed and doc._.offset == unit.start


def test_entities_only_where_a_source_can_be_named():
    body = ('Tom Barrack met the delegation on Monday. "We will not back down," he said. '
            'State Department spokesman Ned Price said the talks would go on.')
    units = _units(body)
    docs = parse_units(units, "t", entities=False)
    assert all(not d.ents for d in docs)
    ing = ingest_text("t", "A headline for a test story\n\n" + body + "\n")
    cands = find_claims(docs, ing.article)
    windows = entity_windows(docs, cands)
    texts = [w.text for w in windows]
    assert any("Ned Price" in t for t in texts)
    assert not any(t.strip() == "he" for t in texts)  # a pronoun source needs no entities
    n = recognise_entities(windows)
    assert 0 < n < sum(len(d) for d in docs)
    persons = {e.text for d in docs for e in d.ents if e.label_ == "PERSON"}
    full = {e.text for e in load_nlp()(units[0].text).ents if e.label_ == "PERSON"}
    assert "Ned Price" in persons and full <= persons


def test_a_name_that_is_no_source_gets_a_narrower_window_than_a_source():
    body = ('The mayor said on Friday that Dana Morrow would run the new library. '
            'Library spokesman Ray Lowell said the doors would open in May.')
    units = _units(body)
    docs = parse_units(units, "t", entities=False)
    ing = ingest_text("t", "A headline for a test story\n\n" + body + "\n")
    cands = find_claims(docs, ing.article)
    texts = [w.text for w in entity_windows(docs, cands)]
    assert "Friday that Dana Morrow would run" in texts  # a possible antecedent: 2 words either side
    assert any(t.endswith("Ray Lowell said the doors would") for t in texts)  # a source: 4
    recognise_entities(entity_windows(docs, cands))
    assert {"Dana Morrow", "Ray Lowell"} <= {e.text for d in docs for e in d.ents if e.label_ == "PERSON"}


def _key(c):
    return c.model_dump(exclude={"run"})


@pytest.mark.parametrize("path", sorted((ROOT / "seeds").glob("*.txt")) + sorted((FIXTURES / "html").glob("*.html"))
                         + sorted((FIXTURES / "syndicated").glob("*.txt")), ids=lambda p: p.name)
def test_prefilter_changes_no_claim(path):
    """On the seeds and fixtures the prefiltered extraction equals the full parse, row for row."""
    ing = read_item(Item(name=str(path), path=path))
    fast = [_key(c) for c in extract(ing).claims if c.kind != "reporter"]
    full = [_key(c) for c in extract(ing, prefilter=False).claims if c.kind != "reporter"]
    assert fast and fast == full
    fast_src = [s.model_dump() for s in extract(ing).sources]
    assert fast_src == [s.model_dump() for s in extract(ing, prefilter=False).sources]
