# orgkg — two commands: `make run` and `make test` (`make test-fast` for the inner loop).
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
LOCK   := requirements.lock
HOST   ?= 127.0.0.1
PORT   ?= 8000
DATA   ?=

.PHONY: install install-test yasgui run test test-fast lint bench bench-real bench-sparql bench-fairness soak ask-accuracy mutate clean

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

install-test: $(VENV)/.installed-test yasgui

# YASGUI, the SPARQL editor tests/browser/test_yasgui.py drives as a real client:
# its published bundle from npm (1 MB: fetched, not committed), checked against a
# pinned digest. Without npm the test skips, and fails under CI=true (.ci/run installs npm).
YASGUI_VERSION := 4.6.2
YASGUI_SHA256  := 6520cdd256a4003e8d45865e0d631b6456b88a0e6b65f4f3e56d78a25d74c9a7
YASGUI_DIR     := tests/browser/vendor/yasgui
yasgui: $(YASGUI_DIR)/.installed-$(YASGUI_VERSION)

$(YASGUI_DIR)/.installed-$(YASGUI_VERSION):
	@if ! command -v npm >/dev/null 2>&1; then \
	  echo "make: npm not found, so no YASGUI bundle: its browser test will skip"; \
	  [ "$$CI" != true ]; exit $$?; \
	fi; \
	tmp=$$(mktemp -d) && \
	npm pack --silent --pack-destination "$$tmp" @zazuko/yasgui@$(YASGUI_VERSION) >/dev/null && \
	echo "$(YASGUI_SHA256)  $$tmp/zazuko-yasgui-$(YASGUI_VERSION).tgz" | sha256sum --check --quiet - && \
	tar -xzf "$$tmp/zazuko-yasgui-$(YASGUI_VERSION).tgz" -C "$$tmp" \
	  package/build/yasgui.min.js package/build/yasgui.min.css package/package.json && \
	mkdir -p $(YASGUI_DIR) && \
	cp "$$tmp"/package/build/yasgui.min.js "$$tmp"/package/build/yasgui.min.css \
	  "$$tmp"/package/package.json $(YASGUI_DIR)/ && \
	rm -rf "$$tmp" && touch $@

# `make run DATA=path/to/regulation` serves another regulation. Data larger
# than LARGE_DATA bytes (50 MB, about 400k triples of N-Triples: a few
# seconds to parse) is built once into an on-disk store under STORES and
# opened read-only; `orgkg load` rebuilds it only when the data changed.
LARGE_DATA ?= 52428800
STORES     ?= .stores
run: install
	@size=$$( [ -n "$(DATA)" ] && du -sbL $(DATA) | cut -f1 || echo 0 ); \
	if [ "$$size" -gt $(LARGE_DATA) ]; then \
	  store="$(STORES)/$$(basename $(DATA))"; \
	  $(BIN)/orgkg load $(DATA) --into "$$store" && \
	  exec $(BIN)/orgkg --data $(DATA) --store "oxigraph:$$store" serve --host $(HOST) --port $(PORT); \
	else \
	  exec $(BIN)/orgkg $(if $(DATA),--data $(DATA)) serve --host $(HOST) --port $(PORT); \
	fi

# Both cores, one test module per worker at a time (module fixtures stay shared).
test: install-test
	$(BIN)/python -m pytest -n 2 --dist loadfile

# The inner loop (< 60 s): unit tests only, chosen by marker (see tests/conftest.py),
# on both cores as make test (one module per worker at a time).
test-fast: install-test
	$(BIN)/python -m pytest -q -n 2 --dist loadfile -m "not browser and not server and not slow and not integration"

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy ontology graph queries api benchmarks tests

# orgkg beside the raw engine (the floor) at 10k, 100k and 1M triples; the
# engine-against-engine benchmark of issue 7 is `python -m benchmarks`.
bench: install-test
	$(BIN)/python -m benchmarks.floor --store 5M --json benchmarks/out/bench.json

# The same figures on real data: the UK organograms of benchmarks/data/organograms,
# imported and replicated to 1M triples with distinct IRIs, and 5M built on disk (issue 16 section 5).
bench-real: install-test
	$(BIN)/python -m benchmarks.realdata --store 5M --json benchmarks/out/realdata.json

# How often `orgkg ask` understands the analysts' phrasings (tests/ask/data).
ask-accuracy: install-test
	$(BIN)/python -m tests.ask.accuracy
# /sparql beside `oxigraph serve-read-only` on the same data and query (needs wrk).
bench-sparql: install-test
	$(BIN)/python -m benchmarks.sparql

# Cheap requests while 16 runaway SPARQL queries from 4 clients are in flight.
bench-fairness: install-test
	$(BIN)/python -m benchmarks.fairness

# 10 minutes of mixed traffic at 64 connections; figures for tests/reliability/LOAD.md.
soak: install-test
	$(BIN)/python tests/reliability/soak.py --seconds 600 --connections 64

# Mutation-test the shapes and scenarios: `make mutate DATA=path/to/regulation`.
# MUTATE_JOBS worker processes judge the mutants (2: this machine's cores).
MUTATE_JOBS ?= 2
mutate: install-test
	$(BIN)/python -m tests.mutation $(if $(DATA),--data $(DATA)) --jobs $(MUTATE_JOBS) --json mutation-report.json

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache $(STORES) mutation-report.json
