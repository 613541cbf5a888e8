from __future__ import annotations

from collections.abc import Iterator

from tqcheck.checks.base import Check, CheckContext, Need
from tqcheck.records import Finding, Severity, Span
from tqcheck.text.coverage import content_words, longest_uncovered
from tqcheck.text.segment import sentence_spans, split_sentences


class OmittedContent(Check):
    """Part of the source is missing from the translation: a clause or phrase was dropped.

    Seen in two languages at once: the draft lacks a run of the content words of a machine
    translation of the source, and the back-translation a run of the source's content words.
    Critical when the draft is much shorter (below ``max-length-ratio`` of the expected length,
    runs of ``min-run`` words; below ``half-length-ratio``, runs of ``half-min-run``: a short
    sentence cut to a fragment has no long run left to lose), or somewhat shorter (below
    ``cut-length-ratio``, runs of ``cut-min-run``) with the run cut out cleanly: the words on either
    side of it stand side by side in both other texts, so nothing rewords it. A missing first or
    last sentence of a multi-sentence segment is major: aligned files often carry it in the next
    segment. Through a chain of two models (es→pt→en) the translations read too loosely for a short
    run: critical only for ``chain-critical-words`` words or more. How the defaults were measured:
    references/calibration.md.

    Bad: source "Embora os efeitos nocivos da desigualdade sejam vastos, são evitáveis." — translation "Indeed, they are avoidable."
    Good: source "Embora os efeitos nocivos da desigualdade sejam vastos, são evitáveis." — translation "Although the harmful effects of inequality are vast, they are avoidable."
    """

    code = "TQ103"
    name = "omitted-content"
    severity = Severity.CRITICAL
    needs = (Need.SOURCE, Need.BACK_TRANSLATION, Need.FORWARD_TRANSLATION, Need.STOPWORDS)
    options = {
        "max-length-ratio": 0.7,
        "min-run": 4,
        "half-length-ratio": 0.5,
        "half-min-run": 2,
        "cut-length-ratio": 0.85,
        "cut-min-run": 3,
        "chain-critical-words": 9,
    }

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        if not ctx.source or not ctx.target or not ctx.forward_translation:
            return
        ratio = max(ctx.length_ratios())
        if ratio >= max(self.opts["max-length-ratio"], self.opts["cut-length-ratio"]):
            return
        lost = longest_uncovered(ctx.source, ctx.back_translation, ctx.source_lang)
        echo = longest_uncovered(ctx.forward_translation, ctx.target, ctx.target_lang)
        if not lost or not echo:
            return
        run = min(lost.words, echo.words)
        much_shorter = any(
            ratio < self.opts[length] and run >= self.opts[least]
            for length, least in (("max-length-ratio", "min-run"), ("half-length-ratio", "half-min-run"))
        )
        cut = ratio < self.opts["cut-length-ratio"] and run >= self.opts["cut-min-run"] and lost.seam == echo.seam == 0
        if not (much_shorter or cut):
            return
        text = ctx.source[slice(*lost.span)]
        if _in_edge_sentence(ctx, lost.span):
            yield self.finding(
                f"the translation has no sentence for “{text}”; check whether a neighbouring segment carries it",
                None,
                lost.span,
                Severity.MAJOR,
            )
            return
        how = "cut out between words the translation keeps side by side" if cut else "missing"
        yield self.finding(f"the translation leaves out “{text}” ({how})", None, lost.span)


def _in_edge_sentence(ctx: CheckContext, span: Span) -> bool:
    """Whether ``span`` is most of the first or last sentence of a source with more sentences
    than its translation."""
    assert ctx.source is not None
    lang = ctx.source_lang or ""
    sentences = sentence_spans(ctx.source, lang)
    if len(sentences) < 2 or len(split_sentences(ctx.target, ctx.target_lang)) >= len(sentences):
        return False
    for sentence, (start, _) in (sentences[0], sentences[-1]):
        words = content_words(sentence, lang)
        inside = [w for w, (a, b) in words if start + a >= span[0] and start + b <= span[1]]
        if words and len(inside) >= 0.6 * len(words):
            return True
    return False
