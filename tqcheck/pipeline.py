"""Orchestration only: read → pair → language ID → translate → probe → check → report."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import partial

from tqcheck import __version__, cache
from tqcheck.backends import get_backend, how_to_get
from tqcheck.cache import CachedBackend, MemoTranslator, Progress, ResultCache, TranslationCache
from tqcheck.checks.base import Capabilities, Check, Missing
from tqcheck.checks.registry import build_checks
from tqcheck.checks.runner import (
    CheckItem, CheckRunner, ModelProber, Prepare, Sink, bilingual_capabilities, fluency_reader,
)
from tqcheck.config import Config
from tqcheck.errors import BackendError, ReadError
from tqcheck.readers.base import Document, find_source, path_matches, read_document
from tqcheck.records import BackendSignature, FileReport, InactiveCheck, InputError, LangGuess, Report, Segment
from tqcheck.selection import Selector
from tqcheck.text.align import pair_documents
from tqcheck.text.langid import detector
from tqcheck.text.segment import bounded, sentences_of

PIVOT_FOR_ENGLISH = "pt"
"""Round trips go through English, and English text through Portuguese (the embedded pair)."""


@dataclass(frozen=True)
class Languages:
    source: str | None = None
    target: str | None = None


Loader = Callable[[], Document]
"""Reads (or parses) one input when called; a ReadError names it."""


def check_files(
    targets: Sequence[str],
    source: str | None = None,
    languages: Languages = Languages(),
    config: Config = Config(),
    progress: Progress | None = None,
    sink: Sink | None = None,
) -> Report:
    """Check every translation file; unreadable files become errors in the report, not exceptions.
    With a ``sink``, results go to it as they come and the report's files hold no segments."""
    loaders = [(p, partial(read_document, p)) for p in targets if not any(path_matches(p, g) for g in config.exclude)]
    return check_documents(
        loaders, partial(read_document, source) if source is not None else None, languages, config, progress,
        lambda path: find_source(path, config.pairs), sink,
    )


def check_documents(
    targets: Sequence[tuple[str, Loader]],
    source: Loader | None = None,
    languages: Languages = Languages(),
    config: Config = Config(),
    progress: Progress | None = None,
    find_source: Callable[[str], Document | None] = lambda _: None,
    sink: Sink | None = None,
) -> Report:
    """Check documents read from anywhere (files, a web form): ``check_files`` without the files."""
    reasons = {check: check.unavailable() for check in build_checks(config.check_options)}
    unavailable = {c: reason for c, reason in reasons.items() if reason is not None}
    inactive = tuple(InactiveCheck(c.code, c.name, reason) for c, reason in unavailable.items())
    run = _Run([c for c in reasons if c not in unavailable], unavailable, config, progress, sink)
    source_doc: Document | None = None
    if source is not None:
        try:
            source_doc = source()
        except ReadError as exc:
            return Report((), (InputError(exc.path, exc.reason, exc.line),), inactive)
    files: list[FileReport] = []
    errors: list[InputError] = []
    for name, load in targets:
        try:
            paired = source_doc if source is not None else find_source(name)
            files.append(run.document(load(), paired, languages))
        except ReadError as exc:
            errors.append(InputError(exc.path, exc.reason, exc.line))
        except BackendError as exc:
            errors.append(InputError(name, str(exc)))
    return Report(tuple(files), tuple(errors), inactive)


def _language(given: str | None, guess: Callable[[], LangGuess], path: str) -> str:
    """The language given by the user or the file, else the detected one (``guess`` runs only then)."""
    if given:
        return given
    detected = guess().lang
    if detected is None:
        raise ReadError(path, "cannot tell the document's language; give it with --source-lang/--target-lang")
    return detected


class _Run:
    """What the files of one run share: the checks, the caches and the project's selection."""

    def __init__(
        self, checks: list[Check], inactive: dict[Check, str], config: Config, progress: Progress | None, sink: Sink | None
    ):
        self.config, self.progress, self.sink = config, progress, sink
        self.detect = detector(config.language_detector)
        self.cache = TranslationCache() if config.cache else None
        selector = Selector.build(config.select, config.ignore, config.per_file_ignores, config.warn_unused_ignores)
        options = sorted((c.code, sorted(c.opts.items())) for c in checks)
        fingerprint = json.dumps([__version__, cache.code_digest(), config.language_detector, options])
        self.runner = CheckRunner(checks, inactive, self.detect, ResultCache(self.cache), selector, fingerprint)

    def _translator(self, directions: list[tuple[str, str]]) -> tuple[MemoTranslator | None, Missing | None]:
        """A translator for the file's directions, or why there is none (unless a model is required)."""
        config = self.config
        try:
            backend = get_backend(config.backend, directions, config.models, config.allow_download, config.generation)
        except BackendError as exc:
            if config.require_model:
                raise
            return None, Missing(str(exc).split(";")[0], how_to_get(*directions[0]))
        return MemoTranslator(CachedBackend(backend, self.cache) if self.cache else backend, self.progress), None

    def document(self, doc: Document, source_doc: Document | None, languages: Languages) -> FileReport:
        doc_guess = self.detect(" ".join(u.target for u in doc.units))
        target_lang = _language(languages.target or doc.target_lang, lambda: doc_guess, doc.path)
        if not doc.bilingual and source_doc is None:
            return self._monolingual(doc, target_lang, doc_guess)
        if doc.bilingual:
            source_path, source_texts, given = doc.path, [u.source or "" for u in doc.units], doc.source_lang
        else:
            assert source_doc is not None
            source_path, given = source_doc.path, source_doc.target_lang
            source_texts = [u.target for u in source_doc.units]
        source_lang = _language(languages.source or given, lambda: self.detect(" ".join(source_texts)), source_path)
        translate, missing = self._translator([(target_lang, source_lang), (source_lang, target_lang)])
        # Without a model for the forward direction, the checks that need it do not run on this file.
        forward_ok = translate is not None and translate.backend.supports(source_lang, target_lang)

        def to_target(texts: list[str], stage: str = "aligning sentences") -> list[str]:
            assert translate is not None
            return translate(texts, source_lang, target_lang, stage)

        paired = pair_documents(doc, source_doc, source_lang, target_lang, to_target if forward_ok else None)
        segments = [bounded(s) for s in paired]

        def prepare(start: int, chunk: list[Segment]) -> list[CheckItem]:
            checked = [(s.target, s.source or "") if s.unchecked is None else ("", "") for s in chunk]
            back = [""] * len(chunk)
            if translate is not None:
                back = translate([t for t, _ in checked], target_lang, source_lang, f"{doc.path}: back-translating")
            forward: list[str | None] = [None] * len(chunk)
            if forward_ok:
                forward = list(to_target([s for _, s in checked], f"{doc.path}: translating the source"))
            return [CheckItem(s, b, f, s.source or "", source_lang, target_lang) for s, b, f in zip(chunk, back, forward)]

        caps = bilingual_capabilities(source_lang, target_lang, translate and translate.backend, missing)
        scores = translate is not None and caps.scores is None
        prober = ModelProber(translate.backend, source_lang, target_lang, self.progress) if scores else None
        langs = (source_path, source_lang, target_lang)
        return self._file(doc.path, *langs, translate, doc_guess, segments, prepare, caps, prober)

    def _monolingual(self, doc: Document, lang: str, doc_guess: LangGuess) -> FileReport:
        """No source: every sentence goes through a pivot language and back, and is compared with itself."""
        pivot = PIVOT_FOR_ENGLISH if lang == "en" else "en"
        translate, missing = self._translator([(lang, pivot), (pivot, lang)])
        if translate is not None and not translate.backend.supports(pivot, lang):
            translate, missing = None, Missing(f"a round trip needs {pivot}→{lang} too", how_to_get(pivot, lang))
        sentences = sentences_of(doc.units, lang)
        segments = [bounded(Segment(i, s.line, s.text, None, s.key, s.notes)) for i, s in enumerate(sentences)]
        before = [""] + [p.target if p.line == s.line and p.key == s.key else "" for p, s in zip(segments, segments[1:])]

        def prepare(start: int, chunk: list[Segment]) -> list[CheckItem]:
            back = [""] * len(chunk)
            if translate is not None:
                there = translate([s.target if not s.unchecked else "" for s in chunk], lang, pivot, f"{lang}→{pivot}")
                back = translate(there, pivot, lang, f"{doc.path}: {pivot}→{lang}")
            return [CheckItem(s, b, None, s.target, None, lang, before[start + k]) for k, (s, b) in enumerate(zip(chunk, back))]

        caps = Capabilities(None, lang, missing, missing, missing)
        report = self._file(doc.path, None, None, lang, translate, doc_guess, segments, prepare, caps, None)
        return replace(report, mode="monolingual", pivot_lang=pivot if translate else None)

    def _file(
        self, path: str, source_path: str | None, source_lang: str | None, target_lang: str,
        translate: MemoTranslator | None, guess: LangGuess, segments: list[Segment], prepare: Prepare,
        caps: Capabilities, prober: ModelProber | None,
    ) -> FileReport:
        reader, caps = fluency_reader(self.config.fluency_model, caps)
        kept, coverage = self.runner.chunks(segments, prepare, path, caps, prober, reader, self.sink, self.progress)
        signature = translate.backend.signature if translate else BackendSignature.none()
        return FileReport(
            path, source_path, source_lang, target_lang, signature, "bilingual", guess, tuple(kept), None, coverage
        )
