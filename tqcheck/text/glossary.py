"""English glosses of a language's words, from the FreeDict bilingual dictionaries Debian packages
(``dict-freedict-ell-eng`` and the like: Wiktionary's data through WikDict, CC-BY-SA; read where
they are installed, never shipped with tqcheck).

With no model for a pair, a name of the draft made of the language's own words ("Επιτροπή
Δικαιοσύνης") may render a name of the source ("Judiciary Committee") or stand for another body
altogether. Sound cannot tell (translated names do not sound alike); a dictionary can: a body
none of whose words glosses into a word the source says was not put for anything in it. A word
the dictionary lacks says nothing either way; a name none of whose words it has, or a language
with no dictionary installed, answers "don't know", and the rule stays silent.

The same senses tell an opposite in the draft's own language: "depois" (after) where a machine
translation of the source has "antes" (before). The dictionaries into English leave out many
function words' senses ("mais"), so the dictionary from English is read the other way round too
(``dict-freedict-eng-por``: Ergane's data, GPL-2, read as a file like Apertium's pairs).

Files are looked for in ``$TQCHECK_DICTD``, else where Debian puts them (``/usr/share/dictd``), else
``/usr/local/share/dictd``.
"""

from __future__ import annotations

import gzip
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from functools import cache, lru_cache
from pathlib import Path

from tqcheck import lang
from tqcheck.text.lexicon import lemma
from tqcheck.text.strings import fold, same_opening

_B64 = {c: i for i, c in enumerate("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")}
_NUMBERED = re.compile(r"^\d+\.\s*")
_ENGLISH_WORD = re.compile(r"[a-z]+")
_WORD = re.compile(r"\w+")
_ABBREVIATED = {"sen": "senator", "gov": "governor", "rep": "representative", "dept": "department",
                "univ": "university", "assn": "association", "corp": "corporation"}
"""Abbreviations a source writes before or inside a name ("Sen. Warren"), and the word they are."""


def _number(text: str) -> int:
    """A dictd index number: base 64 in the alphabet of RFC 4648, most significant digit first."""
    value = 0
    for c in text:
        value = value * 64 + _B64[c]
    return value


class Glossary:
    """One dictd dictionary: its index read whole, entries decoded on demand. Headwords are looked
    up folded (case and accents aside): a name's words are capitalised and accents vary."""

    def __init__(self, index: Path, data: Path) -> None:
        self._entries: dict[str, list[tuple[int, int]]] = {}
        for line in index.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) == 3 and not parts[0].startswith("00database"):
                self._entries.setdefault(fold(parts[0]), []).append((_number(parts[1]), _number(parts[2])))
        with gzip.open(data) as stream:  # dictzip is gzip with a random-access table we do not need
            self._data = stream.read()
        self._stop = lang.get("en").stopwords or frozenset()

    def renderings(self, stop: frozenset[str]) -> dict[str, frozenset[str]]:
        """Read the other way round (a dictionary from English): each word that renders a headword
        on its own ("more": "mais"; "before": "antes de", its function word aside), with the
        headwords it renders. A phrase of more words explains; it does not translate word for word."""
        found: dict[str, set[str]] = {}
        for headword, places in self._entries.items():
            if not headword.isalpha():
                continue
            for line in self._lines(places):
                for phrase in line.lower().split(","):
                    words = _WORD.findall(phrase)
                    telling = words if len(words) == 1 else [w for w in words if w not in stop]
                    if len(words) <= 2 and len(telling) == 1:
                        found.setdefault(fold(telling[0]), set()).add(headword)
        return {word: frozenset(heads) for word, heads in found.items()}

    def glosses(self, headword: str) -> frozenset[str]:
        """The English content words of every entry for ``headword``: the entries' lines in Latin
        letters ("commission, committee"), numbering cut; lines in the language's own script
        define, they do not translate."""
        words: set[str] = set()
        for line in self._lines(self._entries.get(fold(headword), ())):
            if line.isascii():
                words.update(w for w in _ENGLISH_WORD.findall(line.lower()) if w not in self._stop and len(w) > 1)
        return frozenset(words)

    def _lines(self, places: Iterable[tuple[int, int]]) -> Iterator[str]:
        """The lines of the entries at ``places`` after each headword's, their numbering cut."""
        for offset, length in places:
            for line in self._data[offset : offset + length].decode("utf-8", "replace").splitlines()[1:]:
                yield _NUMBERED.sub("", line)


def dictd_dir() -> Path | None:
    """Where the dictd files are: ``$TQCHECK_DICTD``, else Debian's folder, else the local one; None
    when none is."""
    for folder in (os.environ.get("TQCHECK_DICTD"), "/usr/share/dictd", "/usr/local/share/dictd"):
        if folder and Path(folder).is_dir():
            return Path(folder)
    return None


def installed() -> tuple[str, ...]:
    """The FreeDict dictionaries this machine has, each with its size: what is read through them
    changes when one is added, removed or upgraded, so this is part of every result's cache key."""
    folder = dictd_dir()
    return tuple(sorted(f"{p.name}:{p.stat().st_size}" for p in folder.glob("freedict-*.dict.dz"))) if folder else ()


def _three_letter(code: str) -> list[str]:
    """The ISO 639-3 (and -2) codes of a language, which FreeDict names its files by ("el": "ell",
    "gre"), from the CLDR's aliases."""
    from babel.core import get_global

    return sorted(k for k, v in get_global("language_aliases").items() if len(k) == 3 and str(v).split("_")[0] == code)


def _dictionary(code: str | None, into_english: bool) -> Glossary | None:
    """The FreeDict dictionary from language ``code`` into English (or from English into it), or
    None when none is installed."""
    language, folder = lang.base(code), dictd_dir()
    if folder is None or language in ("", "en"):
        return None
    for three in _three_letter(language):
        name = f"freedict-{three}-eng" if into_english else f"freedict-eng-{three}"
        index, data = folder / f"{name}.index", folder / f"{name}.dict.dz"
        if index.is_file() and data.is_file():
            try:
                return Glossary(index, data)
            except (OSError, ValueError, KeyError, EOFError):  # unreadable: as if not installed
                return None
    return None


@cache
def glossary(code: str | None) -> Glossary | None:
    """The FreeDict dictionary from language ``code`` into English, or None when none is installed."""
    return _dictionary(code, into_english=True)


@cache
def _renderings(code: str | None) -> dict[str, frozenset[str]]:
    book = _dictionary(code, into_english=False)
    return book.renderings(lang.get(code).stopwords or frozenset()) if book else {}


@lru_cache(maxsize=65536)
def english(word: str, code: str | None) -> frozenset[str]:
    """The English glosses of ``word`` of language ``code``, as written or by its lemma
    ("Δικαιοσύνης" → "δικαιοσύνη" → justice); empty when the dictionary lacks both."""
    book = glossary(code)
    if book is None:
        return frozenset()
    found = book.glosses(word)
    base = lemma(word, code)
    return found | book.glosses(base) if base and fold(base) != fold(word) else found


def knows(code: str | None) -> bool:
    """Whether an installed dictionary gives the words of language ``code`` English senses."""
    return glossary(code) is not None or bool(_renderings(code))


@lru_cache(maxsize=65536)
def senses(word: str, code: str | None) -> frozenset[str]:
    """The English words ``word`` of language ``code`` may mean: its glosses, and the headwords it
    renders in the dictionary from English ("mais": more, a sense the dictionary into English
    leaves out), as written or by its lemma."""
    rendered = _renderings(code)
    base = lemma(word, code)
    found = english(word, code) | rendered.get(fold(word), frozenset())
    return found | rendered.get(fold(base), frozenset()) if base else found


def _says(text_words: Sequence[str], gloss: str) -> bool:
    """Whether a text of these (lower-case) words says ``gloss``: the word itself, an inflection
    of it ("committees" says committee; "judiciary" does not say justice), or its abbreviation."""
    return any(
        w == gloss or _ABBREVIATED.get(w) == gloss or same_opening(w, gloss, at_least=4, all_but=1)
        for w in text_words
    )


def unrendered(words: Iterable[str], code: str | None, source: str, source_code: str | None) -> bool:
    """Whether a name of these ``words`` in language ``code`` renders nothing an English source
    says: no gloss of any of its words in the source. A word the dictionary lacks is no evidence
    either way, so one glossed word at least must speak; False when none is, or when the source is
    not English."""
    if lang.base(source_code) != "en":
        return False
    glossed = [gloss for w in words if (gloss := english(w, code))]
    if not glossed:
        return False
    said = _ENGLISH_WORD.findall(source.lower())
    return not any(_says(said, g) for gloss in glossed for g in gloss)


def spells_out(words: Sequence[str], acronym: str, code: str | None) -> bool:
    """Whether a name of these ``words`` in language ``code`` spells out ``acronym``: each of its
    letters opens an English gloss of a different word ("Ευρωπαϊκή Ένωση", European Union: EU)."""
    letters = [c.lower() for c in acronym if c.isalpha()]
    options = [frozenset(g[0] for g in english(w, code)) for w in words]
    if not letters or len(letters) > len(options):
        return False
    taken: dict[int, int] = {}  # word → the letter it opens
    return all(_augment(i, letters, options, taken, set()) for i in range(len(letters)))


def _augment(
    letter: int, letters: list[str], options: list[frozenset[str]], taken: dict[int, int], seen: set[int]
) -> bool:
    """Kuhn's augmenting path: give ``letter`` a word, moving letters already given one when that
    frees a word. Polynomial, where trying every assignment is factorial in a hostile all-capitals
    text."""
    for word, opening in enumerate(options):
        if letters[letter] in opening and word not in seen:
            seen.add(word)
            if word not in taken or _augment(taken[word], letters, options, taken, seen):
                taken[word] = letter
                return True
    return False
