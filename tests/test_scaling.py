"""Work grows linearly with hostile input: many quoted paragraphs, a paragraph of quote marks, a long
chain of mentions referring back. Work is counted, not timed: the lines of the extraction's own
modules that run (sys.settrace on claims/segment.py, sources.py, spans.py and the attribution package), for an
input and for one four times its size. Linear work gives a ratio of about 4; the quadratic paths
these replaced gave 7 to 16."""
from __future__ import annotations

import random
import sys

from claims.ingest import ingest_text
from claims.pipeline import extract

MODULES = ("claims/segment.py", "claims/sources.py", "claims/spans.py")
PACKAGES = ("claims/attribution/",)


def lines_run(text: str) -> int:
    n = 0

    def local(frame, event, arg):
        nonlocal n
        if event == "line":
            n += 1
        return local

    def calls(frame, event, arg):
        name = frame.f_code.co_filename
        return local if name.endswith(MODULES) or any(p in name for p in PACKAGES) else None

    ing = ingest_text("t", text, "t.txt")
    sys.settrace(calls)
    try:
        extract(ing)
    finally:
        sys.settrace(None)
    return n


def quoted_paragraphs(n: int) -> str:
    return "Quotes in every paragraph\n\n" + "\n\n".join(
        f"“We will rebuild bridge {i} by spring,” the mayor said." for i in range(n)) + "\n"


def quote_storm(n: int) -> str:
    rnd = random.Random(3)
    words = "the council said that the plan would fail because nobody wanted it".split()
    return ("A paragraph of quote marks\n\nThe mayor said the budget was balanced on Monday after a long meeting.\n\n"
            + " ".join(f'"{rnd.choice(words)}' for _ in range(n)) + ".\n")


def test_quoted_paragraphs_cost_linear_work():
    # each "the mayor" refers back to the one before: a chain as long as the article
    small, large = lines_run(quoted_paragraphs(100)), lines_run(quoted_paragraphs(400))
    assert large / small < 5, (small, large)


def test_quote_storm_costs_linear_work():
    small, large = lines_run(quote_storm(2500)), lines_run(quote_storm(10000))
    assert large / small < 5.5, (small, large)


def test_a_chain_of_references_longer_than_the_recursion_limit():
    from claims.sources import Desc, Mention, merged

    root = Mention("a:s0", 0, 9, "the mayor", Desc(source_type="official", anonymity="identifiable", head="mayor", count=1))
    m = root
    for i in range(1, 3 * sys.getrecursionlimit()):
        nxt = Mention(f"a:s{i}", 10 * i, 10 * i + 9, "the mayor", Desc(source_type="official", anonymity="identifiable",
                                                                        head="mayor", count=1))
        nxt.antecedent = m
        m = nxt
    d = merged(m)
    assert (d.source_type, d.anonymity, d.head, d.count) == ("official", "identifiable", "mayor", 1)


def long_article(n: int) -> str:
    """n sentences, ten a paragraph; every fifth a quotation of a speaker named in full (the same four
    names over and over), as in the 50,000-sentence article of the hostile corpus."""
    names = ["Ann Lee", "Grace Novak", "Lucia Rossi", "Noa Levi"]
    sents = [f"“We will finish section {k},” engineer {names[k % 4]} said." if k % 5 == 0 else
             f"Crews worked on section {k} of the bridge." for k in range(n)]
    return "A long article\n\n" + "\n\n".join(" ".join(sents[i:i + 10]) for i in range(0, n, 10)) + "\n"


def test_a_long_article_with_named_speakers_costs_linear_work():
    small, large = lines_run(long_article(600)), lines_run(long_article(2400))
    assert large / small < 5, (small, large)
