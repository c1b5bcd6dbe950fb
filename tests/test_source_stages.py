"""The stages of ``claims.sources.describe_sources``, each alone: surnames that echo a full name, the reason given
for anonymity, the reporter's 'I', and a surname source resolved to the person named before."""
from __future__ import annotations

from claims.describe import Desc
from claims.ingest import ingest_text
from claims.pipeline import extract
from claims.sources import Mention, SurnameEchoes

TITLE = "A headline for a test story about something\n\n"


def sources_of(body: str):
    x = extract(ingest_text("t", TITLE + body + "\n"))
    return x.claims, x.sources


def test_a_surname_echoes_a_full_name_outside_quotations_only():
    text = 'Dana Morrow spoke first. Later Morrow left. "Morrow is fine," she said. Then Dana Morrow came back.'
    named = Mention("t:p0", 0, 11, "Dana Morrow", Desc(source_type="individual", anonymity="named",
                                                        person_name="Dana Morrow", name="Dana Morrow", count=1))
    quotes = [(text.index('"'), text.rindex('"') + 1)]
    found: list[Mention] = []
    echoes = SurnameEchoes(text, "t", quotes, found)
    echoes.echo(named)
    echoes.echo(named)  # (once per mention)
    # the bare surname after the first sentence, not the one inside the quotation, nor the one after 'Dana'
    assert [(m.start, m.text, m.antecedent is named) for m in found] == [(text.index("Morrow left"), "Morrow", True)]
    assert found[0].desc.person_name == "Dana Morrow"


def test_the_reason_for_anonymity_goes_to_the_unnamed_source_before_it():
    claims, sources = sources_of("Two county officials said the levy would fail. They asked not to be named because "
                                 "the board had barred comment on the count. Dana Morrow said it would pass.")
    reasons = {s.text: s.anonymity_reason for s in sources}
    assert reasons["Two county officials"].startswith("They asked not to be named")
    assert reasons["Dana Morrow"] is None


def test_an_i_outside_any_quotation_is_the_reporter():
    claims, sources = sources_of("I said the count was late.")
    assert [(c.source, c.source_type, c.content) for c in claims if c.kind != "reporter"] == [
        ("I", "reporter", "the count was late")]
    claims, _ = sources_of('"I said the count was late," Dana Morrow said.')
    assert [(c.source, c.source_type) for c in claims if c.kind != "reporter"] == [("Dana Morrow", "individual")]


def test_a_later_surname_source_is_the_person_named_before():
    claims, _ = sources_of('"The levy is fair," said Dana Morrow. Ray Lowell said it was not. Morrow said he was wrong.')
    assert [(c.source, c.source_name) for c in claims if c.kind != "reporter"] == [
        ("Dana Morrow", "Dana Morrow"), ("Ray Lowell", "Ray Lowell"), ("Morrow", "Dana Morrow")]
