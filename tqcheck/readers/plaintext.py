"""Plain-text files: UTF-8 (with or without BOM), one paragraph or segment per line."""

from __future__ import annotations

from tqcheck.readers.base import Document, Unit


class PlainTextReader:
    """One unit a line; pairing with a source is by line or by sentence alignment."""

    format = "text"

    def read(self, path: str, text: str, target_lang: str | None = None) -> Document:
        units = tuple(Unit(line, number) for number, line in enumerate(text.splitlines(), start=1))
        return Document(path, self.format, units, bilingual=False, keyed=False)
