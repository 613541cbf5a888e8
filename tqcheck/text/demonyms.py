"""English adjectives of place and the nouns they pertain to, from WordNet's pertainym pointers
(Debian package ``wordnet-base``): "Danish" pertains to "Denmark", "Dutch" to "Netherlands",
"Gallic" to "France". Most demonyms open like their country's name ("Brazilian", "turco") and are
found that way (``places.place_of_word``); these are the ones that do not. Without WordNet there
are none.
"""

from __future__ import annotations

import re
from functools import cache

from tqcheck.text.antonyms import wordnet_dir
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
            fields = line.group().decode("latin-1").split()
            count = int(fields[3], 16)
            words = [_word(fields[4 + 2 * i]) for i in range(count)]
            at = 4 + 2 * count
            for i in range(int(fields[at])):
                symbol, offset, pos, source_target = fields[at + 1 + 4 * i : at + 5 + 4 * i]
                if symbol != "\\" or pos != "n":
                    continue
                nouns.seek(int(offset))
                target = nouns.readline().decode("latin-1").split()
                noun = _word(target[4 + 2 * (int(source_target[2:], 16) - 1)])
                source = int(source_target[:2], 16)
                for word in words if source == 0 else words[source - 1 : source]:
                    found.setdefault(fold(word), set()).add(noun)
    return {word: frozenset(nouns) for word, nouns in found.items()}


def _word(field: str) -> str:
    """A synset member as written: "Kingdom_of_Denmark" → "Kingdom of Denmark", markers dropped."""
    return re.sub(r"\(.*\)$", "", field).replace("_", " ")
