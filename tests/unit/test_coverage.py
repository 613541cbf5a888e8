"""Content-word coverage: the longest uncovered run and its seam."""

from tqcheck.text.coverage import length_ratio, longest_uncovered

SOURCE = "The central bank raised interest rates sharply yesterday despite fierce protests from exporters."


def test_run_cut_from_the_middle_has_seam_zero():
    run = longest_uncovered(SOURCE, "The central bank raised interest rates yesterday.", "en")
    assert SOURCE[slice(*run.span)] == "despite fierce protests from exporters"
    assert run.words == 4  # "from" is a function word
    run = longest_uncovered(SOURCE, "The central bank raised interest rates despite fierce protests from exporters.", "en")
    assert SOURCE[slice(*run.span)] == "sharply yesterday" and run.seam == 0


def test_reworded_run_has_the_new_words_in_its_seam():
    run = longest_uncovered(SOURCE, "The central bank raised interest rates a great deal on Monday despite fierce protests.", "en")
    assert SOURCE[slice(*run.span)] == "sharply yesterday"
    assert run.seam == 3  # great, deal, Monday stand where the run was


def test_stems_count_as_covered_and_full_coverage_gives_no_run():
    assert longest_uncovered("Exports recovered.", "The export recovery.", "en") is None
    assert length_ratio("one two", "one two three four") == 0.5
