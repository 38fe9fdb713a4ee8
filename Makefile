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

.PHONY: run test test-sqlite test-browser test-postgres install install-test runtime-deps \
	system-test-deps translations lint bench bench-scale load screenshots deploy-check lighthouse clean

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
	@echo "PupilVoice is at http://127.0.0.1:5000 (Ctrl+C stops it); its e-mails are printed here"
	@# the outbox's sender runs beside the server, as cron or a worker does in production
	$(BIN)/flask outbox send --loop & sender=$$!; trap 'kill $$sender 2>/dev/null' EXIT INT TERM; \
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

# Journey load test (benchmarks/load.py): starts PostgreSQL, Redis and gunicorn itself and
# writes benchmarks/RESULTS.md. `make load DB=sqlite` (2 workers, 30 people); APPS=2 puts two
# app servers behind Caddy; FIXTURE names the command that fills the database.
DB ?= postgres
APPS ?= 1
FIXTURE ?= flask demo --size large
load: install-test translations
	$(BIN)/pip install -q -e '.[test,bench]'
	$(BIN)/python benchmarks/load.py --db $(DB) --apps $(APPS) --fixture "$(FIXTURE)"

# Each page's CPU and size on the demo and on `flask demo --size large` (20 schools of 400
# pupils, a year of log), side by side; builds both databases (about two minutes).
bench-scale: install-test translations
	$(BIN)/python benchmarks/scale.py

screenshots: install-test translations system-test-deps
	$(BIN)/python scripts/screenshots.py

# deploy/'s topology as local processes (PostgreSQL, Redis, two gunicorns, Caddy over HTTPS),
# an HTTPS browser smoke test, a backup restored; everything torn down after (scripts/deploy-check.sh).
deploy-check: install-test translations
	bash scripts/deploy-check.sh

# Lighthouse scores (phone profile) for the pupil home, the staff home and a parent's plan,
# written to benchmarks/LIGHTHOUSE.md; fails below performance 95, accessibility 100 or best
# practices 100. Lighthouse 12.2.3 (13 needs Node 22) goes into .lighthouse/, from npm.
LIGHTHOUSE_VERSION := 12.2.3
lighthouse: install-test translations
	@if ! command -v node >/dev/null || ! command -v npm >/dev/null; then \
		echo "make lighthouse: skipped, Node.js and npm are not installed (apt-get install nodejs npm)"; \
	elif [ "$$(node -p 'process.versions.node.split(".")[0]')" -lt 18 ]; then \
		echo "make lighthouse: skipped, Lighthouse $(LIGHTHOUSE_VERSION) needs Node.js 18 or later"; \
	else \
		{ [ -x .lighthouse/node_modules/.bin/lighthouse ] && \
			[ "$$(.lighthouse/node_modules/.bin/lighthouse --version)" = "$(LIGHTHOUSE_VERSION)" ]; } || \
			npm install --prefix .lighthouse --save-exact --no-audit --no-fund \
				lighthouse@$(LIGHTHOUSE_VERSION) || exit 1; \
		$(BIN)/python -u scripts/lighthouse.py; \
	fi

# Refresh the catalogue template and the language files after changing any text.
extract: $(BIN)/python
	$(BIN)/pybabel -q extract -F babel.cfg -k _l -k N_ --no-location --sort-output --add-comments=TRANSLATORS: -o translations/messages.pot .
	$(BIN)/pybabel -q update --no-fuzzy-matching -i translations/messages.pot -d translations

clean:
	rm -rf $(VENV) instance build *.egg-info
