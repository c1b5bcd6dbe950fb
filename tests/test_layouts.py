"""Each layout of a verb cue on its own (claims/attribution/layouts.py): a sentence written for the test,
the cue verb read in it, and the one layout called directly."""
from __future__ import annotations

import pytest

from claims.attribution import Finder, layouts
from claims.attribution.text import trim_span
from claims.attribution.verbs import read_cue
from claims.ingest import ingest_text
from claims.segment import pair_quotes, parse_units, units_for

TITLE = "A headline for a test story about something\n\n"


def cue(sentence: str, verb: str):
    ing = ingest_text("t", TITLE + sentence + "\n")
    art = ing.article
    regions = ing.body_regions()
    quotes, _ = pair_quotes(art.text, regions)
    docs = parse_units(units_for(art.text, regions, quotes), art.id)
    f = Finder(docs, art)
    f.index_sentences()
    for doc, sent, si in f.sent_of:
        for v in sent:
            if v.text == verb:
                c = read_cue(f, doc, sent, si, v, layout_only=v.lemma_.lower() not in layouts.VERBS)
                assert c is not None, f"{verb!r} is no cue in {sentence!r}"
                c.q_intro = layouts.introduced_quote(f, doc, c.attr_hi, c.lem, c.layout_only)
                return c, art.text
    raise AssertionError(f"no {verb!r} in {sentence!r}")


def content(found, text):
    """The span a layout gives, trimmed of separators as verb_claim trims it."""
    (s, e), rule = found
    s, e = trim_span(text, s, e)
    return text[s:e], rule


@pytest.mark.parametrize("layout, sentence, verb, want", [
    (layouts.tail, "The talks had failed, two officials said.", "said", ("The talks had failed", "verb:tail")),
    (layouts.tail, "A comic tone, she said, would make it easier.", "said",
     ("A comic tone, she said, would make it easier", "verb:parenthetical")),
    (layouts.opener_parenthetical, "Still, he said, officials have to decide.", "said",
     ("officials have to decide", "verb:parenthetical")),
    (layouts.complement, "The minister said that the plan would cost more.", "said",
     ("the plan would cost more", "verb:complement")),
    (layouts.as_clause, "As the mayor noted, prices rose sharply.", "noted", ("prices rose sharply", "verb:as_clause")),
    (layouts.relative, "It is a change that he said would make it harder.", "said",
     ("would make it harder", "verb:relative")),
    (layouts.message_object, "He told the story of his father.", "told", ("the story of his father", "verb:object")),
    (layouts.object_content, "The minister denied the report.", "denied", ("the report", "verb:object")),
    (layouts.frame, "The governor plans to run for the Senate.", "plans", ("to run for the Senate", "verb:frame")),
    (layouts.introduced, 'The minister said: "We have no plans."', "said", ('"We have no plans."', "verb:colon_quote")),
    (layouts.passive_agent, "The ban was first reported by a local newspaper.", "reported", ("The ban", "verb:passive")),
    (layouts.passive_agent, "The plan was described by the mayor as reckless.", "described",
     ("The plan was described by the mayor as reckless", "verb:passive")),
    # a verdict with its author: the passive subject, and what it is praised or blamed for
    (layouts.passive_agent, "The plan was praised by the mayor.", "praised", ("The plan", "verb:passive")),
    (layouts.passive_agent, "The plan was criticized by the council for its cost.", "criticized",
     ("The plan was criticized by the council for its cost", "verb:passive")),
    (layouts.introduced, 'The crowd chanted "Lock the gates!" all night.', "chanted", ('"Lock the gates!"', "verb:quote_object")),
    (layouts.complement, 'He said "fake news" was the problem.', "said", ('"fake news" was the problem', "verb:complement")),
])
def test_one_layout(layout, sentence, verb, want):
    c, text = cue(sentence, verb)
    assert content(layout(c), text) == want


@pytest.mark.parametrize("layout, sentence, verb", [
    (layouts.tail, "The minister said that the plan would cost more.", "said"),  # the content is after the cue
    (layouts.complement, "The talks had failed, two officials said.", "said"),  # nothing after it
    (layouts.as_clause, "He arrived as she said goodbye to the guests.", "said"),  # a time clause
    (layouts.frame, "The governor plans a visit.", "plans"),  # no infinitive
    (layouts.introduced, 'The mayor rejected "a bad deal" on Monday.', "rejected"),  # no verb that introduces quotes
    (layouts.passive_agent, "He was praised by the mayor.", "praised"),  # a pronoun and no phrase of what for
    (layouts.passive_agent, "The law, which was announced by the governor, took effect.", "announced"),  # a relative pronoun
])
def test_a_layout_that_does_not_fit_says_none(layout, sentence, verb):
    c, _ = cue(sentence, verb)
    assert layout(c) is None


def test_a_quotation_split_by_its_cue_is_its_own_claim():
    c, text = cue('"We tried," he said, "but it was too late."', "said")
    assert layouts.split_quote(c)
    (cand,) = c.f.cands
    assert (text[cand.start:cand.end], cand.rule) == ('We tried," he said, "but it was too late.', "verb:split_quote")


def test_a_gerund_read_as_a_plural_noun_after_a_preposition_reports_nothing_unstated():
    """nouns.unstated_report: 'warnings' hung as the complement of 'in' is a gerund the parser misread (a
    pcomp), not a noun of speech that reports its that-clause with no one named; as a subject it does."""
    from spacy.tokens import Doc

    from claims.attribution import nouns
    from claims.lexicon import CUE_NOUNS
    from claims.segment import load_nlp

    words = ["They", "were", "right", "in", "warnings", "that", "the", "mill", "would", "close"]
    heads = [1, 1, 1, 2, 3, 9, 7, 9, 9, 4]
    deps = ["nsubj", "ROOT", "acomp", "prep", "pcomp", "mark", "det", "nsubj", "aux", "ccomp"]
    tags = ["PRP", "VBD", "JJ", "IN", "NNS", "IN", "DT", "NN", "MD", "VB"]
    doc = Doc(load_nlp().vocab, words=words, heads=heads, deps=deps, tags=tags)
    content = list(doc[6:10])
    assert not nouns.unstated_report(doc[4], CUE_NOUNS["warning"], None, content)
    deps[4] = "pobj"
    doc = Doc(load_nlp().vocab, words=words, heads=heads, deps=deps, tags=tags)
    assert nouns.unstated_report(doc[4], CUE_NOUNS["warning"], None, list(doc[6:10]))
