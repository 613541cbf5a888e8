from tqcheck.text.numbers import NumberDiff, compare_numbers, extract_numbers


def values(text, lang):
    return [sorted(m.values) for m in extract_numbers(text, lang)]


def test_locale_readings():
    assert values("13 mil pessoas", "pt") == [[13000.0]]
    assert values("1,5% da população", "pt") == [[1.5]]
    assert values("2 milhões e 1.500.000", "pt") == [[2e6], [1.5e6]]
    assert values("$5bn in the 1990s", "en") == [[5e9], [90.0, 1990.0]]
    # "1.500" is 1500 in Portuguese and 1.5 in English: both readings are kept
    assert values("1.500", "pt") == [[1.5, 1500.0]]


def test_percent_flag_and_spans():
    text = "Inflation reached 99.99 per cent"
    [m] = extract_numbers(text, "en")
    assert m.percent and text[slice(*m.span)] == "99.99 per cent"


def test_compare_finds_only_real_differences():
    diff = compare_numbers("Em 2019, 13 mil pessoas e 80%", "pt", "In 2019, 13,000 people and 99.99%", "en")
    assert [(a.text, b.text) for a, b in diff.changed] == [("80%", "99.99%")]
    assert diff.missing == () and diff.extra == ()


def test_converted_units_times_and_ranges_pair_up():
    source = "Winds of 85 miles per hour, 385 miles south, at 4.40 am and 09:30 BST, after the 1950-53 war."
    target = "Ventos de 137 km/h, 619 km a sul, às 4h40 e às 09h30, após a guerra de 1950 a 1953."
    assert compare_numbers(source, "en", target, "pt") == NumberDiff((), (), ())
    assert compare_numbers("Up to 10 inches of rain, a 650 pound pig", "en", "Até 25 cm de chuva, porco de 300 quilos", "pt") == NumberDiff((), (), ())


def test_number_words_count_only_against_another_number():
    # "os dois" is idiom for "both": a lone number word is not a finding
    assert compare_numbers("Today, there's neither.", "en", "Hoje não há nenhum dos dois.", "pt") == NumberDiff((), (), ())
    diff = compare_numbers("A obra demorou três anos.", "pt", "The work took four years.", "en")
    assert [(a.text, b.text) for a, b in diff.changed] == [("três", "four")]


def test_ordinals_and_roman_numerals_are_soft():
    assert compare_numbers("In the late 19th century, in World War Two", "en", "No final do século XIX, na Segunda Guerra", "pt") == NumberDiff((), (), ())


def test_digits_glued_to_letters_and_bare_scale_words_are_numbers():
    # "COP13" and "G20" hold numbers; two glued digits may be a year ("SS19" = 2019)
    assert compare_numbers("A reunião do G20 (COP13)", "pt", "The G-20 meeting (COP 13)", "en") == NumberDiff((), (), ())
    diff = compare_numbers("A próxima reunião (COP13) terá lugar em Cancun.", "pt", "The next meeting (COP 23) will be in Cancún.", "en")
    assert [(a.text, b.text) for a, b in diff.changed] == [("13", "23")]
    assert compare_numbers("the SS19 collection", "en", "a coleção primavera-verão de 2019", "pt") == NumberDiff((), (), ())
    # "mil milhões de dólares" is "$1 billion", "o bilião de euros" is "€1 trillion"
    assert compare_numbers(
        "totalizaram mil milhões de dólares, na ordem do bilião de euros", "pt",
        "totaled $1 billion, on the order of €1 trillion", "en",
    ) == NumberDiff((), (), ())


def test_a_changed_number_pairs_with_digits_before_a_number_word():
    diff = compare_numbers(
        "a fusão nuclear de Three Mile Island em 1979", "pt", "the Three Mile Island meltdown in May of 1998", "en"
    )
    assert [(a.text, b.text) for a, b in diff.changed] == [("1979", "1998")]


def test_an_article_does_not_absorb_a_changed_number():
    diff = compare_numbers(
        "As negociações começarão a 19 de Junho e May poderá chegar a um entendimento.", "pt",
        "The negotiations will start on June 1 and May could reach an understanding.", "en",
    )
    assert [(a.text, b.text) for a, b in diff.changed] == [("19", "1")]
    # with nothing left over, the article still stands for the lone 1
    assert compare_numbers("Um dos deputados votou contra.", "pt", "1 of the MPs voted against.", "en") == NumberDiff((), (), ())


def test_feet_convert_to_centimetres():
    assert compare_numbers("a two-foot wide brim", "en", "uma aba de 61 cm", "pt") == NumberDiff((), (), ())


def test_compound_number_words_are_one_number_in_each_language():
    # hyphenated and multi-word numbers (text2num): "Forty" alone is not the number here
    assert compare_numbers("Forty-five per cent voted.", "en", "45% votaram.", "pt") == NumberDiff((), (), ())
    assert compare_numbers("Morreram vinte e cinco mil pessoas.", "pt", "25,000 people died.", "en") == NumberDiff((), (), ())
    assert compare_numbers("Quinhentos feridos.", "pt", "Five hundred injured.", "en") == NumberDiff((), (), ())
    changed = compare_numbers("Morreram vinte e cinco mil pessoas.", "pt", "35,000 people died.", "en").changed
    assert [(a.text, b.text) for a, b in changed] == [("vinte e cinco mil", "35,000")]


def test_a_regional_language_code_reads_its_languages_number_words():
    # "pt-BR", "en-GB", "es-419" are their language's: text2num knows only "pt", "en", "es"
    same = compare_numbers("He bought twenty-five apples.", "en-GB", "Ele comprou vinte e cinco maçãs.", "pt-BR")
    assert same == NumberDiff((), (), ())
    changed = compare_numbers("Veinticinco heridos.", "es-419", "Thirty-five injured.", "en-US").changed
    assert [(a.text, b.text) for a, b in changed] == [("Veinticinco", "Thirty-five")]


def test_the_plural_of_a_round_number_is_a_vague_amount():
    # "tens of thousands" is "decenas de miles": neither is 10 nor 1,000, and they never differ
    source = "Más de 1000 personas murieron y decenas de miles tuvieron que dejar sus hogares."
    draft = "More than 1,000 people died and tens of thousands had to leave their homes."
    assert compare_numbers(source, "es", draft, "en") == NumberDiff((), (), ())
    assert compare_numbers("cientos de personas", "es", "hundreds of people", "en") == NumberDiff((), (), ())
    # a firm number is still compared: "300" is not "hundreds", "diez mil" not "twenty thousand"
    assert [m.text for m in compare_numbers("300 personas", "es", "hundreds of people", "en").missing] == ["300"]
    changed = compare_numbers("diez mil personas", "es", "twenty thousand people", "en").changed
    assert [(a.text, b.text) for a, b in changed] == [("diez mil", "twenty thousand")]
