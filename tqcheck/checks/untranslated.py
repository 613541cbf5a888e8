from __future__ import annotations

from collections.abc import Iterator

from tqcheck.checks.base import Check, CheckContext, Need
from tqcheck.records import Finding, Severity
from tqcheck.scoring import chrf


class Untranslated(Check):
    """The translation is a copy of the source, or still in the source language.

    Bad: source "O ministro demitiu-se." — translation "O ministro demitiu-se."
    Good: source "O ministro demitiu-se." — translation "The minister resigned."

    Fires when a segment of ``min-words`` words or more is identified as the source language
    (language ID is unreliable on fewer), or when a segment of any length is a near copy: its chrF
    against the source at least ``copy-chrf``. Segments of names and numbers only are left alone.
    """

    code = "TQ002"
    name = "untranslated"
    severity = Severity.MAJOR
    needs = (Need.SOURCE,)
    options = {"copy-chrf": 90.0, "min-score": 0.9, "min-words": 4}

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        if not ctx.source or not ctx.target or ctx.source_lang == ctx.target_lang:
            return
        words = [w for w in ctx.target.split() if any(c.isalpha() for c in w)]
        long_enough = len(words) >= self.opts["min-words"]
        if long_enough and ctx.detected.lang == ctx.source_lang and ctx.detected.score >= self.opts["min-score"]:
            yield self.finding(
                f"translation is in the source language ({ctx.source_lang}), not {ctx.target_lang}",
                (0, len(ctx.target)),
            )
        elif _has_common_word(words) and chrf(ctx.target, ctx.source) >= self.opts["copy-chrf"]:
            yield self.finding("translation is a copy of the source", (0, len(ctx.target)), (0, len(ctx.source)))


def _has_common_word(words: list[str]) -> bool:
    """Whether a word of three letters or more is in lower case: the segment is more than names."""
    return any(sum(c.isalpha() for c in w) >= 3 and w.islower() for w in words)
