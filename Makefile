# Two set-up commands on a fresh machine: `make demo` (check the seed article) and `make test`.
# Everything goes into a virtual environment, .venv, so Debian's own Python (which refuses
# `pip install` outside one) works as it is; no root is needed for anything but the optional
# Debian packages below.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
SEED := references/seed/kaliningrad-article.en.txt
TORCH ?= 2.13.0
SARIF_SCHEMA := .cache/sarif-schema-2.1.0.json

.PHONY: install system-packages demo test bench

# Optional Debian packages: WordNet feeds the antonym check (TQ403); Chromium renders the HTML
# report in its test; Apertium (GPL-2, run as a subprocess) and its pairs translate es, fr and gl
# (es→pt→en with the embedded model); FreeDict's dictionaries (read where Debian puts them) tell a
# Greek body's name that renders nothing in the source (TQ201, with no model: Wiktionary's data,
# CC-BY-SA) and a Portuguese or Spanish word's English senses, so a draft's opposite of a word of
# the machine translation of its source is read in its language, and an English draft's against
# its source (TQ403: FreeDict's data, GPL-2+, both ways between each language and English).
# Without root or sudo they are skipped with a note, and
# tqcheck still works: its reports say which checks did not run and why.
APERTIUM_PAIRS := apertium-es-pt apertium-eng-spa apertium-fr-es apertium-es-gl
DICTIONARIES := dict-freedict-ell-eng dict-freedict-por-eng dict-freedict-eng-por dict-freedict-spa-eng \
	dict-freedict-eng-spa
system-packages:
	@missing=""; \
	[ -f /usr/share/wordnet/data.adj ] || missing="$$missing wordnet-base"; \
	command -v chromium >/dev/null || command -v chromium-browser >/dev/null || missing="$$missing chromium"; \
	command -v apertium >/dev/null || missing="$$missing apertium"; \
	for pkg in $(APERTIUM_PAIRS) $(DICTIONARIES); do dpkg -s $$pkg >/dev/null 2>&1 || missing="$$missing $$pkg"; done; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if ! command -v apt-get >/dev/null; then echo "note: no apt-get here; not installing$$missing (optional)"; exit 0; fi; \
	if [ "$$(id -u)" = 0 ]; then sudo=""; \
	elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo="sudo -n"; \
	else echo "note: no root or sudo; not installing$$missing (optional: apt-get install$$missing)"; exit 0; fi; \
	echo "installing Debian packages:$$missing"; \
	$$sudo apt-get update -qq >/dev/null 2>&1; \
	for pkg in $$missing; do \
		DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq $$pkg >/dev/null 2>&1 || \
		{ [ $$pkg = chromium ] && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq chromium-browser >/dev/null 2>&1; } || \
		echo "note: could not install $$pkg (optional)"; \
	done

$(PY):
	@$(PYTHON) -m venv $(VENV) || { echo "error: '$(PYTHON) -m venv' failed; on Debian or Ubuntu install python3-venv"; exit 1; }
	@$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip

# torch is pinned first to the CPU build (an unpinned one pulls a multi-GB CUDA build); the
# transformers and CTranslate2 extras are installed because their tests build and run tiny models;
# the lm extra (SmolLM2, 98 MB) because the fluency tests run it; the ray extra because the Ray
# engine's tests start a real local Ray instance.
install: system-packages $(PY)
	$(PY) -m pip install --quiet --disable-pip-version-check torch==$(TORCH)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[test,transformers,ctranslate2,serve,lm,ray]'
	@# the official SARIF 2.1.0 JSON schema, as Microsoft's jest-sarif ships it, for the SARIF tests
	@if [ ! -f $(SARIF_SCHEMA) ]; then \
		mkdir -p .cache && cd .cache && npm pack --silent @microsoft/jest-sarif@1.0.0-beta.0 >/dev/null && \
		tar xzf microsoft-jest-sarif-1.0.0-beta.0.tgz package/lib/schemas/sarif-2.1.0-rtm.5.json && \
		mv package/lib/schemas/sarif-2.1.0-rtm.5.json sarif-schema-2.1.0.json && rm -rf package *.tgz \
		|| echo "note: the SARIF schema could not be fetched (needs npm); the SARIF tests will fail"; \
	fi

demo: install
	$(PY) -m tqcheck check $(SEED) || [ $$? -eq 1 ]  # exit 1 means findings: expected here

test: install
	$(PY) -m pytest

bench: install
	$(PY) bench/quality.py
	$(PY) bench/backends.py
	$(PY) bench/langid.py
	$(PY) bench/inversions.py
	$(PY) bench/slips.py
