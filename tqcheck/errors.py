"""Typed errors raised by the library; the CLI maps every one of them to exit code 2."""


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
