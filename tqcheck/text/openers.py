"""Words opening a sentence that are names all the same.

A capitalised word opening a sentence is no name by its capital alone (``entities.find_names``
asks the text and the lexicon). Two more kinds of evidence come from the other language's text:
it keeps the word as it is ("Trump said", "Trump dijo"), or, with no model, the draft holds a name
the source lacks, left over once every name is paired, and the word was what it replaced.
"""

from __future__ import annotations

import re

from tqcheck import lang
from tqcheck.text.entities import Name, find_names
from tqcheck.text.lexicon import proper_noun
from tqcheck.text.strings import fold


def kept_as_is(word: str, other: str, other_code: str | None) -> bool:
    """Whether ``other`` has ``word`` as it is, capitalised, and its language's lexicon reads it
    as a proper noun: kept untranslated, as a name is."""
    return bool(proper_noun(word, other_code)) and re.search(rf"(?<!\w){re.escape(word)}(?!\w)", other) is not None


def openers(text: str, code: str | None) -> list[Name]:
    """Words opening a sentence of ``text`` that no rule reads as a name ("Trump said": English has
    "trump"), but for the language's function words (stopwords-iso) and a word set off by a comma
    ("Sadly, …", "Además, …"), which are no names."""
    found = {n.span for n in find_names(text, code)}
    stop = lang.iso_stopwords(code) if code else frozenset()
    return [
        n
        for n in find_names(text, code, lambda word: True)
        if n.span not in found and fold(n.text) not in stop and not text[n.span[1] :].startswith(",")
    ]
