"""English verb forms made from the base form, for a negation's auxiliary taken out with it ("did
not say" → "said", "does not agree" → "agrees").

Irregular verbs and doubled consonants ("stopped") come from WordNet's list of exceptions
(``verb.exc`` of ``wordnet-base``, read where ``antonyms.wordnet_dir`` finds it), the rest from the
spelling rules. Where WordNet lists two irregular forms and neither is told apart as the past
participle, the form is unknown (None), and so is any form without WordNet installed.
"""

from __future__ import annotations

from collections import defaultdict
from functools import cache

from tqcheck.text.antonyms import wordnet_dir

_SIBILANT = ("s", "sh", "ch", "x", "z", "o")


@cache
def _verbs() -> frozenset[str]:
    """The one-word verbs WordNet knows, in their base form."""
    folder = wordnet_dir()
    if folder is None:
        return frozenset()
    with (folder / "index.verb").open(encoding="utf-8") as index:  # lines of the licence open with spaces
        lemmas = (line.split(" ", 1)[0] for line in index if not line.startswith(" "))
        return frozenset(lemma for lemma in lemmas if "_" not in lemma)


def is_verb(word: str) -> bool:
    """Whether WordNet knows ``word`` as a verb's base form ("see"; not "you")."""
    return word in _verbs()


@cache
def _exceptions() -> dict[str, frozenset[str]] | None:
    """Each verb's irregular forms in WordNet: "go" → went, gone, going (goes follows the rules)."""
    folder = wordnet_dir()
    if folder is None or not (folder / "verb.exc").is_file():
        return None
    forms: dict[str, set[str]] = defaultdict(set)
    for line in (folder / "verb.exc").read_text(encoding="utf-8").splitlines():
        form, *bases = line.split()
        for base in bases:
            forms[base].add(form)
    return {base: frozenset(found) for base, found in forms.items()}


def third_person(verb: str) -> str | None:
    """"agree" → "agrees", "fly" → "flies", "have" → "has"."""
    exceptions = _exceptions()
    if exceptions is None:
        return None
    listed = [f for f in exceptions.get(verb, ()) if f.endswith("s") and not f.endswith("ss")]
    if len(listed) == 1:
        return listed[0]
    if verb.endswith("y") and len(verb) > 2 and verb[-2] not in "aeiou":
        return verb[:-1] + "ies"
    return verb + ("es" if verb.endswith(_SIBILANT) else "s")


def past(verb: str) -> str | None:
    """"agree" → "agreed", "stop" → "stopped", "say" → "said", "put" → "put", "go" → "went"."""
    exceptions = _exceptions()
    if exceptions is None:
        return None
    listed = {f for f in exceptions.get(verb, ()) if not f.endswith(("ing", "s"))}
    if not listed:
        # a verb whose only exception is its doubled -ing ("putting") keeps its base in the past
        doubled = any(f.endswith("ing") and f[-4] == f[-5] for f in exceptions.get(verb, ()) if len(f) > 5)
        if doubled:
            return verb
        if verb.endswith("e"):
            return verb + "d"
        if verb.endswith("y") and len(verb) > 2 and verb[-2] not in "aeiou":
            return verb[:-1] + "ied"
        return verb + "ed"
    if len(listed) == 1:
        return next(iter(listed))
    # two irregular forms: the past participle ends in "n" where the past does not ("went", "gone")
    plain = [f for f in listed if not f.rstrip("e").endswith("n")]
    return plain[0] if len(plain) == 1 else None
