"""English antonyms from the Princeton WordNet database files (Debian package ``wordnet-base``).

WordNet marks antonymy between words ("rise"/"fall", "increase"/"decrease", "open"/"close").
Only these direct pairs are used: the indirect antonyms of adjective satellites ("given" against
"taking") matched paraphrase far more often than errors. Inflected forms are reduced with
WordNet's own exception lists and suffix rules. The files are read once, lazily; without them the antonym check
reports itself inactive rather than silently passing.

WordNet leaves out many polarity pairs of news language ("increase"/"cut", "approve"/"veto",
"inspire"/"stifle"); the English module's short list of such general pairs is added to it.

``swaps`` finds the pairs in two texts: a word of one whose antonym the other has in its place.
It leaves out the light verbs ("given" for "taking into account", "comes from" for "went from"),
and marks as ``model_only`` what paraphrase trades freely: quantifiers ("more"/"less") and a word
against its own negative form ("unofficial" for "não-oficial", "hardly possible" for "quase
impossível"); the antonym check reports those only when the translation model agrees.
"""

from __future__ import annotations

import os
import re
from collections import defaultdict
from collections.abc import Iterator
from functools import cache, lru_cache
from pathlib import Path
from typing import NamedTuple

from tqcheck import lang
from tqcheck.lang import Antonymy
from tqcheck.records import Span
from tqcheck.text.coverage import content_words
from tqcheck.text.negation import negations
from tqcheck.text.strings import same_opening

_SEARCH = ("/usr/share/wordnet", "/usr/local/share/wordnet", "/usr/share/WordNet-3.0/dict")
_POS = {"noun": "n", "verb": "v", "adj": "a", "adv": "r"}
# WordNet's morphy detachment rules, by part of speech.
_SUFFIXES = {
    "n": (("s", ""), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"), ("men", "man"), ("ies", "y")),
    "v": (("s", ""), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", "")),
    "a": (("er", ""), ("est", ""), ("er", "e"), ("est", "e")),
    "r": (),
}


def wordnet_dir() -> Path | None:
    """The WordNet dictionary folder: $TQCHECK_WORDNET when set, else the usual system places."""
    chosen = os.environ.get("TQCHECK_WORDNET")
    for candidate in (chosen,) if chosen else _SEARCH:
        folder = Path(candidate)
        if (folder / "data.adj").is_file() and (folder / "index.verb").is_file():
            return folder
    return None


_WITH_ANTONYM = re.compile(r"^\d{8} [^\n|]* ! [^\n]*$", re.M)
"""A line of a data file whose pointers (before the gloss, after "|") hold an antonym."""


def synset_fields(line: str) -> list[str]:
    """The fields of a line of a WordNet data file, its gloss left out."""
    return line.split(" | ", 1)[0].split()


def synset_word(fields: list[str], number: int) -> str:
    """The ``number``-th word (from 1) of a data line's synset as written ("Kingdom_of_Denmark"),
    without its marker ("(a)")."""
    return fields[4 + 2 * (number - 1)].split("(")[0]


def synset_pointers(fields: list[str]) -> Iterator[tuple[str, int, str, int, int]]:
    """The pointers of a data line: symbol ("!" antonym, "\\" pertainym), the byte offset and part
    of speech of the synset pointed to, and the source and target word numbers (0: the whole
    synset)."""
    at = 4 + 2 * int(fields[3], 16)
    for i in range(int(fields[at])):
        symbol, offset, pos, words = fields[at + 1 + 4 * i : at + 5 + 4 * i]
        yield symbol, int(offset), pos, int(words[:2], 16), int(words[2:], 16)


class Antonyms:
    def __init__(self, folder: Path) -> None:
        self._lemmas: dict[str, set[str]] = {p: set() for p in _POS.values()}
        self._exceptions: dict[str, dict[str, str]] = {p: {} for p in _POS.values()}
        self._pairs: dict[str, set[str]] = defaultdict(set)
        for name, pos in _POS.items():
            for line in (folder / f"index.{name}").read_text(encoding="latin-1").splitlines():
                if line and not line.startswith(" "):
                    self._lemmas[pos].add(line.split(" ", 1)[0])
            exc = folder / f"{name}.exc"
            if exc.is_file():
                for line in exc.read_text(encoding="latin-1").splitlines():
                    parts = line.split()
                    if len(parts) >= 2:
                        self._exceptions[pos][parts[0]] = parts[1]
        self._read_pointers(folder)
        for word, opposites in _english().polarity_pairs:
            self._link({word}, set(opposites.split()))
        # every word of a pair meets every word of the other text: remember what each word may be
        self.lemmas = lru_cache(maxsize=65536)(self._readings)

    def _read_pointers(self, folder: Path) -> None:
        """The antonym pointers ("!") of the data files. Only the synsets that have one are parsed,
        and the synsets they point to are read at their offset, which WordNet gives in bytes."""
        data = {pos: (folder / f"data.{name}").read_text(encoding="latin-1") for name, pos in _POS.items()}
        for pos, text in data.items():
            for found in _WITH_ANTONYM.finditer(text):
                fields = synset_fields(found.group())
                for symbol, target, tpos, source_word, target_word in synset_pointers(fields):
                    if symbol != "!":
                        continue
                    line = data["a" if tpos == "s" else tpos]
                    pointed = synset_fields(line[target : line.index("\n", target)])
                    left = synset_word(fields, source_word).lower()
                    right = synset_word(pointed, target_word).lower()
                    self._link({left}, {right})

    def _link(self, left: set[str], right: set[str]) -> None:
        for a in left:
            self._pairs[a] |= right
        for b in right:
            self._pairs[b] |= left

    def _readings(self, word: str) -> frozenset[str]:
        """Every dictionary form ``word`` may be an inflection of."""
        word = word.lower()
        found = set()
        for pos, known in self._lemmas.items():
            if word in known:
                found.add(word)
            if word in self._exceptions[pos]:
                found.add(self._exceptions[pos][word])
            for suffix, ending in _SUFFIXES[pos]:
                if word.endswith(suffix) and (base := word[: len(word) - len(suffix)] + ending) in known:
                    found.add(base)
        return frozenset(found or {word})

    def opposites(self, word: str) -> set[str]:
        """The direct antonyms of every dictionary form ``word`` may be."""
        return {o for lemma in self.lemmas(word) for o in self._pairs.get(lemma, ())}

    def opposed(self, a: str, b: str) -> bool:
        """Whether some reading of ``a`` is a WordNet antonym of some reading of ``b``."""
        right = self.lemmas(b)
        return any(self._pairs.get(x, set()) & right for x in self.lemmas(a))


@cache
def load_antonyms() -> Antonyms | None:
    folder = wordnet_dir()
    return Antonyms(folder) if folder else None


def _english() -> Antonymy:
    knowledge = lang.get("en").antonymy
    assert knowledge is not None, "the English module declares what antonymy paraphrase trades"
    return knowledge


class Swap(NamedTuple):
    """A word of one text whose antonym the other text has in its place."""

    word: str
    span: Span  # in the text
    opposite: str
    opposite_span: Span  # in the reference
    # one word is the other with a negative prefix ("impossible", "possible"), or a quantifier
    # ("more", "less"): paraphrase trades these, so only the model's agreement makes them a finding
    model_only: bool = False


def swaps(text: str, reference: str) -> Iterator[Swap]:
    """Each English word of ``text`` whose antonym ``reference`` has instead. Nothing when the two
    differ in plain negation ("unlikely" for "not likely" is a paraphrase)."""
    antonyms = load_antonyms()
    if antonyms is None or _plain_negations(text) != _plain_negations(reference):
        return
    english = _english()
    ours, theirs = _words(text, english), _words(reference, english)
    their_lemmas = {lemma for word, _ in theirs for lemma in antonyms.lemmas(word)}
    our_lemmas = {lemma for word, _ in ours for lemma in antonyms.lemmas(word)}
    only_theirs = [(w, s) for w, s in theirs if not antonyms.lemmas(w) & our_lemmas]
    for word, span in ours:
        if antonyms.lemmas(word) & (their_lemmas | english.light_verbs):
            continue
        opposed = [o for o in only_theirs if antonyms.opposed(word, o[0])]
        opposite = next((o for o in opposed if not _negative_form(word, o[0])), next(iter(opposed), None))
        if opposite is not None and not antonyms.lemmas(opposite[0]) & english.light_verbs:
            quantifiers = {word.lower(), opposite[0].lower()} & english.quantifiers
            yield Swap(word, span, *opposite, bool(quantifiers) or _negative_form(word, opposite[0]))


def _words(text: str, english: Antonymy) -> list[tuple[str, Span]]:
    """The content words of ``text`` and its quantifiers ("more" is a function word), letters only."""
    return [(w, s) for w, s in content_words(text, "en", english.quantifiers) if w.isalpha()]


def _plain_negations(text: str) -> int:
    return sum(1 for cue in negations(text, "en") if cue.text.lower() in _english().plain_negators)


def _negative_form(a: str, b: str) -> bool:
    """Whether one word is the other with a negative prefix: "unbalanced"/"balance", "never"/"ever"."""
    for longer, shorter in ((a.lower(), b.lower()), (b.lower(), a.lower())):
        for prefix in _english().negative_prefixes:
            rest = longer[len(prefix) :].lstrip("-") if longer.startswith(prefix) else ""
            if len(rest) >= 3 and same_opening(rest, shorter, at_least=3, all_but=2):
                return True
    return False
