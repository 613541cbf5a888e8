"""Italian."""

from tqcheck.lang import Language, Negation, Numbers, cldr_scales, iso_stopwords

LANGUAGE = Language(
    code="it",
    name="Italian",
    negation=Negation(cues=r"non|mai|né|nessuno|nessuna|niente|nulla|senza", plain=r"non|mai", idioms=r"non solo|senza dubbio"),
    numbers=Numbers(
        cardinals={},  # text2num reads Italian number words ("quarantacinque")
        soft={},
        articles=frozenset({"un", "uno", "una"}),
        scales=cldr_scales("it"),
        bare_scales=("milione", "miliardo"),
        percent=("per cento", "punti percentuali"),
        text2num=True,
    ),
    stopwords=iso_stopwords("it"),
    not_names=frozenset("il lo la i gli le un uno una ma e o se".split()),
    headline_small_words=frozenset("di da del della e in a al alla per su con tra".split()),
    name_particles=frozenset("di della del da".split()),
    relations=frozenset("di da contro su con per tra fra verso".split()),
    coordinators=frozenset({"e", "o", "ma"}),
    subordinators=frozenset({"che", "perché", "se"}),
)
