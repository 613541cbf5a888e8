"""Names compared by sound across two scripts, for a pair no model translates ("Willoughby",
"Ουίλομπι"). Across scripts a translator transliterates people's and firms' names and keeps a
few in Latin letters ("HIV", "YouGov"); letters no longer match, sounds do. A word's key is its
consonants in the classes of Soundex (b f p v; c g j k q s x z; d t; l; m n; r), vowels and
h, w, y left out, repeats merged; a word of a script is first read in Latin letters by its
language module (``Language.romanise``). Two keys alike at ``SOUNDS_ALIKE`` (difflib ratio) or
equal are one name.

A source name is lost when the draft has no word that sounds like any of its words, nor the name
itself, and it is a name translators keep (a word neither lexicon knows, ``kept_words``) or an
acronym. A name of the draft is new when no capitalised word of the source sounds like it and it
has a word the draft language's lexicon does not know (a transliteration, not "Επιτροπή"), or
it names or holds a known place the source never mentions ("Νοτιοδυτική Κίνα"), or it is a
person's name: two words or more in another script that its lexicon reads as names ("Τζον
Σνόου"), new enough to pair with any lost name. Places of the source are the place rule's.
"""

from __future__ import annotations

import difflib
import re
from functools import lru_cache

from tqcheck import lang
from tqcheck.text.entities import Name, find_names, kept_words, name_in, name_words
from tqcheck.text.lexicon import unknown
from tqcheck.text.places import mentions_place, place_names
from tqcheck.text.strings import fold

SOUNDS_ALIKE = 0.8
_SPELLINGS = ((r"gh(?![aeiou])", ""), ("ph", "f"), ("th", "t"), ("ch", "k"), ("ck", "k"), ("sh", "s"), ("wh", "w"), ("qu", "kw"))
"""English spellings of one sound ("Willoughby"'s silent "gh", not "Nottingham"'s)."""
_CLASSES = {**dict.fromkeys("bfpv", "1"), **dict.fromkeys("cgjkqsxz", "2"), **dict.fromkeys("dt", "3"), "l": "4",
            **dict.fromkeys("mn", "5"), "r": "6"}
_WORD = re.compile(r"\w+")


def key(latin: str) -> str:
    """The consonant classes of a word in Latin letters, in order, repeats merged."""
    text = latin.lower()
    for spelling, sound in _SPELLINGS:
        text = re.sub(spelling, sound, text)
    out: list[str] = []
    for c in text:
        cls = _CLASSES.get(c)
        if cls and (not out or out[-1] != cls):
            out.append(cls)
    return "".join(out)


@lru_cache(maxsize=65536)
def keys(word: str, code: str | None) -> frozenset[str]:
    """The keys of ``word``: of each of its Latin readings when it is in the script of language
    ``code`` and the module reads it ("Ντίντι": "dindi", "didi"); else of the word as written."""
    romanise = lang.get(code).romanise
    if romanise is not None and not word.isascii():
        return frozenset(key(reading) for reading in romanise(word))
    return frozenset({key(word)})


def _sounded(word: str, code: str | None) -> bool:
    """Whether ``word`` has sound enough to compare: an acronym, or a word of two consonants."""
    return len(word) > 2 and (word.isupper() or all(len(k) >= 2 for k in keys(word, code)))


def _alike(ours: frozenset[str], theirs: set[str]) -> bool:
    """Whether a key of ours is one of theirs, or near one; a key of one consonant says too little."""

    def near(k: str) -> bool:
        return len(k) >= 3 and any(difflib.SequenceMatcher(None, k, o).ratio() >= SOUNDS_ALIKE for o in theirs)

    return any(len(k) >= 2 and (k in theirs or near(k)) for k in ours)


def _heard(text: str, code: str | None) -> set[str]:
    """The keys of every capitalised word of ``text`` but function words, days and months."""
    stop = lang.get(code).stopwords or frozenset()
    return {
        k for w in _WORD.findall(text)
        if w[:1].isupper() and len(w) > 2 and fold(w) not in stop and not _calendar(w, code) for k in keys(w, code)
    }


@lru_cache(maxsize=32)
def _calendar_stems(code: str | None) -> tuple[str, ...]:
    """The CLDR's names of the days and months of language ``code``, their last letter cut: Greek
    capitalises them and declines them ("Πέμπτη", "Πέμπτης"; "Οκτώβριος", "Οκτώβριο")."""
    from babel import Locale, UnknownLocaleError

    try:
        locale = Locale.parse((code or "").split("-")[0])
    except (UnknownLocaleError, ValueError):
        return ()
    names = {n for context in ("format", "stand-alone") for table in (locale.days, locale.months) for n in table[context]["wide"].values()}
    return tuple(sorted({fold(n)[:-1] for n in names if len(n) > 3}))


def _calendar(word: str, code: str | None) -> bool:
    folded = fold(word)
    return any(folded.startswith(stem) and len(folded) <= len(stem) + 3 for stem in _calendar_stems(code))


def _acronym_in(acronym: str, text: str, code: str | None) -> bool:
    """Whether ``text`` has the acronym, in Latin letters or in its own ("ΝΑΤΟ")."""
    romanise = lang.get(code).romanise
    return any(
        w == acronym or (romanise is not None and w.isupper() and romanise(w)[0].upper() == acronym)
        for w in _WORD.findall(text)
    )


def replaced_names(source: str, target: str, source_lang: str, target_lang: str) -> list[tuple[Name, Name]]:
    """Pairs of a source name the draft lost and a draft name new to it (see the module's docstring)."""
    langs = (source_lang, target_lang)
    lost = _lost(source, source_lang, target, target_lang, langs)
    new = _new(target, target_lang, source, source_lang, langs)
    if not (any(kept for _, kept in lost) and new or lost and any(person for _, person in new)):
        return []
    return list(zip([n for n, _ in lost], [n for n, _ in new]))


def _lost(source: str, code: str, target: str, target_code: str, langs: tuple[str, str]) -> list[tuple[Name, bool]]:
    """The source's names the draft never sounds, each with whether translators keep it."""
    heard = _heard(target, target_code)
    found = []
    for name in find_names(source, code):
        words = [w for w in _WORD.findall(name.bare) if _sounded(w, code) and w.lower() not in lang.name_particles()]
        if not words or place_names(name.bare, langs) is not None or name_in(name, target):
            continue
        acronyms = [w for w in words if w.isupper()]
        if acronyms:
            if not any(_acronym_in(a, target, target_code) for a in acronyms):
                found.append((name, True))
        elif not any(_alike(keys(w, code), heard) for w in words):
            found.append((name, bool(kept_words(name, code, target_code))))
    return found


def _new(target: str, code: str, source: str, source_code: str, langs: tuple[str, str]) -> list[tuple[Name, bool]]:
    """The draft's names the source never sounds, each with whether it is a person's name."""
    heard = _heard(source, source_code)
    found = []
    for name in find_names(target, code):
        place = place_names(name.bare, langs) or next(
            (p for w in _WORD.findall(name.bare) if (p := place_names(w, langs)) is not None), None
        )  # "Νοτιοδυτική Κίνα" is in China
        if place is not None:
            if not mentions_place(place, source):
                found.append((name, False))
            continue
        words = [w for w in _WORD.findall(name.bare) if _sounded(w, code) and not w.isupper() and not _calendar(w, code)]
        foreign = [w for w in words if unknown(w, code) is not False]
        # a person's name in the draft's own script, two of its words with sound enough to compare
        person = not name.bare.isascii() and len(words) >= 2 and bool(name_words(name, code))
        if (foreign or person) and not any(_alike(keys(w, code), heard) for w in (words if person else foreign)):
            found.append((name, person))
    return found
