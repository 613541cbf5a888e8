"""The versioned JSON report. Field names are a contract: later versions only add fields."""

from __future__ import annotations

import json
from typing import Any, TextIO

from tqcheck import __version__
from tqcheck.codec import encode
from tqcheck.records import FileReport, Report, SegmentResult, Severity
from tqcheck.scoring import signatures

SCHEMA_VERSION = 1
SCHEMA_MINOR = 4
"""Minor 1: ``scores`` may be null (a segment not checked, TQ003, or no model); findings carry
``evidence``. Minor 2: each file lists its ``coverage``, every check run or not, and why not.
Minor 3: ``engine``, where the segments were checked (local or ray). Minor 4: each file's
``left_out``, its units not checked by reason (untranslated, fuzzy, marked not to translate), and
their total in the ``summary``."""


def segment_dict(s: SegmentResult) -> dict[str, Any]:
    """One segment as the JSON report (and each line of the JSON Lines stream) writes it."""
    return {
        "id": s.segment.id,
        "line": s.segment.line,
        "key": s.segment.key,
        "source": s.segment.source,
        "target": s.segment.target,
        "back_translation": s.back_translation,
        "forward_translation": s.forward_translation,
        "detected_lang": encode(s.detected),
        "scores": encode(s.scores),
        "diff": encode(s.diff),
        "findings": encode(s.findings),
    }


def _file(f: FileReport) -> dict[str, Any]:
    return {
        "path": f.path,
        "source_path": f.source_path,
        "source_lang": f.source_lang,
        "target_lang": f.target_lang,
        "mode": f.mode,
        "pivot_lang": f.pivot_lang,
        "detected_lang": encode(f.detected_lang),
        "backend": encode(f.backend),
        "coverage": encode(f.coverage),
        "left_out": dict(f.left_out),
        "segments": [segment_dict(s) for s in f.segments],
    }


def to_dict(report: Report) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "schema_minor": SCHEMA_MINOR,
        "tool": {"name": "tqcheck", "version": __version__},
        "metrics": signatures(),
        "engine": report.engine,
        "files": [_file(f) for f in report.files],
        "errors": [{"path": e.path, "line": e.line, "message": e.message} for e in report.errors],
        "inactive_checks": [{"code": c.code, "name": c.name, "reason": c.reason} for c in report.inactive_checks],
        "summary": {
            "files": len(report.files),
            "segments": report.segment_count(),
            "flagged": report.flagged(),
            "critical": report.count(Severity.CRITICAL),
            "major": report.count(Severity.MAJOR),
            "minor": report.count(Severity.MINOR),
            "errors": len(report.errors),
            "left_out": report.left_out_count(),
        },
    }


def render(report: Report) -> str:
    return json.dumps(to_dict(report), ensure_ascii=False, indent=2) + "\n"


def write(report: Report, stream: TextIO) -> None:
    stream.write(render(report))
