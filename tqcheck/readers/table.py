"""CSV and TSV with a header row naming a source and a target column.

Read row by row: a table too long to hold is streamed into a spool (``stream``), a short one read
from its text (``read``) by the same code."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Iterator, Sequence

from tqcheck.errors import ReadError
from tqcheck.readers.base import Document, Unit
from tqcheck.readers.lines import checked_lines
from tqcheck.readers.spool import SpooledUnits

_SOURCE = ("source", "src", "original")
_TARGET = ("target", "tgt", "translation")


class CsvReader:
    format = "csv"
    delimiter = ","

    def read(self, path: str, text: str) -> Document:
        return self._document(path, io.StringIO(text, newline=""), tuple)

    def stream(self, path: str) -> Document:
        return self._document(path, (line for _, line in checked_lines(path)), SpooledUnits)

    def _document(
        self, path: str, lines: Iterable[str], keep: Callable[[Iterable[Unit]], Sequence[Unit]]
    ) -> Document:
        return Document(path, self.format, keep(self._units(path, lines)), bilingual=True, keyed=True)

    def _units(self, path: str, lines: Iterable[str]) -> Iterator[Unit]:
        rows = csv.reader(lines, delimiter=self.delimiter)
        try:
            header = [h.strip().lower() for h in next(rows, [])]
            src = next((header.index(name) for name in _SOURCE if name in header), None)
            tgt = next((header.index(name) for name in _TARGET if name in header), None)
            if src is None or tgt is None:
                raise ReadError(path, f"the header needs a source and a target column, found {header}", 1)
            key = header.index("key") if "key" in header else header.index("id") if "id" in header else None
            needed = max(src, tgt, -1 if key is None else key) + 1
            for row in rows:
                line = rows.line_num
                if len(row) < needed:
                    if any(cell.strip() for cell in row):
                        raise ReadError(path, f"row has {len(row)} columns, the header {len(header)}", line)
                    continue
                if row[tgt].strip():
                    yield Unit(row[tgt], line, row[src], row[key] if key is not None else str(line))
        except csv.Error as exc:
            raise ReadError(path, f"malformed {self.format.upper()}: {exc}", rows.line_num) from None


class TsvReader(CsvReader):
    format = "tsv"
    delimiter = "\t"
