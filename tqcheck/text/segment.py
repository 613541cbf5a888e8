"""Sentence segmentation (sentencex), keeping the line each sentence came from."""

from __future__ import annotations

from dataclasses import dataclass

from sentencex import segment as _sentencex_segment


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
