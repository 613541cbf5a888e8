"""Japanese. Words are not spaced and no capitals mark names, so the checks that count words or
find names by capitals do not run; negation is a verb ending, which no cue list catches."""

from tqcheck.lang import Language, Numbers, cldr_scales

LANGUAGE = Language(
    code="ja",
    name="Japanese",
    numbers=Numbers(cardinals={}, soft={}, articles=frozenset(), scales=cldr_scales("ja"), bare_scales=(), percent=()),
    capitalised_names=False,
)
