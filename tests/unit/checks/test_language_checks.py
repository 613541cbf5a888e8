from tests.conftest import make_ctx
from tqcheck.checks.added_sentence import AddedSentence
from tqcheck.checks.omitted_sentence import OmittedSentence
from tqcheck.checks.untranslated import Untranslated
from tqcheck.checks.wrong_language import WrongLanguage
from tqcheck.records import LangGuess
from tqcheck.text.langid import detector


def test_english_sentence_in_portuguese_translation_is_wrong_language():
    text = "The minister resigned on Tuesday after the vote in parliament."
    ctx = make_ctx(text, target_lang="pt", source=None, detected=detector()(text))
    [finding] = WrongLanguage().run(ctx)
    assert finding.code == "TQ001" and "looks like en" in finding.message


def test_short_or_uncertain_segments_are_not_judged():
    assert list(WrongLanguage().run(make_ctx("Kaupo Rosin", target_lang="pt", detected=LangGuess("en", 0.99)))) == []
    ctx = make_ctx("O ministro demitiu-se na terça-feira.", target_lang="pt", detected=LangGuess("es", 0.6))
    assert list(WrongLanguage().run(ctx)) == []


def test_copied_source_is_untranslated():
    source = "O ministro demitiu-se na terça-feira, após a votação."
    ctx = make_ctx(source, source=source, detected=detector()(source))
    [finding] = Untranslated().run(ctx)
    assert "source language (pt)" in finding.message
    assert list(WrongLanguage().run(ctx)) == []  # reported once, as untranslated


def test_translated_segment_passes_both():
    target = "The minister resigned on Tuesday, after the vote."
    ctx = make_ctx(target, source="O ministro demitiu-se na terça-feira, após a votação.", detected=detector()(target))
    assert list(Untranslated().run(ctx)) == [] and list(WrongLanguage().run(ctx)) == []


def test_omitted_and_added_sentences():
    omitted = make_ctx("", source="A votação foi adiada.")
    assert [f.severity.value for f in OmittedSentence().run(omitted)] == ["critical"]
    added = make_ctx("Protests followed in Lisbon.", source="")
    assert [f.code for f in AddedSentence().run(added)] == ["TQ102"]
    paired = make_ctx("The vote was postponed.", source="A votação foi adiada.")
    assert list(OmittedSentence().run(paired)) == [] and list(AddedSentence().run(paired)) == []
