"""Word order: the neighbouring words of a draft that another text of the same language (its round
trip) has the other way round, the draft with them exchanged, and how many of a sentence's word
pairs another text has in the same order."""

from __future__ import annotations

import re
from collections.abc import Iterator

from tqcheck.records import Span

_TOKEN = re.compile(r"\w+(?:['’]\w+)*")


def _pairs(text: str) -> set[tuple[str, str]]:
    words = [w.lower() for w in _TOKEN.findall(text)]
    return set(zip(words, words[1:]))


def shared_pairs(sentence: str, other: str) -> float:
    """The share of the pairs of neighbouring words of ``sentence`` that ``other`` has side by side
    in the same order (0.0 for a sentence of one word)."""
    mine = _pairs(sentence)
    return len(mine & _pairs(other)) / len(mine) if mine else 0.0


def transpositions(draft: str, reference: str) -> Iterator[Span]:
    """The span (first word to second) of each pair of neighbouring words of ``draft`` that
    ``reference`` has side by side the other way round, and never in the draft's order."""
    words = [(m.group().lower(), m.span()) for m in _TOKEN.finditer(draft)]
    neighbours = _pairs(reference)
    for (first, (start, _)), (second, (_, end)) in zip(words, words[1:]):
        if first != second and (second, first) in neighbours and (first, second) not in neighbours:
            yield start, end


def exchanged(text: str) -> str:
    """``text`` with its first and last words exchanged, what lies between kept ("cat black" →
    "black cat")."""
    tokens = list(_TOKEN.finditer(text))
    first, last = tokens[0], tokens[-1]
    return text[: first.start()] + last.group() + text[first.end() : last.start()] + first.group() + text[last.end() :]
