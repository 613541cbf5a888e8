"""Orchestration only: read → pair → language ID → translate → probe → check → report."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path

from tqcheck.cache import Progress
from tqcheck.config import Config
from tqcheck.engines import Sink, check_segments
from tqcheck.errors import BackendError, ReadError
from tqcheck.lang import base as base_language
from tqcheck.readers.base import STDIN, Document, files_under, find_source, path_matches, sample_text
from tqcheck.readers.lines import open_document
from tqcheck.records import BackendSignature, FileReport, InputError, LangGuess, Report, Segment
from tqcheck.text.align import pair_documents
from tqcheck.text.segment import bounded, leaves_open, sentences_of
from tqcheck.work import FileJob, FileWork, SourcesBefore, Workshop

PIVOT_FOR_ENGLISH = "pt"
"""Round trips go through English, and English text through Portuguese (the embedded pair)."""
UNDETERMINED = "und"
"""BCP 47's code for a language not told: that of a file with no unit to check and none declared."""


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
    """Check every translation file, and every file a reader knows under a folder named; unreadable
    files become errors in the report, not exceptions. With a ``sink``, results go to it as they
    come and the report's files hold no segments."""
    loaders = [
        (p, load)
        for p, load in _expanded(targets, languages.target)
        if not any(path_matches(p, g) for g in config.exclude)
    ]
    return check_documents(
        loaders, partial(open_document, source) if source is not None else None, languages, config, progress,
        lambda path: find_source(path, config.pairs), sink,
    )


def _expanded(targets: Sequence[str], target_lang: str | None) -> list[tuple[str, Loader]]:
    """Each target's loader; a folder's files in its place (a folder with none is an error of its own).
    ``target_lang``: the translation language asked for, which a memory of several languages holds."""
    found: list[tuple[str, Loader]] = []
    for target in targets:
        if target != STDIN and Path(target).is_dir():
            try:
                found += [(p, partial(open_document, p, target_lang)) for p in files_under(target)]
            except ReadError as exc:
                found.append((target, partial(_raise, exc)))
        else:
            found.append((target, partial(open_document, target, target_lang)))
    return found


def _raise(error: ReadError) -> Document:
    raise error


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
    run = _Run(Workshop(config, progress), sink)
    inactive = run.shop.inactive
    source_doc: Document | None = None
    if source is not None:
        try:
            source_doc = source()
        except ReadError as exc:
            return Report((), (InputError(exc.path, exc.reason, exc.line),), inactive, config.engine)
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
    return Report(tuple(files), tuple(errors), inactive, config.engine)


def _language(given: str | None, guess: Callable[[], LangGuess], path: str) -> str:
    """The language given by the user or the file, else the detected one (``guess`` runs only then)."""
    if given:
        return given
    detected = guess().lang
    if detected is None:
        raise ReadError(path, "cannot tell the document's language; give it with --source-lang/--target-lang")
    return detected


class _Run:
    """One run's files, checked one after the other by the run's workshop and engine."""

    def __init__(self, shop: Workshop, sink: Sink | None) -> None:
        self.shop, self.config, self.sink = shop, shop.config, sink

    def document(self, doc: Document, source_doc: Document | None, languages: Languages) -> FileReport:
        doc_guess = self.shop.detect(sample_text(u.target for u in doc.units))
        if not doc.units and (doc.bilingual or source_doc is None):  # all left out (untranslated, say)
            return FileReport(  # no language to tell, no model to load
                doc.path, doc.path if doc.bilingual else None,
                languages.source or doc.source_lang or (UNDETERMINED if doc.bilingual else None),
                languages.target or doc.target_lang or UNDETERMINED, BackendSignature.none(),
                "bilingual" if doc.bilingual else "monolingual", doc_guess, (), left_out=doc.left_out,
            )
        target_lang = _language(languages.target or doc.target_lang, lambda: doc_guess, doc.path)
        if not doc.bilingual and source_doc is None:
            return self._monolingual(doc, target_lang, doc_guess)
        if doc.bilingual:
            source_path, given, source_texts = doc.path, doc.source_lang, (u.source or "" for u in doc.units)
        else:
            assert source_doc is not None
            source_path, given = source_doc.path, source_doc.target_lang
            source_texts = (u.target for u in source_doc.units)
        detect = self.shop.detect
        source_lang = _language(languages.source or given, lambda: detect(sample_text(source_texts)), source_path)
        work = FileWork(FileJob(self.config, doc.path, source_lang, target_lang), self.shop)
        segments = pair_documents(doc, source_doc, source_lang, target_lang, work.to_target if work.forward_ok else None)
        return self._file(work, source_path, doc, doc_guess, segments, SourcesBefore(segments))

    def _monolingual(self, doc: Document, lang: str, doc_guess: LangGuess) -> FileReport:
        """No source: every sentence goes through a pivot language and back, and is compared with itself."""
        pivot = PIVOT_FOR_ENGLISH if base_language(lang) == "en" else "en"
        work = FileWork(FileJob(self.config, doc.path, None, lang, pivot), self.shop)
        sentences = sentences_of(doc.units, lang)
        segments = [bounded(Segment(i, s.line, s.text, None, s.key, s.notes)) for i, s in enumerate(sentences)]
        # the sentence before, when it is of the same unit, or a subtitle's cue that leaves it open
        before = [""] + [
            p.target if (p.line == s.line and p.key == s.key) or (doc.runs_on and leaves_open(p.target)) else ""
            for p, s in zip(segments, segments[1:])
        ]
        report = self._file(work, None, doc, doc_guess, segments, before)
        return replace(report, mode="monolingual", pivot_lang=pivot if work.translate else None)

    def _file(
        self, work: FileWork, source_path: str | None, doc: Document, guess: LangGuess, segments: Sequence[Segment],
        before: list[str],
    ) -> FileReport:
        kept = check_segments(work, segments, before, self.sink, self.shop.progress)
        job = work.job
        return FileReport(
            job.path, source_path, job.source_lang, job.target_lang, work.signature, "bilingual", guess,
            tuple(kept), None, work.coverage, doc.left_out,
        )
