from tests.conftest import make_ctx
from tqcheck.checks.repeated_words import RepeatedWords


def run(text, lang="en"):
    return [(f.severity.value, text[slice(*f.target_span)]) for f in RepeatedWords().run(make_ctx(text, target_lang=lang))]


def test_a_word_written_twice_is_a_minor_slip_with_its_span():
    assert run("And, according to to the official, there are ways and means.") == [("minor", " to")]
    assert run("O Partido Trabalhista não é mais um um local de livre expressão.", "pt") == [("minor", " um")]
    assert run("The The minister resigned.") == [("minor", " The")]  # a function word, not a name


def test_names_and_grammatical_doubles_pass():
    assert run("They flew to Bora Bora on Sunday.") == []
    assert run("He said that that plan had had its day.") == []
    assert run("O tom foi diferente do do ano passado.", "pt") == []
    assert run("A word, word by word, and the theme.") == []  # punctuation between, or another word
