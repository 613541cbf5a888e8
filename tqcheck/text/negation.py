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
    r"|falta|faltam|faltar|recus\w*|neg(?:a|am|ar|ou|aram)|em vez de|ao invés de",
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
