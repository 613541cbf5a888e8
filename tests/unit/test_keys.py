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


def _cues(*texts: str) -> list[Unit]:
    return [Unit(text, 4 * i + 3, key=str(i + 1)) for i, text in enumerate(texts)]


def test_cues_that_continue_a_sentence_on_either_side_are_one_segment():
    """A subtitler moves words across the cue boundary; the sentence is compared whole."""
    source = _cues("The government announced that it will build", "three new hospitals in the north.", "Work starts soon.")
    draft = _cues("O governo anunciou que vai construir três novos hospitais", "no norte.", "As obras começam em breve.")
    segments = KeyedSegments(draft, source, join_sentences=True)
    assert [(s.target, s.source, s.key, s.line) for s in segments] == [
        ("O governo anunciou que vai construir três novos hospitais no norte.",
         "The government announced that it will build three new hospitals in the north.", "1", 3),
        ("As obras começam em breve.", "Work starts soon.", "3", 11),
    ]
    assert [s.id for s in segments] == [0, 1] and segments[1:] == [segments[1]]
    # open only in the draft, a trailing "..." carrying on, or "…": joined all the same
    ragged = _cues("Ele disse", "que sim.", "Espera...", "agora.")
    assert len(KeyedSegments(ragged, _cues("He said yes.", "Fine.", "Wait...", "now."), join_sentences=True)) == 2


def test_sentences_join_only_neighbouring_cues_of_both_files_and_a_few_at_a_time():
    draft = _cues("Um", "dois", "três", "quatro", "cinco", "seis.")
    source = _cues("One", "two", "three", "four", "five", "six.")
    assert [s.key for s in KeyedSegments(draft, source, join_sentences=True)] == ["1", "5"]  # four cues at most
    reordered = [draft[1], draft[0], *draft[2:]]  # the draft's cues out of the source's order
    assert [s.key for s in KeyedSegments(reordered, source, join_sentences=True)][:2] == ["2", "1"]
    unpaired = [Unit("Sem par", 3, key="9"), *draft[1:]]
    joined = KeyedSegments(unpaired, source, join_sentences=True)
    assert [(s.key, s.source) for s in joined][:2] == [("9", ""), ("2", "two three four five")]
    assert [s.source for s in joined][-1] == "One"  # the source cue the draft lacks, as before
    assert len(KeyedSegments(draft, source)) == 6  # other keyed formats: a unit a segment

