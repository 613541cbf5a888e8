"""Content-word coverage: the longest uncovered run and its seam."""

from tqcheck.text.coverage import length_ratio, longest_uncovered, surplus_words, uncovered_words, unmatched_words

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


def test_a_word_said_twice_and_kept_once_is_a_surplus_and_one_kept_twice_is_not():
    source = "The spokesman confirmed the woman whose body was found is local to Birkenhead and she was found inside a property."
    cut = "The spokesman confirmed that the woman whose body was found was resident in Birkenhead."
    assert [(w, source[slice(*span)]) for w, span in surplus_words(source, cut, "en")] == [("found", "found")]
    assert source.rindex("found") == surplus_words(source, cut, "en")[0][1][0]  # the later one
    whole = "The spokesman said the body was found in Birkenhead and she was found inside a property."
    assert surplus_words(source, whole, "en") == []
    assert surplus_words(source, "Nothing here.", "en") == []  # a word never kept is uncovered, no surplus


def test_every_word_the_other_text_lacks_or_has_fewer_times_is_unmatched_function_words_too():
    forward = "A prisão tem mais de 500 reclusos, incluindo alguns dos mais perigosos do país."
    draft = "A prisão tem mais de 500 reclusos, incluindo alguns dos menos perigosos do país."
    # the second "mais", which the draft has once: the word a dictionary may oppose to "menos"
    [(word, span)] = unmatched_words(forward, draft)
    assert word == "mais" and span[0] == forward.rindex("mais")
    assert [w for w, _ in unmatched_words(draft, forward)] == ["menos"]
    assert unmatched_words(draft, draft) == []
    # an inflection is matched by its stem-like opening, as content words are; "of" is too short to read
    assert unmatched_words("The recovered goods.", "The recovery of goods.") == []
    assert unmatched_words("The recovery of goods.", "The recovered goods.") == []


def test_a_word_is_covered_by_a_shared_opening_only_as_long_as_the_stem_rule_asks():
    # every word opening "inter" is a candidate; 75 % of the shorter word must still be shared
    text = "International talks on the interval."
    assert [w for w, _ in uncovered_words(text, "Internet talks, interesting.", "en")] == ["interval"]
    assert [w for w, _ in uncovered_words(text, "Interval talks, internationally.", "en")] == []
    assert [w for w, _ in uncovered_words("International talks.", "Interval talks.", "en")] == ["international"]
    # five letters is the least a shared opening needs: "plan" does not cover "planning", "plane" "planet"
    assert [w for w, _ in uncovered_words("Planning a planet.", "A plan, a plane.", "en")] == ["planning"]
