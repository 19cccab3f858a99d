# The two set-up commands: `make demo` and `make test`. Everything is installed from the hash-pinned lock.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DB ?= out/demo.duckdb

.PHONY: demo test test-all fuzz bench lock clean

$(BIN)/spiral: pyproject.toml requirements/dev.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --require-hashes --no-deps -r requirements/dev.lock
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	@touch $@

demo: $(BIN)/spiral
	@mkdir -p out
	$(BIN)/spiral run examples/corpus --db $(DB) --out out/report.html \
		--scenario examples/scenarios/no_new_weapons.yaml --scenario examples/scenarios/long_range_missiles.yaml

test: $(BIN)/spiral
	$(BIN)/python -m pytest -m "not slow" -q

test-all: $(BIN)/spiral
	$(BIN)/python -m pytest -q

# ingest fuzzed with a random seed (FUZZ_SEED=N replays one): 1,600 folders, over 100,000
# inputs (CI runs 12, derandomized); niced, the machine is shared. The counts are printed
# whether the run passes or fails.
ifndef FUZZ_SEED
FUZZ_SEED := $(shell od -An -N8 -tu8 /dev/urandom | tr -d ' ')
endif
fuzz: $(BIN)/spiral
	@echo "fuzz seed: $(FUZZ_SEED)"
	SPIRAL_FUZZ=long SPIRAL_FUZZ_SEED=$(FUZZ_SEED) nice -n 10 $(BIN)/python -m pytest -q \
		-p no:logging tests/integration/fuzz; status=$$?; \
	$(BIN)/python -c "import json; print('fuzz: %(inputs)s inputs generated in %(examples)s' \
		' folders, %(folders passed)s passed, seed %(seed)s' \
		% json.load(open('test-artifacts/fuzz-long.json')))"; \
	exit $$status

# tick pins older numpy/scipy than spiral, so the Hawkes benchmark's peer lives in its own venv
.venv-bench/bin/python: requirements/bench.lock
	$(PYTHON) -m venv .venv-bench
	.venv-bench/bin/pip install --quiet --require-hashes --no-deps -r requirements/bench.lock
	@touch $@

bench: $(BIN)/spiral .venv-bench/bin/python
	$(BIN)/python benchmarks/hawkes.py --large --format json

lock:
	./requirements/lock.sh

clean:
	rm -rf $(VENV) .venv-bench out .pytest_cache
