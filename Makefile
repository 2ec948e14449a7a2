# Two commands for a newcomer: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
OUT    ?= out

.PHONY: run test install evaluate bench train clean

$(PY):
	$(PYTHON) -m venv $(VENV)

# Reinstall when the package metadata or the pins change.
$(STAMP): $(PY) setup.cfg pyproject.toml constraints.txt
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c constraints.txt -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(PY) -m govie extract corpus/raw/*.txt --format json --out $(OUT) --summary

test: $(STAMP)
	$(PY) -m pytest

evaluate: $(STAMP)
	$(PY) -m govie evaluate

bench: $(STAMP)
	$(PY) -m pip install --quiet -c constraints.txt -e '.[test,bench]'
	$(PY) benchmarks/bench.py

clean:
	rm -rf $(VENV) $(OUT) .pytest_cache
