from __future__ import annotations

from collections.abc import Iterator

from tqcheck.checks.base import Check, CheckContext, Need
from tqcheck.records import Finding, Severity


class BacktranslationDivergence(Check):
    """The back-translation reads very differently from the original: meaning may have shifted.

    Divergence alone is never critical: paraphrase also lowers chrF. Thresholds are sentence chrF;
    round trips (no source) use their own, since the same model both ways agrees with itself more.
    Segments under ``min-words`` words are left alone: one synonym moves the chrF of "He resigned."
    from 100 to 30.

    Bad: source "A reunião foi adiada para sexta-feira." — translation "Bells rang out across the valley at dawn."
    Good: source "A reunião foi adiada para sexta-feira." — translation "The meeting was postponed to Friday."
    """

    code = "TQ501"
    name = "backtranslation-divergence"
    severity = Severity.MAJOR
    needs = (Need.BACK_TRANSLATION,)
    options = {
        "major-below": 20.0,
        "minor-below": 35.0,
        "roundtrip-major-below": 30.0,
        "roundtrip-minor-below": 45.0,
        "min-words": 4,
    }

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        if ctx.scores is None or not ctx.target.strip() or (ctx.source is not None and not ctx.source.strip()):
            return
        if len((ctx.source if ctx.source is not None else ctx.target).split()) < self.opts["min-words"]:
            return
        prefix = "" if ctx.bilingual else "roundtrip-"
        chrf = ctx.scores.chrf
        what = "source" if ctx.bilingual else "draft (round trip)"
        if chrf < self.opts[prefix + "major-below"]:
            severity = Severity.MAJOR
        elif chrf < self.opts[prefix + "minor-below"]:
            severity = Severity.MINOR
        else:
            return
        yield self.finding(
            f"back-translation differs strongly from the {what} (chrF {chrf:.1f}, TER {ctx.scores.ter:.1f})",
            (0, len(ctx.target)),
            severity=severity,
        )
