"""Negation cues: words that flip a clause's polarity, from each language's module."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from tqcheck import lang
from tqcheck.records import Span
from tqcheck.text.inflection import is_verb, past, third_person


@dataclass(frozen=True)
class Cue:
    text: str
    span: Span


@cache
def _pattern(code: str | None, item: str) -> re.Pattern[str] | None:
    negation = lang.get(code).negation
    alternation = getattr(negation, item) if negation else None
    if not alternation:
        return None
    if item == "cues":  # a cue ending in an apostrophe ("n'est") runs into the next word
        return re.compile(rf"(?<![\w'’])(?:{alternation})(?:(?<=['’])|(?![\w]))|n[’']t\b", re.IGNORECASE)
    if item == "plain":  # hyphenated compounds ("no-fly zone") are no negators
        return re.compile(rf"(?<![\w'’-])(?:{alternation})(?![\w-])", re.IGNORECASE)
    return re.compile(rf"(?<!\w)(?:{alternation})", re.IGNORECASE)


def negations(text: str, code: str | None) -> list[Cue]:
    """Negation cues of ``text``; empty for a language that declares none."""
    pattern = _pattern(code, "cues")
    return [Cue(m.group(), m.span()) for m in pattern.finditer(text)] if pattern else []


def has_cues(code: str | None) -> bool:
    return lang.get(code).negation is not None


def _idioms(text: str, code: str | None) -> list[Span]:
    pattern = _pattern(code, "idioms")
    return [m.span() for m in pattern.finditer(text)] if pattern else []


def _in_idiom(at: int, idioms: list[Span]) -> bool:
    return any(start <= at < end for start, end in idioms)


def denials(text: str, code: str | None) -> list[Cue]:
    """The negation cues that deny something: those of ``negations`` outside the idioms ("não só")."""
    idioms = _idioms(text, code)
    return [cue for cue in negations(text, code) if not _in_idiom(cue.span[0], idioms)]


def removable_negators(text: str, code: str | None) -> list[tuple[Cue, str]]:
    """Each single-word negator outside an idiom, with ``text`` as it reads without it
    ("don't" → "do", "can't" → "can"); with the auxiliary that only carried it too, where the
    language has one and the verb's form is known ("did not say" → "said", "Don't go" → "Go")."""
    pattern = _pattern(code, "plain")
    negation = lang.get(code).negation
    if pattern is None or negation is None:
        return []
    idioms = _idioms(text, code)
    found = []
    for m in pattern.finditer(text):
        if _in_idiom(m.start(), idioms):
            continue
        word = m.group()
        lowered = word.lower().replace("’", "'")
        if lowered in negation.contractions:
            kept = negation.contractions[lowered]
            kept = kept.capitalize() if word[0].isupper() else kept
        elif lowered.endswith("n't"):
            kept = word[:-3]
        else:
            kept = ""
        without = _unsupported(text, m, lowered, negation.auxiliaries)
        if without is None:
            without = (text[: m.start()] + kept + text[m.end() :]) if kept else _cut(text, m.start(), m.end())
            if m.start() == 0 and word[0].isupper():
                without = without[:1].upper() + without[1:]
        found.append((Cue(word, m.span()), without))
    return found


_NEXT_WORDS = re.compile(r" ([a-z]+ly )?([a-z]+)\b")
"""The verb after a negator, past one adverb in "-ly" ("did not immediately respond")."""


def _unsupported(text: str, negator: re.Match[str], word: str, auxiliaries: Mapping[str, str]) -> str | None:
    """``text`` without the negator (``word``, lower-cased) and the auxiliary that carries it, its
    verb in the form it then takes ("did not say" → "said"); None where there is no such auxiliary
    or the form is unknown."""
    if not auxiliaries:
        return None
    if word.endswith("n't"):
        start, auxiliary = negator.start(), word[:-3]
    else:
        before = re.search(r"(\w+) $", text[: negator.start()])
        if before is None:
            return None
        start, auxiliary = before.start(1), before.group(1).lower()
    form = auxiliaries.get(auxiliary)
    following = _NEXT_WORDS.match(text, negator.end())
    if form is None or following is None:
        return None
    verb = following.group(2)
    if not is_verb(verb):  # "Didn't you see?": the subject comes first in a question
        return None
    changed = verb if form == "base" else third_person(verb) if form == "third" else past(verb)
    if changed is None:
        return None
    rest = (following.group(1) or "") + changed
    if text[start].isupper():
        rest = rest[:1].upper() + rest[1:]
    return text[:start] + rest + text[following.end() :]


def _cut(text: str, start: int, end: int) -> str:
    """``text`` without [start, end) and one space next to it."""
    if end < len(text) and text[end] == " ":
        end += 1
    elif start > 0 and text[start - 1] == " ":
        start -= 1
    return text[:start] + text[end:]
