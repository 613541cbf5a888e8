"""SARIF 2.1.0 output, validated against the official OASIS schema (fetched by `make install`
from Microsoft's jest-sarif package; without it these tests fail rather than pass unchecked)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from tqcheck.checks.registry import ALL_CHECKS
from tqcheck.cli import app

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = ROOT / ".cache" / "sarif-schema-2.1.0.json"
DATA = ROOT / "tests" / "data"
runner = CliRunner()


@pytest.fixture(scope="module")
def validator():
    assert SCHEMA.is_file(), f"{SCHEMA} is missing: `make install` fetches it (with npm)"
    return jsonschema.Draft4Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))


def sarif(*args: str) -> dict:
    result = runner.invoke(app, ["check", "--format", "sarif", *args])
    assert result.exit_code in (1, 2), result.output
    return json.loads(result.stdout)


def test_bilingual_findings_are_located_by_line_and_column(validator):
    log = sarif("-s", str(DATA / "budget.pt.txt"), str(DATA / "budget.bad.en.txt"))
    validator.validate(log)
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules][: len(ALL_CHECKS)] == [c.code for c in ALL_CHECKS]
    number = next(r for r in run["results"] if r["ruleId"] == "TQ301")
    region = number["locations"][0]["physicalLocation"]["region"]
    line = (DATA / "budget.bad.en.txt").read_text(encoding="utf-8").splitlines()[region["startLine"] - 1]
    assert line[region["startColumn"] - 1 : region["endColumn"] - 1] == "99.99%"
    assert number["level"] == "error" and rules[number["ruleIndex"]]["id"] == "TQ301"


def test_seed_article_and_input_errors(validator, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    log = sarif(str(ROOT / "references" / "seed" / "kaliningrad-article.en.txt"), str(empty))
    validator.validate(log)
    run = log["runs"][0]
    lines = {(r["ruleId"], r["level"], r["locations"][0]["physicalLocation"]["region"]["startLine"]) for r in run["results"]}
    assert lines == {("TQ401", "error", 9), ("TQ401", "error", 18), ("TQ702", "note", 17)}
    assert run["invocations"][0]["executionSuccessful"] is False
    assert "file is empty" in run["invocations"][0]["toolExecutionNotifications"][0]["message"]["text"]


def test_a_path_is_given_as_a_uri_reference(validator, tmp_path, monkeypatch):
    """Found under a folder named ".", with a space and brackets in its name: a bare path is no URI."""
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "budget draft [v2].po").write_bytes((DATA / "formats" / "budget.po").read_bytes())
    (tmp_path / "drafts" / "pyproject.toml").write_text("[tool.tqcheck]\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path / "drafts")
    log = sarif(".")
    validator.validate(log)
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in log["runs"][0]["results"]}
    assert uris == {"budget%20draft%20%5Bv2%5D.po"}


def test_the_report_schema_rejects_a_broken_report():
    schema = json.loads((ROOT / "references" / "report.schema.json").read_text(encoding="utf-8"))
    broken = {"schema_version": 1, "tool": {"name": "tqcheck", "version": "0"}, "files": [], "errors": [],
              "summary": {"files": 0, "segments": 0, "flagged": 0, "critical": -1, "major": 0, "minor": 0}}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(schema).validate(broken)


def test_markup_formats_report_lines_without_columns(validator):
    log = sarif(str(DATA / "formats" / "budget.xlf"))
    validator.validate(log)
    [result] = log["runs"][0]["results"]
    assert result["locations"][0]["physicalLocation"]["region"] == {"startLine": 11}


def test_checks_that_did_not_run_are_notes_naming_the_rule_and_the_file(validator):
    seed = str(ROOT / "references" / "seed" / "kaliningrad-article.en.txt")
    log = sarif(seed)
    validator.validate(log)
    notes = [n for n in log["runs"][0]["invocations"][0]["toolExecutionNotifications"] if n["level"] == "note"]
    skipped = {n["descriptor"]["id"] for n in notes}
    assert {"TQ301", "TQ201", "TQ105"} <= skipped and "TQ401" not in skipped  # no source: the bilingual checks
    assert all(n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == seed for n in notes)
    assert "no source to compare with" in notes[0]["message"]["text"]
