"""What every command prints when it fails: one line naming the problem, control characters shown
as symbols, and the exit codes the commands share."""

from __future__ import annotations

import typer

from tqcheck.text.strings import visible

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2


def error(message: str) -> None:
    typer.echo(f"tqcheck: error: {visible(message)}", err=True)  # one line, never wrapped


def fail(message: str) -> typer.Exit:
    error(message)
    return typer.Exit(EXIT_ERROR)
