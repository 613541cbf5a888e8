# Two set-up commands on a fresh machine: `make demo` (check the seed article) and `make test`.
PYTHON ?= python3
SEED := references/seed/kaliningrad-article.en.txt

.PHONY: install demo test bench

# WordNet (Debian wordnet-base) feeds the antonym check; the rest comes from PyPI.
install:
	@if [ ! -f /usr/share/wordnet/data.adj ] && command -v apt-get >/dev/null; then \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq wordnet-base; \
	fi
	$(PYTHON) -m pip install --quiet --disable-pip-version-check -e '.[test]'

demo: install
	$(PYTHON) -m tqcheck check $(SEED) || [ $$? -eq 1 ]  # exit 1 means findings: expected here

test: install
	$(PYTHON) -m pytest

bench: install
	$(PYTHON) bench/quality.py
	$(PYTHON) bench/langid.py
