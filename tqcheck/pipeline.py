"""Orchestration only: read → segment/align → language ID → translate → probe → score → check → report."""

from __future__ import annotations

import glob as glob_module
import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from tqcheck.backends import get_backend
from tqcheck.backends.base import Backend
from tqcheck.cache import CachedBackend, TranslationCache
from tqcheck.checks.base import Check, CheckContext
from tqcheck.checks.registry import build_checks
from tqcheck.config import Config
from tqcheck.errors import BackendError, ReadError
from tqcheck import __version__
from tqcheck.model import (
    DiffOp,
    FileReport,
    Finding,
    InactiveCheck,
    InputError,
    LangGuess,
    Probe,
    Report,
    Scores,
    Segment,
    SegmentResult,
    Severity,
)
from tqcheck.probes import ProbeInput, probe
from tqcheck.readers.base import Document, read_document
from tqcheck.scoring import score, word_diff
from tqcheck.selection import Selector, matches
from tqcheck.text.align import align_sentences, pair_lines
from tqcheck.text.langid import detector
from tqcheck.text.segment import Sentence, sentences_of_lines, split_sentences

PIVOT_FOR_ENGLISH = "pt"
"""Round trips go through English, and English text through Portuguese (the embedded pair)."""

Progress = Callable[[str, int, int], None]
"""Called with a stage description, the texts done so far and the stage's total."""


@dataclass(frozen=True)
class Languages:
    source: str | None = None
    target: str | None = None


class _Translator:
    """Dedupes texts and remembers results for the run, so repeated sentences are translated once;
    sends the backend length-sorted chunks so progress can be reported as they finish."""

    CHUNK = 64

    def __init__(self, backend: Backend, progress: Progress | None = None) -> None:
        self.backend = backend
        self.progress = progress
        self._memo: dict[tuple[str, str, str], str] = {}

    def __call__(self, texts: Sequence[str], src: str, tgt: str, stage: str = "translating") -> list[str]:
        todo = sorted({t for t in texts if (src, tgt, t) not in self._memo}, key=len)
        for start in range(0, len(todo), self.CHUNK):
            chunk = todo[start : start + self.CHUNK]
            for text, out in zip(chunk, self.backend.translate(chunk, src, tgt)):
                self._memo[(src, tgt, text)] = out
            if self.progress:
                self.progress(stage, start + len(chunk), len(todo))
        return [self._memo[(src, tgt, t)] for t in texts]


def check_files(
    targets: Sequence[str],
    source: str | None = None,
    languages: Languages = Languages(),
    config: Config = Config(),
    progress: Progress | None = None,
) -> Report:
    """Check every translation file; unreadable files become errors in the report, not exceptions."""
    reasons = {check: check.unavailable() for check in build_checks(config.check_options)}
    inactive = tuple(InactiveCheck(c.code, c.name, reason) for c, reason in reasons.items() if reason is not None)
    checks = [c for c, reason in reasons.items() if reason is None]
    detect = detector(config.language_detector)
    cache = TranslationCache() if config.cache else None
    checker = _SegmentChecker(checks, detect, config, cache)
    files: list[FileReport] = []
    errors: list[InputError] = []
    source_doc: Document | None = None
    if source is not None:
        try:
            source_doc = read_document(source)
        except ReadError as exc:
            return Report((), (InputError(exc.path, exc.reason, exc.line),), inactive)
    for path in targets:
        if any(matches(path, glob) for glob in config.exclude):
            continue
        try:
            paired = source_doc if source is not None else _paired_source(path, config.pairs)
            files.append(_check_document(read_document(path), paired, languages, config, checker, cache, progress))
        except ReadError as exc:
            errors.append(InputError(exc.path, exc.reason, exc.line))
        except BackendError as exc:
            errors.append(InputError(path, str(exc)))
    return Report(tuple(files), tuple(errors), inactive)


def _paired_source(path: str, pairs: Sequence[tuple[str, str]]) -> Document | None:
    """The source of a one-language file, from the configured pairs: the file of the same name
    matching the pair's source glob ("locales/en/*.json" for "locales/pt/app.json")."""
    for source_glob, target_glob in pairs:
        if matches(path, target_glob) and not matches(path, source_glob):
            name = Path(path).name
            found = sorted(p for p in glob_module.glob(source_glob, recursive=True) if Path(p).name == name)
            if found:
                return read_document(found[0])
    return None


def _document_lang(given: str | None, guess: Callable[[], LangGuess], path: str) -> str:
    """The language given by the user or the file, else the detected one (``guess`` runs only then)."""
    if given:
        return given
    detected = guess().lang
    if detected is None:
        raise ReadError(path, "cannot tell the document's language; give it with --source-lang/--target-lang")
    return detected


def _pair_by_key(doc: Document, source_doc: Document) -> list[Segment]:
    """Units with the same key pair up; a key on one side only is an addition or an omission."""
    sources = {u.key: u for u in source_doc.units}
    segments = [
        Segment(i, u.line, u.target, sources[u.key].target if u.key in sources else "", u.key, u.notes)
        for i, u in enumerate(doc.units)
    ]
    keys = {u.key for u in doc.units}
    for unit in source_doc.units:
        if unit.key not in keys:
            segments.append(Segment(len(segments), unit.line, "", unit.target, unit.key))
    return segments


def _check_document(
    doc: Document,
    source_doc: Document | None,
    languages: Languages,
    config: Config,
    checker: _SegmentChecker,
    cache: TranslationCache | None,
    progress: Progress | None,
) -> FileReport:
    detect = checker.detect
    target_texts = [u.target for u in doc.units]
    doc_guess = detect(" ".join(target_texts))
    target_lang = _document_lang(languages.target or doc.target_lang, lambda: doc_guess, doc.path)
    if not doc.bilingual and source_doc is None:
        return _check_monolingual(doc, target_lang, doc_guess, config, checker, cache, progress)
    if doc.bilingual:
        source_path, source_texts, given = doc.path, [u.source or "" for u in doc.units], doc.source_lang
    else:
        assert source_doc is not None
        source_path, source_texts, given = source_doc.path, [u.target for u in source_doc.units], source_doc.target_lang
    source_lang = _document_lang(languages.source or given, lambda: detect(" ".join(source_texts)), source_path)
    translate = _Translator(_backend(config, [(target_lang, source_lang), (source_lang, target_lang)], cache), progress)
    forward_ok = translate.backend.supports(source_lang, target_lang)
    if doc.bilingual:
        segments = [Segment(i, u.line, u.target, u.source or "", u.key, u.notes) for i, u in enumerate(doc.units)]
    elif doc.keyed and source_doc is not None and source_doc.keyed:
        segments = _pair_by_key(doc, source_doc)
    elif len(source_texts) == len(target_texts):
        segments = pair_lines(source_texts, target_texts)
    else:
        source_sentences = sentences_of_lines(source_texts, source_lang)
        source_mt = None
        if forward_ok:
            source_mt = translate([s.text for s in source_sentences], source_lang, target_lang, "aligning sentences")
        segments = align_sentences(source_sentences, sentences_of_lines(target_texts, target_lang), source_mt)
    back = translate([s.target for s in segments], target_lang, source_lang, f"{doc.path}: back-translating")
    # Without a model for the forward direction, the checks that need it stay silent on this file.
    forward: list[str | None] = [None] * len(segments)
    prober: _Prober | None = None
    if forward_ok:
        forward = list(translate([s.source or "" for s in segments], source_lang, target_lang, f"{doc.path}: translating the source"))

        def run_probes(chosen: list[_Item]) -> list[tuple[Probe, ...]]:
            inputs = [ProbeInput(i.reference, i.segment.target, i.back, i.forward or "") for i in chosen]
            return probe(inputs, source_lang, target_lang, translate.backend, progress)

        prober = _Prober(run_probes, translate.backend.signature.key())

    items = [
        _Item(seg, b, fw, seg.source or "", source_lang, target_lang) for seg, b, fw in zip(segments, back, forward)
    ]
    results = checker(items, doc.path, prober)
    return FileReport(
        path=doc.path,
        source_path=source_path,
        source_lang=source_lang,
        target_lang=target_lang,
        backend=translate.backend.signature,
        mode="bilingual",
        detected_lang=doc_guess,
        segments=tuple(results),
    )


def _check_monolingual(
    doc: Document,
    lang: str,
    doc_guess: LangGuess,
    config: Config,
    checker: _SegmentChecker,
    cache: TranslationCache | None,
    progress: Progress | None,
) -> FileReport:
    """No source: every sentence goes through a pivot language and back, and is compared with itself."""
    pivot = PIVOT_FOR_ENGLISH if lang == "en" else "en"
    backend = _backend(config, [(lang, pivot), (pivot, lang)], cache)
    if not backend.supports(pivot, lang):
        raise BackendError(f"a round trip needs {pivot}→{lang} too; no model for it is available")
    translate = _Translator(backend)
    sentences = [
        (Sentence(text, unit.line), unit)
        for unit in doc.units
        if unit.target.strip()
        for text in split_sentences(unit.target, lang)
    ]
    segments = [Segment(i, s.line, s.text, None, unit.key, unit.notes) for i, (s, unit) in enumerate(sentences)]
    there = translate([s.target for s in segments], lang, pivot, f"{doc.path}: {lang}→{pivot}")
    back = translate(there, pivot, lang, f"{doc.path}: {pivot}→{lang}")
    results = checker([_Item(seg, b, None, seg.target, None, lang) for seg, b in zip(segments, back)], doc.path)
    return FileReport(
        path=doc.path,
        source_path=None,
        source_lang=None,
        target_lang=lang,
        backend=backend.signature,
        mode="monolingual",
        detected_lang=doc_guess,
        segments=tuple(results),
        pivot_lang=pivot,
    )


def _backend(config: Config, directions: list[tuple[str, str]], cache: TranslationCache | None) -> Backend:
    backend = get_backend(config.backend, directions, config.models, config.allow_download, config.generation)
    return CachedBackend(backend, cache) if cache else backend


@dataclass(frozen=True)
class _Item:
    """One segment with everything the checks will see."""

    segment: Segment
    back: str
    forward: str | None
    reference: str  # what the back-translation is compared with: the source, or the draft itself
    source_lang: str | None
    target_lang: str


@dataclass(frozen=True)
class _Prober:
    """Probes segments with the file's backend; ``model`` (its signature) keys the results they lead to."""

    run: Callable[[list[_Item]], list[tuple[Probe, ...]]]
    model: str


class _SegmentChecker:
    """Scores and checks segments; with a cache, an unchanged segment is looked up, not recomputed."""

    def __init__(
        self, checks: list[Check], detect: Callable[[str], LangGuess], config: Config, cache: TranslationCache | None
    ) -> None:
        self.checks = checks
        self.detect = detect
        self.cache = cache
        self.selector = Selector.build(config.select, config.ignore, config.per_file_ignores, config.warn_unused_ignores)
        options = sorted((c.code, sorted(c.opts.items())) for c in checks)
        self.fingerprint = json.dumps([__version__, config.language_detector, options])

    def __call__(self, items: list[_Item], path: str, prober: _Prober | None = None) -> list[SegmentResult]:
        """Results for ``items``, with the project's selection and inline suppressions applied."""
        return [
            replace(r, findings=self.selector.apply(r.findings, path, r.segment.notes))
            for r in self._results(items, prober)
        ]

    def _results(self, items: list[_Item], prober: _Prober | None) -> list[SegmentResult]:
        keys = [self._key(item, prober.model if prober else None) for item in items]
        known = self.cache.lookup("results", keys) if self.cache else {}
        # Probing is the costly step of checking: a segment whose result is cached is not probed.
        todo = [i for i, key in enumerate(keys) if key not in known]
        probed = prober.run([items[i] for i in todo]) if prober and todo else []
        probes = dict(zip(todo, probed))
        results, fresh = [], {}
        for i, (item, key) in enumerate(zip(items, keys)):
            if key in known:
                results.append(_result_from_json(item, known[key]))
                continue
            result = self._check(item, probes.get(i, ()))
            fresh[key] = _result_to_json(result)
            results.append(result)
        if self.cache and fresh:
            self.cache.store("results", fresh)
        return results

    def _key(self, item: _Item, prober: str | None) -> str:
        """Everything a result follows from: the probes are the prober's model run on these texts."""
        seg = item.segment
        inputs = [self.fingerprint, seg.source, seg.target, item.back, item.forward, item.reference]
        inputs += [item.source_lang, item.target_lang, prober]
        return hashlib.sha256(json.dumps(inputs, ensure_ascii=False).encode("utf-8")).hexdigest()

    def _check(self, item: _Item, probes: tuple[Probe, ...]) -> SegmentResult:
        segment = item.segment
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


def _result_to_json(result: SegmentResult) -> str:
    return json.dumps(
        {
            "scores": asdict(result.scores),
            "detected": asdict(result.detected),
            "findings": [{**asdict(f), "severity": f.severity.value} for f in result.findings],
            "diff": [asdict(d) for d in result.diff],
        },
        ensure_ascii=False,
    )


def _result_from_json(item: _Item, text: str) -> SegmentResult:
    data = json.loads(text)

    def span(value: list[int] | None) -> tuple[int, int] | None:
        return (value[0], value[1]) if value else None

    return SegmentResult(
        segment=item.segment,
        back_translation=item.back,
        scores=Scores(**data["scores"]),
        detected=LangGuess(**data["detected"]),
        findings=tuple(
            Finding(f["code"], f["name"], Severity(f["severity"]), f["message"], span(f["target_span"]), span(f["source_span"]))
            for f in data["findings"]
        ),
        diff=tuple(DiffOp(d["op"], (d["ref_span"][0], d["ref_span"][1]), (d["back_span"][0], d["back_span"][1])) for d in data["diff"]),
        forward_translation=item.forward,
    )
