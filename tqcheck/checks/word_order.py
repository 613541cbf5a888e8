from __future__ import annotations

from collections.abc import Iterator

from tqcheck.checks.base import Check, CheckContext, Need
from tqcheck.records import Finding, ProbeKind, Severity
from tqcheck.text.order import exchanged


class WordOrder(Check):
    """Two neighbouring words the wrong way round: "a hospital new", "the minister Portuguese".

    Reads a draft checked without its source. Its round trip (through the pivot language and back)
    often rights such a slip; where it has two neighbouring words of the draft the other way round,
    the model scores the draft with the two exchanged, given the draft's own translation into the
    pivot language (the word-order probe, see ``tqcheck.probes``). An order the language allows
    gains little ("said Walton", "Walton said"); a slip gains much. Minor when the exchange gains at
    least ``min-gain`` nats; the message gives the likelier reading. Not run with a source: given
    the source, the model prefers its own word order to a translator's free one. How the default
    was measured: references/calibration.md.

    Bad: "The government will build a hospital new in the north of the country."
    Good: "The government will build a new hospital in the north of the country."
    """

    code = "TQ704"
    name = "word-order"
    severity = Severity.MINOR
    needs = (Need.NO_SOURCE, Need.BACK_TRANSLATION, Need.SCORES)
    options = {"min-gain": 16.0}

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        for probe in ctx.probes:
            if probe.kind is ProbeKind.ORDER and probe.gain >= self.opts["min-gain"]:
                reading = exchanged(probe.text)
                message = f"“{probe.text}” reads as two words swapped: the model finds “{reading}” far likelier"
                yield self.finding(message, probe.span, None, None, probe.evidence)
