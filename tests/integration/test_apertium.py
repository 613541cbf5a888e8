"""Apertium legs and chained routes, run for real (Debian's apertium with its es-pt and en-es pairs)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tqcheck.backends import get_backend
from tqcheck.backends.apertium import installed_modes
from tqcheck.cli import app

pytestmark = pytest.mark.skipif(
    shutil.which("apertium") is None or ("es", "pt") not in installed_modes(), reason="apertium-es-pt not installed"
)
runner = CliRunner()


def test_spanish_goes_to_english_through_portuguese_keeping_numbers_and_negation():
    backend = get_backend("auto", [("es", "en"), ("en", "es")])
    assert backend.signature.name == "apertium+embedded"
    [english] = backend.translate(["El Gobierno no aprobó el presupuesto de 2,3 mil millones de euros."], "es", "en")
    assert "not" in english and "2.3 billion" in english
    [spanish] = backend.translate(["The Government did not approve the budget."], "en", "es")
    assert spanish.startswith("El Gobierno no")
    # the chain scores on its embedded leg, the Spanish carried into Portuguese by Apertium first
    assert backend.can_score("es", "en") and backend.can_score("en", "es")
    source = "El Gobierno no aprobó el presupuesto."
    faithful, negation_dropped = backend.score(
        [(source, "The Government did not approve the budget."), (source, "The Government approved the budget.")], "es", "en"
    )
    assert faithful > negation_dropped
    [back, flipped] = backend.score([("The Government did not approve the budget.", source),
                                     ("The Government did not approve the budget.", "El Gobierno aprobó el presupuesto.")], "en", "es")
    assert back > flipped


def test_an_english_spanish_file_is_checked_through_the_chain_and_says_what_did_not_run(tmp_path: Path):
    source, draft = tmp_path / "s.en.txt", tmp_path / "d.es.txt"
    source.write_text("Inflation reached 80% in Germany.\nThe minister did not resign.\n", encoding="utf-8")
    draft.write_text("La inflación llegó al 90% en Suecia.\nEl ministro no dimitió.\n", encoding="utf-8")
    result = runner.invoke(app, ["check", "-f", "json", "--no-cache", "--source-lang", "en", "--target-lang", "es",
                                 "-s", str(source), str(draft)])
    report = json.loads(result.stdout)
    [file] = report["files"]
    first, second = file["segments"]
    assert {f["code"] for f in first["findings"] if f["severity"] == "critical"} == {"TQ201", "TQ301"}
    assert [f for f in second["findings"] if f["severity"] != "minor"] == [] and second["back_translation"]
    statuses = {c["code"]: c for c in file["coverage"]}
    assert all(statuses[code]["ran"] for code in ("TQ103", "TQ105", "TQ402", "TQ403", "TQ404", "TQ501"))


def _spanish_pair(tmp_path: Path, sentence: str, wrong: str, faithful: str) -> list[dict]:
    """The JSON segments of a check, es→en through the chain, of a wrong draft of ``sentence`` and a faithful one."""
    source, draft = tmp_path / "s.es.txt", tmp_path / "d.en.txt"
    source.write_text(f"{sentence}\n" * 2, encoding="utf-8")
    draft.write_text(f"{wrong}\n{faithful}\n", encoding="utf-8")
    result = runner.invoke(app, ["check", "-f", "json", "--no-cache", "--source-lang", "es", "--target-lang", "en",
                                 "-s", str(source), str(draft)])
    return json.loads(result.stdout)["files"][0]["segments"]


def test_a_negation_the_spanish_source_never_gives_is_found_through_the_chain(tmp_path: Path):
    negated, faithful = _spanish_pair(
        tmp_path,
        "El presidente del club confirmó que el entrenador seguirá en el cargo hasta el final de la temporada.",
        "The club president confirmed that the coach will not remain in charge until the end of the season.",
        "The club president confirmed that the coach will remain in charge until the end of the season.",
    )
    [found] = [f for f in negated["findings"] if f["severity"] == "critical"]
    assert found["code"] == "TQ404" and negated["target"][slice(*found["target_span"])] == "not"
    assert [f for f in faithful["findings"] if f["severity"] != "minor"] == []


def test_a_list_item_left_out_through_the_chain_is_major_at_most(tmp_path: Path):
    """The chain reads loosely: the item TQ105 finds on it is reported, never as critical."""
    cut, faithful = _spanish_pair(
        tmp_path,
        "El presidente elogió a los médicos, enfermeras y bomberos que trabajaron durante la crisis.",
        "The president praised the doctors and firefighters who worked during the crisis.",
        "The president praised the doctors, nurses and firefighters who worked during the crisis.",
    )
    [found] = [f for f in cut["findings"] if f["code"] == "TQ105"]
    assert found["severity"] == "major" and "“enfermeras”" in found["message"] and "chain of 2 models" in found["message"]
    assert [f for f in faithful["findings"] if f["code"] == "TQ105"] == []


def test_models_list_shows_the_routes_here():
    listing = runner.invoke(app, ["models", "list"]).stdout
    assert "es→en   apertium+embedded es→pt apertium + pt→en embedded\n" in listing  # a chain that scores
    assert (
        "es→pt   apertium      es→pt apertium (translates only: TQ105, TQ106, TQ404, TQ704 do not run, "
        "TQ402 and TQ403 stay below critical)" in listing
    )


def test_a_text_translates_as_it_would_alone_whatever_came_before_it_in_the_batch():
    # Both ways a plain `apertium` run lets a line depend on the lines before it: a headline with no
    # period reads on into the next line, and the tagger learns "C-SPAN"'s new ambiguity class and
    # then tags "had" as a participle ("MSNBC tenido 2.89 millones").
    backend = get_backend("apertium", [("en", "es"), ("pt", "es")])
    figures = "CBS had 3.1 million, NBC had 2.94 million, MSNBC had 2.89 million and CNN had 2.52 million, Nielsen said."
    [alone] = backend.translate([figures], "en", "es")
    assert "MSNBC tuvo 2.89 millones" in alone
    assert backend.translate(["C-SPAN.", "Fox News Channel", figures], "en", "es")[2] == alone
    headline, sentence = "Sainsbury's planeia entrar no mercado", "A polícia deteve um suspeito."
    [sentence_alone] = backend.translate([sentence], "pt", "es")
    assert sentence_alone.startswith("La policía")
    assert backend.translate([headline, sentence], "pt", "es") == [backend.translate([headline], "pt", "es")[0], sentence_alone]
