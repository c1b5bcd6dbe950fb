"""Dask: a build whose extraction runs on a LocalCluster stores exactly what a plain build stores."""
from __future__ import annotations

import pytest

pytest.importorskip("distributed")

from claims.parallel import comparable_rows  # noqa: E402
from claims.pipeline import build  # noqa: E402
from claims.store import open_db  # noqa: E402

from .conftest import SEEDS  # noqa: E402


def test_local_cluster_build_equals_plain_build(seeds_db, tmp_path):
    db = open_db(tmp_path / "dask.db")
    rep = build(db, [SEEDS], scheduler="local")
    assert rep.ok, rep.problems
    assert rep.articles == 3 and rep.claims > 0
    plain = open_db(seeds_db)
    got, want = comparable_rows(db), comparable_rows(plain)
    assert set(got) >= {"articles", "sources", "claims"}
    for table in want:
        assert got[table] == want[table], table
    assert len(got["claims"]) == rep.claims


def test_unreachable_scheduler_is_a_clear_error(tmp_path):
    from claims.distributed import dask_extract_stage
    from claims.errors import ClaimsError

    with pytest.raises(ClaimsError, match="cannot reach the Dask scheduler"):
        list(dask_extract_stage(iter([]), "tcp://127.0.0.1:9"))
