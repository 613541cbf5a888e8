# Two set-up commands on a fresh machine: `make demo` (check the seed article) and `make test`.
PYTHON ?= python3
SEED := references/seed/kaliningrad-article.en.txt
TORCH ?= 2.13.0

.PHONY: install demo test bench

# WordNet (Debian wordnet-base) feeds the antonym check and Chromium renders the HTML report in its
# test; the rest comes from PyPI. torch is pinned first to the CPU build (an unpinned one pulls a
# multi-GB CUDA build); the transformers and CTranslate2 extras are installed because their tests
# build and run tiny models.
install:
	@if { [ ! -f /usr/share/wordnet/data.adj ] || ! command -v chromium >/dev/null; } && command -v apt-get >/dev/null; then \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq wordnet-base chromium >/dev/null; \
	fi
	$(PYTHON) -m pip install --quiet --disable-pip-version-check torch==$(TORCH)
	$(PYTHON) -m pip install --quiet --disable-pip-version-check -e '.[test,transformers,ctranslate2]'
	@# the official SARIF 2.1.0 JSON schema, as Microsoft's jest-sarif ships it, for the SARIF tests
	@if [ ! -f .cache/sarif-schema-2.1.0.json ] && command -v npm >/dev/null; then \
		mkdir -p .cache && cd .cache && npm pack --silent @microsoft/jest-sarif@1.0.0-beta.0 >/dev/null && \
		tar xzf microsoft-jest-sarif-1.0.0-beta.0.tgz package/lib/schemas/sarif-2.1.0-rtm.5.json && \
		mv package/lib/schemas/sarif-2.1.0-rtm.5.json sarif-schema-2.1.0.json && rm -rf package *.tgz \
		|| echo "note: the SARIF schema could not be fetched; its validation tests will be skipped"; \
	fi

demo: install
	$(PYTHON) -m tqcheck check $(SEED) || [ $$? -eq 1 ]  # exit 1 means findings: expected here

test: install
	$(PYTHON) -m pytest

bench: install
	$(PYTHON) bench/quality.py
	$(PYTHON) bench/backends.py
	$(PYTHON) bench/langid.py
