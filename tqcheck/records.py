"""Frozen dataclasses that cross stage boundaries: the only types every stage shares."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum


class Severity(str, Enum):
    """How bad a finding is; ``rank`` orders them for ``--fail-on``."""

    MINOR = "minor"
    MAJOR = "major"
    CRITICAL = "critical"

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self]


_SEVERITY_RANK = {Severity.MINOR: 1, Severity.MAJOR: 2, Severity.CRITICAL: 3}

Span = tuple[int, int]
"""Character offsets ``[start, end)`` into a segment's text."""


@dataclass(frozen=True)
class Finding:
    code: str
    name: str
    severity: Severity
    message: str
    target_span: Span | None = None
    source_span: Span | None = None
    evidence: Mapping[str, float] = field(default_factory=dict)  # the figures behind it: a probe's gains


@dataclass(frozen=True, slots=True)
class Segment:
    """One unit to check: a target text, and its source when the check is bilingual."""

    id: int
    line: int
    target: str
    source: str | None = None
    key: str | None = None  # the unit's id in its file format (msgid, XLIFF id, JSON path, cue)
    notes: tuple[str, ...] = ()  # translator comments, where inline suppressions live
    column: int | None = None  # 1-based column where ``target`` starts on its line, when known
    unchecked: str | None = None  # why the segment is not checked (out of bounds); None when it is


class ProbeKind(str, Enum):
    """Which piece of a segment a probe changes."""

    NEGATOR = "negator"
    SOURCE_NEGATOR = "source-negator"
    CLAUSE = "clause"
    ADDED = "added"
    ANTONYM = "antonym"
    GLOSSED_ANTONYM = "glossed-antonym"
    ORDER = "order"


@dataclass(frozen=True)
class Probe:
    """How the model's likelihood of a segment changes when one piece of it is changed.

    ``negator``: a word removed from the draft; ``gain`` is the change in log-likelihood (nats) of
    the draft as a translation of the source, and ``back_gain`` that of the source given the draft
    without the word. ``source-negator``: a negator removed from the source of a draft that denies
    nothing; the gains are the changes of the pair both ways. ``clause``: a clause removed from the source; ``gain`` is the change in
    log-likelihood of the draft given that shorter source, and ``back_gain`` the change in
    log-likelihood of the source given the draft, per word of the clause. ``added``: a piece
    removed from the draft; ``gain`` is the change of the draft without it as a translation of the
    source, ``back_gain`` that of the source given the draft without it. ``antonym``: an English
    word (in the draft, or in an English source) replaced by the antonym the other English text
    has; ``gain`` and ``back_gain`` are the changes of the pair both ways. ``glossed-antonym``: a
    word of a draft in another language replaced by the word of the machine translation of the
    source whose English sense is its antonym (``text.swaps.glossed_swaps``), or a word of an
    English draft replaced by the sense of a source word that is its antonym
    (``text.swaps.crossed_swaps``); gains as for ``antonym``. ``order``: two neighbouring words of
    a draft checked without its source exchanged, as its round trip has them; ``gain`` is the
    change in log-likelihood of the draft given its translation into the pivot language.
    ``back_gain`` is asked only when ``gain`` is above ``probes.BACK_MIN_GAIN``, else None.
    """

    kind: ProbeKind
    text: str
    span: Span  # in the source for a clause, a source negator and an antonym from English; else in the draft
    gain: float
    back_gain: float | None = None

    def agrees(self, least: float) -> bool:
        """Whether the model gains at least ``least`` nats both ways (the way back asked and answered)."""
        return self.gain >= least and self.back_gain is not None and self.back_gain >= least

    @property
    def evidence(self) -> dict[str, float]:
        """The gains as a finding reports them."""
        found = {"gain": self.gain}
        if self.back_gain is not None:
            found["back_gain_per_word" if self.kind is ProbeKind.CLAUSE else "back_gain"] = self.back_gain
        return found


@dataclass(frozen=True)
class Surprisal:
    """How unexpected a language model finds each token of a text: ``tokens`` holds each token's
    span in the text and its surprisal in nats (minus its log-probability given what precedes)."""

    tokens: tuple[tuple[Span, float], ...] = ()


@dataclass(frozen=True)
class JudgedSentence:
    """A sentence the judge of word order read: how many fluent sentences read as scrambled."""

    span: Span
    share: float  # the share of fluent sentences of its language that read as scrambled (small: scrambled)
    share_any: float  # the same among the fluent sentences of every language the judge was calibrated on


@dataclass(frozen=True)
class OrderReading:
    """The judge of word order's reading of the sentences of a text it was asked about."""

    sentences: tuple[JudgedSentence, ...] = ()


@dataclass(frozen=True)
class TaggedWord:
    """A word the slip tagger read: its span, and the share of held-out fluent sentences whose
    likeliest slip the tagger finds as likely as this word (small: a slip)."""

    span: Span
    share: float


@dataclass(frozen=True)
class SlipReading:
    """The slip tagger's reading of every word of a text, and where it offers one, a likelier
    reading of its likeliest slip: the span it replaces and the words it puts there."""

    words: tuple[TaggedWord, ...] = ()
    mended: tuple[Span, str] | None = None


@dataclass(frozen=True)
class LangGuess:
    lang: str | None
    score: float


@dataclass(frozen=True)
class Scores:
    chrf: float
    bleu: float
    ter: float


@dataclass(frozen=True)
class DiffOp:
    """One differing stretch between a reference text and its back-translation."""

    op: str  # "replace" | "delete" | "insert"
    reference_span: Span
    back_span: Span


@dataclass(frozen=True)
class GenerationOptions:
    """How the neural backends decode: batch size, beam width, output length and threads."""

    batch_size: int = 16
    beams: int = 4
    max_length: int = 256
    threads: int | None = None


@dataclass(frozen=True)
class BackendSignature:
    name: str
    model: str
    version: str

    @classmethod
    def none(cls) -> BackendSignature:
        """No model: the file was checked by the checks that need none."""
        return cls("none", "", "")

    def key(self) -> str:
        return f"{self.name}|{self.model}|{self.version}"


@dataclass(frozen=True)
class SegmentResult:
    segment: Segment
    back_translation: str
    scores: Scores | None  # None when the segment is not checked
    detected: LangGuess
    findings: tuple[Finding, ...] = ()
    diff: tuple[DiffOp, ...] = ()
    forward_translation: str | None = None

    @property
    def worst(self) -> Severity | None:
        return max((f.severity for f in self.findings), key=lambda s: s.rank, default=None)


@dataclass(frozen=True)
class CheckStatus:
    """Whether a check ran on a file; when it did not, why and what would make it run."""

    code: str
    name: str
    ran: bool
    reason: str | None = None
    enable: str | None = None


@dataclass(frozen=True)
class FileReport:
    path: str
    source_path: str | None
    source_lang: str | None
    target_lang: str
    backend: BackendSignature
    mode: str  # "bilingual" | "monolingual"
    detected_lang: LangGuess
    segments: tuple[SegmentResult, ...]
    pivot_lang: str | None = None
    coverage: tuple[CheckStatus, ...] = ()  # every check, run or not, and why not
    left_out: tuple[tuple[str, int], ...] = ()  # the file's units not for checking, counted by reason

    def left_out_count(self) -> int:
        return sum(count for _, count in self.left_out)

    def not_run(self) -> list[CheckStatus]:
        return [status for status in self.coverage if not status.ran]


@dataclass(frozen=True)
class InputError:
    """A file that could not be checked; reported, never fatal to the other files."""

    path: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class InactiveCheck:
    """A check that could not run on this machine (a missing resource), so its silence means nothing."""

    code: str
    name: str
    reason: str


@dataclass(frozen=True)
class Report:
    files: tuple[FileReport, ...]
    errors: tuple[InputError, ...] = field(default=())
    inactive_checks: tuple[InactiveCheck, ...] = field(default=())
    engine: str = "local"  # where the segments were checked: "local" or "ray"

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.files for s in f.segments for x in s.findings if x.severity is severity)

    def flagged(self) -> int:
        return sum(1 for f in self.files for s in f.segments if s.findings)

    def segment_count(self) -> int:
        return sum(len(f.segments) for f in self.files)

    def left_out_count(self) -> int:
        return sum(f.left_out_count() for f in self.files)

    def worst(self) -> Severity | None:
        return max(
            (s.worst for f in self.files for s in f.segments if s.worst is not None),
            key=lambda s: s.rank,
            default=None,
        )
