from dataclasses import replace

import pytest

from tests.conftest import make_ctx
from tqcheck.checks.antonym_swap import AntonymSwap
from tqcheck.checks.negation_mismatch import NegationMismatch
from tqcheck.checks.unsupported_negation import UnsupportedNegation
from tqcheck.records import Probe, ProbeKind
from tqcheck.text.antonyms import load_antonyms
from tqcheck.text.glossary import glossary, senses
from tqcheck.text.swaps import crossed_swaps, glossed_swaps, swaps

needs_wordnet = pytest.mark.skipif(load_antonyms() is None, reason="WordNet (Debian wordnet-base) not installed")
needs_portuguese_glosses = pytest.mark.skipif(
    glossary("pt") is None or not senses("mais", "pt"),
    reason="FreeDict Portuguese dictionaries (Debian dict-freedict-por-eng, dict-freedict-eng-por) not installed",
)


def test_added_negation_in_both_languages():
    source = "Diversos países garantiram o seu apoio financeiro."
    target = "Countries around the world have no financial support."
    back = "Os países ao redor do mundo não têm apoio financeiro."
    forward = "Several countries have secured their financial support."
    [finding] = NegationMismatch().run(make_ctx(target, source=source, back=back, forward=forward))
    assert target[slice(*finding.target_span)] == "no" and finding.severity.value == "minor"


def test_a_dropped_negation_is_critical_when_the_model_agrees_both_ways():
    source = "O progresso não pode surgir em detrimento da qualidade."
    target = "Progress can come at the expense of quality."
    back = "O progresso pode vir à custa da qualidade."
    forward = "Progress cannot come at the expense of quality."

    def run(*probes):
        return list(NegationMismatch().run(make_ctx(target, source=source, back=back, forward=forward, probes=probes)))

    [alone] = run()
    assert alone.severity.value == "minor" and source[slice(*alone.source_span)] == "não"
    [agreed] = run(Probe(ProbeKind.SOURCE_NEGATOR, "não", (12, 15), 11.1, 10.6))
    assert agreed.severity.value == "critical" and agreed.evidence == {"gain": 11.1, "back_gain": 10.6}
    [weak_back] = run(Probe(ProbeKind.SOURCE_NEGATOR, "não", (12, 15), 8.5, 2.0))
    assert weak_back.severity.value == "minor" and weak_back.evidence["back_gain"] == 2.0
    # the way back barely tells a sentence from its negative: the draft alone far likelier without it will do
    [one_way] = run(Probe(ProbeKind.SOURCE_NEGATOR, "não", (12, 15), 11.1, 2.0))
    assert one_way.severity.value == "critical" and "as one of the source without it" in one_way.message


def test_a_contracted_negation_is_matched_to_the_probe_of_its_whole_word():
    source = "There wasn't much reason to carry on."
    target = "Havia muitas razões para continuar."
    back = "There were many reasons to continue."
    forward = "Não havia muitas razões para continuar."
    probed = Probe(ProbeKind.SOURCE_NEGATOR, "wasn't", (6, 12), 12.0, 9.5)  # probed as the word, counted as "n't"
    ctx = make_ctx(target, source=source, back=back, forward=forward, source_lang="en", target_lang="pt", probes=(probed,))
    [finding] = NegationMismatch().run(ctx)
    assert source[slice(*finding.source_span)] == "n't" and finding.severity.value == "critical"


def test_negation_folded_into_a_word_is_not_a_finding():
    source = "É provável que os norte-americanos não concordem com isto."
    target = "The Americans are unlikely to agree to this."
    back = "É improvável que os americanos concordem com isso."
    forward = "It is likely that Americans do not agree with this."
    assert list(NegationMismatch().run(make_ctx(target, source=source, back=back, forward=forward))) == []


@needs_wordnet
def test_opposite_word_against_the_forward_translation():
    source = "Os preços da habitação estão a subir na maioria das cidades."
    target = "Housing prices are falling in most cities."
    forward = "Housing prices are rising in most cities."
    [finding] = AntonymSwap().run(make_ctx(target, source=source, forward=forward))
    assert target[slice(*finding.target_span)] == "falling" and "rising" in finding.message
    assert finding.severity.value == "major"  # one word pair in one language: no more than major
    # the model agreeing both ways that "rising" fits the pair far better makes it critical
    agreed = (Probe(ProbeKind.ANTONYM, "falling", (19, 26), 9.1, 12.4),)
    [finding] = AntonymSwap().run(make_ctx(target, source=source, forward=forward, probes=agreed))
    assert finding.severity.value == "critical" and "both ways" in finding.message
    one_way = (Probe(ProbeKind.ANTONYM, "falling", (19, 26), 9.1, 4.4),)
    [finding] = AntonymSwap().run(make_ctx(target, source=source, forward=forward, probes=one_way))
    assert finding.severity.value == "major"
    # a strong reading one way suffices when the way back agrees, however little
    strong = (Probe(ProbeKind.ANTONYM, "falling", (19, 26), 13.0, 2.0),)
    [finding] = AntonymSwap().run(make_ctx(target, source=source, forward=forward, probes=strong))
    assert finding.severity.value == "critical"
    against = (Probe(ProbeKind.ANTONYM, "falling", (19, 26), 13.0, -3.0),)
    [finding] = AntonymSwap().run(make_ctx(target, source=source, forward=forward, probes=against))
    assert finding.severity.value == "major"
    # read forward far likelier still, the way back no longer matters
    forward_only = (Probe(ProbeKind.ANTONYM, "falling", (19, 26), 18.6, -1.4),)
    [finding] = AntonymSwap().run(make_ctx(target, source=source, forward=forward, probes=forward_only))
    assert finding.severity.value == "critical" and finding.message.endswith("far likelier with “rising”, as a translation")


@needs_wordnet
def test_opposite_word_against_an_english_source():
    source = "The proposal was approved by the European Parliament."
    target = "A proposta foi vetada pelo Parlamento Europeu."
    back = "The proposal was rejected by the European Parliament."
    [finding] = AntonymSwap().run(make_ctx(target, source=source, back=back, source_lang="en", target_lang="pt"))
    assert source[slice(*finding.source_span)] == "approved"


@needs_wordnet
def test_before_against_after_counts_only_when_the_model_agrees():
    # prepositions have no WordNet antonyms; "X before Y" is also "Y after X", so the pair is
    # reported only when the model reads the pair far likelier with the source's word
    _found_only_when_the_model_agrees(
        "The attack occurred just before 7 a.m. near the beach.",
        "O ataque ocorreu pouco depois das 7 da manhã perto da praia.",
        "The attack occurred shortly after 7 a.m. near the beach.",
        ("before", "after"),
        (12.8, 13.3),
    )


def _found_only_when_the_model_agrees(
    source: str, target: str, back: str, pair: tuple[str, str], gains: tuple[float, float]
) -> None:
    """No finding from the words alone; critical once the antonym probe on the source's word agrees."""
    ctx = make_ctx(target, source=source, back=back, source_lang="en", target_lang="pt")
    assert list(AntonymSwap().run(ctx)) == []
    word, said = pair
    at = source.index(word)
    agreed = (Probe(ProbeKind.ANTONYM, word, (at, at + len(word)), *gains),)
    [finding] = AntonymSwap().run(replace(ctx, probes=agreed))
    assert source[slice(*finding.source_span)] == word and f"“{said}”" in finding.message
    assert finding.severity.value == "critical"


@needs_wordnet
@needs_portuguese_glosses
def test_an_opposite_in_the_drafts_own_language_is_read_through_a_dictionary_when_the_model_agrees():
    # "previously" and "later" are no WordNet antonyms; "antes" (before) and "depois" (after) are
    ctx = _in_portuguese(
        "Ten years previously, a pig pinned a Welsh farmer to his tractor.",
        "Dez anos {}, um porco prendeu um agricultor galês ao seu trator.", ("depois", "antes"),
        back="Ten years later, a pig pinned a Welsh farmer to his tractor.",
    )
    assert list(AntonymSwap().run(ctx)) == []  # a dictionary's senses alone are no finding
    [finding] = AntonymSwap().run(replace(ctx, probes=_agreed(ctx.target, "depois", (10.8, 16.1))))
    assert ctx.target[slice(*finding.target_span)] == "depois" and finding.severity.value == "critical"
    assert "“depois” (after)" in finding.message and "“antes” (before)" in finding.message
    # an English-side probe at the same place says nothing about the draft's word
    elsewhere = _agreed(ctx.target, "depois", (10.8, 16.1), ProbeKind.ANTONYM)
    assert list(AntonymSwap().run(replace(ctx, probes=elsewhere))) == []


@needs_wordnet
@needs_portuguese_glosses
def test_a_word_read_both_in_english_and_in_the_drafts_language_is_one_finding():
    ctx = _in_portuguese(
        "Earlier this week, the council approved the budget.",
        "No {} desta semana, o conselho aprovou o orçamento.", ("fim", "início"),
        back="Later this week, the council approved the budget.",
    )
    [english] = AntonymSwap().run(ctx)  # "later" for "earlier", the model not asked: major
    assert english.severity.value == "major" and ctx.target[slice(*english.target_span)] == "fim"
    [finding] = AntonymSwap().run(replace(ctx, probes=_agreed(ctx.target, "fim", (17.5, 2.9))))
    assert finding.severity.value == "critical" and "“início” (beginning)" in finding.message


@needs_wordnet
@needs_portuguese_glosses
def test_an_english_draft_is_read_against_its_source_through_a_dictionary_when_the_model_agrees():
    # the machine translation says "difficult", no antonym of "soft"; the source's "difícil" means hard
    source = "O exame foi difícil para quase todos os alunos."
    draft = "The exam was soft for almost every student."
    ctx = make_ctx(draft, source=source, back="O exame foi suave para quase todos os alunos.",
                   forward="The exam was difficult for almost all students.", source_lang="pt", target_lang="en")
    assert list(AntonymSwap().run(ctx)) == []
    [finding] = AntonymSwap().run(replace(ctx, probes=_agreed(draft, "soft", (9.1, 7.4))))
    assert draft[slice(*finding.target_span)] == "soft" and source[slice(*finding.source_span)] == "difícil"
    assert finding.severity.value == "critical" and "the source says “difícil” (hard)" in finding.message
    # a source word the draft renders by one of its senses is no opposite of another draft word
    faithful = "The exam was hard, not soft, for almost every student."
    assert list(crossed_swaps(faithful, source, "pt", "The exam was difficult for almost all students.", ())) == []

@needs_wordnet
@pytest.mark.skipif(glossary("es") is None, reason="FreeDict Spanish dictionaries (Debian dict-freedict-spa-eng) not installed")
def test_an_english_draft_is_read_against_a_spanish_source_too():
    forward = "The nights were cold during the last week."
    [swap] = crossed_swaps("The nights were hot during the last week.", "Las noches fueron frías la última semana.",
                           "es", forward.replace("cold", "chilly"), ())
    assert (swap.word, swap.opposite) == ("hot", "cold")
    assert list(crossed_swaps(forward, "Las noches fueron frías la última semana.", "es", forward, ())) == []


def _in_portuguese(source: str, sentence: str, words: tuple[str, str], back: str):
    """An en→pt check context: the draft has the first word in ``sentence``, the machine
    translation of the source the second."""
    draft, forward = (sentence.format(w) for w in words)
    return make_ctx(draft, source=source, back=back, forward=forward, source_lang="en", target_lang="pt")


def _agreed(target: str, word: str, gains: tuple[float, float], kind: ProbeKind = ProbeKind.GLOSSED_ANTONYM):
    """The model's agreement that the draft reads far likelier with another word in ``word``'s place."""
    at = target.index(word)
    return (Probe(kind, word, (at, at + len(word)), *gains),)


@needs_wordnet
@needs_portuguese_glosses
def test_words_that_share_a_sense_or_only_a_light_verbs_are_no_opposites():
    assert list(glossed_swaps("No fim deste ano, o centro abriu.", "No início deste ano, o centro abriu.", "pt"))
    assert list(glossed_swaps("Os preços subiram muito.", "Os preços aumentaram muito.", "pt")) == []
    assert list(glossed_swaps("Ele deu uma decisão.", "Ele tomou uma decisão.", "pt")) == []  # give, take
    assert list(glossed_swaps("Prices fell.", "Prices rose.", "en")) == []  # English is read by swaps()
    # a hostile segment that says one word a thousand times is asked about it once, not a thousand probes
    [once] = glossed_swaps(" ".join(["menos"] * 1000), " ".join(["mais"] * 1000), "pt")
    assert once.span == (0, 5) and once.opposite == "mais"


@needs_wordnet
def test_a_lowered_degree_against_a_comparative_counts_only_when_the_model_agrees():
    # "less cold" is the opposite of "colder" or "cooler", but which comparative answers it is a
    # guess by position: only the model's agreement makes it a finding
    _found_only_when_the_model_agrees(
        "Winters in the north are getting colder every year.",
        "Os invernos no norte estão a ficar menos frios a cada ano.",
        "Winters in the north are getting less cold every year.",
        ("colder", "less cold"),
        (11.0, 7.5),
    )
    # in the other direction the draft's own phrase is the span
    draft = "It was less warm in the city than forecast."
    [swap] = swaps(draft, "It was hotter in the city than forecast.")
    assert draft[slice(*swap.span)] == "less warm" and swap.opposite == "hotter" and swap.model_only
    # warm and cool are poles of one scale: "less warm" is "cooler"
    assert list(swaps(draft, "It was cooler in the city than forecast.")) == []


@needs_wordnet
def test_a_lowered_degree_that_says_the_same_is_no_swap():
    # "costly" sits under "expensive" in WordNet's clusters, the pole opposite "cheap"
    assert list(swaps("Flights are less costly this year.", "Flights are cheaper this year.")) == []
    assert list(swaps("Flights were less expensive.", "Flights were less costly.")) == []
    # "less strong" is "weaker": the plain antonyms strong/weak are no swap when one is lowered
    assert list(swaps("The wind was less strong than feared.", "The wind was weaker than feared.")) == []
    [swap] = swaps("The wind was less strong than feared.", "The wind was less weak than feared.")
    assert (swap.word, swap.opposite, swap.model_only) == ("strong", "weak", False)


@needs_wordnet
def test_paraphrase_and_compensated_negation_pass():
    forward = "It is not likely that the vote will pass."
    target = "The vote is unlikely to pass."
    assert list(AntonymSwap().run(make_ctx(target, source="x", forward=forward))) == []
    assert list(AntonymSwap().run(make_ctx(forward, source="x", forward=forward))) == []
    # light verbs and a word against its own negative form trade places in paraphrase
    given = "The US cannot turn its back on the region, given its interests in Israel."
    taking = "The US cannot turn its back on the region, taking into account its interests in Israel."
    assert list(AntonymSwap().run(make_ctx(given, source="x", forward=taking))) == []
    official = "It will keep an unofficial list of banned individuals."
    assert list(AntonymSwap().run(make_ctx(official, source="x", forward=official.replace("unofficial", "non-official")))) == []


def test_missing_wordnet_makes_the_check_inactive(tmp_path, monkeypatch):
    monkeypatch.setenv("TQCHECK_WORDNET", str(tmp_path))
    load_antonyms.cache_clear()
    try:
        assert "WordNet not found" in AntonymSwap().unavailable()
    finally:
        monkeypatch.delenv("TQCHECK_WORDNET")
        load_antonyms.cache_clear()


def _unsupported(target, source, probes, **kw):
    return list(UnsupportedNegation(**kw).run(make_ctx(target, source=source, probes=probes)))


def test_negation_the_model_finds_no_reason_for_is_critical():
    source = "Mas, além da ética, existem considerações geopolíticas."
    target = "But, beyond ethics, there are no geopolitical considerations."
    [finding] = _unsupported(target, source, (Probe(ProbeKind.NEGATOR, "no", (30, 32), 13.6),))
    assert finding.severity.value == "critical" and target[slice(*finding.target_span)] == "no"
    assert "“no”" in finding.message and "likelier without it" in finding.message
    [agreed] = _unsupported(target, source, (Probe(ProbeKind.NEGATOR, "no", (30, 32), 6.0, 7.4),))
    assert agreed.severity.value == "critical" and "and the source likelier given it" in agreed.message


def test_small_gain_double_negation_and_negating_source_pass():
    source = "Mas, além da ética, existem considerações geopolíticas."
    target = "But, beyond ethics, there are no geopolitical considerations."
    assert _unsupported(target, source, (Probe(ProbeKind.NEGATOR, "no", (30, 32), 6.0),)) == []
    # a smaller gain one way counts only when the way back agrees
    assert _unsupported(target, source, (Probe(ProbeKind.NEGATOR, "no", (30, 32), 6.0, -3.0),)) == []
    assert _unsupported(target, source, (Probe(ProbeKind.NEGATOR, "no", (30, 32), 4.0, 9.0),)) == []
    assert _unsupported(target, source, (Probe(ProbeKind.NEGATOR, "no", (30, 32), 13.6),), **{"min-gain": 15}) == []
    neither = "Neither ethics nor geopolitics are considered."
    assert _unsupported(neither, source, (Probe(ProbeKind.NEGATOR, "nor", (15, 18), 13.6),)) == []
    negating = "Não existem considerações geopolíticas."
    assert _unsupported(target, negating, (Probe(ProbeKind.NEGATOR, "no", (30, 32), 13.6),)) == []


def test_through_a_chain_of_two_models_the_two_readings_must_agree_by_more():
    # the pivot text a chain scores against is itself a translation: agreement at 6 nats both
    # ways is evidence on one leg, not on two
    source = "Mas, além da ética, existem considerações geopolíticas."
    target = "But, beyond ethics, there are no geopolitical considerations."
    probe = Probe(ProbeKind.NEGATOR, "no", (30, 32), 6.0, 7.4)

    def found(legs, *probes):
        return list(UnsupportedNegation().run(replace(make_ctx(target, source=source, probes=probes), legs=legs)))

    assert [f.severity.value for f in found(1, probe)] == ["critical"]
    assert found(2, probe) == []
    assert [f.severity.value for f in found(2, replace(probe, gain=9.0, back_gain=8.5))] == ["critical"]
    dropped = ("O progresso não pode surgir em detrimento da qualidade.", "Progress can come at the expense of quality.",
               "O progresso pode vir à custa da qualidade.", "Progress cannot come at the expense of quality.")
    ctx = make_ctx(dropped[1], source=dropped[0], back=dropped[2], forward=dropped[3],
                   probes=(Probe(ProbeKind.SOURCE_NEGATOR, "não", (12, 15), 6.5, 7.0),))
    assert [f.severity.value for f in NegationMismatch().run(ctx)] == ["critical"]
    assert [f.severity.value for f in NegationMismatch().run(replace(ctx, legs=2))] == ["minor"]
