import pytest

from tqcheck.readers.base import Unit
from tqcheck.text.align import align_sentences, pair_lines
from tqcheck.text.segment import Sentence, sentences_of


def _lines(*texts: str) -> list[Unit]:
    return [Unit(text, number) for number, text in enumerate(texts, start=1)]


def test_line_pairs_skip_blank_pairs_and_keep_line_numbers():
    segs = pair_lines(_lines("Olá.", "", "Adeus."), _lines("Hello.", "", "Goodbye."))
    assert [(s.line, s.source, s.target) for s in segs] == [(1, "Olá.", "Hello."), (3, "Adeus.", "Goodbye.")]
    with pytest.raises(ValueError):
        pair_lines(_lines("a"), _lines("a", "b"))


def test_dropped_sentence_becomes_an_empty_target_with_a_machine_translation():
    source = [
        Sentence("O Presidente francês não excluiu o envio de tropas para a Ucrânia no futuro.", 1),
        Sentence("Não há consenso hoje sobre o envio de tropas terrestres de forma oficial.", 1),
        Sentence("Mas nada pode ser excluído no futuro, disse o presidente francês aos jornalistas.", 2),
    ]
    target = [
        Sentence("The French President did not rule out sending troops to Ukraine in the future.", 1),
        Sentence("But nothing can be ruled out in the future, the French president told reporters.", 2),
    ]
    # what the embedded pt→en model makes of the source sentences
    source_mt = [
        "The French President did not exclude the sending of troops to Ukraine in the future.",
        "There is no consensus today on sending ground troops in an official way.",
        "But nothing can be excluded in the future, the French president told journalists.",
    ]
    segs = align_sentences(source, target, source_mt)
    assert [(s.source[:20], s.target[:20]) for s in segs] == [
        ("O Presidente francês", "The French President"),
        ("Não há consenso hoje", ""),
        ("Mas nada pode ser ex", "But nothing can be r"),
    ]


def test_sentences_of_lines_splits_and_numbers(seed_lines):
    sents = sentences_of(_lines(*seed_lines), "en")
    years = [s for s in sents if s.text == "Years."]
    assert len(years) == 1 and years[0].line == 17
