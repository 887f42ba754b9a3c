# The two commands of README.md. Both create what they need on a fresh clone.
#   make docs   build the demo docs into docs/_build/html
#   make test   run the whole suite on the newest and on the oldest supported versions
#   make bench  (not part of make test) benchmarks

PYTHON ?= python3
VENV := .venv
VENV_OLDEST := .venv-oldest
PIP := --quiet --disable-pip-version-check
# The oldest versions the project supports; pyproject.toml's ranges start here.
OLDEST := "sphinx==7.4.*" "docutils==0.20.*" "sphinx-design==0.6.*" "myst-parser==4.*"
PYTEST_ARGS ?=

.PHONY: docs test test-newest test-oldest chromium catalogs clean bench

# A stamp per environment: reinstall only when the project's metadata changes.
$(VENV)/.stamp: pyproject.toml
	test -x $(VENV)/bin/python || $(PYTHON) -m venv $(VENV)
	$(VENV)/bin/python -m pip install $(PIP) --upgrade pip
	$(VENV)/bin/python -m pip install $(PIP) -e ".[test,docs]"
	touch $@

$(VENV_OLDEST)/.stamp: pyproject.toml
	test -x $(VENV_OLDEST)/bin/python || $(PYTHON) -m venv $(VENV_OLDEST)
	$(VENV_OLDEST)/bin/python -m pip install $(PIP) --upgrade pip
	$(VENV_OLDEST)/bin/python -m pip install $(PIP) -e ".[test,docs]" $(OLDEST)
	touch $@

docs: $(VENV)/.stamp
	$(VENV)/bin/sphinx-build -b html -n -W --keep-going docs docs/_build/html
	@echo
	@echo "The docs are built: open docs/_build/html/index.html"

chromium: $(VENV)/.stamp
	@PYTHON=$(VENV)/bin/python sh tools/ensure-chromium.sh

test-newest: $(VENV)/.stamp chromium
	$(VENV)/bin/python -m pytest $(PYTEST_ARGS)

test-oldest: $(VENV_OLDEST)/.stamp chromium
	$(VENV_OLDEST)/bin/python -m pytest $(PYTEST_ARGS)

test: test-newest test-oldest

# Build time, memory, page weight, Lighthouse (benchmarks/bench.py). Never
# fails for timing noise; only a failed build makes it exit non-zero.
#   make bench BENCH_ARGS="--sizes 50 200 --repeat 3"
BENCH_ARGS ?=
bench: $(VENV)/.stamp chromium
	$(VENV)/bin/python -m benchmarks $(BENCH_ARGS)

catalogs: $(VENV)/.stamp
	$(VENV)/bin/python tools/catalogs.py

clean:
	rm -rf $(VENV) $(VENV_OLDEST) docs/_build test-artifacts
