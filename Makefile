# The two set-up commands: `make demo` and `make test`. Everything is installed from the hash-pinned lock.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DB ?= out/demo.duckdb

.PHONY: demo test bench lock clean

$(BIN)/spiral: pyproject.toml requirements/dev.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --require-hashes --no-deps -r requirements/dev.lock
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	@touch $@

demo: $(BIN)/spiral
	@mkdir -p out
	$(BIN)/spiral run examples/corpus --db $(DB) --out out/report.html

test: $(BIN)/spiral
	$(BIN)/python -m pytest -m "not slow" -q

test-all: $(BIN)/spiral
	$(BIN)/python -m pytest -q

bench: $(BIN)/spiral
	$(BIN)/python benchmarks/throughput.py --format json

lock:
	./requirements/lock.sh

clean:
	rm -rf $(VENV) out .pytest_cache
