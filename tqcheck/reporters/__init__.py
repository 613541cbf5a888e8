"""Writers that turn a Report into text, all through one interface: ``write(report, stream)``."""

from __future__ import annotations

from importlib import import_module
from typing import Protocol, TextIO

from tqcheck.records import Report

FORMATS = {"text": "terminal", "json": "json", "sarif": "sarif", "html": "html"}
"""Format name → reporter module."""


class Reporter(Protocol):
    def write(self, report: Report, stream: TextIO) -> None: ...


def reporter(format_name: str) -> Reporter:
    """The reporter of a format in ``FORMATS``, imported when asked for."""
    module: Reporter = import_module(f"tqcheck.reporters.{FORMATS[format_name]}")  # type: ignore[assignment]
    return module
