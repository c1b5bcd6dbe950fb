"""--workers: a process pool over extraction, in input order, equal to a one-worker build."""
from __future__ import annotations

import pickle

from click.testing import CliRunner

from claims.errors import InputError, NoBody
from claims.parallel import _pack_error, comparable_rows, parallel_extract_stage, unpack_error
from claims.pipeline import Item, extract_stage, iter_items, read_item
from claims.store import open_db

from .conftest import SEEDS


def test_two_workers_build_equals_one_worker_build(seeds_db, tmp_path):
    from claims.cli import cli

    out = tmp_path / "w2.db"
    res = CliRunner().invoke(cli, ["build", str(out), str(SEEDS), "--workers", "2", "-q"])
    assert res.exit_code == 0, res.output
    got, want = comparable_rows(open_db(out)), comparable_rows(open_db(seeds_db))
    assert got["claims"] and got == want


def test_results_come_back_in_input_order_with_errors_in_place(tmp_path):
    pairs = [(item, read_item(item)) for item in iter_items([SEEDS])]
    # an article whose text cannot be extracted (regions point past the text): an error, in its place
    import copy

    bad = copy.deepcopy(pairs[1][1])
    bad.article.text = ""
    seq = [pairs[0], (Item(name="bad", position=99), bad), pairs[2], pairs[1]]
    par = list(parallel_extract_stage(iter(seq), 2, chunk=1, max_in_flight=2))
    one = list(extract_stage(iter(seq)))
    assert [i.name for i, _, _ in par] == [i.name for i, _ in seq]
    assert isinstance(one[1][2], Exception) and not isinstance(one[0][2], Exception)
    for (_, _, a), (_, _, b) in zip(par, one):
        assert type(a) is type(b)
        if isinstance(a, Exception):
            assert str(a) == str(b)
        else:
            assert [c.row() for c in a.claims] == [c.row() for c in b.claims]
            assert [s.row() for s in a.sources] == [s.row() for s in b.sources]


def test_typed_errors_survive_the_trip_between_processes():
    e = NoBody("x.txt", "no article body found")
    packed = pickle.loads(pickle.dumps(_pack_error(e)))
    back = unpack_error(packed)
    assert type(back) is NoBody and isinstance(back, InputError)
    assert str(back) == str(e) and back.path == "x.txt"
