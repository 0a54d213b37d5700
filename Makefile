# The README's commands. Each one creates .venv and installs what it needs on first use.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev
PYTEST_ARGS ?=
SPEEDUPS := build/speedups/.built

.PHONY: run test test-future demo bench clean

$(BIN)/python:
	@$(PY) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "chargewatch needs Python 3.11 or newer (set PY=python3.x)")'
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(STAMP): pyproject.toml constraints.txt | $(BIN)/python
	$(BIN)/pip install -q -c constraints.txt -e .
	@touch $@

$(DEV_STAMP): pyproject.toml constraints.txt | $(BIN)/python
	$(BIN)/pip install -q -c constraints.txt -e '.[dev]'
	@touch $@ $(STAMP)

# Compiled copies of the tagger's hot modules (nlp/compiled.py), made again whenever nlp/ changes.
# A module edited since is run as Python; a failed build (no compiler) leaves all of it Python.
$(SPEEDUPS): $(wildcard nlp/*.py nlp/*.pxd) tools/build_speedups.py | $(STAMP)
	@$(BIN)/python tools/build_speedups.py || true
	@mkdir -p $(@D) && touch $@

run: $(STAMP) $(SPEEDUPS)  ## the monitor: every source on its schedule, the daily digest, the review page
	$(BIN)/chargewatch run --feeds feeds.yaml --db chargewatch.db

test: $(DEV_STAMP) $(SPEEDUPS)  ## the whole suite (installs Debian's chromium for the browser tests when missing)
	@bash tests/tools/system_packages.sh chromium
	$(BIN)/python -m pytest -n 2 $(PYTEST_ARGS)

test-future: $(DEV_STAMP) $(SPEEDUPS)  ## the date-dependent tests again, with the machine's clock a year ahead
	@bash tests/tools/system_packages.sh faketime
	faketime -f +365d $(BIN)/python -m pytest -n 2 -m clock -p no:cacheprovider $(PYTEST_ARGS)

demo: $(STAMP) $(SPEEDUPS)  ## the whole pipeline offline on the bundled sample site
	$(BIN)/chargewatch demo --db demo.db
	$(BIN)/chargewatch stories --db demo.db
	@echo "review it: $(BIN)/chargewatch serve --db demo.db  (then open http://127.0.0.1:8000/)"

bench: $(DEV_STAMP) $(SPEEDUPS)  ## print the measured figures
	$(BIN)/python -m benchmarks

clean:
	rm -rf $(VENV) demo.db* .pytest_cache build/speedups
