from __future__ import annotations

from collections.abc import Iterator

from tqcheck.checks.base import Check, CheckContext, Need
from tqcheck.records import Finding, Severity, TaggedWord


class AwkwardPhrasing(Check):
    """A slip inside a fluent sentence: two words the wrong way round, a wrong function word, a word missing.

    Reads the draft alone, in bilingual and monolingual checks, with the slip tagger built here
    (``tqcheck models build-tagger``; the languages it learned; needs the ``lm`` extra). The tagger
    reads each word as the share of held-out fluent sentences of the language whose likeliest slip it
    finds as likely; words at
    ``max-share`` or below are a slip, neighbouring ones one span; where two words swapped back or
    one left out reads as fluent, the message says so. Minor: a rare but right phrase can read so.
    How it was learned and measured: references/calibration.md.

    Bad: "The government will build a hospital new in the north of the country."
    Good: "The government will build a new hospital in the north of the country."
    """

    code = "TQ706"
    name = "awkward-phrasing"
    severity = Severity.MINOR
    needs = (Need.SLIP_TAGGER,)
    options = {"max-share": 0.01}

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        if ctx.slips is None:
            return
        for run in _runs(ctx.slips.words, self.opts["max-share"]):
            span = (run[0].span[0], run[-1].span[1])
            share = min(w.share for w in run)
            message = (
                f"“{ctx.target[slice(*span)]}” reads as a slip (words swapped, a wrong or a missing word): "
                f"the slip tagger finds a slip here likelier than in all but {share:.1%} of fluent sentences"
            )
            mended = ctx.slips.mended
            if mended and mended[0][0] < span[1] and span[0] < mended[0][1]:
                message += f"; it reads “{mended[1]}” for “{ctx.target[slice(*mended[0])]}” as fluent"
            yield self.finding(message, span, None, None, {"fluent_share": share})


def _runs(words: tuple[TaggedWord, ...], bar: float) -> list[list[TaggedWord]]:
    """The words at ``bar`` or below, in runs of neighbours."""
    runs: list[list[TaggedWord]] = []
    last = -2
    for i, word in enumerate(words):
        if word.share > bar:
            continue
        if i == last + 1:
            runs[-1].append(word)
        else:
            runs.append([word])
        last = i
    return runs
