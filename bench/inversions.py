"""Self-inversion battery: made-up sentences (tests/data/inversions.tsv), inverted and sound, in
several languages, each checked alone as a newsroom editor would (no source), through the whole
pipeline with whatever backend serves the language here.

    python bench/inversions.py [--json results.json]

Recall: inverted sentences with a major or critical finding (target 0.8). False flags: sound
sentences with one (target at most 1 in 20). The battery was written with the check, so these are
development figures; data nobody here wrote measures the check after its issue.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from shared import check_lines, report  # noqa: E402

from tqcheck.records import Severity  # noqa: E402

BATTERY = Path(__file__).resolve().parents[1] / "tests" / "data" / "inversions.tsv"


def battery() -> dict[str, list[tuple[str, str]]]:
    """(kind, sentence) by language."""
    rows: dict[str, list[tuple[str, str]]] = defaultdict(list)
    lines = [line for line in BATTERY.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    for line in lines[1:]:
        code, kind, sentence = line.split("\t")
        rows[code].append((kind, sentence))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    results: dict[str, dict[str, object]] = {}
    totals = {"inverted": [0, 0], "sound": [0, 0]}
    with tempfile.TemporaryDirectory() as tmp:
        for code, rows in sorted(battery().items()):
            found = [
                [f.code for f in findings if f.severity.rank >= Severity.MAJOR.rank]
                for findings in check_lines(code, [s for _, s in rows], Path(tmp))
            ]
            counts = {"inverted": [0, 0], "sound": [0, 0]}
            for (kind, sentence), codes in zip(rows, found):
                counts[kind][0] += bool(codes)
                counts[kind][1] += 1
                if bool(codes) != (kind == "inverted"):
                    print(f"  {code} {kind:8} {'flagged' if codes else 'missed '} {sentence}  {codes}")
            for kind in totals:
                totals[kind] = [a + b for a, b in zip(totals[kind], counts[kind])]
            results[code] = counts
    results["all"] = totals
    print(f"{'lang':5} {'inverted flagged':>18} {'sound flagged':>15}")
    for code, counts in results.items():
        (hit, inv), (false, sound) = counts["inverted"], counts["sound"]  # type: ignore[misc]
        print(f"{code:5} {hit:>7}/{inv:<3} {hit / inv if inv else 0:5.2f} {false:>6}/{sound:<3} {false / sound if sound else 0:5.2f}")
    report(results, args.json, echo=False)


if __name__ == "__main__":
    main()
