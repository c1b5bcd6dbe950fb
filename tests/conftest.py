from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLD = ROOT / "eval" / "seeds.gold.jsonl"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def seeds_db(tmp_path_factory):
    """A database built once from the seed articles (read-only for tests)."""
    from claims.pipeline import build
    from claims.store import open_db

    path = tmp_path_factory.mktemp("seeds") / "claims.db"
    db = open_db(path)
    rep = build(db, [SEEDS])
    assert rep.ok, rep.problems
    db.close()
    return path


@pytest.fixture
def seeds_copy(tmp_path):
    d = tmp_path / "seeds"
    shutil.copytree(SEEDS, d)
    return d


@pytest.fixture(scope="session")
def seed_extractions():
    from claims.ingest import read_file
    from claims.pipeline import extract

    return {p.stem: extract(read_file(p)) for p in sorted(SEEDS.glob("*.txt"))}
