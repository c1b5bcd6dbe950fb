"""General rules of English news attribution, on sentences written for these tests (not the seeds)."""
from __future__ import annotations

import pytest

from claims.ingest import ingest_text
from claims.pipeline import extract

TITLE = "A headline for a test story about something\n\n"


def claims_of(body: str, title: str = TITLE):
    x = extract(ingest_text("t", title + body + "\n"))
    text = x.ingested.article.text
    for c in x.claims:
        assert text[c.start:c.end] == c.content
    return [c for c in x.claims if c.kind != "reporter"]


# (sentence, source, kind, content contains, source_type, anonymity)
CASES = [
    ('"We will not back down," she said, "and we will win this fight."', "she", "direct", "we will win", None, None),
    ('"The economy is recovering," said Jane Doe, chief economist at the Federal Reserve Bank of Boston.',
     "Jane Doe, chief economist at the Federal Reserve Bank of Boston", "direct", "economy is recovering", "official", "named"),
    ('The minister said: "We have no plans to raise taxes this year."', "The minister", "direct", "no plans", "official", None),
    ("The company said in a statement that it would cut 500 jobs by the end of the year.", "The company", "indirect",
     "cut 500 jobs", "organization", None),
    ("Critics say the plan will raise costs for families.", "Critics", "indirect", "raise costs", "group", "bare"),
    ("Experts say the new rules are unlikely to survive a court challenge.", "Experts", "indirect", "unlikely", "expert", "bare"),
    ("Polls show that most voters oppose the measure.", "Polls", "indirect", "most voters", "document", None),
    ("The mayor denied that he had known about the contract.", "The mayor", "indirect", "known about", "official", "identifiable"),
    ("The ministry did not respond to a request for comment.", "The ministry", "declined", "request", "organization", None),
    ("Smith could not be reached for comment on Tuesday.", "Smith", "declined", "comment", None, "named"),
    ("Google and Yahoo say they will comply with the ruling.", "Google and Yahoo", "indirect", "comply", "organization", "named"),
    ("The cuts were announced by Bay Financial, which said it may be forced to file for bankruptcy.", "Bay Financial",
     "indirect", "forced to file", "organization", "named"),
    ("Two people briefed on the matter told Reuters that the deal could be announced next week.",
     "Two people briefed on the matter", "indirect", "deal could be announced", None, "vague"),
    ("According to a report by the International Energy Agency, oil demand will peak by 2030.",
     "a report by the International Energy Agency", "according_to", "oil demand", "document", "named"),
    ("The president was quoted as saying that the talks had failed.", "The president", "indirect", "talks had failed",
     "official", "identifiable"),
    ("Residents told the BBC they had heard explosions overnight.", "Residents", "indirect", "heard explosions", "group", "bare"),
    ('"This rule protects consumers and it is long overdue." —Commissioner Geoffrey Starks',
     "Commissioner Geoffrey Starks", "direct", "protects consumers", "official", "named"),
]


@pytest.mark.parametrize("sentence,source,kind,content,source_type,anonymity", CASES, ids=[c[0][:40] for c in CASES])
def test_pattern(sentence, source, kind, content, source_type, anonymity):
    found = [c for c in claims_of(sentence) if c.source == source and c.kind == kind]
    assert found, [(c.source, c.kind, c.content) for c in claims_of(sentence)]
    c = found[0]
    assert content in c.content
    if source_type:
        assert c.source_type == source_type
    if anonymity:
        assert c.anonymity == anonymity


def test_told_recipient_is_channel():
    (c,) = claims_of("Two people briefed on the matter told Reuters that the deal could be announced next week.")
    assert c.recipient == "Reuters" and c.channel == "told_other_outlet" and "Reuters" not in c.content


def test_citing_nests_the_cited_source():
    cs = claims_of("The New York Times reported, citing three officials, that the envoy would resign.")
    outer = [c for c in cs if c.source == "The New York Times"][0]
    inner = [c for c in cs if c.source == "three officials"][0]
    assert outer.source_type == "media" and inner.kind == "according_to" and inner.parent == outer.id


def test_non_source_subjects_and_units_are_not_attributions():
    assert claims_of("Oil prices rose 3 per cent on Monday after the announcement.") == []
    assert claims_of("The meeting underscored the tension between the two governments.") == []


def test_passive_without_source_is_bare():
    (c,) = claims_of("It is said that the king never left the palace.")
    assert c.source is None and c.anonymity == "bare"


def test_denial_has_negative_polarity():
    (c,) = claims_of("The mayor denied that he had known about the contract.")
    assert c.polarity == "negative" and c.stance == "denial"


def test_pronouns_and_anaphora_take_their_antecedent():
    cs = claims_of("Acme Corp. said it would close two plants. The company, which employs 4,000 people, said the "
                   "closures were needed. It added that no jobs would be lost.")
    assert [c.source_name for c in cs] == ["Acme Corp."] * 3


def test_quote_continuing_across_paragraphs_inherits_the_speaker():
    cs = claims_of('Finance Minister Anna Berg said on Monday that taxes would fall.\n\n"We have done the work. '
                   'The numbers add up.\n\n"Now families will see the benefit," Berg said.')
    cont = [c for c in cs if c.inherited]
    assert cont and cont[0].source_name == "Anna Berg" and cont[0].kind == "direct" and cont[0].cue == ""
    assert {c.source_name for c in cs} == {"Anna Berg"}


def test_bullets_under_an_attributed_lead_inherit_it():
    cs = claims_of("Officials said the plan includes three parts:\n\n  • A tax credit for families with children.\n"
                   "  • New funding for rural hospitals and clinics.\n\nThe plan must still pass the Senate.")
    inh = [c for c in cs if c.inherited]
    assert len(inh) == 2 and all(c.source == "Officials" for c in inh)
    assert not any("pass the Senate" in c.content for c in cs)


def test_headline_attribution_counts():
    x = extract(ingest_text("t", "Minister says tax cuts will come next year\n\nThe budget was published on Monday "
                                 "after weeks of talks.\n"))
    assert any(c.cue == "says" and "tax cuts" in c.content for c in x.claims)


def test_section_labels_are_never_sources():
    cs = claims_of('Why it matters: The vote could decide the election, officials said.\n\nWhat they\'re saying: '
                   '"We are ready," the governor said.')
    assert all("matters" not in (c.source or "") and "saying" not in (c.source or "") for c in cs)
    assert {c.source for c in cs} == {"officials", "the governor"}


@pytest.mark.parametrize("text", [
    'He said "this is " odd " and "unbalanced.',
    "“Curly open never closed, the man said.",
    'Glued quotes."Then more text" she said.Another sentence here.',
    '""""',
    "She said: “",
])
def test_odd_quote_marks_never_crash(text):
    for c in claims_of(text + " And the rest of the paragraph follows here."):
        assert c.content
