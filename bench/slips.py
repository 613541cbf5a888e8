"""Fluency slips planted in human news sentences, checked with no source, as an editor would.

    python bench/slips.py [--data ../shared/data] [--languages en,pt] [--lines 200] [--json results.json]
                          [--fluency-model smollm2]

From the NTREX English source and Portuguese (pt-PT) reference, or those of ``--languages`` (es and el
too), lines 1–1000, ``--lines`` from each fixed half (odd and even line numbers), seeded, each family changes one thing:
``shuffle`` (every word moved), ``swap`` (two neighbouring words), ``repeat`` (a word written
twice), ``function-word`` (a function word of the language replaced by another), ``drop`` (a word
left out). Recall is the share of changed lines with a finding of any severity that their clean
version does not have; the clean lines' own flag rate (any severity, and major or worse) is the
false-flag figure. Targets (issue 16): shuffles 0.9, local slips 0.5, clean 3 % / 0.5 %. With
``--fluency-model`` the language-model check (TQ703) runs too, on the languages the model reads;
the slip tagger's check (TQ706) runs on the languages of a tagger built in tqcheck's cache folder
(``python bench/train_slip_tagger.py`` builds the project's from the odd lines).
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from shared import check_lines, halves, report  # noqa: E402

from tqcheck import lang  # noqa: E402
from tqcheck.backends.slips import SLIPS  # noqa: E402
from tqcheck.config import Config  # noqa: E402
from tqcheck.records import Severity  # noqa: E402

FILES = {
    "en": "newstest2019-src.eng.txt", "pt": "newstest2019-ref.por.txt",
    "es": "newstest2019-ref.spa.txt", "el": "newstest2019-ref.ell.txt",
}
LINES = 1000  # the tuning lines; TQ705's judge learned from the odd ones (bench/train_order_judge.py)
_WORD = re.compile(r"\S+")


def _words(line: str) -> list[str]:
    return _WORD.findall(line)


def _shuffle(words: list[str], code: str, rng: random.Random) -> list[str] | None:
    shuffled = words[:]
    while shuffled == words:
        rng.shuffle(shuffled)
    return shuffled


def _slip(family: str) -> Callable[[list[str], str, random.Random], list[str] | None]:
    """A local slip of ``tqcheck.backends.slips`` (the ones the slip tagger learns from), as the words."""

    def change(words: list[str], code: str, rng: random.Random) -> list[str] | None:
        planted = SLIPS[family](words, lang.get(code).stopwords or (), rng)
        return planted[0] if planted else None

    return change


FAMILIES: dict[str, Callable[[list[str], str, random.Random], list[str] | None]] = {
    "shuffle": _shuffle, **{family: _slip(family) for family in ("swap", "repeat", "function-word", "drop")},
}


def flags(code: str, lines: list[str], folder: Path, config: Config) -> list[tuple[set[str], bool]]:
    """Each line's finding codes (any severity) and whether one is major or worse."""
    return [
        ({f.code for f in found}, any(f.severity.rank >= Severity.MAJOR.rank for f in found))
        for found in check_lines(code, lines, folder, config)
    ]


def _row(code: str, clean: list[str], rng: random.Random, folder: Path, config: Config) -> dict[str, float]:
    """The clean lines' flag rates and each family's recall."""
    clean_flags = flags(code, clean, folder, config)
    row = {
        "clean_any": sum(bool(c) for c, _ in clean_flags) / len(clean),
        "clean_major": sum(m for _, m in clean_flags) / len(clean),
    }
    for family, change in FAMILIES.items():
        planted = [(i, change(_words(line), code, rng)) for i, line in enumerate(clean)]
        kept = [(i, " ".join(words)) for i, words in planted if words]
        found = flags(code, [text for _, text in kept], folder, config)
        caught = sum(bool(codes - clean_flags[i][0]) for (i, _), (codes, _) in zip(kept, found))
        row[family] = caught / len(kept)
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "data")
    parser.add_argument("--languages", default="en,pt", help="comma-separated, of: " + ", ".join(FILES))
    parser.add_argument("--lines", type=int, default=200)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--fluency-model", help="a language model for TQ703 (smollm2; needs the lm extra)")
    args = parser.parse_args()
    languages = args.languages.split(",")
    if unknown := set(languages) - set(FILES):
        parser.error(f"no NTREX file in {', '.join(sorted(unknown))}")
    config = Config(fluency_model=args.fluency_model)
    folder = args.data / "ntrex128-part1"
    if not folder.is_dir():
        print(f"skipped: {folder} not found")
        return
    results: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for code in languages:
            lines = (folder / FILES[code]).read_text(encoding="utf-8").splitlines()[:LINES]
            for half, values in halves(lines).items():
                rng = random.Random(16)
                clean = rng.sample([line for line in values if len(_words(line)) >= 6], args.lines)
                results[f"{code} {half}"] = _row(code, clean, rng, Path(tmp), config)
                print(code, half, " ".join(f"{k} {v:.3f}" for k, v in results[f"{code} {half}"].items()), flush=True)
    report(results, args.json, echo=False)


if __name__ == "__main__":
    main()
