"""A few consecutive articles share the model's steps (claims.extraction.extract_together): each article gets
exactly what ``extract`` gives it alone, in input order, and one article's failure stays its own."""
from __future__ import annotations

import pytest

import claims.extraction as extraction
from claims.errors import ClaimsError
from claims.ingest import ingest_text, read_file
from claims.pipeline import extract, extract_stage, iter_items, read_item

from .conftest import SEEDS

MADE_UP = {
    "ledger-schools": ("Harlan County will close two schools, Mayor Dana Morrow said on Monday.\n\n"
                       '"We have no other choice," Morrow told the Ledger. "The buildings are falling apart."\n\n'
                       "Two county officials, who asked not to be named because the talks are private, said the "
                       "vote could come next week."),
    "ledger-budget": ("Ray Lowell, the county's budget director, said the schools cost too much to run.\n\n"
                      "According to a report by the state auditor, the county spent $4 million on repairs last year.\n\n"
                      "Lowell added that the state would not help."),
    "ledger-quiet": "The county fair opens on Friday.\n\nTickets cost five dollars at the gate.",
    "ledger-brannock": ("Brannock Mills plans to hire 200 workers, the company announced.\n\n"
                        "Karen Lowell, a spokeswoman for Brannock, told reporters the plant would open in May."),
}


def _pairs():
    pairs = [(p.name, read_file(p)) for p in sorted(SEEDS.glob("*.txt"))]
    pairs += [(name, ingest_text(name, text)) for name, text in MADE_UP.items()]
    return pairs


def _rows(ex):
    return ([c.model_dump() for c in ex.claims], [s.model_dump() for s in ex.sources], ex.notes)


@pytest.fixture(scope="module")
def alone():
    return {name: _rows(extract(ing)) for name, ing in _pairs()}


@pytest.fixture
def parse_calls(monkeypatch):
    """The number of articles in each call of the shared parse."""
    calls: list[int] = []
    real = extraction.parse_pieces

    def spy(plans, **kw):
        calls.append(len(plans))
        return real(plans, **kw)

    monkeypatch.setattr(extraction, "parse_pieces", spy)
    return calls


def test_articles_parsed_together_get_what_each_gets_alone(alone, parse_calls):
    out = list(extraction.extract_together(_pairs()))
    assert [name for name, _, _ in out] == list(alone)
    assert {name: _rows(ex) for name, _, ex in out} == alone
    assert any(r[0] for r in alone.values())  # claims were found
    assert parse_calls == [len(alone)]  # one parse for all of them


def test_groups_are_bounded_in_articles_and_in_characters(alone, parse_calls, monkeypatch):
    monkeypatch.setattr(extraction, "TOGETHER_ARTICLES", 2)
    out = list(extraction.extract_together(_pairs()))
    assert {name: _rows(ex) for name, _, ex in out} == alone
    assert max(parse_calls) == 2 and sum(parse_calls) == len(alone)
    parse_calls.clear()
    monkeypatch.setattr(extraction, "TOGETHER_ARTICLES", 64)
    monkeypatch.setattr(extraction, "TOGETHER_CHARS", 1)  # every article has more to parse: each alone
    out = list(extraction.extract_together(_pairs()))
    assert {name: _rows(ex) for name, _, ex in out} == alone
    assert set(parse_calls) == {1}


def test_a_shared_step_that_fails_is_taken_again_article_by_article(alone, monkeypatch):
    real_parse, real_ner = extraction.parse_pieces, extraction.recognise_entities

    def parse(plans, **kw):
        if len(plans) > 1:
            raise RuntimeError("the parser failed on the batch")
        return real_parse(plans, **kw)

    def ner(windows, **kw):
        if len({w.doc._.article for w in windows}) > 1:
            raise RuntimeError("recognizer failed on the batch")
        return real_ner(windows, **kw)

    monkeypatch.setattr(extraction, "parse_pieces", parse)
    monkeypatch.setattr(extraction, "recognise_entities", ner)
    out = list(extraction.extract_together(_pairs()))
    assert {name: _rows(ex) for name, _, ex in out} == alone


def test_an_article_that_fails_a_step_fails_alone_and_in_its_place(alone, monkeypatch):
    real = extraction.find_claims

    def find_claims(docs, article):
        if article.id == "ledger-budget":
            raise ClaimsError("the rules failed on this one")
        return real(docs, article)

    monkeypatch.setattr(extraction, "find_claims", find_claims)
    pairs = _pairs()
    bad = ingest_text("ledger-broken", "A title\n\nThe mayor said the bridge would reopen.")
    bad.article.text = ""  # its regions point past its text: planning it fails
    pairs.insert(1, ("ledger-broken", bad))
    out = list(extraction.extract_together(pairs))
    assert [name for name, _, _ in out] == [name for name, _ in pairs]
    got = {name: ex for name, _, ex in out}
    assert isinstance(got.pop("ledger-broken"), Exception)
    assert str(got.pop("ledger-budget")) == "the rules failed on this one"
    assert {name: _rows(ex) for name, ex in got.items()} == {k: v for k, v in alone.items() if k != "ledger-budget"}


def test_the_build_stage_extracts_together_and_the_prefilter_can_be_off(parse_calls):
    pairs = [(item, read_item(item)) for item in iter_items([SEEDS])]
    out = list(extract_stage(iter(pairs)))
    assert [i.name for i, _, _ in out] == [i.name for i, _ in pairs]
    assert parse_calls == [len(pairs)]
    full = list(extract_stage(iter(pairs), prefilter=False))
    want = [_rows(extract(ing, prefilter=False)) for _, ing in pairs]
    assert [_rows(ex) for _, _, ex in full] == want


# The time budget (claims.budget): an article's steps share one budget, and a shared step's time is charged to
# each of its articles; one article's slowness is never charged to another.

BUDGET_MESSAGE = "ledger-budget: extracting took longer than the time budget of 1 s per article (raise it with --article-timeout)"


def _slow_for(article_id: str, real, seconds: float):
    import time

    def slow(*args, **kw):
        arts = {getattr(a, "id", None) for a in args} | {getattr(p, "article_id", None) for p in
                                                        (args[0] if args and isinstance(args[0], list) else [])}
        if article_id in arts:
            time.sleep(seconds)
        return real(*args, **kw)
    return slow


def test_an_article_over_its_budget_in_its_own_step_fails_alone(alone, monkeypatch):
    monkeypatch.setattr(extraction, "describe_sources", _slow_for("ledger-budget", extraction.describe_sources, 1.5))
    out = {name: ex for name, _, ex in extraction.extract_together(_pairs(), 1.0)}
    assert str(out.pop("ledger-budget")) == BUDGET_MESSAGE
    assert {name: _rows(ex) for name, ex in out.items()} == {k: v for k, v in alone.items() if k != "ledger-budget"}


def test_the_steps_of_an_article_share_its_budget(monkeypatch):
    # each of two steps takes 0.6 s: under the budget alone, over it together
    monkeypatch.setattr(extraction, "find_claims", _slow_for("ledger-budget", extraction.find_claims, 0.6))
    monkeypatch.setattr(extraction, "describe_sources", _slow_for("ledger-budget", extraction.describe_sources, 0.6))
    out = {name: ex for name, _, ex in extraction.extract_together(_pairs(), 1.0)}
    assert str(out["ledger-budget"]) == BUDGET_MESSAGE
    assert not any(isinstance(ex, Exception) for name, ex in out.items() if name != "ledger-budget")


def test_a_slow_article_in_a_shared_step_is_not_charged_to_the_others(alone, monkeypatch):
    calls: list[int] = []
    slow = _slow_for("ledger-budget", extraction.parse_pieces, 1.5)

    def parse(plans, **kw):
        calls.append(len(plans))
        return slow(plans, **kw)

    monkeypatch.setattr(extraction, "parse_pieces", parse)
    out = {name: ex for name, _, ex in extraction.extract_together(_pairs(), 1.0)}
    assert calls == [len(alone)] + [1] * len(alone)  # tried together first, over the budget; then each alone
    assert str(out.pop("ledger-budget")) == BUDGET_MESSAGE
    assert {name: _rows(ex) for name, ex in out.items()} == {k: v for k, v in alone.items() if k != "ledger-budget"}


def test_nothing_left_of_a_budget_is_over_it_at_once():
    from claims.budget import time_budget
    from claims.errors import ArticleTimeout

    ran = []
    with pytest.raises(ArticleTimeout, match="time budget of 5 s per article"):
        with time_budget(5, "a.txt", "extracting", left=0):
            ran.append(1)
    assert ran == []
    with time_budget(5, "a.txt", "extracting", left=2):
        ran.append(2)
    assert ran == [2]
