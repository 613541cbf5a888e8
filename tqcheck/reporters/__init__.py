"""Writers that turn a Report into text, all through one interface: ``write(report, stream)``."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from importlib import import_module
from pathlib import Path
from typing import Protocol, TextIO

from tqcheck.errors import TqcheckError
from tqcheck.records import Report

FORMATS = {"text": "terminal", "json": "json", "jsonl": "jsonl", "sarif": "sarif", "html": "html"}
"""Format name → reporter module."""


class Reporter(Protocol):
    def write(self, report: Report, stream: TextIO) -> None: ...


def reporter(format_name: str) -> Reporter:
    """The reporter of a format in ``FORMATS``, imported when asked for."""
    module: Reporter = import_module(f"tqcheck.reporters.{FORMATS[format_name]}")  # type: ignore[assignment]
    return module


def refuse_inputs(output: Path, inputs: Sequence[str]) -> None:
    """A TqcheckError when ``output`` is one of the ``inputs`` (the same file, a link to it, or a
    hard link): tqcheck never writes over what it reads."""
    for name in inputs:
        same = output.exists() and Path(name).exists() and os.path.samefile(output, name)
        if same or output.resolve() == Path(name).resolve():
            raise TqcheckError(f"{output}: refusing to write the report over the input {name}")


@contextmanager
def atomic_output(path: Path) -> Iterator[TextIO]:
    """A stream whose text replaces ``path`` only once it is whole: written to a temporary file
    beside it and renamed, so a run killed half-way never leaves half a report."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            yield stream
        os.chmod(temporary, path.stat().st_mode if path.exists() else 0o666 & ~_umask())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
