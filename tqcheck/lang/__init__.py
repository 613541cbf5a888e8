"""What tqcheck knows of each language, one module a language (``tqcheck/lang/<code>.py``).

Each module declares a ``LANGUAGE``: its negation cues, number words, stopwords, the capitalised
words that are no names, and so on. An item a language lacks is ``None``, and the text utilities
that need it find nothing for that language rather than borrow another language's words: a check
that needs a missing item stays silent for it. ``get(code)`` answers for any code; a language
without a module knows nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import import_module

MODULES = ("en", "pt", "es", "fr", "de", "it", "nl", "el", "ru", "ja", "zh", "ar")
"""Codes with a module here. ``ar`` only knows the particles of Arabic names in Latin script."""


@dataclass(frozen=True)
class Negation:
    cues: str  # regex alternation of the words that flip a clause's polarity, paraphrases included
    plain: str | None = None  # single negators whose removal leaves a sentence (the probes take them out)
    idioms: str | None = None  # negations that deny nothing: "not only", "não só"
    contractions: Mapping[str, str] = field(default_factory=dict)  # "can't" → "can"
    # auxiliaries that carry only the negation, and the form their verb takes once both go: "base",
    # "third" (person) or "past" ("did not say" → "said"; "did say" is emphatic, a reading the model shuns)
    auxiliaries: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Numbers:
    cardinals: Mapping[str, int]  # number words: "três" = 3
    soft: Mapping[str, float]  # words that may stand for a number without being one: ordinals, "um"
    articles: frozenset[str]  # soft words for one that are also articles ("a", "um")
    scales: Mapping[str, float]  # words that multiply the number before them ("13 mil")
    bare_scales: tuple[str, ...]  # scale words that alone mean one of them ("mil milhões" = 1e9)
    percent: tuple[str, ...]  # words for "%" after a number
    units: Mapping[str, float] = field(default_factory=dict)  # imperial units and their metric factor
    text2num: bool = False  # text2num reads this language's compound number words ("forty-five")


@dataclass(frozen=True)
class Antonymy:
    """English only: WordNet is English. Words whose antonymy paraphrase trades freely."""

    polarity_pairs: tuple[tuple[str, str], ...]  # news-language opposites WordNet lacks
    quantifiers: frozenset[str]
    light_verbs: frozenset[str]
    negative_prefixes: tuple[str, ...]
    plain_negators: frozenset[str]
    diminishers: frozenset[str]  # words that lower an adjective's degree: "less cold" is "warmer"


@dataclass(frozen=True)
class Language:
    code: str
    name: str
    negation: Negation | None = None
    numbers: Numbers | None = None
    stopwords: frozenset[str] | None = None  # function words: never content
    not_names: frozenset[str] | None = None  # capitalised words that are no names: pronouns, weekdays
    headline_small_words: frozenset[str] | None = None  # words a title-case headline leaves small
    name_particles: frozenset[str] = frozenset()  # small words inside this language's names ("de", "von")
    relations: frozenset[str] | None = None  # prepositions relating one party to another
    coordinators: frozenset[str] = frozenset()  # conjunctions that join clauses or list items as equals ("and")
    subordinators: frozenset[str] = frozenset()  # conjunctions that open a clause ("that", "because")
    antonymy: Antonymy | None = None
    capitalised_names: bool = True  # capitals mark names (not so in German, nor in Japanese or Chinese)
    title_case_names: bool = False  # every main word of a body's name capitalised, demonyms too ("North Korean")
    doubled_words: frozenset[str] | None = None  # words grammar may write twice in a row ("that that")
    romanise: Callable[[str], tuple[str, ...]] | None = None  # a word's readings in Latin letters, by sound
    final_letters: str | None = None  # the letters a native word can end in: one ending otherwise is borrowed ("Ροκ")
    # this language's names of countries and bodies news names several ways, by the English acronym
    aliases: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # "US": ("EUA", "Estados Unidos")

    @property
    def clause_joiners(self) -> frozenset[str] | None:
        """The conjunctions that join or open a clause; None when the module knows none."""
        return (self.coordinators | self.subordinators) or None


_CODE = re.compile(r"^[A-Za-z]{2,3}(?:[-_](?:[A-Za-z]{2,8}|\d{3}))*$")


def checked(code: str) -> str:
    """A language code as a user gives it ("pt", "pt-BR", "es-419", "zh-Hant", "por"), its shape
    checked (BCP 47: the language, then script, region or variant); a ValueError otherwise."""
    if not _CODE.match(code):
        raise ValueError(f"{code!r} is no language code such as en, pt-BR or es-419")
    return code


@cache
def base(code: str | None) -> str:
    """The language of a code, its region and script left out ("pt-BR", "pt_PT" → "pt"), in two
    letters where ISO 639-1 has them ("por", "ell" → "pt", "el"; the CLDR's table): what the language
    modules, the models and the language detector know."""
    language = (code or "").replace("_", "-").split("-")[0].lower()
    if len(language) == 3:
        from babel.core import get_global

        language = str(get_global("language_aliases").get(language, language)).split("_")[0]
    return language


@cache
def get(code: str | None) -> Language:
    """The knowledge of language ``code`` ("pt", "pt-BR"); an empty Language when there is no module."""
    language_code = base(code)
    if language_code not in MODULES:
        return Language(language_code, language_code or "unknown")
    language: Language = import_module(f"tqcheck.lang.{language_code}").LANGUAGE
    return language


@cache
def name_particles() -> frozenset[str]:
    """The small words inside names of every language here: a text names people and bodies of
    other languages too ("Banco de Portugal" in English, "von der Leyen" anywhere)."""
    return frozenset(w for code in MODULES for w in get(code).name_particles)


@cache
def aliases() -> tuple[tuple[str, ...], ...]:
    """Each country or body news names several ways, with its names in every language here
    (``Language.aliases``): general knowledge, not tuned to any test sentence."""
    groups: dict[str, list[str]] = {}
    for code in MODULES:
        for key, names in get(code).aliases.items():
            group = groups.setdefault(key, [key])
            group += [name for name in names if name not in group]
    return tuple(tuple(group) for group in groups.values())


@cache
def function_words() -> frozenset[str]:
    """The stopwords of every language here: words no name is ever rendered as."""
    return frozenset(w for code in MODULES for w in get(code).stopwords or ())


def cldr_scales(code: str) -> dict[str, float]:
    """The words and abbreviations for thousands, millions … of language ``code``, from the
    Unicode CLDR compact number formats ("Mio.", "Milliarden", "万", "億"), lower-cased."""
    from babel import Locale

    found: dict[str, float] = {}
    for length in ("short", "long"):
        for forms in Locale.parse(code).compact_decimal_formats[length].values():
            for magnitude, pattern in forms.items():
                text = pattern.pattern if hasattr(pattern, "pattern") else str(pattern)
                word = re.sub(r"[0#.,']|\u00a0", " ", text).strip()
                factor = int(magnitude) // 10 ** (text.count("0") - 1)
                if word and str(factor).rstrip("0") == "1" and factor >= 1000:  # a power of ten
                    found[word.casefold()] = float(factor)
    return found


@cache
def iso_stopwords(code: str) -> frozenset[str]:
    """The stopwords-iso list of language ``code`` (MIT, through the stopwordsiso package)."""
    import stopwordsiso

    return frozenset(stopwordsiso.stopwords(code))


_LETTERS = {  # the Unicode character names of each script's letters (CJK ideographs serve three)
    "Latn": ("LATIN",), "Grek": ("GREEK",), "Cyrl": ("CYRILLIC",), "Arab": ("ARABIC",), "Hebr": ("HEBREW",),
    "Jpan": ("CJK", "HIRAGANA", "KATAKANA"), "Hans": ("CJK",), "Hant": ("CJK",), "Kore": ("HANGUL", "CJK"),
    "Thai": ("THAI",),
}
UNSPACED = frozenset({"Jpan", "Hans", "Hant", "Thai"})
"""Scripts written with no space between words: a name is found inside a run of letters."""


@cache
def script(code: str | None) -> str:
    """The script language ``code`` is written in, from the CLDR's likely subtags ("el" → "Grek",
    "ja" → "Jpan"); Latin when the CLDR does not say."""
    from babel.core import get_global

    base = (code or "").replace("-", "_").split("_")[0].lower()
    likely = str(get_global("likely_subtags").get(base, ""))
    parts = likely.split("_")
    return parts[1] if len(parts) > 2 and parts[1] in _LETTERS else "Latn"


def written_in(text: str, scripts: frozenset[str]) -> bool:
    """Whether every letter of ``text`` belongs to one of ``scripts``."""
    import unicodedata

    prefixes = tuple(p for s in scripts for p in _LETTERS.get(s, ()))
    return all(not c.isalpha() or unicodedata.name(c, "").startswith(prefixes) for c in text)
