"""Local slips planted in fluent sentences: what the slip tagger learns from and the bench measures.

Each family changes one thing in a sentence split on white space and says which words are now
wrong, so a tagger can learn where a slip is, not only that there is one: two neighbouring words
exchanged (both), a word written twice (the copy), a function word of the language replaced by
another (the new word), a word left out (the words either side of the gap).
"""

from __future__ import annotations

import random
from collections.abc import Callable, Collection

Slip = tuple[list[str], frozenset[int]]
"""The changed words, and the positions in them that a tagger should find wrong."""


def swap(words: list[str], function_words: Collection[str], rng: random.Random) -> Slip | None:
    i = rng.randrange(len(words) - 1)
    if words[i] == words[i + 1]:
        return None
    return words[:i] + [words[i + 1], words[i]] + words[i + 2 :], frozenset({i, i + 1})


def repeat(words: list[str], function_words: Collection[str], rng: random.Random) -> Slip | None:
    i = rng.randrange(len(words))
    return words[: i + 1] + [words[i]] + words[i + 1 :], frozenset({i + 1})


def function_word(words: list[str], function_words: Collection[str], rng: random.Random) -> Slip | None:
    pool = sorted(function_words)
    places = [i for i, w in enumerate(words) if w.lower() in pool]
    if not places:
        return None
    i = rng.choice(places)
    other = rng.choice([w for w in pool if w != words[i].lower()])
    return words[:i] + [other] + words[i + 1 :], frozenset({i})


def drop(words: list[str], function_words: Collection[str], rng: random.Random) -> Slip | None:
    i = rng.randrange(1, len(words))
    return words[:i] + words[i + 1 :], frozenset({i - 1, i} if i < len(words) - 1 else {i - 1})


SLIPS: dict[str, Callable[[list[str], Collection[str], random.Random], Slip | None]] = {
    "swap": swap, "repeat": repeat, "function-word": function_word, "drop": drop,
}
