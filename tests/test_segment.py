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


@pytest.mark.parametrize("text, sentences", [
    # the parser cut this one before its if-clause: no cut after a word (nor inside a quoted title)
    ("Ray Lowell, a farmer, asked the mayor during a radio chat if she would sign his petition.", 1),
    # a sentence's end, and a heading in capitals run into the text, keep their cuts
    ("The levy passed. The mayor said it was fair.", 2),
    ("STATE OF THE RACE Dana Morrow leads the county by ten points, a poll says.", None),
])
def test_no_sentence_starts_right_after_a_word(text, sentences):
    from claims.segment import load_nlp, no_sentence_start_after_word

    nlp = load_nlp()
    doc = nlp(text)
    starts = [s[0] for s in doc.sents][1:]
    assert all(not (doc[t.i - 1].whitespace_ == " " and doc[t.i - 1].text[-1:].isalnum() and not doc[t.i - 1].text.isupper())
               for t in starts)
    if sentences is not None:
        assert len(list(doc.sents)) == sentences
    # the component alone: it marks every token after a lower-case word and one space as no sentence's start
    marked = no_sentence_start_after_word(nlp.make_doc("STATE OF PLAY Dana said so"))
    assert [t.is_sent_start for t in marked] == [True, None, None, None, False, False]
