"""What a language's word list says about a word, from simplemma's lemma dictionaries (MIT, 50+
languages, no dependencies).

A capitalised word that opens a sentence may be a name or just the first word ("Liverpool
battles…", "Voters will…"). The lexicon tells them apart without a tagger: a word it knows only
in a capitalised form ("liverpool" → "Liverpool", "merkel" → "Merkel") is a proper noun, and a
word it does not know at all ("Napoli", "Ayr") is most likely one too. Languages simplemma does
not cover (ja, zh) answer ``None``: no opinion, as before.
"""

from __future__ import annotations

from functools import cache, lru_cache
from typing import Any


@cache
def _simplemma() -> tuple[Any, frozenset[str]]:
    """simplemma and the languages it has lexicons for, imported when a lexicon is first asked for."""
    import simplemma
    from simplemma.strategies.dictionaries.dictionary_factory import SUPPORTED_LANGUAGES

    return simplemma, frozenset(SUPPORTED_LANGUAGES)


def _code(code: str | None) -> str | None:
    base = (code or "").replace("_", "-").split("-")[0].lower()
    return base if base in _simplemma()[1] else None


@lru_cache(maxsize=65536)
def proper_noun(word: str, code: str | None) -> bool | None:
    """Whether the lexicon of language ``code`` reads ``word`` as a proper noun: known only
    capitalised, or not known at all. ``None`` when there is no lexicon for the language."""
    language = _code(code)
    if language is None:
        return None
    return any(_proper_part(part, language) for part in _parts(word))


def _proper_part(word: str, language: str) -> bool:
    return not _known(word, language) or _simplemma()[0].lemmatize(word, lang=language, low_memory=True)[:1].isupper()


def _known(word: str, language: str) -> bool:
    """Whether the lexicon has the word, read in simplemma's low-memory form: searched where it
    lies compressed, a block of 32 entries decoded a lookup. Decoded whole into Python
    dictionaries, the Portuguese lexicon alone cost 103 MB and the English 21, a third of a check's
    main process, which took the check past 600 MB; the answers are the same."""
    return _simplemma()[0].is_known(word, lang=language, low_memory=True)


@lru_cache(maxsize=65536)
def unknown(word: str, code: str | None) -> bool | None:
    """Whether the lexicon of language ``code`` lacks ``word`` in any case: a foreign word, or a
    name the language has no form of its own for ("Pompeo", but not "Escocia"). ``None`` when
    there is no lexicon for the language."""
    language = _code(code)
    if language is None:
        return None
    parts = _parts(word)
    return bool(parts) and not any(_known(part, language) for part in parts)


def has_lexicon(code: str | None) -> bool:
    """Whether simplemma has a lexicon for language ``code``."""
    return _code(code) is not None


@lru_cache(maxsize=65536)
def lemma(word: str, code: str | None) -> str | None:
    """The lemma of ``word`` in lower case ("Μακεδονίας" → "μακεδονία"); ``None`` without a lexicon."""
    language = _code(code)
    if language is None:
        return None
    return _simplemma()[0].lemmatize(word.lower(), lang=language, low_memory=True).lower()


def _parts(word: str) -> list[str]:
    """The word in lower case, in its hyphenated parts: "Year-on-year", "Jean-Pierre"."""
    return [p for p in word.lower().replace("’", "'").split("-") if p]
