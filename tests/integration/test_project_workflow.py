"""Suppressions in each format's comments, project configuration, exclusion and pairing by glob."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from tqcheck.cli import app

FORMATS = Path(__file__).resolve().parent.parent / "data" / "formats"
runner = CliRunner()


def codes(result) -> list[str]:
    report = json.loads(result.stdout)
    return [f["code"] for file in report["files"] for s in file["segments"] for f in s["findings"]]


def test_po_translator_comment_suppresses(tmp_path):
    po = (FORMATS / "budget.po").read_text(encoding="utf-8").replace("# checked by the desk editor", "# tqcheck: ignore[TQ301]")
    (tmp_path / "budget.po").write_text(po, encoding="utf-8")
    result = runner.invoke(app, ["check", "-f", "json", str(tmp_path / "budget.po")])
    assert result.exit_code == 0 and codes(result) == []


def test_xliff_note_suppresses_and_stale_ones_are_reported(tmp_path):
    xlf = (FORMATS / "budget.xlf").read_text(encoding="utf-8").replace("checked by the desk editor", "tqcheck: ignore[TQ3]")
    (tmp_path / "budget.xlf").write_text(xlf, encoding="utf-8")
    assert codes(runner.invoke(app, ["check", "-f", "json", str(tmp_path / "budget.xlf")])) == []
    clean = (FORMATS / "budget.clean.xlf").read_text(encoding="utf-8").replace("checked by the desk editor", "tqcheck: ignore[TQ3]")
    (tmp_path / "clean.xlf").write_text(clean, encoding="utf-8")
    result = runner.invoke(app, ["check", "-f", "json", "--warn-unused-ignores", str(tmp_path / "clean.xlf")])
    assert codes(result) == ["TQ901"] and result.exit_code == 0  # minor: below the default fail-on


def test_markdown_comment_suppresses(tmp_path):
    md = (FORMATS / "budget.en.md").read_text(encoding="utf-8")
    md = md.replace("Health Minister", "<!-- tqcheck: ignore[number-mismatch] -->\n\nHealth Minister", 1)
    (tmp_path / "budget.en.md").write_text(md, encoding="utf-8")
    result = runner.invoke(app, ["check", "-f", "json", "-s", str(FORMATS / "budget.pt.md"), str(tmp_path / "budget.en.md")])
    assert "TQ301" not in codes(result)


def test_pyproject_select_ignore_exclude_and_cli_precedence(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copy(FORMATS / "budget.po", tmp_path / "budget.po")
    shutil.copy(FORMATS / "budget.xlf", tmp_path / "skipped.xlf")
    (tmp_path / "pyproject.toml").write_text('[tool.tqcheck]\nignore = ["TQ3"]\nexclude = ["skipped.*"]\n')
    result = runner.invoke(app, ["check", "-f", "json", "budget.po", "skipped.xlf"])
    report = json.loads(result.stdout)
    assert [f["path"] for f in report["files"]] == ["budget.po"]  # excluded even when named
    assert codes(result) == [] and result.exit_code == 0
    result = runner.invoke(app, ["check", "-f", "json", "--ignore", "TQ2", "budget.po"])
    assert codes(result) == ["TQ301"]  # the command line replaces the file's ignore list
    (tmp_path / "pyproject.toml").write_text('[tool.tqcheck]\nignores = ["TQ3"]\n')
    bad = runner.invoke(app, ["check", "budget.po"])
    assert bad.exit_code == 2 and "unknown key [tool.tqcheck] 'ignores'" in bad.stderr


def test_pairs_give_one_language_files_their_source(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for lang, name in (("pt", "budget.pt.json"), ("en", "budget.en.json")):
        (tmp_path / "locales" / lang).mkdir(parents=True)
        shutil.copy(FORMATS / name, tmp_path / "locales" / lang / "app.json")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.tqcheck]\npairs = [{source = "locales/pt/*.json", target = "locales/*/*.json"}]\n'
    )
    result = runner.invoke(app, ["check", "-f", "json", "locales/en/app.json"])
    [file] = json.loads(result.stdout)["files"]
    assert file["source_path"] == "locales/pt/app.json" and file["mode"] == "bilingual"
    assert codes(result) == ["TQ301"]
