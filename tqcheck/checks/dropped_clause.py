from __future__ import annotations

from collections.abc import Iterator

from tqcheck.checks.base import Check, CheckContext, Need
from tqcheck.probes import CLAUSE_MIN_UNCOVERED
from tqcheck.records import Finding, ProbeKind, Severity
from tqcheck.text.coverage import telling_words, word_count
from tqcheck.text.segment import clauses

SHORT_SHARE = 0.5
"""A draft is short of a piece when it has fewer words than the machine translation of its source
by at least this share of the piece's words (chosen with ``short-min-back-gain`` on the odd halves)."""


class DroppedClause(Check):
    """A clause of the source that the translation leaves out, as the translation model reads it.

    The model scores the draft as a translation of the source, then of the source without one of
    its clauses. Two readings must agree: the draft becomes likelier once the clause is gone
    (``min-gain`` nats), and the source, scored back from the draft, costs at least
    ``min-back-gain`` nats a word of the clause, so nothing in the draft predicts it; the last
    clause, which translators fold into the sentence or leave for the next more often, must cost
    ``last-min-back-gain``. A draft that is also short of the piece's words (against the machine
    translation of the source: a cut leaves the draft that much shorter, a free rendering does not)
    needs only ``short-min-back-gain``, on either route. Clauses with three or more content words
    the back-translation lacks are probed, never the first (translators move it), and so is what
    follows or precedes an "and" of the source ("… a codeína e o suplemento de fibra Metamucil": a
    list's last item; "vai contratar duzentos enfermeiros e …": a middle one). A piece of one or two
    content words (a list item) is probed when the back-translation has none of them; its cost a
    word is the noisier for being short, so it needs ``item-min-back-gain`` wherever it stands, or
    ``short-item-min-back-gain`` in a draft short of its words (not through a chain, whose data
    did not choose it). Sees what word counts miss in a paraphrase-rich draft (complements
    TQ103). Critical, with the clause's span in the source. Through a route of two models the bars are the ``chain-`` ones,
    chosen on that route's own data, and a list item, read more loosely there, is major at most.
    Needs a backend that scores. How the defaults were measured: references/calibration.md.

    Bad: source "Os eleitores deste país, que estão bem informados pelos numerosos estudos, perceberam o truque do governo." — translation "The voters of this country saw through the government's trick."
    Good: source "Os eleitores deste país, que estão bem informados pelos numerosos estudos, perceberam o truque do governo." — translation "The voters of this country, who are well informed by the many studies, saw through the government's trick."
    """

    code = "TQ105"
    name = "dropped-clause"
    severity = Severity.CRITICAL
    needs = (Need.SOURCE, Need.BACK_TRANSLATION, Need.SCORES)
    options = {
        "min-gain": 8.0,
        "min-back-gain": 7.0,
        "last-min-back-gain": 10.0,
        "chain-min-gain": 4.0,
        "chain-min-back-gain": 6.0,
        "chain-last-min-back-gain": 7.0,
        "short-min-back-gain": 4.5,
        "item-min-back-gain": 12.0,
        "short-item-min-back-gain": 9.0,
        "chain-short-item-min-back-gain": 12.0,
    }

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        probed = [p for p in ctx.probes if p.kind is ProbeKind.CLAUSE and p.gain >= self.opt("min-gain", ctx)]
        end = clauses(ctx.source, min_words=1)[-1][1] if probed and ctx.source else None
        lacking = word_count(ctx.forward_translation) - word_count(ctx.target) if ctx.forward_translation else 0
        for probe in probed:
            item = telling_words(probe.text, ctx.source_lang) < CLAUSE_MIN_UNCOVERED
            if item:  # one bar wherever it stands
                least, short = self.opt("item-min-back-gain", ctx), self.opt("short-item-min-back-gain", ctx)
            else:
                least = self.opt("last-min-back-gain" if probe.span[1] == end else "min-back-gain", ctx)
                short = self.opt("short-min-back-gain", ctx)
            if lacking >= SHORT_SHARE * word_count(probe.text):
                least = min(least, short)
            if probe.back_gain is None or probe.back_gain < least:
                continue
            chained = item and ctx.legs > 1
            yield self.finding(
                f"the translation leaves out “{probe.text}”: the model finds the translation far likelier "
                "as a translation of the source without that clause, and nothing in it gives the clause back"
                + (f" (through a chain of {ctx.legs} models a piece this short is major at most)" if chained else ""),
                None,
                probe.span,
                Severity.MAJOR if chained else None,
                probe.evidence,
            )
