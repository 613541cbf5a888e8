import pytest

from tqcheck.text.entities import Name, find_names, kept_words, name_in
from tqcheck.text.titles import titled


def test_names_from_a_seed_sentence(seed_lines):
    line = seed_lines[11]  # "Earlier, Lithuania's ambassador to Sweden and former foreign minister Linas Linkevicius ..."
    assert [n.text for n in find_names(line, "en")] == ["Lithuania", "Sweden", "Linas Linkevicius", "Kaliningrad", "Russia", "NATO"]


def test_sentence_opening_words_are_names_only_when_used_as_names():
    assert [n.text for n in find_names("Earlier, the minister spoke.", "en")] == []
    assert [n.text for n in find_names("NATO met. Macron spoke after Macron's aide.", "en")][:1] == ["NATO"]


def test_fuzzy_presence_folds_accents_and_inflection():
    assert name_in("Polónia", "a Polônia não é")
    assert name_in("Linas Linkevicius", "disse Linkevičius")
    assert not name_in("Finlândia", "a Alemanha e a Suécia")


def test_localised_acronyms_and_aliases():
    from tqcheck.text.entities import Name, verifiable

    assert name_in("US", "the U.S. Army") and not name_in("US", "he told us")
    assert name_in("União Europeia", "vetou a entrada na UE") and name_in("AI", "pesquisa em inteligência artificial")
    assert name_in("Britain", "em Birmingham, Reino Unido")
    assert name_in("UBD", "através do DBU")  # the same acronym with localised letter order
    assert not verifiable(Name("GIAU", (0, 4))) and verifiable(Name("NATO", (0, 4)))
    # mixed-case and plural acronyms are localised too ("AfD" is "ApA"); names with inner capitals are not acronyms
    assert not any(verifiable(Name(a, (0, len(a)))) for a in ("AfD", "ApA", "CoE", "SDGs", "AfDB"))
    assert all(verifiable(Name(n, (0, len(n)))) for n in ("McCain", "LeBron", "Xi", "EUA"))


def test_an_acronym_said_as_a_word_is_found_written_as_one():
    # British style writes such acronyms as words; short ones and longer words are no match
    assert name_in("AIDS", "citizens living with HIV and Aids.") and name_in("NATO's", "Nato said on Monday")
    assert not name_in("CNN", "a Cnn report") and not name_in("US", "Us and them") and not name_in("NATO", "Natoli said")


def test_headlines_and_possessive_openers():
    assert [n.text for n in find_names("Indonesia Tsunami Toll Soars Above 800", "en")] == []
    assert [n.text for n in find_names("China's emergence from isolation is a victory.", "en")] == ["China"]
    assert [n.text for n in find_names("Minister Linas Linkevicius threatened Kaliningrad.", "en")] == [
        "Linas Linkevicius",
        "Kaliningrad",
    ]


def test_a_capitalised_word_opening_a_sentence_is_a_name_when_vouched_for():
    assert find_names("Reading may be next. Voters agree.", "en") == []
    places = {"Reading"}
    assert [n.text for n in find_names("Reading may be next. Voters agree.", "en", places.__contains__)] == ["Reading"]


def test_the_lexicon_tells_a_name_opening_a_sentence_from_a_first_word():
    # simplemma knows "liverpool" only as "Liverpool" and does not know "Napoli" at all
    assert [n.text for n in find_names("Liverpool battles Napoli today.", "en")] == ["Liverpool", "Napoli"]
    assert [n.text for n in find_names("Liverpool enfrenta hoje o Nápoles.", "pt")] == ["Liverpool", "Nápoles"]
    assert find_names("Voters will vote on Sunday.", "en") == find_names("Como disse o ministro.", "pt") == []
    assert find_names("Year-on-year, prices rose.", "en") == []  # every part of it a common word
    assert find_names("東京で会議が開かれた。", "ja") == []  # no lexicon, no capitals: no opinion


def test_a_name_is_not_found_in_a_function_word_that_opens_like_it():
    assert not name_in("Thatcher", "the government that left the school in ruins")
    assert name_in("Iran", "the Iranian government") and name_in("May", "he may go")


def test_another_known_name_is_no_fuzzy_match():
    assert not name_in("Reino Unido", "Aprendi que ele era novo nos Estados Unidos.")
    assert name_in("Reino Unido", "Ele vive no Reino Unido.") and name_in("Reino Unido", "He lives in Britain.")
    # a known name is found whole or by an alias, not by half its words: "estava" is no "Estados"
    assert not name_in("Estados Unidos", "Percebi que estava há pouco tempo no Reino Unido.")
    assert name_in("Estados Unidos", "Os Estados Unidos decidiram.") and name_in("Estados Unidos", "A decisão dos EUA.")


def test_a_headline_capitalising_every_word_but_the_small_ones_has_no_plain_names():
    assert [n.text for n in find_names("Pacificação e Solução de Conflitos na Ásia Oriental", "pt")] == []
    assert [n.text for n in find_names("A solução de conflitos na Ásia Oriental é possível.", "pt")] == ["Ásia Oriental"]


def test_a_connector_does_not_join_a_weekday_or_month_onto_a_name():
    texts = [n.text for n in find_names("Then Israel struck on Sunday, and Theresa May met the Banco de Portugal in May.", "en")]
    assert texts == ["Israel", "Theresa May", "Banco de Portugal"]


def test_words_translators_keep_are_neither_titles_nor_acronyms():
    def kept(text):
        return kept_words(Name(text, (0, len(text))), "en", "es")

    assert kept("Prime Minister Zoran Zaev") == ("Zoran", "Zaev")
    # each language coins its acronyms, in capitals or mixed case: "MPs" are "diputados", "AfD" "ApA"
    assert kept("Labour MPs") == ()
    assert kept("AfD Zaev") == ("Zaev",)


def test_spanish_writes_the_united_states_with_spaced_initials():
    # "EE. UU." (the Royal Spanish Academy's form) is the United States, as "EE.UU." is
    assert name_in("US", "EE. UU. podría usar la Armada.")
    assert name_in("United States", "Los EE. UU. lo anunciaron.")


@pytest.mark.parametrize(
    ("text", "code", "person"),
    [
        ("He praised U.S. President Donald Trump.", "en", "Donald Trump"),
        ("The speech of Chancellor John McDonnell ended.", "en", "John McDonnell"),
        ("O deputado elogiou ontem o Presidente Jair Bolsonaro no parlamento.", "pt", "Jair Bolsonaro"),
        ("He met Judge Kavanaugh.", "en", None),  # one word after the title: a surname, or an abbreviation ("Sens.")
        ("He met Tommy Fleetwood.", "en", None),  # no title: "Tommy" is no word the lexicon knows in lower case
        ("They watched Saturday Night Live.", "en", None),  # every word known in lower case: a title of its own
    ],
)
def test_the_person_a_title_leads(text, code, person):
    [name] = find_names(text, code)
    assert titled(name, code) == person
