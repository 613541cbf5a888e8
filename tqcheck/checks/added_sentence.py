from __future__ import annotations

from collections.abc import Iterator

from tqcheck.checks.base import Check, CheckContext, Need
from tqcheck.records import Finding, Severity


class AddedSentence(Check):
    """A translated sentence or line has no counterpart in the source.

    Bad: source "Ele demitiu-se." — translation "He resigned. Protests followed in Lisbon."
    Good: source "Ele demitiu-se." — translation "He resigned."
    """

    code = "TQ102"
    name = "added-sentence"
    severity = Severity.MAJOR
    needs = (Need.SOURCE,)

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        if ctx.source is not None and not ctx.source.strip() and ctx.target.strip():
            yield self.finding("translation has a sentence the source does not have", (0, len(ctx.target)))
