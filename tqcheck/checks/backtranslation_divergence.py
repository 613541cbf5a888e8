from __future__ import annotations

from collections.abc import Iterator

from tqcheck.checks.base import Check, CheckContext
from tqcheck.model import Finding, Severity


class BacktranslationDivergence(Check):
    """The back-translation reads very differently from the original: meaning may have shifted.

    Divergence alone is never critical: paraphrase also lowers chrF. Thresholds are sentence chrF;
    round trips (no source) use their own, since the same model both ways agrees with itself more.

    Bad: source "A reunião foi adiada para sexta-feira." — translation "The meeting rings bells on Friday."
    Good: source "A reunião foi adiada para sexta-feira." — translation "The meeting was postponed to Friday."
    """

    code = "TQ501"
    name = "backtranslation-divergence"
    severity = Severity.MAJOR
    options = {"major-below": 20.0, "minor-below": 35.0, "roundtrip-major-below": 30.0, "roundtrip-minor-below": 45.0}

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        if not ctx.target.strip() or (ctx.source is not None and not ctx.source.strip()):
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
