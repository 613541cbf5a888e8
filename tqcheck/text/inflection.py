"""English verb forms made from the base form, for a negation's auxiliary taken out with it ("did
not say" → "said", "does not agree" → "agrees").

Irregular verbs and doubled consonants ("stopped") come from WordNet's list of exceptions
(``verb.exc`` of ``wordnet-base``, as ``antonyms`` reads it), the rest from the spelling rules.
Where WordNet lists two irregular forms and neither is told apart as the past participle, the form
is unknown (None), and so is any form without WordNet installed.
"""

from __future__ import annotations

from tqcheck.text.antonyms import load_antonyms

_SIBILANT = ("s", "sh", "ch", "x", "z", "o")


def is_verb(word: str) -> bool:
    """Whether WordNet knows ``word`` as a verb's base form ("see"; not "you")."""
    wordnet = load_antonyms()
    return wordnet is not None and wordnet.verb(word)


def _listed(verb: str) -> frozenset[str] | None:
    """The irregular forms WordNet lists for ``verb``; None without WordNet or its list."""
    wordnet = load_antonyms()
    return None if wordnet is None else wordnet.verb_forms(verb)


def _consonant_y(verb: str) -> bool:
    """Whether ``verb`` ends in a "y" after a consonant, which turns to "ie" before "s" and "d" ("fly", "carry")."""
    return verb.endswith("y") and len(verb) > 2 and verb[-2] not in "aeiou"


def third_person(verb: str) -> str | None:
    """"agree" → "agrees", "fly" → "flies", "have" → "has"."""
    forms = _listed(verb)
    if forms is None:
        return None
    listed = [f for f in forms if f.endswith("s") and not f.endswith("ss")]
    if len(listed) == 1:
        return listed[0]
    if _consonant_y(verb):
        return verb[:-1] + "ies"
    return verb + ("es" if verb.endswith(_SIBILANT) else "s")


def past(verb: str) -> str | None:
    """"agree" → "agreed", "stop" → "stopped", "say" → "said", "put" → "put", "go" → "went"."""
    forms = _listed(verb)
    if forms is None:
        return None
    listed = {f for f in forms if not f.endswith(("ing", "s"))}
    if not listed:
        # a verb whose only exception is its doubled -ing ("putting") keeps its base in the past
        doubled = any(f.endswith("ing") and f[-4] == f[-5] for f in forms if len(f) > 5)
        if doubled:
            return verb
        if verb.endswith("e"):
            return verb + "d"
        if _consonant_y(verb):
            return verb[:-1] + "ied"
        return verb + "ed"
    if len(listed) == 1:
        return next(iter(listed))
    # two irregular forms: the past participle ends in "n" where the past does not ("went", "gone")
    plain = [f for f in listed if not f.rstrip("e").endswith("n")]
    return plain[0] if len(plain) == 1 else None
