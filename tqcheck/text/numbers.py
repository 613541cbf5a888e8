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
from functools import cache

from tqcheck import lang
from tqcheck.lang import Numbers
from tqcheck.records import Span
from tqcheck.text.number_words import find as find_number_words
from tqcheck.text.strings import overlaps

_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50}
_APPROX = 0.1  # converted amounts are rounded by translators: 200 miles → "300 km"
_NO_NUMBERS = Numbers({}, {}, frozenset(), {}, (), ())
_ABBREVIATIONS = frozenset({"m", "k", "bn", "mn"})  # scale abbreviations: "5m", never "5 m"

_NUMBER = r"(?<![\d_.,])(?P<num>\d{1,3}(?:[.,\u00a0\u202f ]\d{3})+(?:[.,]\d+)?(?!\d)|\d+(?:[.,]\d+)?)"
_TIME = re.compile(
    r"(?<![\w.,])(?P<h>\d{1,2})(?:(?::|h)(?P<m>\d{2})|\.(?P<dm>\d{2})(?=\s?[ap]\.?m\b))(?!\d)", re.IGNORECASE
)
_YEAR_RANGE = re.compile(r"(?<!\d)(?P<century>\d{2})\d{2}[-–]$")


def _alternation(words: object) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))  # type: ignore[call-overload]


@dataclass(frozen=True)
class _Patterns:
    """The number patterns of one language: its percent, scale and unit words."""

    words: Numbers
    number: re.Pattern[str]
    scale_after: re.Pattern[str] | None
    unit_after: re.Pattern[str] | None
    bare_scale: re.Pattern[str] | None


@cache
def _patterns(code: str | None) -> _Patterns:
    words = lang.get(code).numbers or _NO_NUMBERS
    percent = rf"|\s?(?:{_alternation(words.percent)})" if words.percent else ""
    number = re.compile(
        _NUMBER + r"(?P<ord>st|nd|rd|th|º|ª|\.º|\.ª)?(?P<decade>'?s)?" + rf"(?P<pct>\s?%{percent})?", re.IGNORECASE
    )
    scale_after = unit_after = bare = None
    if words.scales:
        spaced = rf"|\s(?:{_alternation(words.percent)})" if words.percent else ""
        # a word must end where the scale word ends; an ideograph ("3万人") needs no such end
        cased = [w for w in words.scales if w[-1:].lower() != w[-1:].upper() or not w[-1:].isalpha()]
        uncased = [w for w in words.scales if w not in cased]
        alternatives = [f"(?:{_alternation(cased)})\\b"] if cased else []
        alternatives += [f"(?:{_alternation(uncased)})"] if uncased else []
        scale_after = re.compile(rf"\s?(?P<scale>{'|'.join(alternatives)})(?P<pct>\s?%{spaced})?", re.IGNORECASE)
    if words.units:
        # the unit may follow a range: "2 to 3 inches" converts both numbers
        unit_after = re.compile(
            r"(?:\s*(?:to|and|or|-|–)\s*\d+(?:[.,]\d+)?)?[\s-]?(?P<unit>"
            + _alternation(words.units)
            + r"|degrees?|°\s?F|ºF)\b",
            re.IGNORECASE,
        )
    if words.bare_scales:
        bare = re.compile(rf"\b(?:{_alternation(words.bare_scales)})\b", re.IGNORECASE)
    return _Patterns(words, number, scale_after, unit_after, bare)


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


def _unit_readings(patterns: _Patterns, text: str, end: int, values: set[float]) -> set[float]:
    unit = patterns.unit_after.match(text, end) if patterns.unit_after else None
    if not unit:
        return set()
    name = unit.group("unit").lower().replace(" ", "")
    if name in {"degree", "degrees", "°f", "ºf"}:  # Fahrenheit, as a temperature or as a difference
        return {(v - 32) * 5 / 9 for v in values} | {v * 5 / 9 for v in values}
    factor = patterns.words.units[name]
    # the metric unit a translator picks may be a tenth or a hundredth of ours: inches in mm or cm, feet in m or cm
    other = {"inch": 1 / 10, "inches": 1 / 10, "foot": 100, "feet": 100, "ft": 100}.get(name)
    return {v * factor for v in values} | ({v * factor * other for v in values} if other else set())


def extract_numbers(text: str, code: str | None) -> list[NumberMention]:
    """Times, digit numbers (with scale words, units and percent signs), and number words of the
    language ``code``; digits and percent signs only for a language that declares no number words."""
    patterns = _patterns(code)
    words = patterns.words
    mentions: list[NumberMention] = []
    for m in _TIME.finditer(text):
        hour, minute = int(m.group("h")), int(m.group("m") or m.group("dm"))
        hours = {hour, hour - 12} if hour > 12 else {hour}
        values = frozenset(h + minute / 100 for h in hours)
        mentions.append(NumberMention(m.group(), m.span(), values))
    taken = [n.span for n in mentions]
    for m in patterns.number.finditer(text):
        if any(s <= m.start() < e for s, e in taken):
            continue
        values = _readings(m.group("num"))
        end = m.end()
        percent = bool(m.group("pct"))
        scale = None if percent or not patterns.scale_after else patterns.scale_after.match(text, end)
        if scale and not (scale.group("scale").casefold() in _ABBREVIATIONS and text[end : end + 1] == " "):
            word = scale.group("scale").casefold()
            scaled = {v * words.scales[word] for v in values}
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
        approx = _unit_readings(patterns, text, end, values)
        mentions.append(
            NumberMention(text[m.start() : end], (m.start(), end), frozenset(values), percent, "digits", frozenset(approx))
        )
    taken = [n.span for n in mentions]
    if words.text2num:
        mentions += _compound_words(text, code, taken)
        taken = [n.span for n in mentions]
    for m in re.finditer(r"\b\w+\b", text):
        if any(s <= m.start() < e for s, e in taken):
            continue
        word = m.group()
        value: float | None = words.cardinals.get(word.lower())
        kind = "word"
        if value is None:
            value = words.soft.get(word.lower()) or _roman(word)
            kind = "soft"
        if value is None:
            continue
        values = {float(value)}
        end = m.end()
        scale = patterns.scale_after.match(text, end) if patterns.scale_after else None
        if scale and scale.group("scale").casefold() not in _ABBREVIATIONS:
            values = {value * words.scales[scale.group("scale").casefold()]}
            end = scale.end()
            kind = "word"  # "a million" is a number
        approx = _unit_readings(patterns, text, end, values)
        mentions.append(
            NumberMention(text[m.start() : end], (m.start(), end), frozenset(values), False, kind, frozenset(approx))
        )
    taken = [n.span for n in mentions]
    for m in patterns.bare_scale.finditer(text) if patterns.bare_scale else ():
        if not overlaps(m.span(), taken):
            value = words.scales[re.sub(r"\s+", " ", m.group().casefold())]
            mentions.append(NumberMention(m.group(), m.span(), frozenset({value}), kind="soft"))
    mentions.sort(key=lambda n: n.span)
    return mentions


def _compound_words(text: str, code: str | None, taken: list[Span]) -> list[NumberMention]:
    """Number words text2num reads as one number and the lists cannot (see ``number_words``)."""
    known = _patterns(code).words
    return [
        NumberMention(text[slice(*span)], span, frozenset({value}), kind="soft" if soft else "word")
        for span, value, soft in find_number_words(text, lang.base(code), taken, known)
    ]


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


def _digits(mentions: list[NumberMention]) -> bool:
    return any(m.kind == "digits" for m in mentions)


def _soft(mentions: list[NumberMention], code: str | None, articles: bool) -> list[NumberMention]:
    known = _patterns(code).words.articles
    return [m for m in mentions if m.kind == "soft" and (articles or m.text.lower() not in known)]


def compare_numbers(source: str, source_lang: str | None, target: str, target_lang: str | None) -> NumberDiff:
    """Pair the numbers of both sides, firm ones first; what stays unpaired differs."""
    src = extract_numbers(source, source_lang)
    tgt = extract_numbers(target, target_lang)
    unpaired_tgt = [m for m in tgt if m.kind != "soft"]
    unpaired_src = _pair([m for m in src if m.kind != "soft"], unpaired_tgt)
    # An article stands in for a lone "1" ("um dos" = "one of"), but not while its own side has a
    # number left over: "a 19 de Junho ... um entendimento" → "on June 1" changed the date.
    src_left, tgt_left = _digits(unpaired_src), _digits(unpaired_tgt)
    unpaired_src = _pair(unpaired_src, _soft(tgt, target_lang, articles=not tgt_left))
    unpaired_tgt = _pair(unpaired_tgt, _soft(src, source_lang, articles=not src_left))
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
