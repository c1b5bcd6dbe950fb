"""Tail attributions and the sentences they close, on sentences written for these tests (and, where the parser's
mistake depends on the very words, on a parse given token by token): a speaker the parser hung on the quotation's
last word, a tail read as an adverbial clause, a speaker left without a verb by an opening phrase, the verb of an
inverted tail read as an adjective, a that-clause read as a relative clause with 'that' as its object, a sentence that
opens with an attribution of its own, a quotation that a cue of the same speaker introduces, and a content
that would run on into the tail attribution after its closing quote mark."""
from __future__ import annotations

from claims.attribution.syntax import stranded_subject, subject_of, tail_read_as_clause
from tests.test_misparse_repairs import parsed, rows
from tests.test_patterns import claims_of


def test_a_speaker_hung_on_the_name_a_quotation_ends_on():
    # '"It was a fair vote, Mr. Mayor," Dana Morrow told him.' parsed with 'Mayor' (a vocative inside the quotation)
    # as the subject of 'told', and the speaker after the quote mark as its apposition
    doc = parsed([
        ("“", "``", "PUNCT", "punct", 13, "“", False), ("It", "PRP", "PRON", "nsubj", 2, "it", True),
        ("was", "VBD", "AUX", "ccomp", 13, "be", True), ("a", "DT", "DET", "det", 5, "a", True),
        ("fair", "JJ", "ADJ", "amod", 5, "fair", True), ("vote", "NN", "NOUN", "attr", 2, "vote", False),
        (",", ",", "PUNCT", "punct", 13, ",", True), ("Mr.", "NNP", "PROPN", "compound", 8, "Mr.", True),
        ("Mayor", "NNP", "PROPN", "nsubj", 13, "Mayor", False), (",", ",", "PUNCT", "punct", 8, ",", False),
        ("”", "''", "PUNCT", "punct", 8, "”", True), ("Dana", "NNP", "PROPN", "compound", 12, "Dana", True),
        ("Morrow", "NNP", "PROPN", "appos", 8, "Morrow", True), ("told", "VBD", "VERB", "ROOT", 13, "tell", True),
        ("him", "PRP", "PRON", "dobj", 13, "he", False), (".", ".", "PUNCT", "punct", 13, ".", False)], quoted=(0, 10))
    assert subject_of(doc[13]).text == "Morrow"


def test_a_speaker_after_the_quotation_is_found_whatever_the_parse():
    assert rows('"That was a good speech, Mr. President," Representative Dana Morrow told Mr. Lowell.') == [
        ("Representative Dana Morrow", "told Mr. Lowell", "direct", "verb:tail", "That was a good speech, Mr. President")]


def test_a_tail_read_as_an_adverbial_clause_of_the_sentence():
    # 'The levy made it possible for towns with small, if growing, budgets to repair roads, she said.' parsed with
    # 'said' an adverbial clause of 'made', taking 'for' as its subordinator and 'towns' as a second subject
    doc = parsed([
        ("The", "DT", "DET", "det", 1, "the", True), ("levy", "NN", "NOUN", "nsubj", 2, "levy", True),
        ("made", "VBD", "VERB", "ROOT", 2, "make", True), ("it", "PRP", "PRON", "nsubj", 4, "it", True),
        ("possible", "JJ", "ADJ", "ccomp", 2, "possible", True), ("for", "IN", "SCONJ", "mark", 19, "for", True),
        ("towns", "NNS", "NOUN", "nsubj", 19, "town", True), ("with", "IN", "ADP", "prep", 6, "with", True),
        ("small", "JJ", "ADJ", "pobj", 7, "small", False), (",", ",", "PUNCT", "punct", 19, ",", True),
        ("if", "IN", "SCONJ", "mark", 11, "if", True), ("growing", "VBG", "VERB", "advcl", 19, "grow", False),
        (",", ",", "PUNCT", "punct", 11, ",", True), ("budgets", "NNS", "NOUN", "conj", 11, "budget", True),
        ("to", "TO", "PART", "aux", 15, "to", True), ("repair", "VB", "VERB", "xcomp", 11, "repair", True),
        ("roads", "NNS", "NOUN", "dobj", 15, "road", False), (",", ",", "PUNCT", "punct", 19, ",", True),
        ("she", "PRP", "PRON", "nsubj", 19, "she", True), ("said", "VBD", "VERB", "advcl", 2, "say", False),
        (".", ".", "PUNCT", "punct", 2, ".", False)])
    assert tail_read_as_clause(doc[19]).text == "she"
    assert subject_of(doc[19]).text == "she"
    # an adverbial clause that is one ('..., as she said.') is not a tail read wrongly
    assert tail_read_as_clause(doc[11]) is None


def test_a_speaker_set_off_after_an_opening_phrase_before_a_perfect():
    # 'Like the mayor, two members of the board, Dana Morrow and Ray Lowell, have said they would oppose the levy.'
    # parsed with the speakers hung on 'mayor' as its apposition, and 'have said' left with no subject
    doc = parsed([
        ("Like", "IN", "ADP", "prep", 17, "like", True), ("the", "DT", "DET", "det", 2, "the", True),
        ("mayor", "NN", "NOUN", "pobj", 0, "mayor", False), (",", ",", "PUNCT", "punct", 2, ",", True),
        ("two", "CD", "NUM", "nummod", 5, "two", True), ("members", "NNS", "NOUN", "appos", 2, "member", True),
        ("of", "IN", "ADP", "prep", 5, "of", True), ("the", "DT", "DET", "det", 8, "the", True),
        ("board", "NN", "NOUN", "pobj", 6, "board", False), (",", ",", "PUNCT", "punct", 8, ",", True),
        ("Dana", "NNP", "PROPN", "compound", 11, "Dana", True), ("Morrow", "NNP", "PROPN", "conj", 8, "Morrow", True),
        ("and", "CC", "CCONJ", "cc", 11, "and", True), ("Ray", "NNP", "PROPN", "compound", 14, "Ray", True),
        ("Lowell", "NNP", "PROPN", "conj", 11, "Lowell", False), (",", ",", "PUNCT", "punct", 2, ",", True),
        ("have", "VBP", "AUX", "aux", 17, "have", True), ("said", "VBN", "VERB", "ROOT", 17, "say", True),
        ("they", "PRP", "PRON", "nsubj", 20, "they", True), ("would", "MD", "AUX", "aux", 20, "would", True),
        ("oppose", "VB", "VERB", "ccomp", 17, "oppose", True), ("the", "DT", "DET", "det", 22, "the", True),
        ("levy", "NN", "NOUN", "dobj", 20, "levy", False), (".", ".", "PUNCT", "punct", 17, ".", False)])
    assert stranded_subject(doc[17]).text == "members"
    assert subject_of(doc[17]).text == "members"


def test_the_verb_of_an_inverted_tail_read_as_an_adjective_of_the_speaker():
    assert rows('"Not this year," tweeted county spokesman Ray Lowell.') == [
        ("county spokesman Ray Lowell", "tweeted", "direct", "verb:tail", "Not this year")]


def test_a_that_clause_read_as_a_relative_clause_of_a_place():
    # the parser hangs the clause on 'spot' and makes 'that' its object (of no preposition)
    assert rows("The mayor told customers at a popular breakfast spot that she needs them tomorrow.") == [
        ("The mayor", "told", "indirect", "verb:complement", "she needs them tomorrow")]


def test_a_tail_after_a_sentence_that_opens_with_its_own_attribution():
    assert rows("Other council members said they back the levy, but they would not campaign for it, the clerk said.") == [
        ("Other council members", "said", "indirect", "verb:complement", "they back the levy"),
        ("the clerk", "said", "indirect", "verb:tail", "they would not campaign for it")]
    # one attribution with a clause of its own after 'and' is not cut
    assert rows("The clerk said the roads were closed, and the mayor said they would reopen soon.") == [
        ("The clerk", "said", "indirect", "verb:complement", "the roads were closed"),
        ("the mayor", "said", "indirect", "verb:complement", "they would reopen soon")]


def test_a_quotation_introduced_by_the_speakers_own_cue_before_the_tail():
    assert rows('Dana Morrow said the vote was close but added, "We will win this fight," Morrow said.') == [
        ("Dana Morrow", "said", "indirect", "verb:complement", "the vote was close"),
        ("Dana Morrow", "added", "direct", "verb:colon_quote", "We will win this fight")]
    # another's report of a quotation keeps the whole sentence ...
    [tail, said] = claims_of('At the hearing, Morrow shrugged and replied, "Not today," the Ledger reported.')
    assert (tail.source, tail.cue, tail.rule) == ("the Ledger", "reported", "verb:tail")
    assert (said.source, said.content, said.parent) == ("Morrow", "Not today", tail.id)
    # ... and so does a passive before the quotation
    [c] = claims_of("Little Ray, as he was nicknamed, ''kept to himself at school,'' Ms. Morrow said.")
    assert (c.source, c.cue, c.rule) == ("Ms. Morrow", "said", "verb:tail")
    assert c.content.startswith("Little Ray, as he was nicknamed")


def test_a_content_stops_before_the_tail_attribution_after_its_quote_mark():
    [tail, said] = claims_of('Morrow said the plan would "hurt every farmer in the county," the Ledger reported.')
    assert (tail.source, tail.cue, tail.content) == (
        "the Ledger", "reported", 'Morrow said the plan would "hurt every farmer in the county,"')
    assert (said.source, said.content, said.parent) == (
        "Morrow", 'the plan would "hurt every farmer in the county,"', tail.id)
