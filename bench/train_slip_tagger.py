"""Build the project's slip tagger (TQ706) from the odd lines of the tuning sets, into tqcheck's cache.

    python bench/train_slip_tagger.py [--data ../shared/data] [--epochs 3] [--no-wordnet]

The English sentences of 6 to 80 words on the odd lines of NTREX-128 (lines 1–1000) and of WMT22
CED dev's English side, and WordNet's example sentences unless ``--no-wordnet``: every fifth held
out to calibrate, the rest learned from, ``--epochs`` times, each time once as written and once with
a slip planted (``tqcheck.backends.slip_training``; seeded). The even lines are never read: measure
there with ``python bench/slips.py``. Same data, same seed, same tagger on one machine. Needs the
lm extra; about 36 minutes on two cores with WordNet, 15 without.
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

FILES = ("ntrex128-part1/newstest2019-src.eng.txt", "wmt22-ced-pt-en-dev/dev.mt")
NTREX_LINES = 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "data")
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--no-wordnet", action="store_true")
    args = parser.parse_args()
    if not all((args.data / name).is_file() for name in FILES):
        print(f"skipped: {args.data} lacks {', '.join(FILES)}")
        return
    lines: list[str] = []
    for name in FILES:
        read = (args.data / name).read_text(encoding="utf-8").splitlines()
        lines += halves(read[:NTREX_LINES] if name.startswith("ntrex") else read)["odd_lines"]
    if not args.no_wordnet:
        lines += wordnet_examples()
    started = time.monotonic()

    def told(step: int, total: int, loss: float) -> None:
        if step % 100 == 0 or step == total:
            print(f"step {step}/{total} loss {loss:.3f} ({time.monotonic() - started:.0f} s)", flush=True)

    tagger = build_tagger(lines, tagger_folder(), epochs=args.epochs, progress=told)
    print(f"built {tagger_folder()} ({tagger.signature.version}) in {time.monotonic() - started:.0f} s")


if __name__ == "__main__":
    main()
