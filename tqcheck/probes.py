"""Contrastive probes: a segment rescored by the translation model with one piece taken out.

A model's likelihood of a whole draft mixes paraphrase with error, and the embedded students are
so peaked that a good synonym can cost as much as a wrong word. Taking out one piece and rescoring
cancels all of that but the piece itself:

- a **negator** removed from the draft: when the draft becomes far likelier without its "not", the
  source gives the model no reason for it. Probed only where the source has no negation cue
  outside idioms ("não só" denies nothing).
- a **clause** removed from the source: when the draft becomes likelier as a translation of the
  shorter source, and the source likelier given the draft, the draft does not render that clause.
  Probed only for inner clauses (a clause at either end is often moved or carried by the next
  segment) with at least ``CLAUSE_MIN_UNCOVERED`` content words the back-translation lacks.

Those conditions are where the answer can be read this way; they also keep the cost to about a
tenth of a run. The checks decide what a gain means (TQ404, TQ105).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from tqcheck.backends.base import Backend
from tqcheck.model import Probe, Span
from tqcheck.text.coverage import uncovered_words
from tqcheck.text.negation import denials, removable_negators
from tqcheck.text.segment import clauses

CLAUSE_MIN_UNCOVERED = 3
"""Measured on WMT22 dev: 2 and 3 find the same errors; 3 flags no NTREX line and probes half as much."""


@dataclass(frozen=True)
class ProbeInput:
    source: str
    draft: str
    back_translation: str


def probe(
    items: Sequence[ProbeInput],
    source_lang: str,
    target_lang: str,
    backend: Backend,
    progress: Callable[[str, int, int], None] | None = None,
) -> list[tuple[Probe, ...]]:
    """Every probe of every segment, scored in two passes (one per direction)."""
    score = _Scorer(backend, progress)
    asked: list[tuple[int, Probe, str]] = []  # (item, probe without its gains, the shortened text)
    for i, item in enumerate(items):
        if not item.source.strip() or not item.draft.strip():
            continue
        if not denials(item.source, source_lang):
            for cue, without in removable_negators(item.draft, target_lang):
                asked.append((i, Probe("negator", cue.text, cue.span, 0.0), without))
        for span in _inner_clauses(item, source_lang):
            text = item.source[slice(*span)]
            shorter = (item.source[: span[0]] + item.source[span[1] :]).strip()
            asked.append((i, Probe("clause", text, span, 0.0), shorter))
    found: list[tuple[Probe, ...]] = [()] * len(items)
    if not asked:
        return found
    bases = sorted({i for i, _, _ in asked})
    forward = [(items[i].source, items[i].draft) for i in bases]
    for i, p, shortened in asked:
        forward.append((items[i].source, shortened) if p.kind == "negator" else (shortened, items[i].draft))
    scores = score(forward, source_lang, target_lang)
    if scores is None:
        return found
    base = dict(zip(bases, scores))
    gained = [(i, replace(p, gain=round(s - base[i], 3)), shortened) for (i, p, shortened), s in zip(asked, scores[len(bases) :])]
    # The way back is asked only of clauses the draft is likelier without: the rest cannot be findings.
    back_asked = [(i, p, shortened) for i, p, shortened in gained if p.kind == "clause" and p.gain > 0]
    back_gains = _back_gains(items, back_asked, source_lang, target_lang, score)
    for i, p, _ in gained:
        if p.kind == "clause":
            p = replace(p, back_gain=back_gains.get((i, p.span)))
        found[i] = (*found[i], p)
    return found


def _back_gains(
    items: Sequence[ProbeInput], asked: list[tuple[int, Probe, str]], source_lang: str, target_lang: str, score: _Scorer
) -> dict[tuple[int, Span], float]:
    """Per word of each clause: how much likelier the source is, given the draft, without the clause."""
    if not asked:
        return {}
    bases = sorted({i for i, _, _ in asked})
    pairs = [(items[i].draft, items[i].source) for i in bases] + [(items[i].draft, s) for i, _, s in asked]
    scores = score(pairs, target_lang, source_lang)
    if scores is None:
        return {}
    base = dict(zip(bases, scores))
    return {
        (i, p.span): round((s - base[i]) / len(p.text.split()), 3)
        for (i, p, _), s in zip(asked, scores[len(bases) :])
    }


class _Scorer:
    """The backend's scores, asked in chunks so a progress callback can follow them."""

    CHUNK = 64

    def __init__(self, backend: Backend, progress: Callable[[str, int, int], None] | None) -> None:
        self.backend = backend
        self.progress = progress

    def __call__(self, pairs: Sequence[tuple[str, str]], src: str, tgt: str) -> list[float] | None:
        out: list[float] = []
        for start in range(0, len(pairs), self.CHUNK):
            chunk = self.backend.score(pairs[start : start + self.CHUNK], src, tgt)
            if chunk is None:
                return None
            out += chunk
            if self.progress:
                self.progress(f"probing ({src}→{tgt})", len(out), len(pairs))
        return out


def _inner_clauses(item: ProbeInput, source_lang: str) -> list[Span]:
    spans = clauses(item.source)[1:-1]
    if not spans:
        return []
    missing = [start for _, (start, _) in uncovered_words(item.source, item.back_translation, source_lang)]
    return [(a, b) for a, b in spans if sum(a <= at < b for at in missing) >= CLAUSE_MIN_UNCOVERED]
