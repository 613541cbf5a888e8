"""Hostile and pathological input: time and peak memory of each case, tracebacks over a fuzz run,
inputs unchanged, and no process left behind.

    python bench/hostile.py [--fuzz 1000] [--cli 60] [--json results.json]

* each pathological input through `tqcheck check` (as a separate process, no cache): wall time,
  peak resident memory of the check and its workers together, exit code and whether a traceback
  was printed; the goal is under 30 s and 600 MB each;
* ``--fuzz`` broken files (tests/fuzz_inputs.py, seeded) through the readers in this process, and
  ``--cli`` of them through the whole command line: tracebacks counted (the goal is none);
* every input file hashed before and after: tqcheck never writes to its inputs;
* a check killed with SIGTERM and with SIGKILL once its workers run: processes left behind.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
from shared import report  # noqa: E402

SEED = ROOT / "references" / "seed" / "kaliningrad-article.en.txt"
COMMAND = [sys.executable, "-m", "tqcheck", "check", "--no-cache", "-q", "-f", "json", "-o", os.devnull]


def _words(n: int) -> str:
    words = SEED.read_text(encoding="utf-8").replace(".", " ").replace(",", " ").split()
    rng = random.Random(0)
    return " ".join(rng.choice(words) for _ in range(n))


def _cases(folder: Path) -> dict[str, list[str]]:
    """Each pathological input, as the arguments of a check."""
    line = _words(200_000)[:1_000_000]
    files = {
        "unpunctuated-1MB.en.txt": line + "\n",
        "word-1MB.en.txt": "x" * 1_000_000 + "\n",
        "unpunctuated-10KB.en.txt": line[:10_000] + "\n",
        "source-1MB.pt.txt": line + "\nO ministro demitiu-se.\n",
        "draft-1MB.en.txt": line + "\nThe minister resigned.\n",
        "deep.json": "[" * 100_000,
        "billion-laughs.xlf": '<?xml version="1.0"?>\n<!-- ' + "x" * 100_000 + ' -->\n<!DOCTYPE x [<!ENTITY a "aaaa">'
        + "".join(f'<!ENTITY {chr(98 + i)} "' + f"&{chr(97 + i)};" * 10 + '">' for i in range(9))
        + ']>\n<xliff version="1.2"><file><body><trans-unit id="1"><source>&j;</source><target>&j;</target>'
        "</trans-unit></body></file></xliff>\n",
        "escape-codes.en.txt": "The minister said \x1b[H\x1b[J that 90% of hospitals closed.\n",
    }
    greek = "Η κυβέρνηση ανακοίνωσε χθες νέα μέτρα για την οικονομία."
    files["catalogue-20000.el.json"] = json.dumps({f"screen{i}.label": f"{greek} ({i})" for i in range(20_000)},
                                                  ensure_ascii=False, indent=1)
    # a minified catalogue, one line of 2 MB (the spooled reader holds that line, not the units)
    files["catalogue-minified-20000.el.json"] = json.dumps({f"label{i}": f"{greek} ({i})" for i in range(20_000)},
                                                           ensure_ascii=False, separators=(",", ":"))
    # an unclosed code fence: CommonMark reads the rest as code, so the Markdown reader can cut nowhere
    files["unclosed-fence.el.md"] = f"# {greek}\n\n```\n" + f"{greek}\n\n" * 20_000
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return {
        "1 MB line without punctuation (no source)": [str(folder / "unpunctuated-1MB.en.txt")],
        "1 MB word (no source)": [str(folder / "word-1MB.en.txt")],
        "10 KB line without punctuation (no source)": [str(folder / "unpunctuated-10KB.en.txt")],
        "1 MB line against a 1 MB line (bilingual)": [
            "--source-lang", "pt", "--target-lang", "en", "-s", str(folder / "source-1MB.pt.txt"),
            str(folder / "draft-1MB.en.txt"),
        ],
        "JSON nested 100,000 deep": [str(folder / "deep.json")],
        "JSON catalogue of 20,000 keys (Greek, no model)": [str(folder / "catalogue-20000.el.json")],
        "JSON catalogue of 20,000 keys on one line": [str(folder / "catalogue-minified-20000.el.json")],
        "Markdown whose code fence never closes (40,000 lines)": [str(folder / "unclosed-fence.el.md")],
        "billion laughs after a 100 KB comment": [str(folder / "billion-laughs.xlf")],
        "terminal escape codes": [str(folder / "escape-codes.en.txt")],
    }


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _tree(pid: int) -> list[int]:
    out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(pid)], capture_output=True, text=True).stdout
    return [int(p) for p in out.split()]


def _measure(args: list[str]) -> dict[str, Any]:
    """Wall time, peak RSS of the check and its children, exit code, traceback or not."""
    started = time.perf_counter()
    process = subprocess.Popen([*COMMAND, *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    while process.poll() is None:
        pids = [process.pid, *_tree(process.pid)]
        sampled = subprocess.run(["ps", "-o", "rss=", "-p", ",".join(map(str, pids))], capture_output=True, text=True)
        peak = max(peak, sum(int(kb) for kb in sampled.stdout.split()))
        time.sleep(0.1)
    stderr = process.stderr.read().decode("utf-8", "replace") if process.stderr else ""
    return {
        "seconds": round(time.perf_counter() - started, 2),
        "peak_rss_mb": round(peak / 1024),
        "exit_code": process.returncode,
        "traceback": "Traceback" in stderr,
    }


def _fuzz(count: int, cli: int, folder: Path) -> dict[str, Any]:
    from tests.fuzz_inputs import generate
    from tqcheck.errors import ReadError
    from tqcheck.readers.base import read_document

    escaped, refused, through_cli, cli_tracebacks = [], 0, 0, []
    for n, (name, content) in enumerate(generate(count, seed=2026)):
        path = folder / name
        path.write_bytes(content)
        try:
            read_document(str(path))
        except ReadError:
            refused += 1
        except Exception as exc:  # noqa: BLE001 - counted, which is the point
            escaped.append(f"{name}: {type(exc).__name__}")
        if n < cli:
            before = _digest(path)
            done = subprocess.run([*COMMAND, str(path)], capture_output=True, text=True, timeout=300)
            through_cli += 1
            if "Traceback" in done.stderr or done.returncode not in (0, 1, 2) or _digest(path) != before:
                cli_tracebacks.append(name)
        path.unlink()
    return {
        "generated": count,
        "refused_with_a_read_error": refused,
        "reader_tracebacks": len(escaped),
        "examples": escaped[:5],
        "through_the_cli": through_cli,
        "cli_tracebacks_or_changed_inputs": len(cli_tracebacks),
    }


def _left_behind(folder: Path, sig: int) -> int:
    draft = folder / "many.en.txt"
    draft.write_text("\n".join(f"Sentence {i} of the long report on the budget debate." for i in range(3000)) + "\n")
    process = subprocess.Popen([*COMMAND, str(draft)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while len(_tree(process.pid)) < 2 and time.monotonic() < deadline:
        time.sleep(0.2)
    children = _tree(process.pid)
    process.send_signal(sig)
    process.wait()
    time.sleep(3)
    return sum(1 for c in children if Path(f"/proc/{c}").exists() and "Z" not in Path(f"/proc/{c}/stat").read_text().split()[2])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fuzz", type=int, default=1000, help="broken files through the readers")
    parser.add_argument("--cli", type=int, default=60, help="of those, how many through the whole command")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        cases = _cases(folder)
        inputs = {p: _digest(p) for p in folder.iterdir()}
        results["pathological"] = {name: _measure(case) for name, case in cases.items()}
        results["inputs_unchanged"] = all(_digest(p) == digest for p, digest in inputs.items())
        results["fuzz"] = _fuzz(args.fuzz, args.cli, folder)
        results["processes_left_after"] = {
            "SIGTERM": _left_behind(folder, signal.SIGTERM),
            "SIGKILL": _left_behind(folder, signal.SIGKILL),
        }
    report(results, args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
