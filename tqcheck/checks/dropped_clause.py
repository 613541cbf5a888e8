from __future__ import annotations

from collections.abc import Iterator

from tqcheck.checks.base import Check, CheckContext
from tqcheck.records import Finding, ProbeKind, Severity, Span
from tqcheck.text.entities import find_names, name_in, verifiable


class DroppedClause(Check):
    """A clause of the source that the translation leaves out, as the translation model reads it.

    The model scores the draft as a translation of the source, then of the source without one of
    its inner clauses (see ``tqcheck.probes``). Two readings must agree: the draft becomes likelier
    once the clause is gone (``min-gain``), and the source, scored back from the draft, loses
    little by losing the clause: its words cost at least ``min-back-gain`` each, so nothing in
    the draft predicts them. A clause the draft renders in other words fails the first, and one
    the draft moves elsewhere fails the second. Only clauses with three or more content words that
    the back-translation lacks are probed, and never the first or last clause, which translators
    move and aligned files carry in the next segment. Complements TQ103, which compares words:
    this sees a clause dropped from a long sentence that a paraphrase-rich draft hides from
    word counts. Critical, with the clause's span in the source. Needs a backend that scores.

    Defaults measured with bench/quality.py on WMT22 pt→en dev: ``min-gain`` 6 to 10 with
    ``min-back-gain`` 7 find the same 10 errors the other checks miss and flag no good translation
    or NTREX en→pt human translation; 8 is the middle of that plateau. A back gain of 6 flags a
    good translation; 8 loses 2 errors. A clause holding a name that neither the draft nor its
    back-translation has needs less from the way back (``named-min-back-gain``, default 5): the
    missing name is evidence of its own. That finds 1 more error ("no Médio Oriente", 5.5 a word),
    no good translation; the good ones nearest (6.3 and 5.1 a word) name nobody.

    Bad: source "Os eleitores deste país, que estão bem informados pelos numerosos estudos, perceberam o truque do governo." — translation "The voters of this country saw through the government's trick."
    Good: source "Os eleitores deste país, que estão bem informados pelos numerosos estudos, perceberam o truque do governo." — translation "The voters of this country, who are well informed by the many studies, saw through the government's trick."
    """

    code = "TQ105"
    name = "dropped-clause"
    severity = Severity.CRITICAL
    needs_source = True
    options = {"min-gain": 8.0, "min-back-gain": 7.0, "named-min-back-gain": 5.0}

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        for probe in ctx.probes:
            if probe.kind is not ProbeKind.CLAUSE or probe.gain < self.opts["min-gain"] or probe.back_gain is None:
                continue
            if probe.back_gain < self.opts["min-back-gain"] and not (
                probe.back_gain >= self.opts["named-min-back-gain"] and self._loses_a_name(ctx, probe.span)
            ):
                continue
            yield self.finding(
                f"the translation leaves out “{probe.text}”: the model finds it {probe.times_likelier} "
                f"times likelier as a translation of the source without that clause",
                None,
                probe.span,
            )

    @staticmethod
    def _loses_a_name(ctx: CheckContext, span: Span) -> bool:
        """Whether the clause at ``span`` of the source names someone or something that neither the
        draft nor its back-translation mentions."""
        assert ctx.source is not None
        inside = [n for n in find_names(ctx.source, ctx.source_lang) if span[0] <= n.span[0] and n.span[1] <= span[1]]
        return any(
            verifiable(n) and not name_in(n, ctx.back_translation) and not name_in(n, ctx.target) for n in inside
        )
