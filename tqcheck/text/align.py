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
from tqcheck.readers.base import Document, Unit
from tqcheck.readers.lines import FileLines
from tqcheck.records import Segment
from tqcheck.text.segment import Lined, Sentence, bounded, sentences_of

# Bead priors and length-ratio variance from Gale & Church's paper.
_BEADS: dict[tuple[int, int], float] = {
    (1, 1): 0.89,
    (1, 0): 0.0099 / 2,
    (0, 1): 0.0099 / 2,
    (2, 1): 0.089 / 2,
    (1, 2): 0.089 / 2,
}
_VARIANCE = 6.8
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


class _MadeWhenAsked(Sequence[Segment]):
    """Segments made when asked for, a slice at a time (``_made``): a long file read as used
    (readers.lines, readers.spool) is read a chunk at a time, never held whole."""

    def __getitem__(self, index: int | slice) -> Segment | list[Segment]:  # type: ignore[override]
        if isinstance(index, int):
            return self[index : index + 1 or None][0]
        wanted = range(*index.indices(len(self)))
        return self._made(wanted) if wanted else []

    def _made(self, wanted: range) -> list[Segment]:
        raise NotImplementedError


class PairedLines(_MadeWhenAsked):
    """The segments of two files paired line by line, from the index of the lines that are not
    blank on both sides (8 bytes a segment)."""

    def __init__(self, source: Sequence[Lined], target: Sequence[Lined]) -> None:
        if len(source) != len(target):
            raise ValueError("pairing by position needs files with the same number of units")
        self.source, self.target = source, target
        kept = (i for i, (a, b) in enumerate(zip(_blanks(source), _blanks(target))) if not (a and b))
        self._lines = array("q", kept)

    def __len__(self) -> int:
        return len(self._lines)

    def _made(self, wanted: range) -> list[Segment]:
        first, last = self._lines[wanted[0]], self._lines[wanted[-1]]
        sources, targets = self.source[first : last + 1], self.target[first : last + 1]
        return [_line_pair(k, sources[self._lines[k] - first], targets[self._lines[k] - first]) for k in wanted]


class UnitSegments(_MadeWhenAsked):
    """The segments of a bilingual file, one a unit."""

    def __init__(self, units: Sequence[Unit]) -> None:
        self.units = units

    def __len__(self) -> int:
        return len(self.units)

    def _made(self, wanted: range) -> list[Segment]:
        units = self.units[wanted.start : wanted.stop] if wanted.step == 1 else [self.units[i] for i in wanted]
        return [bounded(Segment(i, u.line, u.target, u.source or "", u.key, u.notes)) for i, u in zip(wanted, units)]


def _blanks(units: Sequence[Lined]) -> Sequence[bool] | bytearray:
    """Which units are blank: a long file read as used knows it from its scan, without reading again."""
    return units.blank if isinstance(units, FileLines) else [not u.target.strip() for u in units]


def _line_pair(segment_id: int, src: Lined, tgt: Lined) -> Segment:
    column = len(tgt.target) - len(tgt.target.lstrip()) + 1
    return bounded(Segment(segment_id, tgt.line, tgt.target.strip(), src.target.strip(), tgt.key, tgt.notes, column))


def _bead_cost(src_len: int, tgt_len: int, bead: tuple[int, int], ratio: float) -> float:
    prior = -math.log(_BEADS[bead])
    if 0 in bead:  # nothing to compare a lone sentence's length with
        return prior
    mean = (src_len + tgt_len / ratio) / 2
    delta = (tgt_len - src_len * ratio) / math.sqrt(max(mean, 1.0) * _VARIANCE)
    tail = max(math.erfc(abs(delta) / math.sqrt(2)), 1e-300)
    return prior - math.log(tail)


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
    if (n + 1) * (2 * band + 1) > MAX_CELLS:
        raise ValueError(
            f"{n:,} source sentences and {m:,} translated ones differ too much to align; "
            "split the files into chapters that match"
        )
    overlap = _Overlap(source_mt, target) if source_mt is not None else None
    cost: dict[tuple[int, int], float] = {(0, 0): 0.0}
    back: dict[tuple[int, int], tuple[int, int]] = {}
    for i in range(n + 1):
        centre = i * m / max(n, 1)
        for j in range(max(0, int(centre) - band), min(m, int(centre) + band + 1) + 1):
            here = cost.get((i, j))
            if here is None:
                continue
            for di, dj in _BEADS:
                ni, nj = i + di, j + dj
                if ni > n or nj > m or abs(nj - ni * m / max(n, 1)) > band + 1:
                    continue
                src_len = sum(len(s.text) for s in source[i:ni])
                tgt_len = sum(len(t.text) for t in target[j:nj])
                c = here + _bead_cost(src_len, tgt_len, (di, dj), ratio)
                if overlap is not None:
                    c += overlap.cost(i, ni, j, nj)
                if c < cost.get((ni, nj), float("inf")):
                    cost[(ni, nj)] = c
                    back[(ni, nj)] = (di, dj)
    beads: list[tuple[int, int, int, int]] = []
    i, j = n, m
    while i or j:
        step = back[(i, j)]
        beads.append((i - step[0], i, j - step[1], j))
        i, j = i - step[0], j - step[1]
    segments: list[Segment] = []
    for si, se, ti, te in reversed(beads):
        src = " ".join(s.text for s in source[si:se])
        tgt = " ".join(t.text for t in target[ti:te])
        line = target[ti].line if te > ti else (source[si].line if se > si else 0)
        notes = tuple(n for t in target[ti:te] for n in t.notes)
        segments.append(Segment(id=first_id + len(segments), line=line, target=tgt, source=src, notes=notes))
    return segments


def pair_by_key(doc: Document, source_doc: Document) -> list[Segment]:
    """Units with the same key pair up; a key on one side only is an addition or an omission."""
    sources = {u.key: u for u in source_doc.units}
    segments = [
        Segment(i, u.line, u.target, sources[u.key].target if u.key in sources else "", u.key, u.notes)
        for i, u in enumerate(doc.units)
    ]
    keys = {u.key for u in doc.units}
    for unit in source_doc.units:
        if unit.key not in keys:
            segments.append(Segment(len(segments), unit.line, "", unit.target, unit.key))
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
        return [bounded(s) for s in pair_by_key(doc, source_doc)]
    if len(source_doc.units) == len(doc.units):
        return pair_lines(source_doc.units, doc.units)
    source_sentences = sentences_of(source_doc.units, source_lang)
    source_mt = machine_translate([s.text for s in source_sentences]) if machine_translate else None
    try:
        return [bounded(s) for s in align_sentences(source_sentences, sentences_of(doc.units, target_lang), source_mt)]
    except ValueError as exc:
        raise ReadError(doc.path, str(exc)) from None
