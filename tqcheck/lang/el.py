"""Greek. No number words yet (text2num does not read Greek): digits, scale words and percent only."""

from tqcheck.lang import Language, Negation, Numbers, cldr_scales, iso_stopwords

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
    clause_joiners=frozenset({"και", "ή", "αλλά", "ότι", "πως", "επειδή"}),
    coordinators=frozenset({"και", "ή", "αλλά"}),
)
