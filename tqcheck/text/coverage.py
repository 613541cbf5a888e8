"""Which stretches of one text another text does not cover, word by word.

Used within one language (draft vs. machine translation of the source, back-translation vs.
source). Function words never count; a content word is covered when the other text has it, or a
word sharing its stem-like prefix ("recovered" ~ "recovery"). A long uncovered run of content
words is a clause the other text does not have.

The run's *seam* tells a cut from a rewording: how many of the other text's content words stand
between the words on either side of the run. A clause cut out of a sentence leaves its neighbours
side by side (seam 0); a translator who says the same thing in other words puts those other words
there.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from tqcheck import lang
from tqcheck.records import Span
from tqcheck.text.strings import WORD, fold, same_opening


@dataclass(frozen=True)
class Run:
    span: Span
    words: int  # content words in the run
    seam: int | None = None  # the other text's content words between the run's neighbours; None: no neighbour found


_OPENING = 5
"""Letters two words must open with alike to share a stem: a word need only be compared with the
other text's words that open as it does."""


def _stem_match(a: str, b: str) -> bool:
    return same_opening(a, b, at_least=_OPENING, share=0.75)


class _Vocabulary:
    """The folded words of one text, counted, and filed by their opening. Every check reads the
    same few texts of a segment against each other; comparing a word with each word of the other
    text took a tenth of a bilingual check's own time (references/speed.md)."""

    def __init__(self, text: str) -> None:
        self.counts = Counter(fold(w) for w in WORD.findall(text))
        self._by_opening: dict[str, list[str]] = {}
        for word in self.counts:
            if len(word) >= _OPENING:
                self._by_opening.setdefault(word[:_OPENING], []).append(word)

    def covers(self, word: str) -> bool:
        """Whether the text has folded ``word`` or a word sharing its stem-like opening."""
        alike = self._by_opening.get(word[:_OPENING], ())
        return word in self.counts or any(_stem_match(word, w) for w in alike)


@lru_cache(maxsize=256)
def _vocabulary(text: str) -> _Vocabulary:
    return _Vocabulary(text)


def content_words(text: str, code: str | None, keep: frozenset[str] = frozenset()) -> list[tuple[str, Span]]:
    """The words of ``text`` that are not function words, with their spans; every word that is no
    number, in a language that declares no stopwords. Function words in ``keep`` count too."""
    stop = lang.get(code).stopwords or frozenset()
    if keep:
        stop = stop - keep
    return [(m.group(), m.span()) for m in WORD.finditer(text) if fold(m.group()) not in stop and not m.group().isdigit()]


def word_count(text: str) -> int:
    return len(WORD.findall(text))


def length_ratio(text: str, reference: str) -> float:
    """Words of ``text`` per word of ``reference``."""
    return word_count(text) / max(word_count(reference), 1)


def _positions(word: str, words: list[str]) -> list[int]:
    return [i for i, w in enumerate(words) if w == word or _stem_match(w, word)]


def _seam(left: str | None, right: str | None, reference: list[str]) -> int | None:
    """Content words of ``reference`` between where ``left`` and ``right`` occur in it."""
    if left is None and right is None:
        return None
    if left is None:
        return min(_positions(right, reference), default=None)  # type: ignore[arg-type]
    if right is None:
        last = max(_positions(left, reference), default=None)
        return None if last is None else len(reference) - 1 - last
    gaps = [r - l - 1 for l in _positions(left, reference) for r in _positions(right, reference) if r > l]
    return min(gaps, default=None)


def _long_content_words(text: str, code: str | None) -> list[tuple[str, Span]]:
    """Folded content words of three letters or more: shorter ones are mostly particles."""
    return [(fold(w), span) for w, span in content_words(text, code) if len(w) >= 3]


def telling_words(text: str, code: str | None) -> int:
    """How many content words of three letters or more ``text`` has: those coverage reads."""
    return len(_long_content_words(text, code))


def uncovered_words(text: str, reference: str, code: str | None) -> list[tuple[str, Span]]:
    """The content words of ``text`` that ``reference`` lacks, with their spans."""
    return [(w, span) for w, span, had in _lacked(_long_content_words(text, code), reference) if not had]


def unmatched_words(text: str, reference: str) -> list[tuple[str, Span]]:
    """Every word of three letters or more of ``text`` that ``reference`` lacks, function words too
    ("mais", "antes"), as written: the words a dictionary may tell an opposite of. A word
    ``reference`` has fewer times is unmatched from its first occurrence past that count ("mais
    de 500 … os mais perigosos" against "mais de 500 … os menos perigosos": the second "mais")."""
    words = [(m.group(), m.span()) for m in WORD.finditer(text) if len(m.group()) >= 3 and not m.group()[0].isdigit()]
    return [(w, span) for w, span, _ in _lacked(words, reference)]


def surplus_words(text: str, reference: str, code: str | None) -> list[tuple[str, Span]]:
    """The content words ``text`` repeats more often than ``reference`` has them, the later
    occurrences: a clause cut from a sentence that says "found" twice leaves one "found" behind."""
    return [(w, span) for w, span, had in _lacked(_long_content_words(text, code), reference) if had]


def _lacked(words: list[tuple[str, Span]], reference: str) -> list[tuple[str, Span, bool]]:
    """Each of ``words`` (of one text, in order) that ``reference`` lacks, or has fewer times than
    the text has said it so far, with whether ``reference`` has it at all. A word it lacks may be
    covered by one sharing its stem-like opening; a word it has is counted exactly."""
    ref, seen = _vocabulary(reference), Counter[str]()
    have = ref.counts
    lacked = []
    for word, span in words:
        key = fold(word)
        seen[key] += 1
        if seen[key] > have[key] and (have[key] or not ref.covers(key)):
            lacked.append((word, span, have[key] > 0))
    return lacked


def longest_uncovered(text: str, reference: str, code: str | None) -> Run | None:
    """The longest run of ``text``'s content words that ``reference`` lacks, with its seam, or None."""
    ref = _vocabulary(reference)
    words = _long_content_words(text, code)
    covered = [ref.covers(w) for w, _ in words]
    best: tuple[int, int] | None = None  # [start, end) indexes into words
    start = 0
    for i in range(len(words) + 1):
        if i < len(words) and not covered[i]:
            continue
        if i > start and (best is None or i - start > best[1] - best[0]):
            best = (start, i)
        start = i + 1
    if best is None:
        return None
    first, end = best
    ref_words = [w for w, _ in _long_content_words(reference, code)]
    left = words[first - 1][0] if first > 0 else None
    right = words[end][0] if end < len(words) else None
    return Run((words[first][1][0], words[end - 1][1][1]), end - first, _seam(left, right, ref_words))
