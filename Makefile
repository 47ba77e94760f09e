# Nexa: `make run` serves the product locally, `make test` runs the tests. Only python3 is needed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
EVAL := ../shared/eval
# Locked dependencies: requirements.lock (the runtime, for the image) and requirements-dev.lock (the
# runtime plus the dev extras, for make run/test/lint and CI), both resolved from pyproject.toml's
# ranges for every platform and Python >= 3.11, with hashes. `make lock` re-resolves after a change
# to pyproject.toml keeping the pins it still allows; `make lock UPGRADE=1` moves every pin to the
# newest release the ranges allow.
LOCK_FLAGS := --universal --python-version 3.11 --generate-hashes --quiet $(if $(UPGRADE),--upgrade)
# pytest-xdist: one worker per core (each with its own data dir and Redis databases; conftest.py).
PYTEST_WORKERS ?= auto

.PHONY: run test lint typecheck typecheck-baseline check-migrations format bench eval lock clean

$(STAMP): requirements-dev.lock pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q --require-hashes -r requirements-dev.lock
	$(BIN)/python -m pip install -q --no-deps --no-build-isolation -e .
	@touch $(STAMP)

run: $(STAMP)
	DEBUG=$${DEBUG-1} $(BIN)/python manage.py run_local $(RUN_ARGS)

test: $(STAMP)
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

lint: $(STAMP) typecheck
	$(BIN)/python -m ruff check .
	$(BIN)/python -m ruff format --check .

# mypy (pyproject.toml: strict on engine/); errors recorded in mypy-baseline.txt pass, new ones fail.
# `make typecheck-baseline` records the current errors (after fixing some, or on purpose).
typecheck: $(STAMP)
	@env -u DATABASE_URL -u REDIS_URL -u NEXA_DATA_DIR $(BIN)/python -m mypy > $(VENV)/mypy.out; rc=$$?; \
	if [ $$rc -gt 1 ]; then cat $(VENV)/mypy.out; echo "mypy failed to run (exit $$rc)"; exit $$rc; fi; \
	$(BIN)/python -m mypy_baseline filter --allow-unsynced --no-colors < $(VENV)/mypy.out

typecheck-baseline: $(STAMP)
	-$(BIN)/python -m mypy > $(VENV)/mypy.out
	$(BIN)/python -m mypy_baseline sync --sort-baseline < $(VENV)/mypy.out

format: $(STAMP)
	$(BIN)/python -m ruff check --fix .
	$(BIN)/python -m ruff format .

# `make bench BENCH_ARGS=--huge` adds the 50,000-page library; `BENCH_ARGS="--only submit"` one section.
bench: $(STAMP)
	$(BIN)/python -m benchmarks $(BENCH_ARGS)

# `make eval PDF_TEXT=pdfium`: the same scores with page text from PDFium (benchmarks/pdfium.py).
eval: $(STAMP)
	@for c in $(EVAL)/dev $(EVAL)/seed-a $(EVAL)/seed-b $(EVAL)/greenbook tests/corpora/holdout-* tests/corpora/realtext-*; do \
	  echo "== $$c"; $(if $(filter pdfium,$(PDF_TEXT)),PYTHONPATH=$(CURDIR)/benchmarks/pdfium_site) $(BIN)/python $(EVAL)/score.py $$c | tail -1; \
	done

lock:
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m uv --version >/dev/null 2>&1 || $(BIN)/python -m pip install -q uv
	$(BIN)/python -m uv pip compile pyproject.toml $(LOCK_FLAGS) -o requirements.lock
	$(BIN)/python -m uv pip compile pyproject.toml --extra dev -c requirements.lock $(LOCK_FLAGS) -o requirements-dev.lock

clean:
	rm -rf var .pytest_cache .mypy_cache

# Models and migrations agree. DEBUG on: with CI's PostgreSQL URL and DEBUG off the settings demand
# a SECRET_KEY, and this check signs nothing.
check-migrations: $(STAMP)
	DEBUG=1 $(BIN)/python manage.py makemigrations --check --dry-run
