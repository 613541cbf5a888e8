"""Typed errors raised by the library; the CLI maps every one of them to exit code 2."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


class TqcheckError(Exception):
    """Base of every error tqcheck raises on purpose."""


class ConfigError(TqcheckError):
    """Bad configuration: unknown key, wrong type, impossible combination."""


class ReadError(TqcheckError):
    """An input file cannot be read as text; names the file and, when known, the line."""

    def __init__(self, path: str, message: str, line: int | None = None) -> None:
        self.path = path
        self.line = line
        self.reason = message
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {message}")


class CacheError(TqcheckError):
    """The cache folder cannot be made, opened or written (a read-only home, a full disk)."""


class BackendError(TqcheckError):
    """No backend can serve a language pair, or a model failed to load or run."""


def did_you_mean(given: str, known: Iterable[str]) -> str:
    """" (did you mean 'fail-on'?)" for the known name closest to a mistyped one ("fail_on",
    "negation-missmatch"), or nothing when none is close."""
    folded = {name.lower(): name for name in known}
    close = difflib.get_close_matches(given.strip().replace("_", "-").lower(), folded, n=1, cutoff=0.75)
    return f" (did you mean {folded[close[0]]!r}?)" if close else ""
