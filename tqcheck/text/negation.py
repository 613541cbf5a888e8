"""Negation cues per language: words that flip a clause's polarity.

Besides the plain negators, each list holds the words translators use in their place
("unlikely" for "não é provável", "hardly", "lacking", "unless"), so a paraphrase keeps the count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tqcheck.model import Span

_CUES: dict[str, str] = {
    "en": r"not|n't|no|never|neither|nor|none|nobody|nothing|nowhere|without|cannot|no longer"
    r"|unlikely|hardly|barely|scarcely|seldom|rarely|unless|lacks?|lacking|lacked|fail(?:s|ed|ing)?|refus(?:e|es|ed|ing)"
    r"|den(?:y|ies|ied|ying)|absent|instead of|rather than",
    "pt": r"não|nunca|nem|nenhum|nenhuma|nenhuns|nenhumas|ninguém|nada|jamais|sem|tampouco"
    r"|improvável|improváveis|dificilmente|raramente|a menos que|exceto se|salvo se|carente|carentes"
    r"|falta|faltam|faltar|recus\w*|neg(?:a|am|ar|ou|aram)|em vez d(?:e|o|a|os|as)|ao invés d(?:e|o|a|os|as)",
    "es": r"no|nunca|ni|ningún|ninguno|ninguna|nadie|nada|jamás|sin|tampoco",
    "fr": r"ne|n'|pas|jamais|aucun|aucune|personne|rien|sans|ni",
    "de": r"nicht|kein|keine|keiner|keinen|keinem|nie|niemals|niemand|nichts|ohne|weder",
}


@dataclass(frozen=True)
class Cue:
    text: str
    span: Span


def negations(text: str, lang: str | None) -> list[Cue]:
    """Negation cues of ``text``; empty for a language without a list."""
    pattern = _CUES.get(lang or "")
    if not pattern:
        return []
    found = re.finditer(rf"(?<![\w'’])(?:{pattern})(?![\w])|n[’']t\b", text, re.IGNORECASE)
    return [Cue(m.group(), m.span()) for m in found]


def has_cues(lang: str | None) -> bool:
    return (lang or "") in _CUES


# Single words that negate on their own, so the sentence still reads without them.
_PLAIN = {"en": r"no longer|not|never|no|cannot|\w*n['’]t", "pt": r"não|nunca|jamais|nenhum|nenhuma"}
_WITHOUT_CONTRACTION = {"can't": "can", "cannot": "can", "won't": "will", "shan't": "shall", "ain't": "is"}
# Negations that do not deny the clause they stand in: "not only … but also", litotes ("no small
# part", "not unfounded"), fixed phrases ("not to mention", "para não dizer pior"), and Portuguese
# "não para de" (keeps on), "não deixa de" (does after all). Hyphenated compounds ("no-fly zone")
# never match the negator pattern.
_IDIOMS = {
    "en": r"not only|not just|not least|never mind|no doubt|no matter|no (?:small|little|mean)\b|not un\w+"
    r"|not to (?:mention|say)",
    "pt": r"não só|não apenas|não somente|não (?:para|pára|parou|param|deixa|deixou|deixam|deixar) de"
    r"|sem dúvida(?: nenhuma| alguma)?|dúvida nenhuma|para não (?:falar|dizer|mencionar)",
}


def _idioms(text: str, lang: str | None) -> list[Span]:
    pattern = _IDIOMS.get(lang or "")
    return [m.span() for m in re.finditer(rf"(?<!\w)(?:{pattern})", text, re.IGNORECASE)] if pattern else []


def _in_idiom(at: int, idioms: list[Span]) -> bool:
    return any(start <= at < end for start, end in idioms)


def denials(text: str, lang: str | None) -> list[Cue]:
    """The negation cues that deny something: those of ``negations`` outside the idioms ("não só")."""
    idioms = _idioms(text, lang)
    return [cue for cue in negations(text, lang) if not _in_idiom(cue.span[0], idioms)]


def removable_negators(text: str, lang: str | None) -> list[tuple[Cue, str]]:
    """Each single-word negator outside an idiom, with ``text`` as it reads without it
    ("don't" → "do", "can't" → "can")."""
    plain = _PLAIN.get(lang or "")
    if not plain:
        return []
    idioms = _idioms(text, lang)
    found = []
    for m in re.finditer(rf"(?<![\w'’-])(?:{plain})(?![\w-])", text, re.IGNORECASE):
        if _in_idiom(m.start(), idioms):
            continue
        word = m.group()
        lowered = word.lower().replace("’", "'")
        if lowered in _WITHOUT_CONTRACTION:
            kept = _WITHOUT_CONTRACTION[lowered]
            kept = kept.capitalize() if word[0].isupper() else kept
        elif lowered.endswith("n't"):
            kept = word[:-3]
        else:
            kept = ""
        without = (text[: m.start()] + kept + text[m.end() :]) if kept else _cut(text, m.start(), m.end())
        if m.start() == 0 and word[0].isupper():
            without = without[:1].upper() + without[1:]
        found.append((Cue(word, m.span()), without))
    return found


def _cut(text: str, start: int, end: int) -> str:
    """``text`` without [start, end) and one space next to it."""
    if end < len(text) and text[end] == " ":
        end += 1
    elif start > 0 and text[start - 1] == " ":
        start -= 1
    return text[:start] + text[end:]
