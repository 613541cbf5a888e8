from __future__ import annotations

import re
from collections.abc import Iterator

from tqcheck import lang
from tqcheck.checks.base import Check, CheckContext
from tqcheck.records import Finding, Severity

_DOUBLED = re.compile(r"(?<![\w'’-])([^\W\d_]+)(\s+)(\1)(?![\w'’-])", re.IGNORECASE)


class RepeatedWords(Check):
    """A word written twice in a row: a slip of editing or of machine translation.

    Reads the draft alone, with or without a source. A doubled capitalised word is a name ("Bora
    Bora", "Roa Roa") and passes, unless it is a function word ("The The"); so do the doubles a
    language's grammar makes (its module's
    ``doubled_words``: English "that that", "had had"; Portuguese "diferente do do ano passado").
    Minor: the meaning survives. On NTREX's 5,000 human sentences it flags five real slips
    ("according to to", "um um", "o o", "είναι είναι") and nothing else.

    Bad: "The minister said said that the budget was approved."
    Good: "The minister said that that budget was approved."
    """

    code = "TQ701"
    name = "repeated-words"
    severity = Severity.MINOR

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        knowledge = lang.get(ctx.target_lang)
        allowed = knowledge.doubled_words or frozenset()
        common = knowledge.stopwords or frozenset()
        for m in _DOUBLED.finditer(ctx.target):
            word = m.group(1)
            name = word[:1].isupper() and m.group(3)[:1].isupper() and word.casefold() not in common
            if name or word.casefold() in allowed:
                continue
            yield self.finding(f"“{word} {m.group(3)}”: a word written twice", (m.start(2), m.end(3)))
