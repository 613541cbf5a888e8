"""Dutch."""

from tqcheck.lang import Language, Negation, Numbers, cldr_scales, iso_stopwords

LANGUAGE = Language(
    code="nl",
    name="Dutch",
    negation=Negation(cues=r"niet|geen|nooit|niemand|niets|zonder|noch|nergens", plain=r"niet|nooit", idioms=r"niet alleen"),
    numbers=Numbers(
        cardinals={},  # text2num reads Dutch number words ("vijfenveertig")
        soft={},
        articles=frozenset({"een"}),
        scales=cldr_scales("nl"),
        bare_scales=("miljoen", "miljard"),
        percent=("procent", "procentpunt"),
        text2num=True,
    ),
    stopwords=iso_stopwords("nl"),
    not_names=frozenset("de het een en of maar als ik hij zij wij".split()),
    headline_small_words=frozenset("de het een en van in op voor met aan".split()),
    name_particles=frozenset("van der den de".split()),
    relations=frozenset("van door tegen met voor over tussen naar".split()),
    coordinators=frozenset({"en", "of", "maar"}),
    subordinators=frozenset({"dat", "omdat"}),
)
