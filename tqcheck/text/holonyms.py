"""English place names and the places WordNet files them within, from its part-holonym pointers
(Debian package ``wordnet-base``): "England" lies within "United Kingdom" (also "Britain"), which
lies within "Europe"; "Texas" within "United States". A translator who narrows or widens a place
("Britain" → "Inglaterra") changes its scope, not the place for another of its kind. Only named
things are read (synsets that are instances: "England", not "shire"). Without WordNet there are
none.
"""

from __future__ import annotations

import re
from functools import cache

from tqcheck.text.antonyms import synset_at, synset_fields, synset_pointers, synset_word, wordnet_dir
from tqcheck.text.strings import fold

_NAMED_PART = re.compile(r"^\d{8} \d\d n [^|\n]* @i [^|\n]* #p \d{8} n [^|\n]*", re.M)
"""A line of data.noun for an instance ("@i") with a part holonym ("#p"): a named part of a whole."""


def _names(fields: list[str]) -> set[str]:
    return {fold(synset_word(fields, n).replace("_", " ")) for n in range(1, int(fields[3], 16) + 1)}


@cache
def _wholes() -> dict[str, frozenset[str]]:
    """Each named part, folded, and every name of every whole it lies within, however far up."""
    folder = wordnet_dir()
    if folder is None:
        return {}
    text = (folder / "data.noun").read_text(encoding="latin-1")
    up: dict[int, list[int]] = {}  # a synset's byte offset → its wholes' offsets
    names: dict[int, set[str]] = {}
    for line in _NAMED_PART.finditer(text):
        fields = synset_fields(line.group())
        offset = int(fields[0])
        up[offset] = [at for symbol, at, pos, _, _ in synset_pointers(fields) if symbol == "#p" and pos == "n"]
        names[offset] = _names(fields)
    found: dict[str, set[str]] = {}
    for offset, part in names.items():
        seen: set[int] = set()
        todo = list(up[offset])
        while todo:
            at = todo.pop()
            if at not in seen:
                seen.add(at)
                todo += up.get(at, [])
        wholes = set().union(*(names.get(at) or _names(synset_at(text, at)) for at in seen))
        for name in part:
            found.setdefault(name, set()).update(wholes)
    return {name: frozenset(wholes) for name, wholes in found.items()}


def part_and_whole(a: str, b: str) -> bool:
    """Whether one English name is of a place WordNet files within the other's ("England",
    "Britain" in either order)."""
    wholes = _wholes()
    a, b = fold(a), fold(b)
    return b in wholes.get(a, ()) or a in wholes.get(b, ())
