"""The versioned JSON report. Field names are a contract: later versions only add fields."""

from __future__ import annotations

import json
from typing import Any

from tqcheck import __version__
from tqcheck.model import FileReport, Finding, LangGuess, Report, SegmentResult, Severity
from tqcheck.scoring import signatures

SCHEMA_VERSION = 1


def _lang(guess: LangGuess) -> dict[str, Any]:
    return {"lang": guess.lang, "score": guess.score}


def _finding(f: Finding) -> dict[str, Any]:
    return {
        "code": f.code,
        "name": f.name,
        "severity": f.severity.value,
        "message": f.message,
        "target_span": list(f.target_span) if f.target_span else None,
        "source_span": list(f.source_span) if f.source_span else None,
    }


def _segment(s: SegmentResult) -> dict[str, Any]:
    return {
        "id": s.segment.id,
        "line": s.segment.line,
        "key": s.segment.key,
        "source": s.segment.source,
        "target": s.segment.target,
        "back_translation": s.back_translation,
        "forward_translation": s.forward_translation,
        "detected_lang": _lang(s.detected),
        "scores": {"chrf": s.scores.chrf, "bleu": s.scores.bleu, "ter": s.scores.ter},
        "diff": [{"op": d.op, "reference_span": list(d.ref_span), "back_span": list(d.back_span)} for d in s.diff],
        "findings": [_finding(f) for f in s.findings],
    }


def _file(f: FileReport) -> dict[str, Any]:
    return {
        "path": f.path,
        "source_path": f.source_path,
        "source_lang": f.source_lang,
        "target_lang": f.target_lang,
        "mode": f.mode,
        "pivot_lang": f.pivot_lang,
        "detected_lang": _lang(f.detected_lang),
        "backend": {"name": f.backend.name, "model": f.backend.model, "version": f.backend.version},
        "segments": [_segment(s) for s in f.segments],
    }


def to_dict(report: Report) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "tqcheck", "version": __version__},
        "metrics": signatures(),
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
        },
    }


def render(report: Report) -> str:
    return json.dumps(to_dict(report), ensure_ascii=False, indent=2) + "\n"
