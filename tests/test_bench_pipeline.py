"""scripts/bench_pipeline.py: how the ratio of alternating runs is summed up (the timing itself is the
benchmark's, never a test's)."""
import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("bench_pipeline", ROOT / "scripts" / "bench_pipeline.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def run(ratio, cpu):
    return {"ratio": ratio, "ratio_cpu": cpu, "build_1_worker": {"seconds": ratio * 10}}


def test_median_of_an_odd_count_is_the_middle_run(bench):
    runs = [run(1.07, 1.05), run(0.88, 0.90), run(0.93, 0.95)]
    assert bench.median_run(runs) == run(0.93, 0.95)
    assert bench.median_run(runs, "ratio_cpu") == run(0.93, 0.95)


def test_median_of_an_even_count_is_the_upper_middle_run(bench):
    # the figure reported never flatters the build
    runs = [run(0.90, 0.91), run(1.02, 0.99), run(0.95, 1.01), run(0.85, 0.86)]
    assert bench.median_run(runs) == run(0.95, 1.01)
    assert bench.median_run(runs, "ratio_cpu") == run(1.02, 0.99)
    assert bench.median_run([run(1.1, 1.1)]) == run(1.1, 1.1)


def test_no_runs_is_an_error(bench):
    with pytest.raises(ValueError):
        bench.median_run([])


def test_repeat_must_be_positive(bench, capsys):
    with pytest.raises(SystemExit) as e:
        bench.main(["--repeat", "0", "--texts", str(ROOT / "seeds")])
    assert e.value.code == 2
    assert "--repeat must be at least 1" in capsys.readouterr().err
