"""Pairing source and translation: by key when both files have keys, line by line when the files
agree, else sentence alignment.

Sentence alignment is Gale & Church (1993): a dynamic programme over character lengths with
1-1, 1-0, 0-1, 2-1 and 1-2 beads. A 1-0 bead is a source sentence with no translation (omission),
a 0-1 bead a translated sentence with no source (addition). Length alone prefers merging a dropped
sentence into its neighbour, so when a machine translation of the source sentences is at hand its
chrF against the draft adds a content cost, as in Bleualign (Sennrich & Volk, 2010).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from tqcheck.readers.base import Document
from tqcheck.records import Segment
from tqcheck.text.segment import Sentence, sentences_of_lines

Similarity = Callable[[str, str], float]
"""How much a hypothesis resembles a reference, 0–100 (sentence chrF)."""

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


def pair_lines(source: Sequence[str], target: Sequence[str], first_id: int = 0) -> list[Segment]:
    """Line i with line i; a pair that is blank on both sides is skipped."""
    if len(source) != len(target):
        raise ValueError("line pairing needs files with the same number of lines")
    segments: list[Segment] = []
    for number, (src, tgt) in enumerate(zip(source, target), start=1):
        if not src.strip() and not tgt.strip():
            continue
        column = len(tgt) - len(tgt.lstrip()) + 1
        segments.append(Segment(first_id + len(segments), number, tgt.strip(), src.strip(), column=column))
    return segments


def _bead_cost(src_len: int, tgt_len: int, bead: tuple[int, int], ratio: float) -> float:
    prior = -math.log(_BEADS[bead])
    if 0 in bead:  # nothing to compare a lone sentence's length with
        return prior
    mean = (src_len + tgt_len / ratio) / 2
    delta = (tgt_len - src_len * ratio) / math.sqrt(max(mean, 1.0) * _VARIANCE)
    tail = max(math.erfc(abs(delta) / math.sqrt(2)), 1e-300)
    return prior - math.log(tail)


def _content_cost(mt: Sequence[str], target: Sequence[str], similar: Similarity) -> float:
    if not mt or not target:
        similarity = _UNPAIRED_SIMILARITY
    else:
        # chrF weighs recall double; taking both directions penalises a bead that merges extra content
        a, b = " ".join(mt), " ".join(target)
        similarity = max(min(similar(a, b), similar(b, a)) / 100, 0.01)
    return -_CONTENT_WEIGHT * math.log(similarity)


def align_sentences(
    source: Sequence[Sentence],
    target: Sequence[Sentence],
    source_mt: Sequence[str] | None = None,
    similar: Similarity | None = None,
    first_id: int = 0,
) -> list[Segment]:
    """Align two sentence lists; several sentences of one bead are joined with a space.

    ``source_mt`` holds a machine translation of each source sentence into the target language,
    and ``similar`` compares it with the draft's sentences.
    """
    n, m = len(source), len(target)
    # Target/source length ratio: from the machine translation when there is one (the draft's own
    # total is skewed by the very omissions we look for), else Gale & Church's 1.
    ratio = 1.0
    if source_mt:
        ratio = max(sum(map(len, source_mt)), 1) / max(sum(len(s.text) for s in source), 1)
    inf = float("inf")
    cost = [[inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    cost[0][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            if cost[i][j] == inf:
                continue
            for di, dj in _BEADS:
                ni, nj = i + di, j + dj
                if ni > n or nj > m:
                    continue
                src_len = sum(len(s.text) for s in source[i:ni])
                tgt_len = sum(len(t.text) for t in target[j:nj])
                c = cost[i][j] + _bead_cost(src_len, tgt_len, (di, dj), ratio)
                if source_mt is not None and similar is not None:
                    c += _content_cost(source_mt[i:ni], [t.text for t in target[j:nj]], similar)
                if c < cost[ni][nj]:
                    cost[ni][nj] = c
                    back[ni][nj] = (di, dj)
    beads: list[tuple[int, int, int, int]] = []
    i, j = n, m
    while i or j:
        step = back[i][j]
        assert step is not None
        beads.append((i - step[0], i, j - step[1], j))
        i, j = i - step[0], j - step[1]
    segments: list[Segment] = []
    for si, se, ti, te in reversed(beads):
        src = " ".join(s.text for s in source[si:se])
        tgt = " ".join(t.text for t in target[ti:te])
        line = target[ti].line if te > ti else (source[si].line if se > si else 0)
        segments.append(Segment(id=first_id + len(segments), line=line, target=tgt, source=src))
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
    similar: Similarity,
) -> list[Segment]:
    """The segments of a bilingual check: the units of a bilingual file, or the draft paired with
    its source file by key, by line, or by sentence alignment (``machine_translate`` turns source
    sentences into the target language for it, when a model can)."""
    if doc.bilingual:
        return [Segment(i, u.line, u.target, u.source or "", u.key, u.notes) for i, u in enumerate(doc.units)]
    assert source_doc is not None
    if doc.keyed and source_doc.keyed:
        return pair_by_key(doc, source_doc)
    source_texts, target_texts = [u.target for u in source_doc.units], [u.target for u in doc.units]
    if len(source_texts) == len(target_texts):
        return pair_lines(source_texts, target_texts)
    source_sentences = sentences_of_lines(source_texts, source_lang)
    source_mt = machine_translate([s.text for s in source_sentences]) if machine_translate else None
    return align_sentences(source_sentences, sentences_of_lines(target_texts, target_lang), source_mt, similar)
