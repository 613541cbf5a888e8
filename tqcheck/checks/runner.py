"""Runs every check on a segment: the scores, the language guess and the findings, sorted."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from tqcheck.checks.base import Check, CheckContext
from tqcheck.records import Finding, LangGuess, Probe, Segment, SegmentResult
from tqcheck.scoring import score, word_diff


@dataclass(frozen=True)
class CheckItem:
    """One segment with everything the checks will see."""

    segment: Segment
    back: str
    forward: str | None
    reference: str  # what the back-translation is compared with: the source, or the draft itself
    source_lang: str | None
    target_lang: str

    def inputs(self) -> list[object]:
        """What a result follows from, besides the checks' options and the probing model."""
        seg = self.segment
        return [seg.source, seg.target, self.back, self.forward, self.reference, self.source_lang, self.target_lang]


class CheckRunner:
    def __init__(self, checks: Sequence[Check], detect: Callable[[str], LangGuess]) -> None:
        self.checks = checks
        self.detect = detect

    def run(self, item: CheckItem, probes: tuple[Probe, ...]) -> SegmentResult:
        segment = item.segment
        if segment.unchecked is not None:
            return self._unchecked(item)
        guess = self.detect(segment.target)
        scores = score(item.back, item.reference)
        ctx = CheckContext(
            target=segment.target,
            target_lang=item.target_lang,
            back_translation=item.back,
            scores=scores,
            detected=guess,
            source=segment.source,
            source_lang=item.source_lang,
            forward_translation=item.forward,
            probes=probes,
        )
        findings: list[Finding] = []
        for check in self.checks:
            if check.needs_source and not ctx.bilingual:
                continue
            findings.extend(check.run(ctx))
        findings.sort(key=lambda f: (-f.severity.rank, f.code))
        return SegmentResult(
            segment=segment,
            back_translation=item.back,
            scores=scores,
            detected=guess,
            findings=tuple(findings),
            diff=word_diff(item.reference, item.back),
            forward_translation=item.forward,
        )

    def _unchecked(self, item: CheckItem) -> SegmentResult:
        """A segment out of bounds: only the checks that report such segments see it."""
        segment, nothing = item.segment, LangGuess(None, 0.0)
        ctx = CheckContext(
            target=segment.target,
            target_lang=item.target_lang,
            back_translation="",
            scores=None,
            detected=nothing,
            source=segment.source,
            source_lang=item.source_lang,
            unchecked=segment.unchecked,
        )
        findings = tuple(f for check in self.checks if check.reads_unchecked for f in check.run(ctx))
        return SegmentResult(segment=segment, back_translation="", scores=None, detected=nothing, findings=findings)
