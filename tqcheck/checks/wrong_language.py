from __future__ import annotations

import re
from collections.abc import Iterator

from tqcheck.checks.base import Check, CheckContext
from tqcheck.records import Finding, Severity


class WrongLanguage(Check):
    """A segment is written in a language other than the translation's.

    Bad: (target language pt) "The minister resigned on Tuesday after the vote."
    Good: (target language pt) "O ministro demitiu-se na terça-feira, após a votação."

    Short segments and names are skipped: language ID is unreliable below ``min-words`` words, and a
    guess under ``min-score`` confidence is not evidence.
    """

    code = "TQ001"
    name = "wrong-language"
    severity = Severity.MAJOR
    options = {"min-words": 4, "min-score": 0.9}

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        guess = ctx.detected
        words = re.findall(r"[^\W\d_]{2,}", ctx.target)
        if (
            guess.lang
            and guess.lang != ctx.target_lang
            and guess.score >= self.opts["min-score"]
            and len(words) >= self.opts["min-words"]
            and not (ctx.bilingual and guess.lang == ctx.source_lang)  # that case is "untranslated"
        ):
            yield self.finding(
                f"segment looks like {guess.lang} (confidence {guess.score:.2f}), not {ctx.target_lang}",
                (0, len(ctx.target)),
            )
