# Two commands do all the set-up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install run test browser samples clean bench train-checkworthiness

# The last step writes the byte code for our own modules, as a wheel install has: an editable install leaves
# it to the first run, which cannot write it where PYTHONDONTWRITEBYTECODE is set (every command then
# compiled ~70 ms of source). (Comments stay out of the recipe: make echoed them on a fresh machine.)
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	$(BIN)/python -m compileall -q workbench
	touch $(STAMP)

# the extractor's regular expressions compiled once (workbench/extract/re_cached.py): every pattern is
# rebuilt when a module changes; a missing or stale file only makes each run compile as before
REGEX_CODES := workbench/extract/re_codes.marshal
# (the byte code too: $(STAMP) compiles it once, and a run where it is stale compiles the changed modules
# from source every time, ~20 ms each, where PYTHONDONTWRITEBYTECODE is set)
$(REGEX_CODES): $(STAMP) $(wildcard workbench/*.py workbench/*/*.py)
	$(BIN)/python -m compileall -q workbench
	$(BIN)/python -m workbench.extract.re_cached --build

# the patterns Textual, Rich and click compile while the TUI starts, stored the same way for its launch
# (workbench/start_codes.py; ~6 % of the instructions to the library's first frame)
START_CODES := workbench/start_codes.marshal
$(START_CODES): $(REGEX_CODES)
	$(BIN)/python -m workbench.start_codes --build

install: $(STAMP) $(REGEX_CODES) $(START_CODES)

# Import the bundled samples (other outlets' fact-checks first, so the articles are matched to them) and open the workbench.
run: $(STAMP) $(REGEX_CODES) $(START_CODES)
	$(BIN)/workbench factchecks import sample_factchecks/ > /dev/null || true
	$(BIN)/workbench import sample_articles/ > /dev/null || true
	$(BIN)/workbench factchecks match --all > /dev/null || true
	$(BIN)/workbench

test: $(STAMP) $(REGEX_CODES) $(START_CODES) browser
	$(BIN)/python -m pytest

# The browser test (tests/test_serve_browser.py) needs Debian's headless Chromium and its driver: install them
# when missing and we may (root with apt-get, as in CI); elsewhere the test is skipped, and in CI it fails.
browser:
	@if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then \
		if [ "$$(id -u)" = 0 ] && command -v apt-get > /dev/null; then \
			echo "installing chromium and chromium-driver for the browser test"; \
			apt-get update -qq && \
			DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver > /dev/null; \
		else \
			echo "no chromium: the browser test will be skipped (as root on Debian, make test installs it)"; \
		fi; \
	fi

bench: $(STAMP)
	$(BIN)/python benchmarks/extract_speed.py

# Rebuild the check-worthiness weights from ../shared/eval and print the validation tables (~10 min).
train-checkworthiness: $(STAMP)
	$(BIN)/pip install -q -e '.[train]'
	$(BIN)/python scripts/train_checkworthiness.py --validate

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache
