"""`tqcheck models` and `tqcheck cache`: what translates here, fetching and converting models, the cache."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated

import typer

from tqcheck.cli_output import fail
from tqcheck.errors import ReadError, TqcheckError
from tqcheck.readers.base import read_text

models_app = typer.Typer(help="Translation models: what is known, what is here, fetching and converting.")
cache_app = typer.Typer(help="The persistent translation cache.")
_LANGUAGE_GIVEN = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)?=")  # "pt=news.txt", "pt-BR=news.txt"


@models_app.command("list")
def models_list() -> None:
    """What translates here (the embedded model, pulled and converted models), what can be pulled,
    and what reads a draft alone for the fluency checks."""
    from tqcheck.backends.catalog import available, fetchable
    from tqcheck.checks.base import Need
    from tqcheck.checks.registry import ALL_CHECKS

    silent = ", ".join(check.code for check in ALL_CHECKS if Need.SCORES in check.needs)
    typer.echo("Available here:")
    for row in available():
        size = f"{row.size_mb:,.0f} MB" if row.size_mb else ""
        scores = "" if row.scores else f"(translates only: {silent} do not run, TQ402 and TQ403 stay below critical)"
        typer.echo(" ".join(filter(None, (f"  {row.src}→{row.tgt:<4} {row.backend:<13} {row.model}", size, scores))))
    typer.echo("\nCan be fetched with `tqcheck models pull SRC-TGT`:")
    for family in fetchable():
        typer.echo(f"  {family.family}: {len(family.pairs)} pairs")
        typer.echo("    " + " ".join(f"{src}-{tgt}" for src, tgt in family.pairs))
    _fluency_readers()


def _fluency_readers() -> None:
    """The models that read a draft alone, for the fluency checks, and the languages they read."""
    from importlib.util import find_spec

    from tqcheck.backends.language_model import EXTRA, LANGUAGE_MODELS
    from tqcheck.backends.order_judge import shared_order_judge
    from tqcheck.backends.slip_tagger import built_taggers

    typer.echo("\nReading the draft alone (fluency checks):")
    try:
        judge = shared_order_judge()
        typer.echo(f"  TQ705 word-order judge  {judge.signature.model}  reads {', '.join(sorted(judge.languages))}")
    except TqcheckError as exc:
        typer.echo(f"  TQ705 word-order judge  not available: {exc}")
    for spec in LANGUAGE_MODELS.values():
        here = "installed" if find_spec(spec.package) else f"not installed: {EXTRA}"
        typer.echo(f"  TQ703 language model {spec.name} (--fluency-model {spec.name})  reads {', '.join(sorted(spec.languages))}; {here}")
    taggers = built_taggers()
    for folder, languages in taggers.items():
        typer.echo(f"  TQ706 slip tagger  {folder.name}  reads {', '.join(sorted(languages))}")
    if not taggers:
        typer.echo("  TQ706 slip tagger  not available: none is built here (build one: tqcheck models build-tagger)")


@models_app.command("pull")
def models_pull(pair: Annotated[str, typer.Argument(help="A language pair such as el-en.")]) -> None:
    """Download the preferred model for a pair into the hub cache."""
    from tqcheck.backends.catalog import pull

    try:
        typer.echo(f"downloaded {pull(pair)}")
    except TqcheckError as exc:
        raise fail(str(exc)) from None


@models_app.command("convert")
def models_convert(
    model: Annotated[str, typer.Argument(help="Hub id or folder of a transformers model.")],
    allow_download: Annotated[bool, typer.Option("--allow-download", help="Fetch the model if missing.")] = False,
) -> None:
    """Write an int8 CTranslate2 copy of a model, for --backend ctranslate2."""
    from tqcheck.backends.ctranslate2_mt import convert

    try:
        typer.echo(f"converted {model} -> {convert(model, allow_download)}")
    except TqcheckError as exc:
        raise fail(str(exc)) from None


@models_app.command("build-tagger")
def models_build_tagger(
    text: Annotated[
        list[str] | None,
        typer.Option("--text", metavar="[LANG=]FILE",
                     help="Fluent text, a sentence a line, in English or in LANG (pt=news.pt.txt); repeatable."),
    ] = None,
    wordnet: Annotated[bool, typer.Option(help="Learn from WordNet's English example sentences too.")] = True,
    epochs: Annotated[int, typer.Option(min=1, help="Times each sentence is read.")] = 3,
    steps: Annotated[int | None, typer.Option(min=1, help="Stop after this many batches (a quick build).")] = None,
    seed: Annotated[int, typer.Option(help="Seeds the slips planted and the training.")] = 16,
) -> None:
    """Build the slip tagger TQ706 reads: an encoder fine-tuned here to find slips planted in fluent
    text, MiniLM for English alone, multilingual-e5-small with other languages (needs the lm extra;
    minutes to an hour on a CPU)."""
    from tqcheck import lang
    from tqcheck.backends.slip_tagger import tagger_folder
    from tqcheck.backends.slip_training import build_tagger, wordnet_examples

    examples = wordnet_examples() if wordnet else []  # none without Debian's wordnet-base
    lines: dict[str, list[str]] = {"en": examples} if examples else {}
    for given in text or []:
        code, path = given.split("=", 1) if _LANGUAGE_GIVEN.match(given) else ("en", given)
        try:  # read as every input is: UTF-8 or marked UTF-16/32
            lines.setdefault(lang.base(code), []).extend(read_text(Path(path)).splitlines())
        except ReadError as exc:
            raise fail(str(exc)) from None

    def told(step: int, total: int, loss: float) -> None:
        if step % 50 == 0 or step == total:
            typer.echo(f"  step {step}/{total}  loss {loss:.3f}", err=True)

    try:
        tagger = build_tagger(lines, tagger_folder(lines), epochs=epochs, steps=steps, seed=seed, progress=told)
    except TqcheckError as exc:
        raise fail(str(exc)) from None
    typer.echo(f"built the slip tagger in {tagger_folder(lines)} ({tagger.signature.version}), "
               f"reading {', '.join(sorted(tagger.languages))}")


@models_app.command("where")
def models_where() -> None:
    """Where models and the translation cache live on this machine."""
    from tqcheck.backends.catalog import where

    for what, path in where().items():
        typer.echo(f"{what}: {path}")


@cache_app.command("clear")
def cache_clear() -> None:
    """Delete every cached translation."""
    from tqcheck.cache import TranslationCache

    try:
        cache = TranslationCache()
    except TqcheckError as exc:
        raise fail(str(exc)) from None
    typer.echo(f"removed {cache.clear()} cached translations from {cache.path}")
    cache.close()
