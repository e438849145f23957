# Two commands set up everything on a fresh machine: `make demo` and `make test`.
VENV ?= .venv
PY := $(VENV)/bin/python
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PYTHON ?= python3

.PHONY: install demo test lint format clean-venv system-deps

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

demo: install
	$(BIN)/newsprism analyze examples/articles -o out/demo-report.json
	$(BIN)/newsprism analyze examples/articles -o out/demo-report.md --quiet
	$(BIN)/newsprism analyze examples/articles -o out/demo-report.html --quiet
	rm -f out/demo.db
	$(BIN)/newsprism ingest examples/articles --db out/demo.db
	$(BIN)/newsprism run --db out/demo.db
	@echo "Report written: out/demo-report.json (also out/demo-report.md and out/demo-report.html)"
	@echo "Web app: $(BIN)/newsprism serve --db out/demo.db   then open http://127.0.0.1:8000/"

test: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/pytest -q

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Browser tests need Debian's chromium and the PostgreSQL tests its server binaries; both skip
# when missing, so `make test` works without them, and .ci/run installs them first.
system-deps:
	@if ! command -v chromium >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then \
		SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
		$$SUDO apt-get update -qq && \
		$$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium postgresql; \
	fi

clean-venv:
	rm -rf $(VENV)
