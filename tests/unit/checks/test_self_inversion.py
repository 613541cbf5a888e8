from tests.conftest import make_ctx
from tqcheck.checks.self_inversion import SelfInversion


def run(text: str, **kw):
    return list(SelfInversion().run(make_ctx(text, **kw)))


def test_headline_relating_nato_to_itself_is_critical(seed_lines):
    headline = seed_lines[8]
    assert headline.startswith("NATO considers Kaliningrad")
    [finding] = run(headline)
    assert finding.code == "TQ401" and finding.severity.value == "critical"
    start, end = finding.target_span
    assert headline[start:end] == "NATO considers Kaliningrad in danger from NATO"
    assert "from" in finding.message


def test_possessive_subject_repeated_as_object(seed_lines):
    sentence = next(line for line in seed_lines if line.startswith("Macron's statements about Macron"))
    [finding] = run(sentence)
    assert sentence[slice(*finding.target_span)] == "Macron's statements about Macron"


def test_correct_versions_pass():
    assert run("Russia considers Kaliningrad in danger from NATO") == []
    assert run("Macron's statements about sending NATO troops to Ukraine are no coincidence.") == []


def test_repetition_across_clauses_is_not_inversion(seed_lines):
    # "The expansion of NATO, the advancement of NATO's military infrastructure ..." and
    # "Peskov added that ... "And it will always be so," Peskov said." repeat names legitimately.
    for line in seed_lines:
        if line.startswith(("NATO considers", "Macron's statements about Macron")):
            continue
        assert run(line) == [], line


def test_source_with_the_same_repetition_clears_it():
    target = "Smith's lawyer spoke about Smith at length."
    assert run(target) != []
    assert run(target, source="O advogado de Smith falou longamente sobre Smith.") == []


def spans(text: str, lang: str = "en") -> list[str]:
    return [text[slice(*f.target_span)] for f in run(text, target_lang=lang)]


def test_one_entity_as_subject_and_object_of_one_verb():
    assert spans("Russia accused Russia of violating the ceasefire.") == ["Russia accused Russia"]
    assert spans("Brazil beat Brazil 2-1 in the final.") == ["Brazil beat Brazil"]
    assert spans("The European Union fined the European Union 2 billion euros.") != []
    assert spans("A Rússia acusou a Rússia de violar o cessar-fogo.", "pt") == ["Rússia acusou a Rússia"]
    assert spans("La Russie a accusé la Russie de violer le cessez-le-feu.", "fr") != []


def test_a_weekday_does_not_glue_onto_the_repeated_name():
    assert spans("Israel launched strikes against Israel on Sunday night.") == ["Israel launched strikes against Israel"]


def test_a_speaker_naming_itself_and_two_owners_are_sound():
    assert run("Russia said Russia would respond to any attack.") == []
    assert run("Germany's chancellor said Germany would send more aid.") == []
    assert run("NATO said on Tuesday that NATO troops would stay.") == []
    assert run("China's exports to China's neighbours grew last year.") == []
    assert run("A Rússia disse que a Rússia responderia a qualquer ataque.", target_lang="pt") == []
