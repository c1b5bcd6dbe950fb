"""The project's own small pipeline components in claims/segment.py: hyphenated names kept whole, cue verbs'
lemmas checked against the lexicon."""
import pytest


@pytest.mark.parametrize("text, tokens", [
    ("Dana Mae-lin Morrow met Ray Lowell-Smith-Vesey in Brannock.",
     ["Dana", "Mae-lin", "Morrow", "met", "Ray", "Lowell-Smith-Vesey", "in", "Brannock", "."]),
    ("A well-known clerk - and a self-made mayor - spoke.",  # lower case, spaced dashes: left alone
     ["A", "well", "-", "known", "clerk", "-", "and", "a", "self", "-", "made", "mayor", "-", "spoke", "."]),
    ("The X-ray of Tae-won", ["The", "X", "-", "ray", "of", "Tae-won"]),  # one letter is not a name
    ("Vesey-Morrow-", ["Vesey", "-", "Morrow-"]),
    ("Mae-lin", ["Mae-lin"]),
])
def test_hyphenated_names_stay_whole(text, tokens):
    from claims.segment import load_nlp, merge_hyphenated_names

    assert [t.text for t in merge_hyphenated_names(load_nlp().make_doc(text))] == tokens


def test_a_cue_verb_the_lemmatizer_misread_gets_the_lexicons_lemma():
    from claims.segment import load_nlp

    doc = load_nlp()("Ray Lowell retweeted the clerk's post and was retweeting it again on Monday.")
    assert {t.text: t.lemma_ for t in doc}["retweeted"] == "retweet"
    assert {t.text: t.lemma_ for t in doc}["retweeting"] == "retweet"
