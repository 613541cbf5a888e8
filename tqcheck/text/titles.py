"""A person's name led by a title: "U.S. President Donald Trump", "Chancellor John McDonnell".

Capitalised runs make one name of the title and the person, and a name counts as present in a
text where half its words are (inflection, a dropped first name). A draft that keeps the title and
drops the person ("o presidente dos EUA") then still had the name, through "U.S." and "President".
The title is what the language's lexicon knows in lower case, and acronyms, before the first word
it reads as a proper noun; the person is what follows, a full name, and must be in the text too.
"""

from __future__ import annotations

import re

from tqcheck import lang
from tqcheck.text.entities import Name, name_in
from tqcheck.text.lexicon import proper_noun

_ACRONYM = re.compile(r"(?:[A-Z]\.)+|[A-Z]{2,}")


def titled(name: Name, code: str | None) -> str | None:
    """The person of a ``name`` a title leads, in language ``code``: two words or more from the
    first the lexicon reads as a proper noun ("Donald Trump"; not "Sens", of "U.S. Sens.", an
    abbreviation the lexicon does not know). None when no title leads the name, or when the
    language has no lexicon."""
    words = name.text.split()
    head = 0
    for word in words:
        bare = word.rstrip(".")
        known = proper_noun(bare, code)
        if known is None:
            return None
        if not (_ACRONYM.fullmatch(word) or word.lower() in lang.name_particles() or not known):
            break
        head += 1
    return " ".join(words[head:]) if head and len(words) - head >= 2 else None


def named(name: Name, text: str, code: str | None, threshold: float) -> bool:
    """Whether ``text`` has ``name`` (``entities.name_in``), and the person too when a title leads it."""
    person = titled(name, code)
    return name_in(name, text, threshold) and (person is None or name_in(person, text, threshold))
