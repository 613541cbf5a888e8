"""What every command prints when it fails: one line naming the problem, control characters shown
as symbols, and the exit codes the commands share."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TaskID,
    TextColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from tqcheck.text.strings import visible

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2


def error(message: str) -> None:
    typer.echo(f"tqcheck: error: {visible(message)}", err=True)  # one line, never wrapped


def note(message: str) -> None:
    typer.echo(f"tqcheck: note: {visible(message)}", err=True)


def fail(message: str) -> typer.Exit:
    error(message)
    return typer.Exit(EXIT_ERROR)


class _Rate(ProgressColumn):
    """Items a second, once rich has measured a speed."""

    def render(self, task: Task) -> Text:
        return Text(f"{task.speed:.0f}/s" if task.speed else "")


@contextmanager
def progress_bar(quiet: bool) -> Iterator[Callable[[str, int, int], None] | None]:
    """A progress bar on stderr while translating; none when quiet or when stderr is no terminal."""
    console = Console(stderr=True)
    if quiet or not console.is_terminal:
        yield None
        return
    with Progress(
        TextColumn("{task.description}", markup=False), BarColumn(), MofNCompleteColumn(), _Rate(), TimeRemainingColumn(),
        console=console, transient=True,
    ) as bar:
        tasks: dict[str, TaskID] = {}

        def update(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(stage, total=total)
            bar.update(tasks[stage], completed=done, total=total)

        yield update
