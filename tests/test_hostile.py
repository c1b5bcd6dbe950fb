"""Hostile input: each defect of issue 14 found by attacking the build, with the input that showed it.

Every bad input is refused with one line naming it and the problem; the rest of the batch is stored."""
from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from claims.pipeline import build_atomic

GOOD = ("Bridge to reopen next week\n\nThe mayor said on Monday that the bridge would reopen next week after repairs "
        "were finished.\n\n“We are on schedule,” the city engineer told reporters at the site.\n")


def _stored(db: Path) -> list[str]:
    conn = sqlite3.connect(db)
    try:
        return [r[0] for r in conn.execute("select id from articles order by id")]
    finally:
        conn.close()


def _problems(rep) -> dict[str, str]:
    return {Path(name.split(":row")[0]).name + (":row" + name.split(":row")[1] if ":row" in name else ""): msg
            for name, msg in rep.problems}


def test_an_article_over_the_time_budget_is_skipped_and_the_batch_goes_on(tmp_path):
    from claims.segment import load_nlp

    load_nlp()  # the model's loading is not the articles' time
    d = tmp_path / "in"
    d.mkdir()
    (d / "a_long.txt").write_text("Quotes in every paragraph\n\n" + "\n\n".join(
        f"“We will rebuild bridge {i} by spring,” the mayor said." for i in range(3000)) + "\n")
    (d / "b_good.txt").write_text(GOOD)
    rep = build_atomic(tmp_path / "claims.db", [d], article_timeout=1.0)
    assert _stored(tmp_path / "claims.db") == ["b_good"]
    assert list(_problems(rep)) == ["a_long.txt"]
    msg = _problems(rep)["a_long.txt"]
    assert msg == f"{d / 'a_long.txt'}: extracting took longer than the time budget of 1 s per article (raise it with --article-timeout)"
