"""Named-entity candidates from capitalisation, and fuzzy presence of a name in another text.

No tagger: in the Latin-script languages tqcheck checks, a run of capitalised words that does not
open a sentence is a name ("Linas Linkevicius", "NATO", "Kaliningrad"). A word that opens a sentence
counts only when the same text also uses it as a name elsewhere, or when it is an acronym.
Comparisons fold case and accents, so "Polónia" (pt-PT) and "Polônia" (pt-BR) are one name.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass

from tqcheck.model import Span

_TOKEN = re.compile(r"[^\W\d_][\w'’\-]*|\d+|[^\w\s]", re.UNICODE)
_CONNECTORS = frozenset("de da do dos das del della di du von van der den of the y e la le al el bin ibn".split())
_ENDERS = frozenset(".!?:;—–-•*")
_QUOTES = frozenset('"“”«»„(\'‘')
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
# Capitalised function words and calendar words that are not names.
_NOT_NAMES = frozenset(
    """i a o os as um uma the this that these those it he she we they you his her its our their mr mrs ms dr
    sr sra dra monday tuesday wednesday thursday friday saturday sunday january february march april may june
    july august september october november december but and or if when while as so yet also however
    still""".split()
)


@dataclass(frozen=True)
class Name:
    text: str
    span: Span

    @property
    def key(self) -> str:
        return fold(self.text)


def fold(text: str) -> str:
    """Case- and accent-insensitive form used for every name comparison."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _is_cap(word: str) -> bool:
    return word[:1].isupper() and word[:1].isalpha()


def _is_acronym(word: str) -> bool:
    core = _POSSESSIVE.sub("", word)
    return len(core) >= 2 and core.isupper() and core.isalpha()


def find_names(text: str) -> list[Name]:
    """Capitalised word runs that look like names, possessive endings removed."""
    toks = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]
    opens = [
        i == 0
        or toks[i - 1][0] in _ENDERS
        or (toks[i - 1][0] in _QUOTES and toks[i - 1][2] == toks[i][1])  # an opening quote touches its word
        for i in range(len(toks))
    ]
    known = {fold(_POSSESSIVE.sub("", w)) for i, (w, _, _) in enumerate(toks) if _is_cap(w) and not opens[i]}
    names: list[Name] = []
    i = 0
    while i < len(toks):
        word = toks[i][0]
        core = _POSSESSIVE.sub("", word)
        usable = _is_cap(word) and fold(core) not in _NOT_NAMES and (
            not opens[i] or _is_acronym(word) or fold(core) in known
        )
        if not usable:
            i += 1
            continue
        j = i
        while True:  # extend over "Linas Linkevicius", "Banco de Portugal"
            if j + 1 < len(toks) and _is_cap(toks[j + 1][0]) and not _POSSESSIVE.search(toks[j][0]):
                j += 1
            elif (
                j + 2 < len(toks)
                and toks[j + 1][0].lower() in _CONNECTORS
                and toks[j + 1][0].islower()
                and _is_cap(toks[j + 2][0])
                and not _POSSESSIVE.search(toks[j][0])
            ):
                j += 2
            else:
                break
        start, end = toks[i][1], toks[j][2]
        surface = _POSSESSIVE.sub("", text[start:end])
        names.append(Name(surface, (start, start + len(surface))))
        i = j + 1
    return names


def _words(text: str) -> list[str]:
    # "U.S." and "US" are one word; hyphens split ("Serbian-majority")
    return [fold(w) for w in re.findall(r"[^\W\d_]+", re.sub(r"(?<=\b[A-Z])\.(?=[A-Z]\b\.?)", "", text))]


def _acronym_key(word: str) -> str:
    """Letters of an acronym in any order: "UBD" and "DBU", "BITs" and "TBI" are one name."""
    return "".join(sorted(word.rstrip("s")))


def _same_word(a: str, b: str, threshold: float) -> bool:
    if a == b:
        return True
    if len(a) <= 5 and len(b) <= 5 and _acronym_key(a) == _acronym_key(b):
        return True
    shortest = min(len(a), len(b))
    prefix = len(_common_prefix(a, b))
    if shortest >= 4 and prefix >= max(4, int(0.7 * shortest)):  # "Afghan" ~ "Afghanistan"
        return True
    return abs(len(a) - len(b)) <= max(2, len(a) // 3) and (
        difflib.SequenceMatcher(a=a, b=b, autojunk=False).ratio() >= threshold
    )


def _common_prefix(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]


def name_in(name: Name | str, text: str, threshold: float = 0.8) -> bool:
    """Whether most words of ``name`` occur in ``text`` (fuzzily, for inflection and spelling)."""
    name_words = [w for w in _words(name.text if isinstance(name, Name) else name) if w not in _CONNECTORS]
    if not name_words:
        return True
    candidates = set(_words(text))
    found = sum(1 for word in name_words if any(_same_word(word, c, threshold) for c in candidates))
    return found * 2 >= len(name_words)
