"""Inputs: HTML pages, JSONL/CSV batches, folders and standard input (issue 6)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from claims.errors import InputError, MalformedInput, NoBody
from claims.html import read_html_file
from claims.pipeline import extract, iter_items, read_item

FIX = Path(__file__).resolve().parent / "fixtures"
HTML = FIX / "html"


@pytest.mark.parametrize("name,expect", [
    ("agency_portal", dict(outlet="The Associated Press", publisher="Daily Herald Online", byline="Matthew Lee",
                           published="2021-09-23", url="https://www.dailyherald.example/world/us-iran-talks-resume-2021-09-23",
                           title="US says Iran talks could resume within weeks")),
    ("liveblog", dict(outlet="Coastal Times", publisher=None, byline="Rosa Delgado and Tom Becker", published="2023-08-29")),
    ("cookie_related", dict(outlet="Riverside Ledger", byline="Priya Natarajan", published="2024-06-12",
                            url="https://riversideledger.example/local/council-budget-vote")),
    ("hostile", dict(byline="Jane O'Connor", title="Water utility admits testing lapse", outlet=None)),
    ("list_explainer", dict(outlet="Northern Post", byline="Oliver Grant", published="2022-06-20")),
])
def test_html_metadata_and_claims(name, expect):
    ing = read_html_file(HTML / f"{name}.html")
    a = ing.article
    assert a.format == "html" and a.language == "en"
    for k, v in expect.items():
        assert getattr(a, k) == v, (k, getattr(a, k))
    ex = extract(ing)
    attributed = [c for c in ex.claims if c.kind != "reporter"]
    assert len(attributed) >= 3
    for c in ex.claims:
        assert a.text[c.start:c.end] == c.content


def test_html_drops_page_furniture_and_keeps_structure():
    text = read_html_file(HTML / "cookie_related.html").article.text
    assert "cookie" not in text.lower() and "Police department struggles" not in text and "Log in" not in text
    assert "\n\n" in text
    lst = read_html_file(HTML / "list_explainer.html")
    bullets = [r for r in lst.regions if r.role == "bullet"]
    assert len(bullets) == 3 and all(lst.article.text[r.start - 2:r.start] == "• " for r in bullets)
    live = read_html_file(HTML / "liveblog.html")
    assert "Most read" not in live.article.text and "Mayor Linda Harris" in live.article.text


def test_html_hostile_markup_is_not_text():
    ing = read_html_file(HTML / "hostile.html")
    t = ing.article.text
    for bad in ("INJECTED", "alert", "onerror", "document.cookie", "<", "evil.example", "hunter2", "console", "font-family"):
        assert bad not in t, bad
    assert "Carla Ruiz" in t


def test_html_visible_byline_when_trafilatura_misses_it():
    from claims.html import extract_html

    html = ("<html><body><article><h1>Port reopens after strike ends</h1><div>By MATTHEW LEE</div>"
            "<p>The port reopened on Friday after a three-day strike, the harbor authority said in a statement.</p>"
            "<p>Union leaders said their members would return to work on the early shift.</p></article></body></html>")
    text, meta = extract_html(html)
    assert meta["byline"] == "Matthew Lee" and text.count("By Matthew Lee") == 1


def test_html_without_main_text_is_a_problem(tmp_path):
    p = tmp_path / "empty.html"
    p.write_text("<html><head><script>var said = 1;</script></head><body><nav>Home</nav></body></html>")
    with pytest.raises(NoBody):
        read_html_file(p)
    q = tmp_path / "notes.html"
    q.write_text("just some words said nobody")
    with pytest.raises(MalformedInput):
        read_html_file(q)


def _jsonl(path: Path, rows) -> Path:
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r) for r in rows) + "\n")
    return path


GOOD = "The mayor said on Monday that the bridge would reopen next week after repairs were finished."


def test_jsonl_batch_rows_and_bad_rows(tmp_path):
    p = _jsonl(tmp_path / "b.jsonl", [
        {"id": "a1", "text": GOOD, "url": "https://x.example/a1", "outlet": "X News", "published": "2024-05-01T10:00:00Z",
         "title": "Bridge to reopen", "byline": "Ann Lee"},
        '{"id": "a2", "text": ',
        {"id": "a3", "url": "https://x.example/a3"},
        [1, 2],
        {"url": "https://x.example/a5", "html": "<html><body><p>" + GOOD.replace("mayor", "governor") + "</p></body></html>"},
    ])
    items = list(iter_items([p]))
    assert [i.name for i in items] == [f"{p}:row {n}" for n in range(1, 6)]
    ing = read_item(items[0])
    a = ing.article
    assert (a.id, a.url, a.outlet, a.published, a.title, a.byline, a.format, a.path) == (
        "a1", "https://x.example/a1", "X News", "2024-05-01", "Bridge to reopen", "Ann Lee", "batch", f"{p}:row 1")
    for i, what in ((1, "malformed JSON"), (2, "no text or html"), (3, "not an object")):
        with pytest.raises(InputError) as e:
            read_item(items[i])
        assert f"{p}:row {i + 1}" in str(e.value) and what in str(e.value)
    h = read_item(items[4]).article
    assert h.id == "https://x.example/a5" and h.format == "html" and "governor" in h.text


def test_csv_batch_and_missing_columns(tmp_path):
    p = tmp_path / "b.csv"
    p.write_text('id,url,outlet,text\nc1,https://x.example/c1,X News,"' + GOOD + '"\nc2,https://x.example/c2\n'
                 'c3,https://x.example/c3,X News,\n')
    items = list(iter_items([p]))
    assert read_item(items[0]).article.outlet == "X News"
    with pytest.raises(MalformedInput, match=r"row 2: 2 columns where the header has 4"):
        read_item(items[1])
    with pytest.raises(MalformedInput, match=r"row 3: no text"):
        read_item(items[2])


def test_folder_walk_finds_every_kind(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "one.txt").write_text(GOOD)
    (tmp_path / "a" / "b" / "two.HTML").write_text("<html><body><p>" + GOOD + "</p></body></html>")
    (tmp_path / "a" / "b" / "three.htm").write_text("<html><body><p>" + GOOD + "</p></body></html>")
    _jsonl(tmp_path / "four.jsonl", [{"id": "r", "text": GOOD}])
    (tmp_path / "five.csv").write_text("id,text\nq," + GOOD.replace(",", "") + "\n")
    (tmp_path / "skip.png").write_bytes(b"\x89PNG")
    (tmp_path / ".hidden.txt").write_text(GOOD)
    names = sorted(Path(i.name.split(":row")[0]).name for i in iter_items([tmp_path]))
    assert names == ["five.csv", "four.jsonl", "one.txt", "three.htm", "two.HTML"]


def test_stdin_through_the_cli(tmp_path):
    import subprocess
    import sys

    db = tmp_path / "s.db"
    r = subprocess.run([sys.executable, "-m", "claims.cli", "build", "-q", str(db), "-"], input=GOOD.encode(),
                       capture_output=True, timeout=120)
    assert r.returncode == 0, r.stderr.decode()
    import sqlite_utils

    rows = list(sqlite_utils.Database(db)["articles"].rows)
    assert len(rows) == 1 and rows[0]["id"].startswith("stdin-") and rows[0]["path"] == "<stdin>"
