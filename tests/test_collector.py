"""The garbage collector runs less often during a build (claims.collector), and is as it was after it."""
from __future__ import annotations

import gc

import pytest

from claims.collector import BUILD_THRESHOLDS, build_collector
from claims.pipeline import build
from claims.store import open_db

from .conftest import SEEDS


@pytest.fixture
def thresholds():
    before = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    yield
    gc.set_threshold(*before)


def test_the_build_thresholds_hold_inside_and_are_put_back_after(thresholds):
    with build_collector():
        assert gc.get_threshold() == BUILD_THRESHOLDS
    assert gc.get_threshold() == (700, 10, 10)
    with pytest.raises(RuntimeError):
        with build_collector():
            raise RuntimeError("a failed build")
    assert gc.get_threshold() == (700, 10, 10)


def test_a_build_runs_with_them_and_leaves_the_collector_as_it_was(thresholds, tmp_path):
    seen = []
    rep = build(open_db(tmp_path / "c.db"), [SEEDS], progress=lambda item: seen.append(gc.get_threshold()))
    assert rep.ok and seen and set(seen) == {BUILD_THRESHOLDS}
    assert gc.get_threshold() == (700, 10, 10)
    assert BUILD_THRESHOLDS[0] > 700  # (fewer runs of the collector than Python's default)
