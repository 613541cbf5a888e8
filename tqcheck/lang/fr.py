"""French."""

from tqcheck.lang import Language, Negation, Numbers, cldr_scales, iso_stopwords

LANGUAGE = Language(
    code="fr",
    name="French",
    negation=Negation(
        # "personne" is also "person", "plus" also "more": neither counts alone
        cues=r"ne|n'|n’|pas|jamais|aucun|aucune|rien|sans|ni|nullement",
        idioms=r"non seulement|sans doute|ne … que|n'importe|n’importe",
    ),
    numbers=Numbers(
        cardinals={},  # text2num reads French number words ("quarante-cinq", "soixante-dix")
        soft={},
        articles=frozenset({"un", "une"}),
        scales=cldr_scales("fr"),
        bare_scales=("million", "milliard"),
        percent=("pour cent", "points de pourcentage"),
        text2num=True,
    ),
    stopwords=iso_stopwords("fr"),
    not_names=frozenset("le la les un une il elle nous vous ils elles ce cette ces mais et ou si m mme".split()),
    headline_small_words=frozenset("de du des la le les et en à au aux pour sur par avec un une".split()),
    name_particles=frozenset("de du des la le".split()),
    relations=frozenset("de du des par contre sur avec pour vers entre au aux".split()),
    coordinators=frozenset({"et", "ou", "mais"}),
    subordinators=frozenset({"que", "qu", "parce", "si"}),
)
