"""The command line: parses options, calls the library, prints, and picks the exit code. No logic."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional, TextIO

import typer
from rich.console import Console

from tqcheck import __version__, lang
from tqcheck.checks.registry import ALL_CHECKS, lookup
from tqcheck.cli_models import cache_app, models_app
from tqcheck.cli_output import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, error, fail, note, progress_bar
from tqcheck.config import load_config
from tqcheck.errors import TqcheckError
from tqcheck.pipeline import Languages, check_files
from tqcheck.records import Report, Severity
from tqcheck.reporters import atomic_output, jsonl, refuse_inputs, reporter
from tqcheck.reporters.terminal import left_out_words

app = typer.Typer(
    name="tqcheck",
    help="Catch translations that read well but say the wrong thing.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class Format(str, Enum):
    text = "text"
    json = "json"
    jsonl = "jsonl"
    sarif = "sarif"
    html = "html"


class Engine(str, Enum):
    local = "local"
    ray = "ray"


class BackendChoice(str, Enum):
    auto = "auto"
    embedded = "embedded"
    transformers = "transformers"
    ctranslate2 = "ctranslate2"
    apertium = "apertium"


class FailOn(str, Enum):
    critical = "critical"
    major = "major"
    minor = "minor"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"tqcheck {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """Catch translations that read well but say the wrong thing."""


def exit_code(report: Report, fail_on: Severity, streamed: Severity | None = None) -> int:
    """0, 1 or 2 by the report (or, when results were streamed, by the worst severity streamed)."""
    if report.errors:
        return EXIT_ERROR
    worst = streamed or report.worst()
    return EXIT_FINDINGS if worst is not None and worst.rank >= fail_on.rank else EXIT_OK


@app.command()
def check(
    translations: Annotated[
        list[str], typer.Argument(help="Translation files to check; - reads standard input.", show_default=False)
    ],
    source: Annotated[
        Optional[str], typer.Option("--source", "-s", help="Source file; without it each sentence is round-tripped.")
    ] = None,
    source_lang: Annotated[
        Optional[str], typer.Option(help="Source language (en, pt-BR); detected if omitted.")
    ] = None,
    target_lang: Annotated[Optional[str], typer.Option(help="Translation language; detected if omitted.")] = None,
    backend: Annotated[Optional[BackendChoice], typer.Option(help="Translation backend. \\[default: auto]")] = None,
    model: Annotated[
        Optional[list[str]],
        typer.Option(help="Model (hub id or folder) to use before the pair registry; repeatable."),
    ] = None,
    allow_download: Annotated[
        Optional[bool], typer.Option("--allow-download", help="Let a missing model be downloaded.")
    ] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Neither read nor write the translation cache.")] = False,
    require_model: Annotated[
        Optional[bool],
        typer.Option("--require-model", help="A pair no model translates is an error, not a model-free check."),
    ] = None,
    fluency_model: Annotated[
        Optional[str],
        typer.Option(help="Language model for the fluency checks (smollm2: English; needs tqcheck\\[lm]).", show_default=False),
    ] = None,
    engine: Annotated[
        Optional[Engine], typer.Option(help="Where segments are checked: here, or on Ray (tqcheck\\[ray]). \\[default: local]")
    ] = None,
    address: Annotated[
        Optional[str], typer.Option("--address", help="With --engine ray: the cluster to join (else Ray starts here).")
    ] = None,
    gpus_per_worker: Annotated[
        Optional[float], typer.Option(min=0, help="With --engine ray: GPUs each actor asks for.")
    ] = None,
    select: Annotated[Optional[list[str]], typer.Option(help="Report only these codes, prefixes or names.")] = None,
    ignore: Annotated[Optional[list[str]], typer.Option(help="Never report these codes, prefixes or names.")] = None,
    warn_unused_ignores: Annotated[
        Optional[bool], typer.Option("--warn-unused-ignores", help="Report inline suppressions that silence nothing.")
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    output_format: Annotated[Format, typer.Option("--format", "-f", help="Report format.")] = Format.text,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write the report here.")] = None,
    resume: Annotated[
        bool, typer.Option("--resume", help="With --format jsonl --output: keep the lines written, add the rest.")
    ] = False,
    fail_on: Annotated[
        Optional[FailOn], typer.Option(help="Lowest severity that makes the exit code 1. \\[default: critical]")
    ] = None,
) -> None:
    """Check translations: back-translate, compare and run the critical-error checks."""
    try:
        if output is not None:
            refuse_inputs(output, [*translations, *([source] if source else [])])
        config = load_config().with_overrides(
            backend=backend.value if backend else None,
            models=tuple(model) if model else None,
            allow_download=allow_download,
            cache=False if no_cache else None,
            select=tuple(select) if select else None,
            ignore=tuple(ignore) if ignore else None,
            warn_unused_ignores=warn_unused_ignores,
            require_model=require_model,
            fluency_model=fluency_model,
            engine=engine.value if engine else None,
            ray_address=address,
            gpus_per_worker=gpus_per_worker,
            fail_on=Severity(fail_on.value) if fail_on else None,
        )
        if resume and output_format is not Format.jsonl:
            raise fail("--resume continues a --format jsonl --output FILE run")
        # JSON Lines are written as each chunk is checked, through a sink; the other formats at the end
        sink, stream = _line_sink(output, resume) if output_format is Format.jsonl else (None, None)
        try:
            with progress_bar(quiet) as progress:
                languages = Languages(source=_language(source_lang), target=_language(target_lang))
                report = check_files(translations, source, languages, config, progress, sink)
        finally:
            if stream is not None and output is not None:
                stream.close()
    except TqcheckError as exc:
        raise fail(str(exc)) from None
    for problem in report.errors:
        error(str(problem))
    if sink is not None:  # JSON Lines hold segments only; what a file left out is said beside them
        for file in report.files:
            if file.left_out:
                note(f"{file.path}: left out, not checked: {left_out_words(file)}")
    else:
        write = reporter(output_format.value).write
        if output is None:
            write(report, sys.stdout)
        else:
            try:
                with atomic_output(output) as out:
                    write(report, out)
            except OSError as exc:
                raise fail(f"{output}: cannot write the report: {exc.strerror}") from None
    raise typer.Exit(exit_code(report, config.fail_on, sink.worst if sink else None))


def _line_sink(output: Path | None, resume: bool) -> tuple[jsonl.Sink, TextIO]:
    """Where JSON Lines go (appended after the whole lines a killed run wrote, with ``resume``)."""
    if resume and output is None:
        raise fail("--resume needs the --output file of the run to continue")
    written = jsonl.resume(output) if resume and output is not None else set()
    try:
        stream = output.open("a" if resume else "w", encoding="utf-8") if output else sys.stdout
    except OSError as exc:
        raise fail(f"{output}: cannot write the report: {exc.strerror}") from None
    return jsonl.Sink(stream, written), stream


@app.command()
def rules(
    code: Annotated[Optional[str], typer.Argument(help="A check code or name: print its documentation.")] = None,
) -> None:
    """List every check, or document one with its bad and good examples."""
    console = Console(highlight=False, soft_wrap=True)
    if code is None:
        for check_cls in ALL_CHECKS:
            console.print(
                f"{check_cls.code}  {check_cls.name:<28} {check_cls.severity.value:<9} {check_cls.summary()}",
                markup=False,
            )
        return
    try:
        found = lookup(code)
    except TqcheckError as exc:
        raise fail(str(exc)) from None
    console.print(f"{found.code} {found.name} ({found.severity.value})\n", markup=False)
    console.print(found.doc(), markup=False)
    if found.options:
        console.print("\nOptions ([tool.tqcheck.checks." + found.name + "]):", markup=False)
        for key, value in found.options.items():
            console.print(f"  {key} = {value}", markup=False)


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on; 127.0.0.1 keeps the server on this machine.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    backend: Annotated[Optional[BackendChoice], typer.Option(help="Translation backend. \\[default: auto]")] = None,
    model: Annotated[Optional[list[str]], typer.Option(help="Model (hub id or folder) before the registry.")] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Neither read nor write the translation cache.")] = False,
    max_chars: Annotated[int, typer.Option(help="Longest draft and source, together, a request may send.")] = 200_000,
) -> None:
    """Serve the page for editors and the HTTP API (POST /api/check) for publishing systems."""
    try:
        import uvicorn

        from tqcheck.server import MAX_BYTES, create_app
    except ImportError:
        raise fail("the server needs: pip install 'tqcheck[serve]'") from None
    try:
        config = load_config().with_overrides(
            backend=backend.value if backend else None, models=tuple(model) if model else None,
            cache=False if no_cache else None,
        )
    except TqcheckError as exc:
        raise fail(str(exc)) from None
    uvicorn.run(create_app(config, max_chars, MAX_BYTES), host=host, port=port, log_level="info")



app.add_typer(models_app, name="models")
app.add_typer(cache_app, name="cache")


def _language(code: str | None) -> str | None:
    """A --source-lang or --target-lang as given, its shape checked: a usage error otherwise."""
    try:
        return code and lang.checked(code)
    except ValueError as exc:
        raise fail(str(exc)) from None


def main() -> None:
    app()
