# servicecharter developer tasks. Every target works from a fresh clone:
# the virtual environment is created on first use and the project is
# reinstalled into it whenever pyproject.toml changes (stamp files).

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
PY     := $(BIN)/python
PIP    := $(PY) -m pip --disable-pip-version-check

# Stamps live inside the venv: deleting the venv deletes them too.
STAMP_BASE  := $(VENV)/.stamp-install
STAMP_TEST  := $(VENV)/.stamp-install-test
STAMP_BENCH := $(VENV)/.stamp-install-bench

# Lint only the folders that exist (an empty folder is not in a clone).
LINT_PATHS := $(wildcard src tests benchmarks docs/examples docs/_ext)

.DEFAULT_GOAL := help

.PHONY: help venv test test-pythons lint typecheck pytest docs docs-serve demo bench format clean distclean

help:  ## List the targets.
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | \
		awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --upgrade pip

$(STAMP_BASE): pyproject.toml | $(PY)
	$(PIP) install -e .
	@touch $@

# The tests also build the docs and smoke-test the peer benchmark, so the test
# install takes the docs and bench extras too.
$(STAMP_TEST): pyproject.toml | $(PY)
	$(PIP) install -e '.[test,docs,bench]'
	@touch $@

$(STAMP_BENCH): pyproject.toml | $(PY)
	$(PIP) install -e '.[bench]'
	@touch $@

venv: $(STAMP_TEST)  ## Create .venv and install the project with test tools.

lint: $(STAMP_TEST)  ## ruff check, ruff format --check, and the import contract.
	$(BIN)/ruff check $(LINT_PATHS)
	$(BIN)/ruff format --check $(LINT_PATHS)
	$(BIN)/lint-imports --no-cache

typecheck: $(STAMP_TEST)  ## mypy --strict on the package, benchmarks and examples.
	$(BIN)/mypy --strict src $(wildcard benchmarks docs/examples docs/_ext)

pytest: $(STAMP_TEST)  ## Tests and doctests.
	$(BIN)/pytest

# Strict: a warning (a broken link, a docstring that does not parse) fails.
docs: $(STAMP_TEST)  ## Build the documentation site into site/ (strict).
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict --site-dir site

docs-serve: $(STAMP_TEST)  ## Serve the documentation on localhost:8000.
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs serve

test: lint typecheck pytest docs  ## Everything CI runs (the layer contract included).

# The classifiers promise Python 3.11 to 3.13; CI runs the oldest. This runs
# the tests on each newer version, each in its own venv (a few minutes each),
# with `pythonX.Y` from PATH or else from pyenv's installed versions, and
# fails if one is missing.
NEWER_PYTHONS ?= 3.12 3.13

test-pythons:  ## Run the tests on each Python version in NEWER_PYTHONS.
	@set -e; for v in $(NEWER_PYTHONS); do \
		py=python$$v; \
		$$py -c pass 2>/dev/null || py=$$(ls -d $${PYENV_ROOT:-$$HOME/.pyenv}/versions/$$v*/bin/python$$v 2>/dev/null | tail -1); \
		[ -n "$$py" ] || { echo "Python $$v not found"; exit 1; }; \
		echo "== $$($$py --version) ($$py)"; \
		$$py -m venv .venv-$$v; \
		.venv-$$v/bin/python -m pip --disable-pip-version-check -q install -e '.[test,bench]'; \
		.venv-$$v/bin/pytest -q -p no:cacheprovider; \
	done

format: $(STAMP_TEST)  ## Rewrite the code in place: ruff fixes and format.
	$(BIN)/ruff check --fix $(LINT_PATHS)
	$(BIN)/ruff format $(LINT_PATHS)

# The demo ends with the command line on the bundled technical-support
# charter, then on the helpdesk charter and its ticket histories. `check` exits 1 when an objective is missed, which the example
# requests (docs/examples/requests.csv) show on purpose: `|| [ $$? -eq 1 ]`
# accepts that status, so an error (exit 2) still fails the target.
demo: $(STAMP_BASE)  ## Run docs/examples/demo.py, then the command line.
	$(PY) docs/examples/demo.py
	@echo
	$(BIN)/servicecharter deadline technical-support anomalies 2026-03-27T16:30
	$(BIN)/servicecharter open technical-support --at 2026-03-27T16:30
	$(BIN)/servicecharter check technical-support docs/examples/requests.csv \
		--now 2026-04-10T12:00 || [ $$? -eq 1 ]
	@echo
	$(BIN)/servicecharter check helpdesk docs/examples/helpdesk-tickets.csv \
		--events docs/examples/helpdesk-events.csv \
		--now 2026-04-01T12:00 || [ $$? -eq 1 ]

# bench_peers.py writes its plot to build/ here; the committed plot in
# docs/img/peers.png is refreshed on purpose with --plot docs/img/peers.png.
bench: $(STAMP_BENCH)  ## Run the benchmarks: core, check, peers (a few minutes).
	$(PY) benchmarks/bench_core.py
	$(PY) benchmarks/bench_check.py
	mkdir -p build
	$(PY) benchmarks/bench_peers.py --plot build/peers.png

clean:  ## Remove build output and caches (keeps .venv).
	rm -rf build dist site .mypy_cache .pytest_cache .ruff_cache .hypothesis
	rm -f $(STAMP_BASE) $(STAMP_TEST) $(STAMP_BENCH)
	find . -path ./$(VENV) -prune -o \( -name __pycache__ -o -name '*.egg-info' \) \
		-type d -print -exec rm -rf {} +

distclean: clean  ## Also remove .venv.
	rm -rf $(VENV)
