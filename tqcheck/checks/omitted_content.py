from __future__ import annotations

from collections.abc import Iterator

from tqcheck.checks.base import Check, CheckContext
from tqcheck.model import Finding, Severity
from tqcheck.text.coverage import length_ratio, longest_uncovered


class OmittedContent(Check):
    """Part of the source is missing from the translation: a clause or phrase was dropped.

    Seen in two languages at once: the draft is much shorter than a machine translation of the
    source and lacks a run of its content words, and the back-translation is much shorter than the
    source and lacks a run of the source's content words. Defaults measured on WMT22 CED pt→en dev.

    Bad: source "Embora os efeitos nocivos da desigualdade sejam vastos, são evitáveis." — translation "Indeed, they are avoidable."
    Good: source "Embora os efeitos nocivos da desigualdade sejam vastos, são evitáveis." — translation "Although the harmful effects of inequality are vast, they are avoidable."
    """

    code = "TQ103"
    name = "omitted-content"
    severity = Severity.CRITICAL
    needs_source = True
    options = {"max-length-ratio": 0.7, "min-run": 4}

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        if not ctx.source or not ctx.target or not ctx.forward_translation:
            return
        ratio = max(
            length_ratio(ctx.target, ctx.forward_translation), length_ratio(ctx.back_translation, ctx.source)
        )
        if ratio >= self.opts["max-length-ratio"]:
            return
        lost = longest_uncovered(ctx.source, ctx.back_translation, ctx.source_lang)
        echo = longest_uncovered(ctx.forward_translation, ctx.target, ctx.target_lang)
        if lost and echo and min(lost.words, echo.words) >= self.opts["min-run"]:
            text = ctx.source[slice(*lost.span)]
            yield self.finding(f"the translation leaves out “{text}”", None, lost.span)
