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


@pytest.mark.parametrize("entry, problem", [
    ({"act": "gossip", "preps": ["for"]}, "cue_nouns.blab.act: 'gossip' is not one of statement"),
    ({"act": "statement"}, "cue_nouns.blab: no content (give preps, infinitive or clause)"),
    ({"act": "statement", "clause": "yes"}, "cue_nouns.blab.clause: 'yes' is not true or false"),
    ({"act": "statement", "clause": True, "frames": ["clause"]}, "cue_nouns.blab: unknown key 'frames'"),
    ({"act": "statement", "clause": True, "light_only": "yes"}, "cue_nouns.blab.light_only: 'yes' is not true or false"),
    ({"act": "evaluation", "preps": ["at"], "verbs": [True]}, "cue_nouns.blab.verbs: True is not a word"),
])
def test_a_bad_cue_noun_is_named(entry, problem):
    with pytest.raises(lexicon.LexiconError) as e:
        lexicon._noun("cues.yml", "blab", entry)
    assert str(e.value).startswith("cues.yml: " + problem)


def test_a_cue_noun_reaches_the_prefilter_after_a_possessor():
    from claims.attribution import has_cue_hint

    assert lexicon.CUE_NOUN_FORMS["endorsements"] == "endorsement"
    assert has_cue_hint("The early endorsement of the mayor by the union mattered.") is False
    assert has_cue_hint("The union's early endorsement of the mayor mattered.") is True
    assert has_cue_hint("Her endorsement of the mayor mattered.") is True


def test_a_cue_noun_reaches_the_prefilter_after_a_light_verb():
    from claims.attribution import has_cue_hint

    assert has_cue_hint("The case for the levy was weak.") is False
    assert has_cue_hint("Morrow made a strong case for the levy.") is True
    assert has_cue_hint("The union renewed its old calls for an audit.") is True
    assert has_cue_hint("Morrow took a swipe at the board.") is True
    assert lexicon.CUE_NOUNS["swipe"].light_only  # a noun that names its light verbs is a cue only after them


def test_a_speech_noun_reaches_the_prefilter_before_its_that_clause():
    from claims.attribution import has_cue_hint

    assert has_cue_hint("Complaints that the bridge was unsafe reached the council.") is True
    assert has_cue_hint("Complaints about the bridge reached the council.") is False


def _sources_data(**change) -> dict:
    data = {k: list(v) if isinstance(v, list) else dict(v) for k, v in lexicon.load_yaml("sources.yml").items()}
    data.update(change)
    return data


def test_the_source_words_are_data_and_the_rules_read_them():
    from claims import attribution, sources

    assert "spokesman" in lexicon.SPOKES and "pollster" in lexicon.EXPERT and "readout" in lexicon.DOCUMENT
    assert lexicon.DEMONYMS["israeli"] == "Israel" and lexicon.NUMBER_WORDS["two"] == 2
    assert lexicon.MEDIA_NAMES.search("the Washington Post said") and not lexicon.MEDIA_NAMES.search("a post said")
    assert sources.OFFICIAL is lexicon.OFFICIAL and not hasattr(attribution, "OFFICIAL")


@pytest.mark.parametrize("change, problem", [
    ({"official": []}, "official: expected a non-empty list"),
    ({"expert": ["Economist"]}, "expert: 'Economist' is not lower case"),
    ({"group": ["critics", "critics"]}, "group: listed twice: critics"),
    ({"knowledge_basis": ["familiar (with"]}, "knowledge_basis: 'familiar (with' is not a regular expression"),
    ({"demonyms": {"Israeli": "Israel"}}, "demonyms.Israeli: expected a lower-case word and a name"),
    ({"number_words": {"two": "2"}}, "number_words.two: expected a lower-case word and a number"),
    ({"celebrities": ["star"]}, "unknown list(s): celebrities"),
    ({"abbreviations": ["mr", False]}, "abbreviations: False is not a word (quote on, off, yes and no in YAML)"),
])
def test_a_bad_source_list_is_named(change, problem):
    with pytest.raises(lexicon.LexiconError) as e:
        lexicon._check_sources("sources.yml", _sources_data(**change))
    assert str(e.value).startswith("sources.yml: " + problem)


def test_the_verb_lists_the_rules_read_are_data():
    assert lexicon.RECIPIENT_VERBS["tell"] == "object" and lexicon.RECIPIENT_VERBS["ask"] == "question"
    assert lexicon.RECIPIENT_VERBS["write"] == "dative" and "say" not in lexicon.RECIPIENT_VERBS
    assert {"raise", "voice"} <= lexicon.CONCERN_VERBS and "ask" in lexicon.QUESTION_VERBS
    assert "identify" in lexicon.DECLINE_ANONYMITY and lexicon.HEADLINE_PARTICLES["call"] == {"for", "on"}


@pytest.mark.parametrize("groups, problem", [
    ({"mailbox": ["tell"]}, "recipient_verbs.mailbox: not one of object, dative, question"),
    ({"object": ["blab"]}, "recipient_verbs.object: 'blab' is not a cue verb (add it under verbs)"),
    ({"object": ["tell"], "dative": ["tell"]}, "recipient_verbs: 'tell' is listed under both object and dative"),
    ({"object": [True]}, "recipient_verbs.object: True is not a word (quote on, off, yes and no in YAML)"),
])
def test_a_bad_recipient_verb_is_named(groups, problem):
    with pytest.raises(lexicon.LexiconError) as e:
        lexicon._recipients("cues.yml", groups, lexicon.VERBS)
    assert str(e.value).startswith("cues.yml: " + problem)


@pytest.mark.parametrize("sentence, recipient", [
    ("Dana Morrow told the Ledger that the count was wrong.", "the Ledger"),
    ("Dana Morrow wrote her that the count was wrong.", "her"),
    ("Ray Lowell warned Dana Morrow that the levy would fail.", "Dana Morrow"),
    ('"Is the count final?" Dana Morrow asked him.', "him"),
])
def test_the_recipient_verbs_put_the_person_addressed_in_its_field(sentence, recipient):
    from claims.ingest import ingest_text
    from claims.pipeline import extract

    claims = extract(ingest_text("t", "A headline for a test story\n\n" + sentence + "\n")).claims
    c = next(c for c in claims if c.kind != "reporter" and c.cue)
    assert c.recipient == recipient and recipient not in c.content


@pytest.mark.parametrize("lemma", ["say", "blab"])
def test_headline_particles_name_cue_verbs_that_need_a_construction(lemma):
    with pytest.raises(lexicon.LexiconError) as e:
        lexicon._particles("cues.yml", {lemma: ["for"]}, lexicon.VERBS)
    assert str(e.value).startswith(f"cues.yml: headline_particles.{lemma}: not a cue verb that needs a construction")


@pytest.mark.parametrize("value, problem", [
    (["make"], "light_verbs: expected a mapping of verbs to their irregular forms"),
    ({"make": "made"}, "light_verbs.make: expected a list of forms, not 'made'"),
    ({"have": []}, "light_verbs.have: listed in holding_verbs too"),
])
def test_a_bad_light_verb_list_is_named(value, problem):
    with pytest.raises(lexicon.LexiconError) as e:
        lexicon._verb_forms("cues.yml", "light_verbs", value, {"have": "holding_verbs"})
    assert str(e.value) == "cues.yml: " + problem


def test_a_verb_group_that_is_a_list_is_named():
    with pytest.raises(lexicon.LexiconError, match="recipient_verbs: expected a mapping"):
        lexicon._recipients("cues.yml", ["tell"], lexicon.VERBS)
    with pytest.raises(lexicon.LexiconError, match="headline_particles: expected a mapping"):
        lexicon._particles("cues.yml", ["call"], lexicon.VERBS)


def test_the_preposition_lists_the_rules_read_are_data():
    from claims.attribution import syntax

    assert "about" in lexicon.TOPIC_PREPOSITIONS
    assert {"for", "on", "upon"} <= lexicon.CALL_PREPOSITIONS
    assert syntax.VERDICT_PREPOSITIONS is lexicon.VERDICT_PREPOSITIONS and "of" in lexicon.VERDICT_PREPOSITIONS


def test_the_opinion_nouns_are_data_and_the_rules_read_them():
    from claims.attribution import prepositions

    assert prepositions.OPINIONS_IN is lexicon.OPINIONS_IN and {"view", "opinion"} <= lexicon.OPINIONS_IN


def test_the_words_that_belong_to_a_cue_are_data_and_checked():
    from claims.attribution import verbs

    assert verbs.CUE_WORDS is lexicon.CUE_WORDS
    assert lexicon.CUE_WORDS["push"]["advmod"] == {"back"} and "it" in lexicon.CUE_WORDS["put"]["dobj"]
    with pytest.raises(lexicon.LexiconError, match="cue_words.shrug: not a cue verb"):
        lexicon._cue_words("cues.yml", {"shrug": {"prep": ["off"]}}, lexicon.VERBS)
    with pytest.raises(lexicon.LexiconError, match=r"cue_words.push.nsubj: not one of prep, prt, advmod, dobj"):
        lexicon._cue_words("cues.yml", {"push": {"nsubj": ["it"]}}, lexicon.VERBS)
    with pytest.raises(lexicon.LexiconError, match="cue_words.push: expected a mapping"):
        lexicon._cue_words("cues.yml", {"push": ["for"]}, lexicon.VERBS)


def test_the_collection_nouns_are_data():
    from claims.attribution import syntax

    assert syntax.COLLECTION_NOUNS is lexicon.COLLECTION_NOUNS and {"body", "average", "batch"} <= lexicon.COLLECTION_NOUNS


def test_a_cue_noun_can_take_only_an_act_after_its_preposition():
    assert lexicon.CUE_NOUNS["hint"].gerund_only and not lexicon.CUE_NOUNS["sign"].gerund_only
    with pytest.raises(lexicon.LexiconError, match="gerund_only: 'yes' is not true or false"):
        lexicon._noun("cues.yml", "sign", {"act": "intention", "preps": ["of"], "gerund_only": "yes"})


def test_the_title_abbreviations_come_from_the_title_and_abbreviation_lists():
    forms = set(lexicon.TITLE_ABBREVIATIONS)
    assert {"Pres.", "Lt.", "Sens.", "Reps.", "Capt."} <= forms
    assert not {"Colo.", "Ltd.", "Calif.", "Inc."} & forms  # (a state or a company form ends sentences)


def test_the_cue_adjectives_are_data_checked_as_cue_nouns_and_reach_the_prefilter():
    from claims.attribution import has_cue_hint

    assert lexicon.CUE_ADJECTIVES["eager"].infinitive and lexicon.CUE_ADJECTIVES["skeptical"].preps
    assert {"be", "remain"} <= lexicon.LINKING_VERBS
    with pytest.raises(lexicon.LexiconError) as e:
        lexicon._noun("cues.yml", "glum", {"act": "belief"}, "cue_adjectives")
    assert str(e.value).startswith("cues.yml: cue_adjectives.glum: no content")
    assert has_cue_hint("The growers remain hopeful that the rain will come.") is True


def test_the_naming_verbs_are_data():
    assert [v.lemma for v in lexicon.VERBS.values() if v.names] == ["call"]
    entry = {"act": "evaluation", "frames": ["object"], "subject": "any", "names": "yes"}
    with pytest.raises(lexicon.LexiconError) as e:
        lexicon._verb("cues.yml", "dub", entry)
    assert str(e.value) == "cues.yml: verbs.dub.names: 'yes' is not true or false"


def test_quotation_only_nouns_take_a_quotation_and_the_flag_is_checked():
    assert lexicon.CUE_NOUNS["chant"].quotation_only and not lexicon.CUE_NOUNS["claim"].quotation_only
    with pytest.raises(lexicon.LexiconError, match="quotation_only: 'yes' is not true or false"):
        lexicon._noun("cues.yml", "chant", {"act": "statement", "preps": ["of"], "quotation_only": "yes"})


def test_the_comparison_openers_are_data_split_into_words():
    assert ("compared", "with") in lexicon.COMPARISON_OPENERS and ("versus",) in lexicon.COMPARISON_OPENERS
    assert all(w and all(x == x.lower() for x in w) for w in lexicon.COMPARISON_OPENERS)


def test_the_reply_openers_are_data_split_into_words():
    assert ("to", "which") in lexicon.REPLY_OPENERS


def test_the_example_prepositions_are_data():
    from claims.attribution import content

    assert content.EXAMPLE_PREPOSITIONS is lexicon.EXAMPLE_PREPOSITIONS and "including" in lexicon.EXAMPLE_PREPOSITIONS


def test_the_gerund_prepositions_are_data_split_into_words():
    from claims.attribution import syntax

    assert syntax.GERUND_PREPOSITIONS is lexicon.GERUND_PREPOSITIONS
    assert ("in", "addition", "to") in lexicon.GERUND_PREPOSITIONS and ("besides",) in lexicon.GERUND_PREPOSITIONS
    assert not {("from",), ("for",), ("of",)} & set(lexicon.GERUND_PREPOSITIONS)


def test_the_prepositions_after_out_are_data():
    from claims.attribution import frames

    assert frames.OUT_PREPOSITIONS is lexicon.OUT_PREPOSITIONS and {("against",), ("in", "favor", "of")} <= set(lexicon.OUT_PREPOSITIONS)


def test_the_amount_frame_is_a_frame_of_the_lexicon():
    assert "amount" in lexicon.FRAMES and "amount" in lexicon.VERBS["put"].frames


def test_the_agreement_and_amount_words_are_data():
    from claims.attribution import cues

    assert cues.AGREEMENT_PREPOSITIONS is lexicon.AGREEMENT_PREPOSITIONS and "with" not in lexicon.AGREEMENT_PREPOSITIONS
    assert {"to", "on"} <= lexicon.AGREEMENT_PREPOSITIONS
    assert cues.AMOUNT_PREPOSITIONS is lexicon.AMOUNT_PREPOSITIONS and "at" in lexicon.AMOUNT_PREPOSITIONS
    assert cues.AMOUNT_NEARNESS is lexicon.AMOUNT_NEARNESS and {"close", "near"} <= lexicon.AMOUNT_NEARNESS


def test_the_anonymity_reasons_are_lower_case_patterns_for_lower_cased_text():
    assert all(p == p.lower() for p in lexicon._S["anonymity_reasons"])
    assert not lexicon.REASON.flags & __import__("re").IGNORECASE
    assert lexicon.REASON.search("spoke on condition of anonymity because".lower())
    assert lexicon.REASON.search("Spoke On Condition Of Anonymity".lower())


def test_verbs_of_making_known_take_their_bare_passive_subject():
    assert "passive_subject" in lexicon.VERBS["announce"].frames and "passive_subject" not in lexicon.VERBS["say"].frames


def test_only_verbs_framed_for_it_take_the_noun_their_participle_modifies():
    assert "participle_np" in lexicon.VERBS["announce"].frames and "participle_np" not in lexicon.VERBS["report"].frames


def test_the_participle_subordinators_are_data():
    from claims.attribution import content, syntax

    assert content.PARTICIPLE_SUBORDINATORS is lexicon.PARTICIPLE_SUBORDINATORS is syntax.PARTICIPLE_SUBORDINATORS
    assert {"while", "before", "after"} <= lexicon.PARTICIPLE_SUBORDINATORS and "because" not in lexicon.PARTICIPLE_SUBORDINATORS


def test_the_report_subordinators_are_data():
    from claims.attribution import content

    assert content.REPORT_SUBORDINATORS is lexicon.REPORT_SUBORDINATORS
    assert {"when", "while"} <= lexicon.REPORT_SUBORDINATORS and not {"after", "before", "because"} & lexicon.REPORT_SUBORDINATORS


def test_verbs_of_warning_and_rebuttal_take_any_noun_as_their_speaker():
    assert {"warn", "caution", "counter", "state", "note"} <= lexicon.HUMAN_SUBJECT


def test_disclosures_regulations_suits_and_sites_are_source_words():
    assert {"disclosure", "headline", "missive", "page", "regulations", "suit"} <= lexicon.DOCUMENT
    assert {"reply", "banners"} <= lexicon.DOCUMENT and {"site", "affiliate"} <= lexicon.MEDIA


def test_the_prepositions_before_a_gerund_with_a_clause_are_data():
    from claims.attribution import syntax

    assert syntax.CLAUSE_GERUND_PREPOSITIONS is lexicon.CLAUSE_GERUND_PREPOSITIONS
    assert {"to", "of"} <= lexicon.CLAUSE_GERUND_PREPOSITIONS and "from" not in lexicon.CLAUSE_GERUND_PREPOSITIONS


def test_the_summing_openers_are_data_split_into_words():
    from claims.attribution import content

    assert content.SUMMING_OPENERS is lexicon.SUMMING_OPENERS
    assert ("another",) in lexicon.SUMMING_OPENERS and ("part", "of") in lexicon.SUMMING_OPENERS
    assert all(w and all(x == x.lower() for x in w) for w in lexicon.SUMMING_OPENERS)


def test_the_that_subordinator_adverbs_are_data():
    from claims.attribution import syntax

    assert syntax.THAT_SUBORDINATOR_ADVERBS is lexicon.THAT_SUBORDINATOR_ADVERBS
    assert {"so", "now"} <= lexicon.THAT_SUBORDINATOR_ADVERBS and "only" not in lexicon.THAT_SUBORDINATOR_ADVERBS


def test_the_nouns_that_take_an_in_phrase_are_data():
    from claims.attribution import content

    assert content.IN_NOUNS is lexicon.IN_NOUNS and {"rise", "role", "interest"} <= lexicon.IN_NOUNS
    assert not {"plan", "speech", "interview"} & lexicon.IN_NOUNS


def test_the_abbreviations_before_a_number_are_data():
    from claims import segment

    assert segment.NUMBER_ABBREVIATIONS is lexicon.NUMBER_ABBREVIATIONS
    assert {"No", "Vol", "Fig"} <= lexicon.NUMBER_ABBREVIATIONS and "Dr" not in lexicon.NUMBER_ABBREVIATIONS


def test_point_takes_an_object_only_after_its_particle():
    assert "particle_np" in lexicon.FRAMES
    assert "particle_np" in lexicon.VERBS["point"].frames and "np" not in lexicon.VERBS["point"].frames


def test_the_contraction_of_has_is_read_from_the_data_in_both_apostrophes():
    assert lexicon.CONTRACTED_HAS == {"'s", "\u2019s"}


def test_the_nouns_that_carry_written_words_are_data():
    from claims.attribution import syntax

    assert syntax.DISPLAY_NOUNS is lexicon.DISPLAY_NOUNS
    assert {"sign", "signs", "banner", "placard", "caption"} <= lexicon.DISPLAY_NOUNS
    assert not lexicon.DISPLAY_NOUNS & lexicon.DOCUMENT_NOUNS


def test_the_occasion_subordinators_are_data():
    from claims.attribution import quotations

    assert quotations.OCCASION_SUBORDINATORS is lexicon.OCCASION_SUBORDINATORS
    assert {"when", "after"} <= lexicon.OCCASION_SUBORDINATORS and not {"because", "although"} & lexicon.OCCASION_SUBORDINATORS


def test_circumstance_subordinators_load_and_leave_out_as():
    from claims.lexicon import CIRCUMSTANCE_SUBORDINATORS
    assert {"since", "after", "because", "although"} <= CIRCUMSTANCE_SUBORDINATORS
    assert "as" not in CIRCUMSTANCE_SUBORDINATORS


def test_subject_pronouns_load_as_subject_forms_only():
    from claims.lexicon import SUBJECT_PRONOUNS
    assert {"it", "they", "she"} <= SUBJECT_PRONOUNS
    assert not {"him", "them", "her"} & SUBJECT_PRONOUNS


def test_comparison_openers_hold_shares_that_are_about_the_same():
    assert ("about", "the", "same") in lexicon.COMPARISON_OPENERS and ("roughly", "the", "same") in lexicon.COMPARISON_OPENERS
