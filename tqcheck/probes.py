"""Contrastive probes: the draft rescored as a translation of its source with one word taken out.

A model's likelihood of a whole draft mixes paraphrase with error, and the embedded students are
so peaked that a good synonym can cost as much as a wrong word. Removing a single word and
rescoring cancels all of that but the word itself: when a draft becomes far likelier without its
"not", the source gives the model no reason for it. Only negators are probed, and only where the
source has no negation cue at all, which is where the answer can be read this way; that keeps the
cost to a few percent of a run.
"""

from __future__ import annotations

from collections.abc import Sequence

from tqcheck.backends.base import Backend
from tqcheck.model import Probe
from tqcheck.text.negation import negations, removable_negators


def negation_probes(
    pairs: Sequence[tuple[str, str]], source_lang: str, target_lang: str, backend: Backend
) -> list[tuple[Probe, ...]]:
    """For each (source, draft) pair, the gain from removing each of the draft's negators; none
    where the source negates something itself, or where the backend cannot score."""
    asked: list[tuple[int, Probe, str]] = []  # (pair index, probe without its gain, draft without the word)
    for i, (source, draft) in enumerate(pairs):
        if source.strip() and not negations(source, source_lang):
            for cue, without in removable_negators(draft, target_lang):
                asked.append((i, Probe(cue.text, cue.span, 0.0), without))
    found: list[tuple[Probe, ...]] = [()] * len(pairs)
    if not asked:
        return found
    drafts = sorted({i for i, _, _ in asked})
    texts = [pairs[i] for i in drafts] + [(pairs[i][0], without) for i, _, without in asked]
    scores = backend.score(texts, source_lang, target_lang)
    if scores is None:
        return found
    base = dict(zip(drafts, scores))
    for (i, probe, _), score in zip(asked, scores[len(drafts) :]):
        found[i] = (*found[i], Probe(probe.word, probe.span, round(score - base[i], 3)))
    return found
