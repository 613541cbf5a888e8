from __future__ import annotations

import re
from collections.abc import Iterator

from tqcheck.checks.base import Check, CheckContext
from tqcheck.model import Finding, Severity
from tqcheck.text.antonyms import load_antonyms, wordnet_dir
from tqcheck.text.coverage import content_words
from tqcheck.text.negation import negations

_PLAIN_NEGATORS = frozenset("not n't n’t no never cannot without".split())
# Quantifiers and number words oppose each other in WordNet ("all"/"some", "no"/"any") but trade
# places freely in paraphrase.
_QUANTIFIERS = frozenset(
    """no any all some several few many much none one first certain each every both either neither
    little more most less least other another""".split()
)


class AntonymSwap(Check):
    """A word was replaced by its opposite: "rising" for "falling", "approve" for "reject".

    Compared in English, the language WordNet covers: the draft against a machine translation of
    the source when translating into English, the back-translation against the source when
    translating from English. A word of one side that the other lacks, whose antonym the other has
    in its place, is the finding, unless the two sides also differ in negation ("unlikely" for
    "not likely" is a paraphrase). Needs the WordNet database (Debian package ``wordnet-base``, or
    ``TQCHECK_WORDNET``); without it the check reports itself inactive. Major, not critical: one
    word pair in one language is thin evidence, and on WMT22 CED dev two in three such pairs were
    paraphrase ("given"/"taking").

    Bad: source "Os preços estão a subir." — translation "Prices are falling."
    Good: source "Os preços estão a subir." — translation "Prices are rising."
    """

    code = "TQ403"
    name = "antonym-swap"
    severity = Severity.MAJOR
    needs_source = True

    def unavailable(self) -> str | None:
        # only look for the files here: parsing them (about a second) waits for the first segment
        return None if wordnet_dir() else "WordNet not found: install wordnet-base or set TQCHECK_WORDNET"

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        antonyms = load_antonyms()
        if antonyms is None or not ctx.source or not ctx.target:
            return
        if ctx.target_lang == "en" and ctx.forward_translation:
            for draft_word, span, expected in self._swaps(ctx.target, ctx.forward_translation):
                yield self.finding(
                    f"translation says “{draft_word}” where a translation of the source says “{expected}”", span
                )
        elif ctx.source_lang == "en":
            for back_word, _, source_word in self._swaps(ctx.back_translation, ctx.source):
                span = _find(ctx.source, source_word)
                yield self.finding(
                    f"the translation means “{back_word}” (back-translation) where the source says “{source_word}”",
                    None,
                    span,
                )

    @staticmethod
    def _swaps(text: str, reference: str) -> Iterator[tuple[str, tuple[int, int], str]]:
        antonyms = load_antonyms()
        assert antonyms is not None
        if _plain_negations(text) != _plain_negations(reference):
            return
        ours = [(w, s) for w, s in content_words(text, "en") if w.lower() not in _QUANTIFIERS and w.isalpha()]
        theirs = [(w, s) for w, s in content_words(reference, "en") if w.lower() not in _QUANTIFIERS and w.isalpha()]
        their_lemmas = {lemma for word, _ in theirs for lemma in antonyms.lemmas(word)}
        our_lemmas = {lemma for word, _ in ours for lemma in antonyms.lemmas(word)}
        only_theirs = [w for w, _ in theirs if not antonyms.lemmas(w) & our_lemmas]
        for word, span in ours:
            if antonyms.lemmas(word) & their_lemmas:
                continue
            opposite = next((w for w in only_theirs if antonyms.opposed(word, w)), None)
            if opposite is not None:
                yield word, span, opposite


def _plain_negations(text: str) -> int:
    return sum(1 for cue in negations(text, "en") if cue.text.lower() in _PLAIN_NEGATORS)


def _find(text: str, word: str) -> tuple[int, int] | None:
    m = re.search(rf"\b{re.escape(word)}\b", text, re.IGNORECASE)
    return m.span() if m else None
