# Two entry points for a fresh Debian 12 / Python 3.11 machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
# Qt offscreen/xcb runtime libraries and a CJK font: what the window needs.
RUN_DEBS := libglib2.0-0 libegl1 libgl1 libxkbcommon0 libfontconfig1 libfreetype6 libdbus-1-3 fonts-wqy-microhei
# Tests also render documents (LibreOffice, poppler) with real CJK fonts.
TEST_DEBS := $(RUN_DEBS) libreoffice-writer-nogui poppler-utils fonts-noto-cjk

.PHONY: run test lint bench system-run system-test clean

$(VENV)/.base: pyproject.toml
	$(PYTHON) -m venv $(VENV) || { echo "python3-venv is missing: apt-get install python3-venv"; exit 1; }
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e .
	touch $@

$(VENV)/.test: $(VENV)/.base
	$(PY) -m pip install -q -e '.[test]'
	touch $@

system-run:
	@sh build/apt-install.sh $(RUN_DEBS)

system-test:
	@sh build/apt-install.sh $(TEST_DEBS)

run: system-run $(VENV)/.base
	$(PY) -m desktop

lint: $(VENV)/.test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy

test: system-test $(VENV)/.test lint
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/pytest -q

bench: $(VENV)/.test
	$(PY) bench/run.py

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
