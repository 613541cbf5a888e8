"""Names compared by sound across two scripts, for a pair no model translates ("Willoughby",
"Ουίλομπι"). Across scripts a translator transliterates people's and firms' names and keeps a
few in Latin letters ("HIV", "YouGov"); letters no longer match, sounds do. A word's key is its
consonants in the classes of Soundex (b f p v; c g j k q s x z; d t; l; m n; r), vowels and
h, w, y left out, repeats merged; a word of a script is first read in Latin letters by its
language module (``Language.romanise``). Two keys alike at ``SOUNDS_ALIKE`` (difflib ratio) or
equal are one name.

A word of one text sounds like a word of the other when their keys are alike and, of the words
alike in sound, it is the closest in letters or alike in them at ``LETTERS_ALIKE``: keys of two
consonants are shared by chance ("Night" and "Yandhi" are both n-d).

A source name is lost when the draft has not the name itself, nor a word that sounds like one of
its words a translator keeps (a word neither lexicon knows, ``kept_words``: "Theresa", not the
title "Prime Minister") or, when it has none, like half its words ("Global Citizen Festival" is
not heard in "Global Poverty Project"). It tells of a replacement when it has kept words or
is an acronym. A name of the draft is new when no word of the source sounds like it and it has a word
the draft language's lexicon does not know, or one ending in a letter no native word ends in
(``Language.final_letters``: Greek "Ροκ", which the lexicon knows as "rock") — a
transliteration, not "Επιτροπή"; a name in the source's letters is new when the source lacks it,
sounded or not ("The Hill", whose words are too short to compare by sound). A new name pairs with
any lost name when it tells of a replacement on its own: a person's name (two words or more in
another script, each a name or borrowed: "Τζον Σνόου"; one of syllables too short to sound,
"Κάι-Φου Λι", when no capitalised source word is alike in letters), a known place the source
never mentions ("Νοτιοδυτική Κίνα"), or a name in the source's letters that the source does not have; left
over, it pairs with a word opening a source sentence that the draft does not sound
(``text.openers``: "Trump said"). A person's name left over is made up when none of its words
is spelt like a capitalised source word either (``compared_names``). A body the draft names in
its own words ("Κεντρική Τράπεζα") sounds like nothing; it pairs with a lost name translators
keep when a dictionary glosses its words and the English source says none of the glosses
(``glossary.unrendered``: "Επιτροπή Δικαιοσύνης" renders "Judiciary Committee"), unless
it spells out a lost acronym ("Παγκόσμιος Οργανισμός Υγείας", WHO). Places of the source are the
place rule's.
"""

from __future__ import annotations

import difflib
import re
from functools import lru_cache

from tqcheck import lang
from tqcheck.text.coverage import content_words
from tqcheck.text.entities import Name, find_names, kept_words, name_in
from tqcheck.text.glossary import spells_out, unrendered
from tqcheck.text.lexicon import proper_noun, unknown
from tqcheck.text.openers import openers
from tqcheck.text.places import mentions_place, place_names
from tqcheck.text.strings import fold

SOUNDS_ALIKE = 0.8
LETTERS_ALIKE = 0.6
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


def _alike(ours: frozenset[str], theirs: frozenset[str]) -> int:
    """How alike two words sound: 2 when a key of ours is one of theirs, or near one with both of
    three consonants or more; 1 when near one of two ("532" and "52": a consonant more or less); 0
    else. A key of one consonant says too little."""

    def near(k: str, o: str) -> bool:
        return len(k) >= 3 and difflib.SequenceMatcher(None, k, o).ratio() >= SOUNDS_ALIKE

    pairs = [(k, o) for k in ours for o in theirs if len(k) >= 2 and (k == o or near(k, o))]
    return max((2 if k == o or len(o) >= 3 else 1 for k, o in pairs), default=0)


def _capitalised(text: str, code: str | None) -> list[str]:
    """Every capitalised word of ``text`` but function words, days and months."""
    stop = lang.get(code).stopwords or frozenset()
    return [
        w for w in _WORD.findall(text)
        if w[:1].isupper() and len(w) > 2 and fold(w) not in stop and not _calendar(w, code)
    ]


def _vouched(source: str, code: str, target: str, target_code: str) -> set[str]:
    """The capitalised words of ``source`` that a capitalised word of ``target`` sounds like, each
    word of the target vouching for the source words closest to it in letters, or alike in them at
    ``LETTERS_ALIKE`` (a name may stand in both scripts, "Τζόνι" and "Johnny"): keys of two
    consonants are often shared by chance, and "Yandhi", rendering "Yandhi", is no "Night". Weak
    evidence must be alike in letters too: a key of two consonants near one of three ("Goop" and
    "Κάβανο"; "Wilhelm" and "Βίλχελμ" are alike in letters), and a word in capitals against one not
    (an acronym is spelt out or kept; its letters read as consonants sound like anything: "MAGA",
    "Κίνας")."""
    ours = {w: keys(w, code) for w in _capitalised(source, code)}
    vouched: set[str] = set()
    for theirs in _capitalised(target, target_code):
        alike = {w: a for w, k in ours.items() if (a := _alike(k, keys(theirs, target_code)))}
        closeness = {w: _closeness(w, code, theirs, target_code) for w in alike}
        firm = {w for w in alike if alike[w] == 2 and w.isupper() == theirs.isupper()}
        closeness = {w: c for w, c in closeness.items() if w in firm or c >= LETTERS_ALIKE}
        if closeness:
            vouched |= {w for w, c in closeness.items() if c == max(closeness.values()) or c >= LETTERS_ALIKE}
    return vouched


def _closeness(word: str, code: str | None, other: str, other_code: str | None) -> float:
    """How alike the closest Latin readings of two words are, letter by letter."""
    return max(
        difflib.SequenceMatcher(None, fold(a), fold(b)).ratio()
        for a in _readings(word, code) for b in _readings(other, other_code)
    )


def _readings(word: str, code: str | None) -> tuple[str, ...]:
    """A word's readings in Latin letters: as written, unless its language module reads its script."""
    romanise = lang.get(code).romanise
    return romanise(word) if romanise is not None and not word.isascii() else (word,)


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


def _foreign(word: str, code: str | None) -> bool:
    """Whether ``word`` is no native word of language ``code``: its lexicon lacks it, or it is borrowed."""
    return unknown(word, code) is not False or _borrowed(word, code)


def _borrowed(word: str, code: str | None) -> bool:
    """Whether ``word`` ends in a letter no native word of language ``code`` ends in: a
    transliterated name the lexicon happens to know as a word ("Ροκ", rock; "Κουπ", coup)."""
    final = lang.get(code).final_letters
    return final is not None and word[-1:].lower() not in final


def _acronym_in(acronym: str, text: str, code: str | None) -> bool:
    """Whether ``text`` has the acronym, in Latin letters or in its own ("ΝΑΤΟ")."""
    romanise = lang.get(code).romanise
    return any(
        w == acronym or (romanise is not None and w.isupper() and romanise(w)[0].upper() == acronym)
        for w in _WORD.findall(text)
    )


def compared_names(
    source: str, target: str, source_lang: str, target_lang: str
) -> tuple[list[tuple[Name, Name]], list[Name]]:
    """Pairs of a source name the draft lost and a draft name new to it, and the people the draft
    names that no pair took and the source has in no form: none of their words sounds like a word
    of the source (``_new``) or is spelt like a capitalised one ("Χόλλυ", too short to sound, is
    "Holly"). No translator invents a person, whatever the name was put for; within one script
    ``bodies.person_in_no_form`` says the same. See the module's docstring."""
    langs = (source_lang, target_lang)
    heard = _vouched(source, source_lang, target, target_lang)  # the source's words the draft sounds
    lost = _lost(source, source_lang, target, target_lang, langs, heard)
    new, bodies = _new(target, target_lang, source, source_lang, langs)
    if len(new) > len(lost) and any(telling for _, telling, _ in new):  # put for a word opening a sentence ("Trump said")?
        opening = [n for n in openers(source, source_lang) if not any(w in heard for w in _WORD.findall(n.bare))]
        lost += [(n, False) for n in opening[: len(new) - len(lost)]]
    if any(kept for _, kept in lost):  # a body the draft names in its own words, put for a kept name
        acronyms = [w for name, _ in lost for w in _WORD.findall(name.bare) if w.isupper()]
        new += [
            (body, False, False) for body in bodies
            if unrendered([w for w, _ in content_words(body.bare, target_lang) if len(w) > 1],
                          target_lang, source, source_lang)
            and not any(spells_out(_WORD.findall(body.bare), a, target_lang) for a in acronyms)  # "Ευρωπαϊκή Ένωση", EU
        ]
    replaced = any(kept for _, kept in lost) and new or lost and any(telling for _, telling, _ in new)
    pairs = list(zip([n for n, _ in lost], [n for n, _, _ in new])) if replaced else []
    theirs = _capitalised(source, source_lang)
    people = [
        name for name, _, person in new[len(pairs) :]
        if person and not any(
            _closeness(word, target_lang, other, source_lang) >= LETTERS_ALIKE
            for word in _WORD.findall(name.bare) if len(word) > 1 for other in theirs
        )
    ]
    return pairs, people


def _lost(
    source: str, code: str, target: str, target_code: str, langs: tuple[str, str], heard: set[str]
) -> list[tuple[Name, bool]]:
    """The source's names the draft never sounds (``heard``: the source's words it does), each
    with whether translators keep it."""
    found = []
    for name in find_names(source, code):
        words = [
            w for w in _WORD.findall(name.bare)
            if _sounded(w, code) and w.lower() not in lang.name_particles() and not _calendar(w, code)
        ]
        if not words or place_names(name.bare, langs) is not None or name_in(name, target):
            continue
        acronyms = [w for w in words if w.isupper()]
        if acronyms:
            if not any(_acronym_in(a, target, target_code) for a in acronyms):
                found.append((name, True))
        else:  # its words a translator keeps must be heard ("Theresa", not the title); else half its words
            kept = [w for w in kept_words(name, code, target_code) if w in words]
            if not any(w in heard for w in kept) if kept else 2 * sum(w in heard for w in words) < len(words):
                found.append((name, bool(kept)))
    return found


def _new(
    target: str, code: str, source: str, source_code: str, langs: tuple[str, str]
) -> tuple[list[tuple[Name, bool, bool]], list[Name]]:
    """The draft's names the source never sounds, each with whether it tells of a replacement on
    its own and whether it is a person's; and the bodies it names in its own words, none heard
    (whether they render a word of the source is asked only when a kept name is lost)."""
    heard = _vouched(target, code, source, source_code)
    found, bodies = [], []
    for name in find_names(target, code):
        every = _WORD.findall(name.bare)
        place = place_names(name.bare, langs) or next(
            (p for w in every if (p := place_names(w, langs)) is not None), None
        )  # "Νοτιοδυτική Κίνα" is in China
        if place is not None:  # and not a name the source has, sounded ("Jordan", "Τζόρνταν")
            if not mentions_place(place, source) and not any(w in heard for w in every):
                found.append((name, True, False))
            continue
        words = [w for w in every if _sounded(w, code) and not w.isupper() and not _calendar(w, code)]
        foreign = [w for w in words if _foreign(w, code)]
        # a person's name in the draft's own script: two words or more, each one a name, unknown or
        # borrowed, short ones too ("Έμμα", of one consonant, says too little to compare by sound)
        tokens = [w for w in every if len(w) > 1]
        person = not name.bare.isascii() and len(tokens) >= 2 and all(
            _foreign(w, code) or proper_noun(w, code) for w in tokens
        )
        if person and not words:  # syllables too short for sound ("Κάι-Φου Λι"): by letters; not in capitals
            theirs = [w for w in _WORD.findall(source) if w[:1].isupper()]
            alike = any(_closeness(t, code, w, source_code) >= LETTERS_ALIKE for t in tokens for w in theirs)
            person = not name.bare.isupper() and not alike
        # or a name in the source's letters, which the source does not have: new whatever it sounds like
        borrowed = lang.written_in(name.bare, frozenset({lang.script(source_code)})) and not name_in(name, source)
        if borrowed or (foreign or person) and not any(w in heard for w in (tokens if person else foreign)):
            found.append((name, person or borrowed, person))
        elif words and not foreign and not person and not name.bare.isascii() and not any(
            w in heard or w.isupper() or _calendar(w, code) for w in tokens
        ):  # a body in the draft's own words, no acronym ("ΗΠΑ") or month among them
            bodies.append(name)
    return found, bodies
