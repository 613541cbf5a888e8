"""Detection quality of tqcheck on real data nobody on the project wrote, in two fixed halves.

    python bench/quality.py [--data ../shared/data] [--json results.json] [--cache DIR] [--limit N]

Every tuning set is split into two fixed halves by line parity, and every figure is reported on
each: the odd lines (1, 3, 5, …) and the even lines. A rule or threshold tuned on one half is kept
only when it also helps on the other; the README reports both.

* WMT22 critical-error detection pt→en dev (3,944 pairs, 215 BAD): MCC, precision and recall of
  "has a critical finding" (and of "has a major or critical finding"), and how many BAD and OK
  segments each check flags. The gold labels carry no error family, so recall per family is over
  an inferred one: how the draft differs from the machine translation of its source (see
  ``family``). It is a rough sort, for where the misses are, not a gold breakdown.
* NTREX-128 human translations en→pt (por, por-BR, 1,000 lines each), and the por pair read the
  other way (pt→en): these are correct, so every critical or major finding is a false flag; en→es
  and es→en through the Apertium chain (es↔pt by Apertium, pt↔en by the embedded model); and
  en→el, which no model here serves: the model-free checks alone; and en→es and es→en once more
  with no model, as for a pair no route serves.
* Planted errors (bench/perturb.py, seeded) in the NTREX por pair, both directions: recall of
  "has a critical finding" per error family, over the lines whose clean version has none; names
  with no model also over the planter's seeds no rule was read from (``UNREAD_SEEDS``), and en→el
  names over seeds nobody has read (``BLIND_SEEDS``).
* The seed article (no source): both headline sentences flagged, other major+ sentences counted.

Runs are cold (no cache) unless ``--cache DIR`` names a cache to keep translations and scores in
between runs (results are never reused across code changes); the seconds are then not cold.
Skips a data set whose folder is absent.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import resource
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from perturb import FAMILIES, plant  # noqa: E402
from shared import HALVES, halves, report  # noqa: E402

from tqcheck.config import Config  # noqa: E402
from tqcheck.pipeline import Languages, check_files  # noqa: E402
from tqcheck.records import BackendSignature, Report, SegmentResult, Severity  # noqa: E402
from tqcheck.text.coverage import word_count  # noqa: E402
from tqcheck.text.entities import find_names, name_in  # noqa: E402
from tqcheck.text.negation import negations  # noqa: E402
from tqcheck.text.numbers import compare_numbers  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "references" / "seed"
MAJOR_PLUS = {Severity.CRITICAL, Severity.MAJOR}
CONFIG = Config(cache=False)


def mcc(pred: Sequence[bool], gold: Sequence[bool]) -> dict[str, float]:
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


def critical(segment: SegmentResult) -> bool:
    return any(f.severity is Severity.CRITICAL for f in segment.findings)


def major_plus(segment: SegmentResult) -> bool:
    return any(f.severity in MAJOR_PLUS for f in segment.findings)


FAMILY_GUESSES = ("number", "named entity", "negation", "omission", "addition", "other substitution")


def family(source: str, draft: str, forward: str) -> str:
    """The planted error's most likely family, from the first way the draft differs from a machine
    translation of the source: its numbers, its names, its count of negations, its length (by more
    than 15 %); else a word replaced by another (antonyms among them)."""
    numbers = compare_numbers(source, "pt", draft, "en")
    if numbers.changed or numbers.missing or numbers.extra:
        return "number"
    if any(not name_in(n, draft) for n in find_names(forward, "en")) or any(
        not name_in(n, forward) and not name_in(n, source) for n in find_names(draft, "en")
    ):
        return "named entity"
    if len(negations(draft, "en")) != len(negations(forward, "en")):
        return "negation"
    ratio = word_count(draft) / max(1, word_count(forward))
    return "omission" if ratio < 0.85 else "addition" if ratio > 1.15 else "other substitution"


def _checked(label: str, model_free: bool = False, **kwargs: Any) -> tuple[Report, float]:
    """One check run; ``model_free`` asks for the transformers backend, which has no model for
    the pairs measured here, so the checks that need no model run alone (asserted)."""
    started = time.perf_counter()
    report = check_files(config=replace(CONFIG, backend="transformers") if model_free else CONFIG, **kwargs)
    seconds = time.perf_counter() - started
    if report.errors:
        raise SystemExit(f"{label}: {report.errors[0]}")
    assert not model_free or all(f.backend == BackendSignature.none() for f in report.files), "a model ran"
    return report, seconds


def wmt(folder: Path, limit: int | None) -> dict[str, Any]:
    src, mt = folder / "dev.src", folder / "dev.mt"
    gold = [line == "BAD" for line in (folder / "dev.label").read_text().split()]
    if limit:  # a prefix of both files, for a quick look
        tmp = Path(tempfile.mkdtemp(prefix="tqcheck-bench-"))
        for p in (src, mt):
            (tmp / p.name).write_text("\n".join(p.read_text(encoding="utf-8").splitlines()[:limit]) + "\n")
        src, mt, gold = tmp / "dev.src", tmp / "dev.mt", gold[:limit]
    report, seconds = _checked("wmt", targets=[str(mt)], source=str(src), languages=Languages("pt", "en"))
    segments = report.files[0].segments
    assert len(segments) == len(gold), (len(segments), len(gold))
    per_check: Counter[tuple[str, str, bool]] = Counter()
    for seg, bad in zip(segments, gold):
        for key in {(f.code, f.severity.value) for f in seg.findings}:
            per_check[(*key, bad)] += 1
    families: dict[str, list[bool]] = {name: [] for name in FAMILY_GUESSES}
    for seg, bad in zip(segments, gold):
        if bad:
            guess = family(seg.segment.source or "", seg.segment.target, seg.forward_translation or "")
            families[guess].append(critical(seg))
    parts = {"all": (segments, gold)} | {
        name: (segs, labels) for (name, segs), labels in zip(halves(segments).items(), halves(gold).values())
    }
    return {
        "segments": len(segments),
        "bad": sum(gold),
        **{
            name: {
                "critical": mcc([critical(s) for s in segs], labels),
                "major_or_critical": mcc([major_plus(s) for s in segs], labels),
            }
            for name, (segs, labels) in parts.items()
        },
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


def _false_flags(segments: Sequence[SegmentResult]) -> dict[str, Any]:
    return {
        "segments": len(segments),
        "false_critical_rate": round(sum(map(critical, segments)) / len(segments), 4),
        "false_major_plus_rate": round(sum(map(major_plus, segments)) / len(segments), 4),
    }


def ntrex(
    source: Path, target: Path, langs: Languages, model_free: bool = False
) -> tuple[dict[str, Any], list[SegmentResult]]:
    report, seconds = _checked(target.name, model_free, targets=[str(target)], source=str(source), languages=langs)
    segments = list(report.files[0].segments)
    found = Counter(f.code for s in segments for f in s.findings if f.severity is Severity.CRITICAL)
    return {
        "all": _false_flags(segments),
        **{name: _false_flags(half) for name, half in halves(segments).items()},
        "critical_by_code": dict(sorted(found.items())),
        "seconds": round(seconds, 1),
    }, segments


UNREAD_SEEDS = (2028, 2029, 2030, 2031)
"""Seeds of the planter no rule was read from (the bench's own is 2026; stop 21 read 2027): the
names and opposites planted with them give the figure to expect on new text."""
BLIND_SEEDS = (2032, 2033, 2034, 2035, 2036, 2037, 2038, 2039)
"""Seeds whose misses nobody has read (stop 31 read 2028–2031's en→el names): en→el names."""


def _check_planted(errors: list[Any], langs: Languages, model_free: bool) -> list[SegmentResult]:
    with tempfile.TemporaryDirectory() as tmp:
        src, tgt = Path(tmp) / "source.txt", Path(tmp) / "draft.txt"
        src.write_text("\n".join(e.source for e in errors) + "\n", encoding="utf-8")
        tgt.write_text("\n".join(e.draft for e in errors) + "\n", encoding="utf-8")
        report, _ = _checked("planted", model_free, targets=[str(tgt)], source=str(src), languages=langs)
    segments = list(report.files[0].segments)
    assert len(segments) == len(errors)
    return segments


def unread_seeds(
    sources: list[str], drafts: list[str], langs: Languages, clean: list[SegmentResult], model_free: bool = False,
    family: str = "name", seeds: tuple[int, ...] = UNREAD_SEEDS,
) -> dict[str, Any]:
    """Recall of one planted family over ``seeds``, over the lines whose clean version passes."""
    assert langs.source and langs.target
    errors = [
        e for seed in seeds for e in plant(sources, drafts, langs.source, langs.target, per_family=60, seed=seed)
        if e.family == family and not critical(clean[e.index])
    ]
    found = [critical(s) for s in _check_planted(errors, langs, model_free)]
    by_half = {h: [f for e, f in zip(errors, found) if (e.index + 1) % 2 == parity] for h, parity in HALVES.items()}
    return {
        "seeds": list(seeds),
        "planted": len(found),
        "recall_critical": round(sum(found) / len(found), 3),
        **{f"recall_critical_{half}": round(sum(part) / len(part), 3) for half, part in by_half.items() if part},
    }


def planted(
    sources: list[str], drafts: list[str], langs: Languages, clean: list[SegmentResult], model_free: bool = False
) -> dict[str, Any]:
    """Recall of each family of planted errors, over the lines whose clean version passes."""
    assert langs.source and langs.target
    errors = plant(sources, drafts, langs.source, langs.target, per_family=60, seed=2026)
    segments = _check_planted(errors, langs, model_free)
    found: dict[str, Any] = {}
    for name in FAMILIES:
        rows = [(e, s) for e, s in zip(errors, segments) if e.family == name and not critical(clean[e.index])]
        by_half = {half: [(e, s) for e, s in rows if (e.index + 1) % 2 == parity] for half, parity in HALVES.items()}
        found[name] = {
            "planted": len(rows),
            "recall_critical": round(sum(critical(s) for _, s in rows) / len(rows), 3) if rows else None,
            "recall_major_plus": round(sum(major_plus(s) for _, s in rows) / len(rows), 3) if rows else None,
            **{
                f"recall_critical_{half}": round(sum(critical(s) for _, s in part) / len(part), 3) if part else None
                for half, part in by_half.items()
            },
            "missed_examples": [e.change for e, s in rows if not critical(s)][:4],
        }
    return found


def seed() -> dict[str, Any]:
    notes = json.loads((SEED / "annotations.json").read_text(encoding="utf-8"))
    report, seconds = _checked("seed", targets=[str(SEED / notes["file"])])
    flagged = {s.segment.target for s in report.files[0].segments if major_plus(s)}
    must = [m["text"] for m in notes["must_flag"]]
    return {
        "headlines_flagged": sum(m in flagged for m in must),
        "headlines": len(must),
        "other_major_plus": len(flagged - set(must)),
        "seconds": round(seconds, 1),
    }


def main() -> int:
    global CONFIG
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument("--cache", type=Path, help="keep translations and scores in this cache between runs")
    parser.add_argument("--limit", type=int, help="only the first N WMT pairs (quick look)")
    args = parser.parse_args()
    if args.cache:
        os.environ["TQCHECK_CACHE_DIR"] = str(args.cache)
        CONFIG = Config(cache=True)
    results: dict[str, Any] = {"seed": seed()}
    wmt_dir, ntrex_dir = args.data / "wmt22-ced-pt-en-dev", args.data / "ntrex128-part1"
    if wmt_dir.is_dir():
        results["wmt22_ced_pt_en_dev"] = wmt(wmt_dir, args.limit)
    else:
        print(f"skipped WMT22: {wmt_dir} not found")
    if ntrex_dir.is_dir() and not args.limit:
        english = ntrex_dir / "newstest2019-src.eng.txt"
        for variant, code in (("por", "pt-PT"), ("por-BR", "pt-BR")):  # as a translator names them
            results[f"ntrex_en_{variant}"], clean = ntrex(english, ntrex_dir / f"newstest2019-ref.{variant}.txt",
                                                          Languages("en", code))
            if variant == "por":
                forward_clean = clean
        portuguese = ntrex_dir / "newstest2019-ref.por.txt"
        results["ntrex_por_read_pt_en"], backward_clean = ntrex(portuguese, english, Languages("pt", "en"))
        en_lines = english.read_text(encoding="utf-8").splitlines()
        pt_lines = portuguese.read_text(encoding="utf-8").splitlines()
        results["planted_errors"] = {
            "en→pt": planted(en_lines, pt_lines, Languages("en", "pt"), forward_clean),
            "pt→en": planted(pt_lines, en_lines, Languages("pt", "en"), backward_clean),
        }
        # families whose rules since stop 28 were read from seed 2026's misses: the figure to expect on new text
        for family in ("substitution", "dropped-item", "dropped-clause"):
            results["planted_errors"][f"en→pt {family}, unread seeds"] = unread_seeds(
                en_lines, pt_lines, Languages("en", "pt"), forward_clean, family=family
            )
            results["planted_errors"][f"pt→en {family}, unread seeds"] = unread_seeds(
                pt_lines, en_lines, Languages("pt", "en"), backward_clean, family=family
            )
        # pairs with no model here: the model-free checks alone
        for code, variant in (("es", "spa"), ("el", "ell")):
            target = ntrex_dir / f"newstest2019-ref.{variant}.txt"
            results[f"ntrex_en_{variant}"], clean = ntrex(english, target, Languages("en", code))
            lines = target.read_text(encoding="utf-8").splitlines()
            results["planted_errors"][f"en→{code}"] = planted(en_lines, lines, Languages("en", code), clean)
            if code == "el":  # no model serves it
                unread = unread_seeds(en_lines, lines, Languages("en", code), clean)
                results["planted_errors"]["en→el names, unread seeds"] = unread
                blind = unread_seeds(en_lines, lines, Languages("en", code), clean, seeds=BLIND_SEEDS)
                results["planted_errors"]["en→el names, blind seeds"] = blind
        # and Spanish read the other way: es→en, the route (Apertium es→pt, embedded pt→en) to be
        # measured on unseen data
        spanish = ntrex_dir / "newstest2019-ref.spa.txt"
        results["ntrex_spa_read_es_en"], clean = ntrex(spanish, english, Languages("es", "en"))
        es_lines = spanish.read_text(encoding="utf-8").splitlines()
        results["planted_errors"]["es→en"] = planted(es_lines, en_lines, Languages("es", "en"), clean)
        # Spanish both ways with no model at all, as for a pair no route serves
        for key, (src, tgt, langs) in {
            "en→es": (english, spanish, Languages("en", "es")), "es→en": (spanish, english, Languages("es", "en")),
        }.items():
            results[f"ntrex_{key}_model_free"], clean = ntrex(src, tgt, langs, model_free=True)
            lines = [p.read_text(encoding="utf-8").splitlines() for p in (src, tgt)]
            results["planted_errors"][f"{key} model-free"] = planted(*lines, langs, clean, model_free=True)
            unread = unread_seeds(*lines, langs, clean, model_free=True)
            results["planted_errors"][f"{key} model-free names, unread seeds"] = unread
    elif not args.limit:
        print(f"skipped NTREX: {ntrex_dir} not found")
    results["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    report(results, args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
