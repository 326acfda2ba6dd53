# `make demo` and `make test` each do the whole set-up: .venv, locked dependencies,
# the project itself, and a Chromium that Playwright can drive. Re-running is quick.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := .make/installed

.PHONY: demo test setup chromium bench lock clean

demo: setup
	$(BIN)/rivalscope demo

test: setup
	$(BIN)/python -m pytest -q -p no:cacheprovider

bench: setup
	$(BIN)/python -m perf

setup: $(STAMP) chromium

# --compile-bytecode: otherwise every crawl and test subprocess compiles ~1,000 modules at
# start-up when PYTHONDONTWRITEBYTECODE is set (1.7 s each, measured).
$(STAMP): pyproject.toml requirements.lock Makefile
	bash scripts/ensure_venv.sh "$(PYTHON)" "$(VENV)"
	$(BIN)/python -m uv pip install --python $(BIN)/python -q --compile-bytecode -r requirements.lock
	$(BIN)/python -m uv pip install --python $(BIN)/python -q --no-deps -e .
	@mkdir -p .make && touch $(STAMP)

chromium: $(STAMP)
	@bash scripts/ensure_chromium.sh "$(BIN)/python"

# Regenerate the lock after changing pyproject.toml's dependencies.
lock: $(STAMP)
	$(BIN)/python -m uv pip compile pyproject.toml --extra dev --python-version 3.11 -o requirements.lock

clean:
	rm -rf $(VENV) .make
