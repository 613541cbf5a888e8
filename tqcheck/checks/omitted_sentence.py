from __future__ import annotations

from collections.abc import Iterator

from tqcheck.checks.base import Check, CheckContext, Need
from tqcheck.records import Finding, Severity


class OmittedSentence(Check):
    """A source sentence or line has no translation at all.

    Bad: source "Ele demitiu-se. A votação foi adiada." — translation "He resigned."
    Good: source "Ele demitiu-se. A votação foi adiada." — translation "He resigned. The vote was postponed."
    """

    code = "TQ101"
    name = "omitted-sentence"
    severity = Severity.CRITICAL
    needs = (Need.SOURCE,)

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        if ctx.source and ctx.source.strip() and not ctx.target.strip():
            yield self.finding(f"source sentence has no translation: {ctx.source!r}", None, (0, len(ctx.source)))
