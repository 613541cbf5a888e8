import pytest

from tqcheck.errors import ReadError
from tqcheck.readers.base import Unit
from tqcheck.records import Segment
from tqcheck.text.align import align_sentences, pair_lines
from tqcheck.text.segment import Sentence, sentences_of
from tqcheck.work import SOURCE_BEFORE, SourcesBefore


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


def test_files_too_far_apart_in_sentences_are_aligned_by_their_lines(tmp_path, monkeypatch):
    from tqcheck.readers import lines
    from tqcheck.readers.lines import open_document
    from tqcheck.text import align
    from tqcheck.text.align import AlignedLines, pair_documents

    pairs = [
        ("The minister resigned on Monday.", "O ministro demitiu-se na segunda-feira."),
        ("Prices rose by three percent in May, the office said.", "Os preços subiram três por cento em maio, disse o gabinete."),
        ("Talks will resume next week in Geneva, both sides confirmed.", "As negociações serão retomadas na próxima semana em Genebra."),
        ("The storm moved north. It weakened overnight.", "A tempestade seguiu para norte. Enfraqueceu durante a noite."),
    ] * 3
    dropped = ("Officials in three regions said on Thursday that the long dry spell, the worst in forty years, "
               "had cut the wheat and barley harvest by half and raised the price of bread for the third time.")
    source, draft = tmp_path / "source.en.txt", tmp_path / "draft.pt.txt"
    source.write_text("\n".join([e for e, _ in pairs[:6]] + [dropped] + [e for e, _ in pairs[6:]]) + "\n", encoding="utf-8")
    draft.write_text("\n".join(p for _, p in pairs) + "\n", encoding="utf-8")
    monkeypatch.setattr(align, "MAX_CELLS", 10)  # as if the files were long: no sentence alignment
    monkeypatch.setattr(lines, "HOLD_BYTES", 0)  # and read as used
    source_doc, draft_doc = open_document(str(source)), open_document(str(draft))
    segments = pair_documents(draft_doc, source_doc, "en", "pt", None)
    assert isinstance(segments, AlignedLines) and len(segments) == 13
    assert [(s.source, s.target) for s in segments[:6]] == pairs[:6] and [(s.source, s.target) for s in segments[7:]] == pairs[6:]
    assert (segments[6].line, segments[6].source, segments[6].target) == (7, dropped, "")  # the line the draft lacks
    assert segments[2:9] == list(segments)[2:9] and [s.id for s in segments] == list(range(13))
    monkeypatch.setattr(align, "MAX_LINE_BAND", 0)  # too far apart even in lines: refused, naming the file
    with pytest.raises(ReadError, match="differ too much to align"):
        pair_documents(draft_doc, source_doc, "en", "pt", None)


def test_the_source_before_each_segment_is_its_files_last_few_sources():
    segments = [Segment(i, i + 1, f"draft {i}.", f"source {i}.") for i in range(SOURCE_BEFORE + 4)]
    before = SourcesBefore(segments)
    assert len(before) == len(segments) and before[0] == "" and before[1] == "source 0."
    last = " ".join(f"source {i}." for i in range(3, SOURCE_BEFORE + 3))
    assert before[-1] == before[SOURCE_BEFORE + 3] == last  # no more than SOURCE_BEFORE segments back
    # a chunk reads the segments it needs once, and sees past its own start
    assert before[2:5] == [before[2], before[3], before[4]] == ["source 0. source 1.", *before[3:5]]
    assert before[5:5] == []
