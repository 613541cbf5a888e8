"""Detection quality of tqcheck on real data nobody on the project wrote.

    python bench/quality.py [--data ../shared/data] [--json results.json] [--limit N]

* WMT22 critical-error detection pt→en dev (3,944 pairs, 215 BAD): MCC, precision and recall of
  "has a critical finding" (and of "has a major or critical finding"), and how many BAD and OK
  segments each check flags. The gold labels carry no error family, so recall per family is over
  an inferred one: how the draft differs from the machine translation of its source (see
  ``family``). It is a rough sort, for where the misses are, not a gold breakdown.
* NTREX-128 human translations en→pt (por, por-BR, 1,000 lines each): these are correct, so every
  critical or major finding is a false flag.
* The seed article (no source): both headline sentences flagged, other major+ sentences counted.

Skips a data set whose folder is absent.
"""

from __future__ import annotations

import argparse
import json
import math
import resource
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

from tqcheck.config import Config
from tqcheck.pipeline import Languages, check_files
from tqcheck.records import Report, Severity
from tqcheck.text.coverage import word_count
from tqcheck.text.entities import find_names, name_in
from tqcheck.text.negation import negations
from tqcheck.text.numbers import compare_numbers

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "references" / "seed"
MAJOR_PLUS = {Severity.CRITICAL, Severity.MAJOR}


def mcc(pred: list[bool], gold: list[bool]) -> dict[str, float]:
    tp = sum(p and g for p, g in zip(pred, gold))
    fp = sum(p and not g for p, g in zip(pred, gold))
    fn = sum(g and not p for p, g in zip(pred, gold))
    tn = len(gold) - tp - fp - fn
    denominator = math.sqrt((tp + fp) * (tp + fn) * (tn + fp) * (tn + fn)) or 1.0
    return {
        "mcc": round((tp * tn - fp * fn) / denominator, 3),
        "precision": round(tp / (tp + fp), 3) if tp + fp else 0.0,
        "recall": round(tp / (tp + fn), 3) if tp + fn else 0.0,
        "tp": tp,
        "fp": fp,
        "fn": fn,
    }


FAMILIES = ("number", "named entity", "negation", "omission", "addition", "other substitution")


def family(source: str, draft: str, forward: str) -> str:
    """The planted error's most likely family, from the first way the draft differs from a machine
    translation of the source: its numbers, its names, its count of negations, its length (by more
    than 15 %); else a word replaced by another (antonyms among them)."""
    numbers = compare_numbers(source, "pt", draft, "en")
    if numbers.changed or numbers.missing or numbers.extra:
        return "number"
    if any(not name_in(n, draft) for n in find_names(forward, "en")) or any(
        not name_in(n, forward) and not name_in(n, source) for n in find_names(draft)
    ):
        return "named entity"
    if len(negations(draft, "en")) != len(negations(forward, "en")):
        return "negation"
    ratio = word_count(draft) / max(1, word_count(forward))
    return "omission" if ratio < 0.85 else "addition" if ratio > 1.15 else "other substitution"


def _timed(label: str, **kwargs: Any) -> tuple[Report, float]:
    """A cold run: no translation cache, so the seconds are those of a first check."""
    started = time.perf_counter()
    report = check_files(config=Config(cache=False), **kwargs)
    seconds = time.perf_counter() - started
    if report.errors:
        raise SystemExit(f"{label}: {report.errors[0]}")
    return report, seconds


def wmt(folder: Path, limit: int | None) -> dict[str, Any]:
    src, mt = folder / "dev.src", folder / "dev.mt"
    gold = [line == "BAD" for line in (folder / "dev.label").read_text().split()]
    if limit:  # a prefix of both files, for a quick look
        tmp = Path(tempfile.mkdtemp(prefix="tqcheck-bench-"))
        for p in (src, mt):
            (tmp / p.name).write_text("\n".join(p.read_text(encoding="utf-8").splitlines()[:limit]) + "\n")
        src, mt, gold = tmp / "dev.src", tmp / "dev.mt", gold[:limit]
    report, seconds = _timed("wmt", targets=[str(mt)], source=str(src), languages=Languages("pt", "en"))
    segments = report.files[0].segments
    assert len(segments) == len(gold), (len(segments), len(gold))
    critical = [any(f.severity is Severity.CRITICAL for f in s.findings) for s in segments]
    major = [any(f.severity in MAJOR_PLUS for f in s.findings) for s in segments]
    per_check: Counter[tuple[str, str, bool]] = Counter()
    for seg, bad in zip(segments, gold):
        for key in {(f.code, f.severity.value) for f in seg.findings}:
            per_check[(*key, bad)] += 1
    families: dict[str, list[bool]] = {name: [] for name in FAMILIES}
    for seg, bad, caught in zip(segments, gold, critical):
        if bad:
            families[family(seg.segment.source or "", seg.segment.target, seg.forward_translation or "")].append(caught)
    return {
        "segments": len(segments),
        "bad": sum(gold),
        "critical": mcc(critical, gold),
        "major_or_critical": mcc(major, gold),
        "critical_recall_by_inferred_family": {
            name: {"bad": len(hits), "recall": round(sum(hits) / len(hits), 3) if hits else None}
            for name, hits in families.items()
        },
        "by_check": {
            f"{code} {sev}": {"bad": per_check[(code, sev, True)], "ok": per_check[(code, sev, False)]}
            for code, sev in sorted({(c, s) for c, s, _ in per_check})
        },
        "seconds": round(seconds, 1),
        "segments_per_second": round(len(segments) / seconds, 1),
    }


def ntrex(folder: Path, variant: str) -> dict[str, Any]:
    report, seconds = _timed(
        variant,
        targets=[str(folder / f"newstest2019-ref.{variant}.txt")],
        source=str(folder / "newstest2019-src.eng.txt"),
        languages=Languages("en", "pt"),
    )
    segments = report.files[0].segments
    critical = Counter(f.code for s in segments for f in s.findings if f.severity is Severity.CRITICAL)
    major = Counter(f.code for s in segments for f in s.findings if f.severity in MAJOR_PLUS)
    return {
        "segments": len(segments),
        "false_critical_rate": round(sum(any(f.severity is Severity.CRITICAL for f in s.findings) for s in segments) / len(segments), 4),
        "false_major_plus_rate": round(sum(any(f.severity in MAJOR_PLUS for f in s.findings) for s in segments) / len(segments), 4),
        "critical_by_code": dict(sorted(critical.items())),
        "major_plus_by_code": dict(sorted(major.items())),
        "seconds": round(seconds, 1),
    }


def seed() -> dict[str, Any]:
    notes = json.loads((SEED / "annotations.json").read_text(encoding="utf-8"))
    report, seconds = _timed("seed", targets=[str(SEED / notes["file"])])
    flagged = {s.segment.target for s in report.files[0].segments if any(f.severity in MAJOR_PLUS for f in s.findings)}
    must = [m["text"] for m in notes["must_flag"]]
    return {
        "headlines_flagged": sum(m in flagged for m in must),
        "headlines": len(must),
        "other_major_plus": len(flagged - set(must)),
        "seconds": round(seconds, 1),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument("--limit", type=int, help="only the first N WMT pairs (quick look)")
    args = parser.parse_args()
    results: dict[str, Any] = {"seed": seed()}
    wmt_dir, ntrex_dir = args.data / "wmt22-ced-pt-en-dev", args.data / "ntrex128-part1"
    if wmt_dir.is_dir():
        results["wmt22_ced_pt_en_dev"] = wmt(wmt_dir, args.limit)
    else:
        print(f"skipped WMT22: {wmt_dir} not found")
    if ntrex_dir.is_dir() and not args.limit:
        for variant in ("por", "por-BR"):
            results[f"ntrex_en_{variant}"] = ntrex(ntrex_dir, variant)
    elif not args.limit:
        print(f"skipped NTREX: {ntrex_dir} not found")
    results["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    print(json.dumps(results, indent=2, ensure_ascii=False))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
