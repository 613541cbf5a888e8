"""String helpers every text utility shares: folding, words, shared openings, spans that overlap,
how alike two names are, and short quotations that may be titles."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from tqcheck.records import Span

WORD = re.compile(r"\w+", re.UNICODE)
"""A word: a run of letters, digits or underscores, in any script."""


_REMEMBERED = 40
"""Strings up to this length (words and names) are folded once a run; longer ones, whole
sentences, are folded afresh, so a long file's sentences do not pile up in the cache."""


def fold(text: str) -> str:
    """Case- and accent-insensitive form used for every name and word comparison."""
    return _fold_remembered(text) if len(text) <= _REMEMBERED else _fold(text)


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_fold_remembered = lru_cache(maxsize=65536)(_fold)


def common_prefix(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]


def same_opening(a: str, b: str, *, at_least: int, share: float = 0.0, all_but: int | None = None) -> bool:
    """Whether ``a`` and ``b`` open with the same letters: at least ``at_least`` of them, and at
    least ``share`` of the shorter word or all of it but ``all_but`` letters. Inflections and
    derivations keep the opening of a word ("recovered" ~ "recovery", "Afghan" ~ "Afghanistan")."""
    shortest = min(len(a), len(b))
    need = max(at_least, int(share * shortest))
    if all_but is not None:
        need = max(need, shortest - all_but)
    return len(common_prefix(a, b)) >= need


_CONTROLS = {c: 0x2400 + c for c in range(0x20)} | {0x7F: 0x2421} | {c: 0xFFFD for c in range(0x80, 0xA0)}
_STRIP = dict.fromkeys(_CONTROLS)


def visible(text: str) -> str:
    """``text`` with each control character shown as a symbol ("␛" for ESC), one for one so that
    spans keep their offsets: a translation holding ``\\x1b[2J`` must not clear the reader's screen."""
    return text.translate(_CONTROLS)


def without_controls(text: str) -> str:
    """``text`` with its control characters removed, for formats shown by other tools (SARIF)."""
    return text.translate(_STRIP)


def overlaps(span: Span, spans: Iterable[Span]) -> bool:
    """Whether ``span`` shares a character with any of ``spans``."""
    return any(a < span[1] and span[0] < b for a, b in spans)


def cognate(a: str, b: str) -> float:
    """How alike two names are, folded, word by word (each word of the shorter against its best match):
    one name in two forms is often a cognate ("Catalunha" 0.78, "Nueva York" 0.50), two names seldom
    (NTREX median 0.22); as wholes, people's names of like shape passed ("Ari Fleischer", "Alisson Becker")."""
    short, long = sorted((fold(a).split(), fold(b).split()), key=len)
    return min((max(difflib.SequenceMatcher(None, w, o).ratio() for o in long) for w in short), default=0.0)


_QUOTED = re.compile(r"[“\"«]([^”\"»]{1,80})[”\"»]")
TITLE_MAX_WORDS = 6
"""A quotation this short may be a title; a longer one is speech, whose names are translated as any."""


def in_title(text: str, span: Span) -> bool:
    """Whether ``span`` of ``text`` lies inside a quotation short enough to be a title of a work."""
    return any(
        m.start() < span[0] < m.end() and len(m.group(1).split()) <= TITLE_MAX_WORDS for m in _QUOTED.finditer(text)
    )
