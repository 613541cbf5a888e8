from __future__ import annotations

import re
from collections.abc import Iterator

from tqcheck import lang
from tqcheck.checks.base import Check, CheckContext, Need
from tqcheck.records import Finding, Severity
from tqcheck.text.entities import Name, find_names, name_in

_PUNCTUATION_BREAK = re.compile(r"[,;:.!?()\"“”«»—–]")
_NEXT = re.compile(r"\s*([\w'’]*)")  # the word after a name, or "" before punctuation or the end


def _possessive(text: str, name: Name) -> bool:
    return text[name.span[1] : name.span[1] + 1] in {"'", "’"}


def _transitive(text: str, first: Name, second: Name, words: list[str], relations: frozenset[str]) -> str | None:
    """The verb between subject and object, when one name is both: "Russia accused Russia of",
    "Brazil beat Brazil 2-1". One to three words apart, the first no possessive ("Germany's chancellor
    said Germany"), and the second ends its clause or takes a preposition or a number; a second
    name followed by a verb is the subject of a reported clause ("Russia said Russia would")."""
    if not 1 <= len(words) <= 3 or _possessive(text, first) or _possessive(text, second):
        return None
    after = _NEXT.match(text, second.span[1])
    following = after.group(1) if after else ""
    if following and not following[0].isdigit() and following.lower() not in relations:
        return None
    return words[0]


class SelfInversion(Check):
    """One entity stands on both sides of a relation in one sentence, so the sentence says the opposite.

    Typical of a machine translation that put the subject where the object belonged. Needs no source:
    with a source, it fires only when the source does not repeat the name as often.

    Bad: "NATO considers Kaliningrad in danger from NATO, Russians"
    Good: "Russia considers Kaliningrad in danger from NATO"
    Bad: "Macron's statements about Macron sending NATO troops to Ukraine"
    Good: "Macron's statements about sending NATO troops to Ukraine"
    """

    code = "TQ401"
    name = "self-inversion"
    severity = Severity.CRITICAL
    needs = (Need.RELATIONS, Need.CAPITALS)
    options = {"max-gap-words": 8}

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        knowledge = lang.get(ctx.target_lang)
        relations, joiners = knowledge.relations, knowledge.clause_joiners
        if relations is None or joiners is None:  # a language whose relation words are unknown
            return
        names = find_names(ctx.target, ctx.target_lang)
        reported: set[str] = set()
        for i, first in enumerate(names):
            for second in names[i + 1 :]:
                if first.key != second.key or first.key in reported:
                    continue
                between = ctx.target[first.span[1] : second.span[0]]
                words = re.findall(r"[\w'’]+", between)
                if len(words) > self.opts["max-gap-words"] or _PUNCTUATION_BREAK.search(between):
                    continue
                if any(w.lower() in joiners for w in words):  # two clauses: "NATO warned that NATO troops"
                    continue
                if _possessive(ctx.target, first) and _possessive(ctx.target, second):
                    continue  # both own what stands in the roles: "China's exports to China's neighbours"
                relation = next((w for w in words if w.lower() in relations), None)
                if relation is None:
                    relation = _transitive(ctx.target, first, second, words, relations)
                if relation is None:
                    continue
                repeats = sum(1 for n in names if n.key == first.key)
                if ctx.source is not None and self._source_repeats(ctx.source, ctx.source_lang, first.text, repeats):
                    continue
                reported.add(first.key)
                yield self.finding(
                    f"{second.text} stands on both sides of '{relation}': the sentence relates "
                    f"{first.text} to itself, so one of the two is probably the wrong party",
                    (first.span[0], second.span[1]),
                )

    @staticmethod
    def _source_repeats(source: str, source_lang: str | None, name: str, count: int) -> bool:
        """The source has the name (or, for translated names, some name) as often as the target."""
        source_names = find_names(source, source_lang)
        if name_in(name, source):
            return sum(1 for n in source_names if name_in(name, n.text)) >= count
        keys = [n.key for n in source_names]
        return any(keys.count(k) >= count for k in keys)
