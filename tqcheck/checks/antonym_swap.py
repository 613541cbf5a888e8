from __future__ import annotations

from collections.abc import Iterator

from tqcheck.checks.base import Check, CheckContext, Need
from tqcheck.records import Finding, ProbeKind, Severity, Span
from tqcheck.text.antonyms import load_antonyms, wordnet_dir
from tqcheck.text.coverage import uncovered_words
from tqcheck.text.swaps import dictionary_swaps, swaps


class AntonymSwap(Check):
    """A word was replaced by its opposite: "rising" for "falling", "approve" for "reject".

    Compared in English, the language WordNet covers: the draft against a machine translation of
    the source when translating into English, the back-translation against the source when
    translating from English. A word of one side whose WordNet antonym the other has in its place
    is the finding, unless the two also differ in negation ("unlikely" for "not likely"); light
    verbs are left out. Major, as one word pair is thin evidence; critical when the translation
    model agrees: the pair rescored with the other word in place gains at least
    ``min-gain`` nats as a translation and as a back-translation (the antonym probe), or gains
    ``strong-gain`` as a translation and at least ``strong-min-back-gain`` the way back (reading
    back, a model gains little from a short word such as "more" or "fewer"), or gains
    ``one-way-gain`` as a translation whatever the way back reads ("misused" for "used": reading
    back the model barely tells the two apart; reading forward no paraphrase gains as much). A
    word against its own negative form ("impossible", "possible") and a quantifier against its
    opposite ("more than 80 %", "less than 80 %") are reported only when the model agrees, as is a
    lowered degree against a comparative of the same pole ("less cold" for "cooler"; "less costly"
    for "cheaper" says the same, as WordNet's adjective clusters tell). A draft in another language
    is also read against the machine translation of its source through the English senses a
    dictionary gives their words ("depois", after, where that translation has "antes", before;
    FreeDict: Debian ``dict-freedict-por-eng`` and ``dict-freedict-eng-por``, and the Spanish
    pair), and reported only when the model agrees, with that translation's word in place, by the
    same bars; an English draft is read so against its source ("soft" where the source says
    "difícil", hard, and the translation "difficult"), with the source word's sense in place. Needs WordNet
    (Debian package ``wordnet-base``, or ``TQCHECK_WORDNET``); without it the check reports itself
    inactive. How the defaults were measured: references/calibration.md.

    Bad: source "Os preços estão a subir." — translation "Prices are falling."
    Good: source "Os preços estão a subir." — translation "Prices are rising."
    """

    code = "TQ403"
    name = "antonym-swap"
    severity = Severity.MAJOR
    needs = (Need.SOURCE, Need.BACK_TRANSLATION, Need.FORWARD_TRANSLATION, Need.ENGLISH)
    options = {"min-gain": 6.0, "strong-gain": 10.5, "strong-min-back-gain": 1.5, "one-way-gain": 15.0}

    def unavailable(self) -> str | None:
        # only look for the files here: parsing them (about a second) waits for the first segment
        return None if wordnet_dir() else "WordNet not found: install wordnet-base or set TQCHECK_WORDNET"

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        antonyms = load_antonyms()
        if antonyms is None or not ctx.source or not ctx.target:
            return
        found: list[Finding] = []
        asked: list[Span] = []
        if ctx.target_lang == "en" and ctx.forward_translation:
            for swap in swaps(ctx.target, ctx.forward_translation):
                asked.append(swap.span)
                message = (
                    f"translation says “{swap.word}” where a translation of the source says “{swap.opposite}”"
                )
                found += self._finding(ctx, message, swap.opposite, swap.span, swap.span, None, swap.model_only)
        elif ctx.source_lang == "en":
            for swap in swaps(ctx.back_translation, ctx.source):
                message = (
                    f"the translation means “{swap.word}” (back-translation) "
                    f"where the source says “{swap.opposite}”"
                )
                target_span = _draft_word(ctx, swap.span)
                found += self._finding(
                    ctx, message, swap.word, swap.opposite_span, target_span, swap.opposite_span, swap.model_only
                )
        yield from _merged(found, list(self._glossed(ctx, asked)))

    def _glossed(self, ctx: CheckContext, asked: list[Span]) -> Iterator[Finding]:
        """Read through a dictionary: the draft against the machine translation of its source, in
        the draft's language, or an English draft against its source, but at the spans ``asked``."""
        if not ctx.forward_translation or not ctx.target_lang or not ctx.source_lang or not ctx.source:
            return
        kind, codes = ProbeKind.GLOSSED_ANTONYM, (ctx.source_lang, ctx.target_lang)
        for swap in dictionary_swaps(ctx.target, ctx.source, ctx.forward_translation, codes, asked):
            if ctx.target_lang == "en":  # the opposite is the source word's sense
                said = ctx.source[slice(*swap.opposite_span)]
                message = f"translation says “{swap.word}” where the source says “{said}” ({swap.opposite})"
                where: Span | None = swap.opposite_span
            else:
                mine, theirs = swap.senses
                message = (
                    f"translation says “{swap.word}” ({mine}) where a translation of the source says "
                    f"“{swap.opposite}” ({theirs})"
                )
                where = None
            yield from self._finding(ctx, message, swap.opposite, swap.span, swap.span, where, True, kind)

    def _finding(
        self,
        ctx: CheckContext,
        message: str,
        other: str,
        probed: Span,
        target: Span | None,
        source: Span | None,
        model_only: bool,
        kind: ProbeKind = ProbeKind.ANTONYM,
    ) -> Iterator[Finding]:
        """Critical when the model finds the pair far likelier with ``other`` in ``probed``, both
        ways, or by far as a translation. A word against its own negative form ("impossible",
        "possible") or a quantifier against its opposite ("more", "less") is reported only then:
        translators trade these freely around a negation or a paraphrase elsewhere."""
        agreed = ctx.probe(kind, probed)
        both = agreed is not None and (
            agreed.agrees(self.opts["min-gain"])
            or (agreed.gain >= self.opts["strong-gain"] and agreed.agrees(self.opts["strong-min-back-gain"]))
        )
        if agreed is not None and (both or agreed.gain >= self.opts["one-way-gain"]):
            how = "both ways" if both else "as a translation"
            message += f"; the model reads the pair far likelier with “{other}”, {how}"
            yield self.finding(message, target, source, Severity.CRITICAL, agreed.evidence)
        elif not model_only:
            yield self.finding(message, target, source)


def _draft_word(ctx: CheckContext, back_span: Span) -> Span | None:
    """The draft's word for the back-translation's word at ``back_span``: of the draft's words
    that the machine translation of the source lacks, the one at the nearest relative place."""
    if not ctx.forward_translation:
        return None
    candidates = uncovered_words(ctx.target, ctx.forward_translation, ctx.target_lang)
    where = back_span[0] / max(len(ctx.back_translation), 1)
    best = min(candidates, key=lambda c: abs(c[1][0] / max(len(ctx.target), 1) - where), default=None)
    return best[1] if best else None


def _merged(english: list[Finding], glossed: list[Finding]) -> list[Finding]:
    """One finding a draft word: read in English, unless only the draft's own language had the
    model's agreement (every glossed finding is critical)."""
    sure = {f.target_span for f in english if f.severity is Severity.CRITICAL}
    glossed = [f for f in glossed if f.target_span not in sure]
    replaced = {f.target_span for f in glossed}
    return [f for f in english if f.target_span not in replaced] + glossed
