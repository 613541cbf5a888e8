from tests.conftest import make_ctx
from tqcheck.checks.backtranslation_divergence import BacktranslationDivergence


def run(**kw):
    return list(BacktranslationDivergence().run(make_ctx(**kw)))


def test_a_literal_idiom_is_minor_and_an_unrelated_back_translation_major_never_critical():
    [finding] = run(
        target="The Estonian Director of Intelligence rings bells",
        source="O diretor dos serviços secretos da Estónia dá o alarme",
        back="O Diretor de Inteligência da Estónia toca sinos",
    )
    assert finding.severity.value == "minor" and "chrF 32.7" in finding.message  # 20 ≤ chrF < 35
    [finding] = run(
        target="Bells rang out across the valley at dawn.",
        source="A reunião foi adiada para sexta-feira.",
        back="Os sinos tocaram no vale ao amanhecer.",
    )
    assert finding.severity.value == "major" and finding.target_span == (0, 41)


def test_faithful_back_translation_passes():
    assert run(
        target="It is understandable that Europeans and Americans do not want to offend a regional power.",
        source="É compreensível que tanto os europeus como os americanos não queiram ofender uma potência regional.",
        back="É compreensível que os europeus e os americanos não queiram ofender uma potência regional.",
    ) == []


def test_round_trip_uses_its_own_thresholds():
    garbled = run(target="Years. You still don't believe us.", back="We told you nothing then.", source=None)
    assert [f.severity.value for f in garbled] == ["major"]
    assert run(target="Peskov said so.", back="Peskov said so.", source=None) == []
