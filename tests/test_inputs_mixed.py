"""Issue 6 'done when': seeds, five HTML pages, a JSONL batch and ten broken files in one build."""
from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from click.testing import CliRunner

from claims.cli import cli

FIXTURES = Path(__file__).resolve().parent / "fixtures"
MIXED = FIXTURES / "mixed"
SEED_DIR = Path(__file__).resolve().parent.parent / "seeds"


def assemble_mixed(dest: Path) -> Path:
    """The mixed folder: its own batches and broken files, plus the seeds and the HTML fixtures (one copy each)."""
    shutil.copytree(MIXED, dest)
    shutil.copytree(SEED_DIR, dest / "seeds")
    shutil.copytree(FIXTURES / "html", dest / "html")
    return dest

BROKEN = {
    "batches/articles.jsonl:row 3": "malformed JSON line",
    "batches/articles.jsonl:row 4": "no text or html column",
    "batches/wire.csv:row 2": "4 columns where the header has 7",
    "unreadable/blank.txt": "empty file",
    "unreadable/copy_of_001.txt": "duplicate of",
    "unreadable/empty.txt": "empty file",
    "unreadable/huge.txt": "over the size limit",
    "unreadable/image.txt": "binary data",
    "unreadable/no_sentences.txt": "no article body found",
    "unreadable/scripts_only.html": "no article body found",
}
GOOD = {"000_0792c3952193b30d", "001_ef5535af60425131", "002_9d32781f785c34bc", "agency_portal", "cookie_related",
        "hostile", "list_explainer", "liveblog", "jsonl-bridge", "jsonl-vaccine", "jsonl-html-row", "csv-port-strike",
        "cafe_cp1252", "odd_quotes"}


def test_mixed_folder_one_build(tmp_path):
    d = assemble_mixed(tmp_path / "mixed")
    line = b"The committee said the report would be published next week, officials said on Monday.\n"
    with open(d / "unreadable" / "huge.txt", "wb") as f:  # 50 MB, made here, never committed
        for _ in range(50 * 1024 * 1024 // len(line) + 1):
            f.write(line)
    db = tmp_path / "claims.db"
    res = CliRunner().invoke(cli, ["build", "-q", str(db), str(d)])
    assert res.exit_code == 1, res.output
    skipped = [ln for ln in res.output.splitlines() if ln.startswith("skipped: ")]
    assert len(skipped) == len(BROKEN)
    for name, reason in BROKEN.items():
        assert any(ln.startswith(f"skipped: {d / name}: ") and reason in ln for ln in skipped), (name, skipped)
    assert f"{len(GOOD)} articles stored" in res.output and f"{len(BROKEN)} inputs skipped" in res.output
    conn = sqlite3.connect(db)
    arts = dict(conn.execute("select id, format from articles"))
    assert set(arts) == GOOD
    assert arts["agency_portal"] == "html" and arts["jsonl-bridge"] == "batch" and arts["cafe_cp1252"] == "text"
    note = conn.execute("select encoding_note from articles where id = 'cafe_cp1252'").fetchone()[0]
    assert "cp1252" in note
    per_article = dict(conn.execute("select article, count(*) from claims where kind != 'reporter' group by article"))
    assert all(per_article.get(a, 0) >= 1 for a in GOOD), per_article
    assert conn.execute("select count(*) from problems").fetchone()[0] == len(BROKEN)
    conn.close()
    chk = CliRunner().invoke(cli, ["check", str(db)])
    assert chk.exit_code == 0 and "clean" in chk.output, chk.output
    # same build again: nothing re-extracted, still partial success
    again = CliRunner().invoke(cli, ["build", "-q", str(db), str(d)])
    assert again.exit_code == 1 and f"0 articles stored, {len(GOOD)} unchanged" in again.output
