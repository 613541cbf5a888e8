"""The per-segment work of one file, wherever it runs: translate, probe, read with a language
model, check. The same code runs in the main process (the local engine) and in a Ray actor (the
Ray engine), so the two give the same results by construction.

A ``FileJob`` says what a file needs (the run's configuration, its languages, the pivot of a
round trip) and can be sent to another process; a ``Workshop`` holds what one process shares
across files (checks, caches, selection) and builds a ``FileWork`` per job.
"""

from __future__ import annotations

import functools
import itertools
import json
from collections import deque
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import cached_property

from threadpoolctl import threadpool_limits

from tqcheck import __version__, cache
from tqcheck.backends import get_backend, how_to_get
from tqcheck.backends.base import cores
from tqcheck.cache import CachedBackend, MemoTranslator, Progress, ResultCache, TranslationCache
from tqcheck.checks.base import Capabilities, Check, Missing, Need
from tqcheck.checks.registry import build_checks
from tqcheck.checks.runner import (
    CheckItem,
    CheckRunner,
    DraftReaders,
    ModelProber,
    bilingual_capabilities,
    fluency_reader,
    order_reader,
    slip_reader,
)
from tqcheck.config import Config
from tqcheck.errors import BackendError
from tqcheck.lang import base as base_language
from tqcheck.readers.base import ReadWhenAsked
from tqcheck.records import BackendSignature, CheckStatus, InactiveCheck, Segment, SegmentResult
from tqcheck.selection import Selector
from tqcheck.text.antonyms import wordnet_dir
from tqcheck.text.glossary import installed
from tqcheck.text.langid import detector


@dataclass(frozen=True)
class FileJob:
    """What checking one file's segments needs, in a form another process can receive."""

    config: Config
    path: str
    source_lang: str | None  # None: no source, each sentence goes round ``pivot`` and back
    target_lang: str
    pivot: str | None = None


class Workshop:
    """What the files checked in one process share: the checks, the caches and the selection."""

    def __init__(self, config: Config, progress: Progress | None = None) -> None:
        self.config, self.progress = config, progress
        reasons = {check: check.unavailable() for check in build_checks(config.check_options)}
        unavailable = {c: reason for c, reason in reasons.items() if reason is not None}
        self.inactive = tuple(InactiveCheck(c.code, c.name, reason) for c, reason in unavailable.items())
        checks: list[Check] = [c for c in reasons if c not in unavailable]
        self.detect = detector(config.language_detector)
        self.cache = TranslationCache() if config.cache else None
        selector = Selector.build(config.select, config.ignore, config.per_file_ignores, config.warn_unused_ignores)
        options = sorted((c.code, sorted(c.opts.items())) for c in checks)
        # the resources the checks read change their results as the code does
        resources = [str(wordnet_dir()), *installed()]
        fingerprint = json.dumps([__version__, cache.code_digest(), config.language_detector, options, resources])
        self.runner = CheckRunner(checks, unavailable, self.detect, ResultCache(self.cache), selector, fingerprint)

    def translator(self, directions: list[tuple[str, str]]) -> tuple[MemoTranslator | None, Missing | None]:
        """A translator for the file's directions, or why there is none (unless a model is required)."""
        config = self.config
        try:
            backend = get_backend(config.backend, directions, config.models, config.allow_download, config.generation)
        except BackendError as exc:
            if config.require_model:
                raise
            return None, Missing(str(exc).split(";")[0], how_to_get(*directions[0]))
        return MemoTranslator(CachedBackend(backend, self.cache) if self.cache else backend, self.progress), None


class FileWork:
    """One file's translator, probes and language model, and the checks run on its segments."""

    def __init__(self, job: FileJob, shop: Workshop) -> None:
        self.job, self.shop = job, shop
        # the models, probes and checks know languages, not regions ("pt-BR", "EN-gb", "por" are "pt",
        # "en", "pt"); the report keeps the codes as given
        source = job.source_lang and base_language(job.source_lang)
        target = base_language(job.target_lang)
        self.source, self.target = source, target
        if source is None:
            pivot = job.pivot or ""
            self.translate, missing = shop.translator([(target, pivot), (pivot, target)])
            if self.translate is not None and not self.translate.backend.supports(pivot, target):
                self.translate, missing = None, Missing(f"a round trip needs {pivot}→{target} too", how_to_get(pivot, target))
            unscored = missing
            if self.translate is not None and not self.translate.backend.can_score(pivot, target):
                unscored = Missing(f"the {self.translate.backend.signature.name} backend cannot score")
            caps, self.forward_ok = Capabilities(None, target, missing, missing, unscored), False
            self.prober = None
            if self.translate is not None and unscored is None:  # the word-order probe of a round trip
                self.prober = ModelProber(self.translate.backend, pivot, target, shop.progress)
        else:
            self.translate, missing = shop.translator([(target, source), (source, target)])
            # Without a model for the forward direction, the checks that need it do not run on this file.
            self.forward_ok = self.translate is not None and self.translate.backend.supports(source, target)
            caps = bilingual_capabilities(source, target, self.translate and self.translate.backend, missing)
            scores = self.translate is not None and caps.scores is None
            self.prober = ModelProber(self.translate.backend, source, target, shop.progress) if scores else None
        reader, caps = fluency_reader(job.config.fluency_model, caps)
        # the judge is loaded only for a file whose selected checks read it (not with --ignore TQ705),
        # on the check's cores when no translation workers run beside it
        judged = shop.runner.reads(Need.ORDER_JUDGE, job.path)
        threads = 1 if self.translate is not None else cores()
        judge, caps = order_reader(caps, threads) if judged else (None, caps)
        tagger, self.caps = slip_reader(caps) if shop.runner.reads(Need.SLIP_TAGGER, job.path) else (None, caps)
        self.readers = DraftReaders(reader, judge, tagger)

    @property
    def signature(self) -> BackendSignature:
        return self.translate.backend.signature if self.translate else BackendSignature.none()

    @cached_property
    def coverage(self) -> tuple[CheckStatus, ...]:
        return self.shop.runner.coverage(self.caps)[0]

    def to_target(self, texts: list[str], stage: str = "aligning sentences") -> list[str]:
        assert self.translate is not None and self.source is not None
        return self.translate(texts, self.source, self.target, stage)

    def prepare(self, segments: Sequence[Segment], before: Sequence[str]) -> list[CheckItem]:
        """The segments translated as their checks need them: the translation work of a chunk.
        ``before``: each segment's sentence before (no source) or its file's source before it."""
        job, path = self.job, self.job.path
        blank = [""] * len(segments)
        if self.source is None:
            back, there, lang, pivot = blank, blank, self.target, job.pivot or ""
            if self.translate is not None:
                there = self.translate([s.target if not s.unchecked else "" for s in segments], lang, pivot, f"{lang}→{pivot}")
                back = self.translate(there, pivot, lang, f"{path}: {pivot}→{lang}")
            items = [
                CheckItem(s, b, None, s.target, None, lang, p, t) for s, b, p, t in zip(segments, back, before, there)
            ]
        else:
            checked = [(s.target, s.source or "") if s.unchecked is None else ("", "") for s in segments]
            back, forward = blank, [None] * len(segments)
            if self.translate is not None:
                back = self.translate([t for t, _ in checked], self.target, self.source, f"{path}: back-translating")
            if self.forward_ok:
                forward = list(self.to_target([s for _, s in checked], f"{path}: translating the source"))
            items = [
                CheckItem(s, b, f, s.source or "", self.source, self.target, source_before=p)
                for s, b, f, p in zip(segments, back, forward, before)
            ]
        return items

    def run(self, items: list[CheckItem]) -> list[SegmentResult]:
        """Probes, the language model and the checks on prepared items: the rest of a chunk's work."""
        models = [self.prober.backend.signature.key() if self.prober else None, *self.readers.keys()]
        return self.shop.runner.file(items, self.job.path, self.caps, self.prober, json.dumps(models), self.readers)[0]


SOURCE_BEFORE = 10
"""Segments of a bilingual file whose source a check may read as what the translator had read
before a segment (a news paragraph or two): "the two countries" rendered as the two the article
named just before. Fixed when written, not tuned (references/calibration.md 0.23)."""


class SourcesBefore(ReadWhenAsked[str]):
    """Each segment's ``SOURCE_BEFORE`` segments before it, their sources joined: made when asked
    for, a chunk at a time, so a long file's context is never held whole."""

    def __init__(self, segments: Sequence[Segment]) -> None:
        self.segments = segments

    def __len__(self) -> int:
        return len(self.segments)

    def _run(self, first: int, count: int) -> list[str]:
        start = max(0, first - SOURCE_BEFORE)
        sources = [s.source or "" for s in self.segments[start : first + count]]
        return [" ".join(sources[max(0, i - SOURCE_BEFORE) : i]) for i in range(first - start, len(sources))]


CHUNK_SEGMENTS = 125
"""Segments translated, probed and checked together here: large enough for full batches and both
workers, small enough that checking one chunk overlaps translating the next (bench/backends.py:
125, 250 and 500 take 24.2, 25.2 and 26.9 s on NTREX 1,000 lines)."""
AHEAD = 2
"""Chunks translated ahead of the one being checked. With one, the workers wait whenever checking a
chunk outlasts translating the next, and a core idles. Two, with the workers at a lower priority
(``embedded.WORKER_NICENESS``), took the NTREX en→pt check from 46.0–50.0 s to 41.3–45.0 s (four
rounds alternated; floor 22.9–24.6 s); two at the same priority, 47.9–48.0 s (the workers crowd
the check out); one at the lower priority, 44.6–46.0 s; four ahead, as two."""
TAIL_SEGMENTS = 24
"""The smallest piece the last chunk is halved into: enough for both translation workers."""


def chunks(
    segments: Sequence[Segment], before: Sequence[str], size: int, tail: int = 0
) -> Sequence[tuple[list[Segment], list[str]]]:
    """``segments`` in chunks of ``size``; with ``tail``, the last chunk halved again and again while
    its halves hold at least ``tail`` segments. The last chunk is checked with nothing translating
    beside it, so the smaller it is, the less of the check runs alone. Each chunk is taken from
    ``segments`` when asked for: a long file read as used stays on disk until then."""
    sizes = [size] * (len(segments) // size) + ([len(segments) % size] if len(segments) % size else [])
    while tail and sizes and sizes[-1] >= 2 * tail:
        last = sizes.pop()
        sizes += [last - last // 2, last // 2]
    return _Chunks(segments, before, sizes)


class _Chunks(Sequence[tuple[list[Segment], list[str]]]):
    def __init__(self, segments: Sequence[Segment], before: Sequence[str], sizes: list[int]) -> None:
        self.segments, self.before, self.sizes = segments, before, sizes
        self.starts = [0, *itertools.accumulate(sizes)][:-1]

    def __len__(self) -> int:
        return len(self.sizes)

    def __getitem__(self, k: int) -> tuple[list[Segment], list[str]]:  # type: ignore[override]
        start, end = self.starts[k], self.starts[k] + self.sizes[k]
        return list(self.segments[start:end]), list(self.before[start:end])


def overlapped(work: FileWork, parts: Sequence[tuple[list[Segment], list[str]]]) -> Iterator[list[SegmentResult]]:
    """Each chunk's results, the next ``AHEAD`` chunks translated (by the backend's workers) while
    this one is probed and checked here: the check's own work overlaps the translation it waits for."""
    ahead = _translating_thread()
    pending = deque(ahead.submit(work.prepare, *parts[k]) for k in range(min(AHEAD, len(parts))))
    for k in range(len(parts)):
        items = pending.popleft().result()
        if k + AHEAD < len(parts):
            pending.append(ahead.submit(work.prepare, *parts[k + AHEAD]))
        if not pending:  # the last chunk: nothing translates beside it, numpy may use every core
            yield work.run(items)
            continue
        # the workers have the cores: BLAS threads here would only spin against them
        with threadpool_limits(limits=1, user_api="blas"):
            yield work.run(items)


@functools.cache
def _translating_thread() -> ThreadPoolExecutor:
    """One thread a process that translates ahead: kept, so an engine the embedded backend binds to
    its thread (small batches translate in-process) loads once, not once a file or a request."""
    return ThreadPoolExecutor(max_workers=1, thread_name_prefix="tqcheck-translate")
