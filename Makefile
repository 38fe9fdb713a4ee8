# PupilVoice: `make run` serves the demo school; `make test` runs every test.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export FLASK_APP := pupilvoice

.PHONY: run test install install-test system-test-deps translations lint bench screenshots clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install -q -e .

install-test: $(BIN)/python
	$(BIN)/pip install -q -e '.[test]'

# -q goes before the command; without a translations/ folder the pages stay in English.
translations: $(BIN)/python
	@if [ -d translations ]; then $(BIN)/pybabel -q compile -d translations; fi

run: install translations
	$(BIN)/flask db upgrade
	$(BIN)/flask demo --if-empty
	@echo "PupilVoice is at http://127.0.0.1:5000 (Ctrl+C stops it)"
	$(BIN)/flask run --host 127.0.0.1 --port 5000

# System packages the browser, PostgreSQL and PDF tests need; installed when we are root.
system-test-deps:
	@bash scripts/system-deps.sh

test: install-test translations system-test-deps
	$(BIN)/ruff check pupilvoice tests benchmarks scripts
	$(BIN)/ruff format --check pupilvoice tests benchmarks scripts
	$(BIN)/bandit -q -r pupilvoice -ll
	$(BIN)/python -m pytest -q tests/unit tests/web tests/browser
	$(BIN)/python -m pytest -q --db=postgres tests/web tests/unit/test_migrations.py

lint:
	$(BIN)/ruff check pupilvoice tests benchmarks scripts
	$(BIN)/ruff format --check pupilvoice tests benchmarks scripts

bench: install-test translations
	$(BIN)/python benchmarks/pages.py

screenshots: install-test translations system-test-deps
	$(BIN)/python scripts/screenshots.py

# Refresh the catalogue template and the language files after changing any text.
extract: $(BIN)/python
	$(BIN)/pybabel -q extract -F babel.cfg -k _l -o translations/messages.pot .
	$(BIN)/pybabel -q update --no-fuzzy-matching -i translations/messages.pot -d translations

clean:
	rm -rf $(VENV) instance build *.egg-info
