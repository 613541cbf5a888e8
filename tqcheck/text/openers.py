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
from tqcheck.text.strings import fold, overlaps


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


def kept_openers(text: str, code: str | None, found: list[Name], other: str, other_code: str | None) -> list[Name]:
    """Names of ``text`` beyond ``found``: words opening a sentence that the other language's text
    keeps as they are ("Trump said", "Trump dijo"). A model also keeps words it cannot translate
    ("Aftershocks"), so these only pair with a name found otherwise, never stand alone."""
    lower = set(re.findall(r"\b[^\W\d_A-Z]\w*", text))  # a word the text also writes in lower case is no name ("Uh, uh")
    vouched = find_names(text, code, lambda word: word.lower() not in lower and kept_as_is(word, other, other_code))
    return [n for n in vouched if not overlaps(n.span, [f.span for f in found])]
