from dataclasses import replace

from tests.conftest import make_ctx
from tqcheck.checks.fragment import Fragment


def run(text, lang="en", preceding=""):
    ctx = replace(make_ctx(text, target_lang=lang), preceding=preceding)
    return [(f.severity.value, text[slice(*f.target_span)]) for f in Fragment().run(ctx)]


def test_the_seed_articles_stub_is_a_minor_fragment_with_its_span(seed_lines):
    paragraph = next(line for line in seed_lines if "Years. You still" in line)
    assert run(paragraph) == [("minor", "Years.")]


def test_the_sentence_before_may_come_from_the_paragraph_split_into_segments():
    assert run("Years.", preceding="We told you the same thing five years ago.") == [("minor", "Years.")]
    assert run("Years.") == []  # first in its paragraph: a headline, a caption, a list item


def test_answers_ellipses_numbers_function_words_and_splitter_pieces_pass():
    assert run("Did they believe us? No.") == []
    assert run("Hum... Hum... O quê?", "pt") == []
    assert run("The striker scored in the 90. Minute.") == []
    assert run("He waited. For her.") == []
    assert run("A congregação mudou-se em 1880 para a St. Martin.", "pt") == []
    assert run("Mas o senhor disse: \"Είναι ρατσιστής\".", "el", preceding="Ο Τζόνσον μίλησε.") == []


def test_several_languages():
    assert run("Dissemos-vos há cinco anos. Anos. Ainda não acreditam.", "pt") == [("minor", "Anos.")]
    assert run("Wir haben es euch gesagt. Jahrzehnte. Ihr glaubt uns nicht.", "de") == [("minor", "Jahrzehnte.")]
