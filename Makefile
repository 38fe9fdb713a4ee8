# PupilVoice: `make run` serves the demo school; `make test` runs every test.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export FLASK_APP := pupilvoice
LINT_PATHS := pupilvoice tests scripts $(wildcard benchmarks)
# The tests run on every core (pytest-xdist); `make test WORKERS=0` runs them in one process.
# Unit and web tests are spread one by one; a browser module's tests stay together, in
# order, on one worker (--dist loadfile): they share that worker's live demo school as they
# do when serial. -rs lists every skipped test with its reason.
# PYTHONDONTWRITEBYTECODE is cleared for the tests: with it set, every xdist worker (and
# every gunicorn or flask process a test starts) compiled the app and rewrote the test
# modules' asserts again, about 6 s of CPU a process (tests/README.md).
WORKERS ?= auto
PYTEST := PYTHONDONTWRITEBYTECODE= $(BIN)/python -m pytest -q -rs -n $(WORKERS)

.PHONY: run test test-sqlite test-browser test-postgres install install-test runtime-deps system-test-deps \
	translations lint bench screenshots clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install -q -e .

install-test: $(BIN)/python
	$(BIN)/pip install -q -e '.[test]'

translations: $(BIN)/python
	$(BIN)/pybabel -q compile -d translations

# Debian packages the running app uses (espeak-ng for read-aloud); installed when we are root.
runtime-deps:
	@bash scripts/runtime-deps.sh

run: install translations runtime-deps
	$(BIN)/flask db upgrade
	$(BIN)/flask demo --if-empty
	@echo "PupilVoice is at http://127.0.0.1:5000 (Ctrl+C stops it)"
	$(BIN)/flask run --host 127.0.0.1 --port 5000

# System packages the browser, PostgreSQL and PDF tests need; installed when we are root.
system-test-deps:
	@bash scripts/system-deps.sh

test: install-test translations system-test-deps
	$(BIN)/ruff check $(LINT_PATHS)
	$(BIN)/ruff format --check $(LINT_PATHS)
	$(BIN)/bandit -q -r pupilvoice -ll
	$(MAKE) --no-print-directory -j3 --output-sync=target test-sqlite test-browser test-postgres

# The three legs run at once, each on every core: run one after another, the cores sat idle
# while a leg waited on Chromium, on PostgreSQL or on its last slow tests; run together,
# one leg's waits are another's CPU, and the leg that ends last still has every core.
# Each leg's output is printed whole when it ends, and any failing fails `make test`.
test-sqlite:
	$(PYTEST) --dist load tests/unit tests/web

test-browser:
	$(PYTEST) --dist loadfile tests/browser

test-postgres:
	$(PYTEST) --dist load --db=postgres tests/web tests/unit/test_migrations.py

lint:
	$(BIN)/ruff check $(LINT_PATHS)
	$(BIN)/ruff format --check $(LINT_PATHS)

bench: install-test translations
	$(BIN)/python benchmarks/pages.py

screenshots: install-test translations system-test-deps
	$(BIN)/python scripts/screenshots.py

# Refresh the catalogue template and the language files after changing any text.
extract: $(BIN)/python
	$(BIN)/pybabel -q extract -F babel.cfg -k _l -k N_ --no-location --sort-output --add-comments=TRANSLATORS: -o translations/messages.pot .
	$(BIN)/pybabel -q update --no-fuzzy-matching -i translations/messages.pot -d translations

clean:
	rm -rf $(VENV) instance build *.egg-info
