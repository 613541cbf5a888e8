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
    assert not backend.can_score("es", "en")  # a chain has no single likelihood


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
    assert statuses["TQ103"]["ran"] and statuses["TQ501"]["ran"]
    assert not statuses["TQ105"]["ran"] and "cannot score" in statuses["TQ105"]["reason"]


def test_models_list_shows_the_routes_here():
    listing = runner.invoke(app, ["models", "list"]).stdout
    assert "es→en   apertium+embedded es→pt apertium + pt→en embedded" in listing


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
