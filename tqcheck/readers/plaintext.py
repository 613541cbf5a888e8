"""Plain-text files: UTF-8 (with or without BOM), one paragraph or segment per line."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pathlib import Path

from tqcheck.errors import ReadError

if TYPE_CHECKING:
    from tqcheck.readers.base import Document


def read_text(path: str | Path) -> str:
    """The file as text: UTF-8, not binary, not empty; raise ReadError naming file and line."""
    name = str(path)
    p = Path(path)
    if not p.exists():
        raise ReadError(name, "no such file")
    if p.is_dir():
        raise ReadError(name, "is a directory, not a text file")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise ReadError(name, f"cannot read: {exc.strerror or exc}") from None
    nul = data.find(b"\x00")
    if nul >= 0:
        raise ReadError(name, "binary file (contains NUL bytes), not text", data.count(b"\n", 0, nul) + 1)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise ReadError(name, f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})", line) from None
    if not text.strip():
        raise ReadError(name, "file is empty")
    return text


class PlainTextReader:
    """One unit a line; pairing with a source is by line or by sentence alignment."""

    format = "text"

    def read(self, path: str, text: str) -> Document:
        from tqcheck.readers.base import Document, Unit

        units = tuple(Unit(line, number) for number, line in enumerate(text.splitlines(), start=1))
        return Document(path, self.format, units, bilingual=False, keyed=False)
