"""SARIF 2.1.0 for code-scanning systems: rules from the check registry, one result a finding,
located by file, line and column so the changed lines get annotated."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import quote

from tqcheck import __version__
from tqcheck.checks.registry import ALL_CHECKS
from tqcheck.records import Report, Severity
from tqcheck.selection import UNUSED
from tqcheck.text.strings import without_controls

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
_LEVEL = {Severity.CRITICAL: "error", Severity.MAJOR: "warning", Severity.MINOR: "note"}


def _rules() -> list[dict[str, Any]]:
    rules = [
        {
            "id": check.code,
            "name": check.name,
            "shortDescription": {"text": check.summary()},
            "fullDescription": {"text": check.doc()},
            "help": {"text": check.doc()},
            "defaultConfiguration": {"level": _LEVEL[check.severity]},
        }
        for check in ALL_CHECKS
    ]
    code, name = UNUSED
    rules.append({"id": code, "name": name, "shortDescription": {"text": "An inline suppression silences nothing."},
                  "defaultConfiguration": {"level": "note"}})
    return rules


def _uri(path: str) -> str:
    """A file's path as the URI reference SARIF asks for: "/" separators, no leading "./" (a folder
    named "." lists "./locales/pt.po"), and what a URI cannot hold escaped ("my draft.po" →
    "my%20draft.po"), so code-scanning systems find the file."""
    return quote(Path(path).as_posix())


def to_dict(report: Report) -> dict[str, Any]:
    rules = _rules()
    index = {rule["id"]: i for i, rule in enumerate(rules)}
    results = []
    for file in report.files:
        for seg in file.segments:
            for finding in seg.findings:
                region: dict[str, Any] = {"startLine": max(seg.segment.line, 1)}
                # columns only where the segment knows where its text starts (plain-text line pairs);
                # in XLIFF, PO or JSON the text sits inside markup, so the line is the position
                if finding.target_span and seg.segment.column is not None:
                    region["startColumn"] = seg.segment.column + finding.target_span[0]
                    region["endColumn"] = seg.segment.column + finding.target_span[1]
                    region["snippet"] = {"text": seg.segment.target}
                results.append({
                    "ruleId": finding.code,
                    "ruleIndex": index[finding.code],
                    "level": _LEVEL[finding.severity],
                    "message": {"text": without_controls(finding.message)},
                    "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(file.path)}, "region": region}}],
                    "properties": {"severity": finding.severity.value, "segment": seg.segment.id,
                                   "backTranslation": seg.back_translation},
                })
    notifications = [
        {"level": "error", "message": {"text": without_controls(str(e))}}
        for e in report.errors
    ] + [
        {
            "level": "note",
            "descriptor": {"id": status.code},
            "message": {"text": without_controls(f"{file.path}: {status.code} {status.name} did not run: {status.reason}"
                                                 + (f" ({status.enable})" if status.enable else ""))},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(file.path)}}}],
        }
        for file in report.files
        for status in file.not_run()
    ]
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "tqcheck", "version": __version__, "semanticVersion": __version__,
                                "informationUri": "https://pypi.org/project/tqcheck/", "rules": rules}},
            "results": results,
            "invocations": [{"executionSuccessful": not report.errors, "toolExecutionNotifications": notifications}],
            "columnKind": "unicodeCodePoints",
        }],
    }


def render(report: Report) -> str:
    return json.dumps(to_dict(report), ensure_ascii=False, indent=2) + "\n"


def write(report: Report, stream: TextIO) -> None:
    stream.write(render(report))
