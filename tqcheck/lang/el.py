"""Greek. No number words yet (text2num does not read Greek): digits, scale words and percent only."""

import re
import unicodedata

from tqcheck.lang import Language, Negation, Numbers, cldr_scales, iso_stopwords

_OPENING = ((r"^γου(?=[αεηιουω])", "w"), (r"^ου(?=[αεηιω])", "w"), (r"γι(?=[αεου])", "y"), (r"^μπ", "b"), (r"^ντ", "d"), (r"^γκ", "g"))
_CLUSTERS = (  # inside a word Greek writes "mb" and "b" alike, "nd" and "d", "ng" and "g", "gu" and "w"
    (("μπ", "mb"), ("ντ", "nd"), ("γκ", "ng"), ("γου", "gu")),
    (("μπ", "b"), ("ντ", "d"), ("γκ", "g"), ("γου", "w"), ("τσ", "c")),
)
_DIGRAPHS = (("γγ", "ng"), ("τζ", "j"), ("ου", "u"), ("αι", "e"), ("ει", "i"), ("οι", "i"), ("υι", "i"), ("αυ", "av"), ("ευ", "ev"),
             ("θ", "th"), ("χ", "h"), ("ψ", "ps"), ("ξ", "x"))
_LETTERS = str.maketrans("αβγδεζηικλμνοπρσςτυφω", "avgdeziiklmnoprsstifo")


def romanise(word: str) -> tuple[str, ...]:
    """A Greek word in Latin letters as English would spell its sounds, read both ways Greek
    writes a foreign name's "b", "d", "g" and "w" inside a word ("Λοντοντέρι" Londonderry, "Ντίντι"
    Diddy). Only for comparing names by sound: no standard transliteration (ELOT 743 writes "mp")."""
    bare = "".join(c for c in unicodedata.normalize("NFD", word.lower()) if not unicodedata.combining(c))
    for pattern, latin in _OPENING:
        bare = re.sub(pattern, latin, bare)
    readings = []
    for clusters in _CLUSTERS:
        text = bare
        for greek, latin in (*clusters, *_DIGRAPHS):
            text = text.replace(greek, latin)
        readings.append(text.translate(_LETTERS))
    return tuple(readings)


LANGUAGE = Language(
    code="el",
    name="Greek",
    negation=Negation(cues=r"δεν|μην|μη|όχι|ποτέ|κανείς|καμία|κανένα|τίποτα|χωρίς|ούτε", plain=r"δεν|μην"),
    numbers=Numbers(
        cardinals={},
        soft={},
        articles=frozenset(),
        # CLDR gives the nominative; news writes the genitive ("2,4 εκατομμυρίων ατόμων") and "εκατ."
        scales={
            **cldr_scales("el"),
            **dict.fromkeys(("χιλιάδων",), 1e3),
            **dict.fromkeys(("εκατομμυρίων", "εκατομμυρίου", "εκατ"), 1e6),
            **dict.fromkeys(("δισεκατομμυρίων", "δισεκατομμυρίου"), 1e9),
            **dict.fromkeys(("τρισεκατομμυρίων", "τρισεκατομμυρίου"), 1e12),
        },
        bare_scales=("εκατομμύριο", "δισεκατομμύριο"),
        percent=("τοις εκατό", "ποσοστιαίες μονάδες"),
    ),
    stopwords=iso_stopwords("el"),
    not_names=frozenset("ο η το οι τα ένας μία ένα και αλλά".split()),
    relations=frozenset("από κατά με για προς σε μεταξύ εναντίον".split()),
    coordinators=frozenset({"και", "ή", "αλλά"}),
    subordinators=frozenset({"ότι", "πως", "επειδή"}),
    romanise=romanise,
    # Greek words end in a vowel, "ς" or "ν"; a transliterated name often does not ("Ροκ", "Πίτερ")
    final_letters="αάεέηήιίϊΐοόυύϋΰωώςν",
)
