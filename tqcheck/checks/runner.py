"""Runs the checks a file supports on its segments: coverage, cached results, probes, selection."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace

from tqcheck import lang
from tqcheck.backends import how_to_get
from tqcheck.backends.base import Backend
from tqcheck.backends.language_model import LanguageModel, shared_language_model
from tqcheck.backends.order_judge import OrderJudge, shared_order_judge
from tqcheck.backends.slip_tagger import SlipTagger, shared_slip_tagger
from tqcheck.cache import ResultCache, result_key
from tqcheck.checks.base import NO_LANGUAGE_MODEL, Capabilities, Check, CheckContext, Missing, Need
from tqcheck.errors import BackendError
from tqcheck.probes import ProbeInput, probe
from tqcheck.records import (
    CheckStatus,
    Finding,
    LangGuess,
    OrderReading,
    Probe,
    Segment,
    SegmentResult,
    Severity,
    SlipReading,
    Surprisal,
)
from tqcheck.scoring import score, word_diff
from tqcheck.selection import Selector

Prober = Callable[[list["CheckItem"]], list[tuple[Probe, ...]]]
"""Probes segments with a model (see tqcheck.probes); its ``model`` key names that model."""


@dataclass(frozen=True)
class CheckItem:
    """One segment with everything the checks will see."""

    segment: Segment
    back: str  # "" when no model back-translated it
    forward: str | None
    reference: str  # what the back-translation is compared with: the source, or the draft itself
    source_lang: str | None
    target_lang: str
    preceding: str = ""  # the sentence before, when a paragraph was split into sentences
    pivot: str = ""  # without a source: the draft translated into the pivot language of its round trip
    source_before: str = ""  # the source of the segments before, in its file (``work.SourcesBefore``)

    def inputs(self) -> list[object]:
        """What a result follows from, besides the checks, their options and the probing model."""
        seg = self.segment
        return [
            seg.source, seg.target, self.back, self.forward, self.reference, self.source_lang, self.target_lang,
            self.preceding, self.pivot, self.source_before,
        ]


@dataclass(frozen=True)
class ModelProber:
    """Probes segments with the file's backend, one direction pair: source and draft, or, for a
    draft checked without its source, the pivot language of its round trip and the draft."""

    backend: Backend
    source_lang: str
    target_lang: str
    progress: Callable[[str, int, int], None] | None

    def __call__(self, items: list[CheckItem]) -> list[tuple[Probe, ...]]:
        inputs = [
            ProbeInput(i.pivot, i.segment.target, i.back, round_trip=True)
            if i.source_lang is None
            else ProbeInput(i.reference, i.segment.target, i.back, i.forward or "")
            for i in items
        ]
        return probe(inputs, self.source_lang, self.target_lang, self.backend, self.progress)


def fluency_reader(name: str | None, caps: Capabilities) -> tuple[LanguageModel | None, Capabilities]:
    """The language model ``name`` as a reader of the file's drafts, if one was asked for and it
    reads their language; ``caps`` saying so either way."""
    if name is None:
        return None, replace(caps, fluency=NO_LANGUAGE_MODEL)
    model = shared_language_model(name)
    if caps.target_lang not in model.spec.languages:
        reads = ", ".join(sorted(model.spec.languages))
        return None, replace(caps, fluency=Missing(f"the {model.spec.name} language model reads {reads} only"))
    return model, replace(caps, fluency=None)


def order_reader(caps: Capabilities, threads: int = 1) -> tuple[OrderJudge | None, Capabilities]:
    """The word-order judge as a reader of the file's drafts, if it was calibrated on their
    language; ``caps`` saying so either way. ``threads``: see ``shared_order_judge``."""
    try:
        judge = shared_order_judge(threads)
    except BackendError as exc:
        return None, replace(caps, order=Missing(str(exc)))
    if caps.target_lang not in judge.languages:
        known = ", ".join(sorted(judge.languages))
        return None, replace(caps, order=Missing(f"the word-order judge was calibrated on {known} only"))
    return judge, replace(caps, order=None)


def slip_reader(caps: Capabilities) -> tuple[SlipTagger | None, Capabilities]:
    """A slip tagger built here as a reader of the file's drafts, if one reads their language;
    ``caps`` saying so either way."""
    build = "tqcheck models build-tagger (after pip install 'tqcheck[lm]')"
    try:
        tagger = shared_slip_tagger(lang.base(caps.target_lang))
    except BackendError as exc:
        return None, replace(caps, slips=Missing(str(exc), build))
    return tagger, replace(caps, slips=None)


@dataclass(frozen=True)
class DraftReaders:
    """The models that read a file's drafts alone, each there only if a check that runs needs it."""

    language_model: LanguageModel | None = None
    judge: OrderJudge | None = None
    tagger: SlipTagger | None = None

    def keys(self) -> list[str | None]:
        """What the readers are, for the result cache's keys."""
        return [reader and reader.signature.key() for reader in (self.language_model, self.judge, self.tagger)]


def bilingual_capabilities(source: str, target: str, backend: Backend | None, missing: Missing | None) -> Capabilities:
    """What a bilingual file offers its checks, given the backend that translates it (if any)."""
    if backend is None:
        return Capabilities(source, target, missing, missing, missing)
    if not backend.supports(source, target):
        no_forward = Missing(f"no model translates {source}→{target}", how_to_get(source, target))
        return Capabilities(source, target, None, no_forward, no_forward)
    legs = max(backend.legs(source, target), backend.legs(target, source))
    if not (backend.can_score(source, target) and backend.can_score(target, source)):
        return Capabilities(source, target, scores=Missing(f"the {backend.signature.name} backend cannot score"), legs=legs)
    return Capabilities(source, target, legs=legs)


class CheckRunner:
    def __init__(
        self,
        checks: Sequence[Check],
        inactive: Mapping[Check, str],
        detect: Callable[[str], LangGuess],
        results: ResultCache,
        selector: Selector,
        fingerprint: str,
    ) -> None:
        self.checks, self.inactive, self.detect = checks, inactive, detect
        self.results, self.selector, self.fingerprint = results, selector, fingerprint

    def reads(self, need: Need, path: str) -> bool:
        """Whether a check that runs on ``path`` (selected, not ignored there) needs ``need``."""
        return any(need in check.needs and self.selector.wanted(check.code, path) for check in self.checks)

    def coverage(self, caps: Capabilities) -> tuple[tuple[CheckStatus, ...], list[Check]]:
        """Every check's status on a file with ``caps``, and the checks that run on it."""
        statuses, active = [], []
        for check in sorted([*self.checks, *self.inactive], key=lambda c: c.code):
            missing = check.not_run(caps) if check in self.checks else None
            if check in self.inactive:
                statuses.append(CheckStatus(check.code, check.name, False, self.inactive[check]))
            elif missing is not None:
                statuses.append(CheckStatus(check.code, check.name, False, missing.reason, missing.enable))
            else:
                statuses.append(CheckStatus(check.code, check.name, True))
                active.append(check)
        return tuple(statuses), active

    def file(
        self, items: list[CheckItem], path: str, caps: Capabilities, prober: Prober | None, model: str | None,
        readers: DraftReaders = DraftReaders(),
    ) -> tuple[list[SegmentResult], tuple[CheckStatus, ...]]:
        """Results for a file's ``items`` with the project's selection applied, and its coverage. An
        unchanged segment's result comes from the cache; only the others are probed and read by the
        language model and the word-order judge (the costly steps), each only when a check that
        runs and is not ignored needs it. ``model`` names the models that gave the evidence."""
        statuses, active = self.coverage(caps)
        active = [check for check in active if self.selector.wanted(check.code, path)]  # nor their evidence
        codes = json.dumps([[c.code for c in active], caps.legs])
        keys = [result_key(self.fingerprint, *item.inputs(), model, codes) for item in items]
        known = self.results.lookup(keys)
        todo = [i for i, key in enumerate(keys) if key not in known and items[i].segment.unchecked is None]
        probes = dict(zip(todo, prober([items[i] for i in todo]))) if prober and todo else {}
        texts = [items[i].segment.target for i in todo]
        needed = {need for check in active for need in check.needs}
        read, judged, tagged = {}, {}, {}
        if readers.language_model and texts and Need.LANGUAGE_MODEL in needed:
            read = dict(zip(todo, readers.language_model.surprisal(texts)))
        if readers.judge and texts and Need.ORDER_JUDGE in needed:
            context = [items[i].preceding for i in todo], [items[i].forward for i in todo]
            judged = dict(zip(todo, readers.judge.read(texts, caps.target_lang, *context)))
        if readers.tagger and texts and Need.SLIP_TAGGER in needed:
            tagged = dict(zip(todo, readers.tagger.read(texts, lang.base(caps.target_lang))))
        results, fresh = [], {}
        for i, (item, key) in enumerate(zip(items, keys)):
            if key in known:  # the same texts, maybe at another place in another file
                result = replace(known[key], segment=item.segment, back_translation=item.back)
            else:
                evidence = read.get(i), judged.get(i), tagged.get(i)
                result = fresh[key] = self.run(item, probes.get(i, ()), active, caps.legs, *evidence)
            findings = self.selector.apply(result.findings, path, item.segment.notes)
            results.append(replace(result, findings=findings))
        self.results.store(fresh)
        return results, statuses

    def run(
        self, item: CheckItem, probes: tuple[Probe, ...], checks: Sequence[Check], legs: int = 1,
        surprisal: Surprisal | None = None, order: OrderReading | None = None, slips: SlipReading | None = None,
    ) -> SegmentResult:
        segment = item.segment
        if segment.unchecked is not None:
            return self._unchecked(item, checks)
        guess = self.detect(segment.target)
        scores = score(item.back, item.reference) if item.back else None
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
            legs=legs,
            preceding=item.preceding,
            source_before=item.source_before,
            surprisal=surprisal,
            order=order,
            slips=slips,
        )
        findings: list[Finding] = [f for check in checks for f in _bounded(check, check.run(ctx), ctx)]
        findings.sort(key=lambda f: (-f.severity.rank, f.code))
        return SegmentResult(
            segment=segment,
            back_translation=item.back,
            scores=scores,
            detected=guess,
            findings=tuple(findings),
            diff=word_diff(item.reference, item.back) if item.back else (),
            forward_translation=item.forward,
        )

    @staticmethod
    def _unchecked(item: CheckItem, checks: Sequence[Check]) -> SegmentResult:
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
        findings = tuple(f for check in checks if check.reads_unchecked for f in check.run(ctx))
        return SegmentResult(segment=segment, back_translation="", scores=None, detected=nothing, findings=findings)


def _bounded(check: Check, findings: Iterable[Finding], ctx: CheckContext) -> Iterator[Finding]:
    """The check's findings. Through a chain of models the translations read more loosely: a
    critical finding of a check that compares them word by word (one with ``chain-critical-words``)
    is major there, unless its span (in the draft, else in the source) holds at least that many."""
    least = check.opts.get("chain-critical-words")
    for finding in findings:
        if least is not None and ctx.legs > 1 and finding.severity is Severity.CRITICAL:
            text, span = (ctx.target, finding.target_span) if finding.target_span else (ctx.source or "", finding.source_span)
            if span is None or len(text[slice(*span)].split()) < least:
                note = f" (through a chain of {ctx.legs} models a span this short is major at most)"
                finding = replace(finding, severity=Severity.MAJOR, message=finding.message + note)
        yield finding
