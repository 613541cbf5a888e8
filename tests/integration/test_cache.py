"""The persistent translation cache with the real embedded model."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tqcheck.backends.embedded import EmbeddedBackend
from tqcheck.cache import CachedBackend, TranslationCache, cache_path
from tqcheck.cli import app

DATA = Path(__file__).resolve().parent.parent / "data"
ARGS = ["check", "-f", "json", "-s", str(DATA / "budget.pt.txt"), str(DATA / "budget.bad.en.txt")]
runner = CliRunner()


@pytest.fixture
def own_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("TQCHECK_CACHE_DIR", str(tmp_path))
    return tmp_path / "translations.sqlite3"


@pytest.fixture
def calls(monkeypatch):
    """Count the texts the real embedded model is asked to translate (it still runs)."""
    seen: list[str] = []
    original = EmbeddedBackend.translate

    def counting(self, texts, src, tgt):
        seen.extend(texts)
        return original(self, texts, src, tgt)

    monkeypatch.setattr(EmbeddedBackend, "translate", counting)
    return seen


def test_second_run_translates_nothing_and_reports_the_same(own_cache, calls):
    first = runner.invoke(app, ARGS)
    assert calls and own_cache.is_file()
    calls.clear()
    second = runner.invoke(app, ARGS)
    assert calls == []
    assert first.stdout == second.stdout and second.exit_code == 1


def test_no_cache_neither_reads_nor_writes(own_cache, calls):
    runner.invoke(app, [*ARGS, "--no-cache"])
    assert calls and not own_cache.exists()


def test_a_damaged_cache_file_is_rebuilt(own_cache, calls):
    own_cache.write_bytes(b"this is not a database" * 100)
    result = runner.invoke(app, ARGS)
    assert result.exit_code == 1 and json.loads(result.stdout)["summary"]["segments"] == 3
    assert Path(f"{own_cache}.damaged").is_file()
    calls.clear()
    runner.invoke(app, ARGS)
    assert calls == []  # the rebuilt cache works


def test_cache_clear_command(own_cache):
    runner.invoke(app, ARGS)
    result = runner.invoke(app, ["cache", "clear"])
    assert result.exit_code == 0 and "removed" in result.stdout and str(own_cache) in result.stdout
    assert TranslationCache(own_cache).get_many(EmbeddedBackend.shared().signature, "en", "pt", ["x"]) == {}


WORKER = """
import sys
from tqcheck.backends.embedded import EmbeddedBackend
from tqcheck.cache import CachedBackend, TranslationCache
texts = [f"Sentence number {i} of worker {sys.argv[1]}." for i in range(30)] + ["Shared sentence."] * 5
out = CachedBackend(EmbeddedBackend.shared(), TranslationCache()).translate(texts, "en", "pt")
assert len(out) == len(texts) and all(out)
"""


def test_two_processes_share_the_cache(own_cache):
    env = {**os.environ, "TQCHECK_CACHE_DIR": str(own_cache.parent)}
    procs = [subprocess.Popen([sys.executable, "-c", WORKER, str(n)], env=env) for n in (1, 2)]
    assert [p.wait(timeout=120) for p in procs] == [0, 0]
    cache = TranslationCache(own_cache)
    signature = EmbeddedBackend.shared().signature
    texts = [f"Sentence number {i} of worker {w}." for w in (1, 2) for i in range(30)] + ["Shared sentence."]
    assert len(cache.get_many(signature, "en", "pt", texts)) == len(texts)


def test_cache_key_includes_the_backend_signature(own_cache):
    cache = TranslationCache(own_cache)
    embedded = EmbeddedBackend.shared()
    CachedBackend(embedded, cache).translate(["Good morning."], "en", "pt")
    other = type(embedded.signature)("embedded", embedded.signature.model, "another-engine-version")
    assert cache.get_many(other, "en", "pt", ["Good morning."]) == {}
    assert cache_path() == own_cache


@pytest.fixture
def checked(monkeypatch):
    """The segments the number check really runs on (it still runs)."""
    from tqcheck.checks.number_mismatch import NumberMismatch

    seen: list[str] = []
    original = NumberMismatch.run

    def spying(self, ctx):
        seen.append(ctx.target)
        return original(self, ctx)

    monkeypatch.setattr(NumberMismatch, "run", spying)
    return seen


def test_unchanged_segments_are_not_checked_again(own_cache, checked):
    first = runner.invoke(app, ARGS)
    assert len(checked) == 3
    checked.clear()
    second = runner.invoke(app, ARGS)
    assert checked == [] and first.stdout == second.stdout


def test_changed_check_options_invalidate_cached_results(own_cache, tmp_path, monkeypatch, checked):
    project = tmp_path / "project"
    project.mkdir()
    monkeypatch.chdir(project)
    runner.invoke(app, ARGS)
    (project / "pyproject.toml").write_text("[tool.tqcheck.checks.added-content]\nmin-run = 99\n")
    checked.clear()
    runner.invoke(app, ARGS)
    assert len(checked) == 3


OPENER = """
import sys, time
from pathlib import Path
from tqcheck.cache import TranslationCache
while time.time() < float(sys.argv[2]):
    pass
TranslationCache(Path(sys.argv[1])).store("translations", {f"{sys.argv[3]}-{i}": "out" for i in range(50)})
"""


@pytest.mark.slow
def test_processes_opening_a_new_cache_at_once_lose_nothing(tmp_path):
    """Switching a new file to WAL fails with "locked" in all but one of several processes that
    open it at the same moment; that is no damage, and must not set the file aside."""
    for trial in range(4):
        path = tmp_path / f"trial{trial}" / "translations.sqlite3"
        start = time.time() + 0.5
        procs = [subprocess.Popen([sys.executable, "-c", OPENER, str(path), str(start), str(n)]) for n in range(6)]
        assert [p.wait(timeout=60) for p in procs] == [0] * 6
        assert not list(path.parent.glob("*.damaged"))
        assert len(TranslationCache(path).lookup("translations", [f"{n}-{i}" for n in range(6) for i in range(50)])) == 300


def test_a_cache_folder_that_cannot_be_made_is_a_one_line_error_naming_it(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("TQCHECK_CACHE_DIR", str(blocker / "cache"))  # its parent is a file: no folder can be made
    failed = runner.invoke(app, ARGS)
    assert failed.exit_code == 2 and "Traceback" not in failed.output
    database = blocker / "cache" / "translations.sqlite3"
    assert failed.output.startswith(f"tqcheck: error: cannot use the cache at {database}: ")
    assert failed.output.strip().endswith("(--no-cache checks without it)")
    assert runner.invoke(app, [*ARGS, "--no-cache"]).exit_code == 1  # the budget draft has findings
    cleared = runner.invoke(app, ["cache", "clear"])
    assert cleared.exit_code == 2 and cleared.output.startswith("tqcheck: error: cannot use the cache at ")


def test_a_dictionary_installed_or_removed_invalidates_cached_results(own_cache, tmp_path, monkeypatch, checked):
    """What the checks read through FreeDict changes with the dictionaries a machine has."""
    bare = tmp_path / "no-dictionaries"
    bare.mkdir()
    monkeypatch.setenv("TQCHECK_DICTD", str(bare))
    runner.invoke(app, ARGS)
    checked.clear()
    runner.invoke(app, ARGS)
    assert checked == []
    (bare / "freedict-por-eng.dict.dz").write_bytes(b"\x1f\x8b")  # a dictionary appears
    runner.invoke(app, ARGS)
    assert len(checked) == 3
