from __future__ import annotations

from collections.abc import Iterator

from tqcheck.checks.base import Check, CheckContext, Need
from tqcheck.records import Finding, Severity


class Scrambled(Check):
    """A sentence whose words stand in an order no fluent writer produces: shuffled, word salad.

    Reads the draft alone, in bilingual and monolingual checks, with no extra to install. A
    multilingual sentence encoder (multilingual-e5-small) embeds each sentence of 6 to 80 words, and
    a judge learned from fluent news sentences and the same sentences shuffled reads how scrambled
    it is, as the share of fluent sentences of its language that read as scrambled
    (``tqcheck.backends.order_judge``). Minor when that share is ``minor-share`` or less; major
    when at most ``major-share`` of the fluent sentences of all its languages read as scrambled
    (by default: more scrambled than every one of them). Runs on the languages the judge was
    calibrated on (English, Greek, Portuguese, Spanish). In a bilingual check, a sentence with 30 %
    of its word pairs in the same order in the machine translation of its source is fluent enough
    not to ask about. A swap of two words or a scrambled clause inside a fluent sentence is beyond
    it. How it was learned and measured: references/calibration.md.

    Bad: "Minister the budget on yesterday parliament the to presented finance the."
    Good: "The finance minister presented the budget to parliament yesterday."
    """

    code = "TQ705"
    name = "scrambled-sentence"
    severity = Severity.MINOR
    needs = (Need.ORDER_JUDGE,)
    options = {"minor-share": 0.015, "major-share": 0.0}

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        if ctx.order is None:
            return
        for sentence in ctx.order.sentences:
            if sentence.share > self.opts["minor-share"]:
                continue
            if sentence.share_any <= self.opts["major-share"]:
                severity, than = Severity.MAJOR, "any fluent sentence the judge was calibrated on"
            else:
                severity, than = None, f"all but {sentence.share:.1%} of fluent sentences"
            message = f"sentence reads as scrambled: its word order is stranger than that of {than}"
            yield self.finding(message, sentence.span, None, severity, {"fluent_share": sentence.share})
