"""What a check is, and the read-only inputs it receives.

A check never calls a model: the pipeline hands it the back-translation, the optional forward
translation and the scores, so every check is tested on plain strings.
"""

from __future__ import annotations

import inspect
import math
import re
from abc import ABC, abstractmethod
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from enum import Enum
from typing import ClassVar

from tqcheck import lang
from tqcheck.errors import ConfigError, did_you_mean
from tqcheck.records import (
    Finding,
    LangGuess,
    OrderReading,
    Probe,
    ProbeKind,
    Scores,
    Severity,
    SlipReading,
    Span,
    Surprisal,
)
from tqcheck.text.coverage import length_ratio


@dataclass(frozen=True)
class Example:
    """A docstring example: a translation (with its source) the check must flag, or must pass.
    Bilingual examples translate Portuguese into English; monolingual ones are English unless
    they name their language."""

    bad: bool
    target: str
    source: str | None = None
    target_lang: str = "en"

    @property
    def source_lang(self) -> str | None:
        return "pt" if self.source is not None else None


_EXAMPLE = re.compile(
    r'^(?P<kind>Bad|Good): (?:source "(?P<source>.*)" — translation "(?P<translation>.*)"'
    r'|(?:\(target language (?P<lang>\w+)\) )?"(?P<text>.*)")$'
)


def _span_of(text: str, item: str) -> Span | None:
    at = text.find(item)
    return (at, at + len(item)) if at >= 0 else None


class Need(str, Enum):
    """What a check reads besides the draft; a file that lacks it does not run the check."""

    SOURCE = "source"
    BACK_TRANSLATION = "back-translation"
    FORWARD_TRANSLATION = "forward translation"
    SCORES = "model scores"
    NEGATION = "negation cues"
    STOPWORDS = "stopwords"
    RELATIONS = "relation words"
    CAPITALS = "capitals that mark names"
    ENGLISH = "an English side"
    LANGUAGE_MODEL = "a language model"
    ORDER_JUDGE = "a judge of word order"
    SLIP_TAGGER = "a tagger of slips"
    NO_SOURCE = "a draft checked without its source"


@dataclass(frozen=True)
class Missing:
    """Why a file lacks something a check needs, and what would give it."""

    reason: str
    enable: str | None = None


NO_LANGUAGE_MODEL = Missing(
    "no language model was asked for (opt-in)", "--fluency-model smollm2 (English), after pip install 'tqcheck[lm]'"
)

NO_ORDER_JUDGE = Missing("the word-order judge was not asked to read this file")

NO_SLIP_TAGGER = Missing("the slip tagger was not asked to read this file")


@dataclass(frozen=True)
class Capabilities:
    """What one file offers its checks: its languages, and which model outputs exist for it."""

    source_lang: str | None  # None without a source
    target_lang: str
    back_translation: Missing | None = None  # None: there is one
    forward_translation: Missing | None = None
    scores: Missing | None = None
    legs: int = 1  # the most models a translation of this file went through (a chain: es→pt→en is 2)
    fluency: Missing | None = NO_LANGUAGE_MODEL  # None: a language model reads the draft's language
    order: Missing | None = NO_ORDER_JUDGE  # None: the word-order judge reads the draft's language
    slips: Missing | None = NO_SLIP_TAGGER  # None: the slip tagger reads the draft's language

    def lacks(self, need: Need) -> Missing | None:
        langs = [code for code in (self.source_lang, self.target_lang) if code]
        if need is Need.SOURCE:
            return Missing("no source to compare with", "give the source with --source, or a bilingual file") if not self.source_lang else None
        if need is Need.BACK_TRANSLATION:
            return self.back_translation
        if need is Need.FORWARD_TRANSLATION:
            return self.forward_translation
        if need is Need.SCORES:
            return self.scores
        if need is Need.LANGUAGE_MODEL:
            return self.fluency
        if need is Need.ORDER_JUDGE:
            return self.order
        if need is Need.SLIP_TAGGER:
            return self.slips
        if need is Need.NO_SOURCE:  # given a source, the model's own choices are no guide to the draft's
            return Missing("it reads a draft checked without its source") if self.source_lang else None
        if need is Need.ENGLISH:
            return None if "en" in langs else Missing("it compares English words (WordNet is English); neither side is English")
        if need is Need.CAPITALS:
            uncased = [code for code in langs if not lang.get(code).capitalised_names]
            return Missing(f"capitals do not mark names in {', '.join(uncased)}") if uncased else None
        item = {Need.NEGATION: "negation", Need.STOPWORDS: "stopwords", Need.RELATIONS: "relations"}[need]
        wanting = [code for code in (langs if need is not Need.RELATIONS else [self.target_lang]) if getattr(lang.get(code), item) is None]
        if not wanting:
            return None
        where = ", ".join(f"tqcheck/lang/{code}.py" for code in wanting)
        return Missing(f"no {need.value} for {', '.join(wanting)}", f"add them to {where}")


CODE_PATTERN = re.compile(r"^TQ\d{3}$")
NAME_PATTERN = re.compile(r"^[a-z]+(?:-[a-z]+)*$")


@dataclass(frozen=True)
class CheckContext:
    """Everything a check may look at for one segment."""

    target: str
    target_lang: str
    back_translation: str
    scores: Scores | None  # None for a segment that is not checked
    detected: LangGuess
    source: str | None = None
    source_lang: str | None = None
    forward_translation: str | None = None  # the source machine-translated into the target language
    probes: tuple[Probe, ...] = ()  # the segment rescored with one piece changed (see tqcheck.probes)
    legs: int = 1  # models chained in the translations (two legs translate more loosely than one)
    unchecked: str | None = None  # why the segment is out of bounds and not checked (text.segment)
    preceding: str = ""  # the sentence before this one in its paragraph, when the draft was split into sentences
    source_before: str = ""  # the source of the segments before this one in its file, which its translator had read
    surprisal: Surprisal | None = None  # a language model's reading of the draft, when one was asked for
    order: OrderReading | None = None  # the word-order judge's reading of the draft's sentences
    slips: SlipReading | None = None  # the slip tagger's reading of the draft's words

    @property
    def bilingual(self) -> bool:
        return self.source is not None

    def probe(self, kind: ProbeKind, span: Span, least: float = -math.inf) -> Probe | None:
        """The probe of ``kind`` that changed the piece at ``span`` or a word holding it (a negation cue
        "n't" is probed as the word "wasn't" it ends; a name, as the clause holding it) and gained at
        least ``least`` nats, if the segment was so probed."""
        holding = (p for p in self.probes if p.kind is kind and p.span[0] <= span[0] and span[1] <= p.span[1])
        return next((p for p in holding if p.gain >= least), None)

    def length_ratios(self) -> tuple[float, float]:
        """The draft's length against the forward translation, and the back-translation's against the
        source: the two languages' views of a translation saying more or less. Needs both texts."""
        assert self.source is not None and self.forward_translation is not None
        return length_ratio(self.target, self.forward_translation), length_ratio(self.back_translation, self.source)


class Check(ABC):
    """One rule: a stable code, a kebab-case name, a default severity and documented options.

    The class docstring is the rule's documentation; it must hold a ``Bad:`` and a ``Good:`` example.
    """

    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity]
    needs: ClassVar[tuple[Need, ...]] = ()
    reads_unchecked: ClassVar[bool] = False  # runs on segments out of bounds (the others never see them)
    # An option named ``chain-<name>`` stands for ``<name>`` through a route of two models (see
    # ``opt``); ``chain-critical-words`` caps the check's critical findings there (checks.runner).
    options: ClassVar[Mapping[str, float]] = {}

    def __init__(self, **overrides: float) -> None:
        unknown = set(overrides) - set(self.options)
        if unknown:
            names = sorted(unknown)
            raise ConfigError(f"check {self.name} has no option {', '.join(names)}{did_you_mean(names[0], self.options)}")
        self.opts: dict[str, float] = {**self.options, **overrides}

    def opt(self, name: str, ctx: CheckContext) -> float:
        """Option ``name``, or its ``chain-`` counterpart through a route of two models, whose
        translations read more loosely, when the check has one."""
        chained = f"chain-{name}"
        return self.opts[chained] if ctx.legs > 1 and chained in self.opts else self.opts[name]

    def unavailable(self) -> str | None:
        """Why the check cannot run on this machine (a missing resource), or None when it can."""
        return None

    def not_run(self, caps: Capabilities) -> Missing | None:
        """Why the check does not run on a file with ``caps``, or None when it runs."""
        return next((missing for need in self.needs if (missing := caps.lacks(need)) is not None), None)

    @abstractmethod
    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        """Findings for one segment; nothing when it passes."""

    def finding(
        self,
        message: str,
        target_span: Span | None = None,
        source_span: Span | None = None,
        severity: Severity | None = None,
        evidence: Mapping[str, float] | None = None,
    ) -> Finding:
        return Finding(self.code, self.name, severity or self.severity, message, target_span, source_span, evidence or {})

    def report_differences(
        self, ctx: CheckContext, missing: list[str], extra: list[str], label: str = "{}", locate: bool = True
    ) -> Iterator[Finding]:
        """Findings for items of the source the translation lacks and items it adds; ``locate``
        gives each its span, found by searching the item in its text."""
        for item in missing:
            span = _span_of(ctx.source or "", item) if locate else None
            yield self.finding(f"{label.format(item)} of the source is missing", None, span)
        for item in extra:
            span = _span_of(ctx.target, item) if locate else None
            yield self.finding(f"{label.format(item)} is not in the source", span)

    @classmethod
    def doc(cls) -> str:
        return inspect.cleandoc(cls.__doc__ or "")

    @classmethod
    def examples(cls) -> list[Example]:
        """The docstring's ``Bad:`` and ``Good:`` examples."""
        found = []
        for line in cls.doc().splitlines():
            m = _EXAMPLE.match(line.strip())
            if m:
                target = m.group("translation") if m.group("source") is not None else m.group("text")
                found.append(Example(m.group("kind") == "Bad", target, m.group("source"), m.group("lang") or "en"))
        return found

    @classmethod
    def summary(cls) -> str:
        return cls.doc().splitlines()[0] if cls.doc() else ""
