"""Speed and memory of the translation backends and the cache.

    python bench/backends.py [--data ../shared/data] [--model DIR] [--lines 100] [--repeat 3]

* embedded default: whole-check segments/s, bilingual (NTREX en→pt) and monolingual (round trip),
  and peak memory of a `tqcheck check` process;
* warm re-check of an unchanged 1,000-segment file with the translation cache;
* where the embedded backend's worker pool starts to pay: a fresh process translating its first
  batch of N sentences in itself, then with its workers (their start-up included);
* the whole check against its floor, the translation work itself: raw engine calls on the NTREX
  1,000 lines (en→pt for the source, pt→en for the draft) with the same worker processes, against
  `tqcheck check --no-cache` on the same pair, each a fresh process; wall and CPU seconds, and
  their ratios;
* streaming: peak memory of the check and its workers with ``--format jsonl`` (results written
  and let go) against ``--format json`` (kept for the report), on NTREX repeated to 50,000 lines
  with the model-free checks (en→el) and to 5,000 lines with the embedded model (en→pt); and a
  TMX translation memory of 50,000 and 200,000 units (en→el, model-free, JSON Lines);
* the Ray engine against the local one: the same whole check (fresh processes, no cache) with
  ``--engine ray`` on a local Ray instance, alternated three rounds: segments/s of each, Ray's
  overhead over the local run of each round, and its median; and Ray's fixed cost alone (import,
  start, an idle actor pool, stop), the medians of three fresh processes;
* transformers vs CTranslate2 on the same model, and tqcheck's overhead over a plain
  tokenizer + ``generate()`` loop on the same inputs. With no ``--model`` (no hub here) this builds a
  random-weight Marian model with the Opus-MT shape (512 wide, 6+6 layers, 8 heads, FFN 2048, 58,101
  embedding rows; SentencePiece trained on the NTREX lines): the compute of a real Opus-MT model,
  with gibberish output. Random weights rarely emit end-of-sentence, so nearly every output runs to
  ``max_length`` tokens in both backends; the mean output length is reported to show the work matched.
  Both backends use tqcheck's defaults (4 beams, threads as the library picks them).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _seconds(fn: Any, repeat: int = 1) -> float:
    """The fastest of ``repeat`` runs: on a shared 2-core machine single runs vary by ±10 %."""
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - started)
    return best


def embedded(ntrex: Path, cache_dir: Path) -> dict[str, Any]:
    from tqcheck.config import Config
    from tqcheck.pipeline import Languages, check_files

    source, target = ntrex / "newstest2019-src.eng.txt", ntrex / "newstest2019-ref.por.txt"
    cold_config, cached_config = Config(cache=False), Config()
    os.environ["TQCHECK_CACHE_DIR"] = str(cache_dir)
    run = lambda config: check_files([str(target)], str(source), Languages("en", "pt"), config)  # noqa: E731
    cold = _seconds(lambda: run(cold_config))
    run(cached_config)  # fills the cache
    warm_in_process = _seconds(lambda: run(cached_config))
    cli = [sys.executable, "-m", "tqcheck", "check", "-f", "json", "-o", os.devnull, "--source-lang", "en",
           "--target-lang", "pt", "-s", str(source), str(target)]
    warm_cli = _seconds(lambda: subprocess.run(cli, check=False, capture_output=True))
    mono = _seconds(lambda: check_files([str(source)], None, Languages(target="en"), cold_config))
    segments = 1000
    command = [sys.executable, "-m", "tqcheck", "check", "--no-cache", "-f", "json", "-o", os.devnull, "-s", str(source), str(target)]
    peak = _peak_tree_rss_mb(command)
    return {
        "bilingual_segments_per_second": round(segments / cold, 1),
        "monolingual_sentences_per_second": round(segments / mono, 1),
        "warm_recheck_1000_segments_seconds_in_process": round(warm_in_process, 2),
        "warm_recheck_1000_segments_seconds_cli_process": round(warm_cli, 2),
        "peak_rss_mb_check_process_and_workers": round(peak),
    }


_FIRST_BATCH = """
import sys, time
from tqcheck.backends import embedded
texts = open(sys.argv[1], encoding="utf-8").read().splitlines()[: int(sys.argv[2])]
started = time.perf_counter()
if sys.argv[3] == "workers":
    embedded._parallel(texts, "en", "pt")
else:
    embedded.EmbeddedBackend.shared().translate_here(texts, "en", "pt")
print(time.perf_counter() - started)
"""


_FLOOR = """
import sys
from tqcheck.backends import embedded
source = open(sys.argv[1], encoding="utf-8").read().splitlines()
draft = open(sys.argv[2], encoding="utf-8").read().splitlines()
if __name__ == "__main__":
    for start in range(0, len(source), 64):  # the chunks the pipeline sends, length-sorted as it does
        embedded._parallel(sorted(source, key=len)[start : start + 64], "en", "pt")
        embedded._parallel(sorted(draft, key=len)[start : start + 64], "pt", "en")
"""


def _timed_process(command: list[str]) -> tuple[float, float]:
    """Wall seconds and CPU seconds (the process and all its workers) of a command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, check=False, capture_output=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def floor_ratio(ntrex: Path) -> dict[str, Any]:
    """The whole bilingual check against the translation work it cannot avoid."""
    source, draft = ntrex / "newstest2019-src.eng.txt", ntrex / "newstest2019-ref.por.txt"
    floor = _timed_process([sys.executable, "-c", _FLOOR, str(source), str(draft)])
    whole = _timed_process([sys.executable, "-m", "tqcheck", "check", "--no-cache", "-q", "-f", "json", "-o",
                            os.devnull, "-s", str(source), str(draft)])
    return {
        "floor_wall_seconds": round(floor[0], 1), "floor_cpu_seconds": round(floor[1], 1),
        "whole_check_wall_seconds": round(whole[0], 1), "whole_check_cpu_seconds": round(whole[1], 1),
        "wall_ratio": round(whole[0] / floor[0], 2), "cpu_ratio": round(whole[1] / floor[1], 2),
    }


def streaming_memory(ntrex: Path, work: Path) -> dict[str, Any]:
    """Peak memory (MB, the check and its workers) of the same long file written as JSON Lines and
    as one JSON report; and of a translation memory in TMX, 50,000 and 200,000 units (model-free,
    JSON Lines), whose units are streamed into a spool."""
    english = (ntrex / "newstest2019-src.eng.txt").read_text(encoding="utf-8").splitlines()
    found: dict[str, Any] = {}

    def peak(fmt: str, *inputs: str) -> int:
        command = [sys.executable, "-m", "tqcheck", "check", "--no-cache", "-q", "-f", fmt, "-o",
                   str(work / f"out.{fmt}"), *inputs]
        return round(_peak_tree_rss_mb(command))

    for name, lines, target_file, lang in (("model_free_en_el", 50_000, "ell", "el"), ("embedded_en_pt", 5_000, "por", "pt")):
        target = (ntrex / f"newstest2019-ref.{target_file}.txt").read_text(encoding="utf-8").splitlines()
        source_path, target_path = work / f"long.{name}.en", work / f"long.{name}.{lang}"
        repeat = lines // len(english) + 1
        source_path.write_text("\n".join((english * repeat)[:lines]) + "\n", encoding="utf-8")
        target_path.write_text("\n".join((target * repeat)[:lines]) + "\n", encoding="utf-8")
        found[name] = {"lines": lines} | {
            f"{fmt}_peak_mb": peak(fmt, "-s", str(source_path), "--source-lang", "en", "--target-lang", lang, str(target_path))
            for fmt in ("jsonl", "json")
        }
    greek = (ntrex / "newstest2019-ref.ell.txt").read_text(encoding="utf-8").splitlines()
    for units in (50_000, 200_000):
        memory = work / f"memory.{units}.tmx"
        with memory.open("w", encoding="utf-8") as out:
            out.write('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="en"/><body>\n')
            for i in range(units):
                en, el = (escape(text[i % len(english)]) for text in (english, greek))
                out.write(f'<tu tuid="{i + 1}"><tuv xml:lang="en"><seg>{en}</seg></tuv>'
                          f'<tuv xml:lang="el"><seg>{el}</seg></tuv></tu>\n')
            out.write("</body></tmx>\n")
        found[f"tmx_model_free_en_el_{units}"] = {"units": units, "jsonl_peak_mb": peak("jsonl", str(memory))}
    # one-language files of 200,000 units with their sources, paired by key (JSON, SRT) or by block
    units = 200_000
    for fmt, write in (("json", _json_catalogue), ("srt", _subtitles), ("md", _markdown)):
        paths = []
        for code, lines in (("en", english), ("el", greek)):
            paths.append(work / f"long.{code}.{fmt}")
            paths[-1].write_text(write([lines[i % len(lines)] for i in range(units)]), encoding="utf-8")
        found[f"{fmt}_model_free_en_el_{units}"] = {
            "units": units,
            "jsonl_peak_mb": peak("jsonl", "-s", str(paths[0]), "--source-lang", "en", "--target-lang", "el", str(paths[1])),
        }
    return found


def _json_catalogue(texts: list[str]) -> str:
    """An i18n catalogue: screens of 100 labels each."""
    screens: dict[str, dict[str, str]] = {}
    for i, text in enumerate(texts):
        screens.setdefault(f"screen{i // 100}", {})[f"label{i}"] = text
    return json.dumps(screens, ensure_ascii=False, indent=2)


def _subtitles(texts: list[str]) -> str:
    cues = []
    for i, text in enumerate(texts, start=1):
        start = f"{i // 3600:02d}:{i // 60 % 60:02d}:{i % 60:02d}"
        cues.append(f"{i}\n{start},000 --> {start},900\n{text}\n")
    return "\n".join(cues)


def _markdown(texts: list[str]) -> str:
    """A long document: a heading every ten paragraphs."""
    return "\n\n".join(f"## Part {i // 10}\n\n{text}" if i % 10 == 0 else text for i, text in enumerate(texts)) + "\n"


def ray_against_local(ntrex: Path, rounds: int = 3) -> dict[str, Any]:
    """The whole bilingual check on the local engine and on a local Ray instance (its start-up and
    actor's model loading included), alternated for ``rounds`` rounds: a machine's load moves one
    run by several seconds, so each round's overhead is against the local run beside it, and the
    median says what to expect."""
    source, draft = ntrex / "newstest2019-src.eng.txt", ntrex / "newstest2019-ref.por.txt"
    segments = len(draft.read_text(encoding="utf-8").splitlines())
    command = [sys.executable, "-m", "tqcheck", "check", "--no-cache", "-q", "-f", "json", "-o", os.devnull,
               "-s", str(source), str(draft)]
    runs = [(_timed_process(command)[0], _timed_process([*command, "--engine", "ray"])[0]) for _ in range(rounds)]
    overheads = [on_ray / local - 1 for local, on_ray in runs]
    return {
        "segments": segments,
        "rounds": rounds,
        "local_segments_per_second": [round(segments / local, 1) for local, _ in runs],
        "ray_segments_per_second": [round(segments / on_ray, 1) for _, on_ray in runs],
        "ray_overhead_each_round": [round(o, 3) for o in overheads],
        "ray_overhead_median": round(sorted(overheads)[len(overheads) // 2], 3),
    }


_RAY_FIXED = """
import json, time
started = time.perf_counter()
import ray
from tqcheck import ray_engine
from tqcheck.config import Config
imported = time.perf_counter()
config = Config(engine="ray")
actors, each = ray_engine.pool(config)
up = time.perf_counter()

class Idle:
    def __call__(self, batch):
        return batch

done = ray_engine._pooled(ray, [{"index": i} for i in range(4)], Idle, {}, actors, each, 0)
assert sorted(row["index"] for row in done.iter_rows()) == [0, 1, 2, 3]
pooled = time.perf_counter()
ray_engine._stop(ray)
stopped = time.perf_counter()
print(json.dumps({"import": imported - started, "start": up - imported, "actor_pool": pooled - up,
                  "stop": stopped - pooled}))
"""


def ray_fixed_cost(rounds: int = 3) -> dict[str, Any]:
    """What the Ray engine costs whatever the file: importing Ray, starting a local instance as
    tqcheck starts it, an actor pool doing nothing, and stopping the instance, each the median of
    ``rounds`` fresh processes, and the whole process from outside. Against a file's local run time
    it says the overhead to expect, which the alternated whole runs only bracket on a loaded machine."""
    runs = []
    for _ in range(rounds):
        started = time.perf_counter()
        done = subprocess.run([sys.executable, "-c", _RAY_FIXED], capture_output=True, text=True, check=True)
        runs.append({**json.loads(done.stdout), "process": time.perf_counter() - started})
    return {stage: round(sorted(run[stage] for run in runs)[rounds // 2], 2) for stage in runs[0]}


def pool_crossover(ntrex: Path, sizes: tuple[int, ...] = (8, 16, 32, 64)) -> dict[str, Any]:
    """Seconds for a fresh process's first batch, in one process and with the worker pool."""
    source = str(ntrex / "newstest2019-src.eng.txt")
    found: dict[str, Any] = {}
    for n in sizes:
        for mode in ("one_process", "workers"):
            runs = [
                float(subprocess.run([sys.executable, "-c", _FIRST_BATCH, source, str(n), mode], check=True,
                                     capture_output=True, text=True).stdout)
                for _ in range(3)
            ]
            found.setdefault(f"{n}_sentences", {})[f"{mode}_seconds"] = round(min(runs), 2)
    return found


def _peak_tree_rss_mb(command: list[str]) -> float:
    """Peak resident memory of a command and its worker processes together, sampled."""
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = 0
    while process.poll() is None:
        sampled = subprocess.run(["ps", "-o", "rss=", "-p", str(process.pid), "--ppid", str(process.pid)],
                                 capture_output=True, text=True).stdout.split()
        peak = max(peak, sum(int(kb) for kb in sampled))
        time.sleep(0.2)
    return peak / 1024


def model_backends(
    model_dir: Path | None, lines: list[str], corpus: list[str], work: Path, beams: int = 4, repeat: int = 3
) -> dict[str, Any]:
    import torch
    from transformers import AutoModelForSeq2SeqLM, AutoTokenizer

    from tqcheck.backends.ctranslate2_mt import CTranslate2Backend, convert
    from tqcheck.backends.transformers_mt import GenerationOptions, TransformersBackend

    built = model_dir is None
    if built:
        sys.path.insert(0, str(ROOT / "tests"))
        from tiny_marian import OPUS_MT_BASE, build

        model_dir = build(work / "random-en-pt", "en", "pt", OPUS_MT_BASE, corpus)
    options = GenerationOptions(batch_size=16, beams=beams, max_length=64)
    backend = TransformersBackend([("en", "pt")], [str(model_dir)], options=options)
    backend.translate(lines[:2], "en", "pt")  # load outside the timing
    outputs: dict[str, list[str]] = {}
    ours = _seconds(lambda: outputs.__setitem__("transformers", backend.translate(lines, "en", "pt")), repeat)

    tokenizer = AutoTokenizer.from_pretrained(model_dir, local_files_only=True)
    model = AutoModelForSeq2SeqLM.from_pretrained(model_dir, local_files_only=True).eval()

    def raw(texts: list[str] = lines) -> None:
        for start in range(0, len(texts), options.batch_size):
            batch = tokenizer(texts[start : start + options.batch_size], return_tensors="pt", padding=True, truncation=True)
            with torch.inference_mode():
                out = model.generate(**batch, num_beams=beams, max_new_tokens=options.max_length)
            tokenizer.batch_decode(out, skip_special_tokens=True)

    raw(lines[:2])  # warm-up, as for the backends
    plain = _seconds(raw, repeat)
    os.environ["TQCHECK_MODELS_DIR"] = str(work / "models")
    converted = convert(str(model_dir))
    ct2 = CTranslate2Backend([("en", "pt")], [str(converted)], options)
    ct2.translate(lines[:2], "en", "pt")
    fast = _seconds(lambda: outputs.__setitem__("ctranslate2", ct2.translate(lines, "en", "pt")), repeat)
    # Characters, not tokens: unused embedding rows decode to "<unusedN>" strings that re-tokenize long.
    chars = {name: round(sum(map(len, texts)) / len(texts)) for name, texts in outputs.items()}
    return {
        "model": "random Marian, Opus-MT shape" if built else str(model_dir),
        "parameters_millions": round(sum(p.numel() for p in model.parameters()) / 1e6, 1),
        "sentences": len(lines),
        "beams": beams,
        "timed_runs_fastest_of": repeat,
        "mean_output_characters": chars,
        "transformers_sentences_per_second": round(len(lines) / ours, 1),
        "raw_generate_sentences_per_second": round(len(lines) / plain, 1),
        "overhead_over_raw_generate_percent": round(100 * (ours - plain) / plain, 1),
        "ctranslate2_sentences_per_second": round(len(lines) / fast, 1),
        "ctranslate2_speedup": round(ours / fast, 2),
    }


def _neighbours(data: Path) -> list[str]:
    """Portuguese text for the random model's shared vocabulary, when the data is there."""
    reference = data / "ntrex128-part1" / "newstest2019-ref.por.txt"
    return reference.read_text(encoding="utf-8").splitlines() if reference.is_file() else []


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--model", type=Path, help="a local en→pt transformers model folder")
    parser.add_argument("--lines", type=int, default=100)
    parser.add_argument("--beams", type=int, default=4, help="beam size for both backends (tqcheck's default: 4)")
    parser.add_argument("--repeat", type=int, default=3, help="time each backend this many times and keep the fastest")
    args = parser.parse_args()
    ntrex = args.data / "ntrex128-part1"
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        if ntrex.is_dir():
            results["embedded"] = embedded(ntrex, work / "cache")
            results["worker_pool_first_batch"] = pool_crossover(ntrex)
            results["whole_check_against_its_floor"] = floor_ratio(ntrex)
            results["ray_against_local"] = ray_against_local(ntrex)
            results["ray_fixed_cost_seconds"] = ray_fixed_cost()
            results["streaming_memory"] = streaming_memory(ntrex, work)
            lines = (ntrex / "newstest2019-src.eng.txt").read_text(encoding="utf-8").splitlines()
        else:
            print(f"skipped the embedded figures: {ntrex} not found")
            lines = [line for line in (ROOT / "references/seed/kaliningrad-article.en.txt").read_text().splitlines() if line]
        try:
            corpus = lines + _neighbours(args.data)
            results["transformers_vs_ctranslate2"] = model_backends(
                args.model, lines[: args.lines], corpus, work, args.beams, args.repeat
            )
        except ImportError as exc:
            print(f"skipped transformers/CTranslate2: {exc}")
    print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
