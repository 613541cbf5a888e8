"""JSON Lines: one JSON object a segment, in input order, written as soon as its chunk is checked.

The format for long runs (a translation memory, a whole release): a killed run keeps every line
already written, and ``--resume`` appends only what is missing. Each object is a segment of the
JSON report (same fields and schema version) with the ``path`` of its file. What a file leaves
out unchecked (fuzzy, untranslated) is no segment: the command says it on stderr.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TextIO

from tqcheck.records import Report, SegmentResult, Severity
from tqcheck.reporters.json import SCHEMA_MINOR, SCHEMA_VERSION, segment_dict


def line(path: str, result: SegmentResult) -> str:
    return json.dumps({"schema_version": SCHEMA_VERSION, "schema_minor": SCHEMA_MINOR, "path": path,
                       **segment_dict(result)}, ensure_ascii=False)


def write(report: Report, stream: TextIO) -> None:
    for f in report.files:
        for s in f.segments:
            stream.write(line(f.path, s) + "\n")


class Sink:
    """Writes each chunk of results as it comes, skipping segments an earlier run already wrote,
    and keeps what the exit code needs: the worst severity seen."""

    def __init__(self, stream: TextIO, written: set[tuple[str, int]] | None = None) -> None:
        self.stream, self.written = stream, written or set()
        self.worst: Severity | None = None

    def __call__(self, path: str, results: list[SegmentResult]) -> None:
        for result in results:
            if result.worst is not None and (self.worst is None or result.worst.rank > self.worst.rank):
                self.worst = result.worst
            if (path, result.segment.id) not in self.written:
                self.stream.write(line(path, result) + "\n")
        self.stream.flush()


def resume(path: Path) -> set[tuple[str, int]]:
    """The (file, segment id) pairs a killed run wrote whole to ``path``; a last line cut short by
    the kill is removed, so appending goes on from the last whole line."""
    if not path.exists():
        return set()
    done: set[tuple[str, int]] = set()
    keep = 0
    with path.open("rb") as stream:
        for raw in stream:
            try:
                record = json.loads(raw)
                done.add((record["path"], record["id"]))
            except (ValueError, KeyError, TypeError):
                break
            if not raw.endswith(b"\n"):
                done.discard((record["path"], record["id"]))
                break
            keep += len(raw)
    with path.open("r+b") as stream:
        stream.truncate(keep)
    return done
