"""Build the project's slip tagger (TQ706) from the odd lines of the tuning sets, into tqcheck's cache.

    python bench/train_slip_tagger.py [--data ../shared/data] [--languages en] [--epochs 3] [--no-wordnet]

The sentences of 6 to 80 words on the odd lines of NTREX-128 (lines 1–1000) and of WMT22 CED dev,
in each of ``--languages`` (en: NTREX's source and WMT22's English side; pt: NTREX's pt-PT and
pt-BR references and WMT22's Portuguese side; es, el: NTREX's references), and WordNet's English
example sentences unless ``--no-wordnet``: every fifth of each language held out to calibrate, the
rest learned from, ``--epochs`` times, each time once as written and once with a slip planted
(``tqcheck.backends.slip_training``; seeded). English alone learns on MiniLM, more languages on
multilingual-e5-small. The even lines are never read: measure there with ``python bench/slips.py``.
Same data, same seed, same tagger on one machine. Needs the lm extra; English: about 36 minutes on
two cores with WordNet, 15 without.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from shared import halves  # noqa: E402

from tqcheck.backends.slip_tagger import tagger_folder  # noqa: E402
from tqcheck.backends.slip_training import build_tagger, wordnet_examples  # noqa: E402

FILES = {
    "en": ("ntrex128-part1/newstest2019-src.eng.txt", "wmt22-ced-pt-en-dev/dev.mt"),
    "pt": ("ntrex128-part1/newstest2019-ref.por.txt", "ntrex128-part1/newstest2019-ref.por-BR.txt",
           "wmt22-ced-pt-en-dev/dev.src"),
    "es": ("ntrex128-part1/newstest2019-ref.spa.txt",),
    "el": ("ntrex128-part1/newstest2019-ref.ell.txt",),
}
NTREX_LINES = 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "data")
    parser.add_argument("--languages", default="en", help="comma-separated, of: " + ", ".join(FILES))
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--no-wordnet", action="store_true")
    args = parser.parse_args()
    languages = args.languages.split(",")
    if unknown := set(languages) - set(FILES):
        parser.error(f"no tuning text in {', '.join(sorted(unknown))}")
    names = [name for code in languages for name in FILES[code]]
    if not all((args.data / name).is_file() for name in names):
        print(f"skipped: {args.data} lacks {', '.join(names)}")
        return
    lines: dict[str, list[str]] = {code: [] for code in languages}
    for code in languages:
        for name in FILES[code]:
            read = (args.data / name).read_text(encoding="utf-8").splitlines()
            lines[code] += halves(read[:NTREX_LINES] if name.startswith("ntrex") else read)["odd_lines"]
    if "en" in lines and not args.no_wordnet:
        lines["en"] += wordnet_examples()
    started = time.monotonic()

    def told(step: int, total: int, loss: float) -> None:
        if step % 100 == 0 or step == total:
            print(f"step {step}/{total} loss {loss:.3f} ({time.monotonic() - started:.0f} s)", flush=True)

    tagger = build_tagger(lines, tagger_folder(lines), epochs=args.epochs, progress=told)
    print(f"built {tagger_folder(lines)} ({tagger.signature.version}) in {time.monotonic() - started:.0f} s")


if __name__ == "__main__":
    main()
