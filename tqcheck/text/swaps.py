"""Words of one text whose opposite another text has in their place, read in English.

A word of one whose WordNet antonym the other has in its place is a swap, or a lowered degree
against a comparative ("less cold" for "cooler"), read through WordNet's adjective clusters so
that "less costly" for "cheaper" is no opposite. The light verbs are left out ("given" for
"taking into account", "comes from" for "went from"), and ``model_only`` marks what paraphrase
trades freely: quantifiers ("more"/"less"), a word against its own negative form ("unofficial" for
"não-oficial", "hardly possible" for "quase impossível") and degrees; the antonym check reports
those only when the translation model agrees.

A text in another language is read through a dictionary's English senses of its words, against
another text in the same language (``glossed_swaps``), or an English text against its source
(``crossed_swaps``).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Collection, Iterator
from functools import cache
from typing import NamedTuple

from tqcheck import lang
from tqcheck.lang import Antonymy
from tqcheck.records import Span
from tqcheck.text.antonyms import Antonyms, english_antonymy, load_antonyms
from tqcheck.text.coverage import content_words, unmatched_words
from tqcheck.text.glossary import knows, senses
from tqcheck.text.negation import negations
from tqcheck.text.strings import WORD, same_opening

_LETTERS = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?")


class Swap(NamedTuple):
    """A word of one text whose antonym the other text has in its place."""

    word: str
    span: Span  # in the text
    opposite: str
    opposite_span: Span  # in the reference
    # one word is the other with a negative prefix ("impossible", "possible"), or a quantifier
    # ("more", "less"): paraphrase trades these, so only the model's agreement makes them a finding
    model_only: bool = False
    senses: tuple[str, str] = ()  # read through a dictionary: the English senses that are antonyms


def swaps(text: str, reference: str) -> Iterator[Swap]:
    """Each English word of ``text`` whose antonym ``reference`` has instead. Nothing when the two
    differ in plain negation ("unlikely" for "not likely" is a paraphrase)."""
    antonyms = load_antonyms()
    if antonyms is None or _plain_negations(text) != _plain_negations(reference):
        return
    english = english_antonymy()
    ours, theirs = _words(text, english), _words(reference, english)
    our_lowered, their_lowered = _lowered(text, antonyms), _lowered(reference, antonyms)
    their_lemmas = {lemma for word, _ in theirs for lemma in antonyms.lemmas(word)}
    our_lemmas = {lemma for word, _ in ours for lemma in antonyms.lemmas(word)}
    only_theirs = [(w, s) for w, s in theirs if not antonyms.lemmas(w) & our_lemmas]
    for word, span in ours:
        if antonyms.lemmas(word) & (their_lemmas | english.light_verbs):
            continue
        opposed = [o for o in only_theirs if antonyms.opposed(word, o[0])]
        opposite = next((o for o in opposed if not _negative_form(word, o[0])), next(iter(opposed), None))
        # "less strong" is "weaker": a lowered degree against the antonym says the same
        if opposite is None or (span[0] in our_lowered) != (opposite[1][0] in their_lowered):
            continue
        if not antonyms.lemmas(opposite[0]) & english.light_verbs:
            quantifiers = {word.lower(), opposite[0].lower()} & english.quantifiers
            yield Swap(word, span, *opposite, bool(quantifiers) or _negative_form(word, opposite[0]))
    yield from _degree_swaps(text, reference, our_lowered, their_lowered, antonyms)


def glossed_swaps(text: str, reference: str, code: str) -> Iterator[Swap]:
    """Each word of ``text``, in language ``code``, with an English sense that is the antonym of a
    sense of a word ``reference`` has and ``text`` lacks, or has fewer times ("depois", after,
    where the reference has "antes", before), read through the FreeDict dictionaries between the
    language and English. Two words that share a sense are no opposites; light verbs and function
    words other than quantifiers are no evidence (the dictionary renders both "deu" and "tomou" as
    give and take). The nearest such word of ``reference`` is the opposite, for the first
    occurrence of a word only. Model only: a word has many senses, and only the model can tell
    which one the sentence means."""
    if not knows(code):  # English has no dictionary into English: swaps() reads it
        return
    theirs = _sense_index(unmatched_words(reference, text), code)
    if theirs:
        yield from _opposed(unmatched_words(text, reference), theirs, text, reference, lambda word: senses(word, code))


def crossed_swaps(text: str, source: str, code: str, reference: str, asked: Collection[Span]) -> Iterator[Swap]:
    """Each word of an English ``text`` that the machine translation ``reference`` lacks and that
    is the WordNet antonym of an English sense of a word of its ``source`` (language ``code``) that
    ``text`` renders by none of its senses: "after" where the source says "antes" (before) and the
    translation words it otherwise ("previously"). The swap's opposite is that sense, to put in the
    text; its span is the source word's. Read as ``glossed_swaps`` reads, model only; a word at one
    of the spans ``asked`` (those ``swaps`` reads against the translation) is left out, so that each
    word is asked about once."""
    antonyms = load_antonyms()
    if antonyms is None or not knows(code):
        return
    said = {form for word in _LETTERS.findall(text) for form in antonyms.lemmas(word)}
    unsaid = [(m.group(), m.span()) for m in WORD.finditer(source) if not senses(m.group(), code) & said]
    theirs = _sense_index(unsaid, code)
    if theirs:
        words = [(word, span) for word, span in unmatched_words(text, reference) if span not in asked]
        for swap in _opposed(words, theirs, text, source, antonyms.lemmas):
            yield swap._replace(opposite=swap.senses[1])  # the sense, in English as the text is


def dictionary_swaps(
    draft: str, source: str, forward: str, codes: tuple[str, str], asked: Collection[Span]
) -> Iterator[Swap]:
    """Opposites read through a dictionary: an English draft against its source (``crossed_swaps``,
    leaving out the spans ``asked``), a draft in another language against the machine translation
    ``forward`` of its source (``glossed_swaps``). ``codes``: the source's and the draft's language."""
    if codes[1] == "en":
        return crossed_swaps(draft, source, codes[0], forward, asked)
    return glossed_swaps(draft, forward, codes[1])


_Sensed = dict[str, list[tuple[str, Span, str, frozenset[str]]]]


@cache
def _idle() -> frozenset[str]:
    """English senses that are no evidence: light verbs, and function words but quantifiers."""
    english = english_antonymy()
    return english.light_verbs | ((lang.get("en").stopwords or frozenset()) - english.quantifiers)


def _sense_index(words: list[tuple[str, Span]], code: str) -> _Sensed:
    """Each dictionary form of a telling English sense of ``words``, with the word, its span, the
    sense and all its senses: looked up by the antonyms of the other text's senses, so a long text
    costs no more than its words' senses."""
    antonyms, idle = load_antonyms(), _idle()
    index: _Sensed = defaultdict(list)
    if antonyms is None:
        return index
    for word, span in words:
        meant = senses(word, code)
        for sense in sorted(meant - idle):
            for form in antonyms.lemmas(sense):
                index[form].append((word, span, sense, meant))
    return index


def _opposed(
    words: list[tuple[str, Span]],
    theirs: _Sensed,
    text: str,
    other: str,
    meanings: Callable[[str], frozenset[str]],
) -> Iterator[Swap]:
    """The nearest word of ``other`` whose sense is an antonym of one of ``meanings`` of each of
    ``words`` (of ``text``), the two sharing no sense; each word asked once (each answer is a
    probe). The swap's senses are the two antonyms, the text's word's and the other's."""
    antonyms, idle, asked = load_antonyms(), _idle(), set()
    assert antonyms is not None
    for word, span in words:
        if word.lower() in asked:  # a word written many times is asked once
            continue
        asked.add(word.lower())
        ours = meanings(word)
        opposed: dict[Span, tuple[str, Span, tuple[str, str]]] = {}
        for sense in sorted(ours - idle):
            for opposite in sorted(antonyms.opposites(sense)):
                for their_word, at, their_sense, meant in theirs.get(opposite, ()):
                    if not ours & meant:
                        opposed.setdefault(at, (their_word, at, (sense, their_sense)))
        where = span[0] / max(len(text), 1)
        nearest = min(opposed.values(), key=lambda o: abs(o[1][0] / max(len(other), 1) - where), default=None)
        if nearest is not None:
            yield Swap(word, span, nearest[0], nearest[1], model_only=True, senses=nearest[2])


def _lowered(text: str, antonyms: Antonyms) -> dict[int, Span]:
    """The adjectives and adverbs of ``text`` that a diminisher lowers ("less cold"), by where the
    word starts, each with the span of the whole phrase."""
    english, words = english_antonymy(), _word_spans(text)
    return {
        start: (words[i - 1][1][0], end)
        for i, (word, (start, end)) in enumerate(words[1:], 1)
        if words[i - 1][0].lower() in english.diminishers
        and word.lower() not in english.quantifiers
        and antonyms.adjective(word)
    }


def _degree_swaps(
    text: str, reference: str, our_lowered: dict[int, Span], their_lowered: dict[int, Span], antonyms: Antonyms
) -> Iterator[Swap]:
    """A lowered degree in one text against a comparative of the same pole in the other: "less
    cold" for "colder" or "cooler". Model only: which comparative answers which phrase is a guess
    by position, and "less costly" for "cheaper" (opposite poles of one scale) says the same."""
    sides = ((text, reference, our_lowered, their_lowered, False), (reference, text, their_lowered, our_lowered, True))
    for lowering, other, lowered, lowered_there, flipped in sides:
        if not lowered:
            continue
        other_lowered = {antonyms.lemmas(other[start:end]) for start, (_, end) in lowered_there.items()}
        kept = {lemma for word, at in _word_spans(lowering) if at[0] not in lowered for lemma in antonyms.lemmas(word)}
        comparatives = [
            (word, span, base)
            for word, span in _word_spans(other)
            if (base := antonyms.comparative(word)) and not antonyms.lemmas(word) & kept
        ]
        for start, phrase in lowered.items():
            word = lowering[start : phrase[1]]
            if antonyms.lemmas(word) in other_lowered:
                continue
            where = start / max(len(lowering), 1)
            fitting = [c for c in comparatives if not antonyms.poles_apart(word, c[2])]
            nearest = min(fitting, key=lambda c: abs(c[1][0] / max(len(other), 1) - where), default=None)
            if nearest is None:
                continue
            said = lowering[slice(*phrase)]
            if flipped:
                yield Swap(nearest[0], nearest[1], said, phrase, model_only=True)
            else:
                yield Swap(said, phrase, nearest[0], nearest[1], model_only=True)


def _word_spans(text: str) -> list[tuple[str, Span]]:
    return [(m.group(), m.span()) for m in _LETTERS.finditer(text)]


def _words(text: str, english: Antonymy) -> list[tuple[str, Span]]:
    """The content words of ``text`` and its quantifiers ("more" is a function word), letters only."""
    return [(w, s) for w, s in content_words(text, "en", english.quantifiers) if w.isalpha()]


def _plain_negations(text: str) -> int:
    return sum(1 for cue in negations(text, "en") if cue.text.lower() in english_antonymy().plain_negators)


def _negative_form(a: str, b: str) -> bool:
    """Whether one word is the other with a negative prefix: "unbalanced"/"balance", "never"/"ever"."""
    for longer, shorter in ((a.lower(), b.lower()), (b.lower(), a.lower())):
        for prefix in english_antonymy().negative_prefixes:
            rest = longer[len(prefix) :].lstrip("-") if longer.startswith(prefix) else ""
            if len(rest) >= 3 and same_opening(rest, shorter, at_least=3, all_but=2):
                return True
    return False
