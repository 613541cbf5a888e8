from __future__ import annotations

from collections.abc import Iterator

from tqcheck.checks.base import Check, CheckContext
from tqcheck.model import Finding, Severity
from tqcheck.scoring import chrf


class Untranslated(Check):
    """The translation is a copy of the source, or still in the source language.

    Bad: source "O ministro demitiu-se." — translation "O ministro demitiu-se."
    Good: source "O ministro demitiu-se." — translation "The minister resigned."

    Fires when the segment is identified as the source language, or when its chrF against the source
    is at least ``copy-chrf`` (a near copy); segments of names and numbers only are left alone.
    """

    code = "TQ002"
    name = "untranslated"
    severity = Severity.MAJOR
    needs_source = True
    options = {"copy-chrf": 90.0, "min-score": 0.9, "min-words": 4}

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        if not ctx.source or not ctx.target or ctx.source_lang == ctx.target_lang:
            return
        if len([w for w in ctx.target.split() if any(c.isalpha() for c in w)]) < self.opts["min-words"]:
            return
        if ctx.detected.lang == ctx.source_lang and ctx.detected.score >= self.opts["min-score"]:
            yield self.finding(
                f"translation is in the source language ({ctx.source_lang}), not {ctx.target_lang}",
                (0, len(ctx.target)),
            )
        elif chrf(ctx.target, ctx.source) >= self.opts["copy-chrf"]:
            yield self.finding("translation is a copy of the source", (0, len(ctx.target)), (0, len(ctx.source)))
