"""English adjectives of place and the nouns they pertain to, from WordNet's pertainym pointers
(Debian package ``wordnet-base``): "Danish" pertains to "Denmark", "Dutch" to "Netherlands",
"Gallic" to "France". Most demonyms open like their country's name ("Brazilian", "turco") and are
found that way (``places.place_of_word``); these are the ones that do not. Without WordNet there
are none.
"""

from __future__ import annotations

import re
from functools import cache

from tqcheck.text.antonyms import synset_fields, synset_pointers, synset_word, wordnet_dir
from tqcheck.text.strings import fold

_PERTAINYM = re.compile(rb"^\d{8} \d\d a [^|\n]* \\ \d{8} n [^|\n]*", re.M)
"""A line of data.adj whose pointers (before the gloss) hold a pertainym to a noun."""


@cache
def pertainyms() -> dict[str, frozenset[str]]:
    """Each English adjective with a pertainym, folded, and the nouns it pertains to."""
    folder = wordnet_dir()
    if folder is None:
        return {}
    found: dict[str, set[str]] = {}
    with open(folder / "data.noun", "rb") as nouns:
        for line in _PERTAINYM.finditer((folder / "data.adj").read_bytes()):
            fields = synset_fields(line.group().decode("latin-1"))
            words = [_word(fields, n) for n in range(1, int(fields[3], 16) + 1)]
            for symbol, offset, pos, source, target in synset_pointers(fields):
                if symbol != "\\" or pos != "n":
                    continue
                nouns.seek(offset)
                noun = _word(synset_fields(nouns.readline().decode("latin-1")), target)
                for word in words if source == 0 else words[source - 1 : source]:
                    found.setdefault(fold(word), set()).add(noun)
    return {word: frozenset(nouns) for word, nouns in found.items()}


def _word(fields: list[str], number: int) -> str:
    """A synset member as written: "Kingdom_of_Denmark" → "Kingdom of Denmark"."""
    return synset_word(fields, number).replace("_", " ")
