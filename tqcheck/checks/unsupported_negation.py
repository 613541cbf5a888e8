from __future__ import annotations

from collections.abc import Iterator

from tqcheck.checks.base import Check, CheckContext, Need
from tqcheck.records import Finding, ProbeKind, Severity
from tqcheck.text.negation import denials


class UnsupportedNegation(Check):
    """A negation the source gives no reason for: the model finds the draft far likelier without it.

    The translation model scores the draft as a translation of the source, then again with its
    negator taken out; everything else is the same, so the difference speaks of that one word and
    a translator's free wording cannot hide it. Critical when the draft is ``min-gain`` nats
    likelier without the word, or ``min-joint-gain`` likelier and the source also that much
    likelier given the draft without it (the model reading back agrees). A source that denies
    anything ("não", "sem", "falta", "recusa") is never probed, and the draft must hold a single
    negation; idioms that deny nothing ("not only", "não só", "não para de") count on neither side.
    Through a route of two models (es→pt→en, scored given the source's Portuguese) the two
    readings must agree by ``chain-min-joint-gain``: the pivot text is itself a translation. Needs
    a backend that scores. How the defaults were measured: references/calibration.md.

    Bad: source "Mas, além da ética, existem considerações geopolíticas." — translation "But, beyond ethics, there are no geopolitical considerations."
    Good: source "Mas, além da ética, existem considerações geopolíticas." — translation "But, beyond ethics, there are geopolitical considerations."
    """

    code = "TQ404"
    name = "unsupported-negation"
    severity = Severity.CRITICAL
    needs = (Need.SOURCE, Need.SCORES, Need.NEGATION)
    options = {"min-gain": 10.0, "min-joint-gain": 5.0, "chain-min-joint-gain": 8.0}

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        if not ctx.probes or not ctx.source or denials(ctx.source, ctx.source_lang):
            return
        if len(denials(ctx.target, ctx.target_lang)) != 1:
            return
        joint = self.opt("min-joint-gain", ctx)
        for probe in ctx.probes:
            if probe.kind is not ProbeKind.NEGATOR:
                continue
            agreed = probe.agrees(joint)
            if probe.gain >= self.opts["min-gain"] or agreed:
                yield self.finding(
                    f"“{probe.text}” negates what the source affirms: the model finds the translation far "
                    "likelier without it" + (", and the source likelier given it" if agreed else ""),
                    probe.span,
                    evidence=probe.evidence,
                )
