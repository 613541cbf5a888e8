from __future__ import annotations

from collections.abc import Iterator

from tqcheck.checks.base import Check, CheckContext
from tqcheck.model import Finding, Severity
from tqcheck.text.numbers import compare_numbers


class NumberMismatch(Check):
    """A number, amount, date or percentage differs between source and translation.

    Locale-aware: "13 mil" is 13,000 and "1,5" is 1.5 in Portuguese; number words count ("três" = 3).

    Bad: source "A inflação chegou a 80%." — translation "Inflation reached 99.99%."
    Good: source "Morreram 13 mil pessoas, 1,5% da população." — translation "13,000 people died, 1.5% of the population."
    """

    code = "TQ301"
    name = "number-mismatch"
    severity = Severity.CRITICAL
    needs_source = True

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        if not ctx.source or not ctx.target:
            return
        diff = compare_numbers(ctx.source, ctx.source_lang, ctx.target, ctx.target_lang)
        missing, extra = list(diff.missing), list(diff.extra)
        while missing and extra:
            src, tgt = missing.pop(0), extra.pop(0)
            yield self.finding(f"source says {src.text}, translation says {tgt.text}", tgt.span, src.span)
        for src in missing:
            yield self.finding(f"source says {src.text}; the translation has no such number", None, src.span)
        for tgt in extra:
            yield self.finding(f"translation says {tgt.text}; the source has no such number", tgt.span, None)
