"""Pairing by key: the draft's units in order with the source's unit of the same key, then what
the draft lacks; the same from units held in memory and from units spooled to disk."""

from __future__ import annotations

import random

import pytest

from tqcheck.readers.base import Unit
from tqcheck.readers.spool import SpooledUnits
from tqcheck.text.keys import KeyedSegments


def _units(rng: random.Random, n: int, words: str) -> list[Unit]:
    return [Unit(f"{words} {i}", i + 1, key=f"screen.{rng.randrange(12)}") for i in range(n)]


@pytest.mark.parametrize("spooled", [False, True])
def test_units_pair_by_key_repeated_and_missing_keys_included(spooled):
    rng = random.Random(3)
    for _ in range(50):
        draft, source = _units(rng, rng.randrange(0, 15), "Texto"), _units(rng, rng.randrange(0, 15), "Text")
        if spooled:
            draft, source = SpooledUnits(draft), SpooledUnits(source)
        segments = list(KeyedSegments(draft, source))
        last = {u.key: u.target for u in source}  # a key the source repeats: its last unit
        assert [(s.target, s.source, s.key, s.line) for s in segments[: len(draft)]] == [
            (u.target, last.get(u.key, ""), u.key, u.line) for u in draft
        ]
        said = {u.key for u in draft}
        assert [(s.target, s.source, s.key) for s in segments[len(draft) :]] == [
            ("", u.target, u.key) for u in source if u.key not in said
        ]
        assert [s.id for s in segments] == list(range(len(segments)))


def test_a_subtitle_pairs_with_the_cue_of_its_number():
    source = [Unit("Good morning.", 3, key="1"), Unit("Where is the station?", 7, key="2"), Unit("Thanks.", 11, key="3")]
    draft = [Unit("Onde fica a estação?", 7, key="2"), Unit("Bom dia.", 3, key="1")]
    segments = KeyedSegments(draft, source)
    assert [(s.target, s.source) for s in segments] == [
        ("Onde fica a estação?", "Where is the station?"), ("Bom dia.", "Good morning."), ("", "Thanks."),
    ]
    assert segments[2].line == 11 and segments[1:] == [segments[1], segments[2]]
