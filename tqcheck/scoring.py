"""Comparison of a back-translation with its reference: sacrebleu scores and a word-level diff."""

from __future__ import annotations

import difflib
import re
from functools import cache

from sacrebleu.metrics import BLEU, CHRF, TER

from tqcheck.records import DiffOp, Scores

_WORD = re.compile(r"\w+|[^\w\s]", re.UNICODE)


@cache
def _metrics() -> tuple[CHRF, BLEU, TER]:
    metrics = (CHRF(), BLEU(effective_order=True), TER())
    for metric in metrics:  # sacrebleu learns the reference count, part of the signature, on first use
        metric.sentence_score("a", ["a"])
    return metrics


def signatures() -> dict[str, str]:
    """sacrebleu signatures of the three metrics, recorded in reports."""
    chrf, bleu, ter = _metrics()
    return {"chrf": str(chrf.get_signature()), "bleu": str(bleu.get_signature()), "ter": str(ter.get_signature())}


def score(hypothesis: str, reference: str) -> Scores:
    """Sentence chrF, BLEU and TER of ``hypothesis`` against ``reference`` (rounded to 0.1)."""
    chrf, bleu, ter = _metrics()
    return Scores(
        chrf=round(chrf.sentence_score(hypothesis, [reference]).score, 1),
        bleu=round(bleu.sentence_score(hypothesis, [reference]).score, 1),
        ter=round(ter.sentence_score(hypothesis, [reference]).score, 1),
    )


def chrf(hypothesis: str, reference: str) -> float:
    """Sentence chrF alone, for checks that need no BLEU or TER (TER is the slow one)."""
    return round(_metrics()[0].sentence_score(hypothesis, [reference]).score, 1)


def tokens(text: str) -> list[tuple[str, int, int]]:
    """Words and punctuation marks with their character offsets."""
    return [(m.group(), m.start(), m.end()) for m in _WORD.finditer(text)]


def word_diff(reference: str, back: str) -> tuple[DiffOp, ...]:
    """Case-insensitive word alignment; the stretches that differ, as spans into both texts."""
    ref_tokens, back_tokens = tokens(reference), tokens(back)
    matcher = difflib.SequenceMatcher(
        a=[t[0].lower() for t in ref_tokens], b=[t[0].lower() for t in back_tokens], autojunk=False
    )
    ops = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        ref_span = (ref_tokens[i1][1], ref_tokens[i2 - 1][2]) if i2 > i1 else _point(ref_tokens, i1, reference)
        back_span = (back_tokens[j1][1], back_tokens[j2 - 1][2]) if j2 > j1 else _point(back_tokens, j1, back)
        ops.append(DiffOp(tag, ref_span, back_span))
    return tuple(ops)


def _point(toks: list[tuple[str, int, int]], index: int, text: str) -> tuple[int, int]:
    """Empty span where a missing stretch would go."""
    at = toks[index][1] if index < len(toks) else len(text)
    return (at, at)
