# orgkg — two commands: `make run` and `make test` (`make test-fast` for the inner loop).
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
LOCK   := requirements.lock
HOST   ?= 127.0.0.1
PORT   ?= 8000
DATA   ?=

.PHONY: install install-test run test test-fast lint bench ask-accuracy mutate clean

# The stamps make re-runs cheap: reinstall only when the project's pins change.
$(VENV)/.installed: pyproject.toml $(LOCK)
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { echo "orgkg needs Python 3.11+"; exit 2; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c $(LOCK) -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -c $(LOCK) -e '.[test]'
	touch $@

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test

# `make run DATA=path/to/regulation` serves another regulation.
run: install
	$(BIN)/orgkg $(if $(DATA),--data $(DATA)) serve --host $(HOST) --port $(PORT)

test: install-test
	$(BIN)/python -m pytest

# The inner loop (< 60 s): unit tests only, chosen by marker (see tests/conftest.py).
test-fast: install-test
	$(BIN)/python -m pytest -q -m "not browser and not server and not slow and not integration"

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy ontology graph queries api benchmarks tests

bench: install-test
	$(BIN)/python -m benchmarks

# How often `orgkg ask` understands the analysts' phrasings (tests/ask/data).
ask-accuracy: install-test
	$(BIN)/python -m tests.ask.accuracy

# Mutation-test the shapes and scenarios: `make mutate DATA=path/to/regulation`.
mutate: install-test
	$(BIN)/python -m tests.mutation $(if $(DATA),--data $(DATA)) --json mutation-report.json

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache mutation-report.json
