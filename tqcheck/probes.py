"""Contrastive probes: a segment rescored by the translation model with one piece changed.

A model's likelihood of a whole draft mixes paraphrase with error, and the embedded students are
so peaked that a good synonym can cost as much as a wrong word. Changing one piece and rescoring
cancels all of that but the piece itself:

- a **negator** removed from the draft: when the draft becomes far likelier without its "not", the
  source gives the model no reason for it; when the source also becomes likelier given the draft
  without it, the model reading back agrees. Probed only where the source has no negation cue
  outside idioms ("não só" denies nothing). An auxiliary that only carries the negation goes with
  it, the verb in the form it then takes ("did not say" → "said": "did say" is emphatic, and the
  model finds it unlikely however the draft reads).
- a **negator removed from the source** of a draft that denies nothing: when the draft becomes far
  likelier as a translation of the source without its "not", and that source likelier given the
  draft, the draft dropped the negation; a translator who folds it into a word ("not likely" →
  "improvável") gains nothing, as the word still denies. Not asked in questions, whose "not" is
  often rhetorical.
- a **clause** removed from the source: when the draft becomes likelier as a translation of the
  shorter source, and the source likelier given the draft, the draft does not render that clause.
  Probed for every clause but the first (which translators move, or the segment before carries),
  and for what follows and what precedes each "and" of a clause (``clause_pieces``: a list's
  last item, a second verb; a list's middle item), with at least ``CLAUSE_MIN_UNCOVERED`` content
  words the back-translation lacks, or fewer but none it has (a one-word list item); the last only
  in a draft shorter than the machine translation of its source (``LAST_CLAUSE_RATIO``).
- a **piece added** to the draft: when the draft becomes far likelier as a translation of the
  source without one of its pieces (``clause_pieces`` of the draft), and the source likelier given
  the draft without it, nothing in the source asks for the piece. Asked of pieces with at least
  ``CLAUSE_MIN_UNCOVERED`` content words the machine translation of the source lacks, in a draft
  longer than that translation by ``ADDED_SURPLUS`` of the piece's words or more: an addition
  leaves the draft that much longer, a free rendering does not.
- a **word order** put back, for a draft checked without its source: where its round trip has two
  neighbouring words of the draft the other way round ("black cat" for "cat black"), the draft
  rescored with the two exchanged, given its own translation into the pivot language. An order the
  language allows gains little; a slip gains much. Not asked with a source: given the source, the
  model prefers its own word order to a translator's free one.
- an **antonym** put back: where the English side of the pair has the WordNet antonym of what the
  other English text says ("allow" in the draft, "ban" in the machine translation of the source;
  or "ban" in the English source, "allow" in the back-translation), the pair rescored with the
  other word in its place. A synonym in the draft gains nothing both ways; a reversed meaning does.
  A draft in another language is also read against the machine translation of its source through
  a dictionary's English senses ("depois", after, where that translation has "antes", before),
  and rescored with the translation's word in place (``glossed-antonym``); an English draft is
  read against its source the same way ("after" where the source says "antes"), rescored with the
  source word's sense in place.

Those conditions are where the answer can be read this way; they also keep the cost to about a
tenth of a run. The checks decide what a gain means (TQ404, TQ105, TQ106, TQ403).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace

from tqcheck.backends.base import Backend
from tqcheck.records import Probe, ProbeKind, Span
from tqcheck.text.coverage import surplus_words, telling_words, uncovered_words, word_count
from tqcheck.text.negation import denials, removable_negators
from tqcheck.text.order import exchanged, transpositions
from tqcheck.text.segment import clause_pieces, clauses, sentence_spans
from tqcheck.text.swaps import dictionary_swaps, swaps

CLAUSE_MIN_UNCOVERED = 3
"""Measured on WMT22 dev: 2 and 3 find the same errors; 3 flags no NTREX line and probes half as much."""
LAST_CLAUSE_RATIO = 0.95
"""The last clause is probed only in a draft with fewer words than this share of the machine
translation of its source: a draft that dropped a clause is shorter. Probing every last clause cost
14 % more time on NTREX 1,000 lines (28.4 s against 25.1 s); this, about 5 %, for the same planted
cuts found."""
ADDED_SURPLUS = 0.5
"""A piece of the draft is probed as added only when the draft has more words than the machine
translation of its source by at least this share of the piece's words (chosen on the odd halves
with TQ106's bars: references/calibration.md)."""
BACK_MIN_GAIN = {
    ProbeKind.CLAUSE: 0.0, ProbeKind.ADDED: 40.0, ProbeKind.NEGATOR: 4.0, ProbeKind.SOURCE_NEGATOR: 0.0,
    ProbeKind.ANTONYM: 0.0, ProbeKind.GLOSSED_ANTONYM: 0.0, ProbeKind.ORDER: math.inf,
}
"""The way back is asked only of pieces the draft is this much likelier without (nats): below it
no check reads the answer, and the negators above 4 are a few in a thousand segments. A human
draft's own additions and free renderings gain 0–40 as often as not (NTREX en→pt: 44 of 88 added
pieces), so an added piece is asked back only at TQ106's bar: 2 s less on NTREX 1,000 lines. A word
order is never asked back: exchanging two words changes little of what the pivot text says."""


@dataclass(frozen=True)
class ProbeInput:
    source: str  # for a round trip, the draft translated into the pivot language
    draft: str
    back_translation: str  # for a round trip, the draft's way back into its own language
    forward_translation: str = ""
    round_trip: bool = False  # a draft checked without its source: only its word order is probed


def probe(
    items: Sequence[ProbeInput],
    source_lang: str,
    target_lang: str,
    backend: Backend,
    progress: Callable[[str, int, int], None] | None = None,
) -> list[tuple[Probe, ...]]:
    """Every probe of every segment, scored in two passes (one per direction)."""
    score = _Scorer(backend, progress)
    asked = [(i, *variant) for i, item in enumerate(items) for variant in _variants(item, source_lang, target_lang)]
    found: list[tuple[Probe, ...]] = [()] * len(items)
    bases = {i: (items[i].source, items[i].draft) for i, *_ in asked}
    gains = _gains(score, bases, [(i, (source, draft)) for i, _, source, draft in asked], source_lang, target_lang)
    if gains is None:
        return found
    gained = [(i, replace(p, gain=round(g, 3)), source, draft) for (i, p, source, draft), g in zip(asked, gains)]
    # The way back is asked only of pieces the draft is likelier without: the rest cannot be findings.
    back_asked = [(i, p, source, draft) for i, p, source, draft in gained if p.gain > BACK_MIN_GAIN[p.kind]]
    bases = {i: (items[i].draft, items[i].source) for i, *_ in back_asked}
    backward = [(i, (draft, source)) for i, _, source, draft in back_asked]
    back = _gains(score, bases, backward, target_lang, source_lang)
    back_gains = {
        (i, p.kind, p.span): round(g / len(p.text.split()) if p.kind is ProbeKind.CLAUSE else g, 3)
        for (i, p, _, _), g in zip(back_asked, back or [])
    }
    for i, p, _, _ in gained:
        found[i] = (*found[i], replace(p, back_gain=back_gains.get((i, p.kind, p.span))))
    return found


def _variants(item: ProbeInput, source_lang: str, target_lang: str) -> Iterator[tuple[Probe, str, str]]:
    """Each probe of one segment (gains not yet known), with the (source, draft) pair it scores."""
    if not item.source.strip() or not item.draft.strip():
        return
    if item.round_trip:
        for start, end in transpositions(item.draft, item.back_translation):
            words = item.draft[start:end]
            turned = item.draft[:start] + exchanged(words) + item.draft[end:]
            yield Probe(ProbeKind.ORDER, words, (start, end), 0.0), item.source, turned
        return
    if not denials(item.source, source_lang):
        for cue, without in removable_negators(item.draft, target_lang):
            yield Probe(ProbeKind.NEGATOR, cue.text, cue.span, 0.0), item.source, without
    elif not denials(item.draft, target_lang):
        asked = _questions(item.source, source_lang)
        for cue, without in removable_negators(item.source, source_lang):
            if not any(a <= cue.span[0] < b for a, b in asked):
                yield Probe(ProbeKind.SOURCE_NEGATOR, cue.text, cue.span, 0.0), without, item.draft
    for span in _probed_clauses(item, source_lang):
        yield Probe(ProbeKind.CLAUSE, item.source[slice(*span)], span, 0.0), _cut(item.source, span), item.draft
    for span in _added_pieces(item, target_lang):
        yield Probe(ProbeKind.ADDED, item.draft[slice(*span)], span, 0.0), item.source, _cut(item.draft, span)
    # The opposite word put back where the draft has its antonym, in the English text of the pair.
    asked: list[Span] = []
    if target_lang == "en" and item.forward_translation:
        for swap in swaps(item.draft, item.forward_translation):
            asked.append(swap.span)
            yield Probe(ProbeKind.ANTONYM, swap.word, swap.span, 0.0), item.source, _put(item.draft, swap.span, swap.opposite)
    elif source_lang == "en":
        for swap in swaps(item.back_translation, item.source):
            turned = _put(item.source, swap.opposite_span, swap.word)
            yield Probe(ProbeKind.ANTONYM, swap.opposite, swap.opposite_span, 0.0), turned, item.draft
    if item.forward_translation:
        langs = (source_lang, target_lang)
        for swap in dictionary_swaps(item.draft, item.source, item.forward_translation, langs, asked):
            turned = _put(item.draft, swap.span, swap.opposite)
            yield Probe(ProbeKind.GLOSSED_ANTONYM, swap.word, swap.span, 0.0), item.source, turned


def _questions(text: str, code: str) -> list[Span]:
    """The sentences of ``text`` that ask: a negative question ("Será que não se pode…?") asks
    the same with or without its "not", and translators drop it freely."""
    return [span for sentence, span in sentence_spans(text, code) if sentence.rstrip(" \"'”»)").endswith("?")]


def _cut(text: str, span: Span) -> str:
    """``text`` without the piece at [span)."""
    return (text[: span[0]] + text[span[1] :]).strip()


def _put(text: str, span: Span, word: str) -> str:
    """``text`` with ``word`` in place of [span), capitalised as the word it replaces."""
    old = text[slice(*span)]
    return text[: span[0]] + (word[:1].upper() + word[1:] if old[:1].isupper() else word.lower()) + text[span[1] :]


def _gains(
    score: _Scorer, bases: dict[int, tuple[str, str]], variants: list[tuple[int, tuple[str, str]]], src: str, tgt: str
) -> list[float] | None:
    """Each variant's log-likelihood minus that of its segment's unchanged (source, target) pair."""
    if not variants:
        return []
    order = sorted(bases)
    scores = score([bases[i] for i in order] + [pair for _, pair in variants], src, tgt)
    if scores is None:
        return None
    base = dict(zip(order, scores))
    return [s - base[i] for (i, _), s in zip(variants, scores[len(order) :])]


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


def _probed_clauses(item: ProbeInput, source_lang: str) -> list[Span]:
    first = clauses(item.source)[:1]  # never the first clause (translators move it) nor what comes before
    pieces = [p for p in clause_pieces(item.source, source_lang) if first and p[0] > first[0][0]]
    if not pieces:
        return []
    end = max(b for _, b in pieces)
    # the last clause only of a draft shorter than the source's translation
    last_too = word_count(item.draft) < LAST_CLAUSE_RATIO * word_count(item.forward_translation)
    asked = [(a, b) for a, b in pieces if last_too or b != end]
    return _uncovered(asked, item.source, item.back_translation, source_lang, whole_short=True)


def _added_pieces(item: ProbeInput, target_lang: str) -> list[Span]:
    if not item.forward_translation:
        return []
    everything = word_count(item.draft)
    surplus = everything - word_count(item.forward_translation)
    sized = [((a, b), word_count(item.draft[a:b])) for a, b in clause_pieces(item.draft, target_lang)]
    # the whole draft is no piece of it
    asked = [span for span, words in sized if ADDED_SURPLUS * words <= surplus and words < everything]
    return _uncovered(asked, item.draft, item.forward_translation, target_lang)


def _uncovered(pieces: list[Span], text: str, other: str, code: str, whole_short: bool = False) -> list[Span]:
    """The ``pieces`` of ``text`` holding ``CLAUSE_MIN_UNCOVERED`` content words or more that
    ``other``, the same text through a model, lacks, or has fewer times than ``text`` says them;
    with ``whole_short``, also the shorter pieces it lacks every content word of (a list item:
    "determined" of "resolute, determined, unequivocal")."""
    missing = [start for _, (start, _) in uncovered_words(text, other, code) + surplus_words(text, other, code)]
    found = []
    for a, b in pieces:
        lacked = sum(a <= at < b for at in missing)
        if lacked >= CLAUSE_MIN_UNCOVERED or (whole_short and 0 < lacked == telling_words(text[a:b], code)):
            found.append((a, b))
    return found
