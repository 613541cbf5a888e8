"""Forced decoding of the embedded models, run for real, and the negation probes built on it."""

import math
import struct

import pytest

from tqcheck.backends.embedded import EmbeddedBackend
from tqcheck.backends.marian_scoring import MarianScorer
from tqcheck.cache import CachedBackend, TranslationCache
from tqcheck.errors import BackendError
from tqcheck.probes import ProbeInput, probe
from tqcheck.records import ProbeKind
from tqcheck.text.glossary import glossary, senses

SOURCE = "Foram realizados progressos, mas estes benefícios devem ser mantidos."


def test_the_engines_own_translation_is_what_the_scorer_finds_likely():
    backend = EmbeddedBackend.shared()
    [own] = backend.translate([SOURCE], "pt", "en")
    unrelated = "The weather in the mountains was cold and wet all week."
    mine, other = backend.score([(SOURCE, own), (SOURCE, unrelated)], "pt", "en")
    # a mis-read weight or a wrong layer would not leave the engine's own choice near certain
    assert mine / len(own.split()) > -0.7
    assert other < mine - 40


def test_a_pair_scores_the_same_alone_and_in_a_batch_of_other_lengths_and_sources():
    backend = EmbeddedBackend.shared()
    pairs = [
        (SOURCE, "Progress has been made, but these gains must be maintained."),
        ("O governo anunciou novas medidas ontem.", "The government announced new measures yesterday."),
        (SOURCE, "Progress."),
        ("O governo anunciou novas medidas ontem.", "Yesterday the government announced new measures, it said."),
    ]
    together = backend.score(pairs, "pt", "en")
    # the batch shares products across sentences, never numbers: each score is its own, to float32's
    # precision (BLAS sums a product of a few rows in another order than one of hundreds)
    alone = [backend.score([pair], "pt", "en")[0] for pair in pairs]
    assert together == pytest.approx(alone, rel=1e-5, abs=1e-4)
    assert together[0] > together[2] and len(set(together)) == 4


def _probes(source, draft):
    backend = EmbeddedBackend.shared()
    [back] = backend.translate([draft], "en", "pt")
    [found] = probe([ProbeInput(source, draft, back)], "pt", "en", backend)
    return found


def test_an_inserted_negation_is_probed_and_a_supported_one_is_not():
    inserted = "Progress has been made, but these gains must never be kept."
    [negator] = _probes(SOURCE, inserted)
    assert negator.kind is ProbeKind.NEGATOR and inserted[slice(*negator.span)] == "never" and negator.gain > 10
    assert negator.back_gain is not None  # asked the way back too: the draft is far likelier without it
    negating = "Foram realizados progressos, mas estes benefícios não devem ser perdidos."
    assert _probes(negating, "Progress has been made, but these gains must not be lost.") == ()
    assert _probes(SOURCE, "Progress has been made.") == ()


def test_a_negation_dropped_from_the_source_gains_both_ways_and_a_folded_one_does_not():
    source = "O progresso não pode surgir em detrimento da qualidade."
    [dropped] = _probes(source, "Progress can come at the expense of quality.")
    assert dropped.kind is ProbeKind.SOURCE_NEGATOR and source[slice(*dropped.span)] == "não"
    assert dropped.gain > 5 and dropped.back_gain > 5
    # "disagree" still denies: the source without its "não" fits the draft no better
    folded = "É provável que os norte-americanos não concordem com isto."
    [kept] = _probes(folded, "The Americans are likely to disagree with this.")
    assert kept.gain < 5 and kept.back_gain is None
    # a draft that denies too, and a negative question, are not asked
    assert _probes(source, "Progress cannot come at the expense of quality.") == ()
    assert _probes("Será que não se pode fazer nada para acabar com a matança?", "Can anything be done to stop the killing?") == ()


CLAUSED = "Os eleitores deste país, que estão bem informados pelos numerosos estudos, perceberam o truque do governo."


def test_an_unsupported_negation_gains_both_ways_and_a_fitting_one_does_not():
    source = "As vacinas protegem as pessoas para toda a vida."
    [negator] = _probes(source, "Vaccines don't protect people for a lifetime.")
    assert negator.gain > 4 and negator.back_gain > 5
    # "longe de" (far from) gives the "not" its reason: little gain, so nothing is asked the way back
    fitting = "A realidade, que já está a tornar-se evidente, está longe de ser tão promissora."
    [negator] = _probes(fitting, "The reality, which is already becoming apparent, is not nearly so rosy.")
    assert negator.gain < 4 and negator.back_gain is None


def test_an_antonym_put_back_gains_both_ways_in_either_direction():
    backend = EmbeddedBackend.shared()
    source = "Entretanto, a UE reforçou a legislação para proibir todo o comércio de mercadorias usadas para tortura."
    [forward] = backend.translate([source], "pt", "en")
    assert "ban" in forward
    for draft, reversed_ in [("to allow all trade", True), ("to forbid all trade", False)]:
        draft = f"Meanwhile, the EU tightened legislation {draft} in goods used for torture."
        [back] = backend.translate([draft], "en", "pt")
        found = probe([ProbeInput(source, draft, back, forward)], "pt", "en", backend)[0]
        assert bool(found) == reversed_  # "forbid" is no antonym of "ban": nothing to probe
        for p in found:
            assert p.kind is ProbeKind.ANTONYM and draft[slice(*p.span)] == "allow" and p.gain > 6 and p.back_gain > 6
    english = "The proposal to ban the trade was approved by the European Parliament."
    draft = "A proposta de proibir o comércio foi rejeitada pelo Parlamento Europeu."
    [back] = backend.translate([draft], "pt", "en")
    [[p]] = probe([ProbeInput(english, draft, back)], "en", "pt", backend)
    assert english[slice(*p.span)] == "approved" and p.gain > 6 and p.back_gain > 6


def test_a_lowered_degree_against_a_comparative_is_probed_and_a_faithful_one_is_not():
    backend = EmbeddedBackend.shared()
    english = "The city centre was safer at night."
    for draft, lowered in [("O centro da cidade estava menos seguro à noite.", True),
                           ("O centro da cidade estava mais seguro à noite.", False)]:
        [back] = backend.translate([draft], "pt", "en")
        [found] = probe([ProbeInput(english, draft, back)], "en", "pt", backend)
        assert bool(found) == lowered, back
        for p in found:  # "less safe" put in the source's place reads far likelier, both ways
            assert p.kind is ProbeKind.ANTONYM and english[slice(*p.span)] == "safer"
            assert p.gain > 6 and p.back_gain > 6


def test_a_cut_clause_whose_word_the_draft_keeps_elsewhere_is_still_probed():
    # "found" is said twice in the source; the cut draft keeps one, which covered the clause's
    backend = EmbeddedBackend.shared()
    english = "A police spokesman has confirmed the woman whose body was found is local to Birkenhead and she was found inside a property."
    kept = "Um porta-voz da polícia confirmou que a mulher cujo corpo foi encontrado era residente em Birkenhead"
    [forward] = backend.translate([english], "en", "pt")  # a last clause is probed in a draft shorter than this
    for draft, cut in [(kept + ".", True), (kept + " e que foi encontrada dentro de uma propriedade.", False)]:
        [back] = backend.translate([draft], "pt", "en")
        [found] = probe([ProbeInput(english, draft, back, forward)], "en", "pt", backend)
        assert [english[slice(*p.span)] for p in found] == (["and she was found inside a property"] if cut else []), back


def test_a_dropped_inner_clause_gains_both_ways_and_a_rendered_one_is_not_probed():
    [clause] = _probes(CLAUSED, "The voters of this country saw through the government's trick.")
    assert clause.kind is ProbeKind.CLAUSE and CLAUSED[slice(*clause.span)] == "que estão bem informados pelos numerosos estudos"
    assert clause.gain > 10 and clause.back_gain > 7
    faithful = "The voters of this country, who are well informed by the many studies, saw through the government's trick."
    assert _probes(CLAUSED, faithful) == ()


def test_an_added_clause_gains_both_ways_and_a_faithful_draft_is_not_probed():
    source = "O novo hospital terá quatrocentas camas e abrirá as portas em março."
    backend = EmbeddedBackend.shared()
    [forward] = backend.translate([source], "pt", "en")

    def added(draft):
        [back] = backend.translate([draft], "en", "pt")
        [found] = probe([ProbeInput(source, draft, back, forward)], "pt", "en", backend)
        return [p for p in found if p.kind is ProbeKind.ADDED]

    draft = (
        "The new hospital will have four hundred beds, which the government promised to double by the end of the "
        "decade, and will open its doors in March."
    )
    [piece] = [p for p in added(draft) if p.text == "which the government promised to double by the end of the decade"]
    assert draft[slice(*piece.span)] == piece.text and piece.gain > 8 and piece.back_gain > 8
    assert added("The new hospital will have four hundred beds and will open its doors in March.") == []


def test_scores_are_cached(tmp_path):
    counted = []

    class Counting(EmbeddedBackend):
        def score(self, pairs, src, tgt):
            counted.append(len(pairs))
            return super().score(pairs, src, tgt)

    cached = CachedBackend(Counting(), TranslationCache(tmp_path / "c.sqlite3"))
    first = cached.score([(SOURCE, "Progress has been made.")], "pt", "en")
    again = cached.score([(SOURCE, "Progress has been made.")], "pt", "en")
    assert first == again and counted == [1]


def _marian_file(config: str) -> bytes:
    """A one-item Marian binary model holding only its configuration."""
    name, data = b"special:model.yml\0", config.encode()
    head = struct.pack("<QQ", 1, 1) + struct.pack("<QQQQ", len(name), 0x0101, 1, len(data)) + name
    head += struct.pack("<i", len(data))
    return head + struct.pack("<Q", 0) + data


def test_unreadable_or_other_architecture_models_are_refused():
    vocab = b""
    with pytest.raises(BackendError, match="not a readable Marian binary model"):
        MarianScorer(b"\x01\x00", vocab)
    with pytest.raises(BackendError, match="transformer-SSRU students only"):
        MarianScorer(_marian_file("type: s2s\ndec-cell: gru\n"), vocab)



def test_probing_reports_progress_in_both_directions():
    backend = EmbeddedBackend.shared()
    draft = "The voters of this country saw through the government's trick."
    [back] = backend.translate([draft], "en", "pt")
    seen = []
    probe([ProbeInput(CLAUSED, draft, back)], "pt", "en", backend, lambda *step: seen.append(step))
    assert seen == [("probing (pt→en)", 2, 2), ("probing (en→pt)", 2, 2)]


def test_the_pipeline_wires_probes_to_the_checks_that_read_them(tmp_path):
    """End to end through the real model: TQ105, TQ404 and TQ403 at critical exist only through
    the probes, so each goes silent (or major) when the pipeline stops handing probes over."""
    from tqcheck.config import Config
    from tqcheck.pipeline import Languages, check_files
    from tqcheck.records import Severity

    source = tmp_path / "source.pt.txt"
    draft = tmp_path / "draft.en.txt"
    source.write_text(
        f"{CLAUSED}\n"
        "Mas, além da ética, existem considerações geopolíticas.\n"
        "Entretanto, a UE reforçou a legislação para proibir todo o comércio de mercadorias usadas para tortura.\n",
        encoding="utf-8",
    )
    draft.write_text(
        "The voters of this country saw through the government's trick.\n"
        "But, beyond ethics, there are no geopolitical considerations.\n"
        "Meanwhile, the EU tightened legislation to allow all trade in goods used for torture.\n",
        encoding="utf-8",
    )
    report = check_files([str(draft)], str(source), Languages("pt", "en"), Config(cache=False))
    critical = [
        {f.code for f in s.findings if f.severity is Severity.CRITICAL} for s in report.files[0].segments
    ]
    assert "TQ105" in critical[0] and "TQ404" in critical[1] and "TQ403" in critical[2]


def _assert_dropped_negation_critical(tmp_path, pairs, cue):
    """Each (English source, draft without its negation, faithful draft) checked en→pt: the first
    draft has a critical TQ402 on ``cue`` of the source, the faithful one none."""
    from tqcheck.config import Config
    from tqcheck.pipeline import Languages, check_files
    from tqcheck.records import Severity

    source, draft = tmp_path / "source.en.txt", tmp_path / "draft.pt.txt"
    source.write_text("".join(f"{s}\n{s}\n" for s, *_ in pairs), encoding="utf-8")
    draft.write_text("".join(f"{dropped}\n{kept}\n" for _, dropped, kept in pairs), encoding="utf-8")
    segments = check_files([str(draft)], str(source), Languages("en", "pt"), Config(cache=False)).files[0].segments
    for (text, *_), dropped, kept in zip(pairs, segments[0::2], segments[1::2]):
        [finding] = [f for f in dropped.findings if f.code == "TQ402"]
        assert finding.severity is Severity.CRITICAL and text[slice(*finding.source_span)] == cue
        assert not [f for f in kept.findings if f.code == "TQ402"]


def test_a_contracted_negation_dropped_from_an_english_source_is_critical_when_the_model_agrees(tmp_path):
    """The source's "wasn't" is counted as the cue "n't" and probed as the whole word: the check
    finds the probe of the word that holds its cue, and the faithful twins stay clean."""
    pairs = [
        ("After losing the match, there wasn't much reason to carry on with the season.",
         "Depois de perder o jogo, havia muitas razões para continuar a temporada.",
         "Depois de perder o jogo, não havia muitas razões para continuar a temporada."),
        ("The government said it can't pass the law this year.",
         "O governo disse que pode aprovar a lei este ano.",
         "O governo disse que não pode aprovar a lei este ano."),
    ]
    _assert_dropped_negation_critical(tmp_path, pairs, "n't")


def test_a_negation_carried_by_do_dropped_from_an_english_source_is_critical(tmp_path):
    """A software string and a news sentence whose "do not" / "did not" the draft turns: probed as
    "Turn off…" and "finished", not as the emphatic "Do turn off…" the model shuns either way."""
    pairs = [
        ("Do not turn off your computer.", "Desligue o seu computador.", "Não desligue o seu computador."),
        ("The update did not finish.", "A atualização terminou.", "A atualização não terminou."),
    ]
    _assert_dropped_negation_critical(tmp_path, pairs, "not")


def test_a_negative_form_or_a_quantifier_counts_only_when_the_model_agrees(tmp_path):
    from tqcheck.config import Config
    from tqcheck.pipeline import Languages, check_files
    from tqcheck.records import Severity

    source, draft = tmp_path / "source.pt.txt", tmp_path / "draft.en.txt"
    source.write_text(
        "Chuvas acima de 12 milímetros são possíveis, o que pode causar pequenos deslizamentos.\n"
        "É impossível prever o resultado da votação.\n"
        "A prisão alberga mais de 500 reclusos, incluindo alguns dos criminosos mais perigosos do país.\n"
        "Os preços subiram menos do que no ano passado.\n",
        encoding="utf-8",
    )
    draft.write_text(
        "Rainfall of over 12 millimetres is impossible, which could cause minor landslides.\n"
        "It is not possible to predict the outcome of the vote.\n"  # a paraphrase: no swap
        "The prison holds fewer than 500 inmates, including some of the most dangerous offenders in the country.\n"
        "Prices rose more slowly than last year.\n",  # "more" against "less", which the model does not back
        encoding="utf-8",
    )
    segments = check_files([str(draft)], str(source), Languages("pt", "en"), Config(cache=False)).files[0].segments
    swapped = [[f for f in s.findings if f.code == "TQ403"] for s in segments]
    assert [len(found) for found in swapped] == [1, 0, 1, 0]
    assert all(found[0].severity is Severity.CRITICAL for found in swapped if found)
    assert "“impossible”" in swapped[0][0].message and "“fewer”" in swapped[2][0].message


@pytest.mark.skipif(
    glossary("pt") is None or not senses("mais", "pt"),
    reason="FreeDict Portuguese dictionaries (Debian dict-freedict-por-eng, dict-freedict-eng-por) not installed",
)
def test_an_opposite_the_back_translation_words_differently_is_read_in_the_drafts_own_language(tmp_path):
    """The back-translation says "later" or "at the end of" where the source says "previously" or
    "earlier": no English antonyms. The draft's "depois" and "fim" are the antonyms of the
    "antes" and "início" of the machine translation of the source, read through the dictionary;
    the model confirms each, and the faithful twins stay clean."""
    from tqcheck.config import Config
    from tqcheck.pipeline import Languages, check_files
    from tqcheck.records import Severity

    pairs = [
        ("Earlier this week, the council approved the new budget for schools.",
         "No {} desta semana, o conselho aprovou o novo orçamento para as escolas.", "fim", "início"),
        ("More and more people are learning foreign languages online.",
         "Cada vez {} pessoas aprendem línguas estrangeiras online.", "menos", "mais"),
        ("Ten years previously, a pig pinned a Welsh farmer to his tractor.",
         "Dez anos {}, um porco prendeu um agricultor galês ao seu trator.", "depois", "antes"),
    ]
    source, draft = tmp_path / "source.en.txt", tmp_path / "draft.pt.txt"
    source.write_text("".join(f"{s}\n{s}\n" for s, *_ in pairs), encoding="utf-8")
    draft.write_text("".join(f"{d.format(wrong)}\n{d.format(right)}\n" for _, d, wrong, right in pairs), encoding="utf-8")
    segments = check_files([str(draft)], str(source), Languages("en", "pt"), Config(cache=False)).files[0].segments
    for (_, _, wrong, right), swapped, faithful in zip(pairs, segments[0::2], segments[1::2]):
        [finding] = [f for f in swapped.findings if f.code == "TQ403"]
        assert finding.severity is Severity.CRITICAL and f"“{wrong}”" in finding.message and f"“{right}”" in finding.message
        assert swapped.segment.target[slice(*finding.target_span)] == wrong
        assert not [f for f in faithful.findings if f.code == "TQ403"]



def test_an_opposite_the_machine_translation_words_differently_is_read_against_the_source(tmp_path):
    """An English draft whose word the machine translation of the source words otherwise
    ("difficult" for the draft's "soft", "confidence" for its "mistrust"): no English antonym to
    read. The source's "difícil", "frias" and "confiança" mean hard, cool and trust in the
    dictionary, antonyms of the draft's words; the model confirms each, and the faithful twins
    stay clean."""
    from tqcheck.config import Config
    from tqcheck.pipeline import Languages, check_files
    from tqcheck.records import Severity

    pairs = [
        ("O exame foi difícil para quase todos os alunos da turma.",
         "The exam was {} for almost every student in the class.", "soft", "hard", "difícil"),
        ("As noites ficaram frias durante a última semana de setembro.",
         "Nights were {} during the last week of September.", "warm", "cold", "frias"),
        ("A confiança dos consumidores caiu no último trimestre.",
         "Consumer {} fell in the last quarter.", "mistrust", "confidence", "confiança"),
    ]
    source, draft = tmp_path / "source.pt.txt", tmp_path / "draft.en.txt"
    source.write_text("".join(f"{s}\n{s}\n" for s, *_ in pairs), encoding="utf-8")
    draft.write_text("".join(f"{d.format(wrong)}\n{d.format(right)}\n" for _, d, wrong, right, _ in pairs), encoding="utf-8")
    segments = check_files([str(draft)], str(source), Languages("pt", "en"), Config(cache=False)).files[0].segments
    for (_, _, wrong, _, said), swapped, faithful in zip(pairs, segments[0::2], segments[1::2]):
        [finding] = [f for f in swapped.findings if f.code == "TQ403"]
        assert finding.severity is Severity.CRITICAL and f"“{wrong}”" in finding.message and f"“{said}”" in finding.message
        assert swapped.segment.target[slice(*finding.target_span)] == wrong
        assert swapped.segment.source[slice(*finding.source_span)] == said
        assert not [f for f in faithful.findings if f.code == "TQ403"]

def _dropped(tmp_path, sentence, cut, whole, langs=("pt", "en"), code="TQ105"):
    """The findings of ``code`` on a draft that leaves a piece of ``sentence`` out, and on its faithful twin."""
    from tqcheck.config import Config
    from tqcheck.pipeline import Languages, check_files

    source, draft = tmp_path / "source.txt", tmp_path / "draft.txt"
    source.write_text(sentence + "\n" + sentence + "\n", encoding="utf-8")
    draft.write_text(cut + "\n" + whole + "\n", encoding="utf-8")
    segments = check_files([str(draft)], str(source), Languages(*langs), Config(cache=False)).files[0].segments
    return [[f for f in segment.findings if f.code == code] for segment in segments]


DROPPED_PIECES = [  # a source, a draft leaving a piece out, its faithful twin, the piece, the bars it clears a word back
    pytest.param(
        "Janet Jackson, the Weeknd, Shawn Mendes, Cardi B e Janelle Monáe estão entre os artistas que irão atuar "
        "no evento deste ano em Nova Iorque, apresentado por Deborra-Lee Furness e Hugh Jackman.",
        "Janet Jackson, the Weeknd, Shawn Mendes, Cardi B, Janelle Monáe are among some of the acts performing at "
        "this year's event in New York.",
        "Janet Jackson, the Weeknd, Shawn Mendes, Cardi B and Janelle Monáe are among the acts performing at this "
        "year's event in New York, hosted by Deborra-Lee Furness and Hugh Jackman.",
        "apresentado por Deborra-Lee Furness e Hugh Jackman",
        (10, math.inf),  # the last clause's own bar
        id="last clause",
    ),
    pytest.param(
        "A insurreição, que continua até hoje, destruiu praticamente a economia da região, que depende em grande "
        "parte do turismo.",
        "The insurgency, which continues to this day, has all but destroyed the region's economy.",
        "The insurgency, which continues to this day, has all but destroyed the region's economy, which depends "
        "largely on tourism.",
        "que depende em grande parte do turismo",
        (4.5, 10),  # under the last clause's bar: the draft is short of the clause's words
        id="last clause the draft is short of",
    ),
    pytest.param(
        "Muitos medicamentos comuns, incluindo a morfina, a codeína e o suplemento de fibra Metamucil, são extraídos "
        "de plantas.",
        "Many common medicines, including morphine, codeine, are extracted from plants.",
        "Many common medicines, including morphine, codeine and the fibre supplement Metamucil, are extracted from "
        "plants.",
        "e o suplemento de fibra Metamucil",
        (4.5, math.inf),
        id="list's last item, after its and",
    ),
    pytest.param(
        "O novo hospital terá quatrocentas camas, vai contratar duzentos enfermeiros e abrirá as portas em março do "
        "próximo ano.",
        "The new hospital will have four hundred beds and will open its doors in March next year.",
        "The new hospital will have four hundred beds, will hire two hundred nurses and will open its doors in March "
        "next year.",
        "vai contratar duzentos enfermeiros",
        (4.5, math.inf),
        id="middle item, before its and",
    ),
]


@pytest.mark.parametrize(("sentence", "cut", "whole", "piece", "bars"), DROPPED_PIECES)
def test_a_piece_left_out_is_critical_and_its_faithful_twin_clean(tmp_path, sentence, cut, whole, piece, bars):
    from tqcheck.records import Severity

    [dropped], faithful = _dropped(tmp_path, sentence, cut, whole)
    assert dropped.severity is Severity.CRITICAL and f"“{piece}”" in dropped.message
    assert bars[0] <= dropped.evidence["back_gain_per_word"] < bars[1]
    assert faithful == []


@pytest.mark.parametrize(
    ("sentence", "cut", "whole", "item"),
    [
        (
            "Officials said the storm would bring heavy rain, hail and strong winds to the region on Sunday.",
            "As autoridades disseram que a tempestade traria chuva forte e ventos fortes para a região no domingo.",
            "As autoridades disseram que a tempestade traria chuva forte, granizo e ventos fortes para a região no "
            "domingo.",
            "hail",
        ),
        (
            "Residents were asked to bring water, blankets, medicine and food to the shelter.",
            "Os moradores foram convidados a levar água, cobertores e comida para o abrigo.",
            "Os moradores foram convidados a levar água, cobertores, remédios e comida para o abrigo.",
            "medicine",
        ),
    ],
)
def test_a_one_word_list_item_left_out_is_probed_and_critical_past_its_own_bar(tmp_path, sentence, cut, whole, item):
    """Under three content words a piece is probed only when the back-translation has none of them,
    and its cost a word must clear ``item-min-back-gain``."""
    from tqcheck.checks.dropped_clause import DroppedClause
    from tqcheck.records import Severity

    [dropped], faithful = _dropped(tmp_path, sentence, cut, whole, ("en", "pt"))
    assert dropped.severity is Severity.CRITICAL and f"“{item}”" in dropped.message
    assert dropped.evidence["back_gain_per_word"] >= DroppedClause.options["item-min-back-gain"]
    assert faithful == []


def test_a_list_item_cut_from_a_draft_short_of_its_words_needs_a_lower_bar(tmp_path):
    """A draft that is short of the item's words (against the machine translation of the source)
    was cut, not rendered freely: the item's cost a word need only clear ``short-item-min-back-gain``
    ("recorded an album" reads about 10 nats a word back, under the 12 of an item anywhere)."""
    from tqcheck.checks.dropped_clause import DroppedClause
    from tqcheck.records import Severity

    sentence = "The singer toured Japan, recorded an album and married her manager in 2019."
    cut = "A cantora fez uma digressão pelo Japão e casou com o seu empresário em 2019."
    whole = "A cantora fez uma digressão pelo Japão, gravou um álbum e casou com o seu empresário em 2019."
    [dropped], faithful = _dropped(tmp_path, sentence, cut, whole, ("en", "pt"))
    assert dropped.severity is Severity.CRITICAL and "“recorded an album”" in dropped.message
    back = dropped.evidence["back_gain_per_word"]
    assert DroppedClause.options["short-item-min-back-gain"] <= back < DroppedClause.options["item-min-back-gain"]
    assert faithful == []


@pytest.mark.parametrize(
    ("sentence", "cut", "whole", "name", "piece"),
    [
        (
            "The minister spoke about taxes, about schools, about Germany, and about the coming election.",
            "O ministro falou sobre os impostos, sobre as escolas e sobre as próximas eleições.",
            "O ministro falou sobre os impostos, sobre as escolas, sobre a Alemanha e sobre as próximas eleições.",
            "Germany",
            "about Germany",
        ),
        (
            "He thanked his wife, his friends in Brazil, and his coach.",
            "Agradeceu à mulher e ao treinador.",
            "Agradeceu à mulher, aos amigos no Brasil e ao treinador.",
            "Brazil",
            "his friends in Brazil",
        ),
    ],
)
def test_a_name_cut_out_with_its_piece_is_critical_where_the_model_reads_the_cut(tmp_path, sentence, cut, whole, name, piece):
    """A name dropped alone is major (translators drop names); dropped with a piece of the source the
    model reads the draft far likelier without, it was cut. TQ105 asks the way back too, which a
    short piece with a name in it often fails ("about Germany": 4 nats a word)."""
    from tqcheck.checks.entity_mismatch import EntityMismatch
    from tqcheck.records import Severity

    [lost], faithful = _dropped(tmp_path, sentence, cut, whole, ("en", "pt"), "TQ201")
    assert lost.severity is Severity.CRITICAL and lost.message.startswith(f"source names {name};")
    assert f"without “{piece}”" in lost.message and lost.evidence["gain"] >= EntityMismatch.options["probe-min-gain"]
    assert faithful == []


@pytest.mark.parametrize(
    ("sentence", "cut", "whole"),
    [
        ("A superb goal and a win for Porto.", "Um golo.", "Um golo soberbo e uma vitória para o Porto."),
        ("A great night and a win for Lisbon.", "Uma grande noite.", "Uma grande noite e uma vitória para Lisboa."),
    ],
)
def test_a_short_sentence_cut_to_a_fragment_is_critical_though_its_lost_runs_are_short(tmp_path, sentence, cut, whole):
    """Under half the expected length in both languages, two content words lost in both suffice: a
    sentence this short has no run of four left to lose, and the model's probes read little in a
    draft this broken."""
    from tqcheck.records import Severity

    [lost], faithful = _dropped(tmp_path, sentence, cut, whole, ("en", "pt"), "TQ103")
    assert lost.severity is Severity.CRITICAL and "win for" in sentence[slice(*lost.source_span)]
    assert faithful == []
