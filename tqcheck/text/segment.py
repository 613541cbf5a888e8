"""Sentence segmentation (sentencex), keeping the line each sentence came from; clause spans."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sentencex import segment as _sentencex_segment

from tqcheck.records import Span


@dataclass(frozen=True)
class Sentence:
    text: str
    line: int  # 1-based line of the file the sentence starts on


def split_sentences(text: str, lang: str) -> list[str]:
    """Split one paragraph into sentences, whitespace trimmed, empty pieces dropped."""
    return [s.strip() for s in _sentencex_segment(lang or "en", text) if s.strip()]


def sentences_of_lines(lines: list[str], lang: str) -> list[Sentence]:
    """Every sentence of every non-blank line, in order."""
    return [
        Sentence(sentence, number)
        for number, line in enumerate(lines, start=1)
        if line.strip()
        for sentence in split_sentences(line, lang)
    ]


_CLAUSE_BREAK = re.compile(r"\s*[,;:()–—]\s*|\s+-\s+")


def clauses(text: str, min_words: int = 3) -> list[Span]:
    """Spans of the stretches between clause punctuation (commas, semicolons, colons, brackets,
    dashes) that hold at least ``min_words`` words; final punctuation is left out."""
    found, start = [], 0
    for m in _CLAUSE_BREAK.finditer(text):
        found.append((start, m.start()))
        start = m.end()
    found.append((start, len(text.rstrip(".!?… "))))
    return [(a, b) for a, b in found if b > a and len(text[a:b].split()) >= min_words]
