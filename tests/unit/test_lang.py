"""What each language module knows: amounts in its words and scales, negation cues, and what it lacks."""

import pytest

from tests.conftest import make_ctx
from tqcheck import lang
from tqcheck.checks.base import Capabilities, Need
from tqcheck.checks.number_mismatch import NumberMismatch
from tqcheck.text.negation import denials, negations

AMOUNTS = [
    ("de", "Der Schaden beträgt 2 Millionen Euro.", "The damage is 2 million euros."),
    ("de", "Die Regierung gibt 2,5 Mrd. Euro aus.", "The government spends 2.5 billion euros."),
    ("de", "Zweiundvierzig Prozent stimmten zu.", "42 percent agreed."),
    ("fr", "Le projet coûte 2 milliards d'euros.", "The project costs 2 billion euros."),
    ("fr", "Quarante-cinq pour cent ont voté.", "45 per cent voted."),
    ("es", "Costó dos mil millones de dólares.", "It cost 2 billion dollars."),
    ("it", "Sono arrivati 2 milioni di turisti.", "2 million tourists arrived."),
    ("nl", "Er kwamen 2 miljoen bezoekers.", "2 million visitors came."),
    ("el", "Ήρθαν 2 εκατομμύρια επισκέπτες.", "2 million visitors came."),
    ("ru", "Приехали 2 миллиона туристов.", "2 million tourists came."),
    ("ja", "3万人が参加した。", "30,000 people took part."),
    ("ja", "予算は30億円だ。", "The budget is 3 billion yen."),
    ("zh", "有3万人参加。", "30,000 people took part."),
]


def _critical(source: str, source_lang: str, target: str) -> list[str]:
    ctx = make_ctx(target, source=source, source_lang=source_lang, target_lang="en")
    return [f.message for f in NumberMismatch().run(ctx) if f.severity.value == "critical"]


@pytest.mark.parametrize(("code", "source", "target"), AMOUNTS, ids=[f"{c}-{i}" for i, (c, _, _) in enumerate(AMOUNTS)])
def test_an_amount_equals_its_english_rendering_and_a_changed_one_is_critical(code, source, target):
    assert _critical(source, code, target) == []
    changed = target.replace("2", "7", 1) if "2" in target else target.replace("3", "8", 1).replace("45", "55").replace("42", "52")
    assert len(_critical(source, code, changed)) == 1


def test_the_english_direction_reads_the_other_languages_amounts_too():
    ctx = make_ctx("Der Schaden beträgt 2 Millionen Euro.", source="The damage is 2 million euros.", source_lang="en",
                   target_lang="de")
    assert list(NumberMismatch().run(ctx)) == []


@pytest.mark.parametrize(
    ("code", "text", "cues"),
    [
        ("fr", "Il n'est pas là.", ["n'", "pas"]),  # "n'" runs into its verb
        ("fr", "La personne est là.", []),  # "personne" is also "person"
        ("es", "Sin embargo, nadie vino.", ["nadie"]),  # "sin embargo" is "however"
        ("de", "Er kommt nicht.", ["nicht"]),
        ("it", "Non è vero.", ["Non"]),
        ("nl", "Dat is niet waar.", ["niet"]),
        ("el", "Δεν είναι αλήθεια.", ["Δεν"]),
        ("ru", "Это не правда.", ["не"]),
    ],
)
def test_negation_cues_per_language(code, text, cues):
    assert [c.text for c in denials(text, code)] == cues


def test_a_language_lacking_an_item_says_so_and_borrows_nothing():
    assert lang.get("ja").negation is None and negations("彼は来ない。", "ja") == []
    assert lang.get("xx").stopwords is None and lang.get("xx").numbers is None
    caps = Capabilities("en", "ja")
    assert caps.lacks(Need.NEGATION).reason == "no negation cues for ja"
    assert caps.lacks(Need.CAPITALS).reason == "capitals do not mark names in ja"
    assert Capabilities("en", "de").lacks(Need.CAPITALS) is not None and Capabilities("en", "pt").lacks(Need.CAPITALS) is None


def test_a_code_is_read_as_its_language_and_a_malformed_one_refused():
    # a region, a script or an ISO 639-2 code names the language the modules and models know
    assert [lang.base(c) for c in ("pt-BR", "pt_PT", "EN-gb", "es-419", "zh-Hant", "por", "ell", "fil")] == [
        "pt", "pt", "en", "es", "zh", "pt", "el", "fil"]
    assert lang.get("por") is lang.get("pt-BR") is lang.get("pt")
    assert lang.checked("sr-Latn-RS") == "sr-Latn-RS"
    for malformed in ("p/t", "''", "portuguese", "x", "pt BR"):
        with pytest.raises(ValueError, match="no language code such as en, pt-BR or es-419"):
            lang.checked(malformed)
