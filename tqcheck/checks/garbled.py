from __future__ import annotations

from collections.abc import Iterator

from tqcheck.checks.base import Check, CheckContext, Need
from tqcheck.records import Finding, Severity
from tqcheck.text.entities import find_names
from tqcheck.text.segment import sentence_spans
from tqcheck.text.strings import overlaps


class Garbled(Check):
    """A sentence whose word order no fluent writer produces: a language model finds it garbled.

    Reads the draft alone, in bilingual and monolingual checks, with an opt-in language model
    (``--fluency-model``; SmolLM2-135M reads English). A sentence of at least ``min-tokens`` tokens
    whose mean surprisal is ``min-nats`` nats a token or more is minor, ``major-nats`` or more is
    major; names are left out of the mean (a rare name is not awkward), not out of the length. The message points at
    the sentence's most unexpected word. Fluent English news averages about 4.8 nats a token.
    How the defaults were measured: references/calibration.md.

    Bad: "Elections the of in results the announced commission the yesterday were."
    Good: "The commission announced the results of the elections yesterday."
    """

    code = "TQ703"
    name = "garbled-sentence"
    severity = Severity.MINOR
    needs = (Need.LANGUAGE_MODEL,)
    options = {"min-nats": 7.5, "major-nats": 9.5, "min-tokens": 6}

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        if ctx.surprisal is None:
            return
        names = tuple(n.span for n in find_names(ctx.target, ctx.target_lang))
        for sentence, span in sentence_spans(ctx.target, ctx.target_lang):
            tokens = [(at, n) for at, n in ctx.surprisal.tokens if span[0] <= at[0] and at[1] <= span[1]]
            if len(tokens) < self.opts["min-tokens"]:
                continue
            tokens = [(at, n) for at, n in tokens if not overlaps(at, names)]
            if len(tokens) < 2:  # a sentence of names: nothing left to judge
                continue
            mean = sum(n for _, n in tokens) / len(tokens)
            if mean < self.opts["min-nats"]:
                continue
            worst = max(tokens, key=lambda t: t[1])[0]
            word = ctx.target[slice(*worst)].strip()
            severity = Severity.MAJOR if mean >= self.opts["major-nats"] else None
            reads = "as garbled" if severity else "awkwardly"
            message = (
                f"sentence reads {reads}: the language model finds its words {mean:.1f} nats a token "
                f"unexpected (fluent text: about 5), most of all “{word}”"
            )
            yield self.finding(message, span, None, severity, {"mean_nats": round(mean, 2)})

