"""The slips the tagger learns from: each family changes the sentence and marks exactly what changed."""

from __future__ import annotations

import random

import pytest

from tqcheck import lang
from tqcheck.backends.slips import SLIPS

SENTENCE = "The minister said on Tuesday that the new bridge would open to traffic in the spring".split()
FUNCTION_WORDS = lang.get("en").stopwords or frozenset()


@pytest.mark.parametrize("family", sorted(SLIPS))
def test_a_planted_slip_marks_the_words_a_reader_would_find_wrong(family):
    rng = random.Random(3)
    for _ in range(40):
        planted = SLIPS[family](SENTENCE, FUNCTION_WORDS, rng)
        assert planted is not None
        words, wrong = planted
        assert words != SENTENCE and wrong and all(0 <= i < len(words) for i in wrong)
        if family == "swap":
            i, j = sorted(wrong)
            assert j == i + 1 and (words[i], words[j]) == (SENTENCE[j], SENTENCE[i])
        elif family == "repeat":
            [i] = wrong
            assert words[i] == words[i - 1] and words[:i] + words[i + 1 :] == SENTENCE
        elif family == "function-word":
            [i] = wrong
            assert words[i] != SENTENCE[i].lower() and words[i] in FUNCTION_WORDS
            assert words[:i] + words[i + 1 :] == SENTENCE[:i] + SENTENCE[i + 1 :]
        else:  # drop: the words either side of the gap
            assert len(words) == len(SENTENCE) - 1
            gap = next((i for i, (a, b) in enumerate(zip(words, SENTENCE)) if a != b), len(words))
            assert words[gap:] == SENTENCE[gap + 1 :] and wrong == {gap - 1, gap} & set(range(len(words)))


def test_the_same_seed_plants_the_same_slips():
    def planted(seed):
        rng = random.Random(seed)
        return [SLIPS[f](SENTENCE, FUNCTION_WORDS, rng) for f in sorted(SLIPS)]

    assert planted(7) == planted(7) != planted(8)
