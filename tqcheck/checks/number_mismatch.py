from __future__ import annotations

from collections.abc import Iterator

from tqcheck.checks.base import Check, CheckContext, Need
from tqcheck.records import Finding, Severity
from tqcheck.text.numbers import compare_numbers


class NumberMismatch(Check):
    """A number, amount, date or percentage differs between source and translation.

    Locale-aware: "13 mil" is 13,000 and "1,5" is 1.5 in Portuguese; number words count ("três" = 3);
    converted units pass ("85 miles per hour" = "137 km/h"). A number replaced by another is
    critical. One dropped or added with nothing in its place is major (translators drop small
    numbers: "Simpson, 20," → "Simpson"), but critical when the translation is also shorter than
    ``critical-drop-length-ratio`` of the expected length in both languages (the clause went
    with it). How the defaults were measured: references/calibration.md.

    Bad: source "A inflação chegou a 80%." — translation "Inflation reached 99.99%."
    Good: source "Morreram 13 mil pessoas, 1,5% da população." — translation "13,000 people died, 1.5% of the population."
    """

    code = "TQ301"
    name = "number-mismatch"
    severity = Severity.CRITICAL
    needs = (Need.SOURCE,)
    options = {"critical-drop-length-ratio": 0.9}

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        if not ctx.source or not ctx.target:
            return
        diff = compare_numbers(ctx.source, ctx.source_lang, ctx.target, ctx.target_lang)
        for src, tgt in diff.changed:
            yield self.finding(f"source says {src.text}, translation says {tgt.text}", tgt.span, src.span)
        # A number dropped or added outright is often a translator's liberty ("Simpson, 20," → "Simpson").
        drop_ratio = self.opts["critical-drop-length-ratio"]
        shorter = ctx.forward_translation is not None and max(ctx.length_ratios()) < drop_ratio
        for src in diff.missing:
            yield self.finding(
                f"source says {src.text}; the translation has no such number",
                None,
                src.span,
                Severity.CRITICAL if shorter else Severity.MAJOR,
            )
        for tgt in diff.extra:
            yield self.finding(
                f"translation says {tgt.text}; the source has no such number", tgt.span, None, Severity.MAJOR
            )
