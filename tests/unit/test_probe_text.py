"""The text side of the probes: which negators can be taken out, where clauses are, and which
neighbouring words a round trip puts the other way round."""

import pytest

from tqcheck.text.negation import denials, removable_negators
from tqcheck.text.order import exchanged, transpositions
from tqcheck.text.segment import clause_pieces, clauses, listed_together


def _without(text, lang="en"):
    return {cue.text: rest for cue, rest in removable_negators(text, lang)}


def test_each_plain_negator_with_the_text_as_it_reads_without_it():
    found = _without("They don't know it, we can't say, and it will never last.")
    assert found == {
        "don't": "They know it, we can't say, and it will never last.",
        "can't": "They don't know it, we can say, and it will never last.",
        "never": "They don't know it, we can't say, and it will last.",
    }
    assert _without("Não é isso.", "pt") == {"Não": "É isso."}
    assert _without("It may well n't last.") == {"n't": "It may well last."}
    # "no longer" goes as one: without "no" alone, "longer" would be left standing
    assert _without("Support now means no longer credibility.") == {"no longer": "Support now means credibility."}


def test_an_auxiliary_that_only_carries_the_negation_goes_with_it_and_its_verb_takes_the_form():
    # "did finish" is emphatic, a reading the model shuns whatever the draft says
    assert _without("The update did not finish.") == {"not": "The update finished."}
    assert _without("Do not turn off your computer.") == {"not": "Turn off your computer."}
    assert _without("Please don't close it; she doesn't agree.") == {
        "don't": "Please close it; she doesn't agree.", "doesn't": "Please don't close it; she agrees."
    }
    # irregular verbs and doubled consonants from WordNet; one adverb in "-ly" may stand between
    assert _without("Police did not immediately say why.") == {"not": "Police immediately said why."}
    assert [_without(f"He did not {verb} it.")["not"] for verb in ("go", "stop", "put", "have", "carry")] == [
        "He went it.", "He stopped it.", "He put it.", "He had it.", "He carried it."
    ]
    assert [rest for _, rest in removable_negators("It does not fly; it does not try.", "en")] == [
        "It flies; it does not try.", "It does not fly; it tries."
    ]
    # no verb after it (a question's subject, an ellipsis) or no known past: the auxiliary stays
    assert _without("Didn't you see it?") == {"Didn't": "Did you see it?"}
    assert _without("He did not.") == {"not": "He did."}
    assert _without("It did not begin on time.") == {"not": "It did begin on time."}  # began or begun: unknown


def test_idioms_whose_negation_denies_nothing_are_left_out():
    assert _without("It was not only cheap but also good, in no small part, never mind the cost.") == {}
    assert _without("A no-fly zone; the fears were not unfounded.") == {}
    assert _without("O problema não para de crescer, sem dúvida nenhuma.", "pt") == {}
    assert _without("Será difícil, para não dizer pior.", "pt") == {} and _without("Hard, not to mention costly.") == {}
    assert _without("Nenhum país.", "el") == {}


def test_clauses_are_the_stretches_between_clause_punctuation():
    text = "Os peritos, que estudaram o caso durante anos, concluíram que a política falhou; e a reforma (adiada desde 2010) continua."
    assert [text[a:b] for a, b in clauses(text)] == [
        "que estudaram o caso durante anos",
        "concluíram que a política falhou",
        "e a reforma",
        "adiada desde 2010",
    ]


def test_clause_pieces_add_list_items_and_what_precedes_and_follows_each_and():
    text = "Os governos devem cuidar da selecção, qualidade e gestão dos projectos, disse o relatório."
    assert [text[a:b] for a, b in clause_pieces(text, "pt")] == [
        "Os governos devem cuidar da selecção",
        "qualidade e gestão dos projectos",
        "qualidade",
        "e gestão dos projectos",
        "disse o relatório",
    ]
    # only words that join equals: a "que" clause is no piece to leave out on its own
    english = "He said that taxes will rise and pensions will fall."
    assert [english[a:b] for a, b in clause_pieces(english, "en")] == [
        english[:-1], "He said that taxes will rise", "and pensions will fall"
    ]
    german = "Die Regierung senkt die Steuern und erhöht die Renten."
    assert [german[a:b] for a, b in clause_pieces(german, "de")] == [
        german[:-1], "Die Regierung senkt die Steuern", "und erhöht die Renten"
    ]
    # a language with no module has its clauses alone
    assert clause_pieces("Der Plan, sagte er, und mehr.", "xx") == clauses("Der Plan, sagte er, und mehr.", min_words=1)


def test_denials_leave_out_idiomatic_negations():
    assert denials("Garantiram o seu apoio, e não só para as preocupações urgentes.", "pt") == []
    assert [c.text for c in denials("Esta loucura não pode continuar para sempre.", "pt")] == ["não"]
    assert [c.text for c in denials("Not only cheap, it does not break.", "en")] == ["not"]
    # contracted with the article: "em vez dos" (instead of the) denies as "em vez de" does
    assert [c.text for c in denials("A junta combate o Islão em vez dos manifestantes.", "pt")] == ["em vez dos"]


def test_neighbours_a_round_trip_has_the_other_way_round_and_the_draft_with_them_exchanged():
    draft = "They will build a hospital new, said the minister of health in Porto."
    trip = "They will build a new hospital, the health minister said in Porto."
    assert [draft[a:b] for a, b in transpositions(draft, trip)] == ["hospital new"]  # "said the" is no neighbour pair there
    assert exchanged("hospital new") == "new hospital" and exchanged("Liverpool's, now") == "now, Liverpool's"
    # a pair the round trip also has in the draft's order is no slip; a word next to itself is none either
    assert list(transpositions("a new hospital", "a hospital new, a new hospital")) == []
    assert list(transpositions("very very good", "very very good")) == []


def _spans(text, *words):
    return [(text.index(w), text.index(w) + len(w)) for w in words]


@pytest.mark.parametrize(
    ("text", "code", "a", "b", "listed"),
    [
        ("Kai-Fu Lee worked for Google, Microsoft and Apple.", "en", "Microsoft", "Apple", True),
        ("Kai-Fu Lee worked for Google, Microsoft and Apple.", "en", "Google", "Microsoft", True),  # "and" follows
        ("o Facebook, o Google e outras empresas", "pt", "Facebook", "Google", True),
        ("o plano da Rússia e dos EUA", "pt", "Rússia", "EUA", True),
        ("the mayor of Osaka, Toru Hashimoto, a former governor", "en", "Osaka", "Toru Hashimoto", False),
        ("she was leaving Truly, Jones jetted out of Britain", "en", "Truly", "Jones", False),
        ("Merkel met Macron in Berlin and Rome", "en", "Merkel", "Macron", False),
    ],
)
def test_two_names_are_listed_together_only_as_items_joined_as_equals(text, code, a, b, listed):
    first, second = _spans(text, a, b)
    assert listed_together(first, second, text, code) is listed
    assert listed_together(second, first, text, code) is listed


def test_without_wordnet_the_auxiliary_stays(tmp_path, monkeypatch):
    from tqcheck.text.antonyms import load_antonyms

    monkeypatch.setenv("TQCHECK_WORDNET", str(tmp_path))
    load_antonyms.cache_clear()
    try:
        assert _without("The update did not finish.") == {"not": "The update did finish."}
        assert _without("Don't go.") == {"Don't": "Do go."}
    finally:
        monkeypatch.delenv("TQCHECK_WORDNET")
        load_antonyms.cache_clear()
