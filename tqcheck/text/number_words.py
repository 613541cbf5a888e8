"""Number words read by text2num (MIT; en, fr, es, pt, de, nl, da, it): the compounds a word list
cannot hold, such as "forty-five", "twenty one", "vinte e cinco mil" and "zweiundvierzig"."""

from __future__ import annotations

import math
import re
from collections.abc import Iterator

from tqcheck.lang import Numbers
from tqcheck.records import Span

_WORDS = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*|\S")
_JOINERS = frozenset({"e", "y", "and", "et", "und", "en", "og"})


class _Token:
    """A word as text2num's ``find_numbers`` reads it (its ``Token`` protocol), with its place."""

    __slots__ = ("word", "start", "end")

    def __init__(self, word: str, start: int, end: int) -> None:
        self.word, self.start, self.end = word, start, end

    def text(self) -> str:
        return self.word

    def nt_separated(self, previous: _Token) -> bool:
        return False

    def not_a_number_part(self) -> bool:
        return False


def find(text: str, code: str, taken: list[Span], known: Numbers) -> Iterator[tuple[Span, float, bool]]:
    """Each (span, value, soft) of a number in words outside ``taken`` that the language's own
    lists do not read: several words, a hyphenated word, or a single word they lack
    ("quinhentos"). A lone word for one, an ordinal, or a round number's plural is soft: it only
    ever pairs. Scale words alone ("mil milhões", "bilião") are left to the lists' bare scales."""
    from text_to_num import find_numbers

    tokens = [_Token(m.group(), *m.span()) for m in _WORDS.finditer(text) if not any(s <= m.start() < e for s, e in taken)]
    for occurrence in find_numbers(tokens, code, 0.0):
        run = tokens[occurrence.start : occurrence.end]
        words = [t.word.lower() for t in run]
        if len(words) == 1 and (words[0] in known.cardinals or words[0] in known.soft):
            continue  # the word lists read it (and know "dozen" or "once" besides)
        if all(w in known.scales or w in _JOINERS for w in words):
            continue
        # one word the lists lack for a round number is its plural ("tens", "hundreds", "miles",
        # "cientos"): a vague amount, as "tens of thousands" is "decenas de miles"
        vague = len(words) == 1 and occurrence.value >= 10 and math.log10(occurrence.value).is_integer()
        yield (run[0].start, run[-1].end), occurrence.value, occurrence.is_ordinal or occurrence.value == 1 or vague
