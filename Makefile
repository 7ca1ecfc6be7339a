# The two commands of the README: `make run` and `make test`.
# Each creates .venv/ at the project root when it is missing and installs everything.
VENV    := .venv
PY      := $(VENV)/bin/python
STAMP   := $(VENV)/.installed-stamp
export PREFECT_SERVER_ANALYTICS_ENABLED := false
export PREFECT_LOGGING_LEVEL ?= WARNING

.PHONY: run test install bench clean system-deps

# Debian packages the tests and benchmarks use: Chromium renders the HTML report and prints an
# Arabic PDF (in DejaVu Sans) in tests, poppler-utils gives pdftotext for the repair benchmark.
# Installed only when missing.
system-deps:
	@command -v chromium >/dev/null 2>&1 && command -v pdftotext >/dev/null 2>&1 && \
	  fc-list 2>/dev/null | grep -q "DejaVuSans.ttf" || \
	  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium poppler-utils \
	    fonts-dejavu-core >/dev/null; }

$(STAMP): pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	# the local CPU wheel first: otherwise camel-tools pulls several GB of CUDA torch
	$(PY) -m pip install -q torch==2.13.0
	$(PY) -m pip install -q -e '.[dev]'
	# the general Arabic word-pair table, built once per machine into $${MAHDAR_CACHE:-~/.cache/mahdar} (~40 s)
	$(PY) -c "from normalizers.msa import general_pairs; assert general_pairs() is not None"
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(VENV)/bin/mahdar ingest data/raw

test: $(STAMP) system-deps
	$(PY) -m pytest

bench: $(STAMP) system-deps
	$(PY) bench/bench_repair.py --repeats 5 --out docs/repair-benchmark.md

clean:
	rm -rf $(VENV) data/warehouse/*.duckdb*
