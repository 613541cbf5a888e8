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

import re
from dataclasses import dataclass

from tqcheck.model import Span
from tqcheck.text.entities import common_prefix, fold

_FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        """a an the of to in on at by for with from and or but is are was were be been being it its this that these
        those as which who whom whose what there their they them he she his her we our you your i than then so such
        also will would can could may might must should has have had do does did into over about between after before
        while because if when where more most very just only even up out s""".split()
    ),
    "pt": frozenset(
        """o a os as um uma uns umas de do da dos das em no na nos nas por pelo pela pelos pelas para com e ou mas que
        se é são foi foram ser ter tem têm há seu sua seus suas ele ela eles elas nós ao aos à às num numa este esta
        estes estas esse essa esses essas isso isto aquele aquela lhe lhes mais muito como já também está estão
        era eram sobre entre até quando onde""".split()
    ),
    "es": frozenset(
        """el la los las un una unos unas de del en por para con y o pero que se es son fue ser ha han su sus él ella
        ellos ellas al lo le les más muy como ya también está están este esta estos estas ese esa sobre entre hasta
        cuando donde""".split()
    ),
}
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class Run:
    span: Span
    words: int  # content words in the run
    seam: int | None = None  # the other text's content words between the run's neighbours; None: no neighbour found


def _function_words(lang: str | None) -> frozenset[str]:
    return _FUNCTION_WORDS.get(lang or "", frozenset())


def _stem_match(a: str, b: str) -> bool:
    shortest = min(len(a), len(b))
    return shortest >= 5 and len(common_prefix(a, b)) >= max(5, int(0.75 * shortest))


def content_words(text: str, lang: str | None) -> list[tuple[str, Span]]:
    """The words of ``text`` that are not function words, with their spans."""
    stop = _function_words(lang)
    return [(m.group(), m.span()) for m in _WORD.finditer(text) if fold(m.group()) not in stop and not m.group().isdigit()]


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


def length_ratio(text: str, reference: str) -> float:
    """Words of ``text`` per word of ``reference``."""
    return word_count(text) / max(word_count(reference), 1)


def _covered(word: str, reference: set[str]) -> bool:
    return word in reference or any(_stem_match(word, r) for r in reference)


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


def _long_content_words(text: str, lang: str | None) -> list[tuple[str, Span]]:
    """Folded content words of three letters or more: shorter ones are mostly particles."""
    return [(fold(w), span) for w, span in content_words(text, lang) if len(w) >= 3]


def uncovered_words(text: str, reference: str, lang: str | None) -> list[tuple[str, Span]]:
    """The content words of ``text`` that ``reference`` lacks, with their spans."""
    ref = {fold(w) for w in _WORD.findall(reference)}
    return [(w, span) for w, span in _long_content_words(text, lang) if not _covered(w, ref)]


def longest_uncovered(text: str, reference: str, lang: str | None) -> Run | None:
    """The longest run of ``text``'s content words that ``reference`` lacks, with its seam, or None."""
    ref = {fold(w) for w in _WORD.findall(reference)}
    words = _long_content_words(text, lang)
    covered = [_covered(w, ref) for w, _ in words]
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
    ref_words = [w for w, _ in _long_content_words(reference, lang)]
    left = words[first - 1][0] if first > 0 else None
    right = words[end][0] if end < len(words) else None
    return Run((words[first][1][0], words[end - 1][1][1]), end - first, _seam(left, right, ref_words))
