from __future__ import annotations

from collections.abc import Iterator

from tqcheck.checks.base import Check, CheckContext, Need
from tqcheck.records import Finding, Severity
from tqcheck.text.coverage import longest_uncovered, uncovered_words, word_count


class AddedContent(Check):
    """The translation says more than the source: a clause or phrase was added.

    Seen in two languages at once: the draft has a run of content words that a machine translation
    of the source lacks, and its back-translation a run the source lacks, both longer than
    expected (``min-length-ratio``). A run that drops into place between words a faithful
    translation keeps together (its neighbours at most ``critical-max-seam`` content words apart in
    the other text) is critical when the draft has ``critical-extra-words`` words more than the
    machine translation, major otherwise; a run the draft rewords around is minor, as free
    translators restructure around what they add. An addition scattered through the sentence (the
    draft ``scattered-extra-words`` longer and over ``critical-ratio`` as long, with
    ``scattered-min-words`` new content words in both languages) is critical too. The span is the run.
    Through a chain of two models (es→pt→en) the translations read too loosely for a short run:
    critical only for ``chain-critical-words`` words or more. How the defaults were measured:
    references/calibration.md.

    Bad: source "Os bancos recuperaram." — translation "Banks recovered, and the crisis ended for good in every country."
    Good: source "Os bancos recuperaram." — translation "The banks recovered."
    """

    code = "TQ104"
    name = "added-content"
    severity = Severity.CRITICAL
    needs = (Need.SOURCE, Need.BACK_TRANSLATION, Need.FORWARD_TRANSLATION, Need.STOPWORDS)
    options = {
        "min-length-ratio": 1.15,
        "critical-ratio": 1.2,
        "critical-extra-words": 6,
        "critical-max-seam": 1,
        "min-run": 3,
        "scattered-extra-words": 8,
        "scattered-min-words": 3,
        "chain-critical-words": 8,
    }

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        if not ctx.source or not ctx.target or not ctx.forward_translation:
            return
        ratio = min(ctx.length_ratios())
        if ratio <= self.opts["min-length-ratio"]:
            return
        added = longest_uncovered(ctx.target, ctx.forward_translation, ctx.target_lang)
        echo = longest_uncovered(ctx.back_translation, ctx.source, ctx.source_lang)
        if not added or not echo:
            return
        extra = word_count(ctx.target) - word_count(ctx.forward_translation)
        longer = ratio > self.opts["critical-ratio"]
        run = min(added.words, echo.words)
        if run >= self.opts["min-run"]:
            seams = [seam for seam in (added.seam, echo.seam) if seam is not None]
            inserted = not seams or min(seams) <= self.opts["critical-max-seam"]
            if not inserted:
                severity = Severity.MINOR
            elif extra >= self.opts["critical-extra-words"]:
                severity = Severity.CRITICAL
            else:
                severity = Severity.MAJOR
            yield self.finding(
                f"translation adds content the source does not have: “{ctx.target[slice(*added.span)]}” "
                f"({ratio:.0%} of the expected length)",
                added.span,
                severity=severity,
            )
            return
        new_words = uncovered_words(ctx.target, ctx.forward_translation, ctx.target_lang)
        echoed = uncovered_words(ctx.back_translation, ctx.source, ctx.source_lang)
        if longer and extra >= self.opts["scattered-extra-words"] and min(len(new_words), len(echoed)) >= self.opts[
            "scattered-min-words"
        ]:
            listed = ", ".join(f"“{ctx.target[slice(*span)]}”" for _, span in new_words)
            yield self.finding(
                f"translation is {extra} words longer than the source needs, with words it never says: {listed}",
                added.span,
            )
