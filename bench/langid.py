"""Language-ID accuracy on short and full NTREX segments (en, pt, es, el); skips when the data is absent.

    python bench/langid.py [--data ../shared/data] [--lines 300]

Measures tqcheck's two detectors, and py3langid and lingua when they are installed.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

from tqcheck.text.langid import detector

FILES = {"en": "src.eng", "pt": "ref.por", "es": "ref.spa", "el": "ref.ell"}


def _optional() -> dict[str, Callable[[str], str | None]]:
    extra: dict[str, Callable[[str], str | None]] = {}
    try:
        import py3langid

        extra["py3langid"] = lambda t: py3langid.classify(t)[0]
    except ImportError:
        pass
    try:
        from lingua import LanguageDetectorBuilder

        lingua = LanguageDetectorBuilder.from_all_languages().build()

        def lingua_detect(text: str) -> str | None:
            found = lingua.detect_language_of(text)
            return found.iso_code_639_1.name.lower() if found else None

        extra["lingua"] = lingua_detect
    except ImportError:
        pass
    return extra


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "data")
    parser.add_argument("--lines", type=int, default=300)
    args = parser.parse_args()
    folder = args.data / "ntrex128-part1"
    if not folder.is_dir():
        print(f"skipped: {folder} not found")
        return 0
    samples = []
    for lang, name in FILES.items():
        for line in (folder / f"newstest2019-{name}.txt").read_text(encoding="utf-8").splitlines()[: args.lines]:
            samples.append((lang, " ".join(line.split()[:4]), line))
    systems: dict[str, Callable[[str], str | None]] = {n: (lambda t, d=detector(n): d(t).lang) for n in ("fasttext", "langdetect")}
    systems.update(_optional())
    print(f"{'detector':<12} {'4 words':>8} {'sentence':>9} {'seconds':>8}   ({len(samples)} segments each)")
    for name, detect in systems.items():
        started = time.perf_counter()
        short = sum(detect(s) == lang for lang, s, _ in samples) / len(samples)
        full = sum(detect(f) == lang for lang, _, f in samples) / len(samples)
        print(f"{name:<12} {short:>8.1%} {full:>9.1%} {time.perf_counter() - started:>8.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
