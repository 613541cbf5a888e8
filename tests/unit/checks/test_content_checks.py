"""Omitted and added content, on sentences shaped like WMT22 CED errors (written for these tests)."""

from dataclasses import replace

from tests.conftest import make_ctx
from tqcheck.checks.added_clause import AddedClause
from tqcheck.checks.added_content import AddedContent
from tqcheck.checks.dropped_clause import DroppedClause
from tqcheck.checks.omitted_content import OmittedContent
from tqcheck.records import Probe, ProbeKind

SOURCE = "Com a sua liderança dos protestos, os jovens ganharam legitimidade e dominam o debate sobre o Egito."
FORWARD = "With their leadership of the protests, young people gained legitimacy and dominate the debate on Egypt."


def added(target, back, source=SOURCE, forward=FORWARD):
    return list(AddedContent().run(make_ctx(target, source=source, back=back, forward=forward)))


def omitted(target, back, source, forward):
    return list(OmittedContent().run(make_ctx(target, source=source, back=back, forward=forward)))


def test_hallucinated_clause_is_critical_with_its_span():
    target = (
        "With their leadership of the protests, young people gained legitimacy, which the army violently "
        "suppressed in every province last winter, and dominate the debate on Egypt."
    )
    back = (
        "Com a sua liderança dos protestos, os jovens ganharam legitimidade, que o exército suprimiu violentamente "
        "em todas as províncias no inverno passado, e dominam o debate sobre o Egito."
    )
    [finding] = added(target, back)
    assert finding.severity.value == "critical" and finding.code == "TQ104"
    assert "army violently suppressed" in target[slice(*finding.target_span)]


def test_a_short_phrase_dropped_into_place_is_major():
    target = "With their leadership of the protests, young people gained legitimacy, fresh army backing and dominate the debate on Egypt."
    back = "Com a sua liderança dos protestos, os jovens ganharam legitimidade, novo apoio militar e dominam o debate sobre o Egito."
    [finding] = added(target, back)
    assert finding.severity.value == "major"
    assert target[slice(*finding.target_span)] == "fresh army backing"


def test_a_clause_dropped_into_a_long_sentence_is_critical_though_the_sentence_grows_less():
    # six words inserted grow a long sentence by under a fifth: still critical
    tail_pt = ", proporcionando ao mesmo tempo novos dispositivos nos sectores policial e judiciário."
    tail_en = ", while providing new arrangements in the police and judicial sectors."
    head_pt = "O acordo de Abril vai mais longe ao estabelecer um acordo de partilha de poder no Norte do Kosovo, "
    head_en = "The April agreement goes further by establishing a power-sharing agreement in northern Kosovo, "
    source = head_pt + "que se destina a reforçar o governo local através de uma associação de municípios" + tail_pt
    forward = head_en + "which is designed to strengthen local government through an association of municipalities" + tail_en
    target = (
        head_en + "which is designed to strengthen local government, with firm backing from Belgrade and Brussels, "
        "through an association of municipalities" + tail_en
    )
    back = (
        head_pt + "que se destina a reforçar o governo local, com firme apoio de Belgrado e Bruxelas, "
        "através de uma associação de municípios" + tail_pt
    )
    [finding] = added(target, back, source, forward)
    assert finding.severity.value == "critical" and "(116% of the expected length)" in finding.message
    assert target[slice(*finding.target_span)] == "firm backing from Belgrade and Brussels"


def test_faithful_translation_adds_nothing():
    back = "Com a sua liderança dos protestos, os jovens ganharam legitimidade e dominam o debate sobre o Egito."
    assert added(FORWARD, back) == []


def test_dropped_clause_is_reported_on_the_source():
    source = "Embora os efeitos nocivos da desigualdade sejam vastos e imponham custos elevados às economias, são evitáveis."
    forward = "Although the harmful effects of inequality are vast and impose high costs on economies, they are avoidable."
    target = "Indeed, they are largely avoidable."
    back = "Na verdade, são em grande parte evitáveis."
    [finding] = omitted(target, back, source, forward)
    assert finding.code == "TQ103" and finding.target_span is None
    assert "efeitos nocivos da desigualdade" in source[slice(*finding.source_span)]
    full = "Although the harmful effects of inequality are vast and impose high costs on economies, they are avoidable."
    full_back = "Embora os efeitos nocivos da desigualdade sejam vastos e imponham custos elevados às economias, são evitáveis."
    assert omitted(full, full_back, source, forward) == []


TAX_SOURCE = (
    "O ministro das Finanças disse aos jornalistas que o novo imposto sobre os combustíveis, "
    "aprovado ontem pelo parlamento regional, entra em vigor em janeiro."
)
TAX_FORWARD = (
    "The Finance Minister told reporters that the new fuel tax, approved yesterday by the regional "
    "parliament, comes into force in January."
)


def test_clause_cut_cleanly_is_critical_even_when_the_draft_is_not_much_shorter():
    target = "The Finance Minister told reporters that the new fuel tax comes into force in January."
    back = "O ministro das Finanças disse aos jornalistas que o novo imposto sobre os combustíveis entra em vigor em janeiro."
    [finding] = omitted(target, back, TAX_SOURCE, TAX_FORWARD)
    assert finding.severity.value == "critical"
    assert TAX_SOURCE[slice(*finding.source_span)] == "aprovado ontem pelo parlamento regional"
    assert "cut out" in finding.message


def test_clause_said_in_fewer_other_words_is_not_a_cut():
    target = "The Finance Minister told reporters that the new fuel tax, now law, comes into force in January."
    back = "O ministro das Finanças disse aos jornalistas que o novo imposto sobre combustíveis, já lei, entra em vigor em janeiro."
    assert omitted(target, back, TAX_SOURCE, TAX_FORWARD) == []


def test_missing_last_sentence_is_major_because_a_neighbour_may_carry_it():
    source = (
        "O parlamento aprovou ontem o orçamento para 2027. "
        "A oposição votou contra e prometeu recorrer ao Tribunal Constitucional."
    )
    forward = (
        "Parliament yesterday approved the budget for 2027. "
        "The opposition voted against and promised to appeal to the Constitutional Court."
    )
    target = "Parliament yesterday approved the budget for 2027."
    back = "O parlamento aprovou ontem o orçamento para 2027."
    [finding] = omitted(target, back, source, forward)
    assert finding.severity.value == "major"
    assert "votou contra" in source[slice(*finding.source_span)]
    assert "neighbouring segment" in finding.message


FUEL_SOURCE = "O governo prometeu reduzir os impostos sobre os combustíveis no próximo ano."
FUEL_FORWARD = "The government promised to cut fuel taxes next year."


def test_words_added_here_and_there_are_critical_when_the_draft_grows_by_eight_words():
    target = "The government once again promised farmers to cut fuel taxes next year, and the army promised it too."
    back = (
        "O governo mais uma vez prometeu aos agricultores reduzir os impostos sobre os combustíveis no próximo ano, "
        "e o exército também o prometeu."
    )
    [finding] = added(target, back, FUEL_SOURCE, FUEL_FORWARD)
    assert finding.severity.value == "critical"
    assert "“farmers”" in finding.message and "“army”" in finding.message


def test_a_wordier_faithful_draft_is_not_an_addition():
    target = "The government has promised that it will cut the taxes on fuel next year."
    back = "O governo prometeu que vai reduzir os impostos sobre o combustível no próximo ano."
    assert added(target, back, FUEL_SOURCE, FUEL_FORWARD) == []


def test_added_words_inside_a_reworded_sentence_are_minor():
    # a free translator restructures around what they add; a hallucination drops into place
    source = "O banco central subiu as taxas de juro para travar a inflação, disse o governador."
    forward = "The central bank raised interest rates to curb inflation, the governor said."
    target = (
        "The central bank raised interest rates, the governor said, in a bid to rein in the stubbornly "
        "high inflation that has hurt households."
    )
    back = (
        "O banco central subiu as taxas de juro, disse o governador, numa tentativa de conter a inflação "
        "teimosamente alta que tem prejudicado as famílias."
    )
    [finding] = added(target, back, source, forward)
    assert finding.severity.value == "minor"
    assert "stubbornly high" in target[slice(*finding.target_span)]
    # a long reworded run too: the rule that made eight words critical held on one half of WMT dev only
    target = (
        "The central bank raised interest rates, the governor said, in a bid to rein in stubbornly high "
        "inflation after months of angry street protests against soaring food prices."
    )
    back = (
        "O banco central subiu as taxas de juro, disse o governador, numa tentativa de conter a inflação "
        "teimosamente alta após meses de protestos furiosos nas ruas contra a subida dos preços dos alimentos."
    )
    [finding] = added(target, back, source, forward)
    assert finding.severity.value == "minor" and "street protests" in target[slice(*finding.target_span)]


CLAUSED = "Os eleitores deste país, que estão bem informados pelos numerosos estudos, perceberam o truque do governo."


def _dropped(gain, back_gain, **options):
    clause = Probe(ProbeKind.CLAUSE, "que estão bem informados pelos numerosos estudos", (25, 73), gain, back_gain)
    ctx = make_ctx("The voters of this country saw through the government's trick.", source=CLAUSED, probes=(clause,))
    return list(DroppedClause(**options).run(ctx))


def test_a_clause_the_model_reads_as_dropped_both_ways_is_critical():
    [finding] = _dropped(25.0, 7.6)
    assert finding.severity.value == "critical" and CLAUSED[slice(*finding.source_span)].startswith("que estão")
    assert "leaves out “que estão bem informados" in finding.message


def test_a_clause_with_one_weak_reading_passes():
    assert _dropped(25.0, 4.0) == []  # the draft predicts the clause's words: moved or reworded
    assert _dropped(6.0, 9.0) == []  # the draft is no likelier without it
    assert _dropped(25.0, 7.6, **{"min-gain": 30}) == []


def test_through_a_chain_of_two_models_a_clause_probe_has_its_own_bars():
    # chosen on the chain's own data (NTREX es→en and en→es): 4 nats, and 6 a word back
    clause = Probe(ProbeKind.CLAUSE, "que estão bem informados pelos numerosos estudos", (25, 73), 5.0, 6.5)
    ctx = make_ctx("The voters of this country saw through the government's trick.", source=CLAUSED, probes=(clause,))
    assert list(DroppedClause().run(ctx)) == []
    [finding] = DroppedClause().run(replace(ctx, legs=2))
    assert finding.severity.value == "critical"
    assert list(DroppedClause().run(replace(ctx, legs=2, probes=(replace(clause, back_gain=5.0),)))) == []


def test_a_clause_the_draft_is_short_of_needs_only_the_lower_bar_back():
    clause = Probe(ProbeKind.CLAUSE, "que estão bem informados pelos numerosos estudos", (25, 73), 25.0, 5.0)
    draft = "The voters of this country saw through the government's trick."

    def dropped(forward):
        return list(DroppedClause().run(make_ctx(draft, source=CLAUSED, forward=forward, probes=(clause,))))

    # the machine translation has the clause's seven words, the draft none of them: a cut
    [finding] = dropped("The voters of this country, who are well informed by the many studies, saw through the trick.")
    assert finding.severity.value == "critical" and finding.evidence["back_gain_per_word"] == 5.0
    # a draft as long as the machine translation rendered the clause some other way: the usual bar
    assert dropped("The well informed voters of this country clearly saw through the trick.") == []
    assert list(DroppedClause().run(make_ctx(draft, source=CLAUSED, probes=(clause,)))) == []  # nothing to compare


def test_a_clause_holding_a_name_needs_the_full_way_back_too():
    source = "A diplomacia deve promover, com energia, uma zona livre de armas no Médio Oriente, e abordar o problema."
    clause = "uma zona livre de armas no Médio Oriente"
    start = source.index(clause)
    draft = "Diplomacy must promote, with energy, and address the problem."
    back = "A diplomacia deve promover, com energia, e abordar o problema."

    def dropped(back_gain):
        probes = (Probe(ProbeKind.CLAUSE, clause, (start, start + len(clause)), 17.6, back_gain),)
        return list(DroppedClause().run(make_ctx(draft, source=source, back=back, probes=probes)))

    # a lower bar for clauses naming someone held on one half of WMT dev only, and went
    assert dropped(5.5) == []
    [finding] = dropped(7.5)
    assert finding.severity.value == "critical" and source[slice(*finding.source_span)] == clause


def test_through_a_chain_of_models_a_short_added_run_is_major_and_a_long_one_critical():
    from tqcheck.cache import ResultCache
    from tqcheck.checks.runner import CheckItem, CheckRunner
    from tqcheck.records import LangGuess, Segment
    from tqcheck.selection import Selector

    runner = CheckRunner([AddedContent()], {}, lambda text: LangGuess("en", 0.99), ResultCache(None), Selector.build(), "")

    def severities(source, target, back, forward):
        item = CheckItem(Segment(0, 1, target, source), back, forward, source, "pt", "en")
        return [[f.severity.value for f in runner.run(item, (), [AddedContent()], legs=legs).findings] for legs in (1, 2)]

    short = severities("Os bancos recuperaram no ano passado depois da crise.",
                       "The banks recovered last year after the crisis, said the finance minister on Monday.",
                       "Os bancos recuperaram no ano passado depois da crise, disse o ministro das finanças na segunda-feira.",
                       "The banks recovered last year after the crisis.")
    assert short == [["critical"], ["major"]]  # six words: a chain's looser translations may explain them
    long = severities("Os bancos recuperaram.", "Banks recovered, and the crisis ended for good in every country of the world.",
                      "Os bancos recuperaram, e a crise acabou de vez em todos os países do mundo.", "The banks recovered.")
    assert long == [["critical"], ["critical"]]  # ten words no chain invents

HOSPITAL = "The new hospital will have four hundred beds, which the government promised to double, and will open in March."


def _added(*probes):
    ctx = make_ctx(HOSPITAL, source="O novo hospital terá quatrocentas camas e abrirá em março.", probes=probes)
    return list(AddedClause().run(ctx))


def _piece(text, gain, back_gain):
    start = HOSPITAL.index(text)
    return Probe(ProbeKind.ADDED, text, (start, start + len(text)), gain, back_gain)


def test_a_piece_the_model_finds_nothing_in_the_source_for_both_ways_is_critical():
    [finding] = _added(_piece("which the government promised to double", 60.0, 12.0))
    assert finding.severity.value == "critical"
    assert HOSPITAL[slice(*finding.target_span)] == "which the government promised to double"
    assert finding.evidence == {"gain": 60.0, "back_gain": 12.0}


def test_an_added_piece_needs_both_readings_and_overlapping_pieces_give_one_finding():
    assert _added(_piece("which the government promised to double", 60.0, 3.0)) == []  # the source asks for it
    assert _added(_piece("which the government promised to double", 5.0, 12.0)) == []  # the draft needs it
    assert _added(_piece("which the government promised to double", 60.0, None)) == []  # the way back not asked
    inner = _piece("which the government promised to double", 60.0, 12.0)
    outer = _piece("which the government promised to double, and will open in March", 45.0, 9.0)
    [finding] = _added(inner, outer)
    assert finding.target_span == inner.span
