"""Russian. No number words yet (text2num does not read Russian): digits, scale words and percent only."""

from tqcheck.lang import Language, Negation, Numbers, cldr_scales, iso_stopwords

LANGUAGE = Language(
    code="ru",
    name="Russian",
    negation=Negation(cues=r"не|нет|ни|никогда|никто|ничего|ничто|без|нельзя|нигде", plain=r"не|никогда"),
    numbers=Numbers(
        cardinals={},
        soft={},
        articles=frozenset(),
        scales=cldr_scales("ru"),
        bare_scales=("миллион", "миллиард"),
        percent=("процент", "процента", "процентов", "процентных пункта", "процентных пунктов"),
    ),
    stopwords=iso_stopwords("ru"),
    not_names=frozenset("и но а он она они мы вы я это".split()),
    relations=frozenset("от против с для к о между на со".split()),
    coordinators=frozenset({"и", "или", "но"}),
    subordinators=frozenset({"что", "потому", "ли"}),
)
