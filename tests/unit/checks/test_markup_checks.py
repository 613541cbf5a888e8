from tests.conftest import make_ctx
from tqcheck.checks.markup_mismatch import MarkupMismatch
from tqcheck.checks.placeholder_mismatch import PlaceholderMismatch
from tqcheck.checks.whitespace_punctuation import WhitespacePunctuation


def run(check, source, target):
    return [f.message for f in check.run(make_ctx(target, source=source))]


def test_placeholders_of_every_kind():
    source = "Olá, {name}! Tem %d mensagens de %(sender)s e {count, plural, one {# ficheiro} other {# ficheiros}}."
    good = "Hello, {name}! You have %d messages from %(sender)s and {count, plural, one {# file} other {# files}}."
    assert run(PlaceholderMismatch(), source, good) == []
    bad = "Hello, {nome}! You have messages from %(sender)s and {total, plural, one {# file} other {# files}}."
    assert run(PlaceholderMismatch(), source, bad) == [
        "placeholder %d of the source is missing",
        "placeholder {count} of the source is missing",
        "placeholder {name} of the source is missing",
        "placeholder {nome} is not in the source",
        "placeholder {total} is not in the source",
    ]
    # a percentage is not a placeholder, and order may change
    assert run(PlaceholderMismatch(), "Subiu 50% em {year}.", "In {year} it rose 50% in total.") == []


def test_tags_links_and_addresses():
    source = "Leia <b>os termos</b> em https://exemplo.pt/termos ou escreva a ajuda@exemplo.pt."
    good = "Read <b>the terms</b> at https://exemplo.pt/termos or write to ajuda@exemplo.pt."
    assert run(MarkupMismatch(), source, good) == []
    bad = "Read the terms at https://example.com or write to help@example.com."
    assert run(MarkupMismatch(), source, bad) == [
        "tag </b> of the source is missing",
        "tag <b> of the source is missing",
        "ajuda@exemplo.pt of the source is missing",
        "https://exemplo.pt/termos of the source is missing",
        "help@example.com is not in the source",
        "https://example.com is not in the source",
    ]


def test_whitespace_and_final_punctuation_are_minor():
    [finding] = WhitespacePunctuation().run(make_ctx("Save changes", source="Guardar alterações?"))
    assert finding.severity.value == "minor" and "“?”" in finding.message
    assert run(WhitespacePunctuation(), " Guardar ", "Save") == ["leading or trailing whitespace differs from the source"]
    assert run(WhitespacePunctuation(), "Guardar alterações?", "Save changes?") == []
