"""What the bench scripts share: lines checked as a draft with no source, and the results written."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from tqcheck.config import Config
from tqcheck.pipeline import Languages, check_files
from tqcheck.records import Finding

HALVES = {"odd_lines": 1, "even_lines": 0}  # by the 1-based line number's parity: tune on one, report both


def halves(values: Sequence[Any]) -> dict[str, list[Any]]:
    """``values`` (one per line, from line 1) in the two fixed halves."""
    return {name: [v for i, v in enumerate(values, start=1) if i % 2 == parity] for name, parity in HALVES.items()}


def check_lines(code: str, lines: list[str], folder: Path, config: Config = Config()) -> list[list[Finding]]:
    """Each line's findings, the lines checked together as one file in language ``code``, no source
    (as an editor checks a draft: sentence by sentence, each knowing the one before)."""
    path = folder / f"lines.{code}.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = check_files([str(path)], None, Languages(None, code), config)
    by_line: dict[int, list[Finding]] = defaultdict(list)
    for seg in report.files[0].segments:
        by_line[seg.segment.line] += seg.findings
    return [by_line[i + 1] for i in range(len(lines))]


def report(results: dict[str, Any], path: Path | None, *, echo: bool = True) -> None:
    """The results as JSON: on standard output when ``echo``, and into ``path`` when given."""
    text = json.dumps(results, indent=2, ensure_ascii=False)
    if echo:
        print(text)
    if path:
        path.write_text(text + "\n", encoding="utf-8")
