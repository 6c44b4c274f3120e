# Every target works from a fresh clone with only python3 on the machine: `make` creates .venv.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: install codegen check test test-ray lint demo bench bench-realtime soak reliability conformance mock-server compat clean

install: $(STAMP)

$(STAMP): pyproject.toml setup.py
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[aiohttp,dev,realtime]'
	touch $(STAMP)

# views writes async modules that unasync turns into their sync twins, so it runs before unasync;
# reexports imports the package to find the objects it re-exports, so it runs last.
codegen: install
	$(PY) -m codegen.types_gen
	$(PY) -m codegen.views
	$(PY) -m codegen.unasync
	$(PY) -m codegen.reexports

check: install
	$(PY) -m codegen.types_gen --check
	$(PY) -m codegen.views --check
	$(PY) -m codegen.unasync --check
	$(PY) -m codegen.reexports --check

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check src codegen tests examples
	$(VENV)/bin/mypy

# The spec's own mock server (steady, from npm) for the conformance suite in tests/conformance.
mock-server:
	bash tools/mock-server/install.sh

# tests/ray needs the ray extra (a large install), so it has its own target.
test: check lint mock-server
	$(PY) -m pytest -q -p no:cacheprovider --ignore=tests/ray

RAY_STAMP := $(VENV)/.installed-ray

$(RAY_STAMP): $(STAMP)
	$(PY) -m pip install --quiet -e '.[aiohttp,dev,ray]'
	touch $(RAY_STAMP)

# The Ray path of openai.bulk on a local two-CPU Ray instance (127.0.0.1 only, no dashboard).
test-ray: $(RAY_STAMP)
	$(PY) -m pytest -q -p no:cacheprovider tests/ray

conformance: install mock-server
	$(PY) -m pytest -q -p no:cacheprovider tests/conformance

demo: install
	$(PY) -m examples.run_all

# Side by side with the official SDK (installed into bench/.venv-official); writes docs/performance.md.
bench: install
	$(PY) bench/run.py $(BENCH_ARGS)

# Events per second through a Realtime connection (async and sync) next to raw websockets; writes
# docs/realtime-performance.md.
bench-realtime: install
	$(PY) bench/realtime.py $(BENCH_ARGS)

# 20,000 requests at concurrency 256 with 1% injected faults, on the default and aiohttp transports.
soak: install
	$(PY) -m tests.soak

# Runs the fault tests on every client/transport and writes the matrix to docs/reliability.md.
reliability: install
	$(PY) -m tests.fault_matrix --output docs/reliability.md

# Ten libraries built on the official SDK, from PyPI, run against this package's wheel (installed over the
# official one they pull in) and the loopback server; see docs/compatibility.md. Needs PyPI, so not in `test`.
COMPAT_VENV := .compat/venv
COMPAT_LIBS := instructor openai-agents langchain-openai llama-index-llms-openai 'pydantic-ai-slim[openai]' litellm \
	haystack-ai 'smolagents[openai]' dspy 'autogen-ext[openai]' autogen-agentchat
compat: install
	rm -rf .compat/wheel
	$(PY) -m pip wheel --quiet --no-deps -w .compat/wheel .
	test -x $(COMPAT_VENV)/bin/python || $(PYTHON) -m venv $(COMPAT_VENV)
	$(COMPAT_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(COMPAT_VENV)/bin/python -m pip install --quiet $(COMPAT_LIBS)
	# Its current release pins openai<3, so resolved with the rest pip falls back to a 2024 one; ours replaces
	# whichever openai it brings.
	$(COMPAT_VENV)/bin/python -m pip install --quiet --upgrade llama-index-llms-openai
	$(COMPAT_VENV)/bin/python -m pip install --quiet --no-deps --force-reinstall .compat/wheel/openai-*.whl
	cd .compat && venv/bin/python ../tools/library_check.py $(COMPAT_ARGS)

clean:
	rm -rf $(VENV) build *.egg-info .tools .compat
