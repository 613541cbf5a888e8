from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from tqcheck import lang
from tqcheck.checks.base import Check, CheckContext
from tqcheck.records import Finding, Severity
from tqcheck.text.segment import sentence_spans
from tqcheck.text.strings import fold

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_CLOSERS = "\"'”’»)] "
_LAST_TOKEN = re.compile(r"(\S+)\.$")


@cache
def _function_words(code: str) -> frozenset[str]:
    """The language's function words without accents: stopword lists such as Greek's write "ειναι"."""
    return frozenset(fold(w) for w in lang.get(code).stopwords or ())


def _artefact(previous: str) -> bool:
    """The sentence splitter cut after an abbreviation or a number ("St. Martin", "63.º"), or the
    short sentence answers a question ("O quê? Não.")."""
    end = previous.rstrip(_CLOSERS)
    if end.endswith("?"):
        return True
    m = _LAST_TOKEN.search(end)
    token = m.group(1).lstrip("(\"'“‘«") if m else ""
    return any(c.isdigit() for c in token) or (token[:1].isupper() and len(token) <= 3)


def _fragment(sentence: str, previous: str, function_words: frozenset[str]) -> bool:
    body = sentence.rstrip(_CLOSERS)
    if not previous or not body.endswith(".") or body.endswith("..") or any(c.isdigit() for c in body):
        return False
    words = _WORD.findall(body)
    if not 1 <= len(words) <= 2 or any(fold(w) in function_words for w in words):
        return False
    return not _artefact(previous)


class Fragment(Check):
    """A sentence of one or two content words, closed by a full stop, in the middle of running text.

    Reads the draft alone. A translation that cuts a clause loose leaves such a stub ("Years.").
    Headlines, captions, datelines and list items stand first in their paragraph, and so pass; so do
    a short answer to a question ("Why? No."), an ellipsis ("Hum..."), a number ("90."), a sentence
    with a function word ("For now.") and the pieces a sentence splitter leaves after an abbreviation
    ("St. Martin."). Minor: the reader stumbles but the meaning is usually there. On NTREX's 5,000
    human sentences in English, Portuguese, Spanish and Greek it flags none.

    Bad: "We told you the same thing five years ago. Years. You still don't believe us."
    Good: "We told you the same thing five years ago, for years. You still don't believe us."
    """

    code = "TQ702"
    name = "fragment"
    severity = Severity.MINOR

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        function_words = _function_words(ctx.target_lang)
        previous = ctx.preceding
        for sentence, span in sentence_spans(ctx.target, ctx.target_lang):
            if _fragment(sentence, previous, function_words):
                yield self.finding(f"“{sentence}” stands alone as a sentence in running text: a clause cut loose?", span)
            previous = sentence
