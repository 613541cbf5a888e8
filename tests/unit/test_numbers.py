from tqcheck.text.numbers import compare_numbers, extract_numbers


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
    assert [m.text for m in diff.missing] == ["80%"] and [m.text for m in diff.extra] == ["99.99%"]
