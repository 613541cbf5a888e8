"""The embedded Bergamot models, run for real."""

import os

import pytest

from tqcheck.backends import embedded, get_backend
from tqcheck.errors import BackendError


def test_translates_both_ways_and_keeps_order():
    backend = get_backend("auto", [("pt", "en"), ("en", "pt")])
    out = backend.translate(["A Alemanha e a Finlândia discordam.", "", "Morreram 13 mil pessoas."], "pt", "en")
    assert "Germany" in out[0] and "Finland" in out[0]
    assert out[1] == ""
    assert "13,000" in out[2] or "13 thousand" in out[2]
    [pt] = backend.translate(["NATO considers Kaliningrad in danger from NATO"], "en", "pt")
    assert "Kaliningrado" in pt and pt.count("OTAN") == 2


def test_translation_workers_run_at_a_lower_priority_than_the_check(monkeypatch):
    monkeypatch.setenv("TQCHECK_WORKERS", "2")
    texts = [f"The council met on day {i} to discuss the budget." for i in range(embedded._PARALLEL_FROM)]
    out = embedded._parallel(texts, "en", "pt")
    assert len(out) == len(texts) and all("orçamento" in t for t in out)
    # the pool that translated them: os.nice(0) reads a process's niceness without changing it
    nice = [embedded._pool().submit(os.nice, 0).result() for _ in range(4)]
    assert set(nice) == {min(19, os.nice(0) + embedded.WORKER_NICENESS)}


def test_signature_names_backend_model_and_version():
    sig = get_backend("embedded", [("en", "pt")]).signature
    assert sig.name == "embedded" and "enpt" in sig.model and sig.version.startswith("fxtranslate-")


def test_multi_sentence_line_is_translated_whole():
    backend = get_backend("auto", [("en", "pt")])
    [out] = backend.translate(["You did not believe us. We told you again 10 years ago. Trust us now."], "en", "pt")
    assert "10 anos" in out and out.rstrip().endswith(".") and len(out) > 50


def test_unsupported_pair_and_unknown_backend():
    with pytest.raises(BackendError, match="ru→en"):  # no test puts a Russian model in the session's hub cache
        get_backend("auto", [("ru", "en")])
    with pytest.raises(BackendError, match="covers en↔pt only"):
        get_backend("embedded", [("el", "en")])
    with pytest.raises(BackendError, match="unknown backend"):
        get_backend("nllb", [("pt", "en")])


def test_each_thread_gets_its_own_engine():
    """The Bergamot engine refuses to be used from another thread than the one that made it: a
    server checks on a worker thread after tests (or a warm-up) used the main one."""
    import threading

    from tqcheck.backends.embedded import EmbeddedBackend

    backend = EmbeddedBackend.shared()
    here = backend.translate_here(["O Governo aprovou o orçamento."], "pt", "en")
    there: list[list[str]] = []
    worker = threading.Thread(target=lambda: there.append(backend.translate_here(["O Governo aprovou o orçamento."], "pt", "en")))
    worker.start()
    worker.join()
    assert there == [here] and here[0]
