"""Locale-aware extraction and matching of numbers, amounts, times and percentages.

A mention keeps every plausible reading: "1.500" is 1500 in Portuguese and 1.5 in English, so it
carries both, and two mentions match when their readings meet. A draft that kept the source's
separators, or switched to the target's, is never flagged for it. Translators convert units
("85 miles per hour" → "137 km/h"), so imperial amounts also carry approximate metric readings.
Number words ("três", "two") are often idiom ("os dois" = "both"), so a lone one is never reported;
it counts only when the other side has a different number in its place. Words that may stand for
a number without being one ("first", "segunda", "XIX", "a", a bare "bilião") are *soft*: they only
ever pair. Digits glued to letters count ("COP13" = "COP 13"; "SS19" may be 2019).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tqcheck.model import Span

_CARDINALS: dict[str, dict[str, int]] = {
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
# Soft words: ordinals and the many words for 1 (articles included: "um dos" = "one of").
_SOFT: dict[str, int] = {
    **dict.fromkeys("one a an single once first um uma primeiro primeira uno una un primer primera".split(), 1),
    **dict.fromkeys("second segundo segunda".split(), 2),
    **dict.fromkeys("third terceiro terceira tercero tercera".split(), 3),
    **dict.fromkeys("fourth quarto quarta cuarto cuarta".split(), 4),
    **dict.fromkeys("fifth quinto quinta".split(), 5),
    **dict.fromkeys("sixth sexto sexta".split(), 6),
    **dict.fromkeys("seventh sétimo sétima séptimo séptima".split(), 7),
    **dict.fromkeys("eighth oitavo oitava octavo octava".split(), 8),
    **dict.fromkeys("ninth nono nona noveno novena".split(), 9),
    **dict.fromkeys("tenth décimo décima".split(), 10),
    **dict.fromkeys("half metade meio mitad".split(), 0.5),
}
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50}

# Words that multiply the number before them ("13 mil", "2.5 billion").
_SCALES: dict[str, float] = {
    "thousand": 1e3, "thousands": 1e3, "mil": 1e3, "k": 1e3,
    "million": 1e6, "millions": 1e6, "milhão": 1e6, "milhões": 1e6, "millón": 1e6, "millones": 1e6,
    "m": 1e6, "mn": 1e6, "mln": 1e6,
    "billion": 1e9, "billions": 1e9, "bilhão": 1e9, "bilhões": 1e9, "bn": 1e9, "mil milhões": 1e9,
    "mil millones": 1e9,
    "trillion": 1e12, "trillions": 1e12, "trilhão": 1e12, "trilhões": 1e12, "bilião": 1e12, "biliões": 1e12,
}
# Imperial units and the metric reading a translator converts them to (temperature handled apart).
_UNITS: dict[str, float] = {
    "mile": 1.609, "miles": 1.609, "mph": 1.609, "inch": 25.4, "inches": 25.4, "foot": 0.3048,
    "feet": 0.3048, "ft": 0.3048, "yard": 0.9144, "yards": 0.9144, "pound": 0.4536, "pounds": 0.4536,
    "lb": 0.4536, "lbs": 0.4536, "ounce": 28.35, "ounces": 28.35, "oz": 28.35, "gallon": 3.785,
    "gallons": 3.785, "acre": 0.4047, "acres": 0.4047, "stone": 6.35,
}
# A scale word with no number before it is one of it ("mil milhões de dólares" = "$1 billion").
_BARE_SCALE = re.compile(
    r"\b(?:mil milhões|mil millones|thousand|million|billion|trillion|milhão|bilhão|bilião|trilhão|millón)\b",
    re.IGNORECASE,
)
_APPROX = 0.1  # converted amounts are rounded by translators: 200 miles → "300 km"

_NUMBER = re.compile(
    r"(?<![\d_.,])(?P<num>\d{1,3}(?:[.,\u00a0\u202f ]\d{3})+(?:[.,]\d+)?(?!\d)|\d+(?:[.,]\d+)?)"
    r"(?P<ord>st|nd|rd|th|º|ª|\.º|\.ª)?(?P<decade>'?s)?"
    r"(?P<pct>\s?%|\s?(?:per ?cent|percent|por cento|pontos percentuais|percentage points?))?",
    re.IGNORECASE,
)
_TIME = re.compile(
    r"(?<![\w.,])(?P<h>\d{1,2})(?:(?::|h)(?P<m>\d{2})|\.(?P<dm>\d{2})(?=\s?[ap]\.?m\b))(?!\d)", re.IGNORECASE
)
_YEAR_RANGE = re.compile(r"(?<!\d)(?P<century>\d{2})\d{2}[-–]$")
_SCALE_AFTER = re.compile(
    r"\s?(?P<scale>" + "|".join(sorted((re.escape(s) for s in _SCALES), key=len, reverse=True))
    + r")\b(?P<pct>\s?%|\s(?:per ?cent|percent|por cento))?",
    re.IGNORECASE,
)
# The unit may follow a range: "2 to 3 inches" converts both numbers.
_UNIT_AFTER = re.compile(
    r"(?:\s*(?:to|and|or|-|–)\s*\d+(?:[.,]\d+)?)?[\s-]?(?P<unit>"
    + "|".join(sorted(_UNITS, key=len, reverse=True))
    + r"|degrees?|°\s?F|ºF)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class NumberMention:
    text: str
    span: Span
    values: frozenset[float]
    percent: bool = False
    kind: str = "digits"  # "digits" | "word" | "soft"
    approx: frozenset[float] = frozenset()  # converted readings, matched within _APPROX

    def matches(self, other: NumberMention) -> bool:
        if any(_close(a, b) for a in self.values for b in other.values):
            return True
        return any(_near(a, b) for a in self.approx for b in other.values) or any(
            _near(a, b) for a in other.approx for b in self.values
        )


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def _near(a: float, b: float) -> bool:
    return abs(a - b) <= _APPROX * max(abs(a), abs(b)) + 0.5


def _readings(token: str) -> set[float]:
    """Every value a digit string can mean under either convention for '.' and ','."""
    token = re.sub(r"[\u00a0\u202f ]", "", token)
    seps = [c for c in token if c in ".,"]
    if not seps:
        return {float(token)}
    readings: set[float] = set()
    for group, decimal in ((",", "."), (".", ",")):
        head, _, tail = token.rpartition(decimal) if decimal in token else (token, "", "")
        parts = head.split(group)
        if any(not p.isdigit() for p in parts) or any(len(p) != 3 for p in parts[1:]):
            continue
        if tail and not tail.isdigit():
            continue
        readings.add(float("".join(parts) + ("." + tail if tail else "")))
    last = token.rpartition(seps[-1])[2]
    if len(seps) == 1 and len(last) == 3:
        readings.add(float(token.replace(seps[0], "")))
    return readings or {float(re.sub(r"[.,]", "", token))}


def _roman(word: str) -> int | None:
    if len(word) < 2 or any(c not in _ROMAN for c in word):
        return None
    total = 0
    for i, c in enumerate(word):
        value = _ROMAN[c]
        total += -value if i + 1 < len(word) and _ROMAN[word[i + 1]] > value else value
    return total


def _unit_readings(text: str, end: int, values: set[float]) -> set[float]:
    unit = _UNIT_AFTER.match(text, end)
    if not unit:
        return set()
    name = unit.group("unit").lower().replace(" ", "")
    if name in {"degree", "degrees", "°f", "ºf"}:  # Fahrenheit, as a temperature or as a difference
        return {(v - 32) * 5 / 9 for v in values} | {v * 5 / 9 for v in values}
    factor = _UNITS[name]
    # the metric unit a translator picks may be a tenth or a hundredth of ours: inches in mm or cm, feet in m or cm
    other = {"inch": 1 / 10, "inches": 1 / 10, "foot": 100, "feet": 100, "ft": 100}.get(name)
    return {v * factor for v in values} | ({v * factor * other for v in values} if other else set())


def extract_numbers(text: str, lang: str | None) -> list[NumberMention]:
    """Times, digit numbers (with scale words, units and percent signs), and number words of ``lang``."""
    mentions: list[NumberMention] = []
    for m in _TIME.finditer(text):
        hour, minute = int(m.group("h")), int(m.group("m") or m.group("dm"))
        hours = {hour, hour - 12} if hour > 12 else {hour}
        values = frozenset(h + minute / 100 for h in hours)
        mentions.append(NumberMention(m.group(), m.span(), values))
    taken = [n.span for n in mentions]
    for m in _NUMBER.finditer(text):
        if any(s <= m.start() < e for s, e in taken):
            continue
        values = _readings(m.group("num"))
        end = m.end()
        percent = bool(m.group("pct"))
        scale = None if percent else _SCALE_AFTER.match(text, end)
        if scale and not (scale.group("scale").lower() in {"m", "k", "bn", "mn"} and text[end : end + 1] == " "):
            word = scale.group("scale").lower()
            scaled = {v * _SCALES[word] for v in values}
            # "5m" may be metres and "5k" kilometres: keep the bare reading for the one-letter scales
            values = scaled | values if word in {"m", "k"} else scaled
            percent = bool(scale.group("pct"))
            end = scale.end()
        year_range = _YEAR_RANGE.search(text[: m.start()])
        if year_range and len(m.group("num")) == 2:
            values |= {float(year_range.group("century") + m.group("num"))}  # "1950-53" is 1950-1953
        if len(m.group("num")) == 2 and m.start() > 0 and text[m.start() - 1].isalpha():
            values |= {1900 + v for v in values} | {2000 + v for v in values}  # "SS19", "FY19": a year
        if m.group("decade"):
            values |= {v % 100 for v in values if v >= 1000}
        if m.group("num").isdigit() and end == m.end() and not m.group("ord"):
            values |= {v - 12 for v in values if 13 <= v <= 24}  # "13h" and "1 p.m." are the same hour
        approx = _unit_readings(text, end, values)
        mentions.append(
            NumberMention(text[m.start() : end], (m.start(), end), frozenset(values), percent, "digits", frozenset(approx))
        )
    taken = [n.span for n in mentions]
    cardinals = _CARDINALS.get(lang or "", {})
    for m in re.finditer(r"\b\w+\b", text):
        if any(s <= m.start() < e for s, e in taken):
            continue
        word = m.group()
        value: float | None = cardinals.get(word.lower())
        kind = "word"
        if value is None:
            value = _SOFT.get(word.lower()) or _roman(word)
            kind = "soft"
        if value is None:
            continue
        values = {float(value)}
        end = m.end()
        scale = _SCALE_AFTER.match(text, end)
        if scale and scale.group("scale").lower() not in {"m", "k", "bn", "mn"}:
            values = {value * _SCALES[scale.group("scale").lower()]}
            end = scale.end()
            kind = "word"  # "a million" is a number
        approx = _unit_readings(text, end, values)
        mentions.append(
            NumberMention(text[m.start() : end], (m.start(), end), frozenset(values), False, kind, frozenset(approx))
        )
    taken = [n.span for n in mentions]
    for m in _BARE_SCALE.finditer(text):
        if not any(s < m.end() and m.start() < e for s, e in taken):
            value = _SCALES[re.sub(r"\s+", " ", m.group().lower())]
            mentions.append(NumberMention(m.group(), m.span(), frozenset({value}), kind="soft"))
    mentions.sort(key=lambda n: n.span)
    return mentions


@dataclass(frozen=True)
class NumberDiff:
    changed: tuple[tuple[NumberMention, NumberMention], ...]  # (source, translation) in each other's place
    missing: tuple[NumberMention, ...]  # source numbers in digits the translation lacks
    extra: tuple[NumberMention, ...]  # translation numbers in digits the source lacks


def _pair(mentions: list[NumberMention], pool: list[NumberMention]) -> list[NumberMention]:
    """Remove from ``pool`` a partner for each mention; return the mentions left without one."""
    lonely = []
    for mention in mentions:
        partner = next((p for p in pool if mention.matches(p)), None)
        if partner is None:
            lonely.append(mention)
        else:
            pool.remove(partner)
    return lonely


_ARTICLES = frozenset("a an one um uma un una uno".split())


def _digits(mentions: list[NumberMention]) -> bool:
    return any(m.kind == "digits" for m in mentions)


def _soft(mentions: list[NumberMention], articles: bool) -> list[NumberMention]:
    return [m for m in mentions if m.kind == "soft" and (articles or m.text.lower() not in _ARTICLES)]


def compare_numbers(source: str, source_lang: str | None, target: str, target_lang: str | None) -> NumberDiff:
    """Pair the numbers of both sides, firm ones first; what stays unpaired differs."""
    src = extract_numbers(source, source_lang)
    tgt = extract_numbers(target, target_lang)
    unpaired_tgt = [m for m in tgt if m.kind != "soft"]
    unpaired_src = _pair([m for m in src if m.kind != "soft"], unpaired_tgt)
    # An article stands in for a lone "1" ("um dos" = "one of"), but not while its own side has a
    # number left over: "a 19 de Junho ... um entendimento" → "on June 1" changed the date.
    src_left, tgt_left = _digits(unpaired_src), _digits(unpaired_tgt)
    unpaired_src = _pair(unpaired_src, _soft(tgt, articles=not tgt_left))
    unpaired_tgt = _pair(unpaired_tgt, _soft(src, articles=not src_left))
    changed = []
    for kinds in (True, False):  # digits stand in for digits before a word stands in for them
        for src_m in list(unpaired_src):
            tgt_m = next((t for t in unpaired_tgt if not kinds or t.kind == src_m.kind), None)
            if tgt_m is not None:
                changed.append((src_m, tgt_m))
                unpaired_src.remove(src_m)
                unpaired_tgt.remove(tgt_m)
    changed.sort(key=lambda pair: pair[0].span)
    return NumberDiff(
        tuple(changed),
        tuple(m for m in unpaired_src if m.kind == "digits"),
        tuple(m for m in unpaired_tgt if m.kind == "digits"),
    )
