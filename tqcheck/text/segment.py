"""Sentence segmentation (sentencex), keeping the line each sentence came from; clause spans; and
the bounds that keep every model call and every quadratic step small, whatever the input."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Protocol

from sentencex import segment as _sentencex_segment

from tqcheck import lang
from tqcheck.records import Segment, Span

PIECE_CHARS = 600
"""The most text a model is given at once, about a long news sentence: a longer text is cut at
clause punctuation, then at spaces, and its pieces are translated one by one."""
MAX_CHECKED_CHARS = 5_000
"""The longest unit (or, without a source, sentence) that is checked. No sentence of prose is this
long, and below it the quadratic steps (TER, diffs, word coverage) take well under a second."""
MAX_WORD_CHARS = 200
"""A token longer than this is no word of any language (base64, URLs glued together): its
sentence is not checked."""


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str
    line: int  # 1-based line of the file the sentence starts on
    notes: tuple[str, ...] = ()  # the notes of the unit it comes from
    key: str | None = None  # the key of the unit it comes from


class Lined(Protocol):
    """A unit of a file: its text, line, key and notes (readers.Unit is one)."""

    @property
    def target(self) -> str: ...
    @property
    def line(self) -> int: ...
    @property
    def key(self) -> str | None: ...
    @property
    def notes(self) -> tuple[str, ...]: ...


def split_sentences(text: str, lang: str) -> list[str]:
    """Split one paragraph into sentences, whitespace trimmed, empty pieces dropped."""
    return [s.strip() for s in _sentencex_segment(lang or "en", text) if s.strip()]


def sentence_spans(text: str, lang: str) -> list[tuple[str, Span]]:
    """The sentences of one paragraph (``split_sentences``), each with where it stands in ``text``."""
    found, start = [], 0
    for sentence in split_sentences(text, lang):
        at = text.find(sentence, start)
        start = at + len(sentence)
        found.append((sentence, (at, start)))
    return found


_ENDED = re.compile(r"(?<!\.)[.!?。！？][\"'»”’)\]]*\s*$")


def leaves_open(text: str) -> bool:
    """Whether ``text`` stops before its sentence ends, as a subtitle cue often does: no closing
    ".", "!" or "?"; a trailing "..." or "…" carries on into the next cue."""
    return not _ENDED.search(text)


def sentences_of(units: Sequence[Lined], lang: str) -> list[Sentence]:
    """Every sentence of every non-blank unit, in order; an overlong sentence in pieces."""
    return [
        Sentence(piece, unit.line, unit.notes, unit.key)
        for unit in units
        if unit.target.strip()
        for sentence in split_sentences(unit.target, lang)
        for piece in (pieces(sentence) if unchecked_reason(sentence) is None else [sentence])
    ]


def unchecked_reason(text: str) -> str | None:
    """Why ``text`` is too long or too strange to check, or None when it can be checked."""
    if len(text) > MAX_CHECKED_CHARS:
        return (
            f"not checked: {len(text):,} characters in one piece, more than the {MAX_CHECKED_CHARS:,} "
            "tqcheck checks at once; split it into sentences or paragraphs"
        )
    longest = max(text.split(), key=len, default="")
    if len(longest) > MAX_WORD_CHARS:
        return f"not checked: it holds a {len(longest):,}-character token, which is no word a model can read"
    return None


def bounded(segment: Segment) -> Segment:
    """``segment``, marked unchecked when its source or its translation is out of bounds."""
    reason = unchecked_reason(segment.target) or unchecked_reason(segment.source or "")
    return replace(segment, unchecked=reason) if reason else segment


_PIECE_BREAKS = (re.compile(r"(?<=[,;:)–—])\s+"), re.compile(r"\s+"))


def pieces(text: str, limit: int = PIECE_CHARS) -> list[str]:
    """``text`` in pieces of at most ``limit`` characters, cut after clause punctuation where it
    can be, else at spaces; a single token over the limit stays whole."""
    if len(text) <= limit:
        return [text]
    for breaks in _PIECE_BREAKS:
        parts = [p for p in breaks.split(text) if p]
        if len(parts) > 1:
            out: list[str] = []
            for part in parts:
                if out and len(out[-1]) + 1 + len(part) <= limit:
                    out[-1] += " " + part
                else:
                    out.append(part)
            return [p for part in out for p in pieces(part, limit)]
    return [text]


_CLAUSE_BREAK = re.compile(r"\s*[,;:()–—、，；：（）「」『』]\s*|\s+-\s+")  # Latin and CJK clause punctuation


def clauses(text: str, min_words: int = 3) -> list[Span]:
    """Spans of the stretches between clause punctuation (commas, semicolons, colons, brackets,
    dashes) that hold at least ``min_words`` words; final punctuation is left out."""
    found, start = [], 0
    for m in _CLAUSE_BREAK.finditer(text):
        found.append((start, m.start()))
        start = m.end()
    found.append((start, len(text.rstrip(".!?… "))))
    return [(a, b) for a, b in found if b > a and len(text[a:b].split()) >= min_words]


_INNER_WORD = re.compile(r"(?<=\s)\w+")


def clause_pieces(text: str, code: str | None) -> list[Span]:
    """The pieces of ``text`` a translation may leave out whole: each clause (``clauses``, of any
    length, so that a list item between commas is one) and, around each word of the language that
    joins clauses or list items as equals, the clause's tail from it ("and C" of "in A, B and C")
    and its head up to it ("B"), in text order."""
    joiners = lang.get(code).coordinators
    found = []
    for start, end in clauses(text, min_words=1):
        found.append((start, end))
        for m in _INNER_WORD.finditer(text, start, end):
            if m.start() > start and m.group().lower() in joiners:
                found += [(start, start + len(text[start : m.start()].rstrip())), (m.start(), end)]
    return found


def listed_together(first: Span, second: Span, text: str, code: str | None) -> bool:
    """Whether two spans of ``text`` are items of one list: nothing between them but function words
    with a word joining equals ("Microsoft and Apple", "a Rússia e os EUA"), or a comma when such a
    word follows the second ("o Facebook, o Google e outras"). A comma alone also sets off an
    apposition or a clause ("the mayor of Osaka, Toru Hashimoto"; "leaving Truly, Jones jetted out")."""
    knowledge = lang.get(code)
    (_, a), (b, c) = sorted([first, second])
    between = text[a:b].replace(",", " , ").split()
    after = text[c:].split()[:1]
    joined = any(w.lower() in knowledge.coordinators for w in between) or (
        "," in between and bool(after) and after[0].lower() in knowledge.coordinators
    )
    small = knowledge.stopwords or frozenset()
    return joined and len(between) <= 4 and all(w == "," or w.lower() in small for w in between)
