"""English antonyms from the Princeton WordNet database files (Debian package ``wordnet-base``).

WordNet marks antonymy between words ("rise"/"fall", "increase"/"decrease", "open"/"close").
Only these direct pairs are used: the indirect antonyms of adjective satellites ("given" against
"taking") matched paraphrase far more often than errors. Inflected forms are reduced with
WordNet's own exception lists and suffix rules. The files are read once, lazily; without them the antonym check
reports itself inactive rather than silently passing.

WordNet leaves out many polarity pairs of news language ("increase"/"cut", "approve"/"veto",
"inspire"/"stifle"); the English module's short list of such general pairs is added to it.

WordNet's adjective clusters tell which words lie at one pole of a scale ("costly" is filed under
"expensive"), and its exception lists which word is a comparative ("worse" of "bad"):
``text.swaps`` reads degrees through them.
"""

from __future__ import annotations

import os
import re
from collections import defaultdict
from collections.abc import Iterator
from functools import cache, lru_cache
from pathlib import Path

from tqcheck import lang
from tqcheck.lang import Antonymy

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
_PERTAINYM = re.compile(r"^\d{8} [^\n|]* \\ [^\n]*$", re.M)
"""A line of data.adv that points to the adjective its adverb derives from."""
_SATELLITE = re.compile(r"^\d{8} \d\d s [^\n]*$", re.M)
"""A line of data.adj that is an adjective satellite, filed under a head by a "&" pointer."""


def synset_fields(line: str) -> list[str]:
    """The fields of a line of a WordNet data file, its gloss left out."""
    return line.split(" | ", 1)[0].split()


def synset_word(fields: list[str], number: int) -> str:
    """The ``number``-th word (from 1) of a data line's synset as written ("Kingdom_of_Denmark"),
    without its marker ("(a)")."""
    return fields[4 + 2 * (number - 1)].split("(")[0]


def synset_at(text: str, offset: int) -> list[str]:
    """The fields of the synset a pointer names: its line starts at that byte offset of its file."""
    return synset_fields(text[offset : text.index("\n", offset)])


def synset_words(fields: list[str]) -> set[str]:
    """Every word of a data line's synset, lower-cased."""
    return {synset_word(fields, n).lower() for n in range(1, int(fields[3], 16) + 1)}


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
        self._forms: dict[str, set[str]] | None = None  # a verb's irregular forms, when WordNet lists them
        self._pairs: dict[str, set[str]] = defaultdict(set)
        for name, pos in _POS.items():
            for line in (folder / f"index.{name}").read_text(encoding="latin-1").splitlines():
                if line and not line.startswith(" "):
                    self._lemmas[pos].add(line.split(" ", 1)[0])
            exc = folder / f"{name}.exc"
            if exc.is_file():
                forms: dict[str, set[str]] | None = defaultdict(set) if pos == "v" else None
                for line in exc.read_text(encoding="latin-1").splitlines():
                    parts = line.split()
                    if len(parts) >= 2:
                        self._exceptions[pos][parts[0]] = parts[1]
                        for base in parts[1:] if forms is not None else ():
                            forms[base].add(parts[0])
                if forms is not None:
                    self._forms = forms
        data = {pos: (folder / f"data.{name}").read_text(encoding="latin-1") for name, pos in _POS.items()}
        self._read_pointers(data)
        self._heads = self._read_clusters(data["a"], data["r"])
        for word, opposites in english_antonymy().polarity_pairs:
            self._link({word}, set(opposites.split()))
        # every word of a pair meets every word of the other text: remember what each word may be
        self.lemmas = lru_cache(maxsize=65536)(self._readings)

    def _read_pointers(self, data: dict[str, str]) -> None:
        """The antonym pointers ("!") of the data files. Only the synsets that have one are parsed,
        and the synsets they point to are read at their offset, which WordNet gives in bytes."""
        for pos, text in data.items():
            for found in _WITH_ANTONYM.finditer(text):
                fields = synset_fields(found.group())
                for symbol, target, tpos, source_word, target_word in synset_pointers(fields):
                    if symbol != "!":
                        continue
                    pointed = synset_at(data["a" if tpos == "s" else tpos], target)
                    left = synset_word(fields, source_word).lower()
                    right = synset_word(pointed, target_word).lower()
                    self._link({left}, {right})

    @staticmethod
    def _read_clusters(adjectives: str, adverbs: str) -> dict[str, frozenset[str]]:
        """Each adjective satellite's heads: WordNet files "costly" under "expensive" ("&", similar
        to), and only the heads carry the antonym ("expensive"/"cheap"). An adverb joins the cluster
        of the adjective it derives from ("\\": "previously" from "previous", under "early")."""
        heads: dict[str, set[str]] = defaultdict(set)
        for found in _SATELLITE.finditer(adjectives):
            fields = synset_fields(found.group())
            for symbol, target, _, _, _ in synset_pointers(fields):
                if symbol == "&":
                    for word in synset_words(fields):
                        heads[word] |= synset_words(synset_at(adjectives, target))
        for found in _PERTAINYM.finditer(adverbs):
            fields = synset_fields(found.group())
            for symbol, target, _, source_word, target_word in synset_pointers(fields):
                if symbol == "\\" and source_word and target_word:
                    adjective = synset_word(synset_at(adjectives, target), target_word).lower()
                    heads[synset_word(fields, source_word).lower()] |= {adjective} | heads.get(adjective, set())
        return {word: frozenset(found) for word, found in heads.items()}

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

    def poles_apart(self, a: str, b: str) -> bool:
        """Whether ``a`` and ``b`` lie at opposite poles of WordNet's adjective clusters: "costly"
        (under "expensive") and "cheap" are, so "less costly" is "cheaper", no opposite of it."""
        other = self._cluster(b)
        return any(self._pairs.get(x, set()) & other for x in self._cluster(a))

    def _cluster(self, word: str) -> set[str]:
        return {h for lemma in self.lemmas(word) for h in self._heads.get(lemma, frozenset()) | {lemma}}

    def verb(self, word: str) -> bool:
        """Whether ``word`` is a verb's dictionary form ("see"; not "you")."""
        return word in self._lemmas["v"]

    def verb_forms(self, verb: str) -> frozenset[str] | None:
        """The irregular forms WordNet lists for ``verb`` ("go": went, gone, going; "agree": none);
        None when it has no list of them."""
        return None if self._forms is None else frozenset(self._forms.get(verb, ()))

    def adjective(self, word: str) -> bool:
        return any(lemma in self._lemmas["a"] or lemma in self._lemmas["r"] for lemma in self.lemmas(word))

    def comparative(self, word: str) -> str | None:
        """The adjective ``word`` is the comparative of ("cooler": "cool", "worse": "bad"), or None."""
        word = word.lower()
        listed = self._exceptions["a"].get(word)
        if listed is not None and not word.endswith("st"):
            return listed
        if word.endswith("er"):
            return next((base for base in (word[:-2], word[:-1]) if base in self._lemmas["a"]), None)
        return None


@cache
def load_antonyms() -> Antonyms | None:
    folder = wordnet_dir()
    return Antonyms(folder) if folder else None


def english_antonymy() -> Antonymy:
    knowledge = lang.get("en").antonymy
    assert knowledge is not None, "the English module declares what antonymy paraphrase trades"
    return knowledge
