# 腎知 / 肾知 — every set-up step lives here, so `make serve` and `make test` work on a fresh
# Debian machine with Python 3.11.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test lint check bench bench-search browser clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.site-installed: requirements/site.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements/site.txt
	$(BIN)/pip install --quiet --no-deps -e .  # the `scripts` package, importable by the hooks
	touch $@

$(VENV)/.test-installed: requirements/test.txt $(VENV)/.site-installed
	$(BIN)/pip install --quiet -r requirements/test.txt
	touch $@

serve: $(VENV)/.site-installed  ## build and preview with live reload at http://127.0.0.1:8000
	$(BIN)/mkdocs serve --strict -a 127.0.0.1:8000

build: $(VENV)/.site-installed  ## write the site to site/ (both languages side by side; strict)
	$(BIN)/python -m scripts.pages.parallel_build --site-dir site

browser: $(VENV)/.test-installed  ## use Debian's Chromium if present, else Playwright's own
	@$(BIN)/python -m tests.browser.find_browser || $(BIN)/playwright install --with-deps chromium \
		|| $(BIN)/playwright install chromium

check: $(VENV)/.site-installed  ## validate all content and data
	$(BIN)/python -m scripts.checks

lint: $(VENV)/.test-installed
	$(BIN)/ruff check .

test: $(VENV)/.test-installed browser  ## every test: unit, content, integration, browser
	$(BIN)/ruff check .
	$(BIN)/python -m scripts.checks
	$(BIN)/python -m pytest -q

bench: $(VENV)/.test-installed browser  ## print the benchmark and write bench-results/bench.json
	$(BIN)/python -m scripts.bench

bench-search: $(VENV)/.test-installed browser  ## only search recall (about 2 minutes)
	$(BIN)/python -m scripts.bench --search-only

clean:
	rm -rf site .staging bench-results
