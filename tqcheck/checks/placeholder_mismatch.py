from __future__ import annotations

from collections.abc import Iterator

from tqcheck.checks.base import Check, CheckContext, Need
from tqcheck.records import Finding, Severity
from tqcheck.text.markup import difference, placeholders


class PlaceholderMismatch(Check):
    """A placeholder of the source is missing or altered in the translation: the program breaks.

    printf (``%s``, ``%(name)d``, ``%1$s``), braces (``{name}``, ``{{name}}``) and ICU arguments
    (``{count, plural, …}``) must come through unchanged, in any order.

    Bad: source "Olá, {name}! Tem %d mensagens." — translation "Hello, {nome}! You have messages."
    Good: source "Olá, {name}! Tem %d mensagens." — translation "Hello, {name}! You have %d messages."
    """

    code = "TQ601"
    name = "placeholder-mismatch"
    severity = Severity.CRITICAL
    needs = (Need.SOURCE,)

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        if not ctx.source or not ctx.target:
            return
        missing, extra = difference(placeholders(ctx.source), placeholders(ctx.target))
        yield from self.report_differences(ctx, missing, extra, "placeholder {}")
