"""The cue lexicon is data (claims/data/cues.yml): every rule and the prefilter read it."""
from __future__ import annotations

import pytest

from claims import lexicon
from claims.attribution import CONDITIONS, CUE_WORDS


def test_every_cue_verb_reaches_the_prefilter():
    for lemma in lexicon.SPEECH_LEMMAS | lexicon.DECLINE_LEMMAS:
        assert lexicon.verb_forms(lemma) <= CUE_WORDS, lemma


def test_constructions_named_in_the_data_exist_in_the_rules():
    assert {v.only_with for v in lexicon.VERBS.values() if v.only_with} <= set(CONDITIONS)


def test_forms_map_back_to_their_lemma():
    forms = lexicon.form_to_lemma()
    assert (forms["said"], forms["told"], forms["denies"], forms["declined"], forms["worried"]) == (
        "say", "tell", "deny", "decline", "worry")


@pytest.mark.parametrize("entry, problem", [
    ({"act": "gossip", "frames": ["clause"], "subject": "any"}, "verbs.blab.act: 'gossip' is not one of statement"),
    ({"act": "statement", "frames": [], "subject": "any"}, "verbs.blab: no frames"),
    ({"act": "statement", "frames": ["poem"], "subject": "any"}, "verbs.blab.frames: 'poem' is not one of clause"),
    ({"act": "statement", "frames": ["prep"], "subject": "any", "preps": [True]},
     "verbs.blab.preps: True is not a word (quote on, off, yes and no in YAML)"),
])
def test_a_bad_entry_is_named(entry, problem):
    with pytest.raises(lexicon.LexiconError) as e:
        lexicon._verb("cues.yml", "blab", entry)
    assert str(e.value).startswith("cues.yml: " + problem)
