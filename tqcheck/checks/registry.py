"""All checks, by code; validated once so a bad code or a missing example fails the tests."""

from __future__ import annotations

from collections.abc import Mapping

from tqcheck.checks.added_clause import AddedClause
from tqcheck.checks.added_content import AddedContent
from tqcheck.checks.added_sentence import AddedSentence
from tqcheck.checks.antonym_swap import AntonymSwap
from tqcheck.checks.awkward_phrasing import AwkwardPhrasing
from tqcheck.checks.backtranslation_divergence import BacktranslationDivergence
from tqcheck.checks.base import CODE_PATTERN, NAME_PATTERN, Check
from tqcheck.checks.dropped_clause import DroppedClause
from tqcheck.checks.entity_mismatch import EntityMismatch
from tqcheck.checks.fragment import Fragment
from tqcheck.checks.garbled import Garbled
from tqcheck.checks.markup_mismatch import MarkupMismatch
from tqcheck.checks.negation_mismatch import NegationMismatch
from tqcheck.checks.number_mismatch import NumberMismatch
from tqcheck.checks.omitted_content import OmittedContent
from tqcheck.checks.omitted_sentence import OmittedSentence
from tqcheck.checks.placeholder_mismatch import PlaceholderMismatch
from tqcheck.checks.repeated_words import RepeatedWords
from tqcheck.checks.scrambled import Scrambled
from tqcheck.checks.self_inversion import SelfInversion
from tqcheck.checks.unchecked_text import UncheckedText
from tqcheck.checks.unsupported_negation import UnsupportedNegation
from tqcheck.checks.untranslated import Untranslated
from tqcheck.checks.whitespace_punctuation import WhitespacePunctuation
from tqcheck.checks.word_order import WordOrder
from tqcheck.checks.wrong_language import WrongLanguage
from tqcheck.errors import ConfigError, did_you_mean

ALL_CHECKS: tuple[type[Check], ...] = (
    WrongLanguage,
    Untranslated,
    UncheckedText,
    OmittedSentence,
    AddedSentence,
    OmittedContent,
    AddedContent,
    DroppedClause,
    AddedClause,
    EntityMismatch,
    NumberMismatch,
    SelfInversion,
    NegationMismatch,
    AntonymSwap,
    UnsupportedNegation,
    BacktranslationDivergence,
    PlaceholderMismatch,
    MarkupMismatch,
    WhitespacePunctuation,
    RepeatedWords,
    Fragment,
    Garbled,
    WordOrder,
    Scrambled,
    AwkwardPhrasing,
)


def _validate(checks: tuple[type[Check], ...]) -> None:
    codes = [c.code for c in checks]
    names = [c.name for c in checks]
    for check in checks:
        if not CODE_PATTERN.match(check.code) or not NAME_PATTERN.match(check.name):
            raise AssertionError(f"{check.__name__}: bad code {check.code!r} or name {check.name!r}")
    if len(set(codes)) != len(codes) or len(set(names)) != len(names):
        raise AssertionError("check codes and names must be unique")


_validate(ALL_CHECKS)
BY_CODE: Mapping[str, type[Check]] = {c.code: c for c in ALL_CHECKS}
BY_NAME: Mapping[str, type[Check]] = {c.name: c for c in ALL_CHECKS}


def build_checks(options: Mapping[str, Mapping[str, float]] | None = None) -> list[Check]:
    """Instances of every check, with per-check options keyed by check name."""
    options = options or {}
    unknown = set(options) - set(BY_NAME)
    if unknown:
        names = sorted(unknown)
        raise ConfigError(f"unknown check(s) in configuration: {', '.join(names)}{did_you_mean(names[0], BY_NAME)}")
    return [cls(**options.get(cls.name, {})) for cls in ALL_CHECKS]


def lookup(code_or_name: str) -> type[Check]:
    key = code_or_name.strip()
    found = BY_CODE.get(key.upper()) or BY_NAME.get(key.lower())
    if found is None:
        raise ConfigError(f"no check called {code_or_name!r}{did_you_mean(key, [*BY_NAME, *BY_CODE])}")
    return found
