"""Chinese. Words are not spaced and no capitals mark names, so the checks that count words or
find names by capitals do not run; negation cues are single characters inside words."""

from tqcheck.lang import Language, Numbers, cldr_scales

LANGUAGE = Language(
    code="zh",
    name="Chinese",
    numbers=Numbers(cardinals={}, soft={}, articles=frozenset(), scales=cldr_scales("zh"), bare_scales=(), percent=()),
    capitalised_names=False,
)
