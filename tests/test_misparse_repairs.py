"""Rules that read past a misparse or finish a content the parser cut short, on sentences written for these tests
(and, where the parser's mistake depends on the very words, on a parse given token by token): a condition, a naming
phrase or a degree's infinitive hung on the cue verb, a verb of speech joined to an object, a question put in a
sentence of its own or opened by a wh-word read as an object, a noun's infinitive after a tail attribution, the
subject of a parenthetical attribution joined to the phrase before it, a share read as a measure, a speaker read as
the noun of a relative clause, a participle hung on the quotation after it, a clause of time after a quotation's
tail, and quote marks glued to the words around them."""
from __future__ import annotations

import pytest
from spacy.tokens import Doc

from claims.attribution.syntax import subject_of
from claims.segment import load_nlp
from tests.test_patterns import claims_of


def rows(body: str):
    return [(c.source, c.cue, c.kind, c.rule, c.content) for c in claims_of(body)]


def parsed(tokens, quoted=None) -> Doc:
    """A Doc with the parse given token by token: (word, tag, pos, dep, head, lemma, space after); ``quoted`` the
    first and last token of a quotation."""
    words, tags, pos, deps, heads, lemmas, spaces = zip(*tokens)
    doc = Doc(load_nlp().vocab, words=list(words), spaces=list(spaces), tags=list(tags), pos=list(pos),
              deps=list(deps), heads=list(heads), lemmas=list(lemmas))
    if quoted:
        doc._.quotes = [(doc[quoted[0]].idx, doc[quoted[1]].idx + len(doc[quoted[1]]))]
    return doc


@pytest.mark.parametrize("sentence, content", [
    ("Dana Morrow called the levy dead unless the county pays.", "the levy dead unless the county pays"),
    ("The mayor never mentioned Dana Morrow by name during the speech.", "Dana Morrow by name"),
    ("Lowell praised the clerk by name in his remarks.", "the clerk by name"),
    ("Lowell blamed the council for not doing enough to help lower the price of feed.",
     "the council for not doing enough to help lower the price of feed"),
    ("Ray Lowell said he would back Dana Morrow if she wins the primary.", "he would back Dana Morrow if she wins the primary"),
])
def test_a_condition_naming_phrase_or_degree_hung_on_the_cue_is_content(sentence, content):
    [c] = claims_of(sentence)
    assert c.content == content


def test_a_time_or_place_after_the_object_stays_out():
    [c] = claims_of("The mayor mentioned Dana Morrow in a speech on Tuesday.")
    assert c.content == "Dana Morrow"


def test_a_verb_of_speech_joined_to_the_object_before_it():
    # (the parser hangs 'joked' on 'brogue' as another item, and the quotation on 'adopted')
    assert rows("She then adopted a thick Irish brogue and joked, “Sure, I’ll just make it quick for the lot of you.”") == [
        ("She", "joked", "direct", "verb:colon_quote", "Sure, I’ll just make it quick for the lot of you.")]


def test_a_question_put_to_the_subject_opened_by_a_wh_word_read_as_its_object():
    assert rows("Dana Morrow was once asked which of the county's roads she would repave first.") == [
        (None, "was asked", "indirect", "verb:question", "which of the county's roads she would repave first")]


def test_a_question_in_a_sentence_of_its_own_before_was_asked():
    assert rows("Why is the mill still closed? Dana Morrow was asked.") == [
        (None, "was asked", "indirect", "verb:question", "Why is the mill still closed?")]
    # not a statement before it, nor one in another paragraph
    assert rows("The mill is still closed. Dana Morrow was asked.") == []
    assert rows("Why is the mill still closed?\n\nDana Morrow was asked.") == []


def test_a_nouns_infinitive_after_a_tail_attribution():
    assert rows("He could not find one willing buyer, he said, on condition of anonymity to speak frankly about his "
                "firm's owner.") == [("he", "said", "indirect", "verb:tail", "He could not find one willing buyer")]


def test_the_subject_of_a_parenthetical_joined_to_the_phrase_before_it():
    [c] = claims_of("The reason for the slump at the mill, farm owners and workers say, is simple: the price of feed and "
                    "a shortage of drivers.")
    assert (c.source, c.cue, c.rule) == ("farm owners and workers", "say", "verb:parenthetical")
    assert c.content.startswith("The reason for the slump at the mill") and c.content.endswith("a shortage of drivers")
    # a list that goes on is no source
    assert claims_of("The plan helps farmers, ranchers and union members, is cheap and lasts.") == []


def test_a_share_read_as_a_measure_is_the_source():
    assert rows("Less than a third agreed that the levy should be cut.") == [
        ("Less than a third", "agreed", "indirect", "verb:complement", "the levy should be cut")]


def test_a_speaker_read_as_the_noun_of_a_relative_clause_before_a_quotation():
    # 'When Morrow greeted the crowd, a man yelled "Stay back!"' parsed as 'a man (who) yelled' subject of 'Stay'
    doc = parsed([
        ("When", "WRB", "SCONJ", "advmod", 2, "when", True), ("Morrow", "NNP", "PROPN", "nsubj", 2, "Morrow", True),
        ("greeted", "VBD", "VERB", "advcl", 10, "greet", True), ("the", "DT", "DET", "det", 4, "the", True),
        ("crowd", "NN", "NOUN", "dobj", 2, "crowd", False), (",", ",", "PUNCT", "punct", 10, ",", True),
        ("a", "DT", "DET", "det", 7, "a", True), ("man", "NN", "NOUN", "nsubj", 10, "man", True),
        ("yelled", "VBD", "VERB", "acl", 7, "yell", True), ("“", "``", "PUNCT", "punct", 10, "“", False),
        ("Stay", "VB", "VERB", "ROOT", 10, "stay", True), ("back", "RB", "ADV", "advmod", 10, "back", False),
        ("!", ".", "PUNCT", "punct", 10, "!", False), ("”", "''", "PUNCT", "punct", 10, "”", False)], quoted=(9, 13))
    assert subject_of(doc[8]).text == "man"


def test_a_participle_hung_on_the_quotation_goes_with_the_sentences_verb():
    # 'Morrow seemed ready to grin at the rain, telling the crowd, "Some folks get wet!"', the participle parsed as
    # a modifier of the quotation's verb
    doc = parsed([
        ("Morrow", "NNP", "PROPN", "nsubj", 1, "Morrow", True), ("seemed", "VBD", "VERB", "ROOT", 1, "seem", True),
        ("ready", "JJ", "ADJ", "acomp", 1, "ready", True), ("to", "TO", "PART", "aux", 4, "to", True),
        ("grin", "VB", "VERB", "xcomp", 2, "grin", True), ("at", "IN", "ADP", "prep", 4, "at", True),
        ("the", "DT", "DET", "det", 7, "the", True), ("rain", "NN", "NOUN", "pobj", 5, "rain", False),
        (",", ",", "PUNCT", "punct", 1, ",", True), ("telling", "VBG", "VERB", "advcl", 16, "tell", True),
        ("the", "DT", "DET", "det", 11, "the", True), ("crowd", "NN", "NOUN", "dobj", 9, "crowd", False),
        (",", ",", "PUNCT", "punct", 16, ",", True), ("“", "``", "PUNCT", "punct", 16, "“", False),
        ("Some", "DT", "DET", "det", 15, "some", True), ("folks", "NNS", "NOUN", "nsubj", 16, "folk", True),
        ("get", "VBP", "VERB", "advcl", 1, "get", True), ("wet", "JJ", "ADJ", "acomp", 16, "wet", False),
        ("!", ".", "PUNCT", "punct", 16, "!", False), ("”", "''", "PUNCT", "punct", 16, "”", False)], quoted=(13, 19))
    assert subject_of(doc[9]).text == "Morrow"


def test_a_clause_of_time_after_a_quotations_tail_is_not_what_was_said():
    [c] = claims_of("“Dana Morrow is dodging the town hall. Why? She fears hard questions,” a narrator says as a picture "
                    "of a vacant stage appears.")
    assert (c.source, c.cue, c.kind, c.rule) == ("a narrator", "says", "direct", "verb:tail")
    assert c.content == "Dana Morrow is dodging the town hall. Why? She fears hard questions"
    # without a quotation before it, a clause after the cue is what was said, its own clause of time included
    [c] = claims_of("Dana Morrow said when she arrived, the doors were locked.")
    assert c.content == "when she arrived, the doors were locked"


@pytest.mark.parametrize("text", ["Morrow said,“Look, the levy is fair to every farmer.”",
                                  'Morrow said:"Look, the levy is fair to every farmer."'])
def test_a_quote_mark_glued_to_the_words_around_it(text):
    [c] = claims_of(text)
    assert (c.source, c.cue, c.kind, c.content) == ("Morrow", "said", "direct", "Look, the levy is fair to every farmer.")
