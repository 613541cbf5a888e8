"""Pairing source and translation: by key when both files have keys, line by line when the files
agree, else sentence alignment.

Sentence alignment is Gale & Church (1993): a dynamic programme over character lengths with
1-1, 1-0, 0-1, 2-1 and 1-2 beads. A 1-0 bead is a source sentence with no translation (omission),
a 0-1 bead a translated sentence with no source (addition). Length alone prefers merging a dropped
sentence into its neighbour, so when a machine translation of the source sentences is at hand its
chrF against the draft adds a content cost, as in Bleualign (Sennrich & Volk, 2010). The chrF of a
bead is summed from the character n-gram matches of its sentence pairs, each pair counted once.
"""

from __future__ import annotations

import math
from array import array
from collections import Counter
from collections.abc import Callable, Sequence

from tqcheck.errors import ReadError
from tqcheck.readers.base import Document, ReadWhenAsked, Unit
from tqcheck.readers.lines import FileLines
from tqcheck.records import Segment
from tqcheck.text.galechurch import align as gale_church
from tqcheck.text.keys import KeyedSegments
from tqcheck.text.segment import Lined, Sentence, bounded, sentences_of

_CONTENT_WEIGHT = 6.0
_UNPAIRED_SIMILARITY = 0.5  # what an empty partner "resembles", so 1-0 beads compete fairly
_BAND = 20
MAX_CELLS = 2_000_000
"""Alignment looks at sentence pairs within a band around the diagonal, ``_BAND`` sentences wider
than the two files' difference: linear in the file's length, not quadratic. Past this many cells
(files that differ by thousands of sentences) it refuses rather than run for minutes."""


def pair_lines(source: Sequence[Lined], target: Sequence[Lined]) -> PairedLines:
    """Unit i with unit i (a line of plain text, a block of Markdown); a pair blank on both sides is
    skipped."""
    return PairedLines(source, target)


class PairedLines(ReadWhenAsked[Segment]):
    """The segments of two files paired line by line, made when asked for from the index of the
    lines that are not blank on both sides (8 bytes a segment)."""

    def __init__(self, source: Sequence[Lined], target: Sequence[Lined]) -> None:
        if len(source) != len(target):
            raise ValueError("pairing by position needs files with the same number of units")
        self.source, self.target = source, target
        kept = (i for i, (a, b) in enumerate(zip(_blanks(source), _blanks(target))) if not (a and b))
        self._lines = array("q", kept)

    def __len__(self) -> int:
        return len(self._lines)

    def _run(self, start: int, count: int) -> list[Segment]:
        wanted = range(start, start + count)
        first, last = self._lines[wanted[0]], self._lines[wanted[-1]]
        sources, targets = self.source[first : last + 1], self.target[first : last + 1]
        return [_line_pair(k, sources[self._lines[k] - first], targets[self._lines[k] - first]) for k in wanted]


class UnitSegments(ReadWhenAsked[Segment]):
    """The segments of a bilingual file, one a unit, made when asked for."""

    def __init__(self, units: Sequence[Unit]) -> None:
        self.units = units

    def __len__(self) -> int:
        return len(self.units)

    def _run(self, first: int, count: int) -> list[Segment]:
        units = enumerate(self.units[first : first + count], start=first)
        return [bounded(Segment(k, u.line, u.target, u.source or "", u.key, u.notes)) for k, u in units]


def _blanks(units: Sequence[Lined]) -> Sequence[bool] | bytearray:
    """Which units are blank: a long file read as used knows it from its scan, without reading again."""
    return units.blank if isinstance(units, FileLines) else [not u.target.strip() for u in units]


def _line_pair(segment_id: int, src: Lined, tgt: Lined) -> Segment:
    column = len(tgt.target) - len(tgt.target.lstrip()) + 1
    return bounded(Segment(segment_id, tgt.line, tgt.target.strip(), src.target.strip(), tgt.key, tgt.notes, column))


_ORDERS = 6  # chrF's character n-gram orders, and its beta
_BETA = 2.0


def _ngrams(text: str) -> list[Counter[str]]:
    chars = "".join(text.split())  # chrF ignores whitespace
    return [Counter(chars[k : k + n] for k in range(len(chars) - n + 1)) for n in range(1, _ORDERS + 1)]


def _chrf(matches: list[int], hyp: list[int], ref: list[int]) -> float:
    orders = [n for n in range(_ORDERS) if hyp[n] and ref[n]]
    if not orders:
        return 0.0
    precision = sum(matches[n] / hyp[n] for n in orders) / len(orders)
    recall = sum(matches[n] / ref[n] for n in orders) / len(orders)
    if not precision + recall:
        return 0.0
    return (1 + _BETA**2) * precision * recall / (_BETA**2 * precision + recall)


class _Overlap:
    """Character n-gram matches of each source sentence's machine translation with each draft
    sentence, counted once a pair and summed for a bead."""

    def __init__(self, mt: Sequence[str], target: Sequence[Sentence]) -> None:
        self.mt = [_ngrams(t) for t in mt]
        self.draft = [_ngrams(t.text) for t in target]
        self._pairs: dict[tuple[int, int], list[int]] = {}

    def _matches(self, i: int, j: int) -> list[int]:
        if (i, j) not in self._pairs:
            self._pairs[(i, j)] = [
                sum(min(count, b[gram]) for gram, count in a.items() if gram in b)
                for a, b in zip(self.mt[i], self.draft[j])
            ]
        return self._pairs[(i, j)]

    def cost(self, i: int, ni: int, j: int, nj: int) -> float:
        """The content cost of the bead source[i:ni] ~ target[j:nj]: chrF both ways, the lower."""
        if ni == i or nj == j:
            similarity = _UNPAIRED_SIMILARITY
        else:
            pairs = [self._matches(a, b) for a in range(i, ni) for b in range(j, nj)]
            matches = [sum(p[n] for p in pairs) for n in range(_ORDERS)]
            mt = [sum(sum(self.mt[a][n].values()) for a in range(i, ni)) for n in range(_ORDERS)]
            draft = [sum(sum(self.draft[b][n].values()) for b in range(j, nj)) for n in range(_ORDERS)]
            # chrF weighs recall double; taking both directions penalises a bead that merges extra content
            similarity = max(min(_chrf(matches, mt, draft), _chrf(matches, draft, mt)), 0.01)
        return -_CONTENT_WEIGHT * math.log(similarity)


def align_sentences(
    source: Sequence[Sentence],
    target: Sequence[Sentence],
    source_mt: Sequence[str] | None = None,
    first_id: int = 0,
) -> list[Segment]:
    """Align two sentence lists; several sentences of one bead are joined with a space.

    ``source_mt`` holds a machine translation of each source sentence into the target language.
    """
    n, m = len(source), len(target)
    # Target/source length ratio: from the machine translation when there is one (the draft's own
    # total is skewed by the very omissions we look for), else Gale & Church's 1.
    ratio = 1.0
    if source_mt:
        ratio = max(sum(map(len, source_mt)), 1) / max(sum(len(s.text) for s in source), 1)
    band = _BAND + abs(n - m)  # the path keeps within this many sentences of the diagonal
    if _cells(n, m) > MAX_CELLS:
        raise ValueError(
            f"{n:,} source sentences and {m:,} translated ones differ too much to align; "
            "split the files into chapters that match"
        )
    overlap = _Overlap(source_mt, target) if source_mt is not None else None
    lengths = [len(s.text) for s in source], [len(t.text) for t in target]
    beads = gale_church(*lengths, band, ratio, overlap.cost if overlap is not None else None)
    segments: list[Segment] = []
    for si, se, ti, te in beads:
        src = " ".join(s.text for s in source[si:se])
        tgt = " ".join(t.text for t in target[ti:te])
        line = target[ti].line if te > ti else (source[si].line if se > si else 0)
        notes = tuple(n for t in target[ti:te] for n in t.notes)
        segments.append(Segment(id=first_id + len(segments), line=line, target=tgt, source=src, notes=notes))
    return segments


def pair_documents(
    doc: Document,
    source_doc: Document | None,
    source_lang: str,
    target_lang: str,
    machine_translate: Callable[[list[str]], list[str]] | None,
) -> Sequence[Segment]:
    """The segments of a bilingual check: the units of a bilingual file, or the draft paired with
    its source file by key, by line, or by sentence alignment (``machine_translate`` turns source
    sentences into the target language for it, when a model can)."""
    if doc.bilingual:
        return UnitSegments(doc.units)
    assert source_doc is not None
    if doc.keyed and source_doc.keyed:
        return KeyedSegments(doc.units, source_doc.units, join_sentences=doc.runs_on)
    if len(source_doc.units) == len(doc.units):
        return pair_lines(source_doc.units, doc.units)
    try:
        sides = ((source_doc, source_lang), (doc, target_lang))
        if any(isinstance(d.units, FileLines) for d, _ in sides):
            # counted a line at a time: a long file is split whole into sentences only if they can align
            counts = [sum(len(sentences_of([unit], lang)) for unit in d.units) for d, lang in sides]
            if _cells(*counts) > MAX_CELLS:
                return AlignedLines(source_doc.units, doc.units)
        source_sentences, target_sentences = (sentences_of(d.units, lang) for d, lang in sides)
        if _cells(len(source_sentences), len(target_sentences)) > MAX_CELLS:
            return AlignedLines(source_doc.units, doc.units)
        source_mt = machine_translate([s.text for s in source_sentences]) if machine_translate else None
        return [bounded(s) for s in align_sentences(source_sentences, target_sentences, source_mt)]
    except ValueError as exc:
        raise ReadError(doc.path, str(exc)) from None


class AlignedLines(ReadWhenAsked[Segment]):
    """The non-blank lines of two files whose line counts differ, aligned by length as Gale & Church
    aligned paragraphs, for files too long, or too far apart in sentences, to align sentence by
    sentence (``MAX_CELLS``): before, tqcheck refused them. No machine translation helps here (every
    line would have to be translated first), so a short line dropped may merge into its neighbour's
    segment. A bead of lines is one segment, made when asked for: 8 bytes a line, 32 a bead."""

    def __init__(self, source: Sequence[Lined], target: Sequence[Lined]) -> None:
        self.source, self.target = source, target
        self._lines = [array("q"), array("q")]  # the indexes of the non-blank lines, each side
        lengths = [array("q"), array("q")]
        for side, units in enumerate((source, target)):
            for index, unit in enumerate(units):
                if unit.target.strip():
                    self._lines[side].append(index)
                    lengths[side].append(len(unit.target.strip()))
        n, m = len(lengths[0]), len(lengths[1])
        band = _BAND + abs(n - m)
        if band > MAX_LINE_BAND:
            raise ValueError(
                f"{n:,} source lines and {m:,} translated ones differ too much to align; "
                "split the files into chapters that match"
            )
        # the two files' own ratio of lengths: the lines one of them lacks are too few to skew it
        ratio = max(sum(lengths[1]), 1) / max(sum(lengths[0]), 1)
        self._beads = array("q", [k for bead in gale_church(*lengths, band, ratio) for k in bead])

    def __len__(self) -> int:
        return len(self._beads) // 4

    def _run(self, first: int, count: int) -> list[Segment]:
        beads = [self._beads[4 * k : 4 * k + 4] for k in range(first, first + count)]
        sides = []
        for side, (units, lines) in enumerate(zip((self.source, self.target), self._lines)):
            start, end = beads[0][2 * side], beads[-1][2 * side + 1]  # the beads' lines, in one read
            read = units[lines[start] : lines[end - 1] + 1] if end > start else []
            sides.append([[read[lines[k] - lines[start]] for k in range(b[2 * side], b[2 * side + 1])] for b in beads])
        segments = []
        for k, (source, target) in enumerate(zip(*sides), start=first):
            line = (target or source)[0].line if target or source else 0
            text = [" ".join(u.target.strip() for u in units) for units in (source, target)]
            notes = tuple(n for u in target for n in u.notes)
            segments.append(bounded(Segment(k, line, text[1], text[0], None, notes)))
        return segments


MAX_LINE_BAND = 500
"""Lines align within this many lines of the diagonal (files that differ by about 480 lines): the
work grows with the file's length times the band."""


def _cells(n: int, m: int) -> int:
    return (n + 1) * (2 * (_BAND + abs(n - m)) + 1)
