from __future__ import annotations

from collections.abc import Iterator

from tqcheck.checks.base import Check, CheckContext
from tqcheck.records import Finding, ProbeKind, Severity
from tqcheck.text.negation import denials


class UnsupportedNegation(Check):
    """A negation the source gives no reason for: the model finds the draft far likelier without it.

    The translation model scores the draft as a translation of the source, then again with its
    negator taken out (see ``tqcheck.probes``); everything else in the sentence is the same, so the
    difference speaks of that one word. A translator's free wording cannot hide it, and a source
    that denies anything at all ("não", "sem", "falta", "recusa") is never probed. The draft must
    hold that single negation: two (negative concord, "neither … nor") make a one-word deletion
    meaningless. Idioms whose negation denies nothing ("not only", "no small part", "não só",
    "não para de") count on neither side. Critical, with the word's span. Needs a backend that
    scores (the embedded one).

    Option ``min-gain`` (default 10, in nats: the draft without the word is e¹⁰ ≈ 22,000 times
    likelier). Measured with bench/quality.py on WMT22 pt→en dev: 8 to 12 find the same 8 errors
    (7 that no other check finds) and flag no good translation; no NTREX en→pt human translation
    is flagged at any of them. A smaller gain is enough when the way back agrees: the source
    becomes likelier given the draft without the word, both by ``min-joint-gain`` (default 5).
    Lowered alone to 5, ``min-gain`` finds 3 errors more but flags a good WMT segment and 5 NTREX
    lines ("Para os não afetados" for "For those out of flash flood risk"), which all lose on the
    way back; with it, the 3 errors and nothing else. The nearest good line stands at 4.8 forward.

    Bad: source "Mas, além da ética, existem considerações geopolíticas." — translation "But, beyond ethics, there are no geopolitical considerations."
    Good: source "Mas, além da ética, existem considerações geopolíticas." — translation "But, beyond ethics, there are geopolitical considerations."
    """

    code = "TQ404"
    name = "unsupported-negation"
    severity = Severity.CRITICAL
    needs_source = True
    options = {"min-gain": 10.0, "min-joint-gain": 5.0}

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        if not ctx.probes or not ctx.source or denials(ctx.source, ctx.source_lang):
            return
        if len(denials(ctx.target, ctx.target_lang)) != 1:
            return
        joint = self.opts["min-joint-gain"]
        for probe in ctx.probes:
            if probe.kind is not ProbeKind.NEGATOR:
                continue
            agreed = probe.gain >= joint and probe.back_gain is not None and probe.back_gain >= joint
            if probe.gain >= self.opts["min-gain"] or agreed:
                yield self.finding(
                    f"“{probe.text}” negates what the source affirms: the model finds the translation "
                    f"{probe.times_likelier} times likelier without it"
                    + (", and the source likelier given it" if agreed else ""),
                    probe.span,
                )
