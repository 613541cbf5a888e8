"""German. Capital letters mark every noun, so they are no sign of a name."""

from tqcheck.lang import Language, Negation, Numbers, cldr_scales, iso_stopwords

LANGUAGE = Language(
    code="de",
    name="German",
    negation=Negation(
        cues=r"nicht|kein|keine|keiner|keinen|keinem|keines|nie|niemals|niemand|nichts|ohne|weder|nirgends",
        plain=r"nicht|nie|niemals",
        idioms=r"nicht nur|nicht zuletzt|ohne Zweifel",
    ),
    numbers=Numbers(
        cardinals={},  # text2num reads German number words, compounds included ("zweiundvierzig")
        soft={},
        articles=frozenset({"ein", "eine", "einen", "einem", "einer", "eines"}),
        scales=cldr_scales("de"),
        bare_scales=("million", "milliarde", "billion"),
        percent=("prozent", "prozentpunkte"),
        text2num=True,
    ),
    stopwords=iso_stopwords("de"),
    name_particles=frozenset("von der den zu".split()),
    relations=frozenset("von gegen mit für über auf an bei zwischen gegenüber vor aus".split()),
    coordinators=frozenset({"und", "oder", "aber"}),
    subordinators=frozenset({"dass", "weil", "ob"}),
    capitalised_names=False,
)
