"""Omitted and added content, on sentences shaped like WMT22 CED errors (written for these tests)."""

from tests.conftest import make_ctx
from tqcheck.checks.added_content import AddedContent
from tqcheck.checks.omitted_content import OmittedContent

SOURCE = "Com a sua liderança dos protestos, os jovens ganharam legitimidade e dominam o debate sobre o Egito."
FORWARD = "With their leadership of the protests, young people gained legitimacy and dominate the debate on Egypt."


def test_hallucinated_clause_is_critical_with_its_span():
    target = (
        "With their leadership of the protests, young people gained legitimacy, which the army violently "
        "suppressed in every province last winter, and dominate the debate on Egypt."
    )
    back = (
        "Com a sua liderança dos protestos, os jovens ganharam legitimidade, que o exército suprimiu violentamente "
        "em todas as províncias no inverno passado, e dominam o debate sobre o Egito."
    )
    [finding] = AddedContent().run(make_ctx(target, source=SOURCE, back=back, forward=FORWARD))
    assert finding.severity.value == "critical" and finding.code == "TQ104"
    assert "army violently suppressed" in target[slice(*finding.target_span)]


def test_faithful_translation_adds_nothing():
    back = "Com a sua liderança dos protestos, os jovens ganharam legitimidade e dominam o debate sobre o Egito."
    assert list(AddedContent().run(make_ctx(FORWARD, source=SOURCE, back=back, forward=FORWARD))) == []


def test_dropped_clause_is_reported_on_the_source():
    source = "Embora os efeitos nocivos da desigualdade sejam vastos e imponham custos elevados às economias, são evitáveis."
    forward = "Although the harmful effects of inequality are vast and impose high costs on economies, they are avoidable."
    target = "Indeed, they are largely avoidable."
    back = "Na verdade, são em grande parte evitáveis."
    [finding] = OmittedContent().run(make_ctx(target, source=source, back=back, forward=forward))
    assert finding.code == "TQ103" and finding.target_span is None
    assert "efeitos nocivos da desigualdade" in source[slice(*finding.source_span)]
    full = "Although the harmful effects of inequality are vast and impose high costs on economies, they are avoidable."
    full_back = "Embora os efeitos nocivos da desigualdade sejam vastos e imponham custos elevados às economias, são evitáveis."
    assert list(OmittedContent().run(make_ctx(full, source=source, back=full_back, forward=forward))) == []
