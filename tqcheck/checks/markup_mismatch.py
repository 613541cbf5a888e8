from __future__ import annotations

from collections.abc import Iterator

from tqcheck.checks.base import Check, CheckContext, Need
from tqcheck.records import Finding, Severity
from tqcheck.text.markup import difference, links, tags


class MarkupMismatch(Check):
    """HTML/XML tags, URLs or e-mail addresses differ between source and translation.

    Bad: source "Leia <b>os termos</b> em https://exemplo.pt/termos." — translation "Read the terms at https://example.com."
    Good: source "Leia <b>os termos</b> em https://exemplo.pt/termos." — translation "Read <b>the terms</b> at https://exemplo.pt/termos."
    """

    code = "TQ602"
    name = "markup-mismatch"
    severity = Severity.MAJOR
    needs = (Need.SOURCE,)

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        if not ctx.source or not ctx.target:
            return
        yield from self.report_differences(ctx, *difference(tags(ctx.source), tags(ctx.target)), "tag <{}>", False)
        yield from self.report_differences(ctx, *difference(links(ctx.source), links(ctx.target)))
