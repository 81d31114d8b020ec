# Two entry points for a fresh Debian 12 / Python 3.11 machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
# Qt runtime libraries (offscreen and the xcb platform of a real X desktop) and a CJK font.
RUN_DEBS := libglib2.0-0 libegl1 libgl1 libxkbcommon0 libfontconfig1 libfreetype6 libdbus-1-3 fonts-wqy-microhei \
	libxkbcommon-x11-0 libx11-xcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 \
	libxcb-render-util0 libxcb-shape0 libxcb-sync1 libxcb-xfixes0 libxcb-xkb1
# Tests also render documents (LibreOffice, poppler) with real CJK fonts.
TEST_DEBS := $(RUN_DEBS) libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils fonts-noto-cjk \
	fonts-arphic-ukai fonts-liberation2 postgresql-15

.PHONY: platform run test check lint bench fuzz bundle zip deb test-bundle screenshots system-run system-test clean

# The OCR engine without its opencv-python requirement (pyproject's `ocr` extra says why).
OCR_PACKAGE := rapidocr-onnxruntime>=1.4,<1.5

$(VENV)/.base: pyproject.toml
	$(PYTHON) -m venv $(VENV) || { echo "python3-venv is missing: apt-get install python3-venv"; exit 1; }
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip uninstall -q -y opencv-python 2>/dev/null || true
	$(PY) -m pip install -q -e '.[ocr]'
	$(PY) -m pip install -q --no-deps '$(OCR_PACKAGE)'
	touch $@

$(VENV)/.test: $(VENV)/.base
	$(PY) -m pip install -q -e '.[test,ocr]'
	touch $@

# A python3 older than 3.11, or a platform Qt has no wheel for (Linux ARM64 below glibc 2.31), stops
# here with what to do.
platform:
	@sh build/check-python.sh $(PYTHON)
	@sh build/check-platform.sh

system-run:
	@sh build/apt-install.sh $(RUN_DEBS)

system-test:
	@sh build/apt-install.sh $(TEST_DEBS)

run: platform system-run $(VENV)/.base
	$(PY) -m desktop

lint: $(VENV)/.test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy

test: platform system-test $(VENV)/.test lint
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/pytest -q

bench: $(VENV)/.test
	$(PY) bench/run.py

# A one-folder bundle for this OS in dist/luoshi (PyInstaller; see README for Windows).
$(VENV)/.bundle: $(VENV)/.base
	$(PY) -m pip install -q -e '.[bundle,ocr]'
	touch $@

bundle: platform system-run $(VENV)/.bundle
	$(VENV)/bin/pyinstaller --noconfirm --distpath dist --workpath build/work build/luoshi.spec
	$(PY) build/split_ocr.py dist/luoshi

# The downloads: the program's zip and the OCR add-on's zip (README, 下载即用).
zip: bundle
	$(PY) build/zip_bundle.py dist/luoshi dist

# A .deb of the bundle for UOS, Kylin and Debian desktops: /opt/luoshi, a menu entry and an icon.
deb: bundle
	$(PY) build/make_deb.py dist/luoshi dist

# The everyday loop (under a minute): lint, then every test but the slow ones (OCR, LibreOffice, kills),
# on two workers. `make test` runs everything in one process, as CI does.
check: lint
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/pytest -q -m "not slow" -n 2

# The bundle's smoke test (starts it offscreen on the sample, writes a report and a ledger, reports the
# highest GLIBC it needs), then the .deb installed with dpkg -i and removed with dpkg -r.
test-bundle: system-test $(VENV)/.test deb
	$(PY) build/bundle_needs.py dist/luoshi
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/pytest -q tests/test_bundle.py tests/test_deb.py

# Mutated files through every importer for FUZZ_SECONDS each; fails on any unhandled exception.
FUZZ_SECONDS ?= 30
fuzz: $(VENV)/.test
	$(PY) bench/fuzz.py $(FUZZ_SECONDS)

# Redraw docs/screenshots/*.png in a virtual 1366x768 screen.
screenshots: system-run $(VENV)/.base
	@sh build/apt-install.sh xvfb xauth
	xvfb-run -a -s "-screen 0 1366x768x24" $(PY) docs/screenshots/make_screenshots.py

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache dist build/work
