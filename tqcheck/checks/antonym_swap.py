from __future__ import annotations

from collections.abc import Iterator

from tqcheck.checks.base import Check, CheckContext
from tqcheck.records import Finding, ProbeKind, Severity, Span
from tqcheck.text.antonyms import load_antonyms, swaps, wordnet_dir


class AntonymSwap(Check):
    """A word was replaced by its opposite: "rising" for "falling", "approve" for "reject".

    Compared in English, the language WordNet covers: the draft against a machine translation of
    the source when translating into English, the back-translation against the source when
    translating from English. A word of one side that the other lacks, whose antonym the other has
    in its place, is the finding, unless the two sides also differ in negation ("unlikely" for
    "not likely" is a paraphrase), and leaving out light verbs and a word against its own negative
    form (see ``text.antonyms.swaps``; that took the good WMT22 CED dev segments flagged from 13 to
    6, and NTREX en→pt lines from 9 and 12 to 5 and 6, for one BAD segment). Needs the WordNet
    database (Debian package ``wordnet-base``, or ``TQCHECK_WORDNET``); without it the check reports
    itself inactive.

    Major, as one word pair in one language is thin evidence, unless the translation model agrees
    both ways (the antonym probe, see ``tqcheck.probes``): the pair rescored with the other word in
    place gains at least ``min-gain`` nats (default 6) as a translation and as a back-translation.
    Measured on WMT22 CED dev and NTREX en→pt: 2 BAD segments critical ("allow" for "ban", "below"
    for "exceeds"; they gain 8.8 and more both ways), no OK segment and no NTREX line; any value
    from 4.5 to 8.7 gives the same. The nearest good ones: an OK segment at 3.9 one way ("lenders"
    for "mutuários"), a pt-BR line at 4.4 the way back ("bem danificado" for "badly damaged").

    Bad: source "Os preços estão a subir." — translation "Prices are falling."
    Good: source "Os preços estão a subir." — translation "Prices are rising."
    """

    code = "TQ403"
    name = "antonym-swap"
    severity = Severity.MAJOR
    needs_source = True
    options = {"min-gain": 6.0}

    def unavailable(self) -> str | None:
        # only look for the files here: parsing them (about a second) waits for the first segment
        return None if wordnet_dir() else "WordNet not found: install wordnet-base or set TQCHECK_WORDNET"

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        antonyms = load_antonyms()
        if antonyms is None or not ctx.source or not ctx.target:
            return
        if ctx.target_lang == "en" and ctx.forward_translation:
            for swap in swaps(ctx.target, ctx.forward_translation):
                message = (
                    f"translation says “{swap.word}” where a translation of the source says “{swap.opposite}”"
                )
                yield self._finding(ctx, message, swap.opposite, swap.span, swap.span, None)
        elif ctx.source_lang == "en":
            for swap in swaps(ctx.back_translation, ctx.source):
                message = (
                    f"the translation means “{swap.word}” (back-translation) "
                    f"where the source says “{swap.opposite}”"
                )
                yield self._finding(ctx, message, swap.word, swap.opposite_span, None, swap.opposite_span)

    def _finding(
        self, ctx: CheckContext, message: str, other: str, probed: Span, target: Span | None, source: Span | None
    ) -> Finding:
        """Critical when the model finds the pair far likelier with ``other`` in ``probed``, both ways."""
        least = self.opts["min-gain"]
        if any(
            p.kind is ProbeKind.ANTONYM and p.span == probed and p.gain >= least and (p.back_gain or 0.0) >= least
            for p in ctx.probes
        ):
            message += f"; the model reads the pair far likelier with “{other}”, both ways"
            return self.finding(message, target, source, Severity.CRITICAL)
        return self.finding(message, target, source)
