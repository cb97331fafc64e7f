# Two commands: `make run` and `make test`. Each creates .venv if needed and
# reinstalls only when pyproject.toml has changed since the last install.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
RUN_STAMP := $(VENV)/.installed-run
TEST_STAMP := $(VENV)/.installed-test

.PHONY: run test lint unit stress fuzz bench clean postgres

run: $(RUN_STAMP)
	$(BIN)/organiser $(ARGS)

test: $(TEST_STAMP) postgres
	$(BIN)/ruff check organiser store screens cli tests
	$(BIN)/mypy
	$(BIN)/lint-imports
	$(BIN)/pytest

lint: $(TEST_STAMP)
	$(BIN)/ruff check organiser store screens cli tests
	$(BIN)/mypy
	$(BIN)/lint-imports

unit: $(TEST_STAMP) postgres
	$(BIN)/pytest tests/unit

stress: $(TEST_STAMP)
	$(BIN)/python -m tests.stress.kill_writer $(ARGS)

# The property-based tests with many more examples than the quick suite gives them.
fuzz: $(TEST_STAMP)
	HYPOTHESIS_EXAMPLES=2000 $(BIN)/pytest tests/unit/test_fuzz.py tests/unit/test_text.py tests/unit/test_money.py tests/unit/test_dates.py

# Speed of the file store, the PostgreSQL team store and plain TinyDB at 1x and 10x, side by
# side (ARGS="--stores file" leaves PostgreSQL out); the databases are built once into .bench/.
bench: $(TEST_STAMP) postgres
	$(BIN)/python -m tests.bench.run $(ARGS)

# The tests start throwaway PostgreSQL servers of their own (tests/pg_server.py): as root,
# Debian's postgresql package is installed when initdb is missing; otherwise they fail, unless
# ORGANISER_SKIP_POSTGRES=1 skips them for a quick local run.
postgres:
	@command -v initdb >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		echo "Installing PostgreSQL for the team store's tests"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
			--no-install-recommends postgresql >/dev/null; \
	else \
		echo "PostgreSQL is missing: install Debian's postgresql package," \
			"or set ORGANISER_SKIP_POSTGRES=1 to skip its tests"; \
	fi

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(RUN_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(TEST_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test,lint]'
	touch $@ $(RUN_STAMP)

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache
