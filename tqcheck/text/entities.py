"""Named-entity candidates from capitalisation, and fuzzy presence of a name in another text.

No tagger: in the Latin-script languages tqcheck checks, a run of capitalised words that does not
open a sentence is a name ("Linas Linkevicius", "NATO", "Kaliningrad"); one opening a sentence needs
more evidence (``find_names``). In a title-case line ("Indonesia Tsunami Toll Soars") only acronyms count.
Comparisons fold case and accents, so "Polónia" (pt-PT) and "Polônia" (pt-BR) are one name; an
acronym matches its spelled-out form ("EU" ~ "União Europeia"); and a few names that every
language writes in several ways ("US", "America", "EUA") are listed as aliases.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from tqcheck import lang
from tqcheck.records import Span
from tqcheck.text.lexicon import proper_noun, unknown
from tqcheck.text.strings import fold, overlaps, same_opening

_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[^\W\d_][\w'’\-]*|\d+|[^\w\s]", re.UNICODE)
_ENDERS = frozenset(".!?:;—–-•*")
_QUOTES = frozenset('"“”«»„(\'‘')
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")


# Acronyms in mixed case or plural ("AfD", "CoE", "SDGs"): two capitals, no three lower-case letters in a row.
_MIXED_ACRONYM = re.compile(r"^(?=(?:[^A-Z]*[A-Z]){2})(?!.*[a-z]{3})[A-Za-z]{2,6}$")


def verifiable(name: Name, kept_in: str = "") -> bool:
    """Acronyms are localised ("IUWM" is "GIAU" in Portuguese, "AfD" is "ApA") and all-caps
    datelines ("MUNICH –") come and go: only acronyms every language shares are evidence, and one
    of three letters or more that ``kept_in``, a text in the other language, writes as it is ("ITV"
    in a Portuguese translation: that language coined none of its own for it)."""
    core = _POSSESSIVE.sub("", name.text).replace(".", "")
    if core in _known_acronyms() or not (core.isupper() or _MIXED_ACRONYM.match(core)):
        return True
    return len(core) >= 3 and re.search(rf"(?<![\w-]){re.escape(core)}(?![\w-])", kept_in) is not None


@dataclass(frozen=True)
class Name:
    text: str
    span: Span

    @property
    def key(self) -> str:
        return fold(self.text)

    @property
    def bare(self) -> str:
        """The name without a possessive ending ("Turkey's" → "Turkey")."""
        return _POSSESSIVE.sub("", self.text)


def _is_cap(word: str) -> bool:
    return word[:1].isupper() and word[:1].isalpha()


def _is_acronym(word: str) -> bool:
    core = _POSSESSIVE.sub("", word).replace(".", "")
    return len(core) >= 2 and core.isupper() and core.isalpha()


def _title_case(toks: list[tuple[str, int, int]], small_words: frozenset[str]) -> bool:
    """A headline in title case: mostly capitals, even on small words ("Toll Soars Above 800"), or
    every word capitalised but the small ones ("Pacificação e Solução de Conflitos na Ásia")."""
    words = [w for w, _, _ in toks if w[:1].isalpha()]
    capital_small_word = any(w.lower() in small_words and _is_cap(w) for w in words[1:])
    if len(words) >= 4 and capital_small_word and sum(_is_cap(w) for w in words) >= 0.7 * len(words):
        return True
    big = [w for w in words if w.lower() not in small_words | lang.name_particles()]
    return len(big) >= 3 and all(_is_cap(w) for w in big)


def _connector_gap(toks: list[tuple[str, int, int]], j: int, part: Callable[[str], bool]) -> int:
    """Steps from token ``j`` over one or two lower-case connectors to a word that can be part of a
    name, or 0."""
    for width in (1, 2):
        inner = toks[j + 1 : j + 1 + width]
        if (
            j + width + 1 < len(toks)
            and all(w.islower() and w in lang.name_particles() for w, _, _ in inner)
            and part(toks[j + width + 1][0])
        ):
            return width + 1
    return 0


def _owner(toks: list[tuple[str, int, int]], i: int) -> bool:
    """A capitalised possessive opening a sentence is a name: "China's emergence", "Macron's statements"."""
    return bool(_POSSESSIVE.search(toks[i][0])) and toks[i][0][-2:] in {"'s", "’s"}


def find_names(text: str, code: str | None, known: Callable[[str], bool] | None = None) -> list[Name]:
    """Capitalised word runs that look like names, possessive endings removed.

    A capitalised word that opens a sentence is a name only when the text uses it elsewhere too,
    when ``known`` (a place lookup, say) vouches for it ("Italy may be…"), or when the language's
    lexicon reads it as a proper noun ("Liverpool battles…"). The words of language ``code`` that
    are capitalised without being names are left out."""
    knowledge = lang.get(code)
    not_names = knowledge.not_names or frozenset()
    toks = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]
    opens = [
        i == 0
        or toks[i - 1][0] in _ENDERS
        or (toks[i - 1][0] in _QUOTES and toks[i - 1][2] == toks[i][1])  # an opening quote touches its word
        for i in range(len(toks))
    ]
    seen = {fold(_POSSESSIVE.sub("", w)) for i, (w, _, _) in enumerate(toks) if _is_cap(w) and not opens[i]}
    headline = _title_case(toks, knowledge.headline_small_words or frozenset())
    names: list[Name] = []

    def part(word: str) -> bool:  # a word a connector can lead to: not a weekday, month or pronoun
        return _is_cap(word) and fold(_POSSESSIVE.sub("", word)) not in not_names

    i = 0
    while i < len(toks):
        word = toks[i][0]
        core = _POSSESSIVE.sub("", word)
        usable = (
            _is_cap(word)
            and len(core) >= 2
            and fold(core) not in not_names
            and (
                _is_acronym(word)
                or (not headline and (not opens[i] or fold(core) in seen or _owner(toks, i) or _vouched(core, code, known)))
            )
        )
        if not usable:
            i += 1
            continue
        j = i
        while True:  # extend over "Linas Linkevicius", "Banco de Portugal", not "Israel on Sunday"
            if j + 1 < len(toks) and _is_cap(toks[j + 1][0]) and not _POSSESSIVE.search(toks[j][0]):
                j += 1
            elif (gap := _connector_gap(toks, j, part)) and not _POSSESSIVE.search(toks[j][0]):
                j += gap
            else:
                break
        start, end = toks[i][1], toks[j][2]
        surface = _POSSESSIVE.sub("", text[start:end])
        names.append(Name(surface, (start, start + len(surface))))
        i = j + 1
    return names


def _vouched(word: str, code: str | None, known: Callable[[str], bool] | None) -> bool:
    """Whether a capitalised word opening a sentence is a name all the same."""
    if fold(word) in (lang.get(code).stopwords or ()):
        return False
    return bool((known and known(word)) or proper_noun(word, code))


def _words(text: str) -> list[str]:
    # "U.S." and "US" are one word; hyphens split ("Serbian-majority")
    return [fold(w) for w in re.findall(r"[^\W\d_]+", re.sub(r"\b([A-Z])\.(?=[A-Z]\b)", r"\1", text))]


def phrase_in(phrase: str, text: str) -> bool:
    """Acronyms match case-sensitively ("US" is not "us"); other phrases fold case and accents."""
    if phrase.replace(".", "").isupper():
        return re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", text) is not None
    return re.search(rf"(?<!\w){re.escape(fold(phrase))}(?!\w)", fold(text)) is not None


@lru_cache(maxsize=1)
def _known_acronyms() -> frozenset[str]:
    return frozenset(a.replace(".", "") for group in lang.aliases() for a in group if a.replace(".", "").isupper())


@lru_cache(maxsize=1)
def _alias_groups() -> dict[str, tuple[str, ...]]:
    return {fold(alias): group for group in lang.aliases() for alias in group}


def alias_in(name: str, text: str) -> bool:
    group = _alias_groups().get(fold(name))
    return group is not None and any(phrase_in(alias, text) for alias in group)


@lru_cache(maxsize=None)
def _other_aliases(group: tuple[str, ...]) -> re.Pattern[str]:
    """Every alias of the other known names, longest first, as one pattern; acronyms keep their case
    as in ``phrase_in`` ("US" is not "us")."""
    others = sorted({a for g in lang.aliases() if g is not group for a in g}, key=len, reverse=True)
    flags = ["" if a.replace(".", "").isupper() else "?i:" for a in others]
    return re.compile("|".join(rf"(?<!\w)({f}{re.escape(a)})(?!\w)" for f, a in zip(flags, others)))


def _initials_in(acronym: str, text: str) -> bool:
    """Whether some run of words in ``text`` spells ``acronym`` (letters in any order: EU ~ UE)."""
    want = _acronym_key(fold(acronym).upper())
    words = [w for w in _words(text) if w not in lang.name_particles()]
    n = len(want)
    return n >= 2 and any(
        _acronym_key("".join(w[0] for w in words[i : i + n]).upper()) == want for i in range(len(words) - n + 1)
    )


def _acronym_key(word: str) -> str:
    """Letters of an acronym in any order: "UBD" and "DBU", "BITs" and "TBI" are one name."""
    return "".join(sorted(re.sub(r"(?<=[A-Z])s$", "", word.replace(".", "")).upper()))


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    return frozenset(map(fold, lang.function_words()))


def _same_word(a: str, b: str, threshold: float) -> bool:
    if a == b or same_opening(a, b, at_least=4, share=0.7):  # "Afghan" ~ "Afghanistan"
        return True
    return abs(len(a) - len(b)) <= max(2, len(a) // 3) and (
        difflib.SequenceMatcher(a=a, b=b, autojunk=False).ratio() >= threshold
    )


def name_in(name: Name | str, text: str, threshold: float = 0.8) -> bool:
    """Whether ``name`` occurs in ``text``: fuzzily (inflection, spelling), as an alias or acronym."""
    surface = name.text if isinstance(name, Name) else name
    name_words = [w for w in _words(surface) if w not in lang.name_particles()]
    if not name_words or alias_in(surface, text):
        return True
    group = _alias_groups().get(fold(surface))
    if group is not None:  # another known name is no fuzzy match for it: "Reino Unido" is not "Estados Unidos"
        text = _other_aliases(group).sub(" ", text)
    if _is_acronym(surface):
        key = _acronym_key(surface)
        upper = re.findall(r"\b[A-Z][A-Z.]*[A-Z]\b\.?|\b[A-Z]{2,}s\b", text)
        # one said as a word, four letters or more, is written as a word in British style: "Nato", "Aids"
        core = _POSSESSIVE.sub("", surface)
        spoken = len(core) >= 4 and core.isalpha() and re.search(rf"\b{core.capitalize()}\b", text)
        return bool(spoken) or _initials_in(surface, text) or any(_acronym_key(u) == key for u in upper)
    words = set(_words(text))
    # a function word is no rendering of a name, however alike: "Thatcher" is not "that"
    candidates = words - _function_words()
    found = sum(1 for word in name_words if word in words or any(_same_word(word, c, threshold) for c in candidates))
    if found == len(name_words) or (group is None and found * 2 >= len(name_words)):
        return True
    # a spelled-out name whose acronym stands in the text: "União Europeia" ~ "EU"
    initials = "".join(w[0] for w in name_words)
    return len(name_words) >= 2 and any(
        _acronym_key(a) == _acronym_key(initials.upper()) for a in re.findall(r"\b[A-Z]{2,5}\b", text)
    )


_CONTRACTION = re.compile(r"['’](?:m|re|ve|ll|d)$|n['’]t$", re.IGNORECASE)


def contraction(name: Name) -> bool:
    """A capitalised contraction opening a sentence ("I'm", "They've") is no name."""
    return _CONTRACTION.search(name.text) is not None


def comparable(name: Name, taken: list[Span]) -> bool:
    """Whether ``name`` is one to compare across the texts: evidence (``verifiable``), no contraction,
    and not part of a name a rule has already paired (``taken``)."""
    return verifiable(name) and not contraction(name) and not overlaps(name.span, taken)


def name_words(name: Name, code: str | None) -> list[str]:
    """The words of ``name`` when the lexicon of language ``code`` reads it as a name through and
    through: two words or more (particles aside), each one it knows only capitalised or not at all
    ("Steven Lawless" in Spanish, "Τζον Σνόου" in Greek); else none. A body's name has a word the
    lexicon knows in lower case ("Comisión Judicial", "Συμβούλιο Ασφαλείας")."""
    words = name_parts(name)
    return words if len(words) >= 2 and all(proper_noun(w, code) for w in words) else []


def name_parts(name: Name) -> list[str]:
    """The words of ``name`` split at spaces and hyphens, its particles ("de", "von") left out."""
    return [w for w in re.split(r"[\s\-]+", name.bare) if w and w.lower() not in lang.name_particles()]


@lru_cache(maxsize=16384)
def kept_words(name: Name, source_lang: str | None, target_lang: str | None) -> tuple[str, ...]:
    """The words of ``name`` that translators between the two languages keep as they are: no
    lexicon of the pair knows the word in lower case ("Pompeo", "Theresa"), and it is not the
    target language's own form of a name the source language writes otherwise (Spanish knows
    "Escocia", English does not). Particles and acronyms, which each language coins for itself
    ("AfD", "ApA"), are never kept words. Cached: TQ201 asks of a name up to three times."""
    return tuple(
        w
        for w in name_parts(name)
        if len(w) > 1 and not (w.isupper() or _MIXED_ACRONYM.match(w))
        and all(proper_noun(w, code) for code in (source_lang, target_lang))
        and not (unknown(w, source_lang) and not unknown(w, target_lang))
    )
