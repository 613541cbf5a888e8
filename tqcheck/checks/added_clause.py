from __future__ import annotations

from collections.abc import Iterator

from tqcheck.checks.base import Check, CheckContext, Need
from tqcheck.records import Finding, ProbeKind, Severity, Span
from tqcheck.text.strings import overlaps


class AddedClause(Check):
    """A piece of the translation that nothing in the source asks for, as the translation model reads it.

    The model scores the draft as a translation of the source, then the draft without one of its
    pieces (a clause, or what precedes or follows one of its "and"s). Two readings must agree: the
    draft without the piece is far likelier as a translation of the source (``min-gain`` nats),
    and the source no less likely given it (``min-back-gain`` nats), so the piece rendered nothing
    of the source. Asked of pieces with three or more content words the machine translation of the
    source lacks, in a draft longer than that translation by half the piece's words or more (an
    addition lengthens the draft; a free rendering does not). Sees an inserted clause that words
    alone leave unclear (complements TQ104). Critical, with the piece's span in the draft; of
    overlapping pieces, the likeliest gone. The way back is asked only of pieces gaining 40 nats
    (``probes.BACK_MIN_GAIN``), so ``min-gain`` may be raised, not lowered. Needs a backend that
    scores. How the defaults were measured: references/calibration.md.

    Bad: source "O novo hospital terá quatrocentas camas e abrirá as portas em março." — translation "The new hospital will have four hundred beds, which the government promised to double by the end of the decade, and will open its doors in March."
    Good: source "O novo hospital terá quatrocentas camas e abrirá as portas em março." — translation "The new hospital will have four hundred beds and will open its doors in March."
    """

    code = "TQ106"
    name = "added-clause"
    severity = Severity.CRITICAL
    needs = (Need.SOURCE, Need.FORWARD_TRANSLATION, Need.SCORES)
    options = {"min-gain": 40.0, "min-back-gain": 8.0}

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        added = [
            p
            for p in ctx.probes
            if p.kind is ProbeKind.ADDED
            and p.gain >= self.opts["min-gain"]
            and p.back_gain is not None
            and p.back_gain >= self.opts["min-back-gain"]
        ]
        reported: list[Span] = []
        for probe in sorted(added, key=lambda p: -p.gain):
            if overlaps(probe.span, reported):
                continue
            reported.append(probe.span)
            yield self.finding(
                f"the translation adds “{probe.text}”: the model finds the translation far likelier "
                "without it as a translation of the source, and nothing in the source asks for it",
                probe.span,
                evidence=probe.evidence,
            )
