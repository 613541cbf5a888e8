from __future__ import annotations

from collections.abc import Iterator

from tqcheck.checks.base import Check, CheckContext, Need
from tqcheck.records import Finding, ProbeKind, Severity
from tqcheck.text.negation import has_cues, negations


class NegationMismatch(Check):
    """A negation was added or dropped: the translation may say the opposite of the source.

    Counted in two languages at once: the draft against a machine translation of the source, and
    the back-translation against the source; only when both disagree in the same direction is it a
    finding, so a model's own slip or a paraphrase ("fail to" for "não") is not enough. Minor: a
    count is no span-precise proof, and translators fold negations into words ("não é provável" →
    "unlikely"). A dropped negation is critical when the translation model agrees both ways: the
    draft is at least ``min-gain`` nats likelier as a translation of the source without its
    negator, and that source as likely given the draft (a word that still denies gains nothing);
    ``chain-min-gain`` through a route of two models, whose pivot text is itself a translation.
    Reading a draft back, the model barely tells a short sentence from its negative ("There is an
    agreement." gives "Não há acordo." and "Há acordo." nearly alike), so the draft alone
    ``one-way-min-gain`` nats likelier without the negator is critical too. See references/calibration.md.

    Bad: source "O progresso não pode surgir em detrimento da qualidade." — translation "Progress can come at the expense of quality."
    Good: source "O progresso não pode surgir em detrimento da qualidade." — translation "Progress cannot come at the expense of quality."
    """

    code = "TQ402"
    name = "negation-mismatch"
    severity = Severity.MINOR
    needs = (Need.SOURCE, Need.BACK_TRANSLATION, Need.FORWARD_TRANSLATION, Need.NEGATION)
    options = {"min-gain": 5.0, "chain-min-gain": 8.0, "one-way-min-gain": 9.0}

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        if not ctx.source or not ctx.target or ctx.forward_translation is None:
            return
        if not (has_cues(ctx.source_lang) and has_cues(ctx.target_lang)):
            return
        draft = negations(ctx.target, ctx.target_lang)
        expected = negations(ctx.forward_translation, ctx.target_lang)
        back = negations(ctx.back_translation, ctx.source_lang)
        source = negations(ctx.source, ctx.source_lang)
        in_target_language = len(draft) - len(expected)
        in_source_language = len(back) - len(source)
        if in_target_language > 0 and in_source_language > 0:
            extra = _unmatched(draft, expected)
            yield self.finding(
                f"translation adds a negation (“{extra.text}”) the source does not have", extra.span
            )
        elif in_target_language < 0 and in_source_language < 0:
            lost = _unmatched(source, back)
            message = f"translation drops the negation “{lost.text}” of the source"
            probed = ctx.probe(ProbeKind.SOURCE_NEGATOR, lost.span)
            if probed is None:
                yield self.finding(message, None, lost.span)
            elif probed.agrees(self.opt("min-gain", ctx)):
                message += "; the model reads the translation far likelier without it, both ways"
                yield self.finding(message, None, lost.span, Severity.CRITICAL, probed.evidence)
            elif probed.gain >= self.opts["one-way-min-gain"]:
                message += "; the model reads the translation far likelier as one of the source without it"
                yield self.finding(message, None, lost.span, Severity.CRITICAL, probed.evidence)
            else:
                yield self.finding(message, None, lost.span, evidence=probed.evidence)


def _unmatched(cues: list, others: list):  # type: ignore[type-arg]
    """The first cue whose word the other side uses fewer times, or the last cue."""
    words = [c.text.lower() for c in others]
    for cue in cues:
        if cue.text.lower() in words:
            words.remove(cue.text.lower())
        else:
            return cue
    return cues[-1]
