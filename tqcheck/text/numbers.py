"""Locale-aware extraction and matching of numbers, amounts and percentages.

A mention keeps every plausible reading: "1.500" is 1500 in Portuguese and 1.5 in English, so it
carries both, and two mentions match when their readings meet. That way a draft that kept the
source's separators, or switched to the target's, is never flagged for it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tqcheck.model import Span

_WORD_VALUES: dict[str, dict[str, int]] = {
    "en": {
        "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
        "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
        "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
        "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
        "dozen": 12, "twice": 2, "double": 2, "triple": 3, "thrice": 3,
    },
    "pt": {
        "dois": 2, "duas": 2, "três": 3, "quatro": 4, "cinco": 5, "seis": 6, "sete": 7, "oito": 8,
        "nove": 9, "dez": 10, "onze": 11, "doze": 12, "treze": 13, "catorze": 14, "quatorze": 14,
        "quinze": 15, "dezasseis": 16, "dezesseis": 16, "dezassete": 17, "dezessete": 17, "dezoito": 18,
        "dezanove": 19, "dezenove": 19, "vinte": 20, "trinta": 30, "quarenta": 40, "cinquenta": 50,
        "sessenta": 60, "setenta": 70, "oitenta": 80, "noventa": 90, "cem": 100, "cento": 100,
        "dúzia": 12, "dobro": 2, "duplo": 2, "triplo": 3,
    },
    "es": {
        "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8, "nueve": 9,
        "diez": 10, "once": 11, "doce": 12, "trece": 13, "catorce": 14, "quince": 15, "veinte": 20,
        "treinta": 30, "cuarenta": 40, "cincuenta": 50, "sesenta": 60, "setenta": 70, "ochenta": 80,
        "noventa": 90, "cien": 100, "ciento": 100, "docena": 12, "doble": 2, "triple": 3,
    },
}

# Words that multiply the number before them ("13 mil", "2.5 billion").
_SCALES: dict[str, float] = {
    "thousand": 1e3, "thousands": 1e3, "mil": 1e3, "k": 1e3,
    "million": 1e6, "millions": 1e6, "milhão": 1e6, "milhões": 1e6, "millón": 1e6, "millones": 1e6,
    "m": 1e6, "mn": 1e6, "mln": 1e6,
    "billion": 1e9, "billions": 1e9, "bilhão": 1e9, "bilhões": 1e9, "bn": 1e9, "mil milhões": 1e9,
    "mil millones": 1e9,
    "trillion": 1e12, "trillions": 1e12, "trilhão": 1e12, "trilhões": 1e12, "bilião": 1e12, "biliões": 1e12,
}

# Words that stand for 1: the digit 1 on one side may be any of them on the other.
ONE_WORDS = frozenset(
    "one a an single first once um uma primeiro primeira uno una un primer primera".split()
)

_NUMBER = re.compile(
    r"(?<![\w.,])(?P<num>\d+(?:[.,\u00a0\u202f]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)"
    r"(?P<ord>st|nd|rd|th|º|ª|\.º|\.ª)?(?P<decade>'?s)?"
    r"(?P<pct>\s?%|\s?(?:per ?cent|percent|por cento|pontos percentuais|percentage points?))?",
    re.IGNORECASE,
)
_SCALE_AFTER = re.compile(
    r"\s?(?P<scale>mil milhões|mil millones|" + "|".join(sorted((re.escape(s) for s in _SCALES), key=len, reverse=True))
    + r")\b(?P<pct>\s?%|\s(?:per ?cent|percent|por cento))?",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class NumberMention:
    text: str
    span: Span
    values: frozenset[float]
    percent: bool

    def matches(self, other: NumberMention) -> bool:
        return any(_close(a, b) for a in self.values for b in other.values)


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def _readings(token: str) -> set[float]:
    """Every value a digit string can mean under either convention for '.' and ','."""
    token = token.replace("\u00a0", "").replace("\u202f", "")
    seps = [c for c in token if c in ".,"]
    if not seps:
        return {float(token)}
    readings: set[float] = set()
    for group, decimal in ((",", "."), (".", ",")):
        head, _, tail = token.rpartition(decimal) if decimal in token else (token, "", "")
        if not head:
            head, tail = tail, ""
        parts = head.split(group)
        if any(not p.isdigit() for p in parts) or any(len(p) != 3 for p in parts[1:]):
            continue
        if tail and not tail.isdigit():
            continue
        readings.add(float("".join(parts) + ("." + tail if tail else "")))
    if len(seps) == 1 and token.rpartition(seps[0])[2].isdigit() and len(token.rpartition(seps[0])[2]) == 3:
        readings.add(float(token.replace(seps[0], "")))
    return readings or {float(re.sub(r"[.,]", "", token))}


def extract_numbers(text: str, lang: str | None) -> list[NumberMention]:
    """Digit numbers (with scale words and percent signs) and number words of ``lang``."""
    mentions: list[NumberMention] = []
    taken: list[Span] = []
    for m in _NUMBER.finditer(text):
        values = _readings(m.group("num"))
        end = m.end()
        percent = bool(m.group("pct"))
        scale = _SCALE_AFTER.match(text, end) if not percent else None
        if scale and not (scale.group("scale").lower() in {"m", "k", "bn", "mn"} and text[end:end + 1] == " "):
            word = scale.group("scale").lower()
            scaled = {v * _SCALES.get(word, 1e9) for v in values}
            # "5m" may be metres and "5k" kilometres: keep the bare reading for the one-letter scales
            values = scaled | values if word in {"m", "k"} else scaled
            percent = bool(scale.group("pct"))
            end = scale.end()
        if m.group("decade"):
            values |= {v % 100 for v in values if v >= 1000}
        if m.group("num").isdigit() and end == m.end() and not m.group("ord"):
            # "13h" and "1 p.m." are the same hour
            values |= {v - 12 for v in values if 13 <= v <= 24}
        mentions.append(NumberMention(text[m.start():end], (m.start(), end), frozenset(values), percent))
        taken.append((m.start(), end))
    words = _WORD_VALUES.get(lang or "", {})
    if words:
        for m in re.finditer(r"\b\w+\b", text):
            value = words.get(m.group().lower())
            if value is None or any(s <= m.start() < e for s, e in taken):
                continue
            values = {float(value)}
            end = m.end()
            scale = _SCALE_AFTER.match(text, end)
            if scale and scale.group("scale").lower() not in {"m", "k", "bn", "mn"}:
                values.add(value * _SCALES.get(scale.group("scale").lower(), 1e9))
                end = scale.end()
            mentions.append(NumberMention(text[m.start():end], (m.start(), end), frozenset(values), False))
    mentions.sort(key=lambda n: n.span)
    return mentions


@dataclass(frozen=True)
class NumberDiff:
    missing: tuple[NumberMention, ...]  # in the source, not in the translation
    extra: tuple[NumberMention, ...]  # in the translation, not in the source


def compare_numbers(source: str, source_lang: str | None, target: str, target_lang: str | None) -> NumberDiff:
    """Pair the numbers of both sides; what is left unpaired differs."""
    src = extract_numbers(source, source_lang)
    tgt = extract_numbers(target, target_lang)
    unmatched_tgt = list(tgt)
    missing = []
    for mention in src:
        partner = next((t for t in unmatched_tgt if mention.matches(t)), None)
        if partner is None:
            missing.append(mention)
        else:
            unmatched_tgt.remove(partner)
    src_words = {w.lower() for w in re.findall(r"\w+", source)}
    tgt_words = {w.lower() for w in re.findall(r"\w+", target)}
    # A lone 1 is often written as a word ("um", "a", "first") on the other side.
    missing = [m for m in missing if not (1.0 in m.values and tgt_words & ONE_WORDS)]
    extra = [t for t in unmatched_tgt if not (1.0 in t.values and src_words & ONE_WORDS)]
    return NumberDiff(tuple(missing), tuple(extra))
