# Nexa: `make run` serves the product locally, `make test` runs the tests. Only python3 is needed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
EVAL := ../shared/eval

.PHONY: run test lint format bench eval clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	@touch $(STAMP)

run: $(STAMP)
	DEBUG=$${DEBUG-1} $(BIN)/python manage.py run_local

test: $(STAMP)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: $(STAMP)
	$(BIN)/python -m benchmarks

eval: $(STAMP)
	@for c in $(EVAL)/dev $(EVAL)/seed-a $(EVAL)/seed-b tests/corpora/holdout-* tests/corpora/realtext-*; do \
	  echo "== $$c"; $(BIN)/python $(EVAL)/score.py $$c | tail -1; \
	done

clean:
	rm -rf var .pytest_cache
